#pragma once

#include "oci/auth/credentials.h"

#include <QHash>

namespace oci {

// Credentials given explicitly (command line, a dialog, tests).
class StaticCredentialProvider final : public CredentialProvider
{
public:
    StaticCredentialProvider() = default;

    // `host` is normalised like references ("index.docker.io" -> "docker.io").
    void set(const QString &host, Credentials credentials);
    void remove(const QString &host);

    void lookup(const QString &host, CredentialsCallback done) const override;

private:
    QHash<QString, Credentials> m_byHost;
};

} // namespace oci
