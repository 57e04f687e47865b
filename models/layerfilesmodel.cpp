#include "layerfilesmodel.h"

#include "filecells.h"
#include "fileroles.h"

#include "image/layer/pathclean.h"

#include <QFont>
#include <QGuiApplication>
#include <QPalette>

#include <algorithm>

LayerFilesModel::Tree::Tree()
{
    nodes.emplace_back(); // the root
}

LayerFilesModel::PreparedTree LayerFilesModel::prepare(const image::LayerIndex &index)
{
    auto tree = std::make_shared<Tree>();
    tree->batches = {index};
    for (int i = 0; i < index.size(); ++i)
        tree->addEntry(0, i, nullptr);
    for (Node &node : tree->nodes)
        node.shown = int(node.children.size());
    return tree;
}

LayerFilesModel::LayerFilesModel(QObject *parent)
    : QAbstractItemModel(parent), m_t(std::make_shared<Tree>())
{
}

LayerFilesModel::~LayerFilesModel() = default;

void LayerFilesModel::clear(int layer)
{
    beginResetModel();
    m_t = std::make_shared<Tree>();
    m_fs = image::MergedFilesystem();
    m_complete = false;
    m_hasMarkers = false;
    m_fsPending = false;
    m_layer = layer;
    endResetModel();
}

int LayerFilesModel::entryCount() const
{
    return m_t->entryCount;
}

image::LayerIndex LayerFilesModel::index() const
{
    return m_complete && !m_t->batches.isEmpty() ? m_t->batches.constFirst() : image::LayerIndex();
}

int LayerFilesModel::Tree::ensureNode(QByteArrayView path)
{
    if (path.isEmpty())
        return 0;
    const auto found = byPath.constFind(QByteArray::fromRawData(path.data(), path.size()));
    if (found != byPath.cend())
        return found.value();
    const int parent = ensureNode(image::parentPath(path));
    const int node = int(nodes.size());
    Node fresh;
    fresh.path = path.toByteArray();
    fresh.parent = parent;
    fresh.row = int(nodes[parent].children.size());
    nodes.push_back(std::move(fresh));
    nodes[parent].children.push_back(node);
    byPath.insert(nodes.back().path, node);
    return node;
}

void LayerFilesModel::Tree::addSizeDelta(int node, qint64 delta, std::vector<int> *touched)
{
    if (delta == 0)
        return;
    for (int n = node; n > 0; n = nodes[n].parent) {
        nodes[n].bytes += delta;
        if (touched)
            touched->push_back(n);
    }
}

void LayerFilesModel::Tree::addEntry(int b, int i, std::vector<int> *touched)
{
    const image::LayerIndex &batch = batches.at(b);
    const image::LayerEntry &entry = batch.at(i);
    const QByteArrayView path = batch.path(i);
    if (path.isEmpty())
        return; // the root directory's own entry ("./")
    const int node = ensureNode(path);
    ++entryCount;
    if (touched)
        touched->push_back(node);
    if (entry.type == image::EntryType::Opaque) {
        nodes[node].opaqueBatch = b;
        nodes[node].opaqueEntry = i;
        return;
    }
    const image::LayerEntry *before = entryOf(nodes[node]);
    if (before)
        --entryCount; // a later duplicate replaces the row's entry
    const qint64 oldBytes = before && before->type == image::EntryType::Regular ? before->size : 0;
    nodes[node].batch = b;
    nodes[node].entry = i;
    const qint64 newBytes = entry.type == image::EntryType::Regular ? entry.size : 0;
    addSizeDelta(node, newBytes - oldBytes, touched);
}

const image::LayerEntry *LayerFilesModel::Tree::entryOf(const Node &node) const
{
    return node.batch >= 0 ? &batches.at(node.batch).at(node.entry) : nullptr;
}

void LayerFilesModel::announce(int oldNodeCount, const std::vector<int> &touched)
{
    // Nodes made in this pass are not visible yet: their rows are announced with their
    // parents'. Old nodes that grew announce the new range; old nodes that changed repaint.
    for (int n = oldNodeCount; n < int(m_t->nodes.size()); ++n)
        m_t->nodes[n].shown = int(m_t->nodes[n].children.size());
    // Old parents of new nodes grew (only new nodes are looked at: O(batch), not O(tree)).
    std::vector<int> grown;
    for (int n = oldNodeCount; n < int(m_t->nodes.size()); ++n) {
        const int parent = m_t->nodes[n].parent;
        if (parent < oldNodeCount)
            grown.push_back(parent);
    }
    std::sort(grown.begin(), grown.end());
    grown.erase(std::unique(grown.begin(), grown.end()), grown.end());
    for (int n : grown) {
        Node &node = m_t->nodes[n];
        beginInsertRows(indexOf(n), node.shown, int(node.children.size()) - 1);
        node.shown = int(node.children.size());
        endInsertRows();
    }
    std::vector<int> changed;
    changed.reserve(touched.size());
    for (int n : touched) {
        if (n > 0 && n < oldNodeCount)
            changed.push_back(n);
    }
    std::sort(changed.begin(), changed.end());
    changed.erase(std::unique(changed.begin(), changed.end()), changed.end());
    for (int n : changed)
        Q_EMIT dataChanged(indexOf(n, 0), indexOf(n, ColumnCount - 1));
}

void LayerFilesModel::appendBatch(const image::LayerIndex &batch)
{
    if (m_complete || batch.isEmpty())
        return;
    const int oldNodeCount = int(m_t->nodes.size());
    const int b = int(m_t->batches.size());
    m_t->batches.append(batch);
    std::vector<int> touched;
    for (int i = 0; i < batch.size(); ++i)
        m_t->addEntry(b, i, &touched);
    announce(oldNodeCount, touched);
}

void LayerFilesModel::setIndex(const image::LayerIndex &index)
{
    if (m_t->nodes.size() <= 1) {
        // Nothing streamed (a cached layer): build the tree in one go.
        setPrepared(m_layer, prepare(index));
        return;
    }
    {
        // Point every row at the complete index (same ordinals), then add what the
        // batches did not bring. Entry i usually has ordinal i: the hash is built only
        // when that does not hold.
        QHash<quint32, int> byOrdinal;
        bool hashed = false;
        const auto lookup = [&](quint32 ordinal) {
            if (ordinal < quint32(index.size()) && index.at(int(ordinal)).ordinal == ordinal)
                return int(ordinal);
            if (!hashed) {
                hashed = true;
                byOrdinal.reserve(index.size());
                for (int i = 0; i < index.size(); ++i)
                    byOrdinal.insert(index.at(i).ordinal, i);
            }
            return byOrdinal.value(ordinal, -1);
        };
        std::vector<bool> seen(size_t(index.size()), false);
        const auto remap = [&](int &batch, int &entry) {
            if (batch < 0)
                return;
            const int mapped = lookup(m_t->batches.at(batch).at(entry).ordinal);
            batch = mapped >= 0 ? 0 : -1;
            entry = mapped;
        };
        for (Node &node : m_t->nodes) {
            remap(node.batch, node.entry);
            remap(node.opaqueBatch, node.opaqueEntry);
        }
        // Every batch entry is accounted for by ordinal, duplicates included.
        for (const image::LayerIndex &batch : std::as_const(m_t->batches)) {
            for (int i = 0; i < batch.size(); ++i) {
                const int mapped = lookup(batch.at(i).ordinal);
                if (mapped >= 0)
                    seen[size_t(mapped)] = true;
            }
        }
        m_t->batches = {index};
        const int oldNodeCount = int(m_t->nodes.size());
        std::vector<int> touched;
        for (int i = 0; i < index.size(); ++i) {
            if (!seen[size_t(i)])
                m_t->addEntry(0, i, &touched);
        }
        m_complete = true;
        announce(oldNodeCount, touched);
    }
    if (m_fsPending)
        setMergedFilesystem(m_fs);
}

void LayerFilesModel::setMergedFilesystem(const image::MergedFilesystem &fs)
{
    m_fs = fs;
    if (!m_complete || m_layer < 0 || m_layer >= fs.layerCount()) {
        m_fsPending = m_layer >= 0 && m_layer < fs.layerCount();
        return;
    }
    m_fsPending = false;
    // One layout change rather than a dataChanged per directory: proxies drop their
    // mappings and rebuild only what views ask for (400 directories' dataChanged through a
    // sorting, recursively filtering proxy took ~0.6 s). No row moves, so no persistent
    // index changes.
    Q_EMIT layoutAboutToBeChanged();
    m_hasMarkers = true;
    Q_EMIT layoutChanged();
}

QModelIndex LayerFilesModel::indexForPath(QByteArrayView path, int column) const
{
    const int node = m_t->byPath.value(path.toByteArray(), -1);
    if (node <= 0)
        return {};
    // Only rows already announced have indexes.
    for (int n = node; n > 0; n = m_t->nodes[n].parent) {
        if (m_t->nodes[n].row >= m_t->nodes[m_t->nodes[n].parent].shown)
            return {};
    }
    return indexOf(node, column);
}

QModelIndex LayerFilesModel::indexOf(int node, int column) const
{
    if (node <= 0)
        return {};
    return createIndex(m_t->nodes[node].row, column, quintptr(node));
}

QModelIndex LayerFilesModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    const int p = parent.isValid() ? int(parent.internalId()) : 0;
    return createIndex(row, column, quintptr(m_t->nodes[p].children[size_t(row)]));
}

QModelIndex LayerFilesModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    return indexOf(m_t->nodes[child.internalId()].parent);
}

int LayerFilesModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return m_t->nodes[parent.isValid() ? parent.internalId() : 0].shown;
}

int LayerFilesModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

bool LayerFilesModel::hasChildren(const QModelIndex &parent) const
{
    return rowCount(parent) > 0;
}

const image::LayerEntry *LayerFilesModel::entryOf(const Node &node) const
{
    return m_t->entryOf(node);
}

void LayerFilesModel::setPrepared(int layer, PreparedTree tree)
{
    if (!tree)
        return;
    beginResetModel();
    m_t = std::move(tree);
    m_layer = layer;
    m_complete = true;
    m_hasMarkers = false;
    endResetModel();
    if (m_fsPending || m_fs.layerCount() > 0)
        setMergedFilesystem(m_fs);
}

image::Change LayerFilesModel::changeOf(const Node &node) const
{
    if (!m_hasMarkers)
        return image::Change::None;
    if (node.opaqueBatch >= 0)
        return image::Change::Opaque;
    if (node.batch < 0)
        return image::Change::None;
    return m_fs.entryChange(m_layer, node.entry);
}

QVariant LayerFilesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Node &node = m_t->nodes[index.internalId()];
    const image::LayerEntry *entry = entryOf(node);
    const image::EntryType type = entry ? entry->type : image::EntryType::Directory;
    switch (role) {
    case FileRoles::PathRole:
    case FileRoles::SearchTextRole:
        return image::displayPath(node.path);
    case FileRoles::RawPathRole:
        return node.path;
    case FileRoles::LayerRole:
        return m_layer;
    case FileRoles::EntryRole:
        return node.batch >= 0 && m_complete ? node.entry : -1;
    case FileRoles::OrdinalRole:
        return entry ? int(entry->ordinal) : -1;
    case FileRoles::ContentLayerRole:
    case FileRoles::ContentOrdinalRole: {
        if (!entry || entry->type != image::EntryType::Regular)
            return -1;
        return role == FileRoles::ContentLayerRole ? m_layer : int(entry->ordinal);
    }
    case FileRoles::SizeRole:
        return node.bytes;
    case FileRoles::TypeRole:
        return int(type);
    case FileRoles::ChangeRole:
        return m_hasMarkers ? QVariant(int(changeOf(node))) : QVariant();
    case FileRoles::IsDirectoryRole:
        return type == image::EntryType::Directory || !node.children.empty();
    case FileRoles::DigestRole:
        return m_complete ? m_t->batches.constFirst().digest().toString() : QString();
    case FileRoles::NodeRole:
        return -1;
    default:
        break;
    }
    return cell(node, index.column(), role);
}

QVariant LayerFilesModel::cell(const Node &node, int column, int role) const
{
    const image::LayerEntry *entry = entryOf(node);
    const image::LayerIndex *layer = node.batch >= 0 ? &m_t->batches.at(node.batch) : nullptr;
    const image::EntryType type = entry ? entry->type : image::EntryType::Directory;
    const image::Change change = changeOf(node);
    const bool marker = entry && entry->isMarker();

    if (role == Qt::FontRole && column == NameColumn && (type == image::EntryType::Whiteout)) {
        QFont font;
        font.setStrikeOut(true);
        return font;
    }
    if (role == Qt::ForegroundRole &&
        (!entry || change == image::Change::Unchanged || change == image::Change::NoEffect))
        return QGuiApplication::palette().brush(QPalette::PlaceholderText);

    switch (column) {
    case NameColumn:
        if (role == Qt::DisplayRole)
            return image::displayPath(image::baseName(node.path));
        if (role == Qt::ToolTipRole) {
            QString tip = image::displayPath(node.path);
            if (!entry)
                tip += u'\n' + tr("Not in this layer's tar: a parent of the entries below.");
            else if (entry->has(image::UnsafePath))
                tip += u'\n' + tr("Unsafe name: it leaves the image's root. Never applied.");
            return tip;
        }
        if (role == FileRoles::SortRole)
            return image::displayPath(image::baseName(node.path));
        break;
    case ChangeColumn:
        return FileCells::changeCell(change, role);
    case SizeColumn:
        return FileCells::sizeCell(
            node.bytes, !marker && (type == image::EntryType::Regular || !node.children.empty()),
            role);
    case ModeColumn:
        return FileCells::modeCell(layer, node.entry, role);
    case OwnerColumn:
        return FileCells::ownerCell(layer, node.entry, role);
    case TargetColumn:
        return FileCells::targetCell(layer, node.entry, role, true);
    default:
        break;
    }
    return {};
}

QVariant LayerFilesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    using C = FileCells::Column;
    static constexpr C columns[ColumnCount] = {C::Name, C::Change, C::Size,
                                               C::Mode, C::Owner,  C::Target};
    if (section < 0 || section >= ColumnCount)
        return {};
    return FileCells::header(columns[section], orientation, role);
}
