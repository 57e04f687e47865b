#include "image/export/exportplan.h"

#include "image/export/exportpaths.h"
#include "image/fs/mergedfilesystem.h"
#include "image/layer/layerindex.h"
#include "image/layer/pathclean.h"

#include <QHash>
#include <QSet>

#include <algorithm>

namespace image {

namespace {

ExportItem itemFrom(const LayerIndex &index, const LayerEntry &entry, QByteArray member)
{
    ExportItem item;
    item.path = std::move(member);
    item.type = entry.type;
    item.mode = entry.mode & 07777;
    item.mtime = entry.mtime;
    item.uid = entry.uid;
    item.gid = entry.gid;
    item.userName = index.userName(entry).toUtf8();
    item.groupName = index.groupName(entry).toUtf8();
    item.devMajor = entry.devMajor;
    item.devMinor = entry.devMinor;
    if (entry.type == EntryType::Symlink)
        item.linkTarget = index.linkTarget(entry).toByteArray();
    return item;
}

// Member name for `path` below the exported `base` (whose own name is `baseName`).
QByteArray memberName(QByteArrayView base, QByteArrayView baseName, QByteArrayView path)
{
    if (base.isEmpty())
        return path.toByteArray();
    QByteArray name = baseName.toByteArray();
    name += path.sliced(base.size());
    return name;
}

bool isBelow(QByteArrayView path, QByteArrayView base)
{
    if (base.isEmpty())
        return !path.isEmpty();
    return path.size() > base.size() && path.startsWith(base) && path.at(base.size()) == '/';
}

} // namespace

ExportPlan planMergedExport(const MergedFilesystem &fs, int node)
{
    ExportPlan plan;
    if (node < 0 || node >= fs.size())
        return plan;
    for (int i = 0; i < fs.layerCount(); ++i)
        plan.layers.append(fs.layer(i).digest());

    const QByteArrayView base = fs.path(node);
    const QByteArrayView baseName = image::baseName(base);
    QList<ExportItem> hardlinks;
    QSet<QByteArray> regularPaths; // merged paths written as regular files

    // Depth first, children by name, so parents precede children and the order is stable.
    QList<int> stack{node};
    while (!stack.isEmpty()) {
        const int n = stack.takeLast();
        const QByteArrayView path = fs.path(n);
        if (!path.isEmpty()) {
            const auto member = safeMemberPath(memberName(base, baseName, path));
            if (!member) {
                plan.skipped.append(fs.displayPath(n));
                continue;
            }
            const MergedNode &m = fs.node(n);
            const LayerEntry *entry = fs.entry(n);
            ExportItem item;
            if (entry) {
                item = itemFrom(fs.layer(m.layer), *entry, *member);
            } else { // implied directory
                item.path = *member;
                item.type = EntryType::Directory;
                item.mode = 0755;
            }
            if (item.type == EntryType::Regular || item.type == EntryType::Hardlink) {
                if (m.contentLayer < 0 || m.contentEntry < 0) {
                    plan.skipped.append(fs.displayPath(n)); // broken hardlink: no bytes
                    continue;
                }
                const LayerEntry &content = fs.layer(m.contentLayer).at(m.contentEntry);
                item.layer = m.contentLayer;
                item.ordinal = content.ordinal;
                item.size = content.size;
                if (item.type == EntryType::Hardlink) {
                    const QByteArray target = fs.layer(m.layer).linkTarget(*entry).toByteArray();
                    item.type = EntryType::Regular;
                    if (isBelow(target, base) || target == base) {
                        // Resolved at the end, when every regular member is known.
                        item.linkTarget = target;
                        hardlinks.append(item);
                        continue;
                    }
                }
                regularPaths.insert(path.toByteArray());
                plan.totalBytes += item.size;
            }
            plan.items.append(std::move(item));
            if (fs.type(n) != EntryType::Directory)
                continue;
        }
        QList<int> children;
        for (int c = fs.node(n).firstChild; c >= 0; c = fs.node(c).nextSibling)
            children.append(c);
        std::sort(children.begin(), children.end(),
                  [&fs](int a, int b) { return fs.name(a) > fs.name(b); }); // popped in order
        stack.append(children);
    }

    for (ExportItem &link : hardlinks) {
        if (regularPaths.contains(link.linkTarget)) {
            link.type = EntryType::Hardlink;
            link.linkTarget = memberName(base, baseName, link.linkTarget);
            link.size = 0;
        } else {
            link.linkTarget.clear(); // target left out: carry the bytes instead
            plan.totalBytes += link.size;
        }
        plan.items.append(std::move(link));
    }
    return plan;
}

ExportPlan planLayerExport(const LayerIndex &index, int entry)
{
    ExportPlan plan;
    if (entry < 0 || entry >= index.size())
        return plan;
    plan.layers.append(index.digest());

    const QByteArrayView base = index.path(entry);
    const QByteArrayView baseName = image::baseName(base);
    const auto excluded = [](const LayerEntry &e) {
        return e.isMarker() || e.has(Superseded) || e.has(UnsafePath);
    };

    // Symlinks of the subtree first: nothing below one of them may be written.
    QSet<QByteArray> symlinks;
    for (int i = 0; i < index.size(); ++i) {
        const LayerEntry &e = index.at(i);
        const QByteArrayView path = index.path(i);
        if (!excluded(e) && e.type == EntryType::Symlink && (path == base || isBelow(path, base)))
            symlinks.insert(path.toByteArray());
    }
    const auto belowSymlink = [&symlinks, base](QByteArrayView path) {
        // Parents of `path` down to `base` (all inside the subtree).
        for (QByteArrayView p = parentPath(path); !p.isEmpty() && p.size() >= base.size();
             p = parentPath(p)) {
            if (symlinks.contains(p.toByteArray()))
                return true;
        }
        return false;
    };

    QList<ExportItem> hardlinks;
    QSet<QByteArray> regularPaths;
    for (int i = 0; i < index.size(); ++i) {
        const LayerEntry &e = index.at(i);
        const QByteArrayView path = index.path(i);
        if (e.isMarker() || e.has(Superseded) || !(path == base || isBelow(path, base)))
            continue;
        if (e.has(UnsafePath)) { // NUL in the name: shown escaped, never written
            plan.skipped.append(index.displayPath(i));
            continue;
        }
        const auto member = safeMemberPath(memberName(base, baseName, path));
        if (path.isEmpty()) // the root entry of a layer: its children carry the names
            continue;
        if (!member || belowSymlink(path)) {
            plan.skipped.append(index.displayPath(i));
            continue;
        }
        ExportItem item = itemFrom(index, e, *member);
        if (e.type == EntryType::Regular) {
            item.layer = 0;
            item.ordinal = e.ordinal;
            item.size = e.size;
            regularPaths.insert(path.toByteArray());
            plan.totalBytes += item.size;
        } else if (e.type == EntryType::Hardlink) {
            const QByteArrayView target = index.linkTarget(e);
            const int t = e.has(UnsafeLink) ? -1 : index.find(target);
            if (t < 0 || index.at(t).type != EntryType::Regular) {
                plan.skipped.append(index.displayPath(i)); // its bytes are in a lower layer
                continue;
            }
            item.type = EntryType::Regular;
            item.layer = 0;
            item.ordinal = index.at(t).ordinal;
            item.size = index.at(t).size;
            item.linkTarget = target.toByteArray();
            hardlinks.append(item);
            continue;
        }
        plan.items.append(std::move(item));
    }
    for (ExportItem &link : hardlinks) {
        if (regularPaths.contains(link.linkTarget)) {
            link.type = EntryType::Hardlink;
            link.linkTarget = memberName(base, baseName, link.linkTarget);
            link.size = 0;
        } else {
            link.linkTarget.clear();
            plan.totalBytes += link.size;
        }
        plan.items.append(std::move(link));
    }
    return plan;
}

} // namespace image
