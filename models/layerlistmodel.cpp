#include "layerlistmodel.h"

#include "filecells.h"
#include "fileroles.h"
#include "inspectormediatypes.h"

#include "image/layer/compression.h"

#include <QFontDatabase>
#include <QLocale>

LayerListModel::LayerListModel(QObject *parent) : QAbstractTableModel(parent) {}

LayerListModel::~LayerListModel() = default;

void LayerListModel::setLayers(const QList<oci::Descriptor> &layers,
                               const QList<oci::HistoryEntry> &history)
{
    beginResetModel();
    m_rows.clear();
    for (const oci::Descriptor &descriptor : layers) {
        Row row;
        row.descriptor = descriptor;
        row.total = descriptor.size();
        m_rows.append(row);
    }
    m_history = history;
    m_map = oci::LayerHistory(history, m_rows.size());
    endResetModel();
}

void LayerListModel::setHistory(const QList<oci::HistoryEntry> &history)
{
    m_history = history;
    m_map = oci::LayerHistory(history, m_rows.size());
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, CreatedByColumn), index(rowCount() - 1, CreatedByColumn));
}

void LayerListModel::clear()
{
    setLayers({});
}

void LayerListModel::changed(int layer)
{
    Q_EMIT dataChanged(index(layer, 0), index(layer, ColumnCount - 1));
}

void LayerListModel::setReading(int layer, qint64 bytes, qint64 total)
{
    if (layer < 0 || layer >= m_rows.size())
        return;
    Row &row = m_rows[layer];
    row.state = State::Reading;
    row.bytes = bytes;
    if (total >= 0)
        row.total = total;
    changed(layer);
}

void LayerListModel::addEntries(int layer, int count)
{
    if (layer < 0 || layer >= m_rows.size())
        return;
    Row &row = m_rows[layer];
    row.state = State::Reading;
    row.entries += count;
    changed(layer);
}

void LayerListModel::setIndex(int layer, const image::LayerIndex &index)
{
    if (layer < 0 || layer >= m_rows.size())
        return;
    Row &row = m_rows[layer];
    row.state = State::Read;
    row.index = index;
    row.entries = index.size();
    row.bytes = row.total;
    row.error.clear();
    changed(layer);
}

void LayerListModel::setFailed(int layer, const QString &text)
{
    if (layer < 0 || layer >= m_rows.size())
        return;
    m_rows[layer].state = State::Failed;
    m_rows[layer].error = text;
    changed(layer);
}

void LayerListModel::setCancelled(int layer)
{
    if (layer < 0 || layer >= m_rows.size() || m_rows[layer].state == State::Read)
        return;
    m_rows[layer].state = State::Cancelled;
    changed(layer);
}

LayerListModel::State LayerListModel::state(int layer) const
{
    return layer >= 0 && layer < m_rows.size() ? m_rows.at(layer).state : State::Waiting;
}

const oci::Descriptor &LayerListModel::descriptor(int layer) const
{
    static const oci::Descriptor none;
    return layer >= 0 && layer < m_rows.size() ? m_rows.at(layer).descriptor : none;
}

QString LayerListModel::command(int layer) const
{
    const int step = m_map.historyOf(layer);
    return step >= 0 ? oci::LayerHistory::oneLineCommand(m_history.at(step).createdBy) : QString();
}

int LayerListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int LayerListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LayerListModel::filesCell(const Row &row, int role) const
{
    const QLocale locale;
    const int perMille =
        row.total > 0 ? int(qBound(qint64(0), row.bytes * 1000 / row.total, qint64(1000))) : -1;
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    switch (row.state) {
    case State::Read:
        if (role == Qt::DisplayRole)
            return locale.toString(row.index.fileCount());
        if (role == Qt::ToolTipRole)
            return tr("%n regular file(s), %1 entries in the tar", nullptr, row.index.fileCount())
                .arg(locale.toString(row.index.size()));
        if (role == FileRoles::SortRole)
            return row.index.fileCount();
        break;
    case State::Reading:
        if (role == Qt::DisplayRole)
            return perMille >= 0 ? tr("%1 %").arg(locale.toString(perMille / 10.0, 'f', 0))
                                 : tr("reading…");
        if (role == Qt::ToolTipRole)
            return tr("Reading: %1 entries so far, %2 of %3")
                .arg(locale.toString(row.entries), locale.formattedDataSize(row.bytes, 1),
                     row.total >= 0 ? locale.formattedDataSize(row.total, 1) : tr("unknown"));
        if (role == FileRoles::SortRole)
            return -1;
        break;
    case State::Waiting:
    case State::Cancelled:
        if (role == Qt::DisplayRole)
            return row.state == State::Waiting ? QString() : tr("stopped");
        if (role == FileRoles::SortRole)
            return -2;
        break;
    case State::Failed:
        if (role == Qt::DisplayRole)
            return tr("failed");
        if (role == Qt::ToolTipRole)
            return row.error;
        if (role == FileRoles::SortRole)
            return -3;
        break;
    }
    return {};
}

QVariant LayerListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case StateRole:
        return int(row.state);
    case ProgressRole:
        return row.state == State::Read ? 1000
               : row.total > 0 ? int(qBound(qint64(0), row.bytes * 1000 / row.total, qint64(1000)))
                               : -1;
    case FileRoles::LayerRole:
        return index.row();
    case FileRoles::DigestRole:
        return row.descriptor.digest().toString();
    default:
        break;
    }
    const QLocale locale;
    switch (index.column()) {
    case NumberColumn:
        if (role == Qt::DisplayRole || role == FileRoles::SortRole)
            return index.row() + 1;
        if (role == Qt::TextAlignmentRole)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        if (role == Qt::ToolTipRole)
            return row.descriptor.digest().toString();
        break;
    case SizeColumn:
        if (role == FileRoles::SortRole)
            return row.descriptor.size();
        return FileCells::sizeCell(row.descriptor.size(), true, role);
    case UncompressedColumn: {
        const bool known = row.state == State::Read && row.index.tarBytes() >= 0;
        if (role == FileRoles::SortRole)
            return known ? row.index.tarBytes() : qint64(-1);
        return FileCells::sizeCell(known ? row.index.tarBytes() : 0, known, role);
    }
    case TypeColumn: {
        const QString type = MediaTypeNames::nameOrType(row.descriptor.mediaType());
        if (role == Qt::DisplayRole || role == FileRoles::SortRole) {
            if (row.state != State::Read)
                return type;
            // The compression the bytes have, which a mislabelled layer shows.
            const QString found = image::compressionName(row.index.compression());
            const QString declared = MediaTypeNames::compression(row.descriptor.mediaType());
            if (declared.isEmpty() || declared == found ||
                (declared == QLatin1String("uncompressed") && found == QLatin1String("none")))
                return type;
            return tr("%1 (content: %2)").arg(type, found);
        }
        if (role == Qt::ToolTipRole)
            return row.descriptor.mediaType();
        break;
    }
    case FilesColumn:
        return filesCell(row, role);
    case CreatedByColumn:
        if (role == Qt::DisplayRole || role == FileRoles::SortRole)
            return command(index.row());
        if (role == Qt::ToolTipRole) {
            const int step = m_map.historyOf(index.row());
            return step >= 0 ? m_history.at(step).createdBy : QString();
        }
        if (role == Qt::FontRole)
            return QFontDatabase::systemFont(QFontDatabase::FixedFont);
        break;
    default:
        break;
    }
    return {};
}

QVariant LayerListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NumberColumn:
        return tr("#");
    case SizeColumn:
        return tr("Size");
    case UncompressedColumn:
        return tr("Uncompressed");
    case TypeColumn:
        return tr("Type");
    case FilesColumn:
        return tr("Files");
    case CreatedByColumn:
        return tr("Created by");
    default:
        return {};
    }
}
