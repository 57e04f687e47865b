#include "image/reader/layerreader.h"

#include "image/layer/bytesource.h"
#include "image/reader/blobstore.h"
#include "image/reader/layercache.h"
#include "oci/client/registryclient.h"
#include "oci/manifest/descriptor.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFutureWatcher>
#include <QMutex>
#include <QPointer>
#include <QPromise>
#include <QTemporaryFile>
#include <QThreadPool>
#include <QWaitCondition>
#include <QtConcurrent/QtConcurrentRun>

#include <atomic>
#include <functional>
#include <optional>

namespace image {

namespace {

constexpr qint64 ReadChunk = 1024 * 1024;

// Readers block while a download is slow: their own pool, so that they never starve the
// global one (cache writes, hashing).
QThreadPool *readerPool()
{
    static QThreadPool *pool = [] {
        auto *p = new QThreadPool;
        p->setMaxThreadCount(4);
        // As Qt does for its global pool: workers finish before the application object
        // goes (a worker still hashing at exit() crashed in OpenSSL's exit handlers).
        // Readers are gone by then, so their workers were interrupted; the bound is a
        // safety net, never the expected wait.
        qAddPostRoutine([] { readerPool()->waitForDone(10000); });
        return p;
    }();
    return pool;
}

// How far the GUI thread has written the blob file; the worker waits on it.
struct Tail
{
    QMutex mutex;
    QWaitCondition more;
    qint64 available = 0;
    bool ended = false;
    bool cancelled = false;
    std::optional<oci::Error> error;

    void publish(qint64 bytes)
    {
        QMutexLocker lock(&mutex);
        available = bytes;
        more.wakeAll();
    }
    void end(qint64 bytes)
    {
        QMutexLocker lock(&mutex);
        available = bytes;
        ended = true;
        more.wakeAll();
    }
    void fail(oci::Error e)
    {
        QMutexLocker lock(&mutex);
        if (ended || error)
            return; // the first word stands
        error = std::move(e);
        more.wakeAll();
    }
    void cancel()
    {
        QMutexLocker lock(&mutex);
        cancelled = true;
        more.wakeAll();
    }
};

// The blob file as it grows: memory stays bounded however fast the network is.
class TailSource final : public ByteSource
{
public:
    TailSource(std::shared_ptr<Tail> tail, QString path, qint64 total)
        : m_tail(std::move(tail)), m_path(std::move(path)), m_total(total)
    {
    }

    qint64 size() const override { return m_total; }
    // The tail ends only when BlobJob finished successfully, which it does only once the
    // bytes it wrote matched the digest; a mismatch arrives as the tail's error.
    bool verifiesDigest() const override { return true; }

    void interrupt() override
    {
        QMutexLocker lock(&m_tail->mutex);
        m_interrupted = true;
        m_tail->more.wakeAll();
    }

    oci::Result<QByteArrayView> read() override
    {
        if (!m_file.isOpen()) {
            m_file.setFileName(m_path);
            if (!m_file.open(QIODevice::ReadOnly))
                return oci::Error(oci::Error::Code::Io, QStringLiteral("cannot read %1: %2")
                                                            .arg(m_path, m_file.errorString()));
            m_buffer.resize(ReadChunk);
        }
        qint64 limit = 0;
        {
            QMutexLocker lock(&m_tail->mutex);
            while (m_tail->available <= m_done && !m_tail->ended && !m_tail->error
                   && !m_tail->cancelled && !m_interrupted)
                m_tail->more.wait(&m_tail->mutex);
            if (m_tail->cancelled || m_interrupted)
                return oci::Error(oci::Error::Code::Cancelled, QStringLiteral("cancelled"));
            if (m_tail->error)
                return *m_tail->error;
            limit = m_tail->available;
        }
        if (m_done >= limit)
            return QByteArrayView();
        const qint64 got = m_file.read(m_buffer.data(), qMin(ReadChunk, limit - m_done));
        if (got <= 0)
            return oci::Error(oci::Error::Code::Io, QStringLiteral("cannot read %1: %2")
                                                        .arg(m_path, m_file.errorString()));
        m_done += got;
        return QByteArrayView(m_buffer.constData(), got);
    }

private:
    std::shared_ptr<Tail> m_tail;
    QString m_path;
    qint64 m_total;
    qint64 m_done = 0;
    bool m_interrupted = false; // guarded by the tail's mutex
    QFile m_file;
    QByteArray m_buffer;
};

// Passes a source's bytes on and writes them to a file as they go (a layer re-inflated from a
// gzip'ed archive, kept in the blob store so that files can be read back from it).
class TeeSource final : public ByteSource
{
public:
    TeeSource(std::unique_ptr<ByteSource> inner, const QString &path)
        : m_inner(std::move(inner)), m_file(path)
    {
    }

    qint64 size() const override { return m_inner->size(); }
    void interrupt() override { m_inner->interrupt(); }

    oci::Result<QByteArrayView> read() override
    {
        if (!m_file.isOpen() && !m_file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return oci::Error(oci::Error::Code::Io, QStringLiteral("cannot write %1: %2")
                                                        .arg(m_file.fileName(), m_file.errorString()));
        oci::Result<QByteArrayView> chunk = m_inner->read();
        if (chunk && !chunk->isEmpty() && m_file.write(chunk->data(), chunk->size()) != chunk->size())
            return oci::Error(oci::Error::Code::Io, QStringLiteral("cannot write %1: %2")
                                                        .arg(m_file.fileName(), m_file.errorString()));
        if (chunk && chunk->isEmpty())
            m_file.close();
        return chunk;
    }

private:
    std::unique_ptr<ByteSource> m_inner;
    QFile m_file;
};

struct Message
{
    enum class Kind { Progress, Batch } kind = Kind::Progress;
    qint64 bytes = 0;
    qint64 total = -1;
    LayerIndex batch;
};

struct Outcome
{
    bool ok = false;
    bool fromDisk = false; // the index came from the on-disk cache
    bool indexMissed = false; // an index-only order found nothing usable
    LayerIndex index;
    oci::Error error;
};

struct WorkOrder
{
    // Exactly one of: a tail (registry download), a file, a source to open.
    std::shared_ptr<Tail> tail;
    LayerReader::SourceOpener open;
    QString path;
    qint64 offset = 0;
    qint64 length = -1;
    oci::Digest digest;
    ReadOptions options;
    std::shared_ptr<BlobStore> blobs; // commit `partial` here once verified; indexes too
    QString partial;
    bool indexOnly = false; // just try the on-disk index
    // With a tail or a source to open: the layer's cached index. The blob is only kept
    // (the cache could not read it), the index not made again.
    LayerIndex known;
    std::shared_ptr<std::atomic_bool> cancelled;
    std::shared_ptr<Outcome> outcome;
};

// A cached index whose blob the store lacks: waits for the download (BlobJob verifies the
// digest before the tail ends) and keeps the blob, so that files can be read back.
void keepBlob(QPromise<Message> &promise, const WorkOrder &order)
{
    Tail &tail = *order.tail;
    QElapsedTimer sinceProgress;
    sinceProgress.start();
    qint64 reported = 0;
    QMutexLocker lock(&tail.mutex);
    for (;;) {
        if (tail.cancelled || promise.isCanceled() || order.cancelled->load()) {
            order.outcome->error = oci::Error(oci::Error::Code::Cancelled, QStringLiteral("cancelled"));
            return;
        }
        if (tail.error) {
            order.outcome->error = *tail.error;
            return;
        }
        if (tail.ended)
            break;
        if (tail.available != reported && sinceProgress.elapsed() >= 50) {
            reported = tail.available;
            sinceProgress.restart();
            lock.unlock();
            promise.addResult(Message{Message::Kind::Progress, reported, -1, {}});
            lock.relock();
            continue;
        }
        tail.more.wait(&tail.mutex, 100);
    }
    const qint64 received = tail.available;
    lock.unlock();
    // As for a read: a failure to keep it only costs the cache (readFile() then says so).
    if (order.blobs && !order.partial.isEmpty())
        (void)order.blobs->commit(order.partial, order.digest);
    promise.addResult(Message{Message::Kind::Progress, received, received, {}});
    order.outcome->ok = true;
    order.outcome->fromDisk = true;
    order.outcome->index = order.known;
}

// The same for a local stream (a layer of a gzip'ed archive): copied into the store,
// verified on the way.
void keepStreamedBlob(QPromise<Message> &promise, const WorkOrder &order)
{
    const auto done = [&order] {
        order.outcome->ok = true;
        order.outcome->fromDisk = true;
        order.outcome->index = order.known;
    };
    oci::Result<std::unique_ptr<ByteSource>> opened = order.open();
    if (!opened) {
        order.outcome->error = opened.error();
        return;
    }
    std::unique_ptr<ByteSource> source = std::move(opened).value();
    oci::Result<QString> partial = order.blobs->createPartial(order.digest);
    QFile file(partial ? partial.value() : QString());
    if (!partial || !file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        done(); // only costs the cache, as for a read
        return;
    }
    std::optional<oci::DigestHasher> hasher;
    if (!source->verifiesDigest())
        hasher.emplace(order.digest.algorithm());
    QElapsedTimer sinceProgress;
    sinceProgress.start();
    qint64 copied = 0;
    const auto fail = [&](oci::Error error) {
        file.close();
        order.blobs->discard(file.fileName());
        order.outcome->error = std::move(error);
    };
    for (;;) {
        if (promise.isCanceled() || order.cancelled->load())
            return fail(oci::Error(oci::Error::Code::Cancelled, QStringLiteral("cancelled")));
        oci::Result<QByteArrayView> chunk = source->read();
        if (!chunk)
            return fail(chunk.error());
        if (chunk->isEmpty())
            break;
        if (file.write(chunk->data(), chunk->size()) != chunk->size()) {
            // A full disk only costs the cache.
            file.close();
            order.blobs->discard(file.fileName());
            done();
            return;
        }
        if (hasher)
            hasher->addData(*chunk);
        copied += chunk->size();
        if (sinceProgress.elapsed() >= 50) {
            sinceProgress.restart();
            promise.addResult(Message{Message::Kind::Progress, copied, source->size(), {}});
        }
    }
    file.close();
    if (hasher && hasher->finish() != order.digest)
        return fail(oci::Error(oci::Error::Code::DigestMismatch,
                               QStringLiteral("the layer's bytes do not match %1")
                                   .arg(order.digest.toString()))
                        .withObject(order.digest.toString()));
    (void)order.blobs->commit(file.fileName(), order.digest);
    promise.addResult(Message{Message::Kind::Progress, copied, copied, {}});
    done();
}

void work(QPromise<Message> &promise, const WorkOrder &order)
{
    if (order.known.isComplete()) {
        if (order.tail) {
            keepBlob(promise, order);
        } else if (order.open && order.blobs) {
            keepStreamedBlob(promise, order);
        } else {
            order.outcome->ok = true;
            order.outcome->fromDisk = true;
            order.outcome->index = order.known;
        }
        return;
    }
    if (order.blobs && !order.digest.isNull() && !order.tail) {
        if (std::optional<LayerIndex> stored = order.blobs->readIndex(order.digest)) {
            order.outcome->ok = true;
            order.outcome->fromDisk = true;
            order.outcome->index = *stored;
            return;
        }
    }
    if (order.indexOnly) {
        order.outcome->indexMissed = true;
        return;
    }
    std::unique_ptr<ByteSource> source;
    QString partial = order.partial;
    if (order.tail) {
        source = std::make_unique<TailSource>(order.tail, order.path, order.length);
    } else if (order.open) {
        oci::Result<std::unique_ptr<ByteSource>> opened = order.open();
        if (!opened) {
            order.outcome->error = opened.error();
            return;
        }
        source = std::move(opened).value();
        if (order.blobs && !order.digest.isNull()) {
            if (oci::Result<QString> created = order.blobs->createPartial(order.digest)) {
                partial = created.value();
                source = std::make_unique<TeeSource>(std::move(source), partial);
            }
        }
    } else {
        source = std::make_unique<FileSource>(order.path, order.offset, order.length);
    }
    QElapsedTimer sinceProgress;
    sinceProgress.start();
    ReadCallbacks callbacks;
    callbacks.cancelled = [&promise, &order] {
        return promise.isCanceled() || order.cancelled->load();
    };
    callbacks.progress = [&promise, &sinceProgress](qint64 bytes, qint64 total) {
        if (sinceProgress.elapsed() < 50 && bytes != total)
            return;
        sinceProgress.restart();
        promise.addResult(Message{Message::Kind::Progress, bytes, total, {}});
    };
    callbacks.batch = [&promise](const LayerIndex &batch) {
        promise.addResult(Message{Message::Kind::Batch, 0, -1, batch});
    };
    oci::Result<LayerIndex> index = readLayerIndex(*source, order.digest, order.options, callbacks);
    source.reset();
    if (index) // the last word on progress, whatever the throttle dropped
        promise.addResult(Message{Message::Kind::Progress, index->compressedBytes(),
                                  index->compressedBytes(), {}});
    if (index && order.blobs && !partial.isEmpty()) {
        // Verified: keep the blob for reading files back. A failure only costs the cache.
        (void)order.blobs->commit(partial, index->digest());
    } else if (order.open && !partial.isEmpty()) {
        order.blobs->discard(partial); // a download's partial is the reader's to discard
    }
    if (index && order.blobs)
        (void)order.blobs->writeIndex(*index);
    order.outcome->ok = index.ok();
    if (index)
        order.outcome->index = std::move(index).value();
    else
        order.outcome->error = index.error();
}

} // namespace

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
