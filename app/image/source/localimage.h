#pragma once

#include "oci/core/digest.h"
#include "oci/manifest/manifestdocument.h"
#include "oci/manifest/platform.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace image {

// What a local file or folder turned out to be (oci-client-notes §4).
enum class LocalFormat {
    OciLayout,        // an OCI image layout folder
    OciArchive,       // a tar of an OCI image layout (skopeo oci-archive:, buildx type=oci)
    DockerOciArchive, // Docker 25+ `docker save`: an OCI layout plus manifest.json
    DockerArchive,    // legacy `docker save` (<= 24) and skopeo docker-archive:
};
QString localFormatName(LocalFormat format); // "oci-layout", "oci-archive", ...

// One image manifest found in a local source, with its config read and verified.
struct LocalImage
{
    // As the archive writes them: RepoTags ("docker.io/library/x:1.0"), the index.json
    // annotations org.opencontainers.image.ref.name ("1.0") and io.containerd.image.name.
    // Empty for the platform images of an index (the index carries the names).
    QStringList names;
    // The manifest: real, verified bytes for OCI sources. For docker-archive (which has no
    // manifest) Lading synthesises a Docker schema 2 manifest: config descriptor
    // (vnd.docker.container.image.v1+json, sha256 of the config member), one layer per
    // manifest.json Layers entry with media type vnd.docker.image.rootfs.diff.tar
    // (uncompressed, as the archive holds them), digest = the config's rootfs.diff_ids
    // entry and size = the member's size. skopeo synthesises the same but labels the
    // layers ".tar.gzip"; pushing compresses them and writes a new manifest anyway.
    oci::ManifestDocument manifest;
    oci::Digest manifestDigest;
    bool synthesised = false;
    QByteArray config;            // the verified config bytes
    QList<oci::Digest> diffIds;   // rootfs.diff_ids (empty for non-image artifacts)
    std::optional<oci::Platform> platform; // from the index entry, if it came from one
    oci::Digest index;            // the index listing it; null for a top-level image
    QString where;                // "index.json manifests[0]", "manifest.json[1]": for messages
};

// An image index found in a local source (multi-arch). Its platform images are in
// LocalImageSource::images() with `index` set to `digest`.
struct LocalIndex
{
    QStringList names;
    oci::ManifestDocument document; // real, verified bytes
    oci::Digest digest;
    // Entries whose manifests the archive does not hold (an export of some platforms only;
    // the OCI layout allows it). A push of the index needs them from elsewhere.
    QList<oci::Digest> missingManifests;
    QString where;
};

// Where a blob's bytes lie in a file, for readers that take a file range
// (image::FileSource, LayerReader::fromFile). Only for folders and plain tars.
struct BlobFileRange
{
    QString path;
    qint64 offset = 0;
    qint64 size = 0;
};

} // namespace image
