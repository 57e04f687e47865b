#pragma once

// Internal to app/image/source: one pass over the outer tar of an image archive (ustar,
// GNU long names, PAX path/linkpath/size), recording where every member's bytes are.
// This is the archive's table of contents, not a layer reader: names must be plain
// relative paths; `..`, absolute names and NUL bytes refuse the whole archive.

#include "oci/core/result.h"

#include <QByteArray>
#include <QHash>
#include <QList>

#include <functional>

namespace image::source {

class SequentialInput;

struct TarMember
{
    enum class Type : quint8 { Regular, Directory, Symlink, Hardlink, Other };

    QByteArray name;       // cleaned: no leading "./", no trailing '/', no "." components
    Type type = Type::Other;
    qint64 offset = 0;     // where the data starts in the (decompressed) tar stream
    qint64 size = 0;
    QByteArray linkTarget; // as written, for links
    QByteArray head;       // the first bytes of a regular member (up to 8): compression sniffing
    QByteArray bytes;      // the whole member, when the scan kept it (small documents)
    bool kept = false;
};

struct TarIndex
{
    QList<TarMember> members;
    QHash<QByteArray, qsizetype> byName; // name -> index in members
    qint64 streamSize = 0;                // bytes of the tar stream read

    const TarMember *find(QByteArrayView name) const;
};

struct TarScanOptions
{
    // Which regular members to keep in memory (called with the cleaned name and size),
    // within the caps below. Used for gzip'ed archives, where going back costs a re-read.
    std::function<bool(const QByteArray &name, qint64 size)> keep;
    qint64 keepTotalBytes = 64 * 1024 * 1024;
    qint64 maxMembers = 1'000'000;
    // Read to the end of the input after the end-of-archive marker (a gzip stream must be
    // read to its end for its CRC to be checked).
    bool drain = false;
};

// Errors are Io/MalformedDocument with `path` as the object: not a tar, bad header
// checksum, truncated, unsafe member names, duplicates, too many members.
oci::Result<TarIndex> scanTar(SequentialInput &input, const QString &path, const TarScanOptions &options);

// Cleans one member name; false when it is absolute, holds `..` or NUL.
bool cleanMemberName(QByteArrayView raw, QByteArray &out);

} // namespace image::source
