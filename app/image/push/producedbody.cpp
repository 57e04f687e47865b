#include "image/push/producedbody.h"

#include "image/push/blobproducer.h"
#include "image/source/localimagesource.h"

#include <cstring>
#include <optional>

namespace image {

ProducedBody::ProducedBody(std::shared_ptr<const LocalImageSource> source, const oci::Digest &blob,
                           ProducerPool::Group group, QObject *parent)
    : QIODevice(parent), m_producer(new BlobProducer(std::move(source), blob, false, group, this))
{
    open(QIODevice::ReadOnly | QIODevice::Unbuffered);
    connect(m_producer, &BlobProducer::available, this, &QIODevice::readyRead);
    connect(m_producer, &BlobProducer::failed, this, [this](const oci::Error &error) {
        m_failed = true;
        setErrorString(error.describe());
        Q_EMIT failed(error);
        Q_EMIT readyRead(); // the reader learns of the end now, not at its timeout
    });
    m_producer->start();
}

ProducedBody::~ProducedBody() = default;

qint64 ProducedBody::bytesAvailable() const
{
    return QIODevice::bytesAvailable() + (m_chunk.size() - m_position);
}

bool ProducedBody::atEnd() const
{
    return m_failed || (m_last && m_position == m_chunk.size() && QIODevice::bytesAvailable() == 0);
}

qint64 ProducedBody::readData(char *data, qint64 maxSize)
{
    if (m_failed)
        return -1;
    qint64 copied = 0;
    while (copied < maxSize) {
        if (m_position == m_chunk.size()) {
            if (m_last)
                break;
            std::optional<BlobProducer::Chunk> next = m_producer->take();
            if (!next)
                break; // more comes with readyRead()
            m_chunk = std::move(next->bytes);
            m_position = 0;
            m_last = next->last;
            continue;
        }
        const qint64 n = qMin<qint64>(maxSize - copied, m_chunk.size() - m_position);
        std::memcpy(data + copied, m_chunk.constData() + m_position, size_t(n));
        m_position += n;
        copied += n;
    }
    if (copied == 0 && m_last && m_position == m_chunk.size())
        return -1;
    return copied;
}

qint64 ProducedBody::writeData(const char *, qint64)
{
    return -1;
}

} // namespace image
