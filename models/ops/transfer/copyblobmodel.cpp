#include "ops/transfer/copyblobmodel.h"

#include "tagtabletext.h"

#include "oci/manifest/descriptor.h"
#include "ops/copy/copyjob.h"

#include <QLocale>

using BlobState = ops::CopyJob::BlobState;

namespace {

QString stateText(const ops::CopyJob &job, int row, bool stopped)
{
    const BlobState state = job.blobState(row);
    const bool unfinished = state == BlobState::Waiting || state == BlobState::Checking ||
                            state == BlobState::Mounting || state == BlobState::Streaming;
    if (stopped && unfinished)
        return CopyBlobModel::tr("Stopped");
    switch (state) {
    case BlobState::Waiting:
        return CopyBlobModel::tr("Waiting");
    case BlobState::Checking:
        return CopyBlobModel::tr("Checking the target…");
    case BlobState::Mounting:
        return CopyBlobModel::tr("Mounting…");
    case BlobState::Streaming: {
        const qint64 size = job.blob(row).size();
        const int percent = size > 0 ? int(job.blobBytesDone(row) * 100 / size) : 0;
        return CopyBlobModel::tr("Streaming… %1%").arg(percent);
    }
    case BlobState::Present:
        return CopyBlobModel::tr("Already there");
    case BlobState::Mounted:
        return CopyBlobModel::tr("Mounted");
    case BlobState::Copied:
        return CopyBlobModel::tr("Copied");
    case BlobState::Failed:
        return CopyBlobModel::tr("Failed");
    }
    return {};
}

QString kindText(const oci::Descriptor &blob)
{
    if (blob.mediaType().contains(QLatin1String("config")))
        return CopyBlobModel::tr("Config");
    if (blob.mediaType().contains(QLatin1String("layer")))
        return CopyBlobModel::tr("Layer");
    return CopyBlobModel::tr("Blob");
}

} // namespace

CopyBlobModel::CopyBlobModel(QObject *parent) : QAbstractTableModel(parent) {}

CopyBlobModel::~CopyBlobModel() = default;

void CopyBlobModel::setJob(ops::CopyJob *job)
{
    if (m_job)
        disconnect(m_job, nullptr, this, nullptr);
    beginResetModel();
    m_job = job;
    m_rows = 0;
    m_stopped = false;
    endResetModel();
    if (!job)
        return;
    connect(job, &ops::CopyJob::phaseChanged, this, &CopyBlobModel::syncRows);
    connect(job, &ops::CopyJob::blobChanged, this, [this](int index) {
        syncRows();
        if (index >= 0 && index < m_rows)
            Q_EMIT dataChanged(this->index(index, 0), this->index(index, ColumnCount - 1));
    });
    connect(job, &QObject::destroyed, this, [this] {
        beginResetModel();
        m_rows = 0;
        endResetModel();
    });
    syncRows();
}

void CopyBlobModel::setStopped()
{
    m_stopped = true;
    if (m_rows > 0)
        Q_EMIT dataChanged(index(0, StateColumn), index(m_rows - 1, StateColumn));
}

void CopyBlobModel::syncRows()
{
    const int count = m_job ? m_job->blobCount() : 0;
    if (count == m_rows)
        return;
    // The job lists its blobs once, when reading ends: a reset is as cheap as anything.
    beginResetModel();
    m_rows = count;
    endResetModel();
}

int CopyBlobModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

int CopyBlobModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CopyBlobModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) ||
        !m_job || index.row() >= m_job->blobCount())
        return {};
    const int row = index.row();
    const oci::Descriptor &blob = m_job->blob(row);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case BlobColumn:
            return QString(kindText(blob) + u"  " + blob.digest().shortString() + u'…');
        case SizeColumn:
            return TagTableText::size(blob.size());
        case StateColumn:
            return stateText(*m_job, row, m_stopped);
        default:
            return {};
        }
    case Qt::ToolTipRole:
        return index.column() == BlobColumn
                   ? QVariant(QString(blob.digest().toString() + u'\n' + blob.mediaType()))
                   : QVariant();
    case Qt::TextAlignmentRole:
        return index.column() == SizeColumn ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter))
                                            : QVariant();
    case StateRole:
        return int(m_job->blobState(row));
    case DigestRole:
        return blob.digest().toString();
    default:
        return {};
    }
}

QVariant CopyBlobModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case BlobColumn:
        return tr("Blob");
    case SizeColumn:
        return tr("Size");
    case StateColumn:
        return tr("State");
    default:
        return {};
    }
}
