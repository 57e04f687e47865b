#pragma once

#include <QLatin1String>
#include <QString>
#include <QStringView>

// Media types of the OCI image-spec and the Docker formats registries still serve
// (oci-client-notes §1.2). Comparisons are on the bare type: strip Content-Type
// parameters first with stripParameters().
namespace oci::MediaType {

// OCI image-spec
inline constexpr QLatin1String OciManifest("application/vnd.oci.image.manifest.v1+json");
inline constexpr QLatin1String OciIndex("application/vnd.oci.image.index.v1+json");
inline constexpr QLatin1String OciConfig("application/vnd.oci.image.config.v1+json");
inline constexpr QLatin1String OciLayer("application/vnd.oci.image.layer.v1.tar");
inline constexpr QLatin1String OciLayerGzip("application/vnd.oci.image.layer.v1.tar+gzip");
inline constexpr QLatin1String OciLayerZstd("application/vnd.oci.image.layer.v1.tar+zstd");
// Deprecated by image-spec 1.1, still found in Windows images.
inline constexpr QLatin1String OciLayerNondistributable(
    "application/vnd.oci.image.layer.nondistributable.v1.tar");
inline constexpr QLatin1String OciLayerNondistributableGzip(
    "application/vnd.oci.image.layer.nondistributable.v1.tar+gzip");
inline constexpr QLatin1String OciLayerNondistributableZstd(
    "application/vnd.oci.image.layer.nondistributable.v1.tar+zstd");
inline constexpr QLatin1String OciEmpty("application/vnd.oci.empty.v1+json");
// From the image-spec 1.1 release candidates, dropped before 1.1.0: display only.
inline constexpr QLatin1String OciArtifactManifest("application/vnd.oci.artifact.manifest.v1+json");

// Docker image manifest v2 schema 2
inline constexpr QLatin1String DockerManifest("application/vnd.docker.distribution.manifest.v2+json");
inline constexpr QLatin1String DockerManifestList(
    "application/vnd.docker.distribution.manifest.list.v2+json");
inline constexpr QLatin1String DockerConfig("application/vnd.docker.container.image.v1+json");
inline constexpr QLatin1String DockerPluginConfig("application/vnd.docker.plugin.v1+json");
inline constexpr QLatin1String DockerLayer("application/vnd.docker.image.rootfs.diff.tar");
inline constexpr QLatin1String DockerLayerGzip("application/vnd.docker.image.rootfs.diff.tar.gzip");
// Foreign layers (Windows base images): never pushed, never fetched from their `urls` unasked.
inline constexpr QLatin1String DockerForeignLayerGzip(
    "application/vnd.docker.image.rootfs.foreign.diff.tar.gzip");

// Docker schema 1 (legacy): recognised, not read in detail.
inline constexpr QLatin1String DockerSchema1Signed(
    "application/vnd.docker.distribution.manifest.v1+prettyjws");
inline constexpr QLatin1String DockerSchema1("application/vnd.docker.distribution.manifest.v1+json");

} // namespace oci::MediaType

namespace oci {

// The blob `{}` an OCI 1.1 artifact points to as its config when it has none.
inline constexpr QLatin1String EmptyDescriptorDigest(
    "sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a");
inline constexpr qint64 EmptyDescriptorSize = 2;

// The annotation buildx puts on attestation entries of an index, and its value there.
inline constexpr QLatin1String DockerReferenceTypeAnnotation("vnd.docker.reference.type");
inline constexpr QLatin1String DockerReferenceDigestAnnotation("vnd.docker.reference.digest");
inline constexpr QLatin1String AttestationManifestReferenceType("attestation-manifest");

enum class LayerCompression { None, Gzip, Zstd, Unknown };

// "Application/JSON; charset=utf-8 " -> "application/json": parameters and surrounding
// white space removed, lower-cased (media types compare case-insensitively, RFC 6838).
QString stripParameters(QStringView contentType);

// All helpers take a bare media type (no parameters).
bool isIndex(QStringView mediaType);         // OCI index or Docker manifest list
bool isImageManifest(QStringView mediaType); // OCI manifest or Docker schema 2 manifest
bool isDocker(QStringView mediaType);        // any application/vnd.docker.* type
bool isSchema1(QStringView mediaType);       // signed or unsigned schema 1
bool isLayer(QStringView mediaType);         // OCI or Docker layer, any compression
bool isNondistributableLayer(QStringView mediaType); // OCI nondistributable or Docker foreign
bool isConfig(QStringView mediaType);        // OCI or Docker image config
// For layer types: how the blob is compressed; Unknown for anything that is not a layer
// type (including layer types with a compression suffix Lading does not read).
LayerCompression layerCompression(QStringView mediaType);

// The manifest types Lading reads, most preferred first, for an Accept header.
QList<QLatin1String> acceptedManifestTypes();

} // namespace oci
