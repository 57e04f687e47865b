#include "image/push/gzipcompressor.h"

#include <isa-l/igzip_lib.h>

#include <algorithm>
#include <cstring>
#include <optional>

namespace image {

namespace {

// igzip's output depends on how its input is sliced into calls, not only on the bytes: it
// is given fixed blocks, whatever chunks the caller has, so the same layer always gives the
// same blob (the same digest on a retried push, whether read from a file or a pipe).
constexpr qsizetype BlockSize = 1024 * 1024;
// Room for everything one call can produce (a block stored uncompressed, plus what igzip
// still held from the block before), so a call never stops on a full output buffer
// either: that would also be a slicing that differs from run to run.
constexpr uint32_t OutSize = 2 * BlockSize + 256 * 1024;

// RFC 1952 header written by us (igzip gets IGZIP_GZIP_NO_HDR): no name, mtime 0, OS
// "unknown", so the same input always gives the same bytes and the same blob digest.
constexpr char GzipHeader[10] = {'\x1f', '\x8b', '\x08', '\x00', '\x00',
                                 '\x00', '\x00', '\x00', '\x00', '\xff'};

uint32_t levelBufferSize(int level)
{
    switch (level) {
    case 1:
        return ISAL_DEF_LVL1_DEFAULT;
    case 2:
        return ISAL_DEF_LVL2_DEFAULT;
    case 3:
        return ISAL_DEF_LVL3_DEFAULT;
    default:
        return ISAL_DEF_LVL0_DEFAULT;
    }
}

QString deflateErrorText(int code)
{
    switch (code) {
    case ISAL_INVALID_LEVEL:
        return QStringLiteral("invalid compression level");
    case ISAL_INVALID_LEVEL_BUF:
        return QStringLiteral("level buffer too small");
    case INVALID_FLUSH:
        return QStringLiteral("invalid flush");
    default:
        return QStringLiteral("error %1").arg(code);
    }
}

} // namespace

struct GzipCompressor::Private
{
    isal_zstream stream;
    std::unique_ptr<uint8_t[]> levelBuffer;
    std::unique_ptr<uint8_t[]> out;
    std::unique_ptr<char[]> staged; // a partial block, waiting for more input
    qsizetype stagedBytes = 0;
    qint64 inputBytes = 0;
    oci::DigestHasher outputHasher{u"sha256"};
    oci::Digest outputDigest;
    std::optional<oci::Error> error; // sticky
    bool headerWritten = false;
    bool finished = false;

    oci::Error fail(oci::Error e)
    {
        error = e;
        return e;
    }

    // Deflates one block (at the end of the stream: the rest, then the trailer), appending
    // what igzip produces to `result`.
    oci::Result<void> deflateBlock(QByteArrayView block, QByteArray &result, bool last)
    {
        // igzip does not write through next_in; the cast is its API's.
        stream.next_in = reinterpret_cast<uint8_t *>(const_cast<char *>(block.data()));
        stream.avail_in = uint32_t(block.size());
        stream.end_of_stream = last ? 1 : 0;
        for (;;) {
            stream.next_out = out.get();
            stream.avail_out = OutSize;
            const uint32_t inBefore = stream.avail_in;
            const int code = isal_deflate(&stream);
            if (code != COMP_OK) {
                return fail(oci::Error(oci::Error::Code::Io,
                                       QStringLiteral("gzip compression (igzip deflate) failed: %1")
                                           .arg(deflateErrorText(code))));
            }
            const uint32_t produced = OutSize - stream.avail_out;
            if (produced > 0) {
                const auto bytes = QByteArrayView(out.get(), qsizetype(produced));
                outputHasher.addData(bytes);
                result.append(bytes);
            }
            const bool done = last ? stream.internal_state.state == ZSTATE_END
                                   : stream.avail_in == 0 && stream.avail_out > 0;
            if (done)
                return {};
            if (produced == 0 && stream.avail_in == inBefore) {
                // Neither input taken nor output made: igzip's contract rules it out; never spin.
                return fail(oci::Error(oci::Error::Code::Io,
                                       QStringLiteral("gzip compression (igzip deflate) made no progress")));
            }
        }
    }

    void writeHeaderOnce(QByteArray &result)
    {
        if (headerWritten)
            return;
        headerWritten = true;
        const QByteArrayView header(GzipHeader, sizeof GzipHeader);
        outputHasher.addData(header);
        result.append(header);
    }
};

GzipCompressor::GzipCompressor(int level)
    : d(std::make_unique<Private>())
{
    isal_deflate_init(&d->stream);
    d->stream.gzip_flag = IGZIP_GZIP_NO_HDR;
    d->stream.flush = NO_FLUSH;
    d->stream.end_of_stream = 0;
    if (level < 0 || level > ISAL_DEF_MAX_LEVEL) {
        d->error = oci::Error(oci::Error::Code::InvalidArgument,
                              QStringLiteral("gzip compression level %1 is not one of igzip's 0-%2")
                                  .arg(level)
                                  .arg(ISAL_DEF_MAX_LEVEL));
        return;
    }
    d->stream.level = uint32_t(level);
    const uint32_t bufferSize = levelBufferSize(level);
    if (bufferSize > 0) {
        d->levelBuffer = std::make_unique<uint8_t[]>(bufferSize);
        d->stream.level_buf = d->levelBuffer.get();
        d->stream.level_buf_size = bufferSize;
    }
    d->out = std::make_unique_for_overwrite<uint8_t[]>(OutSize);
    d->staged = std::make_unique_for_overwrite<char[]>(size_t(BlockSize));
}

GzipCompressor::~GzipCompressor() = default;

oci::Result<QByteArray> GzipCompressor::compress(QByteArrayView input)
{
    if (d->error)
        return *d->error;
    if (d->finished) {
        return d->fail(oci::Error(oci::Error::Code::InvalidArgument,
                                  QStringLiteral("gzip compression: input after the stream was finished")));
    }
    QByteArray result;
    d->writeHeaderOnce(result);
    d->inputBytes += input.size();
    while (!input.isEmpty()) {
        if (d->stagedBytes == 0 && input.size() >= BlockSize) {
            // Whole blocks straight from the caller's bytes: no copy.
            if (auto ok = d->deflateBlock(input.first(BlockSize), result, false); !ok)
                return ok.error();
            input = input.sliced(BlockSize);
            continue;
        }
        const qsizetype take = std::min(BlockSize - d->stagedBytes, input.size());
        std::memcpy(d->staged.get() + d->stagedBytes, input.data(), size_t(take));
        d->stagedBytes += take;
        input = input.sliced(take);
        if (d->stagedBytes == BlockSize) {
            d->stagedBytes = 0;
            if (auto ok = d->deflateBlock(QByteArrayView(d->staged.get(), BlockSize), result, false); !ok)
                return ok.error();
        }
    }
    return result;
}

oci::Result<QByteArray> GzipCompressor::finish()
{
    if (d->error)
        return *d->error;
    if (d->finished) {
        return d->fail(oci::Error(oci::Error::Code::InvalidArgument,
                                  QStringLiteral("gzip compression: the stream was already finished")));
    }
    QByteArray result;
    d->writeHeaderOnce(result);
    const QByteArrayView rest(d->staged.get(), d->stagedBytes);
    d->stagedBytes = 0;
    if (auto ok = d->deflateBlock(rest, result, true); !ok)
        return ok.error();
    d->finished = true;
    d->outputDigest = d->outputHasher.finish();
    return result;
}

bool GzipCompressor::isFinished() const
{
    return d->finished;
}

oci::Digest GzipCompressor::compressedDigest() const
{
    return d->outputDigest;
}

qint64 GzipCompressor::compressedSize() const
{
    return d->outputHasher.bytesHashed();
}

qint64 GzipCompressor::inputSize() const
{
    return d->inputBytes;
}

} // namespace image
