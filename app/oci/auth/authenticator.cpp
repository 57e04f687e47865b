#include "oci/auth/authenticator.h"

#include "oci/auth/challenge.h"
#include "oci/auth/credentials.h"
#include "oci/auth/tokenfetch.h"
#include "oci/transport/origin.h"
#include "oci/transport/registryconfig.h"
#include "oci/transport/transport.h"

namespace oci {

namespace {

Error authError(const RegistryConfig &registry, QString message)
{
    Error error(Error::Code::Unauthorized, std::move(message));
    error.withRegistry(registry.host);
    return error;
}

// A realm is a URL the registry hands us and we then send credentials to: https only
// (unless the person made this registry plain-http/insecure), and no internal address
// the registry itself does not live on (GGCR #2243).
Result<QUrl> validateRealm(const RegistryConfig &registry, const QString &realmText)
{
    const QUrl realm = QUrl::fromEncoded(realmText.toUtf8(), QUrl::StrictMode);
    if (realmText.isEmpty() || !realm.isValid() || realm.isRelative() || realm.host().isEmpty()) {
        return authError(registry,
                         QStringLiteral("the registry's token realm '%1' is not a valid URL")
                             .arg(realmText.left(200)));
    }
    const QString scheme = realm.scheme().toLower();
    const bool insecureAllowed = registry.plainHttp || registry.insecureSkipTlsVerify;
    if (scheme != u"https" && !(scheme == u"http" && insecureAllowed)) {
        return authError(registry, QStringLiteral("the registry's token realm %1 is not HTTPS; "
                                                  "credentials are not sent there")
                                       .arg(realm.toDisplayString()));
    }
    if (isForbiddenAddressChange(registry.baseUrl(), realm)) {
        return authError(registry, QStringLiteral("the registry's token realm %1 points to an "
                                                  "internal address; refused")
                                       .arg(realm.toDisplayString()));
    }
    return realm;
}

QString identityKey(const QUrl &realm, const Credentials &credentials)
{
    return realm.toString() + u'\n' + credentials.username + u'\n' + credentials.identityToken;
}

} // namespace

Authenticator::Authenticator(Transport *transport) : QObject(transport), m_transport(transport) {}

Authenticator::~Authenticator() = default;

void Authenticator::authorize(const RegistryConfig &registry, const AuthChallenge &challenge,
                              const QStringList &scopes, QObject *context, AuthGrantCallback done)
{
    const std::shared_ptr<const CredentialProvider> provider = m_transport->credentialProvider();
    if (!provider) {
        authorizeWith(registry, challenge, scopes, Credentials(), context, std::move(done));
        return;
    }
    QPointer<Authenticator> self(this);
    QPointer<QObject> guard(context);
    provider->lookup(registry.host, [=](Result<Credentials> credentials) {
        if (!self || !guard)
            return;
        if (!credentials) {
            Error error = credentials.error();
            if (error.registry().isEmpty())
                error.withRegistry(registry.host);
            done(std::move(error));
            return;
        }
        self->authorizeWith(registry, challenge, scopes, credentials.value(), guard, done);
    });
}

void Authenticator::authorizeWith(const RegistryConfig &registry, const AuthChallenge &challenge,
                                  const QStringList &scopes, const Credentials &credentials,
                                  QObject *context, AuthGrantCallback done)
{
    if (challenge.scheme == u"basic") {
        if (credentials.username.isEmpty() || credentials.password.isEmpty()) {
            done(
                authError(registry, QStringLiteral("the registry asks for a username and password, "
                                                   "and none are configured for %1")
                                        .arg(registry.host)));
            return;
        }
        AuthGrant grant;
        grant.scheme = QStringLiteral("basic");
        grant.username = credentials.username;
        grant.authorization =
            "Basic " + (credentials.username + u':' + credentials.password).toUtf8().toBase64();
        done(std::move(grant));
        return;
    }
    if (challenge.scheme != u"bearer") {
        done(authError(registry, QStringLiteral("the registry asks for '%1' authentication, which "
                                                "Lading does not support")
                                     .arg(challenge.scheme)));
        return;
    }
    if (!credentials.registryToken.isEmpty()) {
        // A registry token (config.json "registrytoken") is sent as is: no token server.
        AuthGrant grant;
        grant.scheme = QStringLiteral("bearer");
        grant.username = credentials.username;
        grant.authorization = "Bearer " + credentials.registryToken.toUtf8();
        done(std::move(grant));
        return;
    }
    const Result<QUrl> realm = validateRealm(registry, challenge.param(u"realm"));
    if (!realm) {
        done(realm.error());
        return;
    }
    const QString service = challenge.param(u"service");
    const QString key = TokenCache::makeKey(realm->toString(), service, scopes, credentials);
    const QString cached = m_cache.find(key);
    if (!cached.isEmpty()) {
        AuthGrant grant;
        grant.scheme = QStringLiteral("bearer");
        grant.tokenKey = key;
        grant.fromCache = true;
        grant.username = credentials.username;
        grant.authorization = "Bearer " + cached.toUtf8();
        done(std::move(grant));
        return;
    }
    auto &waiters = m_waiters[key];
    waiters.append(Waiter{context, std::move(done)});
    if (waiters.size() == 1)
        fetchToken(registry, challenge, scopes, credentials, key, realm.value());
}

void Authenticator::fetchToken(const RegistryConfig &registry, const AuthChallenge &challenge,
                               const QStringList &scopes, const Credentials &credentials,
                               const QString &key, const QUrl &realm)
{
    ++m_fetchCount;
    TokenFetch::Params params;
    params.registry = registry;
    params.realm = realm;
    params.service = challenge.param(u"service");
    params.scopes = scopes;
    params.credentials = credentials;
    const QString refreshKey = identityKey(realm, credentials);
    params.refreshToken = m_refreshTokens.value(refreshKey, credentials.identityToken);

    const int marginMs = m_transport->options().tokenExpiryMarginMs;
    const QString username = credentials.username;
    auto *fetch = new TokenFetch(
        m_transport, std::move(params),
        [this, key, refreshKey, marginMs, username](Result<TokenResponse> token) {
            if (TokenFetch *done = m_fetches.take(key))
                done->deleteLater(); // we are inside its callback
            if (!token) {
                completeWaiters(key, token.error());
                return;
            }
            m_cache.insert(key, token->token, token->expiresInSeconds, marginMs);
            if (!token->refreshToken.isEmpty())
                m_refreshTokens.insert(refreshKey, token->refreshToken);
            AuthGrant grant;
            grant.scheme = QStringLiteral("bearer");
            grant.tokenKey = key;
            grant.username = username;
            grant.authorization = "Bearer " + token->token.toUtf8();
            completeWaiters(key, grant);
        },
        this);
    m_fetches.insert(key, fetch);
    fetch->start();
}

void Authenticator::completeWaiters(const QString &key, const Result<AuthGrant> &grant)
{
    const QList<Waiter> waiters = m_waiters.take(key);
    for (const Waiter &waiter : waiters) {
        if (waiter.context)
            waiter.done(grant);
    }
}

void Authenticator::forgetToken(const QString &tokenKey)
{
    if (!tokenKey.isEmpty())
        m_cache.remove(tokenKey);
}

} // namespace oci
