#pragma once

#include "oci/core/digest.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>

class QJsonObject;

namespace oci {
struct ImageConfig;
struct ImageManifest;
} // namespace oci

namespace image {

struct ConfigDiff;
struct ImageLayers;
struct LayerAlignment;

// What the summary needs of one image besides its layers.
struct SummarySide
{
    oci::Digest manifestDigest;
    oci::Digest configDigest; // null when not known
    QString platform;         // "linux/arm64/v8" from the config; empty when not known
    QDateTime created;        // invalid when not known
};

SummarySide summarySide(const oci::Digest &manifestDigest, const oci::ImageManifest &manifest,
                        const oci::ImageConfig *config);
// ImageLayers does not keep the config's digest: configDigest stays null.
SummarySide summarySide(const ImageLayers &image);

// The first lines of a diff (issue 7's summary): same or different digest, sizes, layer
// counts, files added/removed/changed, config keys changed. A value: made again when
// anything it is made from changes (the uncompressed sizes once the layers are read).
struct ImageSummary
{
    oci::Digest digestA; // the manifests'
    oci::Digest digestB;
    bool sameDigest = false;
    // The same config blob (the same build, its manifests differing, e.g. layers
    // recompressed by a push); false when either config digest is not known.
    bool sameConfig = false;
    QString platformA;
    QString platformB;
    QDateTime createdA;
    QDateTime createdB;

    int layerCountA = 0;
    int layerCountB = 0;
    int sharedLayers = 0; // by digest or diff ID, anywhere
    qint64 compressedSizeA = 0;
    qint64 compressedSizeB = 0;
    std::optional<qint64> uncompressedSizeA; // when every layer's size is known
    std::optional<qint64> uncompressedSizeB;

    int configKeysChanged = 0; // ConfigDiff::changedKeyCount()

    // From the file diff, filled by the job; -1 while the files are not compared.
    int filesAdded = -1;
    int filesRemoved = -1;
    int filesChanged = -1;

    qint64 compressedDelta() const { return compressedSizeB - compressedSizeA; }
    std::optional<qint64> uncompressedDelta() const;
    bool filesCompared() const { return filesAdded >= 0 && filesRemoved >= 0 && filesChanged >= 0; }
    // Nothing differs: the same manifest, or the same config and every layer shared (by
    // digest or diff ID) and, when compared, no file added, removed or changed.
    bool noDifferences() const;

    // {"digestA", "digestB", "sameDigest", "sameConfig", "platformA"?, "platformB"?,
    //  "createdA"?, "createdB"? (ISO 8601), "layerCountA", "layerCountB", "sharedLayers",
    //  "compressedSizeA", "compressedSizeB", "compressedDelta", "uncompressedSizeA"?,
    //  "uncompressedSizeB"?, "uncompressedDelta"?, "configKeysChanged", "filesAdded"?,
    //  "filesRemoved"?, "filesChanged"? (when compared), "noDifferences"}.
    QJsonObject toJson() const;
    // English lines for ladingctl, texts stable:
    //   "digest: same sha256:0123456789ab" / "digest: sha256:0123456789ab → sha256:ba9876543210"
    //   "compressed: 43.50 MB → 44.73 MB (+1.23 MB)"
    //   "uncompressed: 116.00 MB → 119.00 MB (+3.00 MB)"  (when known)
    //   "layers: 3 → 4, 3 shared"
    //   "files: 2 added, 1 removed, 5 changed"           (when compared)
    //   "config keys changed: 3"
    QStringList describe() const;
};

ImageSummary summarizeImages(const SummarySide &a, const SummarySide &b,
                             const LayerAlignment &layers, const ConfigDiff &config);

} // namespace image
