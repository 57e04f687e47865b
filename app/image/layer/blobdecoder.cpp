#include "image/layer/blobdecoder.h"

#include "image/layer/bytesource.h"

#include <isa-l/igzip_lib.h>
#include <zstd.h>

namespace image {

namespace {

// Big output buffers: fewer calls into libarchive and the inflaters (≥ 256 KiB).
constexpr size_t OutSize = 1024 * 1024;

QString isalErrorText(int code)
{
    switch (code) {
    case ISAL_INVALID_BLOCK:
        return QStringLiteral("invalid deflate block");
    case ISAL_INVALID_SYMBOL:
        return QStringLiteral("invalid deflate symbol");
    case ISAL_INVALID_LOOKBACK:
        return QStringLiteral("invalid lookback distance");
    case ISAL_INVALID_WRAPPER:
        return QStringLiteral("invalid gzip header");
    case ISAL_UNSUPPORTED_METHOD:
        return QStringLiteral("unsupported gzip compression method");
    case ISAL_INCORRECT_CHECKSUM:
        return QStringLiteral("gzip checksum mismatch");
    default:
        return QStringLiteral("inflate error %1").arg(code);
    }
}

} // namespace

struct BlobDecoder::Gzip
{
    inflate_state state;
    bool inMember = false;
    bool anyMember = false;
};

struct BlobDecoder::Zstd
{
    ZSTD_DCtx *context = nullptr;
    size_t lastResult = 0;  // 0: the last frame is complete
    bool outputFull = false; // the last call filled the output: it may hold more
    ~Zstd()
    {
        if (context)
            ZSTD_freeDCtx(context);
    }
};

BlobDecoder::BlobDecoder(ByteSource &source, const oci::Digest &expected,
                         const ReadLimits &limits, bool computeDiffId,
                         const ReadCallbacks *callbacks)
    : m_source(source), m_expected(expected), m_limits(limits), m_callbacks(callbacks),
      m_hasher(std::make_unique<oci::DigestHasher>(
          expected.isNull() ? QStringView(u"sha256") : QStringView(expected.algorithm())))
{
    if (computeDiffId)
        m_diffHasher = std::make_unique<oci::DigestHasher>(u"sha256");
    m_total = m_source.size();
    m_sourceVerifies = !m_expected.isNull() && m_source.verifiesDigest();
}

BlobDecoder::~BlobDecoder() = default;

oci::Error BlobDecoder::layerError(oci::Error::Code code, const QString &message) const
{
    oci::Error error(code, m_expected.isNull()
                               ? QStringLiteral("layer: %1").arg(message)
                               : QStringLiteral("layer %1: %2").arg(m_expected.toString(), message));
    if (!m_expected.isNull())
        error.withObject(m_expected.toString());
    return error;
}

oci::Result<QByteArrayView> BlobDecoder::fail(oci::Error error)
{
    if (!m_error)
        m_error = std::move(error);
    return *m_error;
}

oci::Result<QByteArrayView> BlobDecoder::pullInput()
{
    if (m_callbacks && m_callbacks->cancelled && m_callbacks->cancelled())
        return fail(layerError(oci::Error::Code::Cancelled, QStringLiteral("cancelled")));
    oci::Result<QByteArrayView> chunk = m_source.read();
    if (!chunk) {
        oci::Error error = chunk.error();
        if (error.object().isEmpty() && !m_expected.isNull())
            error.withObject(m_expected.toString());
        return fail(std::move(error));
    }
    if (chunk->isEmpty()) {
        m_inputEnded = true;
        m_input = {};
        return QByteArrayView();
    }
    if (!m_hasher->isValid())
        return fail(layerError(oci::Error::Code::InvalidDigest,
                               QStringLiteral("cannot verify a %1 digest").arg(m_expected.algorithm())));
    if (!m_sourceVerifies)
        m_hasher->addData(*chunk);
    m_compressedBytes += chunk->size();
    if (m_callbacks && m_callbacks->progress)
        m_callbacks->progress(m_compressedBytes, m_total);
    m_input = *chunk;
    return *chunk;
}

oci::Result<void> BlobDecoder::start()
{
    m_started = true;
    if (oci::Result<QByteArrayView> first = pullInput(); !first)
        return first.error();
    // A chunk shorter than a magic number: gather a few more bytes.
    if (m_input.size() < 4 && !m_inputEnded) {
        m_head = m_input.toByteArray();
        while (m_head.size() < 4 && !m_inputEnded) {
            if (oci::Result<QByteArrayView> more = pullInput(); !more)
                return more.error();
            m_head.append(m_input.data(), m_input.size());
        }
        m_input = m_head;
    }
    m_compression = detectCompression(m_input);
    m_out = std::make_unique<unsigned char[]>(OutSize);
    if (m_compression == Compression::Gzip) {
        m_gzip = std::make_unique<Gzip>();
        isal_inflate_init(&m_gzip->state);
        m_gzip->state.crc_flag = ISAL_GZIP;
    } else if (m_compression == Compression::Zstd) {
        m_zstd = std::make_unique<Zstd>();
        m_zstd->context = ZSTD_createDCtx();
        if (!m_zstd->context)
            return layerError(oci::Error::Code::Io, QStringLiteral("cannot set up zstd"));
    }
    return {};
}

oci::Result<QByteArrayView> BlobDecoder::produced(QByteArrayView bytes)
{
    m_tarBytes += bytes.size();
    if (m_tarBytes > m_limits.maxTarBytes) {
        return fail(layerError(
            oci::Error::Code::SizeLimitExceeded,
            QStringLiteral("decompresses to more than %1 bytes (the cap for one layer; a "
                           "decompression bomb?)")
                .arg(m_limits.maxTarBytes)));
    }
    if (m_tarBytes > m_limits.ratioFloorBytes && m_compressedBytes > 0
        && m_tarBytes / m_compressedBytes > m_limits.maxRatio) {
        return fail(layerError(
            oci::Error::Code::SizeLimitExceeded,
            QStringLiteral("decompresses to more than %1 times its compressed size (a "
                           "decompression bomb?)")
                .arg(m_limits.maxRatio)));
    }
    if (m_diffHasher)
        m_diffHasher->addData(bytes);
    return bytes;
}

oci::Result<QByteArrayView> BlobDecoder::next()
{
    if (m_error)
        return *m_error;
    if (m_done)
        return QByteArrayView();
    if (!m_started) {
        if (oci::Result<void> started = start(); !started)
            return fail(started.error());
    }
    switch (m_compression) {
    case Compression::Gzip:
        return nextGzip();
    case Compression::Zstd:
        return nextZstd();
    case Compression::None:
        break;
    }
    for (;;) {
        if (!m_input.isEmpty()) {
            const QByteArrayView bytes = m_input;
            m_input = {};
            return produced(bytes);
        }
        if (m_inputEnded) {
            m_done = true;
            return QByteArrayView();
        }
        if (oci::Result<QByteArrayView> more = pullInput(); !more)
            return more;
    }
}

oci::Result<QByteArrayView> BlobDecoder::nextGzip()
{
    Gzip &g = *m_gzip;
    int idle = 0;
    for (;;) {
        if (!g.inMember) {
            // Between members: another member, zero padding, or the end.
            if (m_input.isEmpty()) {
                if (m_inputEnded) {
                    if (!g.anyMember)
                        return fail(layerError(oci::Error::Code::MalformedDocument,
                                               QStringLiteral("the gzip stream is truncated")));
                    m_done = true;
                    return QByteArrayView();
                }
                if (oci::Result<QByteArrayView> more = pullInput(); !more)
                    return more;
                continue;
            }
            const quint8 c = quint8(m_input[0]);
            if (c == 0) {
                qsizetype zeros = 0;
                while (zeros < m_input.size() && m_input[zeros] == 0)
                    ++zeros;
                m_input = m_input.sliced(zeros);
                continue;
            }
            if (c != 0x1f) {
                return fail(layerError(oci::Error::Code::MalformedDocument,
                                       QStringLiteral("data after the end of the gzip stream "
                                                      "that is not another gzip member")));
            }
            isal_inflate_reset(&g.state);
            g.state.crc_flag = ISAL_GZIP;
            g.inMember = true;
        }
        g.state.next_in = reinterpret_cast<uint8_t *>(const_cast<char *>(m_input.data()));
        g.state.avail_in = uint32_t(m_input.size());
        g.state.next_out = m_out.get();
        g.state.avail_out = uint32_t(OutSize);
        const int result = isal_inflate(&g.state);
        const qsizetype consumed = m_input.size() - qsizetype(g.state.avail_in);
        m_input = m_input.sliced(consumed);
        if (result < 0) {
            return fail(layerError(oci::Error::Code::MalformedDocument,
                                   QStringLiteral("corrupt gzip data after %1 compressed bytes: %2")
                                       .arg(m_compressedBytes)
                                       .arg(isalErrorText(result))));
        }
        const size_t out = OutSize - g.state.avail_out;
        if (g.state.block_state == ISAL_BLOCK_FINISH) {
            g.inMember = false;
            g.anyMember = true;
        }
        if (out > 0)
            return produced(QByteArrayView(reinterpret_cast<const char *>(m_out.get()), qsizetype(out)));
        if (!g.inMember)
            continue;
        if (m_input.isEmpty()) {
            if (m_inputEnded) {
                return fail(layerError(oci::Error::Code::MalformedDocument,
                                       QStringLiteral("the gzip stream is truncated (ends after "
                                                      "%1 compressed bytes)")
                                           .arg(m_compressedBytes)));
            }
            if (oci::Result<QByteArrayView> more = pullInput(); !more)
                return more;
            idle = 0;
        } else if (consumed == 0 && ++idle > 2) {
            return fail(layerError(oci::Error::Code::MalformedDocument,
                                   QStringLiteral("the gzip stream makes no progress")));
        }
    }
}

oci::Result<QByteArrayView> BlobDecoder::nextZstd()
{
    Zstd &z = *m_zstd;
    for (;;) {
        if (m_input.isEmpty() && !z.outputFull) {
            if (m_inputEnded) {
                if (z.lastResult != 0)
                    return fail(layerError(oci::Error::Code::MalformedDocument,
                                           QStringLiteral("the zstd stream is truncated (ends "
                                                          "after %1 compressed bytes)")
                                               .arg(m_compressedBytes)));
                m_done = true;
                return QByteArrayView();
            }
            if (oci::Result<QByteArrayView> more = pullInput(); !more)
                return more;
            continue;
        }
        ZSTD_inBuffer in{m_input.data(), size_t(m_input.size()), 0};
        ZSTD_outBuffer out{m_out.get(), OutSize, 0};
        const size_t result = ZSTD_decompressStream(z.context, &out, &in);
        m_input = m_input.sliced(qsizetype(in.pos));
        if (ZSTD_isError(result)) {
            return fail(layerError(oci::Error::Code::MalformedDocument,
                                   QStringLiteral("corrupt zstd data after %1 compressed bytes: %2")
                                       .arg(m_compressedBytes)
                                       .arg(QString::fromUtf8(ZSTD_getErrorName(result)))));
        }
        z.lastResult = result;
        z.outputFull = out.pos == out.size;
        if (out.pos > 0)
            return produced(QByteArrayView(reinterpret_cast<const char *>(m_out.get()), qsizetype(out.pos)));
    }
}

oci::Result<void> BlobDecoder::finish()
{
    for (;;) {
        oci::Result<QByteArrayView> bytes = next();
        if (!bytes)
            return bytes.error();
        if (bytes->isEmpty())
            break;
    }
    // A verifying source ended: its bytes matched the expected digest.
    m_digest = m_sourceVerifies ? m_expected : m_hasher->finish();
    if (m_diffHasher)
        m_diffId = m_diffHasher->finish();
    if (!m_expected.isNull() && m_digest != m_expected) {
        oci::Error error = layerError(oci::Error::Code::DigestMismatch,
                                      QStringLiteral("the blob hashes to %1, not to its digest")
                                          .arg(m_digest.toString()));
        m_error = error;
        return error;
    }
    return {};
}

} // namespace image
