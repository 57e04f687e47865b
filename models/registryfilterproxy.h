#pragma once

#include <QSortFilterProxyModel>

// Filters RegistryTreeModel as a person types: a row stays when its path (SearchTextRole:
// host, "org/team/app", "org/team/app:tag") contains the text, case-insensitively, and so do
// its ancestors (recursive filtering) and everything below it (a matching registry or folder
// keeps its contents, including "Loading…" and error rows). Rows keep the model's order.
// Debouncing belongs to the view side (RegistryFilterEdit); this applies a text at once.
class RegistryFilterProxy final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RegistryFilterProxy)

public:
    explicit RegistryFilterProxy(QObject *parent = nullptr);
    ~RegistryFilterProxy() override;

    QString filterText() const { return m_text; }
    void setFilterText(const QString &text);
    bool isFiltering() const { return !m_text.isEmpty(); }

    // Whether a source row matches the text itself (not only through a relative).
    bool matchesItself(const QModelIndex &sourceIndex) const;

    // Proxy rows a view should expand to show every match: loaded ancestors of rows that
    // match themselves. Nothing that still has to be fetched is listed, so expanding them
    // starts no request.
    QModelIndexList indexesToExpand(int limit = 2000) const;

Q_SIGNALS:
    void filterTextChanged(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_text;
};
