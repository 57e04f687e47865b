#include "image/source/archiveinput.h"

#include <isa-l/igzip_lib.h>

#include <cstring>

namespace image::source {

using oci::Error;

SequentialInput::~SequentialInput() = default;

oci::Result<void> SequentialInput::skip(qint64 bytes)
{
    char buffer[64 * 1024];
    while (bytes > 0) {
        const auto n = read(buffer, qMin<qint64>(bytes, sizeof buffer));
        if (!n)
            return n.error();
        if (*n == 0)
            return Error(Error::Code::Io, QStringLiteral("truncated: the file ends inside a member"));
        bytes -= *n;
    }
    return {};
}

FileRangeInput::FileRangeInput(QString path, qint64 offset, qint64 length)
    : m_path(std::move(path))
    , m_offset(offset)
    , m_length(length)
    , m_file(m_path)
{}

oci::Result<void> FileRangeInput::openFile()
{
    if (!m_file.open(QIODevice::ReadOnly))
        return Error(Error::Code::Io, QStringLiteral("cannot open: ") + m_file.errorString()).withObject(m_path);
    if (m_length < 0)
        m_length = qMax<qint64>(0, m_file.size() - m_offset);
    if (m_offset + m_length > m_file.size())
        return Error(Error::Code::Io, QStringLiteral("truncated: the file ends inside a member")).withObject(m_path);
    if (m_offset > 0 && !m_file.seek(m_offset))
        return Error(Error::Code::Io, QStringLiteral("cannot seek: ") + m_file.errorString()).withObject(m_path);
    return {};
}

oci::Result<qint64> FileRangeInput::read(char *data, qint64 maxBytes)
{
    const qint64 want = qMin(maxBytes, m_length - m_position);
    if (want <= 0)
        return qint64(0);
    const qint64 got = m_file.read(data, want);
    if (got < 0)
        return Error(Error::Code::Io, QStringLiteral("read error: ") + m_file.errorString()).withObject(m_path);
    if (got == 0) // the file shrank under us
        return Error(Error::Code::Io, QStringLiteral("truncated: the file ends early")).withObject(m_path);
    m_position += got;
    return got;
}

oci::Result<void> FileRangeInput::skip(qint64 bytes)
{
    if (m_position + bytes > m_length)
        return Error(Error::Code::Io, QStringLiteral("truncated: the file ends inside a member")).withObject(m_path);
    if (!m_file.seek(m_offset + m_position + bytes))
        return Error(Error::Code::Io, QStringLiteral("cannot seek: ") + m_file.errorString()).withObject(m_path);
    m_position += bytes;
    return {};
}

struct GzipFileInput::Inflater
{
    inflate_state state;
    QByteArray input;
    bool fileAtEnd = false;
    bool finished = false;
};

GzipFileInput::GzipFileInput(QString path, qint64 maxBytes)
    : m_path(std::move(path))
    , m_maxBytes(maxBytes)
    , m_file(m_path)
    , m_inflater(std::make_unique<Inflater>())
{}

GzipFileInput::~GzipFileInput() = default;

oci::Error GzipFileInput::error(const QString &problem) const
{
    return Error(Error::Code::Io, problem).withObject(m_path);
}

oci::Result<void> GzipFileInput::openFile()
{
    if (!m_file.open(QIODevice::ReadOnly))
        return error(QStringLiteral("cannot open: ") + m_file.errorString());
    m_inflater->input.resize(1024 * 1024);
    isal_inflate_init(&m_inflater->state);
    m_inflater->state.crc_flag = ISAL_GZIP;
    m_inflater->state.avail_in = 0;
    return {};
}

oci::Result<qint64> GzipFileInput::read(char *data, qint64 maxBytes)
{
    Inflater &z = *m_inflater;
    inflate_state &s = z.state;
    // Refill so that at least `need` input bytes are available, unless the file ends.
    auto refill = [&](uint32_t need) -> oci::Result<void> {
        while (s.avail_in < need && !z.fileAtEnd) {
            // Move what is left to the front, then fill the rest.
            auto *base = reinterpret_cast<uint8_t *>(z.input.data());
            if (s.avail_in > 0 && s.next_in != base)
                std::memmove(base, s.next_in, s.avail_in);
            s.next_in = base;
            const qint64 got = m_file.read(z.input.data() + s.avail_in, z.input.size() - s.avail_in);
            if (got < 0)
                return error(QStringLiteral("read error: ") + m_file.errorString());
            if (got == 0)
                z.fileAtEnd = true;
            s.avail_in += uint32_t(got);
        }
        return {};
    };

    while (!z.finished) {
        if (auto r = refill(1); !r)
            return r.error();
        if (s.block_state == ISAL_BLOCK_FINISH) {
            // One member done: another may follow; anything else is trailing garbage.
            if (auto r = refill(2); !r)
                return r.error();
            if (s.avail_in == 0) {
                z.finished = true;
                break;
            }
            if (s.avail_in < 2 || s.next_in[0] != 0x1f || s.next_in[1] != 0x8b)
                return error(QStringLiteral("not gzip: unexpected data after gzip member at compressed offset %1")
                                 .arg(m_file.pos() - s.avail_in));
            uint8_t *nextIn = s.next_in;
            const uint32_t availIn = s.avail_in;
            isal_inflate_reset(&s);
            s.crc_flag = ISAL_GZIP;
            s.next_in = nextIn;
            s.avail_in = availIn;
            continue;
        }
        s.next_out = reinterpret_cast<uint8_t *>(data);
        s.avail_out = uint32_t(qMin<qint64>(maxBytes, 1 << 30));
        const uint32_t inBefore = s.avail_in;
        const int ret = isal_inflate(&s);
        if (ret < 0)
            return error(ret == ISAL_INCORRECT_CHECKSUM
                             ? QStringLiteral("corrupt gzip: CRC mismatch")
                             : QStringLiteral("corrupt gzip stream (igzip error %1)").arg(ret));
        const qint64 produced = qMin<qint64>(maxBytes, 1 << 30) - s.avail_out;
        if (produced > 0) {
            m_position += produced;
            if (m_position > m_maxBytes)
                return Error(Error::Code::SizeLimitExceeded,
                             QStringLiteral("decompresses to more than %1 bytes").arg(m_maxBytes))
                    .withObject(m_path);
            return produced;
        }
        if (s.avail_in == inBefore && s.block_state != ISAL_BLOCK_FINISH && z.fileAtEnd)
            return error(QStringLiteral("truncated: the gzip stream ends early"));
    }
    return qint64(0);
}

OuterCompression sniffOuterCompression(const QByteArray &head)
{
    const auto starts = [&head](std::initializer_list<unsigned char> magic) {
        if (head.size() < qsizetype(magic.size()))
            return false;
        qsizetype i = 0;
        for (unsigned char byte : magic) {
            if (static_cast<unsigned char>(head.at(i++)) != byte)
                return false;
        }
        return true;
    };
    if (starts({0x1f, 0x8b}))
        return OuterCompression::Gzip;
    if (starts({0x28, 0xb5, 0x2f, 0xfd}))
        return OuterCompression::Zstd;
    if (starts({0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00}))
        return OuterCompression::Xz;
    if (starts({0x42, 0x5a, 0x68}))
        return OuterCompression::Bzip2;
    return OuterCompression::None;
}

} // namespace image::source
