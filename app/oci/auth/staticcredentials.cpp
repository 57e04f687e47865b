#include "oci/auth/staticcredentials.h"

namespace oci {

void StaticCredentialProvider::set(const QString &host, Credentials credentials)
{
    m_byHost.insert(normalizeRegistryHost(host), std::move(credentials));
}

void StaticCredentialProvider::remove(const QString &host)
{
    m_byHost.remove(normalizeRegistryHost(host));
}

void StaticCredentialProvider::lookup(const QString &host, CredentialsCallback done) const
{
    done(m_byHost.value(normalizeRegistryHost(host)));
}

} // namespace oci
