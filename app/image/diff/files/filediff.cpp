#include "image/diff/files/filediff.h"

#include "image/diff/files/filediffentries.h"
#include "image/fs/mergedfilesystem.h"
#include "image/layer/pathclean.h"

#include <algorithm>
#include <numeric>
#include <vector>

namespace image {

namespace {

// A hardlink is the same inode as its content entry: compared as the regular file it is.
EntryType comparedType(EntryType type)
{
    return type == EntryType::Hardlink ? EntryType::Regular : type;
}

// One side's values without copying strings; `link` views the layer's pool.
FileSide sideOf(const MergedFilesystem &fs, int node, QByteArrayView *link)
{
    const MergedNode &n = fs.node(node);
    FileSide side;
    side.layer = n.layer;
    side.entry = n.entry;
    const LayerEntry *e = fs.entry(node);
    if (!e) {
        side.type = EntryType::Directory;
        side.implied = true;
        side.mode = 0755; // what Docker and umoci create for a missing parent
        return side;
    }
    side.type = e->type;
    side.mode = e->mode;
    side.uid = e->uid;
    side.gid = e->gid;
    side.devMajor = e->devMajor;
    side.devMinor = e->devMinor;
    side.mtime = e->mtime;
    if (e->type == EntryType::Symlink || e->type == EntryType::Hardlink)
        *link = fs.layer(n.layer).linkTarget(*e);
    if (n.contentLayer >= 0) {
        const LayerEntry &c = fs.layer(n.contentLayer).at(n.contentEntry);
        side.contentLayer = n.contentLayer;
        side.contentEntry = n.contentEntry;
        side.ordinal = c.ordinal;
        side.size = c.size;
        side.hashed = c.has(Hashed);
        side.hash = c.hash;
        if (e->type == EntryType::Hardlink) { // one inode: the content entry's metadata
            side.mode = c.mode;
            side.uid = c.uid;
            side.gid = c.gid;
            side.mtime = c.mtime;
        }
    }
    return side;
}

struct Compared
{
    const QList<oci::Digest> &layersA;
    const QList<oci::Digest> &layersB;

    // The same entry of the same blob on both sides: the same bytes, hashed or not.
    bool sameBlobEntry(const FileSide &a, const FileSide &b) const
    {
        if (!a.hasContent() || !b.hasContent() || a.contentEntry != b.contentEntry)
            return false;
        const oci::Digest &da = layersA.value(a.contentLayer);
        return !da.isNull() && da == layersB.value(b.contentLayer);
    }

    FileChangeFlags operator()(const FileSide &a, QByteArrayView linkA, const FileSide &b,
                               QByteArrayView linkB) const
    {
        FileChangeFlags flags;
        const EntryType ta = comparedType(a.type);
        const EntryType tb = comparedType(b.type);
        if (ta != tb) {
            flags |= FileChangeFlag::Type;
        } else if (ta == EntryType::Regular) {
            if (a.size != b.size)
                flags |= FileChangeFlag::Size | FileChangeFlag::Content;
            else if (a.hashed && b.hashed)
                flags.setFlag(FileChangeFlag::Content, a.hash != b.hash);
            else if (!sameBlobEntry(a, b))
                flags |= FileChangeFlag::ContentUnknown;
        } else if (ta == EntryType::Symlink) {
            flags.setFlag(FileChangeFlag::LinkTarget, linkA != linkB);
        } else if (ta == EntryType::CharDevice || ta == EntryType::BlockDevice) {
            flags.setFlag(FileChangeFlag::Device,
                          a.devMajor != b.devMajor || a.devMinor != b.devMinor);
        }
        // A symlink's mode means nothing on Linux (always shown 0777).
        if (ta != EntryType::Symlink && tb != EntryType::Symlink && a.mode != b.mode)
            flags |= FileChangeFlag::Mode;
        if (a.uid != b.uid || a.gid != b.gid)
            flags |= FileChangeFlag::Owner;
        if (!flags && !a.implied && !b.implied && a.mtime != b.mtime)
            flags = FileChangeFlag::MtimeOnly;
        return flags;
    }
};

QList<oci::Digest> layerDigests(const MergedFilesystem &fs)
{
    QList<oci::Digest> digests;
    digests.reserve(fs.layerCount());
    for (int i = 0; i < fs.layerCount(); ++i)
        digests.append(fs.layer(i).digest());
    return digests;
}

FileChange makeChange(QByteArrayView path, FileChangeKind kind)
{
    FileChange change;
    change.path = path.toByteArray();
    change.kind = kind;
    return change;
}

} // namespace

bool FileChange::isDirectory() const
{
    return (kind == FileChangeKind::Removed ? a.type : b.type) == EntryType::Directory;
}

FileDiff diffFilesystems(const MergedFilesystem &a, const MergedFilesystem &b,
                         const FileDiffOptions &options)
{
    FileDiff diff;
    diff.layersA = layerDigests(a);
    diff.layersB = layerDigests(b);
    const Compared compare{diff.layersA, diff.layersB};
    std::vector<FileChange> found;

    // Every path of a: removed, or compared with b's (one hash lookup each). The root (node
    // 0) is not a path.
    for (int na = 1; na < a.size(); ++na) {
        const QByteArrayView path = a.path(na);
        QByteArrayView linkA;
        const int nb = b.find(path);
        if (nb < 0) {
            FileChange change = makeChange(path, FileChangeKind::Removed);
            change.a = sideOf(a, na, &linkA);
            change.a.linkTarget = linkA.toByteArray();
            change.sizeDelta = -change.a.size;
            found.push_back(std::move(change));
            continue;
        }
        QByteArrayView linkB;
        const FileSide sa = sideOf(a, na, &linkA);
        const FileSide sb = sideOf(b, nb, &linkB);
        const FileChangeFlags flags = compare(sa, linkA, sb, linkB);
        if (!flags)
            continue;
        if (flags == FileChangeFlag::MtimeOnly && !options.includeMtimeOnly) {
            ++diff.unlistedMtimeOnly;
            continue;
        }
        FileChange change = makeChange(path, FileChangeKind::Changed);
        change.flags = flags;
        change.a = sa;
        change.a.linkTarget = linkA.toByteArray();
        change.b = sb;
        change.b.linkTarget = linkB.toByteArray();
        change.sizeDelta = sb.size - sa.size;
        found.push_back(std::move(change));
    }
    // Paths only in b.
    for (int nb = 1; nb < b.size(); ++nb) {
        const QByteArrayView path = b.path(nb);
        if (a.find(path) >= 0)
            continue;
        QByteArrayView linkB;
        FileChange change = makeChange(path, FileChangeKind::Added);
        change.b = sideOf(b, nb, &linkB);
        change.b.linkTarget = linkB.toByteArray();
        change.sizeDelta = change.b.size;
        found.push_back(std::move(change));
    }

    // Tree order, sorting indexes rather than moving the changes around.
    std::vector<int> order(found.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&found](int x, int y) {
        return filediff::treeLess(found[size_t(x)].path, found[size_t(y)].path);
    });
    diff.entries.reserve(qsizetype(found.size()));
    for (const int i : order)
        diff.entries.append(std::move(found[size_t(i)]));

    diff.totals.bytesA = a.visibleBytes();
    diff.totals.bytesB = b.visibleBytes();
    diff.totals.pathsA = a.size() - 1;
    diff.totals.pathsB = b.size() - 1;
    filediff::summarize(diff);
    return diff;
}

bool FileDiff::isEmpty() const
{
    return totals.added == 0 && totals.removed == 0 && totals.changed == 0;
}

oci::Digest FileDiff::contentLayerDigest(const FileChange &change, bool sideB) const
{
    const FileSide &side = sideB ? change.b : change.a;
    return side.contentLayer >= 0 ? (sideB ? layersB : layersA).value(side.contentLayer)
                                  : oci::Digest();
}

int FileDiff::indexOf(QByteArrayView path) const
{
    const auto it = std::lower_bound(entries.cbegin(), entries.cend(), path,
                                     [](const FileChange &change, QByteArrayView p) {
                                         return filediff::treeLess(change.path, p);
                                     });
    return it != entries.cend() && it->path == path ? int(it - entries.cbegin()) : -1;
}

namespace filediff {

bool treeLess(QByteArrayView a, QByteArrayView b)
{
    const qsizetype n = qMin(a.size(), b.size());
    for (qsizetype i = 0; i < n; ++i) {
        if (a[i] == b[i])
            continue;
        // '/' first: a directory's contents follow it before any sibling such as `dir-x`.
        const int ka = a[i] == '/' ? 0 : int(quint8(a[i])) + 1;
        const int kb = b[i] == '/' ? 0 : int(quint8(b[i])) + 1;
        return ka < kb;
    }
    return a.size() < b.size();
}

qint64 countedBytes(const FileSide &side)
{
    return side.type == EntryType::Regular ? side.size : 0;
}

void summarize(FileDiff &diff)
{
    FileDiffTotals &totals = diff.totals;
    totals.added = totals.removed = totals.changed = 0;
    totals.mtimeOnly = diff.unlistedMtimeOnly;
    totals.addedBytes = totals.removedBytes = totals.changedBytes = 0;

    // Listed ancestors of the current entry (tree order keeps each subtree contiguous).
    std::vector<int> stack;
    for (int i = 0; i < diff.entries.size(); ++i) {
        FileChange &change = diff.entries[i];
        change.collapsedInto = -1;
        change.collapsedCount = 0;
        change.collapsedBytes = 0;
        switch (change.kind) {
        case FileChangeKind::Added:
            ++totals.added;
            totals.addedBytes += countedBytes(change.b);
            break;
        case FileChangeKind::Removed:
            ++totals.removed;
            totals.removedBytes += countedBytes(change.a);
            break;
        case FileChangeKind::Changed:
            if (change.isMtimeOnly()) {
                ++totals.mtimeOnly;
            } else {
                ++totals.changed;
                totals.changedBytes += countedBytes(change.b) - countedBytes(change.a);
            }
            break;
        }

        const QByteArrayView parent = parentPath(change.path);
        while (!stack.empty()) {
            const QByteArray &top = diff.entries[stack.back()].path;
            if (change.path.size() > top.size() && change.path.startsWith(top)
                && change.path[top.size()] == '/')
                break;
            stack.pop_back();
        }
        if (!stack.empty() && change.kind != FileChangeKind::Changed) {
            // Folded into the parent's line when the parent came or went as a directory on
            // the side this path is on.
            const int p = stack.back();
            const FileChange &up = diff.entries[p];
            const bool added = change.kind == FileChangeKind::Added;
            const bool parentCame = up.kind == FileChangeKind::Added
                || (up.kind == FileChangeKind::Changed && up.flags.testFlag(FileChangeFlag::Type)
                    && up.b.type == EntryType::Directory);
            const bool parentWent = up.kind == FileChangeKind::Removed
                || (up.kind == FileChangeKind::Changed && up.flags.testFlag(FileChangeFlag::Type)
                    && up.a.type == EntryType::Directory);
            if (up.path == parent && (added ? parentCame : parentWent)) {
                const int top = up.collapsedInto >= 0 ? up.collapsedInto : p;
                change.collapsedInto = top;
                FileChange &head = diff.entries[top];
                ++head.collapsedCount;
                head.collapsedBytes += countedBytes(added ? change.b : change.a);
            }
        }
        stack.push_back(i);
    }
}

} // namespace filediff
} // namespace image
