#include "layertablemodel.h"

#include "inspectormediatypes.h"
#include "inspectorroles.h"

#include "oci/manifest/descriptor.h"
#include "oci/manifest/imageconfig.h"

#include <QFontDatabase>
#include <QLocale>

LayerTableModel::LayerTableModel(QObject *parent) : QAbstractTableModel(parent) {}

LayerTableModel::~LayerTableModel() = default;

void LayerTableModel::setLayers(const QList<oci::Descriptor> &layers)
{
    beginResetModel();
    m_layers = layers;
    m_history.clear();
    m_map = LayerHistory();
    endResetModel();
}

void LayerTableModel::setHistory(const QList<oci::HistoryEntry> &history)
{
    m_history = history;
    m_map = LayerHistory(history, m_layers.size());
    if (!m_layers.isEmpty())
        Q_EMIT dataChanged(index(0, CreatedByColumn), index(rowCount() - 1, CreatedByColumn));
}

void LayerTableModel::clear()
{
    setLayers({});
}

const oci::Descriptor &LayerTableModel::layer(int row) const
{
    static const oci::Descriptor none;
    return row >= 0 && row < m_layers.size() ? m_layers.at(row) : none;
}

int LayerTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_layers.size());
}

int LayerTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LayerTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const oci::Descriptor &layer = m_layers.at(index.row());
    const int historyIndex = m_map.historyOf(index.row());
    const oci::HistoryEntry *entry = historyIndex >= 0 ? &m_history.at(historyIndex) : nullptr;

    switch (role) {
    case InspectorRoles::DigestRole:
        return layer.digest().toString();
    case InspectorRoles::MediaTypeRole:
        return layer.mediaType();
    case InspectorRoles::SizeRole:
        return layer.size();
    case InspectorRoles::LayerRole:
        return index.row();
    case InspectorRoles::HistoryRole:
        return historyIndex;
    case InspectorRoles::SortRole:
        switch (index.column()) {
        case NumberColumn:
            return index.row();
        case SizeColumn:
            return layer.size();
        default:
            return data(index, Qt::DisplayRole);
        }
    default:
        break;
    }

    switch (index.column()) {
    case NumberColumn:
        if (role == Qt::DisplayRole)
            return index.row() + 1;
        if (role == Qt::TextAlignmentRole)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case SizeColumn:
        if (role == Qt::DisplayRole)
            return QLocale().formattedDataSize(layer.size(), 1);
        if (role == Qt::ToolTipRole)
            return tr("%1 bytes, compressed as stored").arg(QLocale().toString(layer.size()));
        if (role == Qt::TextAlignmentRole)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case TypeColumn:
        if (role == Qt::DisplayRole)
            return MediaTypeNames::nameOrType(layer.mediaType());
        if (role == Qt::ToolTipRole)
            return layer.mediaType();
        break;
    case DigestColumn:
        if (role == Qt::DisplayRole)
            return layer.digest().shortString();
        if (role == Qt::ToolTipRole)
            return layer.digest().toString();
        if (role == Qt::FontRole)
            return QFontDatabase::systemFont(QFontDatabase::FixedFont);
        break;
    case CreatedByColumn:
        if (role == Qt::DisplayRole)
            return entry ? LayerHistory::oneLineCommand(entry->createdBy) : QString();
        if (role == Qt::ToolTipRole && entry && !entry->createdBy.isEmpty())
            return entry->createdBy;
        if (role == Qt::FontRole)
            return QFontDatabase::systemFont(QFontDatabase::FixedFont);
        break;
    default:
        break;
    }
    return {};
}

QVariant LayerTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NumberColumn:
        return tr("#");
    case SizeColumn:
        return tr("Size");
    case TypeColumn:
        return tr("Type");
    case DigestColumn:
        return tr("Digest");
    case CreatedByColumn:
        return tr("Created by");
    default:
        return {};
    }
}
