#pragma once

#include "image/layer/layerentry.h"
#include "oci/core/digest.h"

#include <QByteArray>
#include <QFlags>
#include <QList>
#include <QString>
#include <QStringList>

class QJsonObject;

namespace image {

class MergedFilesystem;

// The two merged filesystems compared path by path (issue 7, "Files"): what a person asks
// of two tags — which files were added, removed or changed, and how. Values only; the job
// builds both trees on a worker and calls diffFilesystems() there; ladingctl and the GUI
// show the same FileDiff (toJson(), describe(), or the fields themselves).
//
//     const image::FileDiff diff = image::diffFilesystems(fsA, fsB);
//     for (const image::FileChange &c : diff.entries)        // tree order
//         if (c.collapsedInto < 0) show(c);                   // one line per added dir
//     image::FileDiffFilter filter;
//     filter.includeGlobs = {"usr/lib/**"};
//     const image::FileDiff shown = image::filtered(diff, filter);

enum class FileChangeKind : quint8 {
    Added,   // only in b
    Removed, // only in a
    Changed, // in both, with `flags` saying what differs
};

// What differs for a Changed path. Type replaces the others that make no sense across
// types (content, size, link target); mode and owner are still compared.
enum class FileChangeFlag : quint16 {
    Content = 0x0001,    // regular files: the SHA-256 of the bytes differs (never by mtime)
    Size = 0x0002,       // regular files: the byte count differs
    Mode = 0x0004,       // permission bits incl. setuid/setgid/sticky (not for symlinks)
    Owner = 0x0008,      // numeric uid or gid
    LinkTarget = 0x0010, // symlinks: the target as written
    Type = 0x0020,       // file ↔ directory ↔ symlink ↔ device... (a hardlink counts as a file)
    Device = 0x0040,     // device nodes: major/minor numbers
    MtimeOnly = 0x0080,  // everything equal but the mtime: noise, hidden unless asked for
    // Regular files whose content cannot be compared (an index read without hashing, or a
    // broken hardlink) and whose sizes agree: listed rather than called the same.
    ContentUnknown = 0x0100,
};
Q_DECLARE_FLAGS(FileChangeFlags, FileChangeFlag)
Q_DECLARE_OPERATORS_FOR_FLAGS(FileChangeFlags)

// One side of a path: what is needed to show it and to fetch its bytes.
struct FileSide
{
    EntryType type = EntryType::Directory; // as merged: Hardlink stays Hardlink here
    bool implied = false;      // a directory no layer declared (mode 0755, owner 0:0 assumed)
    bool hashed = false;       // `hash` holds the SHA-256 of the content
    quint32 mode = 0;          // 07777 bits; a hardlink shows its content entry's (same inode)
    quint32 uid = 0;
    quint32 gid = 0;
    quint32 devMajor = 0;
    quint32 devMinor = 0;
    qint64 size = 0;           // content bytes (a hardlink: its target's)
    qint64 mtime = 0;
    ContentHash hash{};
    QByteArray linkTarget;     // symlink: target as written; hardlink: target path (raw)
    qint32 layer = -1;         // the layer (of this side's image) that last wrote the path
    qint32 entry = -1;         // its entry in that layer's index (-1: implied)
    // Regular files and hardlinks: the entry holding the bytes, for readLayerFile /
    // LayerCache::readFile(layerDigest, ordinal, …). -1 otherwise (or a broken hardlink).
    qint32 contentLayer = -1;
    qint32 contentEntry = -1;
    quint32 ordinal = 0;       // of the content entry in its layer's tar

    bool isFile() const { return type == EntryType::Regular || type == EntryType::Hardlink; }
    bool hasContent() const { return contentLayer >= 0; }
};

struct FileChange
{
    QByteArray path;           // raw cleaned bytes (displayPath() for text)
    FileChangeKind kind = FileChangeKind::Changed;
    FileChangeFlags flags;     // Changed only
    FileSide a;                // valid unless Added
    FileSide b;                // valid unless Removed
    qint64 sizeDelta = 0;      // b.size - a.size (Added: +size, Removed: -size)
    // Display collapsing: the index (in the same FileDiff's entries) of the topmost listed
    // directory this path lies under that was itself added or removed (or replaced by or
    // replacing a directory), -1 when this path is its own line.
    int collapsedInto = -1;
    int collapsedCount = 0;    // for a line others collapse into: how many do
    qint64 collapsedBytes = 0; // and their regular files' bytes (hardlinks not again)

    bool isMtimeOnly() const { return flags == FileChangeFlag::MtimeOnly; }
    bool isDirectory() const;  // the side that exists (b when both) is a directory
};

struct FileDiffTotals
{
    int added = 0;             // paths listed, directories included
    int removed = 0;
    int changed = 0;           // mtime-only paths not included
    int mtimeOnly = 0;         // paths differing only by mtime, listed or not
    qint64 addedBytes = 0;     // regular files' bytes (hardlinks not counted again)
    qint64 removedBytes = 0;
    qint64 changedBytes = 0;   // sum of the changed files' size deltas (b - a)
    // The whole trees (MergedFilesystem::visibleBytes, size()-1); not affected by filters.
    qint64 bytesA = 0;
    qint64 bytesB = 0;
    int pathsA = 0;
    int pathsB = 0;

    qint64 netBytes() const { return addedBytes - removedBytes + changedBytes; }
};

struct FileDiffOptions
{
    // List the paths that differ only by mtime (they are counted either way).
    bool includeMtimeOnly = false;
};

struct FileDiff
{
    QList<FileChange> entries;   // tree order: a directory before its contents
    FileDiffTotals totals;
    // Each side's layers (the blob digests of the indexes; null when unknown): FileSide's
    // layer/contentLayer index these.
    QList<oci::Digest> layersA;
    QList<oci::Digest> layersB;
    // mtime-only paths counted in totals.mtimeOnly but not in `entries`.
    int unlistedMtimeOnly = 0;

    // No path added, removed or changed (mtime-only differences do not count).
    bool isEmpty() const;
    // The digest of the blob holding `side`'s bytes (null when none / unknown).
    oci::Digest contentLayerDigest(const FileChange &change, bool sideB) const;
    // Index of `path` in entries, -1 when not listed. O(log n).
    int indexOf(QByteArrayView path) const;

    QJsonObject toJson() const;
    // One line per listed path ("+ etc/new.conf (12 B)", "~ bin/sh: link target busybox →
    // dash"); `collapse`: paths under an added/removed directory folded into its line
    // ("+ usr/share/doc/ (120 entries inside, 3.4 MiB)").
    QStringList describe(bool collapse = false) const;
};

// a → b, path by path over the union, O(paths) with the trees' own hash lookups (then a
// sort of the differences for tree order). Call it on a worker thread.
FileDiff diffFilesystems(const MergedFilesystem &a, const MergedFilesystem &b,
                         const FileDiffOptions &options = {});

// English for one change, as FileDiff::describe() prints it.
QString describeChange(const FileChange &change);
// "12 B", "1.2 KiB", "3.4 MiB" (binary units, one decimal past bytes).
QString describeFileSize(qint64 bytes);
// Stable names for JSON and the command line: "added", "content", "mtime-only", "file"...
QString fileChangeKindName(FileChangeKind kind);
QStringList fileChangeFlagNames(FileChangeFlags flags);
QString fileTypeName(EntryType type);

} // namespace image
