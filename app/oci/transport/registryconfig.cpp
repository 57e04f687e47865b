#include "oci/transport/registryconfig.h"

namespace oci {

QUrl RegistryConfig::baseUrl() const
{
    QString apiHost = host;
    if (apiHost == u"docker.io" || apiHost == u"index.docker.io")
        apiHost = QStringLiteral("registry-1.docker.io");
    QUrl url;
    url.setScheme(plainHttp ? QStringLiteral("http") : QStringLiteral("https"));
    const qsizetype colon = apiHost.lastIndexOf(QLatin1Char(':'));
    const bool ipv6 = apiHost.startsWith(QLatin1Char('['));
    if (colon > 0 && (!ipv6 || apiHost.indexOf(QLatin1Char(']')) < colon)) {
        url.setHost(apiHost.left(colon));
        url.setPort(apiHost.mid(colon + 1).toInt());
    } else {
        url.setHost(apiHost);
    }
    url.setPath(QStringLiteral("/"));
    return url;
}

QString authModeName(RegistryConfig::AuthMode mode)
{
    switch (mode) {
    case RegistryConfig::AuthMode::Anonymous:
        return QStringLiteral("anonymous");
    case RegistryConfig::AuthMode::Password:
        return QStringLiteral("password");
    case RegistryConfig::AuthMode::DockerCredentials:
        break;
    }
    return QStringLiteral("docker");
}

std::optional<RegistryConfig::AuthMode> authModeFromName(QStringView name)
{
    const QStringView trimmed = name.trimmed();
    for (const auto mode : {RegistryConfig::AuthMode::Anonymous, RegistryConfig::AuthMode::Password,
                            RegistryConfig::AuthMode::DockerCredentials}) {
        if (trimmed.compare(authModeName(mode), Qt::CaseInsensitive) == 0)
            return mode;
    }
    return std::nullopt;
}

RegistryConfig::AuthMode authModeForLegacyEntry(const QString &username)
{
    return username.isEmpty() ? RegistryConfig::AuthMode::DockerCredentials
                              : RegistryConfig::AuthMode::Password;
}

} // namespace oci
