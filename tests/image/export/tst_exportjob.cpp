#include "image/export/exportjob.h"

#include "layerfixture.h"

#include <QSignalSpy>
#include <QThread>

#include <QTest>
#include <atomic>
#include <memory>

using image::EntryType;

class TestExportJob final : public QObject
{
    Q_OBJECT

private:
    image::ExportPlan bigPlan() const
    {
        image::ExportPlan plan;
        plan.layers = {m_layer.digest};
        // The 3 MiB file many times over: long enough to cancel in the middle.
        for (int i = 0; i < 40; ++i) {
            image::ExportItem item =
                m_layer.item("dir/big.bin", EntryType::Regular, 0644, 3 * 1024 * 1024 + 17);
            item.path = "copy" + QByteArray::number(i);
            item.layer = i % 2 == 0 ? 0 : 1; // two "layers" (the same blob), two passes
            plan.items.append(item);
            plan.totalBytes += item.size;
        }
        plan.layers.append(m_layer.digest);
        return plan;
    }

    // A locator that holds the worker (after it created its temporary file) until released.
    image::BlobLocator gatedLocator(std::shared_ptr<std::atomic<bool>> open) const
    {
        return [this, open](const oci::Digest &) -> oci::Result<image::BlobLocation> {
            while (!open->load())
                QThread::msleep(5);
            return image::BlobLocation{m_layer.blob};
        };
    }

    fixture::Layer m_layer;

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_layer.make()); }

    void writesWithProgress()
    {
        QTemporaryDir out;
        auto *job = image::ExportJob::tar(bigPlan(), m_layer.locator(), out.path(),
                                          QStringLiteral("big.tar"), false, this);
        QSignalSpy finished(job, &image::ExportJob::finished);
        QSignalSpy progress(job, &image::ExportJob::progress);
        QVERIFY(finished.wait(60000));
        QVERIFY2(job->succeeded(), qPrintable(job->error().describe()));
        QVERIFY(job->workerDone());
        QVERIFY(!progress.isEmpty());
        // Each blob entry is read once per layer: two copies of the big file.
        const qint64 once = 3 * 1024 * 1024 + 17;
        QCOMPARE(progress.last().at(0).toLongLong(), 2 * once);
        QCOMPARE(progress.last().at(1).toLongLong(), 2 * once);
        QCOMPARE(job->totalBytes(), 2 * once);
        QCOMPARE(job->result().members, 40);
        // Items sharing one blob entry become hardlinks to the first copy: one per layer.
        const QByteArray listing =
            fixture::run(QStringLiteral("tar"), {QStringLiteral("-tvf"), job->result().path});
        QCOMPARE(listing.count(" link to "), 38);
        QCOMPARE(fixture::entriesIn(out.path()), QStringList{QStringLiteral("big.tar")});
        delete job;
    }

    void cancelLeavesNoPartialFile()
    {
        QTemporaryDir out;
        auto open = std::make_shared<std::atomic<bool>>(false);
        auto *job = image::ExportJob::tar(bigPlan(), gatedLocator(open), out.path(),
                                          QStringLiteral("big.tar"), false, this);
        QSignalSpy finished(job, &image::ExportJob::finished);
        QTRY_VERIFY_WITH_TIMEOUT(!fixture::entriesIn(out.path()).isEmpty(), 10000);
        job->cancel();
        *open = true;
        QVERIFY(job->isCancelled());
        QTRY_VERIFY_WITH_TIMEOUT(job->workerDone(), 20000);
        QCOMPARE(fixture::entriesIn(out.path()), QStringList());
        QTest::qWait(200);
        QCOMPARE(finished.size(), 0); // a cancelled job stays silent
        delete job;
    }

    void destroyingTheJobStopsTheWorker()
    {
        QTemporaryDir out;
        auto open = std::make_shared<std::atomic<bool>>(false);
        auto *job = image::ExportJob::tar(bigPlan(), gatedLocator(open), out.path(),
                                          QStringLiteral("big.tar"), false, this);
        QTRY_VERIFY_WITH_TIMEOUT(!fixture::entriesIn(out.path()).isEmpty(), 10000);
        delete job;
        *open = true;
        // The worker notices at its next chunk and removes what it wrote.
        QTRY_COMPARE_WITH_TIMEOUT(fixture::entriesIn(out.path()), QStringList(), 20000);
    }

    void errorsAreReported()
    {
        QTemporaryDir out;
        auto *job = image::ExportJob::file(bigPlan(), 0, m_layer.locator(),
                                           out.filePath(QStringLiteral("missing")),
                                           QStringLiteral("x"), false, this);
        QSignalSpy finished(job, &image::ExportJob::finished);
        QVERIFY(finished.wait(10000));
        QVERIFY(!job->succeeded());
        QCOMPARE(job->error().code(), oci::Error::Code::Io);
        delete job;
    }
};

QTEST_GUILESS_MAIN(TestExportJob)
#include "tst_exportjob.moc"
