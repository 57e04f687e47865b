#pragma once

#include <QByteArrayView>
#include <QString>

namespace image {

// How a layer blob is compressed, told by its first bytes (never by media type alone:
// registries and tools mislabel layers).
enum class Compression : quint8 {
    None, // plain tar (or something that is not gzip/zstd; the tar reader decides)
    Gzip, // 1f 8b 08 — possibly several members one after the other
    Zstd, // 28 b5 2f fd (a zstd frame), or a skippable frame 5? 2a 4d 18 in front of one
};

// Needs at most the first 4 bytes; fewer bytes than a magic are `None`.
Compression detectCompression(QByteArrayView head);
// "gzip", "zstd", "none" (for tables and `ladingctl layers`).
QString compressionName(Compression compression);

} // namespace image
