#include "oci/manifest/mediatypes.h"

#include <QList>

namespace oci {

using namespace MediaType;

QString stripParameters(QStringView contentType)
{
    const qsizetype semicolon = contentType.indexOf(u';');
    const QStringView bare = semicolon < 0 ? contentType : contentType.first(semicolon);
    return bare.trimmed().toString().toLower();
}

bool isIndex(QStringView mediaType)
{
    return mediaType == OciIndex || mediaType == DockerManifestList;
}

bool isImageManifest(QStringView mediaType)
{
    return mediaType == OciManifest || mediaType == DockerManifest;
}

bool isDocker(QStringView mediaType)
{
    return mediaType.startsWith(QLatin1String("application/vnd.docker."));
}

bool isSchema1(QStringView mediaType)
{
    return mediaType == DockerSchema1Signed || mediaType == DockerSchema1;
}

bool isNondistributableLayer(QStringView mediaType)
{
    return mediaType == OciLayerNondistributable || mediaType == OciLayerNondistributableGzip
           || mediaType == OciLayerNondistributableZstd || mediaType == DockerForeignLayerGzip;
}

bool isLayer(QStringView mediaType)
{
    return layerCompression(mediaType) != LayerCompression::Unknown;
}

bool isConfig(QStringView mediaType)
{
    return mediaType == OciConfig || mediaType == DockerConfig;
}

LayerCompression layerCompression(QStringView mediaType)
{
    if (mediaType == OciLayer || mediaType == OciLayerNondistributable || mediaType == DockerLayer)
        return LayerCompression::None;
    if (mediaType == OciLayerGzip || mediaType == OciLayerNondistributableGzip
        || mediaType == DockerLayerGzip || mediaType == DockerForeignLayerGzip)
        return LayerCompression::Gzip;
    if (mediaType == OciLayerZstd || mediaType == OciLayerNondistributableZstd)
        return LayerCompression::Zstd;
    return LayerCompression::Unknown;
}

QList<QLatin1String> acceptedManifestTypes()
{
    return {OciIndex, OciManifest, DockerManifestList, DockerManifest};
}

} // namespace oci
