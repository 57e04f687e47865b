#include "wastemodel.h"

#include "filecells.h"
#include "fileroles.h"

#include "image/layer/pathclean.h"

#include <QLocale>

WasteModel::WasteModel(QObject *parent) : QAbstractTableModel(parent) {}

WasteModel::~WasteModel() = default;

void WasteModel::setReport(const image::WasteReport &report)
{
    beginResetModel();
    m_report = report;
    m_hasReport = true;
    endResetModel();
}

void WasteModel::clear()
{
    beginResetModel();
    m_report = image::WasteReport();
    m_hasReport = false;
    endResetModel();
}

QString WasteModel::summaryText() const
{
    if (!m_hasReport)
        return {};
    const QLocale locale;
    return tr("%1 wasted of %2 shipped in files — efficiency %3 % (dive's score: %4 %)")
        .arg(locale.formattedDataSize(m_report.wastedBytes, 1),
             locale.formattedDataSize(m_report.totalBytes, 1),
             locale.toString(m_report.efficiency * 100.0, 'f', 1),
             locale.toString(m_report.dive.score * 100.0, 'f', 1));
}

int WasteModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_report.paths.size());
}

int WasteModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString WasteModel::copiesText(const image::WastedPath &path) const
{
    QStringList parts;
    for (const image::WastedCopy &copy : path.copies) {
        QString how;
        switch (copy.reason) {
        case image::Removal::Reason::Whiteout:
        case image::Removal::Reason::Opaque:
            how = tr("layer %1, deleted by layer %2");
            break;
        case image::Removal::Reason::Duplicate:
            how = tr("layer %1, written again in layer %2");
            break;
        case image::Removal::Reason::Replaced:
        case image::Removal::Reason::Overwritten:
            how = tr("layer %1, overwritten by layer %2");
            break;
        case image::Removal::Reason::Unapplied:
            how = tr("layer %1, never applied: unsafe name");
            break;
        }
        parts << (how.contains(u"%2") ? how.arg(copy.layer + 1).arg(copy.removedBy + 1)
                                      : how.arg(copy.layer + 1));
    }
    return parts.join(QStringLiteral("; "));
}

QVariant WasteModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const image::WastedPath &path = m_report.paths.at(index.row());
    switch (role) {
    case FileRoles::PathRole:
    case FileRoles::SearchTextRole:
        return image::displayPath(path.path);
    case FileRoles::RawPathRole:
        return path.path;
    case FileRoles::SizeRole:
        return path.wastedBytes;
    case FileRoles::LayerRole:
        return path.copies.isEmpty() ? -1 : path.copies.constFirst().layer;
    default:
        break;
    }
    switch (index.column()) {
    case PathColumn:
        if (role == Qt::DisplayRole || role == Qt::ToolTipRole || role == FileRoles::SortRole)
            return QString(u'/' + image::displayPath(path.path));
        break;
    case WastedColumn:
        if (role == FileRoles::SortRole)
            return path.wastedBytes;
        return FileCells::sizeCell(path.wastedBytes, true, role);
    case CopiesColumn:
        if (role == Qt::DisplayRole || role == FileRoles::SortRole)
            return int(path.copies.size());
        if (role == Qt::TextAlignmentRole)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case LayersColumn:
        if (role == Qt::DisplayRole || role == Qt::ToolTipRole || role == FileRoles::SortRole)
            return copiesText(path);
        break;
    default:
        break;
    }
    return {};
}

QVariant WasteModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case PathColumn:
        return tr("Path");
    case WastedColumn:
        return tr("Wasted");
    case CopiesColumn:
        return tr("Copies");
    case LayersColumn:
        return tr("Where the bytes are");
    default:
        return {};
    }
}
