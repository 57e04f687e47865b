#include "diff/filediffmodel.h"

#include "diff/diffcells.h"
#include "diff/diffroles.h"
#include "filecells.h"
#include "inspectorcells.h"

#include "image/layer/pathclean.h"

#include <QFont>

#include <algorithm>

using image::FileChange;
using image::FileChangeFlag;
using image::FileChangeKind;
using image::FileSide;

namespace {

// Regular files' bytes, hardlinks not again: the way FileDiffTotals counts them, so the
// top-level deltas add up to totals.netBytes().
qint64 countedBytes(const FileSide &side)
{
    return side.type == image::EntryType::Regular ? side.size : 0;
}

qint64 countedDelta(const FileChange &change)
{
    switch (change.kind) {
    case FileChangeKind::Added: return countedBytes(change.b);
    case FileChangeKind::Removed: return -countedBytes(change.a);
    case FileChangeKind::Changed: return countedBytes(change.b) - countedBytes(change.a);
    }
    return 0;
}

bool hasSide(const FileChange &change, bool sideB)
{
    return change.kind != (sideB ? FileChangeKind::Removed : FileChangeKind::Added);
}

QString modeText(const FileSide &side)
{
    return FileCells::modeText(side.type, side.mode);
}

QString ownerText(const FileSide &side)
{
    return QString(QString::number(side.uid) + u':' + QString::number(side.gid));
}

QString arrow(const QString &a, const QString &b)
{
    return QString(a + u" \u2192 " + b);
}

} // namespace

FileDiffModel::FileDiffModel(QObject *parent) : QAbstractItemModel(parent)
{
    build();
}

FileDiffModel::~FileDiffModel() = default;

void FileDiffModel::setDiff(const image::FileDiff &diff)
{
    m_unfiltered = diff;
    rebuild();
}

void FileDiffModel::setDiff(const image::FileDiff &diff, const image::FileDiffFilter &filter)
{
    m_unfiltered = diff;
    m_filter = filter;
    rebuild();
}

void FileDiffModel::setFilter(const image::FileDiffFilter &filter)
{
    m_filter = filter;
    rebuild();
}

void FileDiffModel::clear()
{
    setDiff(image::FileDiff());
}

void FileDiffModel::rebuild()
{
    beginResetModel();
    m_shown = image::filtered(m_unfiltered, m_filter);
    build();
    endResetModel();
}

QByteArrayView FileDiffModel::pathOf(const Node &node) const
{
    if (node.pathEntry < 0)
        return {};
    return QByteArrayView(m_shown.entries.at(node.pathEntry).path).first(node.nameEnd);
}

QByteArrayView FileDiffModel::nameOf(const Node &node) const
{
    return pathOf(node).sliced(node.nameStart);
}

void FileDiffModel::build()
{
    m_nodes.clear();
    m_nodes.reserve(size_t(m_shown.entries.size()) + 1);
    m_nodes.push_back(Node{});

    // The entries are in tree order: a directory right before its contents. The stack
    // holds the node of each directory the current path lies in, the root at the bottom.
    std::vector<int> stack{0};
    const auto pop = [this, &stack]() {
        const Node &done = m_nodes[size_t(stack.back())];
        m_nodes[size_t(done.parent)].delta += done.delta;
        stack.pop_back();
    };
    const auto addNode = [this, &stack](int entry, int pathEntry, int start, int end) {
        const int parent = stack.back();
        Node node;
        node.parent = parent;
        node.entry = entry;
        node.pathEntry = pathEntry;
        node.nameStart = start;
        node.nameEnd = end;
        node.row = int(m_nodes[size_t(parent)].children.size());
        if (entry >= 0)
            node.delta = countedDelta(m_shown.entries.at(entry));
        const int id = int(m_nodes.size());
        m_nodes.push_back(std::move(node));
        m_nodes[size_t(parent)].children.push_back(id);
        stack.push_back(id);
    };

    for (int e = 0; e < m_shown.entries.size(); ++e) {
        const QByteArrayView path(m_shown.entries.at(e).path);
        if (path.isEmpty())
            continue; // the root itself is not a row
        while (stack.size() > 1) {
            const QByteArrayView dir = pathOf(m_nodes[size_t(stack.back())]);
            if (path.size() > dir.size() && path.startsWith(dir) && path.at(dir.size()) == '/')
                break;
            pop();
        }
        const Node &top = m_nodes[size_t(stack.back())];
        int start = stack.size() > 1 ? int(top.nameEnd) + 1 : 0;
        // Folders no change names, between the deepest open directory and the path.
        for (qsizetype slash = path.indexOf('/', start); slash >= 0; slash = path.indexOf('/', start)) {
            addNode(-1, e, start, int(slash));
            start = int(slash) + 1;
        }
        addNode(e, e, start, int(path.size()));
    }
    while (stack.size() > 1)
        pop();
}

void FileDiffModel::ensureSorted(int id) const
{
    Node &node = m_nodes[size_t(id)];
    if (node.sortedFor == m_generation)
        return;
    node.sortedFor = m_generation;
    std::vector<int> &children = node.children;
    const bool descending = m_sortOrder == Qt::DescendingOrder;
    const auto byName = [this](int x, int y) {
        return nameOf(m_nodes[size_t(x)]) < nameOf(m_nodes[size_t(y)]);
    };
    const auto key = [this](int id) -> qint64 {
        const Node &n = m_nodes[size_t(id)];
        const FileChange *change = n.entry >= 0 ? &m_shown.entries.at(n.entry) : nullptr;
        switch (m_sortColumn) {
        case ChangeColumn:
            return change ? qint64(change->kind) + (change->isMtimeOnly() ? 1 : 0) : -1;
        case SizeAColumn:
        case SizeBColumn: {
            const bool sideB = m_sortColumn == SizeBColumn;
            if (!change || !hasSide(*change, sideB) || !(sideB ? change->b : change->a).isFile())
                return -1;
            return (sideB ? change->b : change->a).size;
        }
        case DeltaColumn:
            return n.delta;
        default:
            return 0;
        }
    };
    if (m_sortColumn == PathColumn || m_sortColumn == ModeColumn) {
        std::sort(children.begin(), children.end(), [&](int x, int y) {
            return descending ? byName(y, x) : byName(x, y);
        });
    } else {
        std::sort(children.begin(), children.end(), [&](int x, int y) {
            const qint64 kx = key(x);
            const qint64 ky = key(y);
            if (kx != ky)
                return descending ? ky < kx : kx < ky;
            return byName(x, y);
        });
    }
    for (size_t row = 0; row < children.size(); ++row)
        m_nodes[size_t(children[row])].row = int(row);
}

void FileDiffModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= ColumnCount)
        return;
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    m_sortColumn = column;
    m_sortOrder = order;
    ++m_generation;
    const QModelIndexList before = persistentIndexList();
    QModelIndexList after;
    after.reserve(before.size());
    for (const QModelIndex &index : before) {
        const int id = nodeOf(index);
        ensureSorted(m_nodes[size_t(id)].parent);
        after << createIndex(m_nodes[size_t(id)].row, index.column(), quintptr(id));
    }
    changePersistentIndexList(before, after);
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

int FileDiffModel::nodeOf(const QModelIndex &index) const
{
    return index.isValid() ? int(index.internalId()) : 0;
}

const FileChange *FileDiffModel::changeAt(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this)
        return nullptr;
    const Node &node = m_nodes[size_t(nodeOf(index))];
    return node.entry >= 0 ? &m_shown.entries.at(node.entry) : nullptr;
}

QModelIndex FileDiffModel::indexOfPath(QByteArrayView path) const
{
    int id = 0;
    qsizetype start = 0;
    while (start < path.size()) {
        const qsizetype slash = path.indexOf('/', start);
        const QByteArrayView name = path.sliced(start, (slash < 0 ? path.size() : slash) - start);
        int found = -1;
        for (int child : m_nodes[size_t(id)].children) {
            if (nameOf(m_nodes[size_t(child)]) == name) {
                found = child;
                break;
            }
        }
        if (found < 0)
            return {};
        id = found;
        if (slash < 0)
            break;
        start = slash + 1;
    }
    if (id == 0)
        return {};
    ensureSorted(m_nodes[size_t(id)].parent);
    return createIndex(m_nodes[size_t(id)].row, 0, quintptr(id));
}

QModelIndex FileDiffModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    const int id = nodeOf(parent);
    ensureSorted(id);
    return createIndex(row, column, quintptr(m_nodes[size_t(id)].children[size_t(row)]));
}

QModelIndex FileDiffModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    const int parent = m_nodes[size_t(nodeOf(child))].parent;
    if (parent <= 0)
        return {};
    ensureSorted(m_nodes[size_t(parent)].parent);
    return createIndex(m_nodes[size_t(parent)].row, 0, quintptr(parent));
}

int FileDiffModel::rowCount(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return 0;
    return int(m_nodes[size_t(nodeOf(parent))].children.size());
}

int FileDiffModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

bool FileDiffModel::hasChildren(const QModelIndex &parent) const
{
    return rowCount(parent) > 0;
}

QString FileDiffModel::flagsText(image::FileChangeFlags flags)
{
    QStringList words;
    if (flags & FileChangeFlag::Type)
        words << tr("type");
    if (flags & FileChangeFlag::Content)
        words << tr("content");
    if (flags & FileChangeFlag::ContentUnknown)
        words << tr("content not compared");
    if (flags & FileChangeFlag::Size)
        words << tr("size");
    if (flags & FileChangeFlag::Mode)
        words << tr("mode");
    if (flags & FileChangeFlag::Owner)
        words << tr("owner");
    if (flags & FileChangeFlag::LinkTarget)
        words << tr("link target");
    if (flags & FileChangeFlag::Device)
        words << tr("device numbers");
    if (words.isEmpty() && (flags & FileChangeFlag::MtimeOnly))
        words << tr("modification time");
    return words.join(tr(", "));
}

QString FileDiffModel::changeText(const FileChange &change)
{
    switch (change.kind) {
    case FileChangeKind::Added: return DiffCells::kindName(DiffCells::Kind::Added);
    case FileChangeKind::Removed: return DiffCells::kindName(DiffCells::Kind::Removed);
    case FileChangeKind::Changed: break;
    }
    if (change.isMtimeOnly())
        return tr("Modification time only");
    return tr("Changed: %1").arg(flagsText(change.flags));
}

QString FileDiffModel::changeToolTip(const FileChange &change)
{
    QStringList lines;
    const QString path = image::displayPath(change.path);
    switch (change.kind) {
    case FileChangeKind::Added:
        lines << tr("Only in B: %1").arg(path);
        if (change.collapsedCount > 0)
            lines << tr("%n path(s) inside, %1", nullptr, change.collapsedCount)
                         .arg(DiffCells::size(change.collapsedBytes));
        return lines.join(u'\n');
    case FileChangeKind::Removed:
        lines << tr("Only in A: %1").arg(path);
        if (change.collapsedCount > 0)
            lines << tr("%n path(s) inside, %1", nullptr, change.collapsedCount)
                         .arg(DiffCells::size(change.collapsedBytes));
        return lines.join(u'\n');
    case FileChangeKind::Changed:
        break;
    }
    const FileSide &a = change.a;
    const FileSide &b = change.b;
    const image::FileChangeFlags flags = change.flags;
    if (flags & FileChangeFlag::Type)
        lines << tr("Type: %1").arg(arrow(FileCells::typeName(a.type), FileCells::typeName(b.type)));
    if (flags & FileChangeFlag::Content)
        lines << tr("Content: the bytes differ (SHA-256)");
    if (flags & FileChangeFlag::ContentUnknown)
        lines << tr("Content: not compared (no hash), the sizes agree");
    if (flags & FileChangeFlag::Size)
        lines << tr("Size: %1").arg(arrow(DiffCells::size(a.size), DiffCells::size(b.size)));
    if (flags & FileChangeFlag::Mode)
        lines << tr("Mode: %1").arg(arrow(modeText(a), modeText(b)));
    if (flags & FileChangeFlag::Owner)
        lines << tr("Owner: %1").arg(arrow(ownerText(a), ownerText(b)));
    if (flags & FileChangeFlag::LinkTarget)
        lines << tr("Link target: %1")
                     .arg(arrow(image::displayPath(a.linkTarget), image::displayPath(b.linkTarget)));
    if (flags & FileChangeFlag::Device)
        lines << tr("Device numbers: %1")
                     .arg(arrow(QString(QString::number(a.devMajor) + u',' + QString::number(a.devMinor)),
                                QString(QString::number(b.devMajor) + u',' + QString::number(b.devMinor))));
    if (change.isMtimeOnly())
        lines << tr("Only the modification time differs.");
    return lines.join(u'\n');
}

QVariant FileDiffModel::folderData(const Node &node, int column, int role) const
{
    switch (column) {
    case ChangeColumn:
        if (role == DiffRoles::SortRole)
            return -1;
        return {};
    case DeltaColumn:
        if (role == Qt::ToolTipRole && node.delta != 0)
            return tr("%1 net, in the files below").arg(DiffCells::delta(node.delta));
        return DiffCells::deltaCell(node.delta, role);
    case SizeAColumn:
    case SizeBColumn:
        if (role == DiffRoles::SortRole)
            return qint64(-1);
        return {};
    default:
        return {};
    }
}

QVariant FileDiffModel::changeData(const Node &node, int column, int role) const
{
    const FileChange &change = m_shown.entries.at(node.entry);
    const DiffCells::Kind kind = change.isMtimeOnly() ? DiffCells::Kind::Same
                                                      : DiffCells::kindOf(change.kind);
    switch (column) {
    case ChangeColumn:
        if (role == Qt::ToolTipRole)
            return changeToolTip(change);
        if (role == DiffRoles::SortRole)
            return int(change.kind) + (change.isMtimeOnly() ? 1 : 0);
        if (role == Qt::FontRole && change.isMtimeOnly()) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return DiffCells::kindCell(kind, role, changeText(change));
    case SizeAColumn:
    case SizeBColumn: {
        const bool sideB = column == SizeBColumn;
        const FileSide &side = sideB ? change.b : change.a;
        if (!hasSide(change, sideB) || !side.isFile())
            return role == DiffRoles::SortRole ? QVariant(qint64(-1)) : QVariant();
        return DiffCells::sizeCell(side.size, role);
    }
    case DeltaColumn:
        return DiffCells::deltaCell(node.delta, role);
    case ModeColumn: {
        QString text;
        if (change.kind == FileChangeKind::Changed
            && (change.flags & (FileChangeFlag::Mode | FileChangeFlag::Type)))
            text = arrow(modeText(change.a), modeText(change.b));
        else
            text = modeText(hasSide(change, true) ? change.b : change.a);
        if (role == Qt::DisplayRole || role == DiffRoles::SortRole)
            return text;
        if (role == Qt::FontRole)
            return InspectorCells::fixedFont();
        return {};
    }
    default:
        return {};
    }
}

QVariant FileDiffModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Node &node = m_nodes[size_t(nodeOf(index))];
    const FileChange *change = node.entry >= 0 ? &m_shown.entries.at(node.entry) : nullptr;
    switch (role) {
    case DiffRoles::KindRole:
        return int(!change || change->isMtimeOnly() ? DiffCells::Kind::Same
                                                    : DiffCells::kindOf(change->kind));
    case DiffRoles::DiffersRole: return change && !change->isMtimeOnly();
    case DiffRoles::ChangeIndexRole: return node.entry;
    case DiffRoles::PathRole: return image::displayPath(pathOf(node));
    case DiffRoles::RawPathRole: return pathOf(node).toByteArray();
    case DiffRoles::FlagsRole: return change ? int(change->flags.toInt()) : 0;
    case DiffRoles::IsDirectoryRole: return !change || change->isDirectory();
    case DiffRoles::HasContentRole:
        return change
               && ((hasSide(*change, false) && change->a.hasContent())
                   || (hasSide(*change, true) && change->b.hasContent()));
    case DiffRoles::DeltaRole: return node.delta;
    default: break;
    }
    if (index.column() == PathColumn) {
        if (role == Qt::DisplayRole || role == DiffRoles::SortRole)
            return image::displayPath(nameOf(node));
        if (role == Qt::ToolTipRole)
            return image::displayPath(pathOf(node));
        if (role == Qt::ForegroundRole && change)
            return DiffCells::kindCell(DiffCells::Kind(data(index, DiffRoles::KindRole).toInt()), role);
        return {};
    }
    return change ? changeData(node, index.column(), role) : folderData(node, index.column(), role);
}

QVariant FileDiffModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractItemModel::headerData(section, orientation, role);
    switch (section) {
    case PathColumn: return tr("Path");
    case ChangeColumn: return tr("Change");
    case SizeAColumn: return tr("Size A");
    case SizeBColumn: return tr("Size B");
    case DeltaColumn: return tr("Delta");
    case ModeColumn: return tr("Mode");
    default: return {};
    }
}
