#pragma once

#include "image/layer/layerindex.h"
#include "image/layer/layerstream.h"
#include "oci/client/job.h"
#include "oci/core/digest.h"

#include <QString>

#include <functional>
#include <memory>

namespace oci {
class Descriptor;
class RegistryClient;
} // namespace oci

namespace image {

class ByteSource;
class LayerCache;

// Reads one layer blob into a LayerIndex on the QtConcurrent pool, from the registry or a
// local file, with progress and partial indexes on the way. An oci::Job: owned by the
// caller, cancel() is idempotent and silent, deleting it cancels, finished() comes once,
// queued, on the owner's thread; so do progress() and entriesAdded(). The worker takes and
// returns values only.
//
// From the registry, the blob streams through BlobJob into a file (the cache's blob store
// when it has a folder, else a temporary file) that the worker reads as it grows: memory
// stays bounded however fast the network is, and the verified blob stays in the cache for
// reading files back. A cached index is not read again; but when the cache cannot read
// the blob (a local read left it in its image file, or it was evicted) the blob is still
// downloaded, verified and kept, so that LayerCache::readFile() works for every layer a
// registry read succeeded on.
//
//     auto *reader = image::LayerReader::fromRegistry(client, repo, layerDescriptor, cache, {}, this);
//     connect(reader, &image::LayerReader::entriesAdded, this, [this](const image::LayerIndex &b) { append(b); });
//     connect(reader, &image::LayerReader::progress, this, [](qint64 done, qint64 total) { ... });
//     connect(reader, &oci::Job::finished, this, [this, reader] {
//         if (reader->succeeded()) show(reader->index()); else report(reader->error());
//         reader->deleteLater();
//     });
class LayerReader final : public oci::Job
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LayerReader)

public:
    ~LayerReader() override;

    // `cache` may be null (no index or blob caching).
    static LayerReader *fromRegistry(oci::RegistryClient *client, const QString &repository,
                                     const oci::Descriptor &layer, LayerCache *cache,
                                     const ReadOptions &options = {}, QObject *parent = nullptr);
    // `length` bytes at `offset` of a local file (a cached blob, a layer inside a tarball,
    // a blob of an OCI layout). A null digest skips verification (tarball layers that have
    // no compressed digest yet); the index then carries the computed digest.
    static LayerReader *fromFile(const QString &path, const oci::Digest &digest,
                                 qint64 offset = 0, qint64 length = -1,
                                 LayerCache *cache = nullptr, const ReadOptions &options = {},
                                 QObject *parent = nullptr);

    // A stream opened on the worker (a layer inside a gzip'ed archive: LocalImageSource::
    // openBlob). The stream verifies what it reads; with a blob store the bytes are kept
    // there as they pass, committed once verified, so files can be read back.
    using SourceOpener = std::function<oci::Result<std::unique_ptr<ByteSource>>()>;
    static LayerReader *fromStream(SourceOpener open, const oci::Digest &digest, qint64 size,
                                   LayerCache *cache = nullptr, const ReadOptions &options = {},
                                   QObject *parent = nullptr);

    const oci::Digest &digest() const;
    // The whole index once succeeded.
    const LayerIndex &index() const;
    // The index came from the cache (the blob may still have been downloaded).
    bool cameFromCache() const;
    qint64 bytesRead() const;
    qint64 totalBytes() const; // -1 when unknown

Q_SIGNALS:
    // Compressed bytes consumed so far.
    void progress(qint64 bytes, qint64 total);
    // A partial index: the entries read since the previous batch (ordinals continue).
    void entriesAdded(const image::LayerIndex &batch);

protected:
    void abort() override;

private:
    struct Private;
    explicit LayerReader(std::unique_ptr<Private> d, QObject *parent);
    // A file or a stream: answered from the cache's memory when it has the index, else read
    // on the pool (the on-disk index first).
    static LayerReader *fromLocal(const QString &path, qint64 offset, SourceOpener open,
                                  const oci::Digest &digest, qint64 length, LayerCache *cache,
                                  const ReadOptions &options, QObject *parent);
    std::unique_ptr<Private> d;
};

} // namespace image
