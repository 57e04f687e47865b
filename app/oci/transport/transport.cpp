#include "oci/transport/transport.h"

#include "oci/auth/authenticator.h"
#include "oci/auth/challenge.h"
#include "oci/auth/credentials.h"
#include "oci/transport/registryconfig.h"
#include "oci/transport/tlsconfig.h"
#include "oci/transport/transportreply.h"

#include <QNetworkAccessManager>

namespace oci {

Transport::Transport(QObject *parent)
    : QObject(parent)
    , m_nam(new QNetworkAccessManager(this))
    , m_authenticator(new Authenticator(this))
{
    m_nam->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

Transport::~Transport() = default;

void Transport::setOptions(const TransportOptions &options)
{
    m_options = options;
}

void Transport::setCredentialProvider(std::shared_ptr<const CredentialProvider> provider)
{
    m_credentials = std::move(provider);
    clearAuthState();
}

TransportReply *Transport::send(const RegistryConfig &registry, TransportRequest request,
                                QObject *parent)
{
    auto *reply = new TransportReply(this, registry, std::move(request), parent);
    reply->start();
    return reply;
}

void Transport::clearAuthState()
{
    m_authenticator->tokenCache().clear();
    m_challenges.clear();
}

QByteArray Transport::userAgent() const
{
    if (!m_options.userAgent.isEmpty())
        return m_options.userAgent;
    return QByteArrayLiteral("Lading/" LADING_VERSION);
}

Result<QSslConfiguration> Transport::sslConfigurationFor(const RegistryConfig &registry)
{
    // QNetworkAccessManager keeps a connection per host with the TLS settings it was made
    // with, even after its handshake failed: a CA file given after a certificate error
    // would not be used. New settings for a host drop the kept connections (rare).
    const QString settings = registry.insecureSkipTlsVerify ? QStringLiteral("insecure")
                                                            : QStringLiteral("ca:") + registry.caFile;
    const QString host = registry.host.toLower();
    const auto seen = m_tlsSettings.constFind(host);
    if (seen != m_tlsSettings.cend() && seen.value() != settings)
        m_nam->clearConnectionCache();
    m_tlsSettings.insert(host, settings);

    QList<QSslCertificate> extra;
    if (!registry.caFile.isEmpty()) {
        auto it = m_caFiles.constFind(registry.caFile);
        if (it == m_caFiles.cend()) {
            Result<QList<QSslCertificate>> loaded = loadCaCertificates(registry.caFile);
            if (!loaded) {
                Error error = loaded.error();
                error.withRegistry(registry.host);
                return error;
            }
            it = m_caFiles.insert(registry.caFile, loaded.value());
        }
        extra = it.value();
    }
    return makeSslConfiguration(registry, extra);
}

std::optional<AuthChallenge> Transport::knownChallenge(const QString &registryHost) const
{
    const auto it = m_challenges.constFind(registryHost.toLower());
    if (it == m_challenges.cend())
        return std::nullopt;
    return *it.value();
}

void Transport::rememberChallenge(const QString &registryHost, const AuthChallenge &challenge)
{
    auto stored = std::make_shared<AuthChallenge>(challenge);
    stored->params.remove(QStringLiteral("error"));
    stored->params.remove(QStringLiteral("scope"));
    stored->params.remove(QStringLiteral("error_description"));
    m_challenges.insert(registryHost.toLower(), std::move(stored));
}

} // namespace oci
