#pragma once

#include "image/layer/layerindex.h"

#include <QByteArrayView>
#include <QList>

#include <memory>

namespace image {

// What a layer's entry, or a merged path, is relative to the layers below.
enum class Change : quint8 {
    None,      // not touched / not applicable
    Added,     // the path did not exist below
    Modified,  // existed below; type, metadata, size, content or target differ
    Unchanged, // rewritten with the same type, mode, owner, size, content hash and target
               // (mtime ignored): not a change for people, still bytes in the blob
    Removed,   // a whiteout that hid something below (per-layer status only)
    Opaque,    // an opaque marker (per-layer status only); removed() lists what it hid
    NoEffect,  // a whiteout hiding nothing, a superseded duplicate, an unsafe entry
};

// Per merged node findings.
enum MergedFlag : quint8 {
    NoMergedFlags = 0,
    Implied = 0x01,        // a parent directory no layer declared
    BrokenHardlink = 0x02, // hardlink target missing or whited out when it was linked
    ThroughSymlink = 0x04, // an entry whose parent path ran through a symlink (re-rooted
                           // inside the image, §5.2 step 6 — a classic smuggling trick)
};

// A path of the filesystem after layer N.
struct MergedNode
{
    qint32 parent = -1;        // node index; -1 for the root (node 0, the empty path)
    qint32 firstChild = -1;    // children in no particular order (sort in the model)
    qint32 nextSibling = -1;
    qint32 layer = -1;         // the layer that last wrote this path (-1: the root)
    qint32 entry = -1;         // its entry in that layer's index (-1: implied/root)
    qint32 contentLayer = -1;  // for regular files and hardlinks: the entry holding the
    qint32 contentEntry = -1;  // bytes (a hardlink's resolved target); -1 otherwise
    Change change = Change::None; // Added/Modified/Unchanged relative to below `layer`
    quint8 flags = NoMergedFlags;
};

// A path removed from the tree: by a whiteout, an opaque marker, a later entry replacing it
// (file over directory drops the subtree), or a later duplicate in its own layer.
struct Removal
{
    // Replaced: a directory (and its subtree) gave way to a non-directory, or the other way
    // round; Overwritten: a non-directory by another; Duplicate: a later entry of the same
    // layer; Unapplied: an unsafe entry (`../`, NUL) that never entered the tree.
    enum class Reason : quint8 { Whiteout, Opaque, Replaced, Overwritten, Duplicate, Unapplied };
    qint32 layer = -1;     // where the removed entry came from
    qint32 entry = -1;     // its index there (-1: an implied directory)
    qint32 removedBy = -1; // the layer that removed it
    Reason reason = Reason::Whiteout;
};

// The filesystem after layer `top` (default: the last), computed from layer indexes in
// O(total entries) with hash maps (§5.2): whiteouts hide lower layers only, opaque markers
// apply wherever they appear in the layer, a file replacing a directory drops its subtree,
// implied parents are created, hardlinks resolved. Unsafe entries are not applied. Build it
// on a worker thread (it is a value; copies share data):
//
//     auto fs = image::MergedFilesystem::build(indexes);          // after the top layer
//     for (int c = fs.node(fs.root()).firstChild; c >= 0; c = fs.node(c).nextSibling)
//         show(fs.displayPath(c), fs.node(c).layer, fs.entry(c));
//     for (int n : fs.changedBy(2)) ...                             // what layer 2 wrote
//     fs.entryChange(2, i);                                          // marker for layer 2's entry i
class MergedFilesystem
{
public:
    MergedFilesystem();
    static MergedFilesystem build(const QList<LayerIndex> &layers, int top = -1);

    int layerCount() const;  // layers applied: top + 1
    const LayerIndex &layer(int i) const;

    int root() const { return 0; }
    int size() const;        // nodes, the root included
    const MergedNode &node(int i) const;
    QByteArrayView path(int node) const;  // cleaned raw path; the root is empty
    QByteArrayView name(int node) const;  // last component
    QString displayPath(int node) const;
    // The entry that wrote the node; nullptr for the root and implied directories.
    const LayerEntry *entry(int node) const;
    EntryType type(int node) const;       // Directory for root/implied; a hardlink is Hardlink
    qint64 size(int node) const;          // content bytes (hardlinks: the target's)
    int find(QByteArrayView path) const;  // -1 when absent

    // Nodes whose last writer is `layer` (the "only what this layer changed" toggle).
    QList<int> changedBy(int layer) const;
    // Status of layer `layer`'s entry `entry` relative to the layers below it.
    Change entryChange(int layer, int entry) const;
    // Bytes of regular files a whiteout or opaque marker (layer, entry) hid from below.
    qint64 hiddenBytes(int layer, int entry) const;
    // Everything removed while stacking, in order. Paths: removedPath().
    const QList<Removal> &removals() const;
    QByteArrayView removedPath(const Removal &removal) const;

    // Bytes of the regular files in the tree, each hardlinked content once.
    qint64 visibleBytes() const;

private:
    friend class MergeBuilder;
    struct Data;
    std::shared_ptr<const Data> d;
};

} // namespace image
