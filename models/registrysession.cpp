#include "registrysession.h"

#include "keychainstore.h"

#include "oci/auth/containertoolcredentials.h"
#include "oci/auth/credentialhelper.h"
#include "oci/client/registryclient.h"
#include "oci/transport/transport.h"

#include <QHash>
#include <QPointer>

using AuthMode = oci::RegistryConfig::AuthMode;

// What the session and its credential provider share. The provider is owned by the transport
// (a shared_ptr), so the state it reads is shared rather than borrowed.
struct RegistrySessionShared
{
    struct Registration
    {
        AuthMode mode = AuthMode::DockerCredentials;
        QString username;
    };

    QHash<QString, Registration> registrations; // normalised host -> how to authenticate
    QHash<QString, oci::Credentials> passwords; // normalised host -> typed or read this session
    QPointer<KeychainStore> keychain;
    std::shared_ptr<const oci::CredentialProvider> dockerAndPodman; // null: DockerConfig::Ignore

    Registration registrationOf(const QString &key) const
    {
        return registrations.value(key);
    }
};

namespace {

QString hostKey(const QString &host)
{
    return oci::normalizeRegistryHost(host);
}

// The transport's credential provider: dispatches on the registry's auth mode.
class SessionCredentialProvider final : public oci::CredentialProvider
{
public:
    explicit SessionCredentialProvider(std::shared_ptr<RegistrySessionShared> shared)
        : m_shared(std::move(shared))
    {}

    void lookup(const QString &host, oci::CredentialsCallback done) const override
    {
        const QString key = hostKey(host);
        const auto registration = m_shared->registrationOf(key);
        if (registration.mode == AuthMode::Anonymous) {
            done(oci::Credentials());
            return;
        }
        auto shared = m_shared;
        const bool docker = registration.mode == AuthMode::DockerCredentials;
        lookupStored(key, registration.username, [shared, host, docker, done](oci::Credentials stored) {
            if (!stored.isAnonymous() || !docker || !shared->dockerAndPodman) {
                done(std::move(stored));
                return;
            }
            shared->dockerAndPodman->lookup(host, done);
        });
    }

private:
    // This session's password for the host, else the keychain's for the registered user.
    void lookupStored(const QString &key, const QString &username,
                      std::function<void(oci::Credentials)> next) const
    {
        const auto typed = m_shared->passwords.constFind(key);
        if (typed != m_shared->passwords.constEnd()
            && (username.isEmpty() || typed->username == username)) {
            next(*typed);
            return;
        }
        KeychainStore *keychain = m_shared->keychain;
        if (username.isEmpty() || !keychain) {
            next(oci::Credentials());
            return;
        }
        auto shared = m_shared;
        keychain->read(key, username, [shared, key, username, next](const KeychainStore::Outcome &outcome) {
            if (!outcome.found || outcome.secret.isEmpty()) {
                next(oci::Credentials());
                return;
            }
            oci::Credentials credentials;
            credentials.username = username;
            credentials.password = outcome.secret;
            // Typed meanwhile wins; else keep it so hasPassword() sees it.
            if (!shared->passwords.contains(key))
                shared->passwords.insert(key, credentials);
            next(std::move(credentials));
        });
    }

    std::shared_ptr<RegistrySessionShared> m_shared;
};

RegistrySession::Options optionsFor(RegistrySession::DockerConfig dockerConfig)
{
    RegistrySession::Options options;
    options.dockerConfig = dockerConfig;
    return options;
}

} // namespace

RegistrySession::RegistrySession(DockerConfig dockerConfig, QObject *parent)
    : RegistrySession(optionsFor(dockerConfig), parent)
{}

RegistrySession::RegistrySession(const Options &options, QObject *parent)
    : QObject(parent)
    , m_transport(new oci::Transport(this))
    , m_keychain(new KeychainStore(options.keychainService, this))
    , m_helpers(std::make_shared<oci::CredentialHelper>())
    , m_shared(std::make_shared<RegistrySessionShared>())
{
    m_shared->keychain = m_keychain;
    if (options.dockerConfig == DockerConfig::Use) {
        m_shared->dockerAndPodman = oci::makeContainerToolCredentials(
            options.dockerConfigPath, options.podmanAuthFiles, m_helpers);
    }
    m_transport->setCredentialProvider(std::make_shared<SessionCredentialProvider>(m_shared));
    connect(m_keychain, &KeychainStore::unavailable, this,
            [this] { Q_EMIT keychainUnavailable(KeychainStore::sessionOnlyNotice()); });
}

RegistrySession::~RegistrySession() = default;

std::unique_ptr<oci::RegistryClient> RegistrySession::createClient(const RegistryEntry &entry)
{
    setRegistry(entry);
    return std::make_unique<oci::RegistryClient>(m_transport, entry.config);
}

void RegistrySession::setRegistry(const RegistryEntry &entry)
{
    const QString key = hostKey(entry.config.host);
    RegistrySessionShared::Registration registration;
    registration.mode = entry.config.authMode;
    registration.username = entry.username;
    const auto old = m_shared->registrations.constFind(key);
    if (old != m_shared->registrations.constEnd() && old->mode == registration.mode
        && old->username == registration.username)
        return;
    m_shared->registrations.insert(key, registration);
    // Tokens fetched under the old settings must not be reused.
    m_transport->clearAuthState();
}

void RegistrySession::removeRegistry(const QString &host)
{
    forget(host);
    m_shared->registrations.remove(hostKey(host));
}

void RegistrySession::setPassword(const QString &host, const QString &username,
                                  const QString &password, Remember remember)
{
    if (password.isEmpty() || username.isEmpty()) {
        forget(host);
        return;
    }
    const QString key = hostKey(host);
    oci::Credentials credentials;
    credentials.username = username;
    credentials.password = password;
    m_shared->passwords.insert(key, credentials);
    auto registration = m_shared->registrations.find(key);
    if (registration != m_shared->registrations.end())
        registration->username = username; // the password belongs to this user now
    m_helpers->clearCache();
    // Tokens fetched with other credentials must not be reused.
    m_transport->clearAuthState();

    if (remember != Remember::InKeychain)
        return;
    QPointer<RegistrySession> self(this);
    m_keychain->write(key, username, password, [self, host](const KeychainStore::Outcome &outcome) {
        if (self)
            Q_EMIT self->passwordStored(host, outcome.persisted, outcome.error);
    });
}

bool RegistrySession::hasPassword(const QString &host) const
{
    return m_shared->passwords.contains(hostKey(host));
}

void RegistrySession::forget(const QString &host)
{
    const QString key = hostKey(host);
    QString username = m_shared->registrationOf(key).username;
    const auto typed = m_shared->passwords.constFind(key);
    if (typed != m_shared->passwords.constEnd()) {
        if (username.isEmpty())
            username = typed->username;
        if (typed->username != username)
            m_keychain->remove(key, typed->username);
    }
    m_shared->passwords.remove(key);
    if (!username.isEmpty())
        m_keychain->remove(key, username);
    m_helpers->clearCache();
    m_transport->clearAuthState();
}

bool RegistrySession::isKeychainAvailable() const
{
    return m_keychain->isAvailable();
}
