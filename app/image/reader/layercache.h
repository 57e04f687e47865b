#pragma once

#include "image/layer/layerindex.h"
#include "image/layer/layerstream.h"
#include "oci/core/digest.h"
#include "oci/core/result.h"

#include <QFuture>
#include <QHash>
#include <QObject>
#include <QString>

#include <list>
#include <memory>
#include <optional>

namespace image {

class BlobStore;

struct LayerCacheOptions
{
    // Folder of the on-disk blob store; empty: indexes in memory only, no blobs kept
    // (reading a file back then needs the layer again).
    QString directory;
    qint64 maxBlobBytes = qint64(4) * 1024 * 1024 * 1024;
    qint64 maxIndexMemoryBytes = 512 * 1024 * 1024;

    // QStandardPaths::CacheLocation + "/layers".
    static QString defaultDirectory();
};

// Layer indexes by blob digest (memory, LRU bounded by LayerIndex::memoryBytes()) and the
// layer blobs themselves (on disk, <dir>/<algorithm>/<encoded>, raw bytes, verified before
// they go in, LRU-evicted by last use over maxBlobBytes together with the indexes kept beside
// them). Lives on the GUI thread; the blob
// store is thread-safe and used by workers. LayerReader fills both.
//
//     if (auto hit = cache->index(layer.digest())) show(*hit);      // instant
//     cache->readFile(layer.digest(), entry.ordinal, 0, 4 << 20)
//         .then(this, [this](oci::Result<image::FileSlice> slice) { ... });
class LayerCache final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LayerCache)

public:
    explicit LayerCache(LayerCacheOptions options, QObject *parent = nullptr);
    ~LayerCache() override;

    const LayerCacheOptions &options() const { return m_options; }

    std::optional<LayerIndex> index(const oci::Digest &digest);
    // Complete indexes only (isComplete()); replaces an older one of the same digest.
    void insertIndex(const LayerIndex &index);
    int indexCount() const { return int(m_lru.size()); }
    qint64 indexMemoryBytes() const { return m_indexBytes; }

    // Null without a directory. Thread-safe; shared with workers.
    std::shared_ptr<BlobStore> blobStore() const { return m_blobs; }

    // A blob that lives in a file outside the store, `size` bytes at `offset` (a layer of a
    // local tarball or OCI layout the person opened): readFile() reads it there. Read and
    // verified by LayerReader::fromFile() first; the file is trusted not to change after.
    void addBlobFile(const oci::Digest &digest, const QString &path, qint64 offset, qint64 size);

    // Whether readFile() can read the blob: a blob file that exists, or the store holds it
    // (stat()s only). An index may be cached without its blob: a local read keeps only the
    // index in the store, and blobs and indexes are evicted separately.
    bool hasBlob(const oci::Digest &digest) const;

    // At most `maxBytes` of the file at `ordinal` of a cached blob, from `offset` (on the
    // pool; the future finishes on this object's thread). NotFound, naming the layer
    // (object() is its digest), when the blob is neither a blob file nor in the store:
    // reading the layer through LayerReader (from its registry or image file) brings it.
    QFuture<oci::Result<FileSlice>> readFile(const oci::Digest &layer, quint32 ordinal,
                                             qint64 offset, qint64 maxBytes);

private:
    void trim();

    LayerCacheOptions m_options;
    std::shared_ptr<BlobStore> m_blobs;
    struct BlobFile
    {
        QString path;
        qint64 offset = 0;
        qint64 size = 0;
    };
    QHash<oci::Digest, BlobFile> m_blobFiles;
    std::list<LayerIndex> m_lru; // most recently used first
    QHash<oci::Digest, std::list<LayerIndex>::iterator> m_byDigest;
    qint64 m_indexBytes = 0;
};

} // namespace image
