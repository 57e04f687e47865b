#pragma once

#include <QByteArrayView>
#include <QList>
#include <QMap>
#include <QString>

namespace oci {

// One challenge of a WWW-Authenticate header (RFC 9110 §11.6.1).
struct AuthChallenge
{
    QString scheme;                 // lower-case: "bearer", "basic", ...
    QMap<QString, QString> params;  // keys lower-case, values unquoted
    QString token68;                // e.g. "Bearer abc==" (no auth-params then)

    // Value of the parameter `key` (case-insensitive); empty when absent.
    QString param(QStringView key) const;
};

// Parses one WWW-Authenticate value that may hold several challenges (Qt merges repeated
// headers with ", "). Never throws; malformed parts are skipped.
QList<AuthChallenge> parseAuthChallenges(QByteArrayView headerValue);

} // namespace oci
