// image::ProducerPool: the worker threads of blob producers, shared fairly between pushes.
// Workers here block like producers waiting for a slow registry, until the test lets them go.

#include "image/push/producerpool.h"

#include <QSemaphore>
#include <QTest>
#include <QThread>

#include <atomic>

using image::ProducerPool;

namespace {

// A group's workers: each counts itself started, then waits for a permit.
struct BlockingWork
{
    ProducerPool::Group group = ProducerPool::newGroup();
    QSemaphore permits;
    std::atomic<int> started{0};
    std::atomic<int> ended{0};

    void submit(int count)
    {
        for (int i = 0; i < count; ++i) {
            ProducerPool::start(group, [this] {
                ++started;
                permits.acquire();
                ++ended;
            });
        }
    }
};

} // namespace

class TestProducerPool final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup()
    {
        // Tests that failed midway leave workers blocked: let them all go.
        for (BlockingWork *work : std::as_const(m_work))
            work->permits.release(1000);
        QTRY_COMPARE_WITH_TIMEOUT(ProducerPool::runningTotal(), 0, 10000);
        qDeleteAll(m_work);
        m_work.clear();
        ProducerPool::setCapacityForTesting(0);
    }

    void capacityFollowsTheMachine()
    {
        QVERIFY(ProducerPool::capacity() >= 4);
        QVERIFY(ProducerPool::capacity() >= QThread::idealThreadCount());
        QVERIFY(ProducerPool::newGroup() != ProducerPool::newGroup());
    }

    // One push holds the only thread; a second push's producer runs anyway, beside it.
    void aPushHoldingEveryThreadDoesNotStopAnother()
    {
        ProducerPool::setCapacityForTesting(1);
        BlockingWork *first = newWork();
        first->submit(2);
        QTRY_COMPARE(first->started.load(), 1);
        BlockingWork *second = newWork();
        second->submit(1);
        QTRY_COMPARE(second->started.load(), 1);
        QCOMPARE(ProducerPool::runningTotal(), 2);
        // The first push's own second producer still waits for its first.
        QTest::qWait(50);
        QCOMPARE(first->started.load(), 1);

        first->permits.release(1);
        QTRY_COMPARE(first->started.load(), 2);
        first->permits.release(1);
        second->permits.release(1);
        QTRY_COMPARE(first->ended.load() + second->ended.load(), 3);
    }

    // Threads up to the capacity go to the push running the fewest, not first come.
    void freedThreadsGoToThePushRunningFewest()
    {
        ProducerPool::setCapacityForTesting(4);
        BlockingWork *first = newWork();
        first->submit(5);
        QTRY_COMPARE(first->started.load(), 4); // the fifth waits
        BlockingWork *second = newWork();
        second->submit(3);
        QTRY_COMPARE(second->started.load(), 1); // one beyond the capacity
        QCOMPARE(ProducerPool::running(first->group), 4);
        QCOMPARE(ProducerPool::running(second->group), 1);

        first->permits.release(1); // 3 + 1: at the capacity, nothing starts
        QTRY_COMPARE(first->ended.load(), 1);
        QTRY_COMPARE(ProducerPool::runningTotal(), 4);
        first->permits.release(1); // 2 + 1: the second push's turn, although queued later
        QTRY_COMPARE(first->ended.load(), 2);
        QTRY_COMPARE(second->started.load(), 2);
        QTest::qWait(50);
        QCOMPARE(first->started.load(), 4);
        QCOMPARE(ProducerPool::running(first->group), 2);
        QCOMPARE(ProducerPool::running(second->group), 2);
    }

private:
    BlockingWork *newWork()
    {
        m_work << new BlockingWork;
        return m_work.constLast();
    }

    QList<BlockingWork *> m_work;
};

QTEST_GUILESS_MAIN(TestProducerPool)
#include "tst_producerpool.moc"
