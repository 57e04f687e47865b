#include "ops/cleanup/planfatefilter.h"

#include "ops/delete/deleteplanmodel.h"

PlanFateFilter::PlanFateFilter(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(DeletePlanModel::SortRole);
}

PlanFateFilter::~PlanFateFilter() = default;

void PlanFateFilter::setFate(std::optional<int> fate)
{
    if (fate == m_fate)
        return;
    m_fate = fate;
    invalidateFilter();
}

void PlanFateFilter::setTagText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_tagText)
        return;
    m_tagText = trimmed;
    invalidateFilter();
}

bool PlanFateFilter::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (m_fate && index.data(DeletePlanModel::FateRole).toInt() != *m_fate)
        return false;
    return m_tagText.isEmpty() ||
           index.data(DeletePlanModel::TagRole).toString().contains(m_tagText, Qt::CaseInsensitive);
}
