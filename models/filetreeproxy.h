#pragma once

#include "naturalsort.h"

#include <QRegularExpression>
#include <QSortFilterProxyModel>

// Sorting and filtering for the file trees (a layer's files, the merged tree):
// - names in natural order with directories first; sizes (the Size column) by bytes,
//   directories by the bytes below them;
// - a path filter: text without wildcards matches anywhere in the path, case-insensitive;
//   a glob (`*.so`, `usr/lib/**/libc*`, `[a-z]*.conf`) matches the file name when it has
//   no '/', else the whole path (`*` stays within one component, `**` crosses them);
// - "only changes": rows marked added, modified, removed or opaque (markers not known yet
//   count as changes, so nothing vanishes while they load); with a layer set, only rows
//   that layer wrote last (the merged tree's "what layer N changed").
// A match keeps its ancestors (recursive filtering) so every hit is reachable.
class FileTreeProxy final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FileTreeProxy)

public:
    explicit FileTreeProxy(QObject *parent = nullptr);
    ~FileTreeProxy() override;

    void setPathFilter(const QString &text);
    QString pathFilter() const { return m_text; }
    bool isGlob() const { return m_glob; }
    // False when the glob could not be made a pattern (the filter then matches nothing).
    bool isFilterValid() const { return m_valid; }

    void setChangesOnly(bool on, int layer = -1);
    bool changesOnly() const { return m_changesOnly; }
    int changedLayer() const { return m_layer; }

    bool isFiltering() const { return !m_text.isEmpty() || m_changesOnly; }

    // The pattern a glob turns into (exposed for tests); anchored.
    static QRegularExpression globPattern(const QString &glob);

    // Rows kept only as the way to a match (another layer's directories under "what layer N
    // changed") read muted.
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    void refilter();

    QString m_text;
    bool m_glob = false;
    bool m_globOnName = false;
    bool m_valid = true;
    QRegularExpression m_pattern;
    bool m_changesOnly = false;
    int m_layer = -1;
    NaturalLess m_less;
};
