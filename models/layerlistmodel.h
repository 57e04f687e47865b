#pragma once

#include "oci/manifest/layerhistory.h"

#include "image/layer/layerindex.h"
#include "oci/manifest/descriptor.h"
#include "oci/manifest/imageconfig.h"

#include <QAbstractTableModel>
#include <QList>

// The layer list of the Files page, base layer first: number, compressed and uncompressed
// size, media type with the compression found in the bytes, file count, and the history
// command that made the layer (empty-layer steps skipped, oci::LayerHistory). While a layer is
// read its row shows the entries found so far and the share of the blob read; a failed
// read shows why.
class LayerListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LayerListModel)

public:
    enum Column {
        NumberColumn,
        SizeColumn,
        UncompressedColumn,
        TypeColumn,
        FilesColumn,
        CreatedByColumn,
        ColumnCount
    };
    enum class State { Waiting, Reading, Read, Failed, Cancelled };

    explicit LayerListModel(QObject *parent = nullptr);
    ~LayerListModel() override;

    void setLayers(const QList<oci::Descriptor> &layers,
                   const QList<oci::HistoryEntry> &history = {});
    void setHistory(const QList<oci::HistoryEntry> &history);
    void clear();

    void setReading(int layer, qint64 bytes, qint64 total);
    void addEntries(int layer, int count);
    void setIndex(int layer, const image::LayerIndex &index);
    void setFailed(int layer, const QString &text);
    void setCancelled(int layer);

    State state(int layer) const;
    const oci::Descriptor &descriptor(int layer) const;
    // The history command for the layer; empty when the history does not say.
    QString command(int layer) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    enum Role {
        StateRole = Qt::UserRole + 160, // int: State
        ProgressRole,                   // int: per mille of the blob read; -1 unknown
    };

private:
    struct Row
    {
        oci::Descriptor descriptor;
        State state = State::Waiting;
        qint64 bytes = 0;
        qint64 total = -1;
        int entries = 0;
        image::LayerIndex index;
        QString error;
    };
    void changed(int layer);
    QVariant filesCell(const Row &row, int role) const;

    QList<Row> m_rows;
    QList<oci::HistoryEntry> m_history;
    oci::LayerHistory m_map;
};
