#include "tagtableproxymodel.h"

#include "tagtablemodel.h"

#include "oci/inspect/imagedetails.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

TagTableProxyModel::TagTableProxyModel(QObject *parent) : QSortFilterProxyModel(parent)
{
    setDynamicSortFilter(false);
}

void TagTableProxyModel::setSourceModel(QAbstractItemModel *model)
{
    m_model = qobject_cast<TagTableModel *>(model);
    Q_ASSERT_X(!model || m_model, "TagTableProxyModel", "the source must be a TagTableModel");
    QSortFilterProxyModel::setSourceModel(model);
}

void TagTableProxyModel::setFilterText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_filterText)
        return;
    m_filterText = trimmed;
    // "sha256:" plus at least one hex digit: no tag name can contain a colon.
    static const QRegularExpression digestPrefix(
        QRegularExpression::anchoredPattern(u"[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-fA-F0-9]+"_s));
    m_byDigest = digestPrefix.match(trimmed).hasMatch();
    invalidateFilter();
}

void TagTableProxyModel::setHideFallbackTags(bool hide)
{
    if (hide == m_hideFallbackTags)
        return;
    m_hideFallbackTags = hide;
    invalidateFilter();
}

void TagTableProxyModel::resort()
{
    if (sortColumn() < 0)
        return;
    // With dynamic sorting off, sort() sorts again even for the same column and order.
    sort(sortColumn(), sortOrder());
}

bool TagTableProxyModel::sortsByDetails() const
{
    return sortColumn() > TagTableModel::NameColumn;
}

bool TagTableProxyModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (!m_model)
        return QSortFilterProxyModel::lessThan(left, right);
    const int column = left.column();
    const int a = left.row();
    const int b = right.row();
    // Qt sorts descending by asking lessThan(b, a): these answers keep unknown values
    // last and ties in ascending name order in both directions.
    const bool ascending = sortOrder() == Qt::AscendingOrder;
    const bool knownA = m_model->hasSortValue(a, column);
    const bool knownB = m_model->hasSortValue(b, column);
    if (knownA != knownB)
        return ascending ? knownA : knownB;
    if (knownA && column != TagTableModel::NameColumn) {
        const int order = m_model->compareRows(a, b, column);
        if (order != 0)
            return order < 0;
    }
    const int byName = m_model->compareNames(a, b);
    return ascending ? byName < 0 : byName > 0;
}

bool TagTableProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (!m_model || sourceParent.isValid())
        return true;
    const QString tag = m_model->tagAt(sourceRow);
    if (m_hideFallbackTags && oci::isReferrerFallbackTag(tag))
        return false;
    if (m_byDigest) {
        const oci::Digest digest = m_model->digestAt(sourceRow);
        return !digest.isNull() && digest.toString().startsWith(m_filterText, Qt::CaseInsensitive);
    }
    return m_filterText.isEmpty() || tag.contains(m_filterText, Qt::CaseInsensitive);
}
