#include "image/layer/decodethread.h"

#include "image/layer/bytesource.h"

namespace image {

DecodeThread::DecodeThread(ByteSource &source, const oci::Digest &expected,
                           const ReadLimits &limits, bool computeDiffId,
                           const ReadCallbacks *callbacks)
    : m_source(source), m_callbacks(callbacks ? *callbacks : ReadCallbacks()),
      m_decoder(source, expected, limits, computeDiffId, &m_callbacks)
{
    // The consumer may give up first (bad tar data): the producer must stop too, even when
    // it waits for bytes that are still downloading.
    std::function<bool()> outer = m_callbacks.cancelled;
    m_callbacks.cancelled = [this, outer] { return m_stopping.load() || (outer && outer()); };
    m_thread = std::thread([this] { run(); });
}

DecodeThread::~DecodeThread()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_stopping = true;
    m_changed.notify_all();
    m_source.interrupt();
    if (m_thread.joinable())
        m_thread.join();
}

void DecodeThread::run()
{
    QByteArray buffer;
    const auto flush = [this, &buffer]() -> bool {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [this] { return m_stop || m_full.size() < Depth; });
        if (m_stop)
            return false;
        m_full.append(std::move(buffer));
        buffer = m_free.isEmpty() ? QByteArray() : m_free.takeLast();
        m_changed.notify_all();
        return true;
    };
    const auto consumerIdle = [this] {
        std::lock_guard lock(m_mutex);
        return m_full.isEmpty();
    };
    std::optional<oci::Error> error;
    for (;;) {
        oci::Result<QByteArrayView> bytes = m_decoder.next();
        if (!bytes) {
            error = bytes.error();
            break;
        }
        if (bytes->isEmpty())
            break;
        // Gather small outputs into full buffers (fewer hand-overs), but never keep bytes
        // from a consumer that has nothing to do (a slow download would starve it).
        QByteArrayView rest = *bytes;
        while (!rest.isEmpty()) {
            if (buffer.capacity() < BufferSize)
                buffer.reserve(BufferSize);
            const qsizetype take = qMin(rest.size(), BufferSize - buffer.size());
            buffer.append(rest.data(), take);
            rest = rest.sliced(take);
            if (buffer.size() == BufferSize && !flush())
                return;
        }
        if (!buffer.isEmpty() && consumerIdle() && !flush())
            return;
    }
    if (!error) {
        if (!buffer.isEmpty() && !flush())
            return;
        // The end of the blob: the digest verdict (reads nothing more: next() saw the end).
        if (oci::Result<void> done = m_decoder.finish(); !done)
            error = done.error();
    }
    std::lock_guard lock(m_mutex);
    m_error = std::move(error);
    m_producerDone = true;
    m_changed.notify_all();
}

oci::Result<QByteArrayView> DecodeThread::next()
{
    std::unique_lock lock(m_mutex);
    if (!m_current.isNull()) {
        m_current.resize(0); // keeps the capacity
        m_free.append(std::move(m_current));
        m_current = QByteArray();
    }
    m_changed.wait(lock, [this] { return !m_full.isEmpty() || m_producerDone; });
    if (!m_full.isEmpty()) {
        m_current = m_full.takeFirst();
        m_changed.notify_all();
        return QByteArrayView(m_current);
    }
    if (m_error)
        return *m_error;
    return QByteArrayView();
}

oci::Result<void> DecodeThread::finish()
{
    for (;;) {
        oci::Result<QByteArrayView> bytes = next();
        if (!bytes)
            return bytes.error();
        if (bytes->isEmpty())
            break;
    }
    if (m_thread.joinable())
        m_thread.join();
    return {};
}

} // namespace image
