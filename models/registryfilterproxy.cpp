#include "registryfilterproxy.h"

#include "roles.h"

#include <algorithm>

RegistryFilterProxy::RegistryFilterProxy(QObject *parent) : QSortFilterProxyModel(parent)
{
    setRecursiveFilteringEnabled(true);
    setAutoAcceptChildRows(true);
    setFilterCaseSensitivity(Qt::CaseInsensitive);
    setFilterRole(ModelRoles::SearchTextRole);
    // The source's order (natural, namespaces before tags) is kept: no sorting here.
    setDynamicSortFilter(true);
}

RegistryFilterProxy::~RegistryFilterProxy() = default;

void RegistryFilterProxy::setFilterText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_text)
        return;
    m_text = trimmed;
    // Qt 6.4 has no beginFilterChange(); invalidateFilter() re-evaluates every row.
    invalidateFilter();
    Q_EMIT filterTextChanged(m_text);
}

bool RegistryFilterProxy::matchesItself(const QModelIndex &sourceIndex) const
{
    if (m_text.isEmpty())
        return true;
    const QString searchText = sourceIndex.data(ModelRoles::SearchTextRole).toString();
    return !searchText.isEmpty() && searchText.contains(m_text, Qt::CaseInsensitive);
}

bool RegistryFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_text.isEmpty())
        return true;
    return matchesItself(sourceModel()->index(sourceRow, 0, sourceParent));
}

QModelIndexList RegistryFilterProxy::indexesToExpand(int limit) const
{
    QModelIndexList result;
    if (m_text.isEmpty() || !sourceModel())
        return result;
    // Depth first over the proxy's rows. A row that matches by itself stays as it is (its
    // contents are all shown, it need not open); a row is expanded when something below it
    // matches. Rows whose children are not loaded have nothing to look at.
    const auto walk = [&](const auto &self, const QModelIndex &parent) -> bool {
        bool any = false;
        const int rows = rowCount(parent);
        for (int row = 0; row < rows && result.size() < limit; ++row) {
            const QModelIndex child = index(row, 0, parent);
            const QModelIndex source = mapToSource(child);
            if (matchesItself(source)) {
                any = true;
                continue;
            }
            if (hasChildren(child) && !sourceModel()->canFetchMore(source) && self(self, child)) {
                result.append(child);
                any = true;
            }
        }
        return any;
    };
    walk(walk, QModelIndex());
    // Found children first; reversed, every row comes before the rows below it.
    std::reverse(result.begin(), result.end());
    return result;
}
