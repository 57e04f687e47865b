#include "image/push/producerpool.h"

#include <QCoreApplication>
#include <QHash>
#include <QMutex>
#include <QThread>
#include <QThreadPool>

#include <atomic>
#include <deque>

namespace image {

namespace {

struct Lane
{
    int running = 0;
    std::deque<std::function<void()>> waiting;
};

struct Scheduler
{
    QMutex mutex;
    QHash<ProducerPool::Group, Lane> lanes; // groups with work running or waiting
    int running = 0;
    int capacityOverride = 0;
    std::atomic<ProducerPool::Group> lastGroup{0};
    QThreadPool threads;

    Scheduler()
    {
        threads.setMaxThreadCount(capacityLocked());
        // Workers end before the application object goes (as Qt does for its global pool).
        qAddPostRoutine([] { instance().threads.waitForDone(10000); });
    }

    static Scheduler &instance()
    {
        static auto *scheduler = new Scheduler;
        return *scheduler;
    }

    int capacityLocked() const
    {
        return capacityOverride > 0 ? capacityOverride : qMax(4, QThread::idealThreadCount());
    }

    // Starts what may run now. The mutex is held.
    void dispatchLocked()
    {
        for (;;) {
            Lane *next = nullptr;
            ProducerPool::Group nextGroup = 0;
            for (auto it = lanes.begin(); it != lanes.end(); ++it) {
                if (!it->waiting.empty() && (!next || it->running < next->running)) {
                    next = &it.value();
                    nextGroup = it.key();
                }
            }
            // A group that runs nothing starts one anyway: no push waits on another's blobs.
            if (!next || (running >= capacityLocked() && next->running > 0))
                return;
            std::function<void()> work = std::move(next->waiting.front());
            next->waiting.pop_front();
            ++next->running;
            ++running;
            if (threads.maxThreadCount() < running)
                threads.setMaxThreadCount(running);
            threads.start([this, group = nextGroup, work = std::move(work)] {
                work();
                finished(group);
            });
        }
    }

    void finished(ProducerPool::Group group)
    {
        QMutexLocker lock(&mutex);
        --running;
        auto it = lanes.find(group);
        if (it != lanes.end() && --it->running == 0 && it->waiting.empty())
            lanes.erase(it);
        dispatchLocked();
    }
};

} // namespace

ProducerPool::Group ProducerPool::newGroup()
{
    return ++Scheduler::instance().lastGroup;
}

void ProducerPool::start(Group group, std::function<void()> work)
{
    Scheduler &scheduler = Scheduler::instance();
    QMutexLocker lock(&scheduler.mutex);
    scheduler.lanes[group].waiting.push_back(std::move(work));
    scheduler.dispatchLocked();
}

int ProducerPool::capacity()
{
    Scheduler &scheduler = Scheduler::instance();
    QMutexLocker lock(&scheduler.mutex);
    return scheduler.capacityLocked();
}

void ProducerPool::setCapacityForTesting(int capacity)
{
    Scheduler &scheduler = Scheduler::instance();
    QMutexLocker lock(&scheduler.mutex);
    scheduler.capacityOverride = qMax(0, capacity);
    scheduler.dispatchLocked();
}

int ProducerPool::running(Group group)
{
    Scheduler &scheduler = Scheduler::instance();
    QMutexLocker lock(&scheduler.mutex);
    const auto it = scheduler.lanes.constFind(group);
    return it == scheduler.lanes.cend() ? 0 : it->running;
}

int ProducerPool::runningTotal()
{
    Scheduler &scheduler = Scheduler::instance();
    QMutexLocker lock(&scheduler.mutex);
    return scheduler.running;
}

} // namespace image
