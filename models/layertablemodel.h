#pragma once

#include "oci/manifest/layerhistory.h"

#include <QAbstractTableModel>
#include <QList>

namespace oci {
class Descriptor;
struct HistoryEntry;
} // namespace oci

// The layers of an image manifest, base layer first: number, size, type and compression,
// digest, and the history command that made the layer once the config is known.
class LayerTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LayerTableModel)

public:
    enum Column {
        NumberColumn,
        SizeColumn,
        TypeColumn,
        DigestColumn,
        CreatedByColumn,
        ColumnCount
    };

    explicit LayerTableModel(QObject *parent = nullptr);
    ~LayerTableModel() override;

    // Replaces the rows; the history is forgotten.
    void setLayers(const QList<oci::Descriptor> &layers);
    // Fills the "Created by" column from the config's history (no rows change).
    void setHistory(const QList<oci::HistoryEntry> &history);
    void clear();

    const oci::Descriptor &layer(int row) const;
    const oci::LayerHistory &layerHistory() const { return m_map; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<oci::Descriptor> m_layers;
    QList<oci::HistoryEntry> m_history;
    oci::LayerHistory m_map;
};
