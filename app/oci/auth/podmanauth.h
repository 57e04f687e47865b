#pragma once

#include "oci/auth/credentials.h"

#include <QStringList>

#include <memory>

namespace oci {

class CredentialHelper;

// Credentials from Podman/Buildah/Skopeo's auth.json (containers-auth.json(5)). Files, in
// the order containers/image reads them: $REGISTRY_AUTH_FILE when set, else
// $XDG_RUNTIME_DIR/containers/auth.json (/run/containers/<uid>/auth.json without
// XDG_RUNTIME_DIR); then ${XDG_CONFIG_HOME:-~/.config}/containers/auth.json. Docker's
// config.json, Podman's last fallback, is DockerConfigCredentialProvider's job.
//
// The first file with anything for the host answers. Within a file: `credHelpers[host]`
// (a helper run), then the host-level `auths` key, then Podman's namespaced keys
// ("quay.io/org/repo"). Lookups here are per host, not per repository, so a namespaced
// key stands in for its whole host only when the file has no host-level key for it; of
// several, the shortest (most general) key wins, then the first in sort order. They are
// still sent only to that host.
//
// The files are a few hundred bytes: they are read on each lookup, on the calling
// thread, so edits made meanwhile (`podman login`) are seen. Helpers run asynchronously.
class PodmanAuthCredentialProvider final : public CredentialProvider
{
public:
    // Empty `authFiles`: defaultAuthFiles() at construction time. Null `helpers`: one of
    // its own with the default options.
    explicit PodmanAuthCredentialProvider(QStringList authFiles = {},
                                          std::shared_ptr<CredentialHelper> helpers = {});
    ~PodmanAuthCredentialProvider() override;

    static QStringList defaultAuthFiles();
    const QStringList &authFiles() const { return m_authFiles; }

    // Missing files or no entry: anonymous. A malformed file that is needed (no later file
    // answers) or an unusable entry for `host`: CredentialsUnavailable.
    void lookup(const QString &host, CredentialsCallback done) const override;

private:
    QStringList m_authFiles;
    std::shared_ptr<CredentialHelper> m_helpers;
};

} // namespace oci
