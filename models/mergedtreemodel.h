#pragma once

#include "image/fs/mergedfilesystem.h"

#include <QAbstractItemModel>

#include <memory>
#include <vector>

// "The filesystem after layer N" as a tree: every path with the layer that last wrote it,
// what that layer did to it (added, modified, unchanged), type, mode, owner, size and link
// target; directories carry the bytes below them.
//
// The tree is prepared on a worker thread (prepare(): child tables and directory sizes in
// O(nodes)) so the GUI thread only swaps it in:
//
//     QtConcurrent::run([indexes] {
//         return MergedTreeModel::prepare(image::MergedFilesystem::build(indexes, top));
//     }).then(this, [model](MergedTreeModel::Tree tree) { model->setTree(tree); });
class MergedTreeModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MergedTreeModel)

public:
    enum Column {
        NameColumn,
        LayerColumn,
        ChangeColumn,
        SizeColumn,
        ModeColumn,
        OwnerColumn,
        TargetColumn,
        ColumnCount
    };

    struct TreeData;
    using Tree = std::shared_ptr<const TreeData>;
    // Thread-safe (values in, value out).
    static Tree prepare(const image::MergedFilesystem &fs);

    explicit MergedTreeModel(QObject *parent = nullptr);
    ~MergedTreeModel() override;

    void setTree(Tree tree);
    void clear();
    bool isEmpty() const;
    // The filesystem shown (empty before setTree()).
    image::MergedFilesystem filesystem() const;
    QModelIndex indexForPath(QByteArrayView path, int column = 0) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QModelIndex indexOf(int node, int column = 0) const;
    QVariant cell(int node, int column, int role) const;

    Tree m_tree;
};

struct MergedTreeModel::TreeData
{
    image::MergedFilesystem fs;
    std::vector<int> childStart; // children of node n: children[childStart[n] …
    std::vector<int> childCount; //                   … childStart[n] + childCount[n])
    std::vector<int> children;
    std::vector<int> row;      // a node's row under its parent
    std::vector<qint64> bytes; // regular-file bytes of the node and everything below
};
