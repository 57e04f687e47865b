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

} // namespace oci
