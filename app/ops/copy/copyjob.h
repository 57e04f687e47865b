#pragma once

#include "ops/copy/copyerror.h"

#include "oci/client/job.h"
#include "oci/core/digest.h"
#include "oci/manifest/descriptor.h"

#include <QString>

#include <memory>

namespace oci {
class ContentFetcher;
}

namespace ops {

struct CopySource;

// What to copy where.
struct CopyRequest
{
    QString sourceRepository;
    QString sourceReference; // tag or digest
    QString targetRepository;
    QString targetTag;          // empty: the copy is addressed by its digest only
    bool withReferrers = false; // signatures, SBOMs, attestations (and their referrers)
    int parallelBlobs = 3;
};

// Copies an image — a single manifest, or an index with ALL its manifests — to another
// repository of the same registry or to another registry, optionally with its referrers.
//
// 1. Reading: the source's manifests (SourceWalkJob: verified, through its ContentFetcher).
// 2. Copying: per blob (parallelBlobs at once) HEAD on the target (skip), on the same
//    registry a cross-repository mount, else streamed registry to registry through memory
//    (BlobCopier: bounded, the download paused while the upload is behind; digests checked
//    on both sides).
// 3. Publishing: the manifests PUT by digest, each index after its manifests and a referrer
//    after its subject (the registry checks every digest it stores); where the target has
//    no referrers API, the referrers' fallback tag index ("sha256-<hex>") merged with what
//    it already lists; the tag LAST, so a failed or cancelled copy publishes no tag.
//
// Errors name the side (failedSide()), the registry, the repository and the blob or
// manifest. Progress: bytes of blobs (present and mounted ones count whole at once).
//
//     ops::CopyRequest request{u"team/app"_s, u"1.0"_s, u"mirror/app"_s, u"1.0"_s, true};
//     auto *copy = new ops::CopyJob(sourceFetcher, targetFetcher, request, this);
//     connect(copy, &ops::CopyJob::progress, this, [](qint64 done, qint64 total) { ... });
//     connect(copy, &oci::Job::finished, this, [copy] {
//         if (!copy->succeeded()) report(copy->error().describe());
//         copy->deleteLater();
//     });
//     copy->start();
class CopyJob final : public oci::Job
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CopyJob)

public:
    enum class Phase { Waiting, Reading, Copying, Publishing, Done };
    Q_ENUM(Phase)
    enum class BlobState {
        Waiting,
        Checking,
        Mounting,
        Streaming,
        Present, // the target had it
        Mounted,
        Copied, // streamed
        Failed,
    };
    Q_ENUM(BlobState)

    struct Counters
    {
        int blobsPresent = 0;
        int blobsMounted = 0;
        int blobsCopied = 0;  // streamed source -> target
        int blobsSkipped = 0; // foreign layers
        qint64 bytesCopied = 0;
        int manifestsPut = 0; // including the tag and referrers' fallback tags
        int referrersCopied = 0;
        int downloadPauses = 0; // flow control: downloads paused for a slower upload
    };

    // `source` and `target` may be the same fetcher (a copy within one registry).
    CopyJob(oci::ContentFetcher *source, oci::ContentFetcher *target, CopyRequest request,
            QObject *parent = nullptr);
    ~CopyJob() override;

    void start();

    const CopyRequest &request() const;
    // Same host: blobs are mounted rather than streamed.
    bool isSameRegistry() const;
    Phase phase() const;
    // What is copied, once Reading is over (empty before).
    const CopySource &source() const;
    // The copied image's digest (once read).
    oci::Digest digest() const;

    int blobCount() const;
    const oci::Descriptor &blob(int index) const;
    BlobState blobState(int index) const;
    qint64 blobBytesDone(int index) const;
    qint64 bytesDone() const;
    qint64 bytesTotal() const;
    const Counters &counters() const;

    // What the target tag pointed at before the copy moved it (null if it was new or not
    // a tag copy); known once Done.
    oci::Digest previousTagDigest() const;

    // Bytes held in memory by the streams (downloaded, not yet handed to an upload): now,
    // the most at any time of this job, and the bound the design keeps to.
    qint64 bufferedBytes() const;
    qint64 peakBufferedBytes() const;
    qint64 maxBufferedBytes() const;

    // When failed: which side (None for a cancel or a bad request).
    CopySide failedSide() const;

Q_SIGNALS:
    void phaseChanged(ops::CopyJob::Phase phase);
    void progress(qint64 done, qint64 total);
    void blobChanged(int index);
    // A line for a log or a status bar ("Mounted sha256:… from team/app").
    void message(const QString &text);

protected:
    void abort() override;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace ops
