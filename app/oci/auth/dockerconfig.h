#pragma once

#include "oci/auth/credentials.h"

#include <QByteArrayView>
#include <QHash>
#include <QString>

namespace oci {

// The `auths` section of a Docker config.json, parsed. Keys are normalised hosts.
// Entries that carry nothing usable are left out.
Result<QHash<QString, Credentials>> parseDockerConfigAuths(QByteArrayView json);

// Reads credentials from $DOCKER_CONFIG/config.json or ~/.docker/config.json (`auths`:
// base64 `auth` split at the first ':', trailing \0 stripped, `username`/`password`,
// `identitytoken`). Credential helpers (credsStore/credHelpers) are not run here.
// The file is read on each lookup (it is small) so edits made meanwhile are seen.
class DockerConfigCredentialProvider final : public CredentialProvider
{
public:
    // Empty path: $DOCKER_CONFIG/config.json, else ~/.docker/config.json.
    explicit DockerConfigCredentialProvider(QString configPath = {});

    const QString &configPath() const { return m_configPath; }
    static QString defaultConfigPath();

    // A missing file gives anonymous credentials; an unreadable or malformed file an Error
    // (CredentialsUnavailable).
    void lookup(const QString &host, CredentialsCallback done) const override;

private:
    QString m_configPath;
};

} // namespace oci
