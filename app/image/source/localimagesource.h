#pragma once

#include "image/source/localimage.h"
#include "oci/core/digest.h"
#include "oci/core/result.h"

#include <QFuture>
#include <QList>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace image {

class BlobStream;

namespace source {
class ArchiveStore;
struct SourceContents;
} // namespace source

struct LocalSourceOptions
{
    // Cap on the decompressed size of a gzip'ed archive (a gzip bomb stops there).
    qint64 maxTarBytes = qint64(1) << 40;
};

// Images on disk, read without a registry and without unpacking: an OCI image layout
// folder, or a tar — plain or gzip'ed as a whole — holding an OCI layout (oci-archive,
// Docker 25+ `docker save`) or a legacy `docker save` / skopeo docker-archive. Told apart by
// content, in the order of oci-client-notes §4.1: outer compression by magic, then `oci-layout`
// (an OCI layout; with `manifest.json` too it is Docker 25+), else `manifest.json` (docker-archive),
// else refused.
//
// Threads: open(), openBlob(), readBlob() and verifyBlobs() and BlobStream::read() do
// blocking file I/O — call them on a worker thread (openAsync()/verifyAsync() do). Once
// open, a source is immutable: the accessors are cheap and any number of blob streams may
// run at once on different threads (each opens its own file handle).
//
// What open() checks: the tar's structure (header checksums, end-of-archive marker, every
// member name relative with no `..`, no duplicates), for gzip the whole stream (CRC,
// truncation; a gzip'ed tar is decompressed once, start to end, and its small members kept);
// every document (oci-layout, index.json, manifest.json, manifests, configs: strict JSON,
// 4 MiB caps) and its digest; that every blob a manifest names is present with the
// descriptor's size. Links among the members are followed only inside the archive, to a
// regular member (legacy docker save writes repeated layers as symlinks); anything else is
// refused. Layer contents are verified as they are read (BlobStream) or by verifyBlobs().
//
// Errors are oci::Error values whose object() names the file (and member) and whose
// message says the problem.
class LocalImageSource final
{
public:
    using Options = LocalSourceOptions;

    ~LocalImageSource();
    LocalImageSource(const LocalImageSource &) = delete;
    LocalImageSource &operator=(const LocalImageSource &) = delete;

    // Blocks: reads the whole index of a tar (all of a gzip'ed one) and every document.
    static oci::Result<std::shared_ptr<const LocalImageSource>> open(const QString &path,
                                                                     const Options &options);
    static oci::Result<std::shared_ptr<const LocalImageSource>> open(const QString &path);
    // open() on the QtConcurrent pool. Take the result on your thread with
    // future.then(context, [](oci::Result<std::shared_ptr<const image::LocalImageSource>> r) { ... }).
    static QFuture<oci::Result<std::shared_ptr<const LocalImageSource>>> openAsync(const QString &path,
                                                                                  const Options &options = {});

    const QString &path() const { return m_path; }
    LocalFormat format() const;
    bool isGzipCompressed() const; // the whole archive is gzip'ed (reads re-inflate)

    // Every image manifest, top-level ones and the platform images of indexes, in archive
    // order; and every index.
    const QList<LocalImage> &images() const;
    const QList<LocalIndex> &indexes() const;
    // What open() skipped on purpose, one line each: index entries of media types Lading
    // does not read (an OCI layout may hold anything). The person picks from images()
    // with a null `index` plus indexes().
    const QStringList &notes() const;

    // Every blob the images refer to that the source holds (manifests, configs, layers),
    // first-seen order, and its size.
    const QList<oci::Digest> &blobs() const;
    bool hasBlob(const oci::Digest &digest) const;
    qint64 blobSize(const oci::Digest &digest) const; // -1 when absent
    // For folders and plain tars: where the blob's bytes are in a file (LayerReader::fromFile,
    // image::FileSource). nullopt for gzip'ed archives and absent blobs. Whoever reads the
    // range must verify it (both readers named do).
    std::optional<BlobFileRange> blobFileRange(const oci::Digest &digest) const;

    // Blocking reads, verified against the digest (docker-archive layers: the config's
    // rootfs.diff_ids entry). For a gzip'ed archive each stream re-inflates from the start.
    oci::Result<std::unique_ptr<BlobStream>> openBlob(const oci::Digest &digest) const;
    // The whole blob in memory; SizeLimitExceeded above `cap`.
    oci::Result<QByteArray> readBlob(const oci::Digest &digest, qint64 cap = 4 * 1024 * 1024) const;

    // Reads every blob once and checks it (one sequential pass, also for gzip'ed archives):
    // what a push runs before it sends a byte. `progress(done, total)` in bytes; `cancelled`
    // polled between chunks (Error::Code::Cancelled).
    oci::Result<void> verifyBlobs(const std::function<void(qint64 done, qint64 total)> &progress = {},
                                  const std::function<bool()> &cancelled = {}) const;
    static QFuture<oci::Result<void>> verifyAsync(std::shared_ptr<const LocalImageSource> source,
                                                  std::function<void(qint64 done, qint64 total)> progress = {},
                                                  std::function<bool()> cancelled = {});

private:
    LocalImageSource();

    QString m_path;
    std::unique_ptr<source::ArchiveStore> m_store;
    std::unique_ptr<source::SourceContents> m_contents;
};

} // namespace image
