#pragma once

#include "image/push/pushplan.h"
#include "oci/client/job.h"

#include <QList>
#include <QString>

#include <memory>

namespace oci {
class RegistryClient;
}

namespace image {

class BlobLocations;
class BlobSender;
class LocalImageSource;

// Decides a PushPlan: which images, which tag, and for every blob whether the repository
// has it (HEAD), another repository of the registry has it (mountable), or it must be sent;
// and where each tag points now. Nothing is written to the registry.
//
//     auto *planner = image::PushPlanner::start(client, source, {{root, u"1.0"_s}}, u"team/app"_s);
//     connect(planner, &oci::Job::finished, this, [planner] { if (planner->succeeded()) show(planner->plan()); });
class PushPlanner final : public oci::Job
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PushPlanner)

public:
    struct Choice
    {
        oci::Digest root; // an image or index of the source
        QString tag;      // may be empty (push by digest)
    };
    // `locations` (may be null) knows which other repositories of this registry hold which
    // blobs, and which compressed blob an earlier push made from a diff ID.
    static PushPlanner *start(oci::RegistryClient *client,
                              std::shared_ptr<const LocalImageSource> source,
                              const QList<Choice> &choices, const QString &repository,
                              BlobLocations *locations = nullptr, QObject *parent = nullptr);
    ~PushPlanner() override;

    const PushPlan &plan() const; // once succeeded

protected:
    void abort() override;

private:
    struct Private;
    explicit PushPlanner(std::unique_ptr<Private> d, QObject *parent);
    void pump();
    std::unique_ptr<Private> d;
};

// Carries out a PushPlan: verifies every blob of the archive first (nothing is sent if one
// does not match its digest or diff ID), then sends blobs — several at once, small ones in
// one request, large ones in chunks, uncompressed layers gzip'ed on worker threads as they
// go, mounts where the plan says — then PUTs the manifests, each index after its images, and
// the tags last: a failed or cancelled push publishes no tag. retry() after a failure makes a
// new job that asks the registry again and sends only what did not land.
//
// Progress: progress(done, total) is the current phase's: while Verifying, archive bytes
// checked; while Sending, bytes of the blobs to send (compressed layers count their archive
// bytes) acknowledged by the registry; per blob blobState()/blobBytesDone(). Throughput and
// ETA are the caller's to compute from progress() over time.
class PushJob final : public oci::Job
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PushJob)

public:
    enum class Phase { Verifying, Sending, Publishing, Done };
    enum class BlobState { Waiting, Checking, Compressing, Sending, Mounted, Present, Sent, Failed };

    PushJob(oci::RegistryClient *client, PushPlan plan, BlobLocations *locations = nullptr,
            QObject *parent = nullptr);
    ~PushJob() override;

    void start();
    bool isRunning() const; // started and not finished
    // After a failure or cancel: a new job (not started) for the same push that asks the
    // registry again, so what landed is skipped. Counts carry over (blobsSent()).
    PushJob *retry(QObject *parent = nullptr) const;

    const PushPlan &plan() const; // with targets' digests and sizes filled in as they become known
    Phase phase() const;
    qint64 bytesDone() const;  // of the current phase
    qint64 bytesTotal() const; // of the current phase
    BlobState blobState(int blob) const;
    qint64 blobBytesDone(int blob) const;
    // Blobs actually sent (not present, not mounted), over this job and those it retried.
    int blobsSent() const;
    int blobsMounted() const;
    // The digests the targets were pushed as, once Done ("team/app:1.0" -> digest).
    QList<oci::Digest> pushedDigests() const;

Q_SIGNALS:
    void phaseChanged(image::PushJob::Phase phase);
    void progress(qint64 done, qint64 total);
    void blobChanged(int blob);
    // A sentence for a log or status line ("Mounted sha256:… from team/base").
    void message(const QString &text);

protected:
    void abort() override;

private:
    void startSending();
    void pumpSenders();
    void onBlobDone(BlobSender *sender, int index, int outcome);
    void startPublishing();
    void putNextManifest();
    void putManifest(const QString &reference, const QString &mediaType, const QByteArray &bytes);
    void finishPush();

    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace image
