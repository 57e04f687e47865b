#pragma once

#include "oci/auth/tokencache.h"
#include "oci/core/result.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <functional>

namespace oci {

struct AuthChallenge;
struct Credentials;
struct RegistryConfig;
class TokenFetch;
class Transport;

// What to send to a registry: the Authorization value and where it came from.
struct AuthGrant
{
    QByteArray authorization; // "Basic ..." / "Bearer ..."
    QString scheme;           // "basic" or "bearer"
    QString tokenKey;         // bearer from a token server: the cache key (drop on invalid_token)
    bool fromCache = false;   // a token fetched earlier: it may have been revoked meanwhile
    QString username;         // for messages
};
using AuthGrantCallback = std::function<void(Result<AuthGrant>)>;

// Turns a registry's challenge into an Authorization value: credentials from the
// Transport's CredentialProvider (looked up by registry host), Basic directly, a registry
// token directly, or a Bearer token from the challenge's realm (validated, cached,
// fetched once for concurrent requests with the same key).
class Authenticator final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Authenticator)

public:
    explicit Authenticator(Transport *transport);
    ~Authenticator() override;

    // Calls `done` exactly once (possibly before returning) unless `context` is destroyed
    // first. `challenge.scheme` must be "basic" or "bearer".
    void authorize(const RegistryConfig &registry, const AuthChallenge &challenge,
                   const QStringList &scopes, QObject *context, AuthGrantCallback done);

    // Drops a cached token the registry rejected.
    void forgetToken(const QString &tokenKey);

    TokenCache &tokenCache() { return m_cache; }
    // Token requests started so far (not answered from the cache): for diagnostics.
    int tokenFetchCount() const { return m_fetchCount; }

private:
    struct Waiter
    {
        QPointer<QObject> context;
        AuthGrantCallback done;
    };

    void authorizeWith(const RegistryConfig &registry, const AuthChallenge &challenge,
                       const QStringList &scopes, const Credentials &credentials, QObject *context,
                       AuthGrantCallback done);
    void fetchToken(const RegistryConfig &registry, const AuthChallenge &challenge,
                    const QStringList &scopes, const Credentials &credentials, const QString &key,
                    const QUrl &realm);
    void completeWaiters(const QString &key, const Result<AuthGrant> &grant);

    Transport *m_transport;
    TokenCache m_cache;
    QHash<QString, QList<Waiter>> m_waiters; // single flight: key -> requests waiting
    QHash<QString, TokenFetch *> m_fetches;  // key -> the fetch in flight (children)
    QHash<QString, QString> m_refreshTokens; // realm + identity -> newest refresh token
    int m_fetchCount = 0;
};

} // namespace oci
