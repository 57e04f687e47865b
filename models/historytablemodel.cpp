#include "historytablemodel.h"

#include "inspectorcells.h"
#include "inspectorroles.h"

#include "oci/manifest/descriptor.h"
#include "oci/manifest/imageconfig.h"

#include <QFont>
#include <QGuiApplication>
#include <QLocale>
#include <QPalette>

HistoryTableModel::HistoryTableModel(QObject *parent) : QAbstractTableModel(parent) {}

HistoryTableModel::~HistoryTableModel() = default;

void HistoryTableModel::setHistory(const QList<oci::HistoryEntry> &history,
                                   const QList<oci::Descriptor> &layers)
{
    beginResetModel();
    m_history = history;
    m_layers = layers;
    // Without the manifest, count the non-empty steps: each made one layer.
    m_layerCount = layers.size();
    if (layers.isEmpty()) {
        m_layerCount = std::count_if(history.cbegin(), history.cend(),
                                     [](const oci::HistoryEntry &e) { return !e.emptyLayer; });
    }
    m_map = oci::LayerHistory(history, m_layerCount);
    endResetModel();
}

void HistoryTableModel::clear()
{
    setHistory({}, {});
}

const oci::HistoryEntry &HistoryTableModel::entry(int row) const
{
    static const oci::HistoryEntry none;
    return row >= 0 && row < m_history.size() ? m_history.at(row) : none;
}

int HistoryTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_history.size());
}

int HistoryTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HistoryTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const oci::HistoryEntry &step = m_history.at(index.row());
    const int layer = m_map.layerOf(index.row());
    const oci::Descriptor *descriptor =
        layer >= 0 && layer < m_layers.size() ? &m_layers.at(layer) : nullptr;

    switch (role) {
    case InspectorRoles::LayerRole:
        return layer;
    case InspectorRoles::HistoryRole:
        return index.row();
    case InspectorRoles::DigestRole:
        return descriptor ? descriptor->digest().toString() : QString();
    case InspectorRoles::SizeRole:
        return descriptor ? descriptor->size() : qint64(-1);
    case InspectorRoles::MediaTypeRole:
        return descriptor ? descriptor->mediaType() : QString();
    case InspectorRoles::SortRole:
        switch (index.column()) {
        case NumberColumn:
            return index.row();
        case CreatedColumn:
            return step.created;
        case LayerColumn:
            return layer;
        case SizeColumn:
            return descriptor ? descriptor->size() : qint64(-1);
        default:
            return data(index, Qt::DisplayRole);
        }
    case Qt::ForegroundRole:
        // Steps that made no layer read quieter than the ones that did.
        if (layer < 0)
            return QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        return {};
    case Qt::ToolTipRole: {
        QStringList lines;
        if (!step.createdBy.isEmpty())
            lines << step.createdBy;
        if (!step.author.isEmpty())
            lines << tr("Author: %1").arg(step.author);
        if (!step.comment.isEmpty())
            lines << tr("Comment: %1").arg(step.comment);
        if (layer < 0)
            lines << (step.emptyLayer ? tr("This step made no layer.")
                                      : tr("No layer of the manifest matches this step."));
        return lines.join(QLatin1Char('\n'));
    }
    default:
        break;
    }

    switch (index.column()) {
    case NumberColumn:
        return InspectorCells::numberCell(index.row(), role);
    case CreatedColumn:
        if (role == Qt::DisplayRole)
            return step.created.isValid()
                       ? QLocale().toString(step.created.toLocalTime(), QLocale::ShortFormat)
                       : QString();
        break;
    case CreatedByColumn:
        if (role == Qt::DisplayRole)
            return oci::LayerHistory::oneLineCommand(step.createdBy);
        if (role == Qt::FontRole)
            return InspectorCells::fixedFont();
        break;
    case LayerColumn:
        if (role == Qt::DisplayRole)
            return layer >= 0 ? QString::number(layer + 1) : QStringLiteral("—");
        if (role == Qt::TextAlignmentRole)
            return QVariant::fromValue(Qt::AlignCenter);
        break;
    case SizeColumn:
        if (!descriptor && role == Qt::DisplayRole)
            return QString();
        return InspectorCells::sizeCell(descriptor ? descriptor->size() : 0, role);
    case CommentColumn:
        if (role == Qt::DisplayRole)
            return step.comment.simplified();
        break;
    default:
        break;
    }
    return {};
}

QVariant HistoryTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NumberColumn:
        return tr("#");
    case CreatedColumn:
        return tr("Created");
    case CreatedByColumn:
        return tr("Created by");
    case LayerColumn:
        return tr("Layer");
    case SizeColumn:
        return tr("Size");
    case CommentColumn:
        return tr("Comment");
    default:
        return {};
    }
}
