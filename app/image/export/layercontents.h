#pragma once

#include "oci/core/result.h"

#include <QByteArrayView>
#include <QList>
#include <QString>

#include <functional>

namespace image {

// Where a layer blob's bytes are on disk: a whole file (the layer cache's blob store) or a
// stretch of one (a layer inside a local tarball).
struct BlobLocation
{
    QString path;
    qint64 offset = 0;
    qint64 length = -1; // -1: to the end of the file
};

// Called for each wanted entry, in archive order: begin (with the size the tar gives), the
// bytes in chunks, end. An error from a callback stops the stream and is returned.
struct ContentSink
{
    std::function<oci::Result<void>(quint32 ordinal, qint64 size)> begin;
    std::function<oci::Result<void>(QByteArrayView chunk)> data;
    std::function<oci::Result<void>()> end;
};

// Streams the regular files at `ordinals` (LayerEntry::ordinal) of one layer blob in a single
// pass: gzip, zstd or plain tar told by content, libarchive's tar reader, stops after the last
// wanted entry. Blobs read here were verified when they were stored, so no digest check.
// Worker thread only. `cancelled` is polled between chunks (Cancelled error).
oci::Result<void> streamLayerFiles(const BlobLocation &blob, QList<quint32> ordinals,
                                   const ContentSink &sink,
                                   const std::function<bool()> &cancelled = {});

} // namespace image
