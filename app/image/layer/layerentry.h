#pragma once

#include <QtGlobal>

#include <array>

namespace image {

// What a tar entry of a layer is. Whiteout and Opaque are not files: they are the markers
// `dir/.wh.name` (hides `dir/name` of the layers below) and `dir/.wh..wh..opq` (hides
// everything below `dir` from the layers below); their entry's path is the path they hide
// (`dir/name`) or the opaque directory (`dir`), never the marker's own name.
enum class EntryType : quint8 {
    Regular,
    Directory,
    Symlink,
    Hardlink,
    CharDevice,
    BlockDevice,
    Fifo,
    Whiteout,
    Opaque,
};

// Per-entry findings. Unsafe* entries are shown (escaped) but never applied to the merged
// tree and never written to disk.
enum EntryFlag : quint16 {
    NoEntryFlags = 0,
    UnsafePath = 0x0001,      // the name still leaves the root after cleaning (`../x`) or held NUL
    AbsoluteName = 0x0002,    // the tar name started with '/' (normal in some layers; stripped)
    NotUtf8 = 0x0004,         // the path is not valid UTF-8 (shown with \xNN escapes)
    Superseded = 0x0008,      // a later entry of the same layer has the same path (last wins)
    SameLayerWhiteout = 0x0010, // a whiteout whose target appears earlier in this layer: Docker
                                // deletes that entry, the image spec keeps it (we keep it; flagged)
    InvalidWhiteout = 0x0020, // bare `.wh.`, or other `.wh..wh.*` AUFS metadata: ignored
    UnsafeLink = 0x0040,      // a hardlink target that leaves the root or held NUL
    HasXattrs = 0x0080,       // extended attributes (e.g. security.capability)
    Sparse = 0x0100,          // GNU/PAX sparse file
    Hashed = 0x0200,          // `hash` holds the SHA-256 of the content
};
using EntryFlags = quint16;

// SHA-256 of a regular file's bytes, computed while the layer is indexed (OpenSSL EVP;
// SHA-NI makes it ~1.4 GB/s here, faster than the inflate in front of it). The same value
// `sha256sum` gives, so diffs across images and tools agree.
using ContentHash = std::array<quint8, 32>;

// One tar entry, as compact as it goes (~88 bytes; 100,000 entries ≈ 9 MB). Strings live in
// the owning LayerIndex's pool: ask the index for path(), linkTarget(), userName().
struct LayerEntry
{
    ContentHash hash{};      // valid when flags & Hashed (Regular only)
    qint64 size = 0;         // content bytes (Regular; 0 for everything else, hardlinks too)
    qint64 mtime = 0;        // seconds since the epoch
    quint32 pathOffset = 0;  // into the index's pool; see LayerIndex::path()
    quint32 pathLength = 0;
    quint32 linkOffset = 0;  // symlink target as written, or cleaned hardlink target path
    quint32 linkLength = 0;
    quint32 ordinal = 0;     // position among the tar's entries (0-based, as libarchive
                             // returns them: PAX/GNU extension headers are not counted)
    quint32 mode = 0;        // permission bits with setuid/setgid/sticky (07777), no type
    quint32 uid = 0;
    quint32 gid = 0;
    quint32 devMajor = 0;    // CharDevice/BlockDevice
    quint32 devMinor = 0;
    quint16 userName = 0;    // index into the index's name table; 0 = none given
    quint16 groupName = 0;
    EntryType type = EntryType::Regular;
    EntryFlags flags = NoEntryFlags;

    bool isMarker() const { return type == EntryType::Whiteout || type == EntryType::Opaque; }
    bool isDirectory() const { return type == EntryType::Directory; }
    bool has(EntryFlag flag) const { return (flags & flag) != 0; }
};

// One letter per type, as `ls -l` and `ladingctl files` print it: - d l h c b p w o.
char entryTypeLetter(EntryType type);

} // namespace image
