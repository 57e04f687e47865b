#include "image/push/blobproducer.h"

#include "image/push/gzipcompressor.h"
#include "image/source/blobstream.h"
#include "image/source/localimagesource.h"

#include <QMutex>
#include <QPointer>
#include <QWaitCondition>

#include <deque>

namespace image {

namespace {

constexpr qsizetype MaxWaitingChunks = 2;

} // namespace

struct BlobProducer::State
{
    QMutex mutex;
    QWaitCondition space;
    std::deque<Chunk> queue;
    bool cancelled = false;
    bool notifyPending = false;
    std::optional<oci::Error> error;
    oci::Digest digest;
    qint64 size = -1;
    QPointer<BlobProducer> receiver; // guarded by the mutex

    // With the mutex held: wake the producer's object on its thread, once per batch.
    void notifyLocked()
    {
        if (notifyPending || !receiver)
            return;
        notifyPending = true;
        QMetaObject::invokeMethod(receiver.data(), &BlobProducer::onNotified, Qt::QueuedConnection);
    }
    // With the mutex held: false when cancelled.
    bool pushLocked(QMutexLocker<QMutex> &lock, Chunk chunk)
    {
        while (!cancelled && qsizetype(queue.size()) >= MaxWaitingChunks)
            space.wait(lock.mutex());
        if (cancelled)
            return false;
        queue.push_back(std::move(chunk));
        notifyLocked();
        return true;
    }
};

namespace {

void produce(const std::shared_ptr<BlobProducer::State> &state,
             const std::shared_ptr<const LocalImageSource> &source, const oci::Digest &blob,
             bool compress)
{
    using Chunk = BlobProducer::Chunk;
    auto fail = [&state](const oci::Error &error) {
        QMutexLocker lock(&state->mutex);
        state->error = error;
        state->notifyLocked();
    };
    oci::Result<std::unique_ptr<BlobStream>> opened = source->openBlob(blob);
    if (!opened) {
        fail(opened.error());
        return;
    }
    BlobStream &stream = *opened.value();
    std::optional<GzipCompressor> gzip;
    if (compress)
        gzip.emplace();
    QByteArray pending;
    pending.reserve(BlobProducer::ChunkBytes + 1024 * 1024);
    qint64 consumed = 0;
    for (;;) {
        {
            QMutexLocker lock(&state->mutex);
            if (state->cancelled)
                return;
        }
        oci::Result<QByteArrayView> read = stream.read();
        if (!read) {
            fail(read.error());
            return;
        }
        const bool end = read->isEmpty();
        consumed += read->size();
        if (gzip) {
            oci::Result<QByteArray> out = end ? gzip->finish() : gzip->compress(*read);
            if (!out) {
                fail(out.error());
                return;
            }
            pending += *out;
        } else {
            pending += *read;
        }
        if (end) {
            QMutexLocker lock(&state->mutex);
            state->digest = gzip ? gzip->compressedDigest() : stream.digest();
            state->size = gzip ? gzip->compressedSize() : stream.bytesRead();
            state->pushLocked(lock, Chunk{std::move(pending), consumed, true});
            return;
        }
        if (pending.size() >= BlobProducer::ChunkBytes) {
            QMutexLocker lock(&state->mutex);
            if (!state->pushLocked(lock, Chunk{std::move(pending), consumed, false}))
                return;
            pending = QByteArray();
            pending.reserve(BlobProducer::ChunkBytes + 1024 * 1024);
        }
    }
}

} // namespace

BlobProducer::BlobProducer(std::shared_ptr<const LocalImageSource> source, const oci::Digest &blob,
                           bool compress, ProducerPool::Group group, QObject *parent)
    : QObject(parent)
    , m_state(std::make_shared<State>())
    , m_source(std::move(source))
    , m_blob(blob)
    , m_compress(compress)
    , m_group(group)
{
    m_state->receiver = this;
}

BlobProducer::~BlobProducer()
{
    QMutexLocker lock(&m_state->mutex);
    m_state->receiver = nullptr;
    m_state->cancelled = true;
    m_state->space.wakeAll();
}

void BlobProducer::start()
{
    if (std::exchange(m_started, true))
        return;
    ProducerPool::start(m_group, [state = m_state, source = m_source, blob = m_blob,
                                  compress = m_compress] { produce(state, source, blob, compress); });
}

std::optional<BlobProducer::Chunk> BlobProducer::take()
{
    QMutexLocker lock(&m_state->mutex);
    if (m_state->queue.empty())
        return std::nullopt;
    Chunk chunk = std::move(m_state->queue.front());
    m_state->queue.pop_front();
    m_state->space.wakeAll();
    if (chunk.last) {
        m_digest = m_state->digest;
        m_size = m_state->size;
    }
    return chunk;
}

void BlobProducer::onNotified()
{
    std::optional<oci::Error> error;
    bool ready = false;
    {
        QMutexLocker lock(&m_state->mutex);
        m_state->notifyPending = false;
        error = m_state->error;
        ready = !m_state->queue.empty();
    }
    // A failed stream fails the blob at once: what waits in the queue was never verified.
    if (error)
        Q_EMIT failed(*error);
    else if (ready)
        Q_EMIT available();
}

} // namespace image
