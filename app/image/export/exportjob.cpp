#include "image/export/exportjob.h"
#include "oci/core/futurecontinuation.h"

#include <QFuture>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <atomic>

namespace image {

struct ExportJob::Shared
{
    std::atomic<bool> cancelled{false};
    std::atomic<bool> done{false};
    std::atomic<qint64> doneBytes{0};
    std::atomic<qint64> totalBytes{-1}; // as the worker counts them (shared bytes once)
};

ExportJob::ExportJob(QObject *parent) : oci::Job(parent), m_shared(std::make_shared<Shared>()) {}

ExportJob::~ExportJob()
{
    // The worker holds its own reference to the shared state; telling it to stop is enough.
    m_shared->cancelled = true;
}

ExportJob *ExportJob::tar(ExportPlan plan, BlobLocator locate, QString directory, QString fileName,
                          bool replace, QObject *parent)
{
    auto *job = new ExportJob(parent);
    job->m_total = plan.totalBytes;
    job->start([plan = std::move(plan), locate = std::move(locate),
                directory = std::move(directory), fileName = std::move(fileName),
                replace](const ExportCallbacks &callbacks) {
        return writeTar(plan, locate, directory, fileName, replace, callbacks);
    });
    return job;
}

ExportJob *ExportJob::file(ExportPlan plan, int item, BlobLocator locate, QString directory,
                           QString fileName, bool replace, QObject *parent)
{
    auto *job = new ExportJob(parent);
    if (item >= 0 && item < plan.items.size())
        job->m_total = plan.items.at(item).size;
    job->start([plan = std::move(plan), item, locate = std::move(locate),
                directory = std::move(directory), fileName = std::move(fileName),
                replace](const ExportCallbacks &callbacks) {
        return saveFile(plan, item, locate, directory, fileName, replace, callbacks);
    });
    return job;
}

bool ExportJob::workerDone() const
{
    return m_shared->done;
}

void ExportJob::start(std::function<oci::Result<ExportResult>(const ExportCallbacks &)> work)
{
    m_timer = new QTimer(this);
    m_timer->setInterval(100);
    connect(m_timer, &QTimer::timeout, this, [this] {
        const qint64 done = m_shared->doneBytes;
        if (const qint64 total = m_shared->totalBytes; total >= 0)
            m_total = total;
        if (done != m_reported) {
            m_reported = done;
            Q_EMIT progress(done, m_total);
        }
    });
    m_timer->start();

    const std::shared_ptr<Shared> shared = m_shared;
    oci::whenFinished(this, QtConcurrent::run([shared, work = std::move(work)] {
        ExportCallbacks callbacks;
        callbacks.cancelled = [shared] {
            return shared->cancelled.load();
        };
        callbacks.progress = [shared](qint64 done, qint64 total) {
            shared->totalBytes = total;
            shared->doneBytes = done;
        };
        oci::Result<ExportResult> result = work(callbacks);
        shared->done = true;
        return result;
    }), [this](oci::Result<ExportResult> result) {
        m_timer->stop();
        if (isCancelled())
            return;
        if (!result) {
            finishWithError(result.error());
            return;
        }
        m_result = result.value();
        m_total = std::max(m_result.bytes, m_shared->totalBytes.load());
        Q_EMIT progress(m_result.bytes, m_total);
        finishSuccessfully();
    });
}

void ExportJob::abort()
{
    m_shared->cancelled = true;
    if (m_timer)
        m_timer->stop();
}

} // namespace image

// Compiled here, not in the library's mocs_compilation: a binary that never uses ExportJob
// then does not pull in the other QObjects' meta objects through it.
#include "moc_exportjob.cpp"
