#include "inspectormediatypes.h"

#include "oci/manifest/mediatypes.h"

namespace MT = oci::MediaType;

QString MediaTypeNames::name(const QString &mediaType)
{
    const QString type = oci::stripParameters(mediaType);
    if (type == MT::OciManifest)
        return tr("OCI image manifest");
    if (type == MT::OciIndex)
        return tr("OCI image index");
    if (type == MT::DockerManifest)
        return tr("Docker image manifest");
    if (type == MT::DockerManifestList)
        return tr("Docker manifest list");
    if (oci::isSchema1(type))
        return tr("Docker schema 1 manifest (legacy)");
    if (type == MT::OciArtifactManifest)
        return tr("OCI artifact manifest (pre-release)");
    if (type == MT::OciConfig)
        return tr("OCI image config");
    if (type == MT::DockerConfig)
        return tr("Docker image config");
    if (type == MT::DockerPluginConfig)
        return tr("Docker plugin config");
    if (type == MT::OciEmpty)
        return tr("Empty (OCI)");
    if (type == MT::DockerForeignLayerGzip)
        return tr("Docker foreign layer, gzip");
    if (oci::isLayer(type)) {
        const QString how = compression(type);
        if (oci::isNondistributableLayer(type))
            return tr("OCI non-distributable layer, %1").arg(how);
        return oci::isDocker(type) ? tr("Docker layer, %1").arg(how) : tr("OCI layer, %1").arg(how);
    }
    if (type == u"application/vnd.in-toto+json")
        return tr("in-toto attestation");
    return {};
}

QString MediaTypeNames::nameOrType(const QString &mediaType)
{
    const QString text = name(mediaType);
    return text.isEmpty() ? mediaType : text;
}

QString MediaTypeNames::compression(const QString &mediaType)
{
    const QString type = oci::stripParameters(mediaType);
    if (!oci::isLayer(type))
        return {};
    switch (oci::layerCompression(type)) {
    case oci::LayerCompression::None:
        return tr("uncompressed");
    case oci::LayerCompression::Gzip:
        return QStringLiteral("gzip");
    case oci::LayerCompression::Zstd:
        return QStringLiteral("zstd");
    case oci::LayerCompression::Unknown:
        break;
    }
    return tr("unknown compression");
}
