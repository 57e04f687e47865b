#include "image/reader/layerreader.h"

#include "image/layer/bytesource.h"
#include "image/reader/blobstore.h"
#include "image/reader/layercache.h"
#include "image/reader/layerreaderwork.h"
#include "oci/client/registryclient.h"
#include "oci/manifest/descriptor.h"

#include <QFile>
#include <QFutureWatcher>
#include <QPointer>
#include <QTemporaryFile>
#include <QtConcurrent/QtConcurrentRun>

#include <atomic>
#include <functional>

namespace image {

using layerwork::Message;
using layerwork::Outcome;
using layerwork::Tail;
using layerwork::WorkOrder;
using layerwork::readerPool;
using layerwork::work;

struct LayerReader::Private
{
    oci::Digest digest;
    ReadOptions options;
    QPointer<LayerCache> cache;
    std::shared_ptr<BlobStore> blobs;
    LayerIndex index;
    bool fromCache = false;
    qint64 bytes = 0;
    qint64 total = -1;

    // Registry download.
    QPointer<oci::BlobJob> blobJob; // a child of the client: may die with it
    void dropBlobJob()
    {
        delete blobJob.data(); // deleting a job aborts it
        blobJob = nullptr;
    }
    std::unique_ptr<QFile> sink;
    std::unique_ptr<QTemporaryFile> temporary; // when there is no blob store
    QString partial;
    std::shared_ptr<Tail> tail;

    std::shared_ptr<std::atomic_bool> cancelled = std::make_shared<std::atomic_bool>(false);
    std::shared_ptr<Outcome> outcome = std::make_shared<Outcome>();
    QFutureWatcher<Message> *watcher = nullptr;
    QFuture<Message> future;
    std::function<void()> fallback; // when the on-disk index turns out unusable

    // A cached index whose blob the cache cannot read brings the blob (`known` is the
    // index): a registry read downloads it, a local stream is copied into the store.
    bool registry = false;
    QPointer<oci::RegistryClient> client;
    QString repository;
    SourceOpener open;
    LayerIndex known;

    bool blobMissing() const { return blobs && cache && !cache->hasBlob(digest); }
    void answerFromCache(LayerReader *reader, const LayerIndex &cached);
    void startWork(LayerReader *reader, WorkOrder order);
    void startDownload(LayerReader *reader, oci::RegistryClient *client, const QString &repository,
                       qint64 size);
    void onResults(LayerReader *reader, int begin, int end);
    void onWorkDone(LayerReader *reader);
    void stop();
};

void LayerReader::Private::startWork(LayerReader *reader, WorkOrder order)
{
    order.digest = digest;
    order.options = options;
    order.cancelled = cancelled;
    order.outcome = outcome;
    watcher = new QFutureWatcher<Message>(reader);
    QObject::connect(watcher, &QFutureWatcherBase::resultsReadyAt, reader,
                     [this, reader](int begin, int end) { onResults(reader, begin, end); });
    QObject::connect(watcher, &QFutureWatcherBase::finished, reader,
                     [this, reader] { onWorkDone(reader); });
    future = QtConcurrent::run(readerPool(), work, std::move(order));
    watcher->setFuture(future);
}

void LayerReader::Private::startDownload(LayerReader *reader, oci::RegistryClient *client,
                                         const QString &repository, qint64 size)
{
    QString path;
    if (blobs) {
        oci::Result<QString> created = blobs->createPartial(digest);
        if (created)
            path = partial = created.value();
    }
    if (path.isEmpty()) {
        temporary = std::make_unique<QTemporaryFile>();
        if (!temporary->open()) {
            reader->finishWithError(oci::Error(oci::Error::Code::Io,
                                               QStringLiteral("cannot create a temporary file: %1")
                                                   .arg(temporary->errorString())));
            return;
        }
        path = temporary->fileName();
        temporary->close();
    }
    sink = std::make_unique<QFile>(path);
    // Unbuffered: what BlobJob writes is in the file when progress() says so.
    if (!sink->open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Unbuffered)) {
        reader->finishWithError(oci::Error(oci::Error::Code::Io, QStringLiteral("cannot write %1: %2")
                                                                     .arg(path, sink->errorString())));
        return;
    }
    tail = std::make_shared<Tail>();
    total = size;
    blobJob = client->blob(repository, digest, sink.get(), 0, size);
    QObject::connect(blobJob, &QObject::destroyed, reader, [this] {
        // The client went away with its job before the blob ended: nothing more will come.
        tail->fail(oci::Error(oci::Error::Code::Cancelled,
                              QStringLiteral("the registry connection was closed")));
    });
    QObject::connect(blobJob, &oci::BlobJob::progress, reader,
                     [this](qint64 received, qint64) { tail->publish(received); });
    QObject::connect(blobJob, &oci::Job::finished, reader, [this] {
        if (blobJob->succeeded()) {
            sink->close();
            tail->end(blobJob->bytesReceived());
        } else {
            tail->fail(blobJob->error());
        }
    });
    WorkOrder order;
    order.tail = tail;
    order.path = path;
    order.length = size;
    order.blobs = blobs;
    order.partial = partial;
    order.known = known;
    startWork(reader, std::move(order));
}

void LayerReader::Private::answerFromCache(LayerReader *reader, const LayerIndex &cached)
{
    // An index without its blob (a local read keeps the blob where it lies; blobs and
    // indexes are evicted separately): files could not be read back, so the blob comes
    // down once more. Without a client the index is still right: readFile() says the rest.
    if (blobMissing() && ((registry && client) || open)) {
        known = cached;
        if (registry) {
            startDownload(reader, client, repository, total);
        } else {
            WorkOrder order;
            order.open = open;
            order.blobs = blobs;
            order.known = known;
            startWork(reader, std::move(order));
        }
        return;
    }
    index = cached;
    fromCache = true;
    bytes = cached.compressedBytes();
    if (cache)
        cache->insertIndex(index);
    reader->finishSuccessfully();
}

void LayerReader::Private::onResults(LayerReader *reader, int begin, int end)
{
    for (int i = begin; i < end; ++i) {
        const Message message = future.resultAt(i);
        if (message.kind == Message::Kind::Progress) {
            bytes = message.bytes;
            Q_EMIT reader->progress(message.bytes, message.total >= 0 ? message.total : total);
        } else {
            Q_EMIT reader->entriesAdded(message.batch);
        }
        if (reader->isCancelled())
            return;
    }
}

void LayerReader::Private::onWorkDone(LayerReader *reader)
{
    if (reader->isCancelled())
        return;
    if (outcome->indexMissed && fallback) {
        watcher->deleteLater();
        watcher = nullptr;
        outcome = std::make_shared<Outcome>();
        const std::function<void()> next = std::move(fallback);
        fallback = nullptr;
        next();
        return;
    }
    if (outcome->ok && outcome->fromDisk && !known.isComplete()) {
        // An index from disk; answerFromCache() may still bring the blob (once: `known`).
        watcher->deleteLater();
        watcher = nullptr;
        const LayerIndex cached = outcome->index;
        outcome = std::make_shared<Outcome>();
        answerFromCache(reader, cached);
        return;
    }
    // The download may still be running (a bad tar fails before the blob ends).
    dropBlobJob();
    sink.reset();
    if (!outcome->ok) {
        if (blobs && !partial.isEmpty())
            blobs->discard(partial);
        // Bringing back the blob of a cached index failed (offline, the blob gone): the
        // listing is still right, and readFile() says what is missing. Wrong bytes are not
        // taken in silence.
        if (known.isComplete() && outcome->error.code() != oci::Error::Code::DigestMismatch) {
            index = known;
            fromCache = true;
            bytes = known.compressedBytes();
            if (cache)
                cache->insertIndex(index);
            reader->finishSuccessfully();
            return;
        }
        reader->finishWithError(outcome->error);
        return;
    }
    index = outcome->index;
    fromCache = outcome->fromDisk;
    bytes = index.compressedBytes();
    if (cache)
        cache->insertIndex(index);
    reader->finishSuccessfully();
}

void LayerReader::Private::stop()
{
    cancelled->store(true);
    if (tail)
        tail->cancel();
    future.cancel();
    dropBlobJob();
    sink.reset();
    // Unless the worker committed it: the outcome may be read once the future is finished.
    // (A worker still running may hold the file open; unlinking is fine on POSIX.)
    if (blobs && !partial.isEmpty() && (!future.isFinished() || !outcome->ok))
        blobs->discard(partial);
}

LayerReader::LayerReader(std::unique_ptr<Private> d_, QObject *parent)
    : oci::Job(parent), d(std::move(d_))
{
}

LayerReader::~LayerReader()
{
    if (!isFinished())
        d->stop();
}

void LayerReader::abort()
{
    d->stop();
}

LayerReader *LayerReader::fromRegistry(oci::RegistryClient *client, const QString &repository,
                                       const oci::Descriptor &layer, LayerCache *cache,
                                       const ReadOptions &options, QObject *parent)
{
    auto d = std::make_unique<Private>();
    d->digest = layer.digest();
    d->options = options;
    d->cache = cache;
    d->blobs = cache ? cache->blobStore() : nullptr;
    d->total = layer.size();
    d->registry = true;
    d->client = client;
    d->repository = repository;
    auto *reader = new LayerReader(std::move(d), parent);
    Private *p = reader->d.get();
    if (cache) {
        if (std::optional<LayerIndex> hit = cache->index(p->digest)) {
            p->answerFromCache(reader, *hit);
            return reader;
        }
    }
    if (!client) {
        reader->finishWithError(
            oci::Error(oci::Error::Code::InvalidArgument, QStringLiteral("no registry client")));
        return reader;
    }
    // Looking for files is a stat(): cheap enough here; the reading happens on the pool.
    QPointer<oci::RegistryClient> guardedClient(client);
    const qint64 size = layer.size();
    auto fromBlobOrRegistry = [p, reader, guardedClient, repository, size] {
        if (p->blobs) {
            if (std::optional<QString> stored = p->blobs->find(p->digest)) {
                WorkOrder order;
                order.path = *stored;
                order.blobs = p->blobs;
                p->startWork(reader, std::move(order));
                return;
            }
        }
        if (!guardedClient) {
            reader->finishWithError(oci::Error(oci::Error::Code::Cancelled,
                                               QStringLiteral("the registry client is gone")));
            return;
        }
        p->startDownload(reader, guardedClient, repository, size);
    };
    if (p->blobs && p->blobs->hasIndex(p->digest)) {
        WorkOrder order;
        order.blobs = p->blobs;
        order.indexOnly = true;
        p->fallback = fromBlobOrRegistry;
        p->startWork(reader, std::move(order));
        return reader;
    }
    fromBlobOrRegistry();
    return reader;
}

LayerReader *LayerReader::fromLocal(const QString &path, qint64 offset, SourceOpener open,
                                    const oci::Digest &digest, qint64 length, LayerCache *cache,
                                    const ReadOptions &options, QObject *parent)
{
    auto d = std::make_unique<Private>();
    d->digest = digest;
    d->options = options;
    d->cache = cache;
    d->blobs = cache ? cache->blobStore() : nullptr;
    d->total = length;
    d->open = open;
    auto *reader = new LayerReader(std::move(d), parent);
    Private *p = reader->d.get();
    if (cache && !digest.isNull()) {
        if (std::optional<LayerIndex> hit = cache->index(digest)) {
            p->answerFromCache(reader, *hit);
            return reader;
        }
    }
    WorkOrder order;
    order.path = path;
    order.offset = offset;
    order.open = std::move(open);
    order.length = length;
    order.blobs = p->blobs; // the index goes to disk too
    p->startWork(reader, std::move(order));
    return reader;
}

LayerReader *LayerReader::fromFile(const QString &path, const oci::Digest &digest, qint64 offset,
                                   qint64 length, LayerCache *cache, const ReadOptions &options,
                                   QObject *parent)
{
    return fromLocal(path, offset, {}, digest, length, cache, options, parent);
}

LayerReader *LayerReader::fromStream(SourceOpener open, const oci::Digest &digest, qint64 size,
                                     LayerCache *cache, const ReadOptions &options, QObject *parent)
{
    return fromLocal({}, 0, std::move(open), digest, size, cache, options, parent);
}

const oci::Digest &LayerReader::digest() const
{
    return d->digest;
}

const LayerIndex &LayerReader::index() const
{
    return d->index;
}

bool LayerReader::cameFromCache() const
{
    return d->fromCache;
}

qint64 LayerReader::bytesRead() const
{
    return d->bytes;
}

qint64 LayerReader::totalBytes() const
{
    return d->total;
}

} // namespace image
