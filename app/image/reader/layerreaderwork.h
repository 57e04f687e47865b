#pragma once

// The worker side of LayerReader (internal to app/image/reader): what a read on the pool
// is given and gives back, values only.

#include "image/layer/layerindex.h"
#include "image/layer/layerstream.h"
#include "image/reader/layerreader.h"
#include "oci/core/digest.h"
#include "oci/core/error.h"

#include <QMutex>
#include <QPromise>
#include <QString>
#include <QWaitCondition>

#include <atomic>
#include <memory>
#include <optional>

class QThreadPool;

namespace image {

class BlobStore;

namespace layerwork {

// Readers block while a download is slow: their own pool, so that they never starve the
// global one (cache writes, hashing).
QThreadPool *readerPool();

// How far the GUI thread has written the blob file; the worker waits on it.
struct Tail
{
    QMutex mutex;
    QWaitCondition more;
    qint64 available = 0;
    bool ended = false;
    bool cancelled = false;
    std::optional<oci::Error> error;

    void publish(qint64 bytes)
    {
        QMutexLocker lock(&mutex);
        available = bytes;
        more.wakeAll();
    }
    void end(qint64 bytes)
    {
        QMutexLocker lock(&mutex);
        available = bytes;
        ended = true;
        more.wakeAll();
    }
    void fail(oci::Error e)
    {
        QMutexLocker lock(&mutex);
        if (ended || error)
            return; // the first word stands
        error = std::move(e);
        more.wakeAll();
    }
    void cancel()
    {
        QMutexLocker lock(&mutex);
        cancelled = true;
        more.wakeAll();
    }
};

struct Message
{
    enum class Kind { Progress, Batch } kind = Kind::Progress;
    qint64 bytes = 0;
    qint64 total = -1;
    LayerIndex batch;
};

struct Outcome
{
    bool ok = false;
    bool fromDisk = false; // the index came from the on-disk cache
    bool indexMissed = false; // an index-only order found nothing usable
    LayerIndex index;
    oci::Error error;
};

struct WorkOrder
{
    // Exactly one of: a tail (registry download), a file, a source to open.
    std::shared_ptr<Tail> tail;
    LayerReader::SourceOpener open;
    QString path;
    qint64 offset = 0;
    qint64 length = -1;
    oci::Digest digest;
    ReadOptions options;
    std::shared_ptr<BlobStore> blobs; // commit `partial` here once verified; indexes too
    QString partial;
    bool indexOnly = false; // just try the on-disk index
    // With a tail or a source to open: the layer's cached index. The blob is only kept
    // (the cache could not read it), the index not made again.
    LayerIndex known;
    std::shared_ptr<std::atomic_bool> cancelled;
    std::shared_ptr<Outcome> outcome;
};

// Reads (or, with `known`, only keeps the blob of) one layer; results go to `promise`, the
// end to `order.outcome`.
void work(QPromise<Message> &promise, const WorkOrder &order);

} // namespace layerwork
} // namespace image
