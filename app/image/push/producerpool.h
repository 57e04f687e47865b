#pragma once

#include <QtGlobal>

#include <functional>

namespace image {

// The worker threads of BlobProducers, shared fairly between the pushes running at once.
// A producer holds its thread for a whole blob, blocked while the registry takes its chunks,
// so a first-come pool lets the pushes started first hold every thread while a later push's
// blobs wait for theirs to end. Here each push (a group) that has work runs at least one
// worker at any time, beyond capacity() if need be; threads up to capacity() go to the group
// running the fewest. Apart from Qt's global pool, which producers blocked on a slow
// registry would starve (verification, hashing, the layer reader's cache writes).
//
//     const ProducerPool::Group push = ProducerPool::newGroup(); // one per PushJob
//     ProducerPool::start(push, [state] { produce(state); });
class ProducerPool final
{
public:
    using Group = quint64;

    // A group of its own for one push. Group 0 holds producers made outside a push.
    static Group newGroup();
    // Runs `work` on a worker thread when its group's turn comes. Thread-safe.
    static void start(Group group, std::function<void()> work);

    // max(4, QThread::idealThreadCount()): a push gzips up to that many layers at once.
    static int capacity();
    // For tests: a smaller pool (0 restores the default).
    static void setCapacityForTesting(int capacity);
    // Workers running now: of one group, or of all.
    static int running(Group group);
    static int runningTotal();
};

} // namespace image
