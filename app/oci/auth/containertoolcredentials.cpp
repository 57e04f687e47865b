#include "oci/auth/containertoolcredentials.h"

#include "oci/auth/chainedcredentials.h"
#include "oci/auth/credentialhelper.h"
#include "oci/auth/dockerconfig.h"
#include "oci/auth/podmanauth.h"

namespace oci {

std::shared_ptr<CredentialProvider>
makeContainerToolCredentials(QString dockerConfigPath, QStringList podmanAuthFiles,
                             std::shared_ptr<CredentialHelper> helpers)
{
    if (!helpers)
        helpers = std::make_shared<CredentialHelper>();
    auto chain = std::make_shared<ChainedCredentialProvider>();
    chain->append(
        std::make_shared<DockerConfigCredentialProvider>(std::move(dockerConfigPath), helpers));
    chain->append(
        std::make_shared<PodmanAuthCredentialProvider>(std::move(podmanAuthFiles), helpers));
    return chain;
}

} // namespace oci
