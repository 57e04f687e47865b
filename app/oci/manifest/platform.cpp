#include "oci/manifest/platform.h"

#include "oci/manifest/jsonfields.h"

namespace oci {

QString Platform::toString() const
{
    QString text = os + QLatin1Char('/') + architecture;
    if (!variant.isEmpty())
        text += QLatin1Char('/') + variant;
    if (!osVersion.isEmpty())
        text += QLatin1Char(':') + osVersion;
    return text;
}

Result<Platform> Platform::fromJson(const QJsonObject &object, QStringView where)
{
    JsonFields fields(object, where.toString());
    Platform platform;
    platform.os = fields.string(QLatin1String("os"));
    platform.architecture = fields.string(QLatin1String("architecture"));
    platform.variant = fields.string(QLatin1String("variant"));
    platform.osVersion = fields.string(QLatin1String("os.version"));
    platform.osFeatures = fields.stringList(QLatin1String("os.features"));
    if (!fields.ok())
        return fields.error();
    return platform;
}

} // namespace oci
