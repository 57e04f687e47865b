// JobsModel under QAbstractItemModelTester with real pushes (image::PushJob) of legacy
// `docker save` tars built here into Debian's docker-registry: rows, columns, progress,
// throughput and time left while a push runs, rows added while others run and finish,
// coalesced updates, cancel, a caller-owned job deleted while listed, and Retry after the
// registry died mid-push. JobThroughput's window on its own.

#include "jobsmodel.h"
#include "jobthroughput.h"

#include "image/push/pushjob.h"
#include "oci/client/registryclient.h"
#include "support/clientharness.h"
#include "support/localimagefixture.h"
#include "support/signalwait.h"

#include <QAbstractItemModelTester>
#include <QPointer>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

QString text(const QAbstractItemModel &model, int row, int column, const QModelIndex &parent = {})
{
    return model.index(row, column, parent).data().toString();
}

// A model under QAbstractItemModelTester for one test.
struct TestedModel
{
    JobsModel model;
    QAbstractItemModelTester tester{&model, QAbstractItemModelTester::FailureReportingMode::QtTest};
};

} // namespace

class TestJobsModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        REQUIRE_REGISTRY_TOOLS();
        QVERIFY2(m_images.startRegistry(), qPrintable(m_images.errorString()));
        // A small image, and a big one: a tiny layer and ~48 MiB of random bytes,
        // uncompressed (gzip'ed as it is sent), long enough to measure a speed.
        QVERIFY(m_images.writeLegacySave(u"small.tar"_s, u"lading/small:1"_s));
        QVERIFY(m_images.writeLegacySave(u"big.tar"_s, u"lading/big:1"_s, 48, 41));
    }

    void throughputWindow()
    {
        JobThroughput speed(3000);
        QCOMPARE(speed.bytesPerSecond(), -1.0);
        speed.addSample(0, 0);
        speed.addSample(100, 1000);
        QCOMPARE(speed.bytesPerSecond(), -1.0); // too short a span to say
        speed.addSample(1000, 10000);
        QCOMPARE(speed.bytesPerSecond(), 10000.0);
        QCOMPARE(speed.secondsLeft(25000), qint64(3)); // 2.5 s, rounded up
        // Only the last three seconds count: a stall shows the speed falling.
        speed.addSample(4000, 40000);
        speed.addSample(7000, 40000);
        QCOMPARE(speed.bytesPerSecond(), 0.0);
        QCOMPARE(speed.secondsLeft(1), qint64(-1));
        // A total that goes down is a new count: the window starts over.
        speed.addSample(7100, 10);
        QCOMPARE(speed.bytesPerSecond(), -1.0);
        speed.addSample(7600, 510);
        QCOMPARE(speed.bytesPerSecond(), 1000.0);
    }

    void texts()
    {
        QCOMPARE(JobsModel::etaText(-1), u"—"_s);
        QCOMPARE(JobsModel::etaText(12), u"about 12 s"_s);
        QCOMPARE(JobsModel::etaText(0), u"about 1 s"_s);
        QCOMPARE(JobsModel::etaText(61), u"about 2 min"_s);
        QCOMPARE(JobsModel::etaText(3600 + 600), u"about 1 h 10 min"_s);
        QCOMPARE(JobsModel::speedText(-1), u"—"_s);
        QVERIFY2(JobsModel::speedText(2.5 * 1024 * 1024).endsWith(u"/s"_s),
                 qPrintable(JobsModel::speedText(2.5 * 1024 * 1024)));
    }

    void emptyModel()
    {
        TestedModel tested;
        JobsModel &model = tested.model;
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.columnCount(), int(JobsModel::ColumnCount));
        QCOMPARE(model.headerData(JobsModel::ProgressColumn, Qt::Horizontal).toString(),
                 u"Progress"_s);
        QCOMPARE(model.totals().running, 0);
        QVERIFY(!model.cancel(0));
        QVERIFY(!model.retry(0));
        model.clearFinished();
        QCOMPARE(model.rowCount(), 0);
    }

    void pushShowsProgressAndFinishes()
    {
        TestedModel tested;
        JobsModel &model = tested.model;
        // The big one over a link of 32 MiB/s: about 1.5 s, long enough to see a speed and
        // a time left on any machine.
        oci::RegistryClient *slowLink = m_images.throttledClient(32 * 1024 * 1024);
        QVERIFY2(slowLink, qPrintable(m_images.errorString()));
        image::PushJob *big = m_images.newPushJob(u"big.tar"_s, u"jobs/big"_s, slowLink).release();
        QVERIFY2(big, qPrintable(m_images.errorString()));
        // Joins mid-push.
        image::PushJob *small = m_images.newPushJob(u"small.tar"_s, u"jobs/small"_s).release();
        QVERIFY2(small, qPrintable(m_images.errorString()));
        bool smallAdded = false;
        const int blobs = int(big->plan().blobs.size());
        QCOMPARE(blobs, 3); // config, two layers

        int progressSignals = 0;
        connect(big, &image::PushJob::progress, this, [&] { ++progressSignals; });
        int jobRowChanges = 0;
        connect(&model, &QAbstractItemModel::dataChanged, this, [&](const QModelIndex &topLeft) {
            if (!topLeft.parent().isValid() && topLeft.row() == 0) // the big job's row
                ++jobRowChanges;
        });
        QElapsedTimer clock;
        clock.start();
        QCOMPARE(model.addJob(big, u"jobs/big:1"_s, JobsModel::Ownership::Model), 0);
        QVERIFY(big->isRunning());
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.state(0), JobsModel::State::Running);
        const QModelIndex job = model.index(0, 0);
        QCOMPARE(model.rowCount(job), blobs);
        QCOMPARE(text(model, 0, JobsModel::NameColumn), u"jobs/big:1"_s);
        QCOMPARE(text(model, 0, JobsModel::NameColumn, job).section(u' ', 0, 0), u"Config"_s);
        QVERIFY(text(model, 1, JobsModel::NameColumn, job).startsWith(u"Layer 1 (sha256:"_s));
        QVERIFY(text(model, 2, JobsModel::NameColumn, job).startsWith(u"Layer 2 (sha256:"_s));
        QCOMPARE(model.jobRow(model.index(2, 0, job)), 0);

        // While it runs: a share, a byte count, a speed and a time left, on the job and on the
        // big layer; then a second job joins and finishes first.
        int maxProgress = -1;
        double maxSpeed = -1;
        double maxBlobSpeed = -1;
        qint64 maxEta = -1;
        QStringList statuses;
        QString progressText;
        QString speedText;
        QString etaText;
        QMetaObject::Connection watch =
            connect(&model, &QAbstractItemModel::dataChanged, this, [&] {
                const QModelIndex first = model.index(0, 0);
                if (model.state(0) != JobsModel::State::Running)
                    return;
                const QString status = text(model, 0, JobsModel::StatusColumn);
                if (!statuses.contains(status))
                    statuses << status;
                if (status != u"Sending")
                    return;
                maxProgress = qMax(maxProgress, first.data(JobsModel::ProgressRole).toInt());
                const double speed = first.data(JobsModel::SpeedRole).toDouble();
                maxSpeed = qMax(maxSpeed, speed);
                // The texts of a moment with a known speed and bytes still to go.
                if (speed > 0 && first.data(JobsModel::BytesDoneRole).toLongLong() <
                                     first.data(JobsModel::BytesTotalRole).toLongLong()) {
                    speedText = text(model, 0, JobsModel::SpeedColumn);
                    etaText = text(model, 0, JobsModel::EtaColumn);
                    progressText = text(model, 0, JobsModel::ProgressColumn);
                }
                maxEta = qMax(maxEta, first.data(JobsModel::EtaRole).toLongLong());
                maxBlobSpeed = qMax(maxBlobSpeed,
                                    model.index(2, 0, first).data(JobsModel::SpeedRole).toDouble());
                if (!smallAdded && first.data(JobsModel::BytesDoneRole).toLongLong() > 0) {
                    smallAdded = true;
                    QCOMPARE(model.addJob(small, u"jobs/small:1"_s, JobsModel::Ownership::Model),
                             1);
                }
            });
        QVERIFY(waitUntilFinished(model, 0));
        const qint64 elapsed = clock.elapsed();
        disconnect(watch);
        QVERIFY2(model.state(0) == JobsModel::State::Done,
                 qPrintable(text(model, 0, JobsModel::StatusColumn)));
        QVERIFY(smallAdded);
        QVERIFY(waitUntilFinished(model, 1));
        QCOMPARE(model.state(1), JobsModel::State::Done);
        qInfo("statuses %s; %s at %s, %s left; %d progress signals, %d job-row updates in %lld ms",
              qPrintable(statuses.join(u", "_s)), qPrintable(progressText), qPrintable(speedText),
              qPrintable(etaText), progressSignals, jobRowChanges, elapsed);

        QVERIFY2(statuses.contains(u"Sending"_s), qPrintable(statuses.join(u", "_s)));
        QVERIFY(maxProgress > 0 && maxProgress <= 1000);
        QVERIFY(maxSpeed > 0);
        QVERIFY(maxBlobSpeed > 0);
        QVERIFY(maxEta >= 0);
        QVERIFY2(progressText.contains(u" of "_s), qPrintable(progressText));
        QVERIFY2(speedText.endsWith(u"/s"_s), qPrintable(speedText));
        QVERIFY2(etaText.startsWith(u"about "_s), qPrintable(etaText));
        // Coalesced: about one update of the row per tick, however often the job signalled.
        QVERIFY2(jobRowChanges <= elapsed / JobsModel::UpdateIntervalMs + 20,
                 qPrintable(QString::number(jobRowChanges)));

        // Finished: Done, full bars, no speed; every blob sent.
        QCOMPARE(text(model, 0, JobsModel::StatusColumn), u"Done"_s);
        QCOMPARE(model.index(0, 0).data(JobsModel::ProgressRole).toInt(), 1000);
        QCOMPARE(text(model, 0, JobsModel::SpeedColumn), QString());
        for (int i = 0; i < blobs; ++i) {
            QCOMPARE(text(model, i, JobsModel::StatusColumn, job), u"Sent"_s);
            QCOMPARE(model.index(i, 0, job).data(JobsModel::ProgressRole).toInt(), 1000);
        }
        QVERIFY(!model.canCancel(0));
        QVERIFY(!model.canRetry(0));
        QCOMPARE(model.totals().running, 0);
        QCOMPARE(model.totals().finished, 2);

        // The jobs stay listed until cleared; the model deletes the jobs it owns.
        QPointer<image::PushJob> gone = big;
        model.clearFinished();
        QCOMPARE(model.rowCount(), 0);
        QTRY_VERIFY(gone.isNull());
    }

    void cancelThenRetry()
    {
        TestedModel tested;
        JobsModel &model = tested.model;
        image::PushJob *job = m_images.newPushJob(u"big.tar"_s, u"jobs/cancelled"_s).release();
        QVERIFY2(job, qPrintable(m_images.errorString()));
        QSignalSpy states(&model, &JobsModel::jobStateChanged);
        model.addJob(job, u"jobs/cancelled:1"_s, JobsModel::Ownership::Model);
        QVERIFY(LocalImageFixture::waitUntilSending(job));
        QVERIFY(model.canCancel(0));
        QVERIFY(model.cancel(0));
        QCOMPARE(model.state(0), JobsModel::State::Cancelled);
        QCOMPARE(text(model, 0, JobsModel::StatusColumn), u"Cancelled"_s);
        QCOMPARE(states.count(), 1);
        QVERIFY(model.canRetry(0));
        QVERIFY(!model.canCancel(0));
        // Nothing was published.
        std::unique_ptr<oci::Job> tags(m_images.client()->tags(u"jobs/cancelled"_s));
        QVERIFY(ClientHarness::wait(tags.get()));
        QVERIFY(!tags->succeeded());

        QPointer<image::PushJob> old = job;
        QVERIFY(model.retry(0));
        QCOMPARE(model.rowCount(), 1);
        QVERIFY(model.job(0) != job);
        QCOMPARE(model.state(0), JobsModel::State::Running);
        QTRY_VERIFY(old.isNull()); // the model owned it
        QVERIFY(waitUntilFinished(model, 0));
        QVERIFY2(model.state(0) == JobsModel::State::Done,
                 qPrintable(text(model, 0, JobsModel::StatusColumn)));
    }

    void callerOwnedJobDeletedWhileListed()
    {
        TestedModel tested;
        JobsModel &model = tested.model;
        std::unique_ptr<image::PushJob> job = m_images.newPushJob(u"big.tar"_s, u"jobs/deleted"_s);
        QVERIFY2(job, qPrintable(m_images.errorString()));
        model.addJob(job.get(), u"jobs/deleted:1"_s);
        QCOMPARE(model.job(0), job.get());
        QVERIFY(LocalImageFixture::waitUntilSending(job.get()));
        job.reset();
        QCOMPARE(model.state(0), JobsModel::State::Cancelled);
        QCOMPARE(model.job(0), nullptr);
        QVERIFY(!model.canRetry(0)); // nothing left to retry from
        QVERIFY(!model.cancel(0));
        QCOMPARE(model.rowCount(model.index(0, 0)), 3); // what it was doing is still shown
        model.clearFinished();
        QCOMPARE(model.rowCount(), 0);
    }

    void retryAfterTheRegistryDied()
    {
        TestedModel tested;
        JobsModel &model = tested.model;
        image::PushJob *job = m_images.newPushJob(u"big.tar"_s, u"jobs/dying"_s).release();
        QVERIFY2(job, qPrintable(m_images.errorString()));
        int big = -1;
        for (int i = 0; i < job->plan().blobs.size(); ++i) {
            if (job->plan().blobs.at(i).size > 20 * 1024 * 1024)
                big = i;
        }
        QVERIFY(big >= 0);
        const int blobs = int(job->plan().blobs.size());
        bool stopped = false;
        connect(job, &image::PushJob::progress, this, [&, job] {
            // Once the big layer is on its way and everything else landed.
            if (stopped || job->phase() != image::PushJob::Phase::Sending ||
                job->blobBytesDone(big) == 0)
                return;
            for (int i = 0; i < job->plan().blobs.size(); ++i) {
                if (i != big && job->blobState(i) != image::PushJob::BlobState::Sent)
                    return;
            }
            stopped = true;
            m_images.registry()->stop();
        });
        model.addJob(job, u"jobs/dying:1"_s, JobsModel::Ownership::Model);
        QVERIFY(waitUntilFinished(model, 0));
        QVERIFY(stopped);
        QCOMPARE(model.state(0), JobsModel::State::Failed);
        const QString status = text(model, 0, JobsModel::StatusColumn);
        qInfo("the row said: %s", qPrintable(status));
        QVERIFY2(status.startsWith(u"Failed: "_s) && !status.contains(u'\n'), qPrintable(status));
        QVERIFY(model.index(0, 0).data(Qt::ToolTipRole).toString().contains(m_images.registry()->host()));
        const QModelIndex parent = model.index(0, 0);
        QCOMPARE(model.index(big, 0, parent).data(JobsModel::BlobStateRole).toInt(),
                 int(image::PushJob::BlobState::Failed));
        QVERIFY(model.canRetry(0));

        QVERIFY2(m_images.registry()->restart(), qPrintable(m_images.registry()->errorString()));
        QVERIFY(model.retry(0));
        QVERIFY(waitUntilFinished(model, 0));
        QVERIFY2(model.state(0) == JobsModel::State::Done,
                 qPrintable(text(model, 0, JobsModel::StatusColumn)));
        // Only the big layer went again; what had landed was found there.
        for (int i = 0; i < model.rowCount(parent); ++i) {
            QCOMPARE(text(model, i, JobsModel::StatusColumn, parent),
                     i == big ? u"Sent"_s : u"Already there"_s);
        }
        QCOMPARE(model.job(0)->blobsSent(), blobs);
    }

private:
    // Runs the event loop until the model's row `row` no longer runs.
    static bool waitUntilFinished(const JobsModel &model, int row, int timeoutMs = 120000)
    {
        return testsupport::waitFor(
            &model, &JobsModel::jobStateChanged,
            [&] { return model.state(row) != JobsModel::State::Running; }, timeoutMs);
    }

    LocalImageFixture m_images{u"jobsmodel"_s};
};

QTEST_MAIN(TestJobsModel)
#include "tst_jobsmodel.moc"
