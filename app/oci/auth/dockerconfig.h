#pragma once

#include "oci/auth/credentials.h"

#include <QByteArrayView>
#include <QHash>
#include <QString>

namespace oci {

// The `auths` section of a Docker config.json, keyed by normalised host (see
// normalizeRegistryHost). Keys with a path other than /, /v1/ or /v2/ are ignored: they are
// Docker Desktop's ".../access-token" pseudo entries or Podman's namespaced keys, which
// must not become credentials for the whole registry. Entries without anything usable
// (`{}` markers for a credential helper) are left out.
struct DockerConfigAuths
{
    QHash<QString, Credentials> credentials;
    QHash<QString, QString> problems; // host -> why its entry is unusable (bad base64, ...)
};

Result<DockerConfigAuths> parseDockerConfigAuths(QByteArrayView json);

// Reads credentials from $DOCKER_CONFIG/config.json or ~/.docker/config.json (`auths`:
// base64 `auth` split at the first ':', trailing \0 stripped, `username`/`password`,
// `identitytoken`, `registrytoken`). Credential helpers (credsStore/credHelpers) are not
// run here. The small file is read on each lookup, so edits made meanwhile are seen.
class DockerConfigCredentialProvider final : public CredentialProvider
{
public:
    // Empty path: defaultConfigPath() at construction time.
    explicit DockerConfigCredentialProvider(QString configPath = {});

    const QString &configPath() const { return m_configPath; }
    // $DOCKER_CONFIG/config.json when DOCKER_CONFIG is set, else ~/.docker/config.json.
    static QString defaultConfigPath();

    // A missing file or no entry gives anonymous credentials (synchronously). An unreadable
    // or malformed file, or an unusable entry for `host`, gives CredentialsUnavailable.
    void lookup(const QString &host, CredentialsCallback done) const override;

private:
    QString m_configPath;
};

} // namespace oci
