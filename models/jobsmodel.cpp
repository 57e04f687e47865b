#include "jobsmodel_p.h"

#include <QTimer>

using namespace jobrows;

JobsModel::JobsModel(QObject *parent) : QAbstractItemModel(parent), m_ticker(new QTimer(this))
{
    m_clock.start();
    m_ticker->setInterval(UpdateIntervalMs);
    connect(m_ticker, &QTimer::timeout, this, &JobsModel::tick);
}

JobsModel::~JobsModel()
{
    for (const auto &row : m_rows) {
        if (!row->job)
            continue;
        disconnect(row->job, nullptr, this, nullptr);
        if (row->owned)
            delete row->job.data();
    }
}

int JobsModel::addJob(image::PushJob *job, const QString &title, Ownership ownership)
{
    Q_ASSERT(job);
    const int at = int(m_rows.size());
    auto row = std::make_unique<JobRow>();
    row->id = m_nextId++;
    row->job = job;
    row->owned = ownership == Ownership::Model;
    row->title = title;
    loadBlobs(*row);
    beginInsertRows({}, at, at);
    m_rows.push_back(std::move(row));
    endInsertRows();
    watch(*m_rows.back());
    job->start();            // a no-op when the caller started it
    if (job->isFinished()) { // finished before it came here: no signal will say so again
        onFinished(m_rows.back()->id);
    } else {
        refresh(*m_rows.back(), m_clock.elapsed()); // the phase and its total, at once
        ensureTicking();
    }
    Q_EMIT totalsChanged();
    return at;
}

void JobsModel::loadBlobs(JobRow &row)
{
    row.blobs.clear();
    int layer = 0;
    for (const image::PushBlob &blob : row.job->plan().blobs) {
        BlobRow b;
        b.name =
            blob.kind == image::PushBlob::Kind::Config ? tr("Config") : tr("Layer %1").arg(++layer);
        b.source = blob.source;
        b.size = blob.size;
        b.fate = blob.fate;
        b.mountFrom = blob.mountFrom;
        row.blobs.append(b);
    }
    for (int i = 0; i < row.blobs.size(); ++i) {
        row.blobs[i].state = row.job->blobState(i);
        row.blobs[i].done = row.job->blobBytesDone(i);
    }
}

void JobsModel::watch(JobRow &row)
{
    const quint64 id = row.id;
    image::PushJob *job = row.job;
    connect(job, &oci::Job::finished, this, [this, id] { onFinished(id); });
    connect(job, &QObject::destroyed, this, [this, id] { onDestroyed(id); });
    // Messages are rare (one per blob at most): kept at once, shown with the next tick.
    connect(job, &image::PushJob::message, this, [this, id](const QString &text) {
        const int at = rowOfId(id);
        if (at >= 0)
            m_rows[at]->message = text;
    });
}

int JobsModel::rowOfId(quint64 id) const
{
    for (size_t i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i]->id == id)
            return int(i);
    }
    return -1;
}

int JobsModel::rowOf(const image::PushJob *job) const
{
    for (size_t i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i]->job == job)
            return int(i);
    }
    return -1;
}

int JobsModel::jobRow(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this)
        return -1;
    return index.internalId() == 0 ? index.row() : rowOfId(index.internalId());
}

image::PushJob *JobsModel::job(int row) const
{
    return row >= 0 && row < jobCount() ? m_rows[row]->job.data() : nullptr;
}

QString JobsModel::title(int row) const
{
    return row >= 0 && row < jobCount() ? m_rows[row]->title : QString();
}

JobsModel::State JobsModel::state(int row) const
{
    return row >= 0 && row < jobCount() ? m_rows[row]->state : State::Done;
}

const oci::Error &JobsModel::error(int row) const
{
    static const oci::Error none;
    return row >= 0 && row < jobCount() ? m_rows[row]->error : none;
}

bool JobsModel::canCancel(int row) const
{
    return state(row) == State::Running && job(row);
}

bool JobsModel::canRetry(int row) const
{
    const State s = state(row);
    return row >= 0 && row < jobCount() && (s == State::Failed || s == State::Cancelled) &&
           job(row) && !m_retired.contains(m_rows[row]->id);
}

bool JobsModel::cancel(int row, const QString &reason)
{
    if (!canCancel(row))
        return false;
    if (!reason.isEmpty()) {
        m_rows[row]->message = reason;
        m_rows[row]->cancelReason = reason;
    }
    // A cancelled job signals nothing more: the model says so itself.
    m_rows[row]->job->cancel();
    setState(row, State::Cancelled);
    return true;
}

void JobsModel::retire(int row, const QString &reason)
{
    if (row < 0 || row >= jobCount())
        return;
    m_retired.insert(m_rows[row]->id);
    if (!cancel(row, reason))
        Q_EMIT jobStateChanged(row); // Retry goes
}

bool JobsModel::retry(int row)
{
    if (!canRetry(row))
        return false;
    JobRow &r = *m_rows[row];
    image::PushJob *old = r.job;
    image::PushJob *fresh = old->retry(this);
    disconnect(old, nullptr, this, nullptr);
    if (r.owned)
        old->deleteLater(); // it may be the one whose signal led here
    r.job = fresh;
    r.owned = true;
    r.error = {};
    r.message.clear();
    r.phase = fresh->phase();
    r.done = 0;
    r.total = 0;
    r.speed.reset();
    // The same plan, so the same blobs; should a retry ever plan anew, the children follow.
    const int before = int(r.blobs.size());
    const int after = int(fresh->plan().blobs.size());
    const QModelIndex parent = index(row, 0);
    if (before != after) {
        beginRemoveRows(parent, 0, before - 1);
        r.blobs.clear();
        endRemoveRows();
        beginInsertRows(parent, 0, after - 1);
    }
    loadBlobs(r);
    if (before != after)
        endInsertRows();
    watch(r);
    fresh->start();
    refresh(r, m_clock.elapsed());
    setState(row, State::Running);
    return true;
}

void JobsModel::clearFinished()
{
    for (int row = jobCount() - 1; row >= 0; --row) {
        if (m_rows[row]->state == State::Running)
            continue;
        beginRemoveRows({}, row, row);
        std::unique_ptr<JobRow> gone = std::move(m_rows[row]);
        m_rows.erase(m_rows.begin() + row);
        endRemoveRows();
        m_retired.remove(gone->id);
        if (gone->job) {
            disconnect(gone->job, nullptr, this, nullptr);
            if (gone->owned)
                gone->job->deleteLater();
        }
    }
    Q_EMIT totalsChanged();
}

JobsModel::Totals JobsModel::totals() const
{
    Totals totals;
    for (const auto &row : m_rows) {
        if (row->state != State::Running) {
            ++totals.finished;
            continue;
        }
        ++totals.running;
        totals.done += row->done;
        totals.total += row->total;
        const double rate = row->speed.bytesPerSecond();
        if (rate >= 0)
            totals.bytesPerSecond = qMax(0.0, totals.bytesPerSecond) + rate;
    }
    return totals;
}

void JobsModel::onFinished(quint64 id)
{
    const int at = rowOfId(id);
    if (at < 0)
        return;
    JobRow &row = *m_rows[at];
    refresh(row, m_clock.elapsed());
    const image::PushJob *job = row.job;
    row.error = job->error();
    State state = State::Done;
    if (!job->succeeded())
        state = row.error.code() == oci::Error::Code::Cancelled ? State::Cancelled : State::Failed;
    setState(at, state);
}

void JobsModel::onDestroyed(quint64 id)
{
    // Only the id: the job is half gone.
    const int at = rowOfId(id);
    if (at >= 0 && m_rows[at]->state == State::Running)
        setState(at, State::Cancelled);
}

void JobsModel::setState(int row, State state)
{
    JobRow &r = *m_rows[row];
    r.state = state;
    if (state != State::Running) {
        r.speed.reset();
        for (BlobRow &blob : r.blobs)
            blob.speed.reset();
    }
    emitRowChanged(row, true);
    Q_EMIT jobStateChanged(row);
    Q_EMIT totalsChanged();
    if (state == State::Running)
        ensureTicking();
}

void JobsModel::ensureTicking()
{
    if (!m_ticker->isActive())
        m_ticker->start();
}

void JobsModel::emitRowChanged(int row, bool withBlobs)
{
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    const int blobs = int(m_rows[row]->blobs.size());
    if (withBlobs && blobs > 0) {
        const QModelIndex parent = index(row, 0);
        Q_EMIT dataChanged(index(0, 0, parent), index(blobs - 1, ColumnCount - 1, parent));
    }
}

bool JobsModel::refresh(JobRow &row, qint64 nowMs)
{
    const image::PushJob *job = row.job;
    if (!job)
        return false;
    if (job->phase() != row.phase) {
        row.phase = job->phase();
        row.speed.reset(); // each phase counts its own bytes from zero
    }
    row.done = job->bytesDone();
    row.total = job->bytesTotal();
    if (row.state == State::Running && row.phase != Phase::Publishing && row.phase != Phase::Done)
        row.speed.addSample(nowMs, row.done);
    int first = -1;
    int last = -1;
    for (int i = 0; i < row.blobs.size(); ++i) {
        BlobRow &blob = row.blobs[i];
        const BlobState state = job->blobState(i);
        const qint64 done = job->blobBytesDone(i);
        const bool moving = isMoving(state);
        if (state == blob.state && done == blob.done && !moving && blob.speed.isEmpty())
            continue;
        blob.state = state;
        blob.done = done;
        if (moving)
            blob.speed.addSample(nowMs, done);
        else
            blob.speed.reset();
        if (first < 0)
            first = i;
        last = i;
    }
    if (first >= 0) {
        const QModelIndex parent = index(rowOfId(row.id), 0);
        Q_EMIT dataChanged(index(first, 0, parent), index(last, ColumnCount - 1, parent));
    }
    return true;
}

void JobsModel::tick()
{
    const qint64 now = m_clock.elapsed();
    bool running = false;
    for (size_t i = 0; i < m_rows.size(); ++i) {
        JobRow &row = *m_rows[i];
        if (row.state != State::Running)
            continue;
        if (!row.job || row.job->isCancelled()) { // cancelled or deleted behind the model's back
            setState(int(i), State::Cancelled);
            continue;
        }
        running = true;
        if (refresh(row, now))
            Q_EMIT dataChanged(index(int(i), 0), index(int(i), ColumnCount - 1));
    }
    if (!running)
        m_ticker->stop();
    Q_EMIT totalsChanged();
}

QModelIndex JobsModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, quintptr(0));
    // A blob row carries its job's id: job rows come and go, ids stay.
    return createIndex(row, column, quintptr(m_rows[parent.row()]->id));
}

QModelIndex JobsModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == 0)
        return {};
    const int at = rowOfId(child.internalId());
    return at >= 0 ? createIndex(at, 0, quintptr(0)) : QModelIndex();
}

int JobsModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return jobCount();
    if (parent.internalId() != 0 || parent.column() != 0)
        return 0;
    return int(m_rows[parent.row()]->blobs.size());
}

int JobsModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}
