#pragma once

#include <QSortFilterProxyModel>

class TagTableModel;

// The order and selection of tags a person sees: natural order for names ("1.9" before
// "1.10"), values for sizes and dates; rows whose value is not known yet always go last,
// whatever the direction, and ties are broken by name so the order is total and stable.
// Filters by name (case-insensitive substring), or by digest when the text is one or the
// beginning of one ("sha256:4f2a…"), and hides "sha256-<hex>" referrers fallback tags
// unless asked to show them.
//
// Details arrive in the background, thousands of them. The proxy does NOT re-sort on
// every change (dynamicSortFilter is off): rows would jump under the pointer all the
// time. Whoever shows it calls resort() now and then while details load (the repository
// page: at most once a second) and once when they are complete, so the order is right
// across all tags when loading ends. New rows are inserted in sorted position at once.
class TagTableProxyModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TagTableProxyModel)

public:
    explicit TagTableProxyModel(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *model) override;
    TagTableModel *tagModel() const { return m_model; }

    QString filterText() const { return m_filterText; }
    void setFilterText(const QString &text);
    // The filter text names a digest: it depends on details (refilter() as they arrive).
    bool filtersByDigest() const { return m_byDigest; }
    void refilter() { invalidateFilter(); }
    bool hidesFallbackTags() const { return m_hideFallbackTags; }
    void setHideFallbackTags(bool hide);

    // Sorts again by the current column and order (a no-op while unsorted).
    void resort();
    // Whether the current sort column depends on details that are still loading.
    bool sortsByDetails() const;

protected:
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    TagTableModel *m_model = nullptr;
    QString m_filterText;
    bool m_byDigest = false;
    bool m_hideFallbackTags = true;
};
