#include "image/export/tarexport.h"

#include "image/export/exportpaths.h"
#include "image/export/outputfile.h"
#include "image/layer/pathclean.h"
#include "image/reader/blobstore.h"

#include <QCoreApplication>
#include <QHash>
#include <QMap>
#include <QSet>

#include <archive.h>
#include <archive_entry.h>

#include <algorithm>
#include <memory>
#include <optional>

namespace image {

namespace {

using ArchivePtr = std::unique_ptr<archive, decltype(&archive_write_free)>;
using EntryPtr = std::unique_ptr<archive_entry, decltype(&archive_entry_free)>;

oci::Error writeError(archive *a, const QString &path)
{
    const char *text = archive_error_string(a);
    return oci::Error(oci::Error::Code::Io,
                      QCoreApplication::translate("image::TarExport", "Cannot write the tar: %1")
                          .arg(text ? QString::fromLocal8Bit(text) : QStringLiteral("?")))
        .withObject(path);
}

EntryPtr makeEntry(const ExportItem &item)
{
    EntryPtr e(archive_entry_new(), &archive_entry_free);
    archive_entry_copy_pathname(e.get(), item.path.constData());
    archive_entry_set_perm(e.get(), item.mode & 07777);
    archive_entry_set_mtime(e.get(), item.mtime, 0);
    archive_entry_set_uid(e.get(), item.uid);
    archive_entry_set_gid(e.get(), item.gid);
    if (!item.userName.isEmpty())
        archive_entry_copy_uname(e.get(), item.userName.constData());
    if (!item.groupName.isEmpty())
        archive_entry_copy_gname(e.get(), item.groupName.constData());
    switch (item.type) {
    case EntryType::Directory:
        archive_entry_set_filetype(e.get(), AE_IFDIR);
        break;
    case EntryType::Symlink:
        archive_entry_set_filetype(e.get(), AE_IFLNK);
        archive_entry_copy_symlink(e.get(), item.linkTarget.constData());
        break;
    case EntryType::Hardlink:
        archive_entry_set_filetype(e.get(), AE_IFREG);
        archive_entry_copy_hardlink(e.get(), item.linkTarget.constData());
        archive_entry_set_size(e.get(), 0);
        break;
    case EntryType::CharDevice:
    case EntryType::BlockDevice:
        archive_entry_set_filetype(e.get(),
                                   item.type == EntryType::CharDevice ? AE_IFCHR : AE_IFBLK);
        archive_entry_set_rdevmajor(e.get(), item.devMajor);
        archive_entry_set_rdevminor(e.get(), item.devMinor);
        break;
    case EntryType::Fifo:
        archive_entry_set_filetype(e.get(), AE_IFIFO);
        break;
    case EntryType::Regular:
    case EntryType::Whiteout:
    case EntryType::Opaque:
        archive_entry_set_filetype(e.get(), AE_IFREG);
        archive_entry_set_size(e.get(), item.size);
        break;
    }
    return e;
}

// Defence in depth: whatever built the plan, no member may leave the folder the tar is
// extracted into. Unsafe names, members below a symlink member (extraction would write
// through it) and hardlinks to anything but an earlier regular member are left out.
ExportPlan sanitised(const ExportPlan &plan)
{
    ExportPlan out;
    out.layers = plan.layers;
    out.skipped = plan.skipped;
    QSet<QByteArray> symlinks;
    QSet<QByteArray> regulars;
    for (const ExportItem &item : plan.items) {
        const auto path = safeMemberPath(item.path);
        if (path && item.type == EntryType::Symlink)
            symlinks.insert(*path);
        if (path && item.type == EntryType::Regular)
            regulars.insert(*path);
    }
    const auto belowSymlink = [&symlinks](QByteArrayView path) {
        for (qsizetype slash = path.lastIndexOf('/'); slash > 0;
             slash = path.first(slash).lastIndexOf('/')) {
            if (symlinks.contains(path.first(slash).toByteArray()))
                return true;
        }
        return false;
    };
    for (const ExportItem &item : plan.items) {
        const auto path = safeMemberPath(item.path);
        bool ok = path && !belowSymlink(*path) && item.type != EntryType::Whiteout &&
                  item.type != EntryType::Opaque;
        std::optional<QByteArray> target;
        if (ok && item.type == EntryType::Hardlink) {
            target = safeMemberPath(item.linkTarget);
            ok = target && regulars.contains(*target) && !belowSymlink(*target);
        }
        if (!ok) {
            out.skipped.append(displayPath(item.path));
            continue;
        }
        ExportItem copy = item;
        copy.path = *path;
        if (target)
            copy.linkTarget = *target;
        if (copy.type == EntryType::Regular)
            out.totalBytes += copy.size;
        out.items.append(std::move(copy));
    }
    return out;
}

oci::Error cancelledError()
{
    return oci::Error(oci::Error::Code::Cancelled,
                      QCoreApplication::translate("image::TarExport", "Cancelled."));
}

} // namespace

BlobLocation cachedBlobLocation(const QString &cacheDirectory, const oci::Digest &digest)
{
    return BlobLocation{cacheDirectory + u'/' + digest.algorithm() + u'/' + digest.encoded()};
}

BlobLocator cacheBlobLocator(const QString &cacheDirectory)
{
    return [cacheDirectory](const oci::Digest &digest) -> oci::Result<BlobLocation> {
        if (digest.isNull() || cacheDirectory.isEmpty())
            return oci::Error(
                oci::Error::Code::NotFound,
                QCoreApplication::translate("image::TarExport", "The layer is not in the cache."));
        return cachedBlobLocation(cacheDirectory, digest);
    };
}

BlobLocator blobStoreLocator(std::shared_ptr<BlobStore> store)
{
    return [store](const oci::Digest &digest) -> oci::Result<BlobLocation> {
        std::optional<QString> path = store ? store->find(digest) : std::nullopt;
        if (!path)
            return oci::Error(oci::Error::Code::NotFound,
                              QCoreApplication::translate(
                                  "image::TarExport",
                                  "The layer is no longer in the cache; open the layer again."))
                .withObject(digest.toString());
        return BlobLocation{*path};
    };
}

oci::Result<ExportResult> writeTar(const ExportPlan &unsafePlan, const BlobLocator &locate,
                                   const QString &directory, const QString &fileName, bool replace,
                                   const ExportCallbacks &callbacks)
{
    const ExportPlan plan = sanitised(unsafePlan);
    const auto isCancelled = [&callbacks] {
        return callbacks.cancelled && callbacks.cancelled();
    };
    auto out = OutputFile::create(directory, fileName, replace);
    if (!out)
        return out.error();
    OutputFile &file = *out.value();
    const QString target = file.targetPath();

    ArchivePtr a(archive_write_new(), &archive_write_free);
    archive_write_set_format_pax_restricted(a.get());
    archive_write_set_bytes_in_last_block(a.get(), 1);
    if (archive_write_open_fd(a.get(), file.fd()) != ARCHIVE_OK)
        return writeError(a.get(), target);

    ExportResult result;
    result.skipped = plan.skipped;
    const auto writeHeader = [&](const ExportItem &item, qint64 size) -> oci::Result<void> {
        EntryPtr e = makeEntry(item);
        if (size >= 0)
            archive_entry_set_size(e.get(), size);
        if (archive_write_header(a.get(), e.get()) < ARCHIVE_WARN)
            return writeError(a.get(), target);
        ++result.members;
        return {};
    };

    // 1. Everything without bytes, in plan order (parents before children).
    for (const ExportItem &item : plan.items) {
        if (item.type == EntryType::Regular || item.type == EntryType::Hardlink ||
            item.type == EntryType::Whiteout || item.type == EntryType::Opaque)
            continue;
        if (isCancelled())
            return cancelledError();
        if (auto r = writeHeader(item, -1); !r)
            return r.error();
    }

    // 2. Regular files, one pass per layer blob. The first item of a (layer, ordinal) gets
    // the bytes; later ones become hardlinks to it.
    QMap<int, QMap<quint32, QList<int>>> byLayer;
    for (int i = 0; i < plan.items.size(); ++i) {
        const ExportItem &item = plan.items.at(i);
        if (item.type == EntryType::Regular)
            byLayer[item.layer][item.ordinal].append(i);
    }
    qint64 streamBytes = 0; // what will really be read: each shared entry once
    for (const auto &layer : std::as_const(byLayer)) {
        for (const QList<int> &items : layer)
            streamBytes += plan.items.at(items.first()).size;
    }
    QList<ExportItem> extraLinks;
    qint64 done = 0;
    for (auto layer = byLayer.cbegin(); layer != byLayer.cend(); ++layer) {
        if (layer.key() < 0 || layer.key() >= plan.layers.size())
            return oci::Error(
                oci::Error::Code::InvalidArgument,
                QCoreApplication::translate("image::TarExport", "No such layer in the export."));
        auto location = locate(plan.layers.at(layer.key()));
        if (!location)
            return location.error();
        const ExportItem *current = nullptr;
        ContentSink sink;
        sink.begin = [&](quint32 ordinal, qint64 size) -> oci::Result<void> {
            const QList<int> &items = layer.value().value(ordinal);
            current = &plan.items.at(items.first());
            for (qsizetype k = 1; k < items.size(); ++k) {
                ExportItem link = plan.items.at(items.at(k));
                link.type = EntryType::Hardlink;
                link.linkTarget = current->path;
                extraLinks.append(link);
            }
            return writeHeader(*current, size);
        };
        sink.data = [&](QByteArrayView chunk) -> oci::Result<void> {
            const la_ssize_t n = archive_write_data(a.get(), chunk.data(), size_t(chunk.size()));
            if (n < 0)
                return writeError(a.get(), target);
            done += chunk.size();
            result.bytes += chunk.size();
            if (callbacks.progress)
                callbacks.progress(done, std::max(done, streamBytes));
            return {};
        };
        sink.end = [&]() -> oci::Result<void> {
            if (archive_write_finish_entry(a.get()) < ARCHIVE_WARN)
                return writeError(a.get(), target);
            return {};
        };
        const QList<quint32> ordinals = layer.value().keys();
        if (auto r = streamLayerFiles(*location, ordinals, sink, callbacks.cancelled); !r) {
            oci::Error error = r.error();
            if (error.object().isEmpty() || error.object() == location->path)
                error.withObject(plan.layers.at(layer.key()).toString());
            return error;
        }
    }

    // 3. Hardlinks, after the files they point to.
    for (const ExportItem &item : plan.items) {
        if (item.type == EntryType::Hardlink) {
            if (auto r = writeHeader(item, 0); !r)
                return r.error();
        }
    }
    for (const ExportItem &item : std::as_const(extraLinks)) {
        if (auto r = writeHeader(item, 0); !r)
            return r.error();
    }
    if (isCancelled())
        return cancelledError();
    if (archive_write_close(a.get()) != ARCHIVE_OK)
        return writeError(a.get(), target);
    if (auto r = file.commit(false); !r)
        return r.error();
    result.path = target;
    return result;
}

oci::Result<ExportResult> saveFile(const ExportPlan &plan, int index, const BlobLocator &locate,
                                   const QString &directory, const QString &fileName, bool replace,
                                   const ExportCallbacks &callbacks)
{
    if (index < 0 || index >= plan.items.size() ||
        plan.items.at(index).type != EntryType::Regular || plan.items.at(index).layer < 0 ||
        plan.items.at(index).layer >= plan.layers.size())
        return oci::Error(
            oci::Error::Code::InvalidArgument,
            QCoreApplication::translate("image::TarExport", "Only a regular file can be saved."));
    const ExportItem &item = plan.items.at(index);
    auto location = locate(plan.layers.at(item.layer));
    if (!location)
        return location.error();
    auto out = OutputFile::create(directory, fileName, replace);
    if (!out)
        return out.error();
    OutputFile &file = *out.value();

    ExportResult result;
    ContentSink sink;
    sink.begin = [](quint32, qint64) -> oci::Result<void> {
        return {};
    };
    sink.data = [&](QByteArrayView chunk) -> oci::Result<void> {
        if (auto r = file.write(chunk); !r)
            return r;
        result.bytes += chunk.size();
        if (callbacks.progress)
            callbacks.progress(result.bytes, item.size);
        return {};
    };
    sink.end = []() -> oci::Result<void> {
        return {};
    };
    if (auto r = streamLayerFiles(*location, {item.ordinal}, sink, callbacks.cancelled); !r)
        return r.error();
    if (callbacks.cancelled && callbacks.cancelled())
        return cancelledError();
    if (auto r = file.commit((item.mode & 0111) != 0); !r)
        return r.error();
    result.path = file.targetPath();
    result.members = 1;
    return result;
}

} // namespace image
