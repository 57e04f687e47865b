#pragma once

#include <QString>
#include <QUrl>

#include <optional>

namespace oci {

// How to reach one registry. `host` is the registry part of a reference
// ("localhost:5000", "ghcr.io", "docker.io").
struct RegistryConfig
{
    // Where this registry's credentials come from. The transport itself does not look at
    // it: the credential provider the application installs does (models/registrysession).
    enum class AuthMode {
        Anonymous,         // never send credentials
        Password,          // a username + password or token Lading keeps (keychain/session)
        DockerCredentials, // Docker config.json (credHelpers, credsStore, auths), then Podman
    };

    QString host;
    bool plainHttp = false;             // http:// instead of https:// (explicit, per registry)
    bool insecureSkipTlsVerify = false; // https without certificate verification (explicit)
    QString caFile;                     // extra PEM CA bundle trusted for this registry only
    // Entries saved before auth modes existed have none: the settings reader picks
    // authModeForLegacyEntry().
    AuthMode authMode = AuthMode::DockerCredentials;

    // scheme://api-host[:port]; docker.io is served from registry-1.docker.io.
    QUrl baseUrl() const;
};

// Stable names for settings files and the command line: "anonymous", "password", "docker".
QString authModeName(RegistryConfig::AuthMode mode);
// Accepts the names above (case-insensitive); nullopt for anything else.
std::optional<RegistryConfig::AuthMode> authModeFromName(QStringView name);
// A saved entry without an auth mode: with a username it was a password registry (whose
// password was typed each session), else Docker's credentials were used as before.
RegistryConfig::AuthMode authModeForLegacyEntry(const QString &username);

} // namespace oci
