#pragma once

#include "image/export/exportplan.h"
#include "image/export/layercontents.h"
#include "oci/core/digest.h"
#include "oci/core/result.h"

#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

namespace image {

// Where the blob of a layer is on disk (the layer cache's store, a local tarball).
using BlobLocator = std::function<oci::Result<BlobLocation>(const oci::Digest &layer)>;

class BlobStore;

// The layer cache's documented layout: <directory>/<algorithm>/<encoded>.
BlobLocation cachedBlobLocation(const QString &cacheDirectory, const oci::Digest &digest);
BlobLocator cacheBlobLocator(const QString &cacheDirectory);
// Through the store itself (thread-safe; refreshes the blob's last use; NotFound when the
// blob was evicted or never stored). Prefer this one: LayerCache::blobStore().
BlobLocator blobStoreLocator(std::shared_ptr<BlobStore> store);

struct ExportCallbacks
{
    std::function<void(qint64 doneBytes, qint64 totalBytes)> progress; // worker thread
    std::function<bool()> cancelled;
};

struct ExportResult
{
    QString path;        // the file written
    int members = 0;     // tar members (1 for a single file)
    qint64 bytes = 0;    // content bytes
    QStringList skipped; // members left out (the plan's, and unsafe ones writeTar refused)
};

// Writes `plan` as a tar (POSIX pax, raw byte names) named `fileName` in `directory`: one
// pass per layer blob, regular files in each blob's order, hardlinks last; directories,
// symlinks (targets as written, never followed), devices and FIFOs kept as tar entries.
// The file appears only when complete (see OutputFile): an error or a cancel leaves nothing.
// Synchronous: run it on a worker thread.
oci::Result<ExportResult> writeTar(const ExportPlan &plan, const BlobLocator &locate,
                                   const QString &directory, const QString &fileName, bool replace,
                                   const ExportCallbacks &callbacks = {});

// Writes the bytes of one Regular item of `plan` (its layer found through `locate`) as
// `fileName` in `directory`; 0755 when the entry was executable, 0644 otherwise. Same
// guarantees as writeTar. Anything but a Regular item is InvalidArgument.
oci::Result<ExportResult> saveFile(const ExportPlan &plan, int item, const BlobLocator &locate,
                                   const QString &directory, const QString &fileName, bool replace,
                                   const ExportCallbacks &callbacks = {});

} // namespace image
