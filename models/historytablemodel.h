#pragma once

#include "oci/manifest/layerhistory.h"

#include <QAbstractTableModel>
#include <QList>

namespace oci {
class Descriptor;
struct HistoryEntry;
} // namespace oci

// The history of an image config, oldest step first: when, the command, and which layer
// the step made ("—" for steps that made none, such as ENV or CMD).
class HistoryTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryTableModel)

public:
    enum Column {
        NumberColumn,
        CreatedColumn,
        CreatedByColumn,
        LayerColumn,
        SizeColumn,
        CommentColumn,
        ColumnCount
    };

    explicit HistoryTableModel(QObject *parent = nullptr);
    ~HistoryTableModel() override;

    // `layers` are the manifest's layers (may be empty when the config was opened on its
    // own: the layer column then shows numbers without sizes).
    void setHistory(const QList<oci::HistoryEntry> &history, const QList<oci::Descriptor> &layers);
    void clear();

    const oci::HistoryEntry &entry(int row) const;
    const oci::LayerHistory &layerHistory() const { return m_map; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<oci::HistoryEntry> m_history;
    QList<oci::Descriptor> m_layers;
    qsizetype m_layerCount = 0;
    oci::LayerHistory m_map;
};
