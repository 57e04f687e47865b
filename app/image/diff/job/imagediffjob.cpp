#include "image/diff/job/imagediffjob.h"

#include "image/diff/job/comparepair.h"
#include "image/diff/job/imagediffcache.h"
#include "image/layer/bytesource.h"
#include "image/reader/layercache.h"
#include "image/reader/layerreader.h"
#include "image/source/blobstream.h"
#include "image/source/localimagesource.h"
#include "oci/inspect/contentfetcher.h"
#include "oci/inspect/imagedetails.h"
#include "oci/manifest/imageconfig.h"
#include "oci/manifest/manifestdocument.h"

#include <QHash>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

namespace image {

DiffImageRef DiffImageRef::fromRegistry(oci::ContentFetcher *fetcher, const QString &repository,
                                        const QString &tagOrDigest, const QString &label)
{
    DiffImageRef ref;
    ref.fetcher = fetcher;
    ref.repository = repository;
    ref.reference = tagOrDigest;
    ref.label = label.isEmpty() ? repository + u':' + tagOrDigest : label;
    return ref;
}

DiffImageRef DiffImageRef::fromLocal(const LocalReference &reference)
{
    DiffImageRef ref;
    ref.local = reference;
    ref.label = reference.toString();
    return ref;
}

namespace {

ReadOptions readOptions()
{
    ReadOptions options;
    options.batchEntries = 0; // nothing shows partial lists
    return options;
}

// One platform image of a side, with its documents as read.
struct SideImage
{
    ImageLayers layers;
    QByteArray manifest;
    QByteArray config;
};

struct Side
{
    DiffImageRef ref;
    oci::Digest digest; // the manifest or index named
    bool index = false;
    QList<SideImage> images;
    std::shared_ptr<const LocalImageSource> source;
    // Registry resolution in progress.
    std::shared_ptr<const oci::ManifestDocument> top;
    QHash<oci::Digest, std::shared_ptr<const oci::ManifestDocument>> children;
    QHash<oci::Digest, std::shared_ptr<const oci::ImageConfig>> configs;
    QHash<oci::Digest, QByteArray> configBytes;
    int pending = 0;
    bool resolved = false;

    QStringList platforms() const
    {
        QStringList list;
        for (const SideImage &image : images)
            list << image.layers.platform;
        return list;
    }
};

// Where a layer blob is read from (the first side and image that has it).
struct LayerOrigin
{
    int side = 0;
    int image = 0;
    int layer = 0;
};

struct Pair
{
    int a = -1;
    int b = -1;
    std::shared_ptr<const PlatformDiff> result;
};

} // namespace

struct ImageDiffJob::Private
{
    Side sides[2];
    LayerCache *layerCache = nullptr;
    ImageDiffOptions options;
    ImageDiff result;
    ImageDiffProgress progress;
    QList<Pair> pairs;
    QList<oci::Digest> layerOrder; // distinct layers to read, in order
    QHash<oci::Digest, LayerOrigin> origins;
    QHash<oci::Digest, LayerIndex> indexes;
    QHash<oci::Digest, qint64> bytesInFlight;
    qint64 bytesFinished = 0;
    int nextLayer = 0;
    int running = 0;
    int comparing = 0;
    bool completed = false;
    QList<QPointer<oci::Job>> jobs; // content jobs and layer readers in flight
};

ImageDiffJob::ImageDiffJob(std::unique_ptr<Private> d, QObject *parent)
    : oci::Job(parent), d(std::move(d))
{
}

ImageDiffJob::~ImageDiffJob()
{
    abort();
}

ImageDiffJob *ImageDiffJob::start(DiffImageRef a, DiffImageRef b, LayerCache *layers,
                                  ImageDiffOptions options, QObject *parent)
{
    auto d = std::make_unique<Private>();
    d->sides[0].ref = std::move(a);
    d->sides[1].ref = std::move(b);
    d->layerCache = layers;
    d->options = std::move(options);
    auto *job = new ImageDiffJob(std::move(d), parent);
    if (!job->d->layerCache)
        job->d->layerCache = new LayerCache(LayerCacheOptions{}, job);
    // Queued: finished() never comes from this call, and the caller connects first.
    QMetaObject::invokeMethod(job, &ImageDiffJob::begin, Qt::QueuedConnection);
    return job;
}

const ImageDiff &ImageDiffJob::result() const
{
    return d->result;
}

const ImageDiffProgress &ImageDiffJob::currentProgress() const
{
    return d->progress;
}

void ImageDiffJob::abort()
{
    const QList<QPointer<oci::Job>> jobs = std::exchange(d->jobs, {});
    for (const QPointer<oci::Job> &job : jobs) {
        if (job)
            job->cancel();
    }
}

void ImageDiffJob::fail(oci::Error error)
{
    if (isFinished() || isCancelled())
        return;
    abort();
    finishWithError(std::move(error));
}

void ImageDiffJob::emitProgress()
{
    qint64 inFlight = 0;
    for (const qint64 bytes : std::as_const(d->bytesInFlight))
        inFlight += bytes;
    d->progress.bytesDone = d->bytesFinished + inFlight;
    Q_EMIT progress(d->progress);
}

void ImageDiffJob::begin()
{
    if (isCancelled() || isFinished())
        return;
    emitProgress();
    for (int side = 0; side < 2; ++side) {
        const DiffImageRef &ref = d->sides[side].ref;
        if (ref.isLocal()) {
            resolveLocal(side);
        } else if (!ref.fetcher) {
            fail(oci::Error(oci::Error::Code::InvalidArgument,
                            QStringLiteral("no registry connection for %1").arg(ref.label)));
            return;
        } else {
            resolveRegistry(side);
        }
    }
}

// --- registry side: the manifest or index, each platform's manifest, each config ---

void ImageDiffJob::resolveRegistry(int sideIndex)
{
    Side &side = d->sides[sideIndex];
    oci::ContentFetcher *fetcher = side.ref.fetcher;
    const QString repository = side.ref.repository;

    // Every fetch goes through here: counted, cancellable, failing the whole job.
    const auto fetch = [this, sideIndex](oci::ContentJob *job,
                                         std::function<void(oci::ContentJob *)> done) {
        Side &s = d->sides[sideIndex];
        ++s.pending;
        d->jobs << job;
        connect(job, &oci::Job::finished, this, [this, sideIndex, job, done] {
            job->deleteLater();
            if (isCancelled() || isFinished())
                return;
            if (!job->succeeded()) {
                fail(oci::Error(job->error()).withObject(d->sides[sideIndex].ref.label));
                return;
            }
            done(job);
            if (--d->sides[sideIndex].pending == 0 && !isFinished())
                sideResolved(sideIndex);
        });
    };
    const auto fetchConfig = [this, sideIndex, fetcher, repository,
                              fetch](const oci::ManifestDocument &manifest) {
        if (!manifest.isImageManifest())
            return;
        const oci::Descriptor &config = manifest.manifest().config;
        if (d->sides[sideIndex].configBytes.contains(config.digest()))
            return;
        d->sides[sideIndex].configBytes.insert(config.digest(), {});
        fetch(fetcher->blob(repository, config.digest(), config.size()),
              [this, sideIndex, digest = config.digest()](oci::ContentJob *job) {
                  Side &s = d->sides[sideIndex];
                  s.configBytes.insert(digest, job->bytes());
                  oci::Result<oci::ImageConfig> parsed = oci::ImageConfig::parse(job->bytes());
                  if (parsed)
                      s.configs.insert(digest, std::make_shared<const oci::ImageConfig>(
                                                   std::move(parsed).value()));
              });
    };
    fetch(fetcher->manifest(repository, side.ref.reference),
          [this, sideIndex, fetcher, repository, fetch, fetchConfig](oci::ContentJob *job) {
              Side &s = d->sides[sideIndex];
              s.digest = job->digest();
              s.top = job->document();
              if (!s.top)
                  return;
              if (!s.top->isIndex()) {
                  fetchConfig(*s.top);
                  return;
              }
              s.index = true;
              for (const oci::Descriptor &entry : s.top->index().platformManifests()) {
                  fetch(fetcher->manifest(repository, entry.digest().toString()),
                        [this, sideIndex, fetchConfig, digest = entry.digest()](oci::ContentJob *child) {
                            d->sides[sideIndex].children.insert(digest, child->document());
                            if (child->document())
                                fetchConfig(*child->document());
                        });
              }
          });
}

// --- local side: the file opened on a worker, its images picked ---

void ImageDiffJob::resolveLocal(int sideIndex)
{
    const LocalReference reference = *d->sides[sideIndex].ref.local;
    LocalImageSource::openAsync(reference.path)
        .then(this, [this, sideIndex, reference](
                        oci::Result<std::shared_ptr<const LocalImageSource>> opened) {
            if (isCancelled() || isFinished())
                return;
            if (!opened) {
                fail(opened.error());
                return;
            }
            Side &side = d->sides[sideIndex];
            side.source = std::move(opened).value();
            const LocalImageSource &source = *side.source;
            const auto imageOf = [&source](const oci::Digest &manifest) -> const LocalImage * {
                for (const LocalImage &image : source.images()) {
                    if (image.manifestDigest == manifest)
                        return &image;
                }
                return nullptr;
            };
            const auto add = [&side, &imageOf](ImageLayers layers) {
                const LocalImage *image = imageOf(layers.manifestDigest);
                SideImage entry;
                entry.layers = std::move(layers);
                if (image) {
                    entry.manifest = image->manifest.bytes();
                    entry.config = image->config;
                }
                side.images << entry;
            };
            // The image the reference names; for an index with no linux/amd64 and no
            // platform asked, any of its platforms finds the index.
            oci::Result<ImageLayers> first = imageLayers(source, reference, d->options.platform);
            if (!first && d->options.platform.isEmpty()) {
                for (const LocalImage &image : source.images()) {
                    if (image.index.isNull() || !image.platform)
                        continue;
                    first = imageLayers(source, reference, image.platform->toString());
                    if (first)
                        break;
                }
            }
            if (!first) {
                fail(first.error());
                return;
            }
            const LocalImage *named = imageOf(first->manifestDigest);
            if (!named || named->index.isNull() || !d->options.platform.isEmpty()) {
                side.digest = named && !named->index.isNull() ? named->index
                                                               : first->manifestDigest;
                side.index = named && !named->index.isNull();
                add(std::move(first).value());
            } else {
                side.digest = named->index;
                side.index = true;
                for (const LocalImage &image : source.images()) {
                    if (image.index != named->index)
                        continue;
                    const QString platform =
                        image.platform ? image.platform->toString() : QString();
                    oci::Result<ImageLayers> each = imageLayers(source, reference, platform);
                    if (!each) {
                        fail(each.error());
                        return;
                    }
                    add(std::move(each).value());
                }
            }
            sideResolved(sideIndex);
        });
}

void ImageDiffJob::sideResolved(int sideIndex)
{
    Side &side = d->sides[sideIndex];
    if (!side.ref.isLocal()) {
        if (!side.top) {
            fail(oci::Error(oci::Error::Code::UnsupportedMediaType,
                            QStringLiteral("the manifest could not be read"))
                     .withObject(side.ref.label));
            return;
        }
        const oci::ImageDetails details =
            oci::ImageDetails::fromDocuments(side.digest, side.top, side.configs, side.children);
        if (details.platformDetails.isEmpty()) {
            fail(oci::Error(oci::Error::Code::UnsupportedMediaType,
                            QStringLiteral("%1 is not an image (%2)")
                                .arg(side.ref.label, details.kindText()))
                     .withObject(side.digest.toString()));
            return;
        }
        for (qsizetype i = 0; i < details.platformDetails.size(); ++i) {
            const oci::PlatformDetails &platform = details.platformDetails.at(i);
            oci::Result<ImageLayers> layers = imageLayers(details, platform.platform);
            if (!layers) {
                fail(oci::Error(layers.error()).withObject(side.ref.label));
                return;
            }
            SideImage image;
            image.layers = std::move(layers).value();
            if (platform.manifest) {
                image.manifest = platform.manifest->bytes();
                if (platform.manifest->isImageManifest())
                    image.config = side.configBytes.value(
                        platform.manifest->manifest().config.digest());
            }
            side.images << image;
        }
    }
    side.resolved = true;
    if (d->sides[0].resolved && d->sides[1].resolved)
        planPairs();
}

// --- the platform pairs, the cache, the layers to read ---

void ImageDiffJob::planPairs()
{
    Side &a = d->sides[0];
    Side &b = d->sides[1];
    ImageDiff &result = d->result;
    result.labelA = a.ref.label;
    result.labelB = b.ref.label;
    result.digestA = a.digest;
    result.digestB = b.digest;
    result.indexA = a.index;
    result.indexB = b.index;

    const QStringList platformsA = a.platforms();
    const QStringList platformsB = b.platforms();
    if (!d->options.platform.isEmpty()) {
        oci::Result<int> pickA = a.images.size() == 1 && !a.index
                                     ? oci::Result<int>(0)
                                     : choosePlatform(platformsA, d->options.platform);
        oci::Result<int> pickB = b.images.size() == 1 && !b.index
                                     ? oci::Result<int>(0)
                                     : choosePlatform(platformsB, d->options.platform);
        if (!pickA) {
            fail(oci::Error(pickA.error()).withObject(a.ref.label));
            return;
        }
        if (!pickB) {
            fail(oci::Error(pickB.error()).withObject(b.ref.label));
            return;
        }
        d->pairs << Pair{pickA.value(), pickB.value(), nullptr};
    } else if (!a.index && !b.index) {
        // Two single images are compared whatever their platforms say.
        d->pairs << Pair{0, 0, nullptr};
    } else {
        QList<bool> usedB(b.images.size(), false);
        for (qsizetype i = 0; i < platformsA.size(); ++i) {
            qsizetype j = -1;
            for (qsizetype k = 0; k < platformsB.size(); ++k) {
                if (!usedB.at(k) && platformsB.at(k) == platformsA.at(i)) {
                    j = k;
                    break;
                }
            }
            if (j < 0)
                continue;
            usedB[j] = true;
            d->pairs << Pair{int(i), int(j), nullptr};
        }
        // Then os/arch alone, when it names one unpaired platform on each side
        // ("linux/arm64/v8" against "linux/arm64").
        const auto osArch = [](const QString &platform) { return platform.section(u'/', 0, 1); };
        for (qsizetype i = 0; i < platformsA.size(); ++i) {
            bool pairedA = false;
            for (const Pair &pair : std::as_const(d->pairs))
                pairedA = pairedA || pair.a == i;
            if (pairedA || platformsA.at(i).isEmpty())
                continue;
            QList<int> candidatesB;
            for (qsizetype k = 0; k < platformsB.size(); ++k) {
                if (!usedB.at(k) && osArch(platformsB.at(k)) == osArch(platformsA.at(i)))
                    candidatesB << int(k);
            }
            int candidatesA = 0;
            for (qsizetype j = 0; j < platformsA.size(); ++j)
                candidatesA += osArch(platformsA.at(j)) == osArch(platformsA.at(i)) ? 1 : 0;
            if (candidatesB.size() != 1 || candidatesA != 1)
                continue;
            usedB[candidatesB.first()] = true;
            d->pairs << Pair{int(i), candidatesB.first(), nullptr};
        }
        std::sort(d->pairs.begin(), d->pairs.end(),
                  [](const Pair &x, const Pair &y) { return x.a < y.a; });
        // A single image against an index with no such platform: the index's default one.
        if (d->pairs.isEmpty() && (a.images.size() == 1 || b.images.size() == 1)) {
            const bool singleA = a.images.size() == 1;
            oci::Result<int> pick = choosePlatform(singleA ? platformsB : platformsA, QString());
            if (pick) {
                d->pairs << (singleA ? Pair{0, pick.value(), nullptr} : Pair{pick.value(), 0, nullptr});
                usedB[singleA ? pick.value() : 0] = true;
            }
        }
        QList<bool> usedA(a.images.size(), false);
        for (const Pair &pair : std::as_const(d->pairs))
            usedA[pair.a] = true;
        for (qsizetype i = 0; i < platformsA.size(); ++i) {
            if (!usedA.at(i))
                result.platformsOnlyInA << platformsA.at(i);
        }
        for (qsizetype j = 0; j < platformsB.size(); ++j) {
            if (!usedB.at(j))
                result.platformsOnlyInB << platformsB.at(j);
        }
    }

    d->progress.pairsTotal = int(d->pairs.size());
    if (!d->options.cache) {
        planLayers();
        return;
    }
    // The cache reads files: on the pool, not on this thread.
    QList<std::pair<oci::Digest, oci::Digest>> keys;
    for (const Pair &pair : std::as_const(d->pairs))
        keys.append({a.images.at(pair.a).layers.manifestDigest,
                     b.images.at(pair.b).layers.manifestDigest});
    QtConcurrent::run([cache = d->options.cache, keys] {
        QList<std::shared_ptr<const PlatformDiff>> found;
        for (const auto &[digestA, digestB] : keys)
            found << cache->find(digestA, digestB);
        return found;
    }).then(this, [this](const QList<std::shared_ptr<const PlatformDiff>> &found) {
        if (isCancelled() || isFinished())
            return;
        for (qsizetype p = 0; p < found.size() && p < d->pairs.size(); ++p) {
            if (!found.at(p))
                continue;
            auto copy = std::make_shared<PlatformDiff>(*found.at(p));
            copy->fromCache = true;
            d->pairs[p].result = std::move(copy);
            ++d->progress.pairsDone;
        }
        planLayers();
    });
}

void ImageDiffJob::planLayers()
{
    const Side &a = d->sides[0];
    const Side &b = d->sides[1];
    for (const Pair &pair : std::as_const(d->pairs)) {
        if (pair.result)
            continue;
        const SideImage &imageA = a.images.at(pair.a);
        const SideImage &imageB = b.images.at(pair.b);
        for (int s = 0; s < 2; ++s) {
            const SideImage &image = s == 0 ? imageA : imageB;
            for (qsizetype l = 0; l < image.layers.layers.size(); ++l) {
                const oci::Descriptor &layer = image.layers.layers.at(l);
                if (d->origins.contains(layer.digest()))
                    continue;
                d->origins.insert(layer.digest(), LayerOrigin{s, s == 0 ? pair.a : pair.b, int(l)});
                d->layerOrder << layer.digest();
                d->progress.bytesTotal += layer.size();
            }
        }
    }
    d->progress.layersTotal = int(d->layerOrder.size());
    d->progress.stage = ImageDiffProgress::Stage::ReadingLayers;
    emitProgress();
    if (d->layerOrder.isEmpty()) {
        comparePairs();
        return;
    }
    pumpReads();
}

void ImageDiffJob::pumpReads()
{
    const int parallel = qMax(1, d->options.maxParallelReads);
    while (!isFinished() && d->running < parallel && d->nextLayer < d->layerOrder.size()) {
        const oci::Digest digest = d->layerOrder.at(d->nextLayer++);
        const LayerOrigin origin = d->origins.value(digest);
        const Side &side = d->sides[origin.side];
        const ImageLayers &image = side.images.at(origin.image).layers;
        const oci::Descriptor &descriptor = image.layers.at(origin.layer);
        ++d->running;
        LayerReader *reader = nullptr;
        if (!side.ref.isLocal()) {
            reader = LayerReader::fromRegistry(side.ref.fetcher->client(), side.ref.repository,
                                               descriptor, d->layerCache, readOptions(), this);
        } else if (const std::optional<BlobFileRange> &range = image.fileRanges.value(origin.layer)) {
            // Read in place; known to the cache so that a file can be read back later.
            d->layerCache->addBlobFile(digest, range->path, range->offset, range->size);
            reader = LayerReader::fromFile(range->path, digest, range->offset, range->size,
                                           d->layerCache, readOptions(), this);
        } else {
            // A gzip'ed archive: re-inflated up to the layer on a worker, kept in the blob
            // store on the way (when the cache has a folder).
            std::shared_ptr<const LocalImageSource> source = side.source;
            reader = LayerReader::fromStream(
                [source, digest]() -> oci::Result<std::unique_ptr<ByteSource>> {
                    oci::Result<std::unique_ptr<BlobStream>> stream = source->openBlob(digest);
                    if (!stream)
                        return stream.error();
                    return std::unique_ptr<ByteSource>(std::move(stream).value());
                },
                digest, descriptor.size(), d->layerCache, readOptions(), this);
        }
        d->jobs << reader;
        connect(reader, &LayerReader::progress, this, [this, digest](qint64 bytes, qint64) {
            d->bytesInFlight.insert(digest, bytes);
            emitProgress();
        });
        connect(reader, &oci::Job::finished, this, [this, digest, reader] {
            reader->deleteLater();
            d->jobs.removeAll(QPointer<oci::Job>(reader));
            if (reader->succeeded())
                layerRead(digest, reader->index());
            else
                layerRead(digest, reader->error());
        });
    }
}

void ImageDiffJob::layerRead(const oci::Digest &digest, const oci::Result<LayerIndex> &index)
{
    --d->running;
    if (isCancelled() || isFinished())
        return;
    if (!index) {
        fail(oci::Error(index.error()).withObject(digest.toString()));
        return;
    }
    d->indexes.insert(digest, index.value());
    d->bytesInFlight.remove(digest);
    const LayerOrigin origin = d->origins.value(digest);
    d->bytesFinished +=
        d->sides[origin.side].images.at(origin.image).layers.layers.at(origin.layer).size();
    ++d->progress.layersDone;
    emitProgress();
    if (d->progress.layersDone == d->progress.layersTotal) {
        comparePairs();
        return;
    }
    pumpReads();
}

// --- each pair compared on the pool ---

void ImageDiffJob::comparePairs()
{
    d->progress.stage = ImageDiffProgress::Stage::Comparing;
    emitProgress();
    const auto finishIfDone = [this] {
        // A continuation may run at once when its worker is already done: once only.
        if (d->comparing > 0 || d->completed)
            return;
        d->completed = true;
        for (const Pair &pair : std::as_const(d->pairs))
            d->result.platforms << *pair.result;
        d->progress.stage = ImageDiffProgress::Stage::Done;
        emitProgress();
        finishSuccessfully();
    };
    // Counted before any starts: a continuation whose worker is already done runs at once,
    // and must not see the count reach zero while pairs are still to be started.
    for (const Pair &pair : std::as_const(d->pairs))
        d->comparing += pair.result ? 0 : 1;
    for (qsizetype p = 0; p < d->pairs.size(); ++p) {
        const Pair &pair = d->pairs.at(p);
        if (pair.result)
            continue;
        PairInput input;
        for (int s = 0; s < 2; ++s) {
            const SideImage &image = d->sides[s].images.at(s == 0 ? pair.a : pair.b);
            QList<LayerIndex> &indexes = s == 0 ? input.indexesA : input.indexesB;
            for (const oci::Descriptor &layer : image.layers.layers)
                indexes << d->indexes.value(layer.digest());
            (s == 0 ? input.a : input.b) = image.layers;
            (s == 0 ? input.manifestA : input.manifestB) = image.manifest;
            (s == 0 ? input.configA : input.configB) = image.config;
        }
        QtConcurrent::run([input = std::move(input), cache = d->options.cache] {
            auto diff = std::make_shared<const PlatformDiff>(comparePair(input));
            if (cache)
                cache->insert(input.a.manifestDigest, input.b.manifestDigest, diff);
            return std::shared_ptr<const PlatformDiff>(diff);
        }).then(this, [this, p, finishIfDone](std::shared_ptr<const PlatformDiff> diff) {
                --d->comparing;
                if (isCancelled() || isFinished())
                    return;
                d->pairs[p].result = std::move(diff);
                ++d->progress.pairsDone;
                finishIfDone();
            });
    }
    finishIfDone();
}

} // namespace image
