#include "ops/delete/deleteplanmodel.h"

#include "inspectorcells.h"
#include "naturalsort.h"
#include "ops/tagfatetext.h"
#include "tagtabletext.h"

#include <QColor>
#include <QFont>

#include <algorithm>
#include <numeric>

using Fate = ops::TagFate::Fate;

namespace {

// Deleted first, then what a rule protects, then the rest: the order a person checks them.
int fateOrder(Fate fate)
{
    switch (fate) {
    case Fate::Deleted: return 0;
    case Fate::Protected: return 1;
    case Fate::Kept: return 2;
    }
    return 3;
}

} // namespace

DeletePlanModel::DeletePlanModel(QObject *parent) : QAbstractTableModel(parent) {}

DeletePlanModel::~DeletePlanModel() = default;

void DeletePlanModel::setPlan(const ops::DeletePlan &plan)
{
    setPlan(plan, QHash<QString, QDateTime>());
}

void DeletePlanModel::setPlan(const ops::DeletePlan &plan, const ops::RepositoryScan &scan)
{
    QHash<QString, QDateTime> created;
    for (const oci::TagDetails &row : scan.tags) {
        if (row.details.created.isValid())
            created.insert(row.tag, row.details.created);
    }
    setPlan(plan, created);
}

void DeletePlanModel::setPlan(const ops::DeletePlan &plan, const QHash<QString, QDateTime> &created)
{
    beginResetModel();
    m_plan = plan;
    m_created = created;
    m_deletedDigests.clear();
    for (const ops::TagFate &tag : std::as_const(m_plan.tags)) {
        if (tag.fate == Fate::Deleted)
            m_deletedDigests.insert(tag.digest);
    }
    // Natural order of the tags, once: "v2" before "v10" in every sort of the Tag column.
    m_tagRank.resize(m_plan.tags.size());
    QList<int> order(m_plan.tags.size());
    std::iota(order.begin(), order.end(), 0);
    const NaturalLess less;
    std::sort(order.begin(), order.end(), [this, &less](int a, int b) {
        return less(m_plan.tags.at(a).tag, m_plan.tags.at(b).tag);
    });
    for (int rank = 0; rank < order.size(); ++rank)
        m_tagRank[order.at(rank)] = rank;
    endResetModel();
}

void DeletePlanModel::clear()
{
    setPlan(ops::DeletePlan());
}

int DeletePlanModel::rowOf(const QString &tag) const
{
    for (int row = 0; row < m_plan.tags.size(); ++row) {
        if (m_plan.tags.at(row).tag == tag)
            return row;
    }
    return -1;
}

int DeletePlanModel::touchedCount() const
{
    int count = 0;
    for (const ops::TagFate &tag : m_plan.tags) {
        if (tag.fate == Fate::Deleted || m_deletedDigests.contains(tag.digest))
            ++count;
    }
    return count;
}

QColor DeletePlanModel::fateColour(int fate)
{
    // The dialogs' problem and warning colours (ui/dialogtext.cpp), readable on light and
    // dark window colours.
    switch (Fate(fate)) {
    case Fate::Deleted: return QColor(0xb3, 0x26, 0x1e);
    case Fate::Protected: return QColor(0xa8, 0x4b, 0x00);
    case Fate::Kept: return {};
    }
    return {};
}

int DeletePlanModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_plan.tags.size());
}

int DeletePlanModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DeletePlanModel::sortKey(int row, int column) const
{
    const ops::TagFate &tag = m_plan.tags.at(row);
    switch (column) {
    case TagColumn: return m_tagRank.at(row);
    case DigestColumn: return tag.digest.toString();
    case CreatedColumn: return m_created.value(tag.tag).toUTC();
    case DecisionColumn: return fateOrder(tag.fate);
    case WhyColumn: return tagFateText(tag);
    default: return {};
    }
}

QVariant DeletePlanModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ops::TagFate &tag = m_plan.tags.at(index.row());
    switch (role) {
    case FateRole: return int(tag.fate);
    case TouchedRole: return tag.fate == Fate::Deleted || m_deletedDigests.contains(tag.digest);
    case SortRole: return sortKey(index.row(), index.column());
    case TagRole: return tag.tag;
    case DigestRole: return tag.digest.toString();
    case CreatedRole: return m_created.value(tag.tag).toUTC();
    default: break;
    }
    switch (index.column()) {
    case TagColumn:
        if (role == Qt::DisplayRole || role == Qt::ToolTipRole)
            return tag.tag;
        if (role == Qt::FontRole && tag.fate == Fate::Deleted) {
            QFont font;
            font.setStrikeOut(true);
            return font;
        }
        return {};
    case DigestColumn:
        return InspectorCells::digestCell(tag.digest, role);
    case CreatedColumn: {
        const QDateTime created = m_created.value(tag.tag);
        if (role == Qt::DisplayRole)
            return TagTableText::created(created);
        if (role == Qt::ToolTipRole && created.isValid())
            return created.toUTC().toString(Qt::ISODate);
        return {};
    }
    case DecisionColumn:
        if (role == Qt::DisplayRole)
            return tagFateName(int(tag.fate));
        if (role == Qt::ToolTipRole)
            return tagFateText(tag);
        if (role == Qt::ForegroundRole) {
            const QColor colour = fateColour(int(tag.fate));
            return colour.isValid() ? QVariant(colour) : QVariant();
        }
        if (role == Qt::FontRole && tag.fate != Fate::Kept) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case WhyColumn:
        if (role == Qt::DisplayRole || role == Qt::ToolTipRole)
            return tagFateText(tag);
        return {};
    default:
        return {};
    }
}

QVariant DeletePlanModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TagColumn: return tr("Tag");
    case DigestColumn: return tr("Digest");
    case CreatedColumn: return tr("Created");
    case DecisionColumn: return tr("Decision");
    case WhyColumn: return tr("Why");
    default: return {};
    }
}

QHash<int, QByteArray> DeletePlanModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(FateRole, "fate");
    names.insert(TouchedRole, "touched");
    names.insert(SortRole, "sortKey");
    names.insert(TagRole, "tag");
    names.insert(DigestRole, "digest");
    names.insert(CreatedRole, "created");
    return names;
}
