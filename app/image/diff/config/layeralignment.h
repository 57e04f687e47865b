#pragma once

#include "oci/core/digest.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>

class QJsonObject;

namespace oci {
class Descriptor;
struct ImageConfig;
} // namespace oci

namespace image {

struct ImageLayers;

// One layer of an image as the alignment sees it.
struct LayerFacts
{
    oci::Digest digest;           // the blob as stored (compressed)
    oci::Digest diffId;           // the uncompressed tar; null when the config does not say
    QString mediaType;
    qint64 size = 0;              // compressed bytes, from the manifest
    qint64 uncompressedSize = -1; // tar bytes once read (LayerIndex::tarBytes()); -1 unknown
    QString createdBy;            // the history entry that made it; empty when unknown

    friend bool operator==(const LayerFacts &, const LayerFacts &) = default;
};

// The facts of a manifest's layers: diff IDs from `config` when it lists exactly one per
// layer, created_by from its history (oci::LayerHistory). `config` may be null.
QList<LayerFacts> layerFacts(const QList<oci::Descriptor> &layers, const oci::ImageConfig *config);
QList<LayerFacts> layerFacts(const ImageLayers &image);

// How a layer was found in the other image.
enum class LayerMatch {
    None,       // only this image has it
    SameDigest, // the same blob
    SameDiffId, // the same tar compressed differently: its files are the same
};

// "none", "digest", "diffId".
QString layerMatchName(LayerMatch match);

struct AlignedLayer
{
    LayerFacts layer;
    int counterpart = -1; // the same layer's index in the other image; -1 when only here
    LayerMatch match = LayerMatch::None;

    friend bool operator==(const AlignedLayer &, const AlignedLayer &) = default;
};

// Two images' layers side by side (made by alignLayers). Shared leading layers pair by
// position; after them every layer is looked for anywhere in the other image's remaining
// layers, by digest first, then by diff ID (each layer used once, duplicates in order).
// Sizes are summed per image; uncompressed figures exist when every layer's is known
// (fill LayerFacts::uncompressedSize in a and b as layers are read: they are computed
// on demand).
//
//     image::LayerAlignment layers = image::alignLayers(image::layerFacts(a), image::layerFacts(b));
//     layers.sharedLeading;            // collapsed in a view
//     layers.onlyA(), layers.onlyB();  // the differing layers, with command and size
//     layers.moved();                  // shared, at other positions
struct LayerAlignment
{
    QList<AlignedLayer> a;
    QList<AlignedLayer> b;
    int sharedLeading = 0; // a[i] and b[i] are the same layer for every i < sharedLeading

    int sharedCount() const;       // layers of a found in b
    QList<int> onlyA() const;      // indexes into a of layers b does not have, in order
    QList<int> onlyB() const;
    // Shared layers at different positions: (index in a, index in b), in a's order.
    QList<std::pair<int, int>> moved() const;
    // Shared layers compressed differently (LayerMatch::SameDiffId): (a, b), in a's order.
    QList<std::pair<int, int>> recompressed() const;
    // Same number of layers, every one the same blob at the same position.
    bool identical() const;

    qint64 compressedSizeA() const;
    qint64 compressedSizeB() const;
    qint64 compressedDelta() const { return compressedSizeB() - compressedSizeA(); }
    std::optional<qint64> uncompressedSizeA() const;
    std::optional<qint64> uncompressedSizeB() const;
    std::optional<qint64> uncompressedDelta() const;

    // {"layerCountA", "layerCountB", "sharedCount", "sharedLeading", "compressedSizeA",
    //  "compressedSizeB", "compressedDelta", "uncompressedSizeA"?, "uncompressedSizeB"?,
    //  "uncompressedDelta"?, "a": [layer], "b": [layer]} with each layer {"index", "digest",
    //  "diffId"?, "mediaType", "size", "uncompressedSize"?, "createdBy"?, "match",
    //  "counterpart"?}.
    QJsonObject toJson() const;
    // English lines for ladingctl, texts stable:
    //   "layers: 3 → 4, 3 shared (3 leading)"
    //   "compressed: 31.20 MB → 32.40 MB (+1.20 MB)"   ("uncompressed: …" when known)
    //   "recompressed #0: sha256:aaaaaaaaaaaa → sha256:bbbbbbbbbbbb"
    //   "moved #1 → #2: sha256:cccccccccccc COPY app /app"
    //   "- #3: sha256:dddddddddddd 1.23 MB RUN apt-get install -y curl"
    //   "+ #3: sha256:eeeeeeeeeeee 1.30 MB RUN apt-get install -y curl wget"
    QStringList describe() const;
};

LayerAlignment alignLayers(const QList<LayerFacts> &a, const QList<LayerFacts> &b);

// "1.23 MB" (SI units, as registries show sizes); "+1.20 MB" / "-3 bytes" withSign.
QString diffSizeText(qint64 bytes, bool withSign = false);
// "43.50 MB → 44.73 MB (+1.23 MB)".
QString diffSizeChange(qint64 a, qint64 b);

} // namespace image
