#include "layerfilesmodel.h"

#include "filecells.h"
#include "fileroles.h"

#include "image/layer/pathclean.h"

#include <QFont>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QPalette>

#include <algorithm>

LayerFilesModel::LayerFilesModel(QObject *parent) : QAbstractItemModel(parent)
{
    m_nodes.emplace_back(); // the root
}

LayerFilesModel::~LayerFilesModel() = default;

void LayerFilesModel::clear(int layer)
{
    beginResetModel();
    m_nodes.clear();
    m_nodes.emplace_back();
    m_byPath.clear();
    m_batches.clear();
    m_fs = image::MergedFilesystem();
    m_complete = false;
    m_hasMarkers = false;
    m_fsPending = false;
    m_layer = layer;
    m_entryCount = 0;
    endResetModel();
}

image::LayerIndex LayerFilesModel::index() const
{
    return m_complete && !m_batches.isEmpty() ? m_batches.constFirst() : image::LayerIndex();
}

int LayerFilesModel::ensureNode(QByteArrayView path, std::vector<int> &created)
{
    if (path.isEmpty())
        return 0;
    const auto found = m_byPath.constFind(QByteArray::fromRawData(path.data(), path.size()));
    if (found != m_byPath.cend())
        return found.value();
    const int parent = ensureNode(image::parentPath(path), created);
    const int node = int(m_nodes.size());
    Node fresh;
    fresh.path = path.toByteArray();
    fresh.parent = parent;
    fresh.row = int(m_nodes[parent].children.size());
    m_nodes.push_back(std::move(fresh));
    m_nodes[parent].children.push_back(node);
    m_byPath.insert(m_nodes.back().path, node);
    created.push_back(node);
    return node;
}

void LayerFilesModel::addSizeDelta(int node, qint64 delta, std::vector<int> &touched)
{
    if (delta == 0)
        return;
    for (int n = node; n > 0; n = m_nodes[n].parent) {
        m_nodes[n].bytes += delta;
        touched.push_back(n);
    }
}

void LayerFilesModel::addEntry(int b, int i, std::vector<int> &created, std::vector<int> &touched)
{
    const image::LayerIndex &batch = m_batches.at(b);
    const image::LayerEntry &entry = batch.at(i);
    const QByteArrayView path = batch.path(i);
    if (path.isEmpty())
        return; // the root directory's own entry ("./")
    const int node = ensureNode(path, created);
    ++m_entryCount;
    touched.push_back(node);
    if (entry.type == image::EntryType::Opaque) {
        m_nodes[node].opaqueBatch = b;
        m_nodes[node].opaqueEntry = i;
        return;
    }
    const image::LayerEntry *before = entryOf(m_nodes[node]);
    if (before)
        --m_entryCount; // a later duplicate replaces the row's entry
    const qint64 oldBytes =
        before && before->type == image::EntryType::Regular ? before->size : 0;
    m_nodes[node].batch = b;
    m_nodes[node].entry = i;
    const qint64 newBytes = entry.type == image::EntryType::Regular ? entry.size : 0;
    addSizeDelta(node, newBytes - oldBytes, touched);
}

void LayerFilesModel::announce(int oldNodeCount, const std::vector<int> &touched)
{
    // Nodes made in this pass are not visible yet: their rows are announced with their
    // parents'. Old nodes that grew announce the new range; old nodes that changed repaint.
    for (int n = oldNodeCount; n < int(m_nodes.size()); ++n)
        m_nodes[n].shown = int(m_nodes[n].children.size());
    std::vector<int> grown;
    for (int n = 0; n < oldNodeCount; ++n) {
        if (m_nodes[n].shown < int(m_nodes[n].children.size()))
            grown.push_back(n);
    }
    for (int n : grown) {
        Node &node = m_nodes[n];
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
    const int oldNodeCount = int(m_nodes.size());
    const int b = int(m_batches.size());
    m_batches.append(batch);
    std::vector<int> created;
    std::vector<int> touched;
    for (int i = 0; i < batch.size(); ++i)
        addEntry(b, i, created, touched);
    announce(oldNodeCount, touched);
}

void LayerFilesModel::setIndex(const image::LayerIndex &index)
{
    if (m_nodes.size() <= 1) {
        // Nothing streamed (a cached layer): build the tree in one go.
        beginResetModel();
        m_batches = {index};
        std::vector<int> created;
        std::vector<int> touched;
        for (int i = 0; i < index.size(); ++i)
            addEntry(0, i, created, touched);
        for (Node &node : m_nodes)
            node.shown = int(node.children.size());
        m_complete = true;
        endResetModel();
    } else {
        // Point every row at the complete index (same ordinals), then add what the
        // batches did not bring.
        QHash<quint32, int> byOrdinal;
        byOrdinal.reserve(index.size());
        for (int i = 0; i < index.size(); ++i)
            byOrdinal.insert(index.at(i).ordinal, i);
        std::vector<bool> seen(size_t(index.size()), false);
        const auto remap = [&](int &batch, int &entry) {
            if (batch < 0)
                return;
            const int mapped = byOrdinal.value(m_batches.at(batch).at(entry).ordinal, -1);
            batch = mapped >= 0 ? 0 : -1;
            entry = mapped;
        };
        for (Node &node : m_nodes) {
            remap(node.batch, node.entry);
            remap(node.opaqueBatch, node.opaqueEntry);
        }
        // Every batch entry is accounted for by ordinal, duplicates included.
        for (const image::LayerIndex &batch : std::as_const(m_batches)) {
            for (int i = 0; i < batch.size(); ++i) {
                const int mapped = byOrdinal.value(batch.at(i).ordinal, -1);
                if (mapped >= 0)
                    seen[size_t(mapped)] = true;
            }
        }
        m_batches = {index};
        const int oldNodeCount = int(m_nodes.size());
        std::vector<int> created;
        std::vector<int> touched;
        for (int i = 0; i < index.size(); ++i) {
            if (!seen[size_t(i)])
                addEntry(0, i, created, touched);
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
    m_hasMarkers = true;
    // One dataChanged per directory's children: the whole change column repaints.
    for (int n = 0; n < int(m_nodes.size()); ++n) {
        const Node &node = m_nodes[n];
        if (node.shown > 0) {
            const QModelIndex parent = indexOf(n);
            Q_EMIT dataChanged(index(0, ChangeColumn, parent),
                               index(node.shown - 1, ChangeColumn, parent));
        }
    }
}

QModelIndex LayerFilesModel::indexForPath(QByteArrayView path, int column) const
{
    const int node = m_byPath.value(path.toByteArray(), -1);
    if (node <= 0)
        return {};
    // Only rows already announced have indexes.
    for (int n = node; n > 0; n = m_nodes[n].parent) {
        if (m_nodes[n].row >= m_nodes[m_nodes[n].parent].shown)
            return {};
    }
    return indexOf(node, column);
}

QModelIndex LayerFilesModel::indexOf(int node, int column) const
{
    if (node <= 0)
        return {};
    return createIndex(m_nodes[node].row, column, quintptr(node));
}

QModelIndex LayerFilesModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    const int p = parent.isValid() ? int(parent.internalId()) : 0;
    return createIndex(row, column, quintptr(m_nodes[p].children[size_t(row)]));
}

QModelIndex LayerFilesModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    return indexOf(m_nodes[child.internalId()].parent);
}

int LayerFilesModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return m_nodes[parent.isValid() ? parent.internalId() : 0].shown;
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
    return node.batch >= 0 ? &m_batches.at(node.batch).at(node.entry) : nullptr;
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
    const Node &node = m_nodes[index.internalId()];
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
        return m_complete ? m_batches.constFirst().digest().toString() : QString();
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
    const image::LayerIndex *layer = node.batch >= 0 ? &m_batches.at(node.batch) : nullptr;
    const image::EntryType type = entry ? entry->type : image::EntryType::Directory;
    const image::Change change = changeOf(node);
    const bool marker = entry && entry->isMarker();

    if (role == Qt::FontRole && column == NameColumn &&
        (type == image::EntryType::Whiteout)) {
        QFont font;
        font.setStrikeOut(true);
        return font;
    }
    if (role == Qt::ForegroundRole && (!entry || change == image::Change::Unchanged ||
                                       change == image::Change::NoEffect))
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
        if (role == Qt::DisplayRole || role == FileRoles::SortRole)
            return FileCells::changeName(change);
        if (role == Qt::ForegroundRole) {
            const QVariant color = FileCells::changeColor(change);
            if (color.isValid())
                return color;
        }
        if (role == Qt::ToolTipRole)
            return FileCells::changeToolTip(change);
        break;
    case SizeColumn:
        if (role == FileRoles::SortRole)
            return node.bytes;
        return FileCells::sizeCell(node.bytes,
                                   !marker && (type == image::EntryType::Regular ||
                                               !node.children.empty()),
                                   role);
    case ModeColumn:
        if ((role == Qt::DisplayRole || role == FileRoles::SortRole) && entry)
            return FileCells::modeText(type, entry->mode);
        if (role == Qt::ToolTipRole)
            return FileCells::typeName(type);
        if (role == Qt::FontRole)
            return QFontDatabase::systemFont(QFontDatabase::FixedFont);
        break;
    case OwnerColumn:
        if ((role == Qt::DisplayRole || role == FileRoles::SortRole) && entry && !marker)
            return FileCells::ownerText(*layer, *entry);
        break;
    case TargetColumn:
        if ((role == Qt::DisplayRole || role == FileRoles::SortRole) && entry &&
            (type == image::EntryType::Symlink || type == image::EntryType::Hardlink))
            return layer->displayLinkTarget(node.entry);
        if (role == Qt::ToolTipRole && entry && type == image::EntryType::Hardlink)
            return tr("Hard link to /%1").arg(layer->displayLinkTarget(node.entry));
        if (role == Qt::ToolTipRole && entry && type == image::EntryType::Symlink)
            return tr("Symbolic link to %1").arg(layer->displayLinkTarget(node.entry));
        break;
    default:
        break;
    }
    return {};
}

QVariant LayerFilesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case ChangeColumn:
        return tr("Change");
    case SizeColumn:
        return tr("Size");
    case ModeColumn:
        return tr("Mode");
    case OwnerColumn:
        return tr("Owner");
    case TargetColumn:
        return tr("Link target");
    default:
        return {};
    }
}
