#include "mergedtreemodel.h"

#include "filecells.h"
#include "fileroles.h"

#include "image/layer/pathclean.h"

#include <QGuiApplication>
#include <QPalette>

MergedTreeModel::Tree MergedTreeModel::prepare(const image::MergedFilesystem &fs)
{
    auto tree = std::make_shared<TreeData>();
    tree->fs = fs;
    const int n = fs.size();
    if (n == 0)
        return tree;
    tree->childStart.assign(size_t(n), 0);
    tree->childCount.assign(size_t(n), 0);
    tree->row.assign(size_t(n), 0);
    tree->bytes.assign(size_t(n), 0);
    tree->children.reserve(size_t(n));
    // Breadth first from the root: every node's children land next to each other, and the
    // order doubles as the bottom-up order for directory sizes.
    std::vector<int> order;
    order.reserve(size_t(n));
    order.push_back(fs.root());
    for (size_t at = 0; at < order.size(); ++at) {
        const int node = order[at];
        tree->childStart[size_t(node)] = int(tree->children.size());
        int count = 0;
        for (int c = fs.node(node).firstChild; c >= 0; c = fs.node(c).nextSibling) {
            tree->row[size_t(c)] = count++;
            tree->children.push_back(c);
            order.push_back(c);
        }
        tree->childCount[size_t(node)] = count;
    }
    for (auto it = order.rbegin(); it != order.rend(); ++it) {
        const int node = *it;
        const image::EntryType type = fs.type(node);
        // A hard link shows its target's size but adds nothing to its directory: the
        // bytes are counted where the content is.
        const qint64 own = type == image::EntryType::Regular || type == image::EntryType::Hardlink
                               ? fs.size(node)
                               : 0;
        tree->bytes[size_t(node)] += own;
        const int parent = fs.node(node).parent;
        if (parent >= 0)
            tree->bytes[size_t(parent)] +=
                tree->bytes[size_t(node)] - (type == image::EntryType::Hardlink ? own : 0);
    }
    return tree;
}

MergedTreeModel::MergedTreeModel(QObject *parent) : QAbstractItemModel(parent) {}

MergedTreeModel::~MergedTreeModel() = default;

void MergedTreeModel::setTree(Tree tree)
{
    beginResetModel();
    m_tree = std::move(tree);
    endResetModel();
}

void MergedTreeModel::clear()
{
    setTree({});
}

bool MergedTreeModel::isEmpty() const
{
    return !m_tree || m_tree->childCount.empty() || m_tree->childCount[0] == 0;
}

image::MergedFilesystem MergedTreeModel::filesystem() const
{
    return m_tree ? m_tree->fs : image::MergedFilesystem();
}

QModelIndex MergedTreeModel::indexForPath(QByteArrayView path, int column) const
{
    if (!m_tree)
        return {};
    return indexOf(m_tree->fs.find(path), column);
}

QModelIndex MergedTreeModel::indexOf(int node, int column) const
{
    if (!m_tree || node <= 0 || node >= int(m_tree->row.size()))
        return {};
    return createIndex(m_tree->row[size_t(node)], column, quintptr(node));
}

QModelIndex MergedTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    const int p = parent.isValid() ? int(parent.internalId()) : 0;
    return createIndex(row, column,
                       quintptr(m_tree->children[size_t(m_tree->childStart[size_t(p)] + row)]));
}

QModelIndex MergedTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || !m_tree)
        return {};
    return indexOf(m_tree->fs.node(int(child.internalId())).parent);
}

int MergedTreeModel::rowCount(const QModelIndex &parent) const
{
    if (!m_tree || m_tree->childCount.empty() || (parent.isValid() && parent.column() != 0))
        return 0;
    return m_tree->childCount[parent.isValid() ? size_t(parent.internalId()) : 0];
}

int MergedTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

bool MergedTreeModel::hasChildren(const QModelIndex &parent) const
{
    return rowCount(parent) > 0;
}

QVariant MergedTreeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const int node = int(index.internalId());
    const image::MergedFilesystem &fs = m_tree->fs;
    const image::MergedNode &merged = fs.node(node);
    switch (role) {
    case FileRoles::PathRole:
    case FileRoles::SearchTextRole:
        return fs.displayPath(node);
    case FileRoles::RawPathRole:
        return fs.path(node).toByteArray();
    case FileRoles::LayerRole:
        return merged.layer;
    case FileRoles::EntryRole:
        return merged.entry;
    case FileRoles::OrdinalRole:
        return merged.entry >= 0 ? int(fs.layer(merged.layer).at(merged.entry).ordinal) : -1;
    case FileRoles::ContentLayerRole:
        return merged.contentLayer;
    case FileRoles::ContentOrdinalRole:
        return merged.contentEntry >= 0
                   ? int(fs.layer(merged.contentLayer).at(merged.contentEntry).ordinal)
                   : -1;
    case FileRoles::SizeRole:
        return m_tree->bytes[size_t(node)];
    case FileRoles::TypeRole:
        return int(fs.type(node));
    case FileRoles::ChangeRole:
        return int(merged.change);
    case FileRoles::IsDirectoryRole:
        return fs.type(node) == image::EntryType::Directory;
    case FileRoles::DigestRole:
        return merged.layer >= 0 ? fs.layer(merged.layer).digest().toString() : QString();
    case FileRoles::NodeRole:
        return node;
    default:
        break;
    }
    return cell(node, index.column(), role);
}

QVariant MergedTreeModel::cell(int node, int column, int role) const
{
    const image::MergedFilesystem &fs = m_tree->fs;
    const image::MergedNode &merged = fs.node(node);
    const image::LayerIndex *layer = merged.layer >= 0 ? &fs.layer(merged.layer) : nullptr;
    const image::EntryType type = fs.type(node);

    if (role == Qt::ForegroundRole && (column == LayerColumn || column == ChangeColumn) &&
        merged.change == image::Change::Unchanged)
        return QGuiApplication::palette().brush(QPalette::PlaceholderText);

    switch (column) {
    case NameColumn:
        if (role == Qt::DisplayRole || role == FileRoles::SortRole)
            return image::displayPath(fs.name(node));
        if (role == Qt::ToolTipRole) {
            QString tip = fs.displayPath(node);
            if (merged.flags & image::Implied)
                tip += u'\n' + tr("No layer declares this directory; it holds paths that do.");
            if (merged.flags & image::BrokenHardlink)
                tip += u'\n' + tr("A hard link whose target is missing.");
            if (merged.flags & image::ThroughSymlink)
                tip += u'\n' + tr("Written through a symbolic link in its parent path.");
            return tip;
        }
        break;
    case LayerColumn:
        if (role == Qt::DisplayRole)
            return merged.layer >= 0 ? QVariant(merged.layer + 1) : QVariant();
        if (role == FileRoles::SortRole)
            return merged.layer;
        if (role == Qt::ToolTipRole && merged.layer >= 0)
            return tr("Last written by layer %1").arg(merged.layer + 1);
        if (role == Qt::TextAlignmentRole)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case ChangeColumn:
        return FileCells::changeCell(merged.change, role);
    case SizeColumn:
        return FileCells::sizeCell(m_tree->bytes[size_t(node)],
                                   type == image::EntryType::Regular ||
                                       type == image::EntryType::Hardlink ||
                                       m_tree->childCount[size_t(node)] > 0,
                                   role);
    case ModeColumn:
        return FileCells::modeCell(layer, merged.entry, role);
    case OwnerColumn:
        return FileCells::ownerCell(layer, merged.entry, role);
    case TargetColumn:
        return FileCells::targetCell(layer, merged.entry, role, false);
    default:
        break;
    }
    return {};
}

QVariant MergedTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    using C = FileCells::Column;
    static constexpr C columns[ColumnCount] = {C::Name, C::Layer, C::Change, C::Size,
                                               C::Mode, C::Owner, C::Target};
    if (section < 0 || section >= ColumnCount)
        return {};
    return FileCells::header(columns[section], orientation, role);
}
