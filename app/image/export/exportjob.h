#pragma once

#include "image/export/exportplan.h"
#include "image/export/tarexport.h"
#include "oci/client/job.h"

#include <QString>

#include <memory>

class QTimer;

namespace image {

// A save on the QtConcurrent pool, as an oci::Job (GUI thread): a directory as a tar, or one
// file. progress() every ~100 ms while it runs; cancel() stops the worker at its next chunk
// and the partial file is removed (OutputFile) — also when the job is destroyed early.
//
//     auto *job = image::ExportJob::tar(plan, image::cacheBlobLocator(dir), folder, "etc.tar",
//                                       false, this);
//     connect(job, &image::ExportJob::finished, this, [job] { ... job->result() ... });
class ExportJob final : public oci::Job
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExportJob)

public:
    static ExportJob *tar(ExportPlan plan, BlobLocator locate, QString directory, QString fileName,
                          bool replace, QObject *parent);
    static ExportJob *file(ExportPlan plan, int item, BlobLocator locate, QString directory,
                           QString fileName, bool replace, QObject *parent);
    ~ExportJob() override;

    const ExportResult &result() const { return m_result; }
    qint64 totalBytes() const { return m_total; }
    // True once the worker has stopped (after finishing, failing or noticing a cancel).
    bool workerDone() const;

Q_SIGNALS:
    void progress(qint64 doneBytes, qint64 totalBytes);

protected:
    void abort() override;

private:
    struct Shared;
    explicit ExportJob(QObject *parent);
    void start(std::function<oci::Result<ExportResult>(const ExportCallbacks &)> work);

    std::shared_ptr<Shared> m_shared;
    QTimer *m_timer = nullptr;
    ExportResult m_result;
    qint64 m_total = 0;
    qint64 m_reported = -1;
};

} // namespace image
