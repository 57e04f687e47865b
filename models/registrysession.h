#pragma once

#include "registryliststore.h"

#include <QObject>
#include <QStringList>

#include <memory>

class KeychainStore;
struct RegistrySessionShared;

namespace oci {
class CredentialHelper;
class RegistryClient;
class Transport;
} // namespace oci

// The network side of one running Lading: one Transport shared by every registry (tokens
// and connections are shared), and where each registry's credentials come from, by its
// auth mode (oci::RegistryConfig::authMode):
//   Anonymous          nothing, ever;
//   Password           the password typed this session, else the system keychain entry
//                      for the registry's user name (KeychainStore, service "Lading");
//   DockerCredentials  the same, then Docker's config.json (credHelpers > credsStore >
//                      auths, helpers run asynchronously), then Podman's auth.json.
// A host no entry was registered for is treated as DockerCredentials (as before auth modes).
// Secrets are never written to the settings file; without a keychain they stay in memory
// until Lading quits, and keychainUnavailable() says so.
class RegistrySession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RegistrySession)

public:
    enum class DockerConfig { Use, Ignore };
    enum class Remember { ForSession, InKeychain };

    struct Options
    {
        DockerConfig dockerConfig = DockerConfig::Use;
        QString keychainService = QStringLiteral("Lading"); // tests use their own
        QString dockerConfigPath;    // empty: $DOCKER_CONFIG/config.json or ~/.docker/config.json
        QStringList podmanAuthFiles; // empty: PodmanAuthCredentialProvider::defaultAuthFiles()
    };

    explicit RegistrySession(DockerConfig dockerConfig = DockerConfig::Use,
                             QObject *parent = nullptr);
    explicit RegistrySession(const Options &options, QObject *parent = nullptr);
    ~RegistrySession() override;

    oci::Transport *transport() const { return m_transport; }
    // A client for `entry`; registers the entry's auth mode and user name (setRegistry).
    std::unique_ptr<oci::RegistryClient> createClient(const RegistryEntry &entry);

    // How to authenticate to entry's host: its auth mode and user name. Call it when a
    // registry is added or edited; tokens obtained under other settings are dropped.
    void setRegistry(const RegistryEntry &entry);
    // Forgets the host's registration and password (this session's and the keychain's).
    void removeRegistry(const QString &host);

    // Remembers a password (or token) for `host` until Lading quits; with InKeychain also in
    // the system keychain, asynchronously: passwordStored() says where it went. An empty
    // password or user name forgets instead (forget()).
    void setPassword(const QString &host, const QString &username, const QString &password,
                     Remember remember = Remember::ForSession);
    // A password for `host` is known in memory (typed, or read from the keychain already).
    bool hasPassword(const QString &host) const;
    // Forgets the host's password: this session's copy and its keychain entry.
    void forget(const QString &host);

    KeychainStore *keychain() const { return m_keychain; }
    // False once the keychain turned out to be missing (see keychainUnavailable()).
    bool isKeychainAvailable() const;
    // Docker credential helpers run for this session (answers cached for 60 s).
    const std::shared_ptr<oci::CredentialHelper> &credentialHelpers() const { return m_helpers; }

Q_SIGNALS:
    // After setPassword(..., InKeychain): inKeychain false means for this session only;
    // `error` is the keychain's complaint (English, technical), empty when none.
    void passwordStored(const QString &host, bool inKeychain, const QString &error);
    // Once, when no keychain can be used: `notice` is KeychainStore::sessionOnlyNotice()
    // ("No keychain available: the password is kept until Lading quits."), translated.
    void keychainUnavailable(const QString &notice);

private:
    oci::Transport *m_transport;
    KeychainStore *m_keychain;
    std::shared_ptr<oci::CredentialHelper> m_helpers;
    std::shared_ptr<RegistrySessionShared> m_shared; // also held by the credential provider
};
