#include "filetreeproxy.h"

#include "fileroles.h"

#include "image/fs/mergedfilesystem.h"

#include <QGuiApplication>
#include <QPalette>

FileTreeProxy::FileTreeProxy(QObject *parent) : QSortFilterProxyModel(parent)
{
    setRecursiveFilteringEnabled(true);
    setSortRole(FileRoles::SortRole);
    setDynamicSortFilter(true);
}

FileTreeProxy::~FileTreeProxy() = default;

QRegularExpression FileTreeProxy::globPattern(const QString &glob)
{
    // Our own conversion: `*` and `?` stop at '/', `**` crosses directories, `[...]` is a
    // class (`[!...]` negated); everything else is literal.
    QString pattern;
    pattern.reserve(glob.size() * 2);
    for (qsizetype i = 0; i < glob.size(); ++i) {
        const QChar c = glob.at(i);
        if (c == u'*') {
            if (i + 1 < glob.size() && glob.at(i + 1) == u'*') {
                ++i;
                // `**/` also matches no directory at all.
                if (i + 1 < glob.size() && glob.at(i + 1) == u'/') {
                    ++i;
                    pattern += u"(?:.*/)?";
                } else {
                    pattern += u".*";
                }
            } else {
                pattern += u"[^/]*";
            }
        } else if (c == u'?') {
            pattern += u"[^/]";
        } else if (c == u'[') {
            const qsizetype close = glob.indexOf(u']', i + 2);
            if (close < 0) {
                pattern += QRegularExpression::escape(QString(c));
                continue;
            }
            QString set = glob.mid(i + 1, close - i - 1);
            if (set.startsWith(u'!'))
                set[0] = u'^';
            set.replace(u'\\', QStringLiteral("\\\\"));
            pattern += u'[' + set + u']';
            i = close;
        } else {
            pattern += QRegularExpression::escape(QString(c));
        }
    }
    return QRegularExpression(QRegularExpression::anchoredPattern(pattern),
                              QRegularExpression::CaseInsensitiveOption);
}

void FileTreeProxy::setPathFilter(const QString &text)
{
    QString trimmed = text.trimmed();
    // People paste absolute paths: the tree's paths have no leading '/'.
    while (trimmed.startsWith(u'/'))
        trimmed.remove(0, 1);
    if (trimmed == m_text)
        return;
    m_text = trimmed;
    m_glob = m_text.contains(u'*') || m_text.contains(u'?') || m_text.contains(u'[');
    m_globOnName = m_glob && !m_text.contains(u'/');
    m_valid = true;
    if (m_glob) {
        m_pattern = globPattern(m_text);
        m_valid = m_pattern.isValid();
    }
    refilter();
}

void FileTreeProxy::setChangesOnly(bool on, int layer)
{
    if (on == m_changesOnly && layer == m_layer)
        return;
    m_changesOnly = on;
    m_layer = layer;
    refilter();
}

void FileTreeProxy::refilter()
{
    invalidateFilter();
}

bool FileTreeProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (m_changesOnly) {
        if (m_layer >= 0 && index.data(FileRoles::LayerRole).toInt() != m_layer)
            return false;
        const QVariant change = index.data(FileRoles::ChangeRole);
        if (change.isValid()) {
            switch (image::Change(change.toInt())) {
            case image::Change::Added:
            case image::Change::Modified:
            case image::Change::Removed:
            case image::Change::Opaque:
                break;
            default:
                return false;
            }
        }
    }
    if (m_text.isEmpty())
        return true;
    const QString path = index.data(FileRoles::SearchTextRole).toString();
    if (!m_glob)
        return path.contains(m_text, Qt::CaseInsensitive);
    if (!m_valid)
        return false;
    if (m_globOnName)
        return m_pattern.match(path.mid(path.lastIndexOf(u'/') + 1)).hasMatch();
    return m_pattern.match(path).hasMatch();
}

bool FileTreeProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const int column = left.column();
    if (column == 0) {
        const bool leftDir = left.data(FileRoles::IsDirectoryRole).toBool();
        const bool rightDir = right.data(FileRoles::IsDirectoryRole).toBool();
        if (leftDir != rightDir)
            return leftDir;
        return m_less(left.data(FileRoles::SortRole).toString(),
                      right.data(FileRoles::SortRole).toString());
    }
    const QVariant a = left.data(FileRoles::SortRole);
    const QVariant b = right.data(FileRoles::SortRole);
    if (a.typeId() == QMetaType::QString || b.typeId() == QMetaType::QString) {
        const int order = m_less.compare(a.toString(), b.toString());
        if (order != 0)
            return order < 0;
    } else {
        const int order = QVariant::compare(a, b) == QPartialOrdering::Less      ? -1
                          : QVariant::compare(a, b) == QPartialOrdering::Greater ? 1
                                                                                 : 0;
        if (order != 0)
            return order < 0;
    }
    // Ties by name, so the order is total and stable.
    return m_less(left.siblingAtColumn(0).data(FileRoles::SortRole).toString(),
                  right.siblingAtColumn(0).data(FileRoles::SortRole).toString());
}

QVariant FileTreeProxy::data(const QModelIndex &index, int role) const
{
    if (role == Qt::ForegroundRole && m_changesOnly && m_layer >= 0 && index.isValid() &&
        index.data(FileRoles::LayerRole).toInt() != m_layer)
        return QGuiApplication::palette().brush(QPalette::PlaceholderText);
    return QSortFilterProxyModel::data(index, role);
}
