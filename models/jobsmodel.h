#pragma once

#include <QAbstractItemModel>
#include <QElapsedTimer>
#include <QPointer>
#include <QSet>

#include <memory>
#include <vector>

class QTimer;

namespace image {
class PushJob;
}
namespace oci {
class Error;
}

// The jobs panel's model: one top-level row per push job, its blobs (the config, layer N)
// as children. Columns: name, status (the phase or the blob's state, "Failed: <why>",
// "Cancelled", "Done"), progress ("12.3 MiB of 45.0 MiB" and per mille in ProgressRole),
// speed over the last few seconds (JobThroughput) and the time left.
//
// The model reads the jobs on a tick (every UpdateIntervalMs while one runs), so however
// often a job signals progress the views get at most one dataChanged per job and one per
// job's blob range per tick; a job that finishes is shown at once. Finished jobs stay
// listed until clearFinished(). retry() swaps a failed or cancelled job for a fresh one
// (PushJob::retry(), which skips what landed) in the same row.
//
//     auto *jobs = new JobsModel(this);
//     auto *job = new image::PushJob(client, plan);
//     jobs->addJob(job, u"team/app:1.0"_s, JobsModel::Ownership::Model); // starts it
class JobsModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobsModel)

public:
    enum Column { NameColumn, StatusColumn, ProgressColumn, SpeedColumn, EtaColumn, ColumnCount };
    Q_ENUM(Column)

    enum class State { Running, Done, Failed, Cancelled };
    Q_ENUM(State)

    enum class Ownership { Caller, Model };

    // Roles of both levels unless said; above the other model families' roles.
    enum Role {
        StateRole = Qt::UserRole + 224, // int: State of the row's job
        ProgressRole,                   // int: per mille done, -1 when unknown
        BytesDoneRole,                  // qint64
        BytesTotalRole,                 // qint64: the job's current phase, or the blob's size
        SpeedRole,                      // double: bytes per second, -1 when unknown
        EtaRole,                        // qint64: seconds left, -1 when unknown
        BlobStateRole,                  // int: image::PushJob::BlobState (blob rows), -1 on jobs
        MessageRole,                    // QString: the job's latest message
    };
    Q_ENUM(Role)

    static constexpr int UpdateIntervalMs = 100;

    // The sum over running jobs, for a one-line summary.
    struct Totals
    {
        int running = 0;
        int finished = 0;
        qint64 done = 0;
        qint64 total = 0;
        double bytesPerSecond = -1; // -1 while no running job knows its speed
    };

    explicit JobsModel(QObject *parent = nullptr);
    ~JobsModel() override;

    // Lists `job` as the last row and starts it unless it started already. With
    // Ownership::Model the model deletes the job when its row goes (or the model does);
    // a caller-owned job may be deleted while listed (its row then says Cancelled if it ran).
    // Returns the row.
    int addJob(image::PushJob *job, const QString &title, Ownership ownership = Ownership::Caller);

    int jobCount() const { return int(m_rows.size()); }
    // The job row of an index of either level; -1 for an invalid index.
    int jobRow(const QModelIndex &index) const;
    int rowOf(const image::PushJob *job) const;
    image::PushJob *job(int row) const; // null once a caller-owned job was deleted
    QString title(int row) const;
    State state(int row) const;
    const oci::Error &error(int row) const; // of a Failed row
    bool canCancel(int row) const;
    bool canRetry(int row) const;

    // Cancels a running job (PushJob publishes no tag then). False when not running.
    // A `reason` ("the registry was removed") becomes the row's message (MessageRole, tooltip).
    bool cancel(int row, const QString &reason = {});
    // The registry the row pushes to went away: a running job is cancelled with `reason`,
    // and the row, running or not, can no longer be retried (its client went too).
    void retire(int row, const QString &reason);
    // Replaces a failed or cancelled job with job->retry(), which the model owns and starts;
    // the row stays. False when the row cannot be retried.
    bool retry(int row);
    // Removes every job that is no longer running.
    void clearFinished();

    Totals totals() const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // "about 12 s", "about 3 min", "—".
    static QString etaText(qint64 seconds);
    // "18.2 MiB/s", "—".
    static QString speedText(double bytesPerSecond);

Q_SIGNALS:
    // A row's State changed (started, finished, cancelled, retried).
    void jobStateChanged(int row);
    // Rows or their numbers changed; at most once per tick while jobs run.
    void totalsChanged();

private:
    struct BlobRow;
    struct JobRow;

    void watch(JobRow &row);
    void loadBlobs(JobRow &row);
    void onFinished(quint64 id);
    void onDestroyed(quint64 id);
    void setState(int row, State state);
    void tick();
    void ensureTicking();
    // Reads the job into the row; true when anything shown changed.
    bool refresh(JobRow &row, qint64 nowMs);
    void emitRowChanged(int row, bool withBlobs);
    int rowOfId(quint64 id) const;
    QVariant jobData(const JobRow &row, int column, int role) const;
    QVariant blobData(const JobRow &job, const BlobRow &blob, int column, int role) const;

    std::vector<std::unique_ptr<JobRow>> m_rows;
    quint64 m_nextId = 1;
    QSet<quint64> m_retired; // ids of rows whose registry went away: no retry
    QTimer *m_ticker = nullptr;
    QElapsedTimer m_clock;
};
