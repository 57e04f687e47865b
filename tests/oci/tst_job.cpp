#include "oci/client/job.h"

#include <QSignalSpy>
#include <QTest>
#include <QTimer>

// A job finishing on a timer, as network jobs do.
class TimerJob final : public oci::Job
{
public:
    explicit TimerJob(QObject *parent = nullptr) : Job(parent)
    {
        m_timer.setSingleShot(true);
        connect(&m_timer, &QTimer::timeout, this, [this] { finishSuccessfully(); });
    }
    void start(int ms) { m_timer.start(ms); }
    void failNow(const QString &why)
    {
        finishWithError(oci::Error(oci::Error::Code::Network, why));
    }
    void succeedNow() { finishSuccessfully(); }
    int aborts = 0;

protected:
    void abort() override
    {
        ++aborts;
        m_timer.stop();
    }

private:
    QTimer m_timer;
};

class TestJob final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void finishedIsQueuedAndOnce();
    void firstResultWins();
    void cancelIsSilentAndIdempotent();
    void cancelAfterResultBeforeSignal();
    void cancelAfterFinishedChangesNothing();
};

void TestJob::finishedIsQueuedAndOnce()
{
    TimerJob job;
    QSignalSpy spy(&job, &oci::Job::finished);
    job.succeedNow();
    QCOMPARE(spy.count(), 0); // never synchronously
    QVERIFY(!job.isFinished());
    QVERIFY(spy.wait(1000));
    QVERIFY(job.isFinished());
    QVERIFY(job.succeeded());
    job.succeedNow();
    QTest::qWait(20);
    QCOMPARE(spy.count(), 1);
}

void TestJob::firstResultWins()
{
    TimerJob job;
    QSignalSpy spy(&job, &oci::Job::finished);
    job.failNow(u"first"_qs);
    job.succeedNow();
    QVERIFY(spy.wait(1000));
    QTest::qWait(20);
    QCOMPARE(spy.count(), 1);
    QVERIFY(!job.succeeded());
    QCOMPARE(job.error().message(), u"first"_qs);
}

void TestJob::cancelIsSilentAndIdempotent()
{
    TimerJob job;
    QSignalSpy spy(&job, &oci::Job::finished);
    job.start(30);
    job.cancel();
    job.cancel();
    QCOMPARE(job.aborts, 1);
    QVERIFY(job.isCancelled());
    QCOMPARE(job.error().code(), oci::Error::Code::Cancelled);
    QTest::qWait(100);
    QCOMPARE(spy.count(), 0);
    QVERIFY(!job.succeeded());
}

void TestJob::cancelAfterResultBeforeSignal()
{
    TimerJob job;
    QSignalSpy spy(&job, &oci::Job::finished);
    job.succeedNow();
    job.cancel();
    QCOMPARE(job.aborts, 0); // nothing left to abort
    QTest::qWait(50);
    QCOMPARE(spy.count(), 0);
    QVERIFY(job.isCancelled());
}

void TestJob::cancelAfterFinishedChangesNothing()
{
    TimerJob job;
    QSignalSpy spy(&job, &oci::Job::finished);
    job.succeedNow();
    QVERIFY(spy.wait(1000));
    job.cancel();
    QVERIFY(!job.isCancelled());
    QVERIFY(job.succeeded());
}

QTEST_GUILESS_MAIN(TestJob)
#include "tst_job.moc"
