#include "layertablemodel.h"

#include "inspectorcells.h"
#include "inspectorroles.h"

#include "oci/manifest/descriptor.h"
#include "oci/manifest/imageconfig.h"

#include <QLocale>

LayerTableModel::LayerTableModel(QObject *parent) : QAbstractTableModel(parent) {}

LayerTableModel::~LayerTableModel() = default;

void LayerTableModel::setLayers(const QList<oci::Descriptor> &layers)
{
    beginResetModel();
    m_layers = layers;
    m_history.clear();
    m_map = oci::LayerHistory();
    endResetModel();
}

void LayerTableModel::setHistory(const QList<oci::HistoryEntry> &history)
{
    m_history = history;
    m_map = oci::LayerHistory(history, m_layers.size());
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

    if (auto value = InspectorCells::descriptorRole(layer, role))
        return *value;
    switch (role) {
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
        return InspectorCells::numberCell(index.row(), role);
    case SizeColumn:
        return InspectorCells::sizeCell(
            layer.size(), role,
            role == Qt::ToolTipRole
                ? tr("%1 bytes, compressed as stored").arg(QLocale().toString(layer.size()))
                : QString());
    case TypeColumn:
        return InspectorCells::mediaTypeCell(layer.mediaType(), role);
    case DigestColumn:
        return InspectorCells::digestCell(layer.digest(), role);
    case CreatedByColumn:
        if (role == Qt::DisplayRole)
            return entry ? oci::LayerHistory::oneLineCommand(entry->createdBy) : QString();
        if (role == Qt::ToolTipRole && entry && !entry->createdBy.isEmpty())
            return entry->createdBy;
        if (role == Qt::FontRole)
            return InspectorCells::fixedFont();
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
