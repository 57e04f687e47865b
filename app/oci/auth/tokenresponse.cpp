#include "oci/auth/tokenresponse.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

namespace oci {

namespace {

constexpr qsizetype MaxTokenResponseBytes = 64 * 1024;
constexpr int MinExpirySeconds = 60;      // distribution token.md: servers never issue less
constexpr int MaxExpirySeconds = 24 * 3600; // longer lifetimes gain nothing, and keep int math safe

Error malformed(const QString &why)
{
    return Error(Error::Code::MalformedDocument, u"token response: " + why);
}

} // namespace

Result<TokenResponse> parseTokenResponse(QByteArrayView body)
{
    if (body.size() > MaxTokenResponseBytes) {
        return Error(Error::Code::SizeLimitExceeded,
                     QStringLiteral("token response larger than %1 bytes").arg(MaxTokenResponseBytes));
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body.toByteArray(), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return malformed(u"not JSON (" + parseError.errorString() + u')');
    if (!document.isObject())
        return malformed(QStringLiteral("not a JSON object"));
    const QJsonObject object = document.object();

    TokenResponse response;
    // Either field may carry the token; Docker's `token` is the documented one.
    const QJsonValue token = object.value(u"token");
    const QJsonValue accessToken = object.value(u"access_token");
    if (token.isString() && !token.toString().isEmpty())
        response.token = token.toString();
    else if (accessToken.isString())
        response.token = accessToken.toString();
    if (response.token.isEmpty())
        return malformed(QStringLiteral("no token"));

    const QJsonValue refresh = object.value(u"refresh_token");
    if (refresh.isString())
        response.refreshToken = refresh.toString();

    const QJsonValue expiresIn = object.value(u"expires_in");
    if (expiresIn.isDouble()) {
        const double seconds = expiresIn.toDouble();
        if (seconds >= MaxExpirySeconds)
            response.expiresInSeconds = MaxExpirySeconds;
        else if (seconds > MinExpirySeconds)
            response.expiresInSeconds = int(seconds);
    }

    const QJsonValue issuedAt = object.value(u"issued_at");
    if (issuedAt.isString()) {
        // RFC 3339; Qt's ISO parser takes the 'T', the zone and any fraction length.
        const QDateTime when = QDateTime::fromString(issuedAt.toString(), Qt::ISODateWithMs);
        if (when.isValid())
            response.issuedAt = when.toUTC();
    }
    return response;
}

} // namespace oci
