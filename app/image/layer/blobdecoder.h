#pragma once

#include "image/layer/compression.h"
#include "image/layer/layerstream.h"
#include "oci/core/digest.h"
#include "oci/core/result.h"

#include <QByteArray>
#include <QByteArrayView>

#include <functional>
#include <memory>
#include <optional>

namespace image {

class ByteSource;

// Internal to the layer reader: compressed blob bytes in, tar bytes out. Pulls chunks from
// a ByteSource, hashes them as they pass (the blob digest; not when the source verifies
// them itself, ByteSource::verifiesDigest()), tells the compression by the
// first bytes and inflates with ISA-L (gzip, member after member) or libzstd, or passes
// plain tar through untouched. Caps the decompressed size. Errors are sticky.
class BlobDecoder final
{
public:
    BlobDecoder(ByteSource &source, const oci::Digest &expected, const ReadLimits &limits,
                bool computeDiffId, const ReadCallbacks *callbacks);
    ~BlobDecoder();
    BlobDecoder(const BlobDecoder &) = delete;
    BlobDecoder &operator=(const BlobDecoder &) = delete;

    // The next decompressed bytes (valid until the next call); empty at the end of the blob.
    oci::Result<QByteArrayView> next();
    // Reads the rest of the blob (bytes after the tar's end blocks belong to the digest),
    // then checks the digest. Call once, after the tar reader saw the end.
    oci::Result<void> finish();

    Compression compression() const { return m_compression; }
    qint64 compressedBytes() const { return m_compressedBytes; }
    qint64 tarBytes() const { return m_tarBytes; }
    const oci::Digest &digest() const { return m_digest; }   // after finish()
    const oci::Digest &diffId() const { return m_diffId; }   // after finish(), if asked for

    // An error naming the layer (object = digest, when known).
    oci::Error layerError(oci::Error::Code code, const QString &message) const;

private:
    oci::Result<QByteArrayView> pullInput();
    oci::Result<void> start();
    oci::Result<QByteArrayView> nextGzip();
    oci::Result<QByteArrayView> nextZstd();
    oci::Result<QByteArrayView> produced(QByteArrayView bytes);
    oci::Result<QByteArrayView> fail(oci::Error error);

    ByteSource &m_source;
    oci::Digest m_expected;
    ReadLimits m_limits;
    const ReadCallbacks *m_callbacks;
    std::unique_ptr<oci::DigestHasher> m_hasher;
    std::unique_ptr<oci::DigestHasher> m_diffHasher;
    Compression m_compression = Compression::None;
    bool m_sourceVerifies = false; // the source checks the expected digest: no hashing here
    bool m_started = false;
    bool m_inputEnded = false;
    bool m_done = false;
    std::optional<oci::Error> m_error;
    qint64 m_compressedBytes = 0;
    qint64 m_tarBytes = 0;
    qint64 m_total = -1;
    oci::Digest m_digest;
    oci::Digest m_diffId;

    QByteArray m_head;      // the first bytes, kept while telling the compression
    QByteArrayView m_input; // compressed bytes not yet consumed
    std::unique_ptr<unsigned char[]> m_out;

    struct Gzip;
    std::unique_ptr<Gzip> m_gzip;
    struct Zstd;
    std::unique_ptr<Zstd> m_zstd;
};

} // namespace image
