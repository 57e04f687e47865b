#pragma once

#include "oci/auth/credentials.h"

#include <memory>
#include <vector>

namespace oci {

// Asks each provider in turn; the first non-anonymous answer wins. An Error from a
// provider stops the chain only when no later provider has credentials; then the first
// error is reported.
class ChainedCredentialProvider final : public CredentialProvider
{
public:
    ChainedCredentialProvider() = default;

    void append(std::shared_ptr<const CredentialProvider> provider);
    bool isEmpty() const { return m_providers.empty(); }

    void lookup(const QString &host, CredentialsCallback done) const override;

private:
    std::vector<std::shared_ptr<const CredentialProvider>> m_providers;
};

} // namespace oci
