#include "oci/auth/tokencache.h"

#include "oci/auth/authscope.h"
#include "oci/auth/credentials.h"

#include <QCryptographicHash>

namespace oci {

QString TokenCache::makeKey(const QString &realm, const QString &service, const QStringList &scopes,
                            const Credentials &credentials)
{
    QString identity;
    if (!credentials.isAnonymous()) {
        QCryptographicHash hash(QCryptographicHash::Sha256);
        hash.addData(credentials.password.toUtf8());
        hash.addData("\n");
        hash.addData(credentials.identityToken.toUtf8());
        hash.addData("\n");
        hash.addData(credentials.registryToken.toUtf8());
        identity =
            credentials.username + u'#' + QString::fromLatin1(hash.result().toHex().left(16));
    }
    return realm + u'\n' + service + u'\n' + canonicalScopes(scopes).join(u' ') + u'\n' + identity;
}

QString TokenCache::find(const QString &key) const
{
    const auto it = m_entries.constFind(key);
    if (it == m_entries.cend() || it->expiry.hasExpired())
        return {};
    return it->token;
}

void TokenCache::insert(const QString &key, const QString &token, int expiresInSeconds,
                        int marginMs)
{
    const qint64 lifetimeMs = qint64(qMax(expiresInSeconds, 60)) * 1000 - marginMs;
    if (lifetimeMs <= 0) {
        m_entries.remove(key);
        return;
    }
    // Expired entries of other keys go now; the cache stays small.
    m_entries.removeIf([](const auto &it) { return it.value().expiry.hasExpired(); });
    m_entries.insert(key, Entry{token, QDeadlineTimer(lifetimeMs)});
}

void TokenCache::remove(const QString &key)
{
    m_entries.remove(key);
}

void TokenCache::clear()
{
    m_entries.clear();
}

} // namespace oci
