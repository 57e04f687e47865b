#pragma once

#include "image/layer/bytesource.h"
#include "oci/core/digest.h"
#include "oci/core/result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <memory>

namespace image {

namespace source {
class SequentialInput;
}

// One blob of a local image, read in place (a file of a layout folder, a member of a tar,
// or re-inflated from a gzip'ed tar) and verified as it passes: SHA-256 (or SHA-512) of the
// bytes against the digest, and the length against the expected size. Blocking: use it on
// a worker thread. Not copyable; one reader.
//
// read() returns the next chunk (valid until the next call), an empty view at the end —
// only once size and digest checked out — or an error naming the archive, the member and
// the problem (DigestMismatch, Io "truncated", ...). A consumer must treat the bytes it was
// given as unverified until read() returned the empty view. A ByteSource, so the layer
// reader takes it as it is: image::readLayerIndex(*stream, digest).
class BlobStream final : public ByteSource
{
public:
    BlobStream(std::unique_ptr<source::SequentialInput> input, oci::Digest digest, qint64 size,
               QString object, QString mismatchText);
    ~BlobStream() override;
    BlobStream(const BlobStream &) = delete;
    BlobStream &operator=(const BlobStream &) = delete;

    oci::Result<QByteArrayView> read() override;
    qint64 size() const override { return m_size; }

    const oci::Digest &digest() const { return m_digest; }
    qint64 bytesRead() const { return m_done; }
    bool atEnd() const { return m_finished; }

private:
    std::unique_ptr<source::SequentialInput> m_input;
    oci::Digest m_digest;
    qint64 m_size;
    QString m_object;       // "<archive>: <member>"
    QString m_mismatchText; // what a mismatch means here ("does not match rootfs.diff_ids[1]")
    oci::DigestHasher m_hasher;
    QByteArray m_buffer;
    qint64 m_done = 0;
    bool m_finished = false;
};

} // namespace image
