#include "oci/client/job.h"

namespace oci {

Job::Job(QObject *parent) : QObject(parent) {}

Job::~Job() = default;

void Job::cancel()
{
    if (m_finished || m_cancelled)
        return;
    m_cancelled = true;
    m_error = Error(Error::Code::Cancelled, QStringLiteral("cancelled"));
    if (!m_finishQueued)
        abort();
}

void Job::finishWithError(Error error)
{
    if (m_finished || m_cancelled || m_finishQueued)
        return;
    m_error = std::move(error);
    queueFinished();
}

void Job::finishSuccessfully()
{
    if (m_finished || m_cancelled || m_finishQueued)
        return;
    m_error = Error();
    queueFinished();
}

void Job::queueFinished()
{
    // Queued, so finished() never comes from inside the call that made or fed the job;
    // a cancel() or the job's destruction before then silences it.
    m_finishQueued = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            if (m_cancelled)
                return;
            m_finished = true;
            Q_EMIT finished();
        },
        Qt::QueuedConnection);
}

} // namespace oci
