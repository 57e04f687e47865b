// JobsModel: what each cell says (status, progress, speed, time left) for jobs and blobs.

#include "jobsmodel_p.h"

#include "errortext.h"

#include "image/source/localimagesource.h"

#include <QLocale>

using namespace jobrows;

namespace {

QString oneLine(QString text)
{
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return text.simplified();
}

} // namespace

QVariant JobsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case StatusColumn:
        return tr("Status");
    case ProgressColumn:
        return tr("Progress");
    case SpeedColumn:
        return tr("Speed");
    case EtaColumn:
        return tr("Time Left");
    default:
        return {};
    }
}

QString JobsModel::etaText(qint64 seconds)
{
    if (seconds < 0)
        return tr("—");
    if (seconds < 60)
        return tr("about %1 s").arg(qMax(qint64(1), seconds));
    if (seconds < 3600)
        return tr("about %1 min").arg((seconds + 59) / 60);
    return tr("about %1 h %2 min").arg(seconds / 3600).arg((seconds % 3600 + 59) / 60);
}

QString JobsModel::speedText(double bytesPerSecond)
{
    if (bytesPerSecond < 0)
        return tr("—");
    return tr("%1/s").arg(QLocale().formattedDataSize(qint64(bytesPerSecond), 1));
}

QVariant JobsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (index.internalId() == 0)
        return jobData(*m_rows[index.row()], index.column(), role);
    const int at = rowOfId(index.internalId());
    if (at < 0)
        return {};
    const JobRow &job = *m_rows[at];
    return blobData(job, job.blobs.at(index.row()), index.column(), role);
}

QVariant JobsModel::jobData(const JobRow &row, int column, int role) const
{
    const bool running = row.state == State::Running;
    const bool sending = running && (row.phase == Phase::Verifying || row.phase == Phase::Sending);
    const double rate = sending ? row.speed.bytesPerSecond() : -1;
    const qint64 eta = sending ? row.speed.secondsLeft(row.total - row.done) : -1;
    const int progress = row.state == State::Done ? 1000
                         : running && row.phase == Phase::Publishing
                             ? 1000
                             : perMille(row.done, row.total);
    switch (role) {
    case StateRole:
        return int(row.state);
    case ProgressRole:
        return progress;
    case BytesDoneRole:
        return row.done;
    case BytesTotalRole:
        return row.total;
    case SpeedRole:
        return rate;
    case EtaRole:
        return eta;
    case BlobStateRole:
        return -1;
    case MessageRole:
        return row.message;
    default:
        break;
    }
    const QLocale locale;
    if (role == Qt::TextAlignmentRole && column != NameColumn && column != StatusColumn)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole) {
        QStringList lines{row.title};
        if (row.job && row.job->plan().source)
            lines << tr("From %1").arg(row.job->plan().source->path());
        if (row.state == State::Failed)
            lines << row.error.describe();
        else if (!row.message.isEmpty())
            lines << row.message;
        return lines.join(QLatin1Char('\n'));
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (column) {
    case NameColumn:
        return row.title;
    case StatusColumn:
        switch (row.state) {
        case State::Done:
            return tr("Done");
        case State::Cancelled:
            return tr("Cancelled");
        case State::Failed:
            return tr("Failed: %1")
                .arg(oneLine(row.error.code() == oci::Error::Code::DigestMismatch
                                 ? row.error.message()
                                 : ErrorText::summary(row.error, true)));
        case State::Running:
            switch (row.phase) {
            case Phase::Verifying:
                return tr("Checking the archive");
            case Phase::Sending:
                return tr("Sending");
            case Phase::Publishing:
                return tr("Publishing");
            case Phase::Done:
                return tr("Done");
            }
        }
        return {};
    case ProgressColumn:
        if (row.total <= 0)
            return row.state == State::Done ? tr("nothing to send") : QString();
        if (row.state == State::Done || row.done >= row.total)
            return locale.formattedDataSize(row.total, 1);
        return tr("%1 of %2")
            .arg(locale.formattedDataSize(row.done, 1), locale.formattedDataSize(row.total, 1));
    case SpeedColumn:
        return running ? speedText(rate) : QString();
    case EtaColumn:
        return running ? etaText(eta) : QString();
    default:
        return {};
    }
}

QVariant JobsModel::blobData(const JobRow &job, const BlobRow &blob, int column, int role) const
{
    const bool running = job.state == State::Running;
    const bool moving = running && isMoving(blob.state);
    const double rate = moving ? blob.speed.bytesPerSecond() : -1;
    const qint64 eta = moving ? blob.speed.secondsLeft(blob.size - blob.done) : -1;
    const int progress = isSettled(blob.state) ? 1000 : perMille(blob.done, blob.size);
    switch (role) {
    case StateRole:
        return int(job.state);
    case ProgressRole:
        return progress;
    case BytesDoneRole:
        return isSettled(blob.state) ? blob.size : blob.done;
    case BytesTotalRole:
        return blob.size;
    case SpeedRole:
        return rate;
    case EtaRole:
        return eta;
    case BlobStateRole:
        return int(blob.state);
    case MessageRole:
        return QString();
    default:
        break;
    }
    const QLocale locale;
    if (role == Qt::TextAlignmentRole && column != NameColumn && column != StatusColumn)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole) {
        QStringList lines{blob.source.toString(), locale.formattedDataSize(blob.size, 1)};
        if (blob.fate == Fate::Compress)
            lines << tr("Uncompressed in the archive: compressed with gzip as it is sent.");
        return lines.join(QLatin1Char('\n'));
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (column) {
    case NameColumn:
        return tr("%1 (%2)").arg(blob.name, blob.source.shortString());
    case StatusColumn:
        switch (blob.state) {
        case BlobState::Waiting:
            return running ? tr("Waiting") : tr("Not sent");
        case BlobState::Checking:
            return running ? tr("Checking the registry") : tr("Not sent");
        case BlobState::Compressing:
            return running ? tr("Compressing and sending") : tr("Stopped");
        case BlobState::Sending:
            return running ? tr("Sending") : tr("Stopped");
        case BlobState::Mounted:
            return tr("Mounted from %1").arg(blob.mountFrom);
        case BlobState::Present:
            return tr("Already there");
        case BlobState::Sent:
            return tr("Sent");
        case BlobState::Failed:
            return tr("Failed");
        }
        return {};
    case ProgressColumn:
        if (isSettled(blob.state) || blob.done <= 0)
            return locale.formattedDataSize(blob.size, 1);
        return tr("%1 of %2")
            .arg(locale.formattedDataSize(blob.done, 1), locale.formattedDataSize(blob.size, 1));
    case SpeedColumn:
        return moving ? speedText(rate) : QString();
    case EtaColumn:
        return moving ? etaText(eta) : QString();
    default:
        return {};
    }
}
