#include "diff/historydiffmodel.h"

#include "diff/diffcells.h"
#include "diff/diffroles.h"
#include "inspectorcells.h"

#include "oci/manifest/layerhistory.h"

#include <QFont>

namespace {

DiffCells::Kind kindOf(const image::HistoryRow &row)
{
    if (!row.differs)
        return DiffCells::Kind::Same;
    if (row.indexA < 0)
        return DiffCells::Kind::Added;
    if (row.indexB < 0)
        return DiffCells::Kind::Removed;
    return DiffCells::Kind::Changed;
}

QString stepToolTip(const QString &createdBy, bool emptyLayer)
{
    if (!emptyLayer)
        return createdBy;
    return QString(createdBy + u'\n' + HistoryDiffModel::tr("This step made no layer."));
}

} // namespace

HistoryDiffModel::HistoryDiffModel(QObject *parent) : QAbstractTableModel(parent) {}

HistoryDiffModel::~HistoryDiffModel() = default;

void HistoryDiffModel::setHistory(const QList<image::HistoryRow> &rows)
{
    beginResetModel();
    m_history = rows;
    m_unfolded.clear();
    rebuild();
    endResetModel();
}

void HistoryDiffModel::clear()
{
    setHistory({});
}

void HistoryDiffModel::setShowUnchanged(bool show)
{
    if (show == m_showUnchanged)
        return;
    beginResetModel();
    m_showUnchanged = show;
    rebuild();
    endResetModel();
}

bool HistoryDiffModel::expandRow(int row)
{
    if (row < 0 || row >= m_shown.size() || m_shown.at(row).count < 2)
        return false;
    const Shown folded = m_shown.at(row);
    m_unfolded.insert(folded.first);
    beginRemoveRows({}, row, row);
    m_shown.removeAt(row);
    endRemoveRows();
    beginInsertRows({}, row, row + folded.count - 1);
    for (int i = 0; i < folded.count; ++i)
        m_shown.insert(row + i, Shown{folded.first + i, 1});
    endInsertRows();
    return true;
}

void HistoryDiffModel::rebuild()
{
    m_shown.clear();
    int i = 0;
    while (i < m_history.size()) {
        int end = i;
        while (end < m_history.size() && !m_history.at(end).differs)
            ++end;
        const int run = end - i;
        if (!m_showUnchanged && run >= 2 && !m_unfolded.contains(i)) {
            m_shown.append(Shown{i, run});
            i = end;
            continue;
        }
        m_shown.append(Shown{i, 1});
        ++i;
    }
}

int HistoryDiffModel::historyRowAt(int row) const
{
    return m_shown.at(row).first;
}

int HistoryDiffModel::differingCount() const
{
    int count = 0;
    for (const image::HistoryRow &row : m_history)
        count += row.differs ? 1 : 0;
    return count;
}

int HistoryDiffModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_shown.size());
}

int HistoryDiffModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HistoryDiffModel::foldedData(const Shown &shown, int column, int role) const
{
    const image::HistoryRow &first = m_history.at(shown.first);
    const image::HistoryRow &last = m_history.at(shown.first + shown.count - 1);
    switch (role) {
    case DiffRoles::KindRole: return int(DiffCells::Kind::Same);
    case DiffRoles::DiffersRole: return false;
    case DiffRoles::HistoryIndexARole: return first.indexA;
    case DiffRoles::HistoryIndexBRole: return first.indexB;
    case DiffRoles::CollapsedCountRole: return shown.count;
    default: break;
    }
    switch (column) {
    case StepAColumn:
    case StepBColumn: {
        const int from = column == StepAColumn ? first.indexA : first.indexB;
        const int to = column == StepAColumn ? last.indexA : last.indexB;
        if (role == Qt::DisplayRole)
            return QString(QString::number(from + 1) + u'\u2013' + QString::number(to + 1));
        if (role == DiffRoles::SortRole)
            return from;
        if (role == Qt::TextAlignmentRole)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    }
    case CreatedByAColumn:
    case CreatedByBColumn:
        if (role == Qt::DisplayRole)
            return tr("%n unchanged step(s)", nullptr, shown.count);
        if (role == Qt::ToolTipRole)
            return tr("The same in both images. Show unchanged steps, or double-click, to see them.");
        if (role == Qt::FontRole) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return {};
    default:
        return {};
    }
}

QVariant HistoryDiffModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Shown &shown = m_shown.at(index.row());
    if (shown.count > 1)
        return foldedData(shown, index.column(), role);
    const image::HistoryRow &row = m_history.at(shown.first);
    const DiffCells::Kind kind = kindOf(row);
    switch (role) {
    case DiffRoles::KindRole: return int(kind);
    case DiffRoles::DiffersRole: return row.differs;
    case DiffRoles::HistoryIndexARole: return row.indexA;
    case DiffRoles::HistoryIndexBRole: return row.indexB;
    case DiffRoles::CollapsedCountRole: return 0;
    case Qt::ForegroundRole:
        return DiffCells::kindCell(kind, role);
    case Qt::FontRole: {
        // Commands in the fixed font, as the inspector's history; differing rows bold.
        const bool command = index.column() == CreatedByAColumn || index.column() == CreatedByBColumn;
        QFont font = command ? InspectorCells::fixedFont().value<QFont>() : QFont();
        font.setBold(row.differs);
        return font;
    }
    default: break;
    }
    const bool sideA = index.column() == StepAColumn || index.column() == CreatedByAColumn;
    const int step = sideA ? row.indexA : row.indexB;
    if (step < 0)
        return {};
    switch (index.column()) {
    case StepAColumn:
    case StepBColumn:
        if (role == DiffRoles::SortRole)
            return step;
        return InspectorCells::numberCell(step, role);
    case CreatedByAColumn:
    case CreatedByBColumn: {
        const QString &createdBy = sideA ? row.createdByA : row.createdByB;
        if (role == Qt::DisplayRole)
            return oci::LayerHistory::oneLineCommand(createdBy);
        if (role == DiffRoles::SortRole)
            return createdBy;
        if (role == Qt::ToolTipRole)
            return stepToolTip(createdBy, sideA ? row.emptyLayerA : row.emptyLayerB);
        return {};
    }
    default:
        return {};
    }
}

QVariant HistoryDiffModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case StepAColumn: return tr("A");
    case CreatedByAColumn: return tr("Step in A");
    case StepBColumn: return tr("B");
    case CreatedByBColumn: return tr("Step in B");
    default: return {};
    }
}
