#pragma once

#include "oci/core/result.h"

#include <QString>

#include <functional>

namespace oci {

// What we may present to one registry. At most one kind is normally set:
// username/password (Basic or token-endpoint Basic), identityToken (OAuth2 refresh token
// for the token endpoint), registryToken (a bearer token sent as is).
struct Credentials
{
    QString username;
    QString password;
    QString identityToken;
    QString registryToken;

    bool isAnonymous() const;
    friend bool operator==(const Credentials &, const Credentials &) = default;
};

using CredentialsCallback = std::function<void(Result<Credentials>)>;

class CredentialProvider
{
public:
    virtual ~CredentialProvider() = default;
    // host = registry host[:port] as in references ("docker.io" for Docker Hub). Calls `done`
    // exactly once, synchronously or later on the calling thread. Anonymous Credentials when
    // the provider has nothing for the host; an Error only when a source exists but fails.
    virtual void lookup(const QString &host, CredentialsCallback done) const = 0;
};

// Normalises a registry host or a config.json `auths` key for lookups: scheme and path
// dropped, lower-cased, and Docker Hub's aliases (index.docker.io, registry-1.docker.io,
// "https://index.docker.io/v1/") mapped to "docker.io".
QString normalizeRegistryHost(QStringView hostOrKey);

} // namespace oci
