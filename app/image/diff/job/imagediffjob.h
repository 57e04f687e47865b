#pragma once

#include "image/diff/job/imagediff.h"
#include "image/reader/imagelayers.h"
#include "oci/client/job.h"

#include <QString>

#include <memory>

namespace oci {
class ContentFetcher;
} // namespace oci

namespace image {

class ImageDiffCache;
class LayerCache;

// One side of a diff: an image in a registry, or in a local file (tarball, OCI layout).
struct DiffImageRef
{
    // Registry: manifests and configs through `fetcher` (and its cache); layers through
    // fetcher->client(). The fetcher must outlive the job.
    oci::ContentFetcher *fetcher = nullptr;
    QString repository;
    QString reference;            // a tag or "sha256:…"
    std::optional<LocalReference> local; // set: a local image instead (see LocalReference)
    QString label;                // how the person named it; shown in the report

    bool isLocal() const { return local.has_value(); }
    static DiffImageRef fromRegistry(oci::ContentFetcher *fetcher, const QString &repository,
                                     const QString &tagOrDigest, const QString &label);
    static DiffImageRef fromLocal(const LocalReference &reference);
};

struct ImageDiffOptions
{
    // Only this platform ("os/arch[/variant]", chosen on each side as choosePlatform()
    // does); empty: every platform the two sides share (two single images are compared
    // whatever their platforms say).
    QString platform;
    // Results by pair of manifest digests, memory and disk; null: always computed.
    std::shared_ptr<ImageDiffCache> cache;
    int maxParallelReads = 2; // layer blobs read at once
};

// Compares two images (issue 7): resolves both sides (manifest or index, each platform's
// manifest and config), pairs their platforms by OS/arch/variant, reads every layer the
// pairs need — a layer both images share (same blob digest) read once, through the
// LayerCache so a layer read before costs nothing —, then on the QtConcurrent pool builds
// both merged filesystems and diffs configs, layers and files (PlatformDiff). A platform
// pair found in the ImageDiffCache is not read at all.
//
// Platforms pair by the whole "os/arch/variant" first, then by "os/arch" when that names
// one unpaired platform on each side; two single images always pair; a single image
// against an index takes the index's platform of the same name, else its default one.
//
// Reading a file's bytes afterwards (a side-by-side text diff): every layer read went
// through `layers` — registry blobs into its blob store, local files registered with
// addBlobFile(), gzip'ed archives' layers kept in the store on the way — so, with a
// LayerCache that has a folder,
//     layers->readFile(pair.files.contentLayerDigest(change, sideB),
//                      (sideB ? change.b : change.a).ordinal, 0, maxBytes)
// answers for either side (a pair that came from the ImageDiffCache has read nothing:
// readFile() is then NotFound until its layers are read again).
//
// An oci::Job: owned by the caller, cancel() idempotent and silent, deleting it cancels,
// finished() once, queued. Signals come on the owner's thread; nothing blocks it.
//
//     auto *job = image::ImageDiffJob::start(image::DiffImageRef::fromRegistry(f, u"app"_s, u"1.0"_s, u"app:1.0"_s),
//                                            image::DiffImageRef::fromLocal(*image::parseLocalReference(path)),
//                                            layerCache, options, this);
//     connect(job, &image::ImageDiffJob::progress, this, [](const image::ImageDiffProgress &p) { ... });
//     connect(job, &oci::Job::finished, this, [this, job] {
//         if (job->succeeded()) show(job->result()); else report(job->error());
//         job->deleteLater();
//     });
class ImageDiffJob final : public oci::Job
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImageDiffJob)

public:
    ~ImageDiffJob() override;

    // `layers` may be null (an in-memory cache of the job's own is used: nothing is kept on
    // disk, and files cannot be read back later). It must outlive the job.
    static ImageDiffJob *start(DiffImageRef a, DiffImageRef b, LayerCache *layers,
                               ImageDiffOptions options = {}, QObject *parent = nullptr);

    // The whole result once succeeded.
    const ImageDiff &result() const;
    const ImageDiffProgress &currentProgress() const;

Q_SIGNALS:
    // As layers are read and pairs compared.
    void progress(const image::ImageDiffProgress &progress);

protected:
    void abort() override;

private:
    struct Private;
    ImageDiffJob(std::unique_ptr<Private> d, QObject *parent);
    void begin();
    void resolveRegistry(int side);
    void resolveLocal(int side);
    void sideResolved(int side);
    void planPairs();
    void planLayers();
    void pumpReads();
    void layerRead(const oci::Digest &digest, const oci::Result<LayerIndex> &index);
    void comparePairs();
    void fail(oci::Error error);
    void emitProgress();
    std::unique_ptr<Private> d;
};

} // namespace image
