#pragma once

#include "oci/core/result.h"
#include "oci/transport/transportrequest.h"

#include <QHash>
#include <QObject>
#include <QSslConfiguration>

#include <memory>
#include <optional>

class QNetworkAccessManager;

namespace oci {

struct AuthChallenge;
struct RegistryConfig;
class Authenticator;
class CredentialProvider;
class TransportReply;

// Everything a registry request needs, in one place: one QNetworkAccessManager (manual
// redirects, no cookies, no Qt auth cache), credentials and tokens, per-registry TLS,
// retries and timeouts. Lives on the GUI thread like everything network; one per process
// is normal (share it between RegistryClients so tokens and connections are shared).
//
//     auto *transport = new oci::Transport(parent);
//     auto credentials = std::make_shared<oci::StaticCredentialProvider>();
//     credentials->set("registry.example:5000", {.username = "me", .password = "secret"});
//     transport->setCredentialProvider(credentials);
//     auto *client = new oci::RegistryClient(transport, registryConfig, parent);
class Transport final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Transport)

public:
    explicit Transport(QObject *parent = nullptr);
    ~Transport() override;

    const TransportOptions &options() const { return m_options; }
    void setOptions(const TransportOptions &options);

    // Where credentials come from; none: every registry is asked anonymously.
    void setCredentialProvider(std::shared_ptr<const CredentialProvider> provider);
    std::shared_ptr<const CredentialProvider> credentialProvider() const { return m_credentials; }

    // Starts `request` to `registry`; credentials are attached for the registry's origin
    // only. The reply is the caller's (parent or delete it); finished() comes later.
    TransportReply *send(const RegistryConfig &registry, TransportRequest request,
                         QObject *parent = nullptr);

    // Forgets cached tokens and the challenges registries sent (after credentials changed).
    void clearAuthState();

    // --- for the transport's own parts -------------------------------------------------
    QNetworkAccessManager *networkAccessManager() const { return m_nam; }
    Authenticator *authenticator() const { return m_authenticator; }
    QByteArray userAgent() const;
    // The TLS settings of that registry (its CA file is read once and kept). Settings that
    // changed since the host's last request drop the connections made with the old ones.
    Result<QSslConfiguration> sslConfigurationFor(const RegistryConfig &registry);
    // The last challenge a registry sent (without error/scope), so later requests can
    // carry credentials up front instead of collecting a 401 first.
    std::optional<AuthChallenge> knownChallenge(const QString &registryHost) const;
    void rememberChallenge(const QString &registryHost, const AuthChallenge &challenge);

private:
    QNetworkAccessManager *m_nam;
    Authenticator *m_authenticator;
    TransportOptions m_options;
    std::shared_ptr<const CredentialProvider> m_credentials;
    QHash<QString, QList<QSslCertificate>> m_caFiles;
    QHash<QString, QString> m_tlsSettings; // host -> the TLS settings its last request used
    QHash<QString, std::shared_ptr<AuthChallenge>> m_challenges;
};

} // namespace oci
