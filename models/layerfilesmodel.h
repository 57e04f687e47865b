#pragma once

#include "image/fs/mergedfilesystem.h"
#include "image/layer/layerindex.h"

#include <QAbstractItemModel>
#include <QByteArray>
#include <QHash>
#include <QList>

#include <deque>
#include <memory>
#include <vector>

// The files of one layer as a tree: type, mode, owner, size, link target, and — once the
// merged filesystem of the image is known — what each entry does to the layers below
// (added, modified, unchanged, removed by a whiteout, an opaque directory).
//
// It fills while the layer streams: appendBatch() takes LayerReader::entriesAdded batches
// and inserts rows (one rowsInserted per grown directory and batch); setIndex() takes the
// complete index (the same entries, by ordinal) and adds whatever the batches missed, or
// builds the tree at once when nothing streamed (a cached layer). Directories not in the
// tar (implied by deeper paths) appear as rows without an entry. Children come in archive
// order: sort with FileTreeProxy. Directory sizes are the bytes below them.
class LayerFilesModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LayerFilesModel)

public:
    enum Column {
        NameColumn,
        ChangeColumn,
        SizeColumn,
        ModeColumn,
        OwnerColumn,
        TargetColumn,
        ColumnCount
    };

    // A layer's tree built off the GUI thread (a cached layer of 100,000 entries takes
    // ~0.3 s to build): prepare() on the pool, setPrepared() on the GUI thread.
    struct Tree;
    using PreparedTree = std::shared_ptr<Tree>;
    static PreparedTree prepare(const image::LayerIndex &index); // thread-safe

    explicit LayerFilesModel(QObject *parent = nullptr);
    ~LayerFilesModel() override;

    // Forgets everything; `layer` is the 0-based layer number shown next (LayerRole).
    void clear(int layer = -1);
    int layer() const { return m_layer; }
    void appendBatch(const image::LayerIndex &batch);
    void setIndex(const image::LayerIndex &index);
    // The complete tree of `layer` at once (a reset), e.g. from prepare() on a worker.
    void setPrepared(int layer, PreparedTree tree);
    bool isComplete() const { return m_complete; }
    // The complete index (empty until setIndex()).
    image::LayerIndex index() const;
    // Markers from the image's merged filesystem (it must hold this layer); the model must
    // be complete first, else the markers wait for setIndex().
    void setMergedFilesystem(const image::MergedFilesystem &fs);
    bool hasMarkers() const { return m_hasMarkers; }

    // Entries shown so far (markers included, implied directories not).
    int entryCount() const;
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
    struct Node
    {
        QByteArray path; // cleaned raw path
        int parent = -1;
        int row = 0;
        int batch = -1; // the entry that wrote this path last: m_batches[batch].at(entry)
        int entry = -1;
        int opaqueBatch = -1; // an opaque marker for this directory
        int opaqueEntry = -1;
        qint64 bytes = 0; // regular-file bytes of this node and everything below
        std::vector<int> children;
        int shown = 0; // children announced to views
    };

    void announce(int oldNodeCount, const std::vector<int> &touched);
    QModelIndex indexOf(int node, int column = 0) const;
    const image::LayerEntry *entryOf(const Node &node) const;
    image::Change changeOf(const Node &node) const;
    QVariant cell(const Node &node, int column, int role) const;

    std::shared_ptr<Tree> m_t; // never null
    image::MergedFilesystem m_fs;
    bool m_complete = false;
    bool m_hasMarkers = false;
    bool m_fsPending = false;
    int m_layer = -1;
};

struct LayerFilesModel::Tree
{
    Tree();
    std::deque<Node> nodes; // 0 is the root; a deque: growing never moves the nodes
    QHash<QByteArray, int> byPath;
    QList<image::LayerIndex> batches;
    int entryCount = 0;

    int ensureNode(QByteArrayView path);
    // Adds entry `i` of batches[b]; `touched` (optional) collects nodes whose data changed.
    void addEntry(int b, int i, std::vector<int> *touched);
    void addSizeDelta(int node, qint64 delta, std::vector<int> *touched);
    const image::LayerEntry *entryOf(const Node &node) const;
};
