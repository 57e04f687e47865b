#include "image/layer/compression.h"

namespace image {

Compression detectCompression(QByteArrayView head)
{
    const auto byte = [&head](qsizetype i) { return quint8(head[i]); };
    if (head.size() >= 3 && byte(0) == 0x1f && byte(1) == 0x8b && byte(2) == 0x08)
        return Compression::Gzip;
    if (head.size() >= 4) {
        if (byte(0) == 0x28 && byte(1) == 0xb5 && byte(2) == 0x2f && byte(3) == 0xfd)
            return Compression::Zstd;
        // A skippable frame (5? 2a 4d 18) may lead a zstd stream.
        if ((byte(0) & 0xf0) == 0x50 && byte(1) == 0x2a && byte(2) == 0x4d && byte(3) == 0x18)
            return Compression::Zstd;
    }
    return Compression::None;
}

QString compressionName(Compression compression)
{
    switch (compression) {
    case Compression::Gzip:
        return QStringLiteral("gzip");
    case Compression::Zstd:
        return QStringLiteral("zstd");
    case Compression::None:
        break;
    }
    return QStringLiteral("none");
}

} // namespace image
