#pragma once

#include <QAbstractTableModel>
#include <QPointer>

namespace ops {
class CopyJob;
}

// The blobs of a running ops::CopyJob, one row each once the source is read: what the blob
// is (config or layer) with its digest, its size, and what the copy is doing with it
// (waiting, checking, mounting, streaming with its percentage, already there, mounted,
// copied, failed). Follows the job's signals; rows appear when reading ends.
class CopyBlobModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CopyBlobModel)

public:
    enum Column { BlobColumn, SizeColumn, StateColumn, ColumnCount };
    enum Role {
        StateRole = Qt::UserRole + 224, // int: ops::CopyJob::BlobState
        DigestRole,                     // QString: the full digest
    };

    explicit CopyBlobModel(QObject *parent = nullptr);
    ~CopyBlobModel() override;

    // Follows `job` (null: empty). The job may be deleted at any time.
    void setJob(ops::CopyJob *job);
    // The job was cancelled (it says nothing more): blobs it had not finished read "Stopped".
    void setStopped();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    void syncRows();

    QPointer<ops::CopyJob> m_job;
    int m_rows = 0;
    bool m_stopped = false;
};
