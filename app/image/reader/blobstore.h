#pragma once

#include "image/layer/layerindex.h"
#include "oci/core/digest.h"
#include "oci/core/result.h"

#include <QHash>
#include <QMutex>
#include <QString>

#include <optional>

namespace image {

// Layer blobs on disk, raw, one file per digest: <dir>/<algorithm>/<encoded>, so a blob can
// be streamed (oci::ContentStore holds small documents with a header line and reads them
// whole, which a multi-GB layer cannot afford; its layout and LRU-by-mtime policy are
// followed here). Only verified blobs go in: a writer fills a partial file, the reader
// verifies the digest while reading it, and commit() renames it into place. Thread-safe.
class BlobStore final
{
public:
    BlobStore(QString directory, qint64 maxBytes);

    const QString &directory() const { return m_directory; }
    QString pathFor(const oci::Digest &digest) const;

    // The blob's path when stored (refreshes its last use), else nothing.
    std::optional<QString> find(const oci::Digest &digest);
    // Whether the blob is stored: a stat(), no use recorded.
    bool contains(const oci::Digest &digest) const;

    // A fresh partial file to write a blob into (created empty, in the store's folder).
    oci::Result<QString> createPartial(const oci::Digest &digest);
    // Moves a fully written and verified partial file into place, then evicts the least
    // recently used blobs over the size limit.
    oci::Result<void> commit(const QString &partialPath, const oci::Digest &digest);
    void discard(const QString &partialPath);
    void remove(const oci::Digest &digest);

    qint64 totalBytes(); // blobs and indexes

    // Layer indexes beside the blobs (<dir>/indexes/<algorithm>/<encoded>, LayerIndex::
    // toBytes()), so that a layer reopens without reading its blob again. They count in the
    // same budget and go by the same LRU as blobs; a damaged file is a miss.
    QString indexPathFor(const oci::Digest &digest) const;
    bool hasIndex(const oci::Digest &digest) const;
    std::optional<LayerIndex> readIndex(const oci::Digest &digest);
    oci::Result<void> writeIndex(const LayerIndex &index);

private:
    void scanLocked();
    void evictLocked(const QString &keep);

    struct FileEntry
    {
        qint64 size = 0;
        qint64 lastUse = 0;
    };

    QString m_directory;
    qint64 m_maxBytes;
    QMutex m_mutex;
    bool m_scanned = false;
    QHash<QString, FileEntry> m_files; // "<algorithm>/<encoded>" -> entry
    qint64 m_total = 0;
};

} // namespace image
