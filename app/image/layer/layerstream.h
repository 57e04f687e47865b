#pragma once

#include "image/layer/layerindex.h"
#include "oci/core/digest.h"
#include "oci/core/result.h"

#include <QByteArray>

#include <functional>

namespace image {

class ByteSource;

// Caps for hostile layers (oci-client-notes §6.1). Exceeding one is an error naming the
// layer, not a crash, a hang or an unbounded allocation.
struct ReadLimits
{
    qint64 maxTarBytes = qint64(64) * 1024 * 1024 * 1024; // decompressed bytes (gzip bombs)
    // Past `ratioFloorBytes`, at most `maxRatio` tar bytes per compressed byte. Deflate
    // cannot pass ~1032:1, so this stops zstd bombs (millions to one) long before the cap.
    qint64 maxRatio = 5000;
    qint64 ratioFloorBytes = qint64(1024) * 1024 * 1024;
    qint64 maxEntries = 4'000'000;
    qint64 maxPathBytes = 64 * 1024;                       // one path or link target
};

struct ReadOptions
{
    ReadLimits limits;
    bool hashContents = true;  // SHA-256 of every regular file (LayerEntry::hash)
    bool computeDiffId = false; // SHA-256 of the whole tar (compare with rootfs.diff_ids)
    int batchEntries = 4096;   // partial index every this many entries (0: no batches) ...
    int batchMs = 100;         // ... or after this long, whichever comes first
};

// `batch` is called on the thread that called readLayerIndex(); `progress` and `cancelled`
// also on its decoding helper thread (make them thread-safe). `cancelled` is polled between
// chunks and entries.
struct ReadCallbacks
{
    std::function<void(qint64 compressedBytes, qint64 totalBytes)> progress;
    std::function<void(const LayerIndex &batch)> batch;
    std::function<bool()> cancelled;
};

// Reads a whole layer blob synchronously (call it on a worker thread; it runs the reading and
// inflating on a helper thread of its own, overlapped with tar parsing): compression told by
// content (gzip incl. multi-member via ISA-L, zstd, plain tar), tar parsed by libarchive,
// everything after the end-of-archive blocks read and discarded, and the compressed bytes
// verified against `digest` (DigestMismatch when they differ; a null digest skips it).
// Errors name the layer (Error::object() = digest): truncated streams, bad tar checksums,
// caps exceeded, Cancelled.
oci::Result<LayerIndex> readLayerIndex(ByteSource &source, const oci::Digest &digest,
                                       const ReadOptions &options = {},
                                       const ReadCallbacks &callbacks = {});

// A slice of one file of a layer.
struct FileSlice
{
    QByteArray bytes;
    qint64 offset = 0;    // where `bytes` start in the file
    qint64 fileSize = 0;  // the whole file
    bool atEnd() const { return offset + bytes.size() >= fileSize; }
};

// Reads at most `maxBytes` of the regular file at `ordinal` (LayerEntry::ordinal), starting
// at `offset`, and stops there: no reading to the end, so no digest check — use it on
// blobs that were verified when stored (LayerCache's blob store). Not a regular file, or
// no such ordinal: InvalidArgument. A hardlink: read its target's ordinal instead
// (LayerIndex::find(linkTarget)).
oci::Result<FileSlice> readLayerFile(ByteSource &source, quint32 ordinal, qint64 offset,
                                     qint64 maxBytes, const ReadLimits &limits = {},
                                     const std::function<bool()> &cancelled = {});

} // namespace image
