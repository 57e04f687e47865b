#pragma once

#include "oci/core/result.h"

#include <QByteArrayView>
#include <QDateTime>
#include <QString>

namespace oci {

// The JSON answer of a token endpoint (Docker token auth or OAuth2).
struct TokenResponse
{
    QString token;
    QString refreshToken;
    int expiresInSeconds = 60;
    QDateTime issuedAt; // invalid if absent/garbage
};

// Accepts `token` or `access_token` (token wins when both are present). Body capped at
// 64 KiB (SizeLimitExceeded); expires_in absent or < 60 -> 60, capped at one day;
// empty token or non-JSON -> MalformedDocument.
Result<TokenResponse> parseTokenResponse(QByteArrayView body);

} // namespace oci
