#pragma once

// JobsModel's rows, shared by jobsmodel.cpp (jobs, ticks, structure) and jobsmodelcells.cpp
// (what each cell says). Private to lading_models.

#include "jobsmodel.h"
#include "jobthroughput.h"

#include "image/push/pushjob.h"
#include "oci/core/error.h"

#include <QPointer>

namespace jobrows {
using Phase = image::PushJob::Phase;
using BlobState = image::PushJob::BlobState;
using Fate = image::PushBlob::Fate;
} // namespace jobrows

struct JobsModel::BlobRow
{
    QString name; // "Config", "Layer 2"
    oci::Digest source;
    qint64 size = 0;
    jobrows::Fate fate = jobrows::Fate::Unknown;
    QString mountFrom;
    jobrows::BlobState state = jobrows::BlobState::Waiting;
    qint64 done = 0;
    JobThroughput speed;
};

struct JobsModel::JobRow
{
    quint64 id = 0;
    QPointer<image::PushJob> job;
    bool owned = false;
    QString title;
    State state = State::Running;
    jobrows::Phase phase = jobrows::Phase::Verifying;
    qint64 done = 0;
    qint64 total = 0;
    QString message;
    QString cancelReason; // why Lading cancelled it (empty: the person did)
    oci::Error error;
    JobThroughput speed;
    QList<BlobRow> blobs;
};

namespace jobrows {

inline bool isMoving(BlobState state)
{
    return state == BlobState::Compressing || state == BlobState::Sending;
}

inline bool isSettled(BlobState state)
{
    return state == BlobState::Sent || state == BlobState::Present || state == BlobState::Mounted;
}

inline int perMille(qint64 done, qint64 total)
{
    return total > 0 ? int(qBound(qint64(0), done * 1000 / total, qint64(1000))) : -1;
}

} // namespace jobrows
