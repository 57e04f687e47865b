#pragma once

#include "oci/core/digest.h"
#include "oci/core/result.h"

#include <QByteArray>
#include <QByteArrayView>

#include <memory>

namespace image {

// Streaming gzip compression of an uncompressed layer with ISA-L's igzip deflate, one gzip
// member, the output the same for the same input and level (no time or name in the header),
// so a retried push produces the same blob digest. Hashes the output as it passes (the blob's
// digest); the input is the caller's to check (BlobStream verifies the diff ID). Blocking and CPU-bound:
// use on a worker thread. Not copyable; one stream per object.
//
//     image::GzipCompressor gzip;
//     while (more) out += gzip.compress(chunk).value();
//     out += gzip.finish().value();
//     gzip.compressedDigest();
class GzipCompressor final
{
public:
    explicit GzipCompressor(int level = 1); // igzip levels 0-3; 1 is its fast default
    ~GzipCompressor();
    GzipCompressor(const GzipCompressor &) = delete;
    GzipCompressor &operator=(const GzipCompressor &) = delete;

    // The compressed bytes this input produced (often empty: igzip buffers).
    oci::Result<QByteArray> compress(QByteArrayView input);
    // Ends the stream: the last compressed bytes and the trailer.
    oci::Result<QByteArray> finish();

    bool isFinished() const;
    oci::Digest compressedDigest() const; // after finish()
    qint64 compressedSize() const;        // so far
    qint64 inputSize() const;             // so far

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace image
