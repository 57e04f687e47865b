#include "oci/auth/credentials.h"

namespace oci {

bool Credentials::isAnonymous() const
{
    return username.isEmpty() && password.isEmpty() && identityToken.isEmpty()
           && registryToken.isEmpty();
}

QString normalizeRegistryHost(QStringView hostOrKey)
{
    QStringView rest = hostOrKey.trimmed();
    const qsizetype schemeEnd = rest.indexOf(u"://");
    if (schemeEnd >= 0)
        rest = rest.sliced(schemeEnd + 3);
    const qsizetype slash = rest.indexOf(u'/');
    if (slash >= 0)
        rest = rest.first(slash);
    QString host = rest.toString().toLower();
    if (host == u"index.docker.io" || host == u"registry-1.docker.io")
        host = QStringLiteral("docker.io");
    return host;
}

} // namespace oci
