#pragma once

#include "image/layer/compression.h"
#include "image/layer/layerentry.h"
#include "oci/core/digest.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

namespace image {

// What is known about the blob once it was read through.
struct LayerBlobInfo
{
    oci::Digest digest;
    oci::Digest diffId;
    Compression compression = Compression::None;
    qint64 compressedBytes = -1;
    qint64 tarBytes = -1;
};

// The file list of one layer blob: every tar entry in archive order, paths cleaned (§5.1),
// whiteout markers recognised, regular files hashed. An immutable, cheaply copied value
// (shared data): pass it between threads and keep it in caches freely.
//
//     const image::LayerIndex &index = reader->index();
//     for (int i = 0; i < index.size(); ++i) {
//         const image::LayerEntry &e = index.at(i);
//         if (e.has(image::Superseded)) continue;             // a later duplicate wins
//         print(image::entryTypeLetter(e.type), e.mode, e.size,
//               index.displayPath(i), index.displayLinkTarget(i));
//     }
//     int i = index.find("etc/passwd");                        // -1 when absent
//
// A partial index (a batch delivered while the layer streams) has the same shape; its
// entries' `ordinal`s continue where the previous batch ended, and isComplete() is false.
class LayerIndex
{
public:
    LayerIndex();

    int size() const;
    bool isEmpty() const { return size() == 0; }
    const LayerEntry &at(int i) const;
    const std::vector<LayerEntry> &entries() const;

    // Raw bytes, cleaned: "usr/bin/env" (no leading '/', the root is empty). Views into
    // this index's pool: valid while a copy of this index lives.
    QByteArrayView path(int i) const;
    QByteArrayView path(const LayerEntry &entry) const;
    // Symlink: the target as written (may be absolute or relative). Hardlink: the cleaned
    // path of the target from the layer root. Empty otherwise.
    QByteArrayView linkTarget(int i) const;
    QByteArrayView linkTarget(const LayerEntry &entry) const;
    QString displayPath(int i) const;       // escaped for people (see pathclean.h)
    QString displayLinkTarget(int i) const;
    QString userName(const LayerEntry &entry) const;  // empty when the tar gave none
    QString groupName(const LayerEntry &entry) const;

    // The last real entry with this cleaned path (the one that wins); a whiteout or opaque
    // marker's path (what it hides) only when no real entry has it. -1 when absent. O(1).
    // Complete indexes only (batches have no lookup).
    int find(QByteArrayView path) const;

    // About the blob. Filled when the whole layer was read.
    const oci::Digest &digest() const;       // the blob's digest, verified while reading
    const oci::Digest &diffId() const;       // SHA-256 of the tar (when asked for)
    Compression compression() const;
    qint64 compressedBytes() const;          // blob size
    qint64 tarBytes() const;                 // decompressed size, end padding included
    bool isComplete() const;                 // false for batches and unfinished reads

    // Sums over entries that are not Superseded: regular files and their bytes.
    int fileCount() const;
    qint64 fileBytes() const;
    // Union of all entries' flags: tells at once whether a layer has unsafe names etc.
    EntryFlags flagsSeen() const;
    // Approximate heap size, for cache budgets.
    qint64 memoryBytes() const;

    // A complete index as bytes for the on-disk cache (same build: entries are stored raw;
    // a checksum covers everything), and back. fromBytes() rejects anything damaged,
    // truncated, from another layout version or inconsistent (offsets, names, types).
    QByteArray toBytes() const;
    static std::optional<LayerIndex> fromBytes(QByteArrayView bytes);

    struct Data; // opaque (layerindex.cpp)

private:
    friend class LayerIndexBuilder;
    explicit LayerIndex(std::shared_ptr<const Data> data);
    // For toBytes()/fromBytes().
    int nameCount() const;
    QByteArray nameBytes(int id) const;
    const QByteArray &poolBytes() const;
    static LayerIndex fromParts(std::vector<LayerEntry> entries, QByteArray pool,
                                QList<QByteArray> names, const LayerBlobInfo &blob);
    std::shared_ptr<const Data> d;
};

// Builds a LayerIndex one entry at a time. The tar reader uses it; tests use it to build
// indexes by hand (merge and waste tests need no tarballs). Not thread-safe; one per layer.
class LayerIndexBuilder
{
public:
    LayerIndexBuilder();
    ~LayerIndexBuilder();
    LayerIndexBuilder(const LayerIndexBuilder &) = delete;
    LayerIndexBuilder &operator=(const LayerIndexBuilder &) = delete;

    // Adds one tar entry. `tarName` is the name as the archive gives it (raw bytes): it is
    // cleaned, `.wh.` markers become Whiteout/Opaque entries of the path they hide, and the
    // findings land in `entry.flags`. `linkName` is the symlink/hardlink target as given
    // (hardlink targets are cleaned too). `entry`'s offsets and ordinal are set here (the
    // ordinal is the number of entries added before, unless `ordinal` >= 0).
    // Returns the entry's index.
    int add(LayerEntry entry, QByteArrayView tarName, QByteArrayView linkName = {},
            QByteArrayView userName = {}, QByteArrayView groupName = {}, qint64 ordinal = -1);

    int size() const;
    // The last added entry, for filling in the content hash after the data was read.
    LayerEntry &last();

    // Entries added since the previous takeBatch(), as a partial index (cheap: copies only
    // those entries and their strings).
    LayerIndex takeBatch();

    // The finished index: flags duplicates (Superseded) and same-layer whiteouts, builds
    // the path lookup. The builder is empty afterwards.
    LayerIndex finish(const LayerBlobInfo &blob = LayerBlobInfo());

private:
    struct State;
    std::unique_ptr<State> m_state;
};

} // namespace image
