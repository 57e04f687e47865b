#pragma once

#include <QString>
#include <QStringList>

#include <memory>

namespace oci {

class CredentialHelper;
class CredentialProvider;

// Where the container tools on this machine keep their logins, asked in the order the
// person most likely used them: the Docker CLI's config.json (with its credential helpers),
// then Podman/Buildah/Skopeo's auth.json. One CredentialHelper serves both, so a helper's
// answer is cached once. Empty paths: each provider's defaults.
std::shared_ptr<CredentialProvider>
makeContainerToolCredentials(QString dockerConfigPath = {}, QStringList podmanAuthFiles = {},
                             std::shared_ptr<CredentialHelper> helpers = {});

} // namespace oci
