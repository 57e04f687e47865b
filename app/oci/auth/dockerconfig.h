#pragma once

#include "oci/auth/credentials.h"

#include <QByteArrayView>
#include <QHash>
#include <QString>

#include <memory>

namespace oci {

class CredentialHelper;

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

// Reads credentials from $DOCKER_CONFIG/config.json or ~/.docker/config.json the way the
// docker CLI does (cli/config/configfile: GetCredentialsStore, native_store Get):
//   1. `credHelpers[host]`: that helper is run (docker-credential-<name> get);
//   2. else `credsStore`: that helper is run for every host;
//   3. else the inline `auths` entry (base64 `auth` split at the first ':', trailing \0
//      stripped, `username`/`password`, `identitytoken`, `registrytoken`).
// When a helper applies, its answer replaces the inline username, password and identity
// token, even when it has nothing ("credentials not found": anonymous); only an inline
// `registrytoken` survives, as in the CLI. credHelpers keys are normalised like hosts, so
// "https://index.docker.io/v1/", "index.docker.io" and "docker.io" all name Docker Hub.
//
// config.json is a few hundred bytes (capped at 4 MiB) and read on each lookup on the
// calling thread, so `docker login` meanwhile is seen; helpers run asynchronously
// (CredentialHelper) and never block the calling thread.
class DockerConfigCredentialProvider final : public CredentialProvider
{
public:
    // Empty path: defaultConfigPath() at construction time. Null `helpers`: one of its own
    // with the default options (10 s timeout, 60 s cache).
    explicit DockerConfigCredentialProvider(QString configPath = {},
                                            std::shared_ptr<CredentialHelper> helpers = {});
    ~DockerConfigCredentialProvider() override;

    const QString &configPath() const { return m_configPath; }
    // $DOCKER_CONFIG/config.json when DOCKER_CONFIG is set, else ~/.docker/config.json.
    static QString defaultConfigPath();

    // A missing file or no entry gives anonymous credentials (synchronously). An unreadable
    // or malformed file, an unusable entry for `host`, or a helper that is missing or fails
    // gives CredentialsUnavailable naming the file, the setting and the helper.
    void lookup(const QString &host, CredentialsCallback done) const override;

private:
    QString m_configPath;
    std::shared_ptr<CredentialHelper> m_helpers;
};

} // namespace oci
