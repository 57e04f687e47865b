#include "image/source/blobstream.h"

#include "image/source/archiveinput.h"

namespace image {

using oci::Error;

namespace {
constexpr qsizetype ChunkSize = 1024 * 1024;
}

BlobStream::BlobStream(std::unique_ptr<source::SequentialInput> input, oci::Digest digest, qint64 size,
                       QString object, QString mismatchText)
    : m_input(std::move(input))
    , m_digest(std::move(digest))
    , m_size(size)
    , m_object(std::move(object))
    , m_mismatchText(std::move(mismatchText))
    , m_hasher(m_digest.algorithm())
    , m_buffer(ChunkSize, Qt::Uninitialized)
{}

BlobStream::~BlobStream() = default;

oci::Result<QByteArrayView> BlobStream::read()
{
    if (m_finished)
        return QByteArrayView();
    if (!m_hasher.isValid())
        return Error(Error::Code::InvalidDigest,
                     QStringLiteral("cannot verify digest algorithm \"%1\"").arg(m_digest.algorithm()))
            .withObject(m_object);
    auto n = m_input->read(m_buffer.data(), m_buffer.size());
    if (!n) {
        Error error = n.error();
        return Error(error.code(), error.message()).withObject(m_object);
    }
    if (*n > 0) {
        m_done += *n;
        if (m_size >= 0 && m_done > m_size)
            return Error(Error::Code::SizeLimitExceeded,
                         QStringLiteral("longer than its descriptor's %1 bytes").arg(m_size))
                .withObject(m_object);
        const QByteArrayView chunk(m_buffer.constData(), *n);
        m_hasher.addData(chunk);
        return chunk;
    }
    if (m_size >= 0 && m_done != m_size)
        return Error(Error::Code::Io, QStringLiteral("truncated: %1 of %2 bytes").arg(m_done).arg(m_size))
            .withObject(m_object);
    const oci::Digest actual = m_hasher.finish();
    if (actual != m_digest) {
        return Error(Error::Code::DigestMismatch,
                     QStringLiteral("%1: content hashes to %2, expected %3")
                         .arg(m_mismatchText, actual.toString(), m_digest.toString()))
            .withObject(m_object);
    }
    m_finished = true;
    return QByteArrayView();
}

} // namespace image
