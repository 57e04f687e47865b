#include "image/fs/mergedfilesystem.h"

#include "image/layer/pathclean.h"
#include "image/layer/pathtable.h"

#include <QHash>
#include <QSet>

#include <deque>
#include <vector>

namespace image {

struct MergedFilesystem::Data
{
    QList<LayerIndex> layers;
    std::vector<MergedNode> nodes;
    std::vector<QByteArrayView> paths; // views into the layers' pools (kept alive by `layers`)
    PathTable lookup;
    std::vector<std::vector<Change>> changes;      // per layer, per entry
    std::vector<QHash<int, qint64>> hidden;        // per layer: marker entry -> bytes hidden
    QList<Removal> removals;
    std::vector<QByteArrayView> removalPaths;
    std::deque<QByteArray> ownedPaths; // paths re-rooted through symlinks (stable storage)
    qint64 visibleBytes = 0;
};

namespace {

qint64 contentKey(qint32 layer, qint32 entry)
{
    return (qint64(layer) << 32) | quint32(entry);
}

} // namespace

// Stacks layers onto one tree. Nodes die when removed and are compacted away at the end;
// children are doubly linked so that removing one is O(1) and every node is visited a
// bounded number of times: O(total entries) overall.
class MergeBuilder
{
public:
    explicit MergeBuilder(MergedFilesystem::Data &data) : d(data)
    {
        newNode(QByteArrayView(), -1, -1, -1, Change::None, NoMergedFlags); // root
        d.nodes[0].parent = -1;
    }

    void applyLayer(int n);
    void finish();

private:
    int newNode(QByteArrayView path, int parent, int layer, int entry, Change change, quint8 flags)
    {
        const int id = int(d.nodes.size());
        MergedNode node;
        node.parent = parent;
        node.layer = layer;
        node.entry = entry;
        node.change = change;
        node.flags = flags;
        d.nodes.push_back(node);
        d.paths.push_back(path);
        m_prev.push_back(-1);
        m_alive.push_back(true);
        if (parent >= 0) {
            MergedNode &p = d.nodes[size_t(parent)];
            d.nodes[size_t(id)].nextSibling = p.firstChild;
            if (p.firstChild >= 0)
                m_prev[size_t(p.firstChild)] = id;
            p.firstChild = id;
        }
        m_map.insert(path, id);
        return id;
    }

    bool isDirectory(int id) const
    {
        const MergedNode &node = d.nodes[size_t(id)];
        return node.entry < 0 || d.layers[node.layer].at(node.entry).type == EntryType::Directory;
    }

    void unlink(int id)
    {
        MergedNode &node = d.nodes[size_t(id)];
        const int prev = m_prev[size_t(id)];
        if (prev >= 0)
            d.nodes[size_t(prev)].nextSibling = node.nextSibling;
        else if (node.parent >= 0)
            d.nodes[size_t(node.parent)].firstChild = node.nextSibling;
        if (node.nextSibling >= 0)
            m_prev[size_t(node.nextSibling)] = prev;
        node.nextSibling = -1;
        m_prev[size_t(id)] = -1;
    }

    // Removes `id` and everything below it; returns the regular-file bytes removed.
    qint64 removeSubtree(int id, int byLayer, Removal::Reason reason)
    {
        unlink(id);
        qint64 bytes = 0;
        m_stack.clear();
        m_stack.push_back(id);
        while (!m_stack.empty()) {
            const int current = m_stack.back();
            m_stack.pop_back();
            const MergedNode &node = d.nodes[size_t(current)];
            for (int c = node.firstChild; c >= 0; c = d.nodes[size_t(c)].nextSibling)
                m_stack.push_back(c);
            m_alive[size_t(current)] = false;
            const QByteArrayView path = d.paths[size_t(current)];
            m_map.remove(path);
            m_removedHere.insert(path, 1);
            if (node.contentLayer >= 0 && d.nodes[size_t(current)].entry >= 0
                && d.layers[node.layer].at(node.entry).type == EntryType::Regular)
                bytes += d.layers[node.contentLayer].at(node.contentEntry).size;
            record(node.layer, node.entry, path, byLayer, reason);
        }
        return bytes;
    }

    void record(int layer, int entry, QByteArrayView path, int byLayer, Removal::Reason reason)
    {
        Removal removal;
        removal.layer = layer;
        removal.entry = entry;
        removal.removedBy = byLayer;
        removal.reason = reason;
        d.removals.append(removal);
        d.removalPaths.push_back(path);
    }

    // The directory node for `path`'s parent, creating implied directories; a non-directory
    // in the way is replaced by an implied directory. Iterative: paths can be deep.
    int ensureParent(QByteArrayView path, int layer)
    {
        QByteArrayView p = parentPath(path);
        m_missing.clear();
        int base = 0;
        while (!p.isEmpty()) {
            const int existing = m_map.value(p, -1);
            if (existing >= 0 && isDirectory(existing)) {
                base = existing;
                break;
            }
            m_missing.push_back(p);
            p = parentPath(p);
        }
        for (auto it = m_missing.rbegin(); it != m_missing.rend(); ++it) {
            const QByteArrayView q = *it;
            const int existing = m_map.value(q, -1);
            Change change = m_removedHere.contains(q) ? Change::Modified : Change::Added;
            if (existing >= 0) {
                if (d.nodes[size_t(existing)].layer < layer)
                    change = Change::Modified;
                removeSubtree(existing, layer, Removal::Reason::Replaced);
            }
            base = newNode(q, base, layer, -1, change, Implied);
        }
        return base;
    }

    // §5.2 step 6: a parent component that is a symlink in the tree is followed inside the
    // image root (absolute targets re-rooted, `..` clamped at the root, ≤ 40 hops), as
    // Docker and umoci do: `dir -> /etc` then `dir/passwd` writes etc/passwd. Cheap when no
    // symlink is involved: an existing parent directory proves no ancestor is a symlink.
    QByteArrayView resolveParents(QByteArrayView path, bool *through)
    {
        *through = false;
        const QByteArrayView parent = parentPath(path);
        if (parent.isEmpty())
            return path;
        const int direct = m_map.value(parent, -1);
        if (direct >= 0 && isDirectory(direct))
            return path;
        QByteArray current = path.toByteArray();
        for (int hops = 0; hops <= 40;) {
            bool followed = false;
            for (qsizetype k = current.indexOf('/'); k > 0; k = current.indexOf('/', k + 1)) {
                const QByteArrayView prefix = QByteArrayView(current).first(k);
                const int node = m_map.value(prefix, -1);
                if (node < 0 || !isSymlink(node)) {
                    if (node >= 0 && isDirectory(node))
                        continue;
                    break; // nothing there (nothing deeper either), or a file in the way
                }
                if (++hops > 40)
                    break;
                const MergedNode &link = d.nodes[size_t(node)];
                const QByteArrayView target =
                    d.layers[link.layer].linkTarget(d.layers[link.layer].at(link.entry));
                QByteArray joined;
                if (!target.startsWith('/'))
                    joined = parentPath(prefix).toByteArray() + '/';
                joined.append(target.data(), target.size());
                QByteArray resolved = cleanLayerPath(joined);
                while (resolved == ".." || resolved.startsWith("../"))
                    resolved.remove(0, resolved.size() > 2 ? 3 : 2); // `..` stops at the root
                const QByteArray rest = current.sliced(k + 1);
                current = resolved.isEmpty() ? rest : resolved + '/' + rest;
                *through = true;
                followed = true;
                break;
            }
            if (!followed)
                break;
        }
        if (!*through)
            return path;
        d.ownedPaths.push_back(current);
        return d.ownedPaths.back();
    }

    bool isSymlink(int id) const
    {
        const MergedNode &node = d.nodes[size_t(id)];
        return node.entry >= 0 && d.layers[node.layer].at(node.entry).type == EntryType::Symlink;
    }

    Change compare(const MergedNode &old, int layer, int entry) const
    {
        if (old.entry < 0)
            return d.layers[layer].at(entry).type == EntryType::Directory ? Change::Unchanged
                                                                          : Change::Modified;
        const LayerIndex &oldIndex = d.layers[old.layer];
        const LayerIndex &newIndex = d.layers[layer];
        const LayerEntry &a = oldIndex.at(old.entry);
        const LayerEntry &b = newIndex.at(entry);
        if (a.type != b.type || a.mode != b.mode || a.uid != b.uid || a.gid != b.gid
            || a.size != b.size || a.devMajor != b.devMajor || a.devMinor != b.devMinor
            || oldIndex.linkTarget(a) != newIndex.linkTarget(b))
            return Change::Modified;
        if (a.type == EntryType::Regular
            && (!a.has(Hashed) || !b.has(Hashed) || a.hash != b.hash))
            return Change::Modified;
        return Change::Unchanged;
    }

    MergedFilesystem::Data &d;
    PathTable m_map;
    std::vector<int> m_prev;
    std::vector<bool> m_alive;
    std::vector<int> m_stack;
    std::vector<QByteArrayView> m_missing;
    PathTable m_removedHere; // paths removed while applying the current layer (value unused)
};

void MergeBuilder::applyLayer(int n)
{
    const LayerIndex &index = d.layers[n];
    std::vector<Change> &changes = d.changes[size_t(n)];
    changes.assign(size_t(index.size()), Change::None);
    QHash<int, qint64> &hidden = d.hidden[size_t(n)];
    m_removedHere.clear();

    // 1. Markers hide what the layers below hold, wherever they stand in the archive.
    for (int i = 0; i < index.size(); ++i) {
        const LayerEntry &e = index.at(i);
        if (!e.isMarker())
            continue;
        if (e.has(UnsafePath)) {
            changes[size_t(i)] = Change::NoEffect;
            continue;
        }
        // Markers under a symlinked parent act where the link leads, like Docker's.
        bool through = false;
        const QByteArrayView path = resolveParents(index.path(i), &through);
        const int node = m_map.value(path, -1);
        if (e.type == EntryType::Opaque) {
            changes[size_t(i)] = Change::Opaque;
            if (node < 0 || !isDirectory(node))
                continue;
            qint64 bytes = 0;
            while (d.nodes[size_t(node)].firstChild >= 0)
                bytes += removeSubtree(d.nodes[size_t(node)].firstChild, n, Removal::Reason::Opaque);
            hidden[i] += bytes;
        } else if (node > 0) {
            changes[size_t(i)] = Change::Removed;
            hidden[i] += removeSubtree(node, n, Removal::Reason::Whiteout);
        } else {
            changes[size_t(i)] = Change::NoEffect;
        }
    }

    // 2. Additions in archive order.
    std::vector<int> hardlinks;
    for (int i = 0; i < index.size(); ++i) {
        const LayerEntry &e = index.at(i);
        if (e.isMarker())
            continue;
        const QByteArrayView entryPath = index.path(i);
        if (e.has(InvalidWhiteout) || e.has(UnsafePath) || entryPath.isEmpty()
            || (e.type == EntryType::Hardlink && e.has(UnsafeLink))) {
            changes[size_t(i)] = Change::NoEffect;
            if (e.type == EntryType::Regular && !entryPath.isEmpty())
                record(n, i, entryPath, n, Removal::Reason::Unapplied);
            continue;
        }
        if (e.has(Superseded)) {
            changes[size_t(i)] = Change::NoEffect;
            if (e.type == EntryType::Regular)
                record(n, i, entryPath, n, Removal::Reason::Duplicate);
            continue;
        }
        bool through = false;
        const QByteArrayView path = resolveParents(entryPath, &through);
        if (path.isEmpty()) { // a symlink led back to the root itself
            changes[size_t(i)] = Change::NoEffect;
            if (e.type == EntryType::Regular)
                record(n, i, entryPath, n, Removal::Reason::Unapplied);
            continue;
        }
        const int parent = ensureParent(path, n);
        const int existing = m_map.value(path, -1);
        int id = -1;
        if (existing >= 0 && isDirectory(existing) && e.type == EntryType::Directory) {
            MergedNode &node = d.nodes[size_t(existing)];
            const bool below = node.layer < n;
            const Change change = below ? compare(node, n, i)
                                        : (node.change == Change::None ? Change::Added : node.change);
            node.layer = n;
            node.entry = i;
            node.change = change;
            node.flags &= quint8(~Implied);
            d.paths[size_t(existing)] = path;
            id = existing;
        } else if (existing >= 0) {
            const MergedNode old = d.nodes[size_t(existing)];
            const bool wasDirectory = isDirectory(existing);
            const Change change = old.layer < n ? compare(old, n, i) : old.change;
            removeSubtree(existing, n,
                          wasDirectory != (e.type == EntryType::Directory)
                              ? Removal::Reason::Replaced
                              : Removal::Reason::Overwritten);
            id = newNode(path, parent, n, i, change, NoMergedFlags);
        } else {
            id = newNode(path, parent, n, i,
                         m_removedHere.contains(path) ? Change::Modified : Change::Added,
                         NoMergedFlags);
        }
        if (through)
            d.nodes[size_t(id)].flags |= ThroughSymlink;
        if (e.type == EntryType::Regular) {
            d.nodes[size_t(id)].contentLayer = n;
            d.nodes[size_t(id)].contentEntry = i;
        } else if (e.type == EntryType::Hardlink) {
            hardlinks.push_back(id);
        }
        changes[size_t(i)] = d.nodes[size_t(id)].change;
    }

    // 3. Hardlinks against the tree below plus this layer (the target may come later in the
    // archive than the link).
    for (const int id : hardlinks) {
        if (!m_alive[size_t(id)])
            continue;
        MergedNode &node = d.nodes[size_t(id)];
        bool through = false; // a target below a symlinked directory is found where it leads
        const QByteArrayView target = resolveParents(index.linkTarget(node.entry), &through);
        int t = m_map.value(target, -1);
        // A chain of hardlinks ends at the regular file (bounded: each hop is an earlier link).
        for (int hops = 0; t >= 0 && hops < 40; ++hops) {
            const MergedNode &tn = d.nodes[size_t(t)];
            if (tn.contentLayer >= 0 || tn.entry < 0)
                break;
            const LayerEntry &te = d.layers[tn.layer].at(tn.entry);
            if (te.type != EntryType::Hardlink)
                break;
            t = m_map.value(d.layers[tn.layer].linkTarget(te), -1);
        }
        if (t >= 0 && d.nodes[size_t(t)].contentLayer >= 0) {
            node.contentLayer = d.nodes[size_t(t)].contentLayer;
            node.contentEntry = d.nodes[size_t(t)].contentEntry;
        } else {
            node.flags |= BrokenHardlink;
        }
    }
}

void MergeBuilder::finish()
{
    // Compact: live nodes in breadth-first order, links renumbered.
    std::vector<int> order;
    order.reserve(d.nodes.size());
    std::vector<int> newId(d.nodes.size(), -1);
    order.push_back(0);
    newId[0] = 0;
    for (size_t k = 0; k < order.size(); ++k) {
        for (int c = d.nodes[size_t(order[k])].firstChild; c >= 0; c = d.nodes[size_t(c)].nextSibling) {
            newId[size_t(c)] = int(order.size());
            order.push_back(c);
        }
    }
    std::vector<MergedNode> nodes;
    std::vector<QByteArrayView> paths;
    nodes.reserve(order.size());
    paths.reserve(order.size());
    for (const int old : order) {
        MergedNode node = d.nodes[size_t(old)];
        node.parent = node.parent >= 0 ? newId[size_t(node.parent)] : -1;
        node.firstChild = node.firstChild >= 0 ? newId[size_t(node.firstChild)] : -1;
        node.nextSibling = node.nextSibling >= 0 ? newId[size_t(node.nextSibling)] : -1;
        nodes.push_back(node);
        paths.push_back(d.paths[size_t(old)]);
    }
    d.nodes = std::move(nodes);
    d.paths = std::move(paths);
    d.lookup = PathTable(qsizetype(d.nodes.size()));
    QSet<qint64> contents;
    for (int i = 0; i < int(d.nodes.size()); ++i) {
        d.lookup.insert(d.paths[size_t(i)], i);
        const MergedNode &node = d.nodes[size_t(i)];
        if (node.contentLayer >= 0) {
            const qint64 key = contentKey(node.contentLayer, node.contentEntry);
            if (!contents.contains(key)) {
                contents.insert(key);
                d.visibleBytes += d.layers[node.contentLayer].at(node.contentEntry).size;
            }
        }
    }
}

MergedFilesystem::MergedFilesystem()
{
    auto data = std::make_shared<Data>();
    data->nodes.push_back(MergedNode());
    data->paths.push_back(QByteArrayView());
    data->lookup.insert(QByteArrayView(""), 0);
    d = std::move(data);
}

MergedFilesystem MergedFilesystem::build(const QList<LayerIndex> &layers, int top)
{
    auto data = std::make_shared<Data>();
    const int count = top < 0 || top >= layers.size() ? int(layers.size()) : top + 1;
    data->layers = layers.first(count);
    data->changes.resize(size_t(count));
    data->hidden.resize(size_t(count));
    {
        MergeBuilder builder(*data);
        for (int n = 0; n < count; ++n)
            builder.applyLayer(n);
        builder.finish();
    }
    MergedFilesystem fs;
    fs.d = std::move(data);
    return fs;
}

int MergedFilesystem::layerCount() const
{
    return int(d->layers.size());
}

const LayerIndex &MergedFilesystem::layer(int i) const
{
    return d->layers[i];
}

int MergedFilesystem::size() const
{
    return int(d->nodes.size());
}

const MergedNode &MergedFilesystem::node(int i) const
{
    return d->nodes[size_t(i)];
}

QByteArrayView MergedFilesystem::path(int node) const
{
    return d->paths[size_t(node)];
}

QByteArrayView MergedFilesystem::name(int node) const
{
    return baseName(path(node));
}

QString MergedFilesystem::displayPath(int node) const
{
    return image::displayPath(path(node));
}

const LayerEntry *MergedFilesystem::entry(int node) const
{
    const MergedNode &n = d->nodes[size_t(node)];
    return n.entry >= 0 ? &d->layers[n.layer].at(n.entry) : nullptr;
}

EntryType MergedFilesystem::type(int node) const
{
    const LayerEntry *e = entry(node);
    return e ? e->type : EntryType::Directory;
}

qint64 MergedFilesystem::size(int node) const
{
    const MergedNode &n = d->nodes[size_t(node)];
    return n.contentLayer >= 0 ? d->layers[n.contentLayer].at(n.contentEntry).size : 0;
}

int MergedFilesystem::find(QByteArrayView path) const
{
    return d->lookup.value(path, -1);
}

QList<int> MergedFilesystem::changedBy(int layer) const
{
    QList<int> nodes;
    for (int i = 0; i < int(d->nodes.size()); ++i) {
        if (d->nodes[size_t(i)].layer == layer)
            nodes.append(i);
    }
    return nodes;
}

Change MergedFilesystem::entryChange(int layer, int entry) const
{
    if (layer < 0 || size_t(layer) >= d->changes.size())
        return Change::None;
    const std::vector<Change> &changes = d->changes[size_t(layer)];
    return entry >= 0 && size_t(entry) < changes.size() ? changes[size_t(entry)] : Change::None;
}

qint64 MergedFilesystem::hiddenBytes(int layer, int entry) const
{
    if (layer < 0 || size_t(layer) >= d->hidden.size())
        return 0;
    return d->hidden[size_t(layer)].value(entry, 0);
}

const QList<Removal> &MergedFilesystem::removals() const
{
    return d->removals;
}

QByteArrayView MergedFilesystem::removedPath(const Removal &removal) const
{
    const qsizetype i = &removal - d->removals.constData();
    if (i < 0 || i >= d->removals.size())
        return {};
    return d->removalPaths[size_t(i)];
}

qint64 MergedFilesystem::visibleBytes() const
{
    return d->visibleBytes;
}

} // namespace image
