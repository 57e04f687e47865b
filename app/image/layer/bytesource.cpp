#include "image/layer/bytesource.h"

#include <QFileInfo>

namespace image {

namespace {
constexpr qint64 FileChunk = 1024 * 1024;
} // namespace

ByteSource::~ByteSource() = default;

MemorySource::MemorySource(QByteArray bytes, qsizetype chunkSize)
    : m_bytes(std::move(bytes)), m_chunkSize(qMax<qsizetype>(1, chunkSize))
{
}

oci::Result<QByteArrayView> MemorySource::read()
{
    const qsizetype n = qMin(m_chunkSize, m_bytes.size() - m_position);
    const QByteArrayView chunk(m_bytes.constData() + m_position, n);
    m_position += n;
    return chunk;
}

FileSource::FileSource(QString path, qint64 offset, qint64 length)
    : m_path(std::move(path)), m_offset(offset), m_length(length)
{
    if (m_length < 0) { // known up front, for progress
        const QFileInfo info(m_path);
        if (info.exists())
            m_length = qMax<qint64>(0, info.size() - m_offset);
    }
}

oci::Result<QByteArrayView> FileSource::read()
{
    if (!m_opened) {
        m_opened = true;
        m_file.setFileName(m_path);
        if (!m_file.open(QIODevice::ReadOnly))
            return oci::Error(oci::Error::Code::Io, QStringLiteral("cannot open %1: %2")
                                                        .arg(m_path, m_file.errorString()));
        if (m_length < 0)
            m_length = qMax<qint64>(0, m_file.size() - m_offset);
        if (m_offset > 0 && !m_file.seek(m_offset))
            return oci::Error(oci::Error::Code::Io,
                              QStringLiteral("cannot seek to %1 in %2").arg(m_offset).arg(m_path));
        m_buffer.resize(FileChunk);
    }
    const qint64 want = qMin(FileChunk, m_length - m_done);
    if (want <= 0)
        return QByteArrayView();
    const qint64 got = m_file.read(m_buffer.data(), want);
    if (got < 0)
        return oci::Error(oci::Error::Code::Io, QStringLiteral("cannot read %1: %2")
                                                    .arg(m_path, m_file.errorString()));
    if (got == 0)
        return oci::Error(oci::Error::Code::Io,
                          QStringLiteral("%1 ended after %2 of %3 bytes")
                              .arg(m_path)
                              .arg(m_done)
                              .arg(m_length));
    m_done += got;
    return QByteArrayView(m_buffer.constData(), got);
}

} // namespace image
