#include "image/push/chunklistdevice.h"

#include <cstring>

namespace image {

ChunkListDevice::ChunkListDevice(QList<QByteArray> pieces, QObject *parent)
    : QIODevice(parent), m_pieces(std::move(pieces)), m_left(totalSize(m_pieces))
{
    open(QIODevice::ReadOnly | QIODevice::Unbuffered);
}

ChunkListDevice::~ChunkListDevice() = default;

qint64 ChunkListDevice::totalSize(const QList<QByteArray> &pieces)
{
    qint64 total = 0;
    for (const QByteArray &piece : pieces)
        total += piece.size();
    return total;
}

qint64 ChunkListDevice::bytesAvailable() const
{
    return m_left + QIODevice::bytesAvailable();
}

bool ChunkListDevice::atEnd() const
{
    return m_left == 0 && QIODevice::bytesAvailable() == 0;
}

qint64 ChunkListDevice::readData(char *data, qint64 maxSize)
{
    if (m_left == 0)
        return -1;
    qint64 copied = 0;
    while (copied < maxSize && m_piece < m_pieces.size()) {
        const QByteArray &piece = m_pieces.at(m_piece);
        const qint64 n = qMin<qint64>(maxSize - copied, piece.size() - m_position);
        std::memcpy(data + copied, piece.constData() + m_position, size_t(n));
        copied += n;
        m_position += n;
        if (m_position == piece.size()) {
            ++m_piece;
            m_position = 0;
        }
    }
    m_left -= copied;
    return copied;
}

qint64 ChunkListDevice::writeData(const char *, qint64)
{
    return -1;
}

} // namespace image
