#pragma once

#include <QString>
#include <QUrl>

namespace oci {

// How to reach one registry. `host` is the registry part of a reference
// ("localhost:5000", "ghcr.io", "docker.io").
struct RegistryConfig
{
    QString host;
    bool plainHttp = false;             // http:// instead of https:// (explicit, per registry)
    bool insecureSkipTlsVerify = false; // https without certificate verification (explicit)
    QString caFile;                     // extra PEM CA bundle trusted for this registry only

    // scheme://api-host[:port]; docker.io is served from registry-1.docker.io.
    QUrl baseUrl() const;
};

} // namespace oci
