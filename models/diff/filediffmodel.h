#pragma once

#include "image/diff/files/filediff.h"
#include "image/diff/files/filedifffilter.h"

#include <QAbstractItemModel>

#include <vector>

// The file diff of two images (an image::FileDiff) as a tree a person can fold: directories
// are parents; a directory no change names itself (usr/ above usr/bin/tool) stands as a
// plain folder row. Columns: the name (the full path as tooltip), the change ("Added",
// "Removed", "Changed: content, size", "Modification time only") in the change's colour,
// the size in A and in B, the delta (folders: the net change of the files below), the mode
// (A → B when it changed).
//
// Filtering (only changed, kinds, path globs, hide mtime-only) rebuilds the tree from the
// unfiltered diff through image::filtered(): no proxy in between. Building is one pass
// over the entries (they come in tree order) with no text made; cells are worded when a
// view asks, and a sort orders a directory's children when that directory is first shown
// again, so 100,000 paths load at once.
//
//     auto *files = new FileDiffModel(this);
//     files->setDiff(imageDiff.files);                     // the unfiltered diff
//     files->setFilter(filterFromTheToolbar);              // rebuilds
//     view->setModel(files);                               // a QTreeView; sorting on
//     connect(view, &QTreeView::activated, this, [files](const QModelIndex &i) {
//         if (const image::FileChange *c = files->changeAt(i); c && i.data(DiffRoles::HasContentRole).toBool())
//             openTextDiff(files->diff(), *c);             // contentLayerDigest() etc.
//     });
class FileDiffModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FileDiffModel)

public:
    enum Column { PathColumn, ChangeColumn, SizeAColumn, SizeBColumn, DeltaColumn, ModeColumn, ColumnCount };
    Q_ENUM(Column)

    explicit FileDiffModel(QObject *parent = nullptr);
    ~FileDiffModel() override;

    // Shows `diff` through the current filter; the sort order stays.
    void setDiff(const image::FileDiff &diff);
    // Both at once: one rebuild instead of two.
    void setDiff(const image::FileDiff &diff, const image::FileDiffFilter &filter);
    void setFilter(const image::FileDiffFilter &filter);
    void clear();
    const image::FileDiffFilter &filter() const { return m_filter; }
    const image::FileDiff &unfilteredDiff() const { return m_unfiltered; }
    // What is shown: ChangeIndexRole and changeAt() index its entries.
    const image::FileDiff &diff() const { return m_shown; }

    // The change a row shows; nullptr for a folder shown only for what lies below it.
    const image::FileChange *changeAt(const QModelIndex &index) const;
    // The row of a cleaned raw path (a change or a folder above changes); invalid when not
    // shown. For keeping a selection or the expanded folders across a filter change.
    QModelIndex indexOfPath(QByteArrayView path) const;

    // "content, size, mode"; empty for no flags. MtimeOnly reads "modification time".
    static QString flagsText(image::FileChangeFlags flags);
    // "Added", "Removed", "Changed: content, size", "Modification time only".
    static QString changeText(const image::FileChange &change);
    // Lines saying what differs, values included ("Owner: 0:0 → 1000:1000").
    static QString changeToolTip(const image::FileChange &change);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    // By name, change, size in A or B, or delta; ties by name. Mode sorts by name.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

private:
    struct Node
    {
        int parent = -1;    // node 0 is the root
        int entry = -1;     // into m_shown.entries; -1 for a folder above changes
        int pathEntry = -1; // an entry whose path begins with this node's path
        int nameStart = 0;  // the name within that path; the node's path ends at nameEnd
        int nameEnd = 0;
        int row = 0;        // in the parent's current order
        int sortedFor = 0;  // the sort generation the children are ordered for
        qint64 delta = 0;   // own counted bytes; folders: plus the files below
        std::vector<int> children;
    };

    void rebuild();
    void build();
    void ensureSorted(int node) const;
    QByteArrayView pathOf(const Node &node) const;
    QByteArrayView nameOf(const Node &node) const;
    int nodeOf(const QModelIndex &index) const;
    QVariant sortKey(const Node &node, int column) const;
    QVariant folderData(const Node &node, int column, int role) const;
    QVariant changeData(const Node &node, int column, int role) const;

    image::FileDiff m_unfiltered;
    image::FileDiff m_shown;
    image::FileDiffFilter m_filter;
    mutable std::vector<Node> m_nodes; // sorting is lazy: children ordered on first access
    int m_generation = 0;              // 0: tree order (by name), as built
    int m_sortColumn = PathColumn;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
};
