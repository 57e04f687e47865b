#pragma once

#include <QDeadlineTimer>
#include <QHash>
#include <QString>
#include <QStringList>

namespace oci {

struct Credentials;

// Bearer tokens by realm + service + scopes + credential identity, each kept until its
// expires_in (at least 60 s) minus a safety margin. Lives in the Transport (GUI thread).
class TokenCache
{
public:
    // Secrets enter the key only as a hash.
    static QString makeKey(const QString &realm, const QString &service, const QStringList &scopes,
                           const Credentials &credentials);

    // The token, or an empty string when absent or expired.
    QString find(const QString &key) const;
    void insert(const QString &key, const QString &token, int expiresInSeconds, int marginMs);
    void remove(const QString &key);
    void clear();
    int size() const { return int(m_entries.size()); }

private:
    struct Entry
    {
        QString token;
        QDeadlineTimer expiry;
    };
    QHash<QString, Entry> m_entries;
};

} // namespace oci
