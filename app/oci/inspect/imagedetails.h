#pragma once

#include "oci/core/digest.h"
#include "oci/core/error.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <memory>

namespace oci {

class ManifestDocument;
struct ImageConfig;

// One platform image of an index (or the image itself for a single manifest).
struct PlatformDetails
{
    QString platform; // "linux/amd64", "linux/arm64/v8"; from the index entry, else the config
    Digest digest;    // of the platform's manifest
    qint64 compressedSize = -1;                       // config + layers as stored; -1 until known
    QDateTime created;                                // from its config; invalid when absent
    std::shared_ptr<const ManifestDocument> manifest; // null when it could not be read
    std::shared_ptr<const ImageConfig> config;        // null when absent or unreadable
};

// What the tag table shows for one manifest digest: a value, computed once per digest and
// shared by every tag that points there (anything addressed by a digest never changes).
//
// Sizes are compressed sizes as stored in the registry: config + layers for an image.
// For an index, compressedSize covers all its platform images (attestations left out),
// each distinct blob (config or layer) counted once even when platforms share it: what
// pulling every platform transfers. `platformDetails` holds each platform's own size
// (config + layers) and created date for a per-platform display. `created` of an index is
// the newest platform's. -1 while any platform's manifest is unknown.
struct ImageDetails
{
    enum class Kind { Unknown, Image, Index, Artifact, Other };
    enum class Format { Unknown, Oci, Docker };

    Digest digest;     // of the manifest or index
    QString mediaType; // of the manifest or index
    Kind kind = Kind::Unknown;
    Format format = Format::Unknown;
    qint64 manifestSize = -1;   // bytes of the manifest document itself
    qint64 compressedSize = -1; // see above; -1 when unknown
    QDateTime created;          // invalid when no config says
    QStringList platforms;      // "linux/amd64", sorted as in the index
    int attestationCount = 0;   // index entries that are attestations (not in platforms)
    QString artifactType;       // artifacts: artifactType, else the config media type
    Digest configDigest;        // images and artifacts
    QList<PlatformDetails> platformDetails;
    // The image config of a single image (null for an index, artifact or unknown kind).
    std::shared_ptr<const ImageConfig> config;
    // The manifest or index itself, exactly as fetched (layers, annotations, raw bytes).
    std::shared_ptr<const ManifestDocument> document;

    bool isNull() const { return digest.isNull(); }
    bool isIndex() const { return kind == Kind::Index; }

    // "OCI image", "Docker index", "OCI artifact", ...: technical English for the CLI.
    QString kindText() const;

    // Builds the details from the fetched pieces: `document` (the manifest or index; not null),
    // `configs` (config blobs by digest, parsed) and `children` (platform manifests by
    // digest, for an index). Missing pieces leave their fields unknown.
    static ImageDetails
    fromDocuments(const Digest &digest, std::shared_ptr<const ManifestDocument> document,
                  const QHash<Digest, std::shared_ptr<const ImageConfig>> &configs,
                  const QHash<Digest, std::shared_ptr<const ManifestDocument>> &children);
};

// One tag's row: the tag, and its details once known.
struct TagDetails
{
    QString tag;
    ImageDetails details;
    // The digest came from the cache's last known answer, not from the registry now;
    // networkError says why the registry was not asked.
    bool stale = false;
    Error networkError;
    // A "sha256-<hex>" tag: the referrers fallback tag of that manifest (or a signature
    // / attestation tag of the cosign style with a suffix), not an image of its own.
    bool referrerFallbackTag = false;
    Error error; // code None when the details were found
};

// True for "sha256-<64 hex>" and cosign's "sha256-<hex>.sig|.att|.sbom".
bool isReferrerFallbackTag(QStringView tag);

} // namespace oci

Q_DECLARE_METATYPE(oci::ImageDetails)
Q_DECLARE_METATYPE(oci::TagDetails)
