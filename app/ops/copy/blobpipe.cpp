#include "ops/copy/blobpipe.h"

#include <cstring>

namespace ops {

void BufferMeter::add(qint64 bytes)
{
    current += bytes;
    peak = qMax(peak, current);
}

BlobPipe::BlobPipe(qint64 size, qint64 highWater, std::shared_ptr<BufferMeter> meter,
                   QObject *parent)
    : QIODevice(parent)
    , m_size(size)
    , m_highWater(qMax<qint64>(highWater, 1))
    , m_meter(std::move(meter))
{
    open(QIODevice::WriteOnly | QIODevice::Unbuffered);
}

BlobPipe::~BlobPipe()
{
    setBuffered(0);
}

void BlobPipe::setBuffered(qint64 bytes)
{
    if (m_meter)
        m_meter->add(bytes - m_buffered);
    m_buffered = bytes;
    m_peak = qMax(m_peak, m_buffered);
}

QIODevice *BlobPipe::openReader()
{
    if (m_delivered > 0 || m_failed)
        return nullptr;
    return new BlobPipeReader(this);
}

void BlobPipe::finish()
{
    m_finished = true;
    Q_EMIT dataArrived();
}

void BlobPipe::fail(const QString &why)
{
    if (m_failed)
        return;
    m_failed = true;
    setErrorString(why);
    m_chunks.clear();
    m_position = 0;
    setBuffered(0);
    Q_EMIT dataArrived(); // the reader learns of the end now, not at its timeout
}

qint64 BlobPipe::readable() const
{
    if (m_failed)
        return 0;
    if (m_finished)
        return m_buffered;
    // The last byte waits for finish(): the blob's digest is only known good then.
    return qBound<qint64>(0, m_size - 1 - m_delivered, m_buffered);
}

bool BlobPipe::readerAtEnd() const
{
    return m_failed || (m_finished && m_delivered >= m_written && m_buffered == 0);
}

qint64 BlobPipe::readInto(char *data, qint64 maxSize)
{
    if (m_failed)
        return -1;
    const qint64 limit = qMin(maxSize, readable());
    if (limit <= 0)
        return readerAtEnd() ? -1 : 0; // 0: more comes with dataArrived()
    qint64 copied = 0;
    while (copied < limit) {
        const QByteArray &front = m_chunks.front();
        const qint64 n = qMin<qint64>(limit - copied, front.size() - m_position);
        std::memcpy(data + copied, front.constData() + m_position, size_t(n));
        copied += n;
        m_position += n;
        if (m_position == front.size()) {
            m_chunks.pop_front();
            m_position = 0;
        }
    }
    m_delivered += copied;
    setBuffered(m_buffered - copied);
    if (m_full && m_buffered <= m_highWater / 4) {
        m_full = false;
        Q_EMIT pressureChanged(false);
    }
    return copied;
}

qint64 BlobPipe::readData(char *, qint64)
{
    return -1; // the write end; readers read through openReader()
}

qint64 BlobPipe::writeData(const char *data, qint64 maxSize)
{
    if (m_failed)
        return -1;
    if (m_finished || m_written + maxSize > m_size) {
        setErrorString(QStringLiteral("more bytes than the blob's size of %1").arg(m_size));
        return -1;
    }
    if (maxSize <= 0)
        return 0;
    m_chunks.emplace_back(data, qsizetype(maxSize));
    m_written += maxSize;
    setBuffered(m_buffered + maxSize);
    if (!m_full && m_buffered >= m_highWater) {
        m_full = true;
        ++m_pauses;
        Q_EMIT pressureChanged(true);
    }
    Q_EMIT dataArrived();
    return maxSize;
}

BlobPipeReader::BlobPipeReader(BlobPipe *pipe) : m_pipe(pipe)
{
    open(QIODevice::ReadOnly | QIODevice::Unbuffered);
    connect(pipe, &BlobPipe::dataArrived, this, &QIODevice::readyRead);
}

BlobPipeReader::~BlobPipeReader() = default;

qint64 BlobPipeReader::bytesAvailable() const
{
    return QIODevice::bytesAvailable() + (m_pipe ? m_pipe->readable() : 0);
}

bool BlobPipeReader::atEnd() const
{
    return !m_pipe || (m_pipe->readerAtEnd() && QIODevice::bytesAvailable() == 0);
}

qint64 BlobPipeReader::readData(char *data, qint64 maxSize)
{
    if (!m_pipe) {
        setErrorString(QStringLiteral("the blob's download is gone"));
        return -1;
    }
    const qint64 n = m_pipe->readInto(data, maxSize);
    if (n < 0 && m_pipe->hasFailed())
        setErrorString(m_pipe->errorString());
    return n;
}

qint64 BlobPipeReader::writeData(const char *, qint64)
{
    return -1;
}

} // namespace ops
