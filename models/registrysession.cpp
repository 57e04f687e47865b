#include "registrysession.h"

#include "oci/auth/chainedcredentials.h"
#include "oci/auth/dockerconfig.h"
#include "oci/auth/staticcredentials.h"
#include "oci/client/registryclient.h"
#include "oci/transport/transport.h"

RegistrySession::RegistrySession(DockerConfig dockerConfig, QObject *parent)
    : QObject(parent)
    , m_transport(new oci::Transport(this))
    , m_sessionCredentials(std::make_shared<oci::StaticCredentialProvider>())
{
    auto chain = std::make_shared<oci::ChainedCredentialProvider>();
    chain->append(m_sessionCredentials);
    if (dockerConfig == DockerConfig::Use)
        chain->append(std::make_shared<oci::DockerConfigCredentialProvider>());
    m_transport->setCredentialProvider(chain);
}

RegistrySession::~RegistrySession() = default;

std::unique_ptr<oci::RegistryClient> RegistrySession::createClient(const RegistryEntry &entry) const
{
    return std::make_unique<oci::RegistryClient>(m_transport, entry.config);
}

void RegistrySession::setPassword(const QString &host, const QString &username,
                                  const QString &password)
{
    if (password.isEmpty() || username.isEmpty()) {
        forget(host);
        return;
    }
    oci::Credentials credentials;
    credentials.username = username;
    credentials.password = password;
    m_sessionCredentials->set(host, credentials);
    m_hostsWithPassword.insert(host);
    // Tokens fetched with other credentials must not be reused.
    m_transport->clearAuthState();
}

bool RegistrySession::hasPassword(const QString &host) const
{
    return m_hostsWithPassword.contains(host);
}

void RegistrySession::forget(const QString &host)
{
    m_sessionCredentials->remove(host);
    m_hostsWithPassword.remove(host);
    m_transport->clearAuthState();
}
