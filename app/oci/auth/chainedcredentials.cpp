#include "oci/auth/chainedcredentials.h"

#include <optional>

namespace oci {

namespace {

// One lookup walking the chain. Providers may answer synchronously or later, so each
// step is a callback that starts the next one; the state owns copies of the providers.
struct ChainWalk : std::enable_shared_from_this<ChainWalk>
{
    std::vector<std::shared_ptr<const CredentialProvider>> providers;
    QString host;
    CredentialsCallback done;
    std::optional<Error> firstError;

    void step(size_t index)
    {
        if (index >= providers.size()) {
            if (firstError)
                done(*firstError);
            else
                done(Credentials());
            return;
        }
        auto self = shared_from_this();
        providers[index]->lookup(host, [self, index](Result<Credentials> result) {
            if (result.ok() && !result->isAnonymous()) {
                self->done(std::move(result));
                return;
            }
            if (!result.ok() && !self->firstError)
                self->firstError = result.error();
            self->step(index + 1);
        });
    }
};

} // namespace

void ChainedCredentialProvider::append(std::shared_ptr<const CredentialProvider> provider)
{
    if (provider)
        m_providers.push_back(std::move(provider));
}

void ChainedCredentialProvider::lookup(const QString &host, CredentialsCallback done) const
{
    auto walk = std::make_shared<ChainWalk>();
    walk->providers = m_providers;
    walk->host = host;
    walk->done = std::move(done);
    walk->step(0);
}

} // namespace oci
