#include "image/reader/layerreaderwork.h"

#include "image/layer/bytesource.h"
#include "image/reader/blobstore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QMutexLocker>
#include <QThreadPool>

namespace image::layerwork {

namespace {

constexpr qint64 ReadChunk = 1024 * 1024;

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
        if (partial)
            order.blobs->discard(partial.value());
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

} // namespace

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

} // namespace image::layerwork
