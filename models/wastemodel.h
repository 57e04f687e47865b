#pragma once

#include "image/fs/wastereport.h"

#include <QAbstractTableModel>

// Wasted space of an image, one row per path whose bytes a later layer overwrote or
// deleted (largest first): the bytes lost, how many copies, and which layers wrote and
// removed them. The totals (shipped, visible, wasted, efficiency) come with report().
class WasteModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WasteModel)

public:
    enum Column { PathColumn, WastedColumn, CopiesColumn, LayersColumn, ColumnCount };

    explicit WasteModel(QObject *parent = nullptr);
    ~WasteModel() override;

    void setReport(const image::WasteReport &report);
    void clear();
    bool hasReport() const { return m_hasReport; }
    const image::WasteReport &report() const { return m_report; }
    // "4.2 MiB wasted of 120 MiB shipped — efficiency 96.5 %", for a summary line.
    QString summaryText() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QString copiesText(const image::WastedPath &path) const;

    image::WasteReport m_report;
    bool m_hasReport = false;
};
