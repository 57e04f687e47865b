// JobsPanel offscreen with real pushes into Debian's docker-registry: the empty state,
// Cancel / Retry / Clear Finished following the selection and the jobs' states, Cancel
// stopping a running push before it publishes, the summary line. And the stall benchmark:
// the longest event-loop gap while a ~100 MiB uncompressed legacy layer is compressed and
// pushed through the panel (printed, not asserted; goal ≤ 50 ms).

#include "jobsmodel.h"
#include "jobspanel.h"

#include "image/push/pushjob.h"
#include "oci/client/registryclient.h"
#include "support/clientharness.h"
#include "support/localimagefixture.h"
#include "support/signalwait.h"
#include "support/stallprobe.h"

#include <QElapsedTimer>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QTest>
#include <QTreeView>

using namespace Qt::StringLiterals;

namespace {

// A jobs panel on a model of its own, shown.
struct ShownPanel
{
    explicit ShownPanel(QSize size)
    {
        panel.resize(size);
        panel.show();
    }
    JobsModel model;
    JobsPanel panel{&model};
};

} // namespace

class TestJobsPanel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        REQUIRE_REGISTRY_TOOLS();
        QVERIFY2(m_images.startRegistry(), qPrintable(m_images.errorString()));
        QVERIFY(m_images.writeLegacySave(u"big.tar"_s, u"lading/big:1"_s, 48, 43));
    }

    void emptyState()
    {
        ShownPanel shown(QSize(900, 250));
        JobsPanel &panel = shown.panel;
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QVERIFY(panel.emptyLabel()->isVisible());
        QVERIFY(!panel.view()->isVisible());
        QVERIFY(!panel.emptyLabel()->text().isEmpty());
        QVERIFY(!panel.cancelButton()->isEnabled());
        QVERIFY(!panel.retryButton()->isEnabled());
        QVERIFY(!panel.clearButton()->isEnabled());
        QCOMPARE(panel.summaryLabel()->text(), QString());
    }

    void buttonsFollowTheSelectionAndCancelStopsAPush()
    {
        ShownPanel shown(QSize(900, 250));
        JobsModel &model = shown.model;
        JobsPanel &panel = shown.panel;
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        image::PushJob *job = m_images.newPushJob(u"big.tar"_s, u"panel/cancelled"_s).release();
        QVERIFY2(job, qPrintable(m_images.errorString()));
        model.addJob(job, u"panel/cancelled:1"_s, JobsModel::Ownership::Model);
        QVERIFY(panel.view()->isVisible());
        QVERIFY(!panel.emptyLabel()->isVisible());
        QVERIFY2(panel.summaryLabel()->text().startsWith(u"1 job running, "_s),
                 qPrintable(panel.summaryLabel()->text()));
        // Nothing selected: nothing to cancel or retry, nothing finished.
        QVERIFY(!panel.cancelButton()->isEnabled());
        QVERIFY(!panel.retryButton()->isEnabled());
        QVERIFY(!panel.clearButton()->isEnabled());

        QItemSelectionModel *selection = panel.view()->selectionModel();
        selection->select(model.index(0, 0),
                          QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        QCOMPARE(panel.selectedJobRows(), QList<int>{0});
        QVERIFY(panel.cancelButton()->isEnabled());
        QVERIFY(!panel.retryButton()->isEnabled());
        // A selected blob stands for its job.
        selection->select(model.index(1, 0, model.index(0, 0)),
                          QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        QCOMPARE(panel.selectedJobRows(), QList<int>{0});
        QVERIFY(panel.cancelButton()->isEnabled());

        QVERIFY(LocalImageFixture::waitUntilSending(job));
        QTest::mouseClick(panel.cancelButton(), Qt::LeftButton);
        QCOMPARE(model.state(0), JobsModel::State::Cancelled);
        QVERIFY(!panel.cancelButton()->isEnabled());
        QVERIFY(panel.retryButton()->isEnabled());
        QVERIFY(panel.clearButton()->isEnabled());
        QCOMPARE(panel.summaryLabel()->text(), u"No job running; 1 finished."_s);
        // It stopped: no more bytes go out (once what was already queued when Cancel was
        // pressed has come through), and no tag was published.
        const qint64 atCancel = job->bytesDone();
        testsupport::spin(200);
        const qint64 bytes = job->bytesDone();
        if (bytes != atCancel)
            qInfo("%lld bytes were counted after cancel()", bytes - atCancel);
        testsupport::spin(800);
        QCOMPARE(job->bytesDone(), bytes);
        QVERIFY(bytes < job->bytesTotal());
        std::unique_ptr<oci::Job> tags(m_images.client()->tags(u"panel/cancelled"_s));
        QVERIFY(ClientHarness::wait(tags.get()));
        QVERIFY(!tags->succeeded());

        // Retry: running again in the same row, then done.
        QTest::mouseClick(panel.retryButton(), Qt::LeftButton);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.state(0), JobsModel::State::Running);
        QVERIFY(panel.cancelButton()->isEnabled());
        QVERIFY(!panel.retryButton()->isEnabled());
        QVERIFY(waitUntilFinished(model, 120000));
        QVERIFY2(model.state(0) == JobsModel::State::Done,
                 qPrintable(model.index(0, JobsModel::StatusColumn).data().toString()));
        QVERIFY(!panel.cancelButton()->isEnabled());
        QVERIFY(!panel.retryButton()->isEnabled());
        QVERIFY(panel.clearButton()->isEnabled());
        std::unique_ptr<oci::Job> published(m_images.client()->tags(u"panel/cancelled"_s));
        QVERIFY(ClientHarness::wait(published.get()));
        QVERIFY(published->succeeded());

        QTest::mouseClick(panel.clearButton(), Qt::LeftButton);
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(panel.emptyLabel()->isVisible());
        QVERIFY(!panel.clearButton()->isEnabled());
        QCOMPARE(panel.summaryLabel()->text(), QString());
    }

    // Printed, not asserted: how long the GUI thread went without running its event loop
    // while ~100 MiB of random bytes were verified, gzip'ed on worker threads and sent.
    void stallWhilePushing()
    {
        QVERIFY(m_images.writeLegacySave(u"huge.tar"_s, u"lading/huge:1"_s, 100, 47));
        image::PushJob *job = m_images.newPushJob(u"huge.tar"_s, u"panel/huge"_s).release();
        QVERIFY2(job, qPrintable(m_images.errorString()));
        ShownPanel shown(QSize(1000, 300));
        JobsModel &model = shown.model;
        JobsPanel &panel = shown.panel;
        QVERIFY(QTest::qWaitForWindowExposed(&panel));

        StallProbe probe;
        QElapsedTimer wall;
        wall.start();
        model.addJob(job, u"panel/huge:1"_s, JobsModel::Ownership::Model);
        panel.view()->expandAll();
        QVERIFY(waitUntilFinished(model, 300000));
        const qint64 ms = wall.elapsed();
        const qint64 stall = probe.longest();
        QVERIFY2(model.state(0) == JobsModel::State::Done,
                 qPrintable(model.index(0, JobsModel::StatusColumn).data().toString()));
        const qint64 bytes = job->plan().totalBytes();
        qInfo("pushed %.1f MiB in %lld ms (%.1f MiB/s)", bytes / 1048576.0, ms,
              bytes / 1048576.0 * 1000.0 / double(qMax(qint64(1), ms)));
        qInfo("longest GUI stall while pushing: %lld ms (goal ≤ 50 ms), ending %lld ms into the "
              "push; %d gaps over 50 ms",
              stall, probe.longestEndedAt(), probe.gapsOver(50));
        qInfo("  of which the GUI thread ran %.1f ms on a CPU (the rest: waiting for one); its "
              "longest busy stretch between two ticks: %.1f ms",
              probe.longestCpuMs(), probe.busiestMs());
    }

private:
    // Runs the event loop until the model's first job no longer runs.
    static bool waitUntilFinished(const JobsModel &model, int timeoutMs)
    {
        return testsupport::waitFor(&model, &JobsModel::jobStateChanged, [&] {
            return model.state(0) != JobsModel::State::Running;
        }, timeoutMs);
    }

    LocalImageFixture m_images{u"jobspanel"_s};
};

QTEST_MAIN(TestJobsPanel)
#include "tst_jobspanel.moc"
