// JobsModel: what each cell says (status, progress, speed, time left) for jobs and blobs.

#include "jobsmodel_p.h"

#include "errortext.h"

#include "image/source/localimagesource.h"

#include <QLocale>

#include <optional>

using namespace jobrows;

namespace {

QString oneLine(QString text)
{
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return text.simplified();
}

// What a row of either level shows the same way: the numbers behind the roles, and the
// progress, speed and time-left columns made from them.
struct Figures
{
    JobsModel::State state = JobsModel::State::Running;
    int progress = -1; // per mille
    qint64 done = 0;
    qint64 total = 0;
    bool whole = false;             // the progress column shows the total alone
    std::optional<QString> unsized; // the progress column's text instead of sizes
    bool live = false;              // the speed and time-left columns say something
    double rate = -1;
    qint64 eta = -1;
    int blobState = -1;
    QString message;
};

// A cell of either level. The level gives its own name, status and tooltip (callables
// returning QString, asked only for their cell).
template<typename Name, typename Status, typename ToolTip>
QVariant cell(const Figures &f, int column, int role, const Name &name, const Status &status,
              const ToolTip &toolTip)
{
    switch (role) {
    case JobsModel::StateRole:
        return int(f.state);
    case JobsModel::ProgressRole:
        return f.progress;
    case JobsModel::BytesDoneRole:
        return f.done;
    case JobsModel::BytesTotalRole:
        return f.total;
    case JobsModel::SpeedRole:
        return f.rate;
    case JobsModel::EtaRole:
        return f.eta;
    case JobsModel::BlobStateRole:
        return f.blobState;
    case JobsModel::MessageRole:
        return f.message;
    case Qt::TextAlignmentRole:
        if (column == JobsModel::NameColumn || column == JobsModel::StatusColumn)
            return {};
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::ToolTipRole:
        return toolTip();
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    const QLocale locale;
    switch (column) {
    case JobsModel::NameColumn:
        return name();
    case JobsModel::StatusColumn:
        return status();
    case JobsModel::ProgressColumn:
        if (f.unsized)
            return *f.unsized;
        if (f.whole)
            return locale.formattedDataSize(f.total, 1);
        return JobsModel::tr("%1 of %2").arg(locale.formattedDataSize(f.done, 1),
                                             locale.formattedDataSize(f.total, 1));
    case JobsModel::SpeedColumn:
        return f.live ? JobsModel::speedText(f.rate) : QString();
    case JobsModel::EtaColumn:
        return f.live ? JobsModel::etaText(f.eta) : QString();
    default:
        return {};
    }
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
    Figures f;
    f.state = row.state;
    const bool running = row.state == State::Running;
    const bool sending = running && (row.phase == Phase::Verifying || row.phase == Phase::Sending);
    f.progress = row.state == State::Done || (running && row.phase == Phase::Publishing)
                     ? 1000
                     : perMille(row.done, row.total);
    f.done = row.done;
    f.total = row.total;
    f.whole = row.state == State::Done || row.done >= row.total;
    if (row.total <= 0)
        f.unsized = row.state == State::Done ? tr("nothing to send") : QString();
    f.live = running;
    f.rate = sending ? row.speed.bytesPerSecond() : -1;
    f.eta = sending ? row.speed.secondsLeft(row.total - row.done) : -1;
    f.message = row.message;
    const auto status = [&row]() -> QString {
        switch (row.state) {
        case State::Done:
            return tr("Done");
        case State::Cancelled:
            return row.cancelReason.isEmpty() ? tr("Cancelled")
                                              : tr("Cancelled: %1").arg(oneLine(row.cancelReason));
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
    };
    const auto toolTip = [&row] {
        QStringList lines{row.title};
        if (row.job && row.job->plan().source)
            lines << tr("From %1").arg(row.job->plan().source->path());
        if (row.state == State::Failed)
            lines << row.error.describe();
        else if (!row.message.isEmpty())
            lines << row.message;
        return lines.join(QLatin1Char('\n'));
    };
    return cell(f, column, role, [&row] { return row.title; }, status, toolTip);
}

QVariant JobsModel::blobData(const JobRow &job, const BlobRow &blob, int column, int role) const
{
    Figures f;
    f.state = job.state;
    const bool running = job.state == State::Running;
    const bool settled = isSettled(blob.state);
    f.progress = settled ? 1000 : perMille(blob.done, blob.size);
    f.done = settled ? blob.size : blob.done;
    f.total = blob.size;
    f.whole = settled || blob.done <= 0;
    f.live = running && isMoving(blob.state);
    f.rate = f.live ? blob.speed.bytesPerSecond() : -1;
    f.eta = f.live ? blob.speed.secondsLeft(blob.size - blob.done) : -1;
    f.blobState = int(blob.state);
    const auto status = [&blob, running]() -> QString {
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
    };
    const auto toolTip = [&blob] {
        QStringList lines{blob.source.toString(), QLocale().formattedDataSize(blob.size, 1)};
        if (blob.fate == Fate::Compress)
            lines << tr("Uncompressed in the archive: compressed with gzip as it is sent.");
        return lines.join(QLatin1Char('\n'));
    };
    const auto name = [&blob] { return tr("%1 (%2)").arg(blob.name, blob.source.shortString()); };
    return cell(f, column, role, name, status, toolTip);
}
