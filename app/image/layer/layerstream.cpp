#include "image/layer/layerstream.h"

#include "image/layer/blobdecoder.h"
#include "image/layer/bytesource.h"
#include "image/layer/decodethread.h"

#include <QElapsedTimer>

#include <archive.h>
#include <archive_entry.h>
#include <openssl/evp.h>

#include <algorithm>
#include <cerrno>
#include <functional>
#include <iterator>
#include <optional>

namespace image {

namespace {

// libarchive reads tar only, from the decoder's output: it never sees compressed bytes.
struct Feed
{
    std::function<oci::Result<QByteArrayView>()> pull;
    std::function<oci::Error(oci::Error::Code, const QString &)> layerError;
    qint64 consumed = 0; // tar bytes handed to libarchive
    std::optional<oci::Error> error;
};

la_ssize_t readCallback(struct archive *archive, void *context, const void **buffer)
{
    auto *feed = static_cast<Feed *>(context);
    oci::Result<QByteArrayView> bytes = feed->pull();
    if (!bytes) {
        feed->error = bytes.error();
        archive_set_error(archive, EIO, "%s", "the layer stream failed");
        return -1;
    }
    feed->consumed += bytes->size();
    *buffer = bytes->data();
    return la_ssize_t(bytes->size());
}

struct ArchiveDeleter
{
    void operator()(struct archive *archive) const { archive_read_free(archive); }
};
using ArchivePtr = std::unique_ptr<struct archive, ArchiveDeleter>;

struct HashDeleter
{
    void operator()(EVP_MD_CTX *context) const { EVP_MD_CTX_free(context); }
};

struct MdDeleter
{
    void operator()(EVP_MD *md) const { EVP_MD_free(md); }
};

// SHA-256 of no bytes: most layers have many empty files; skip the digest setup for them.
constexpr unsigned char EmptySha256[32] = {
    0xe3, 0xb0, 0xc4, 0x42, 0x98, 0xfc, 0x1c, 0x14, 0x9a, 0xfb, 0xf4, 0xc8, 0x99, 0x6f, 0xb9, 0x24,
    0x27, 0xae, 0x41, 0xe4, 0x64, 0x9b, 0x93, 0x4c, 0xa4, 0x95, 0x99, 0x1b, 0x78, 0x52, 0xb8, 0x55};

oci::Result<ArchivePtr> openTar(Feed &feed)
{
    ArchivePtr archive(archive_read_new());
    if (!archive)
        return feed.layerError(oci::Error::Code::Io, QStringLiteral("cannot set up libarchive"));
    archive_read_support_format_tar(archive.get());
    if (archive_read_open(archive.get(), &feed, nullptr, readCallback, nullptr) != ARCHIVE_OK) {
        if (feed.error)
            return *feed.error;
        return feed.layerError(
            oci::Error::Code::MalformedDocument,
            QStringLiteral("not a tar archive (%1)")
                .arg(QString::fromUtf8(archive_error_string(archive.get()))));
    }
    return archive;
}

oci::Error tarError(const Feed &feed, struct archive *archive, qint64 ordinal)
{
    if (feed.error)
        return *feed.error;
    const char *text = archive_error_string(archive);
    return feed.layerError(
        oci::Error::Code::MalformedDocument,
        QStringLiteral("bad tar data at entry %1 (within the first %2 tar bytes): %3")
            .arg(ordinal)
            .arg(feed.consumed)
            .arg(text ? QString::fromUtf8(text) : QStringLiteral("unknown error")));
}

EntryType typeOf(struct archive_entry *entry)
{
    if (archive_entry_hardlink(entry))
        return EntryType::Hardlink;
    switch (archive_entry_filetype(entry)) {
    case AE_IFDIR:
        return EntryType::Directory;
    case AE_IFLNK:
        return EntryType::Symlink;
    case AE_IFCHR:
        return EntryType::CharDevice;
    case AE_IFBLK:
        return EntryType::BlockDevice;
    case AE_IFIFO:
        return EntryType::Fifo;
    default:
        return EntryType::Regular;
    }
}

// libarchive gives a name in the locale's encoding when it can convert it, else (a PAX
// UTF-8 name in the C locale) only as UTF-8. Asking for UTF-8 converts every time: only
// when the first answer is missing.
using NameGetter = const char *(*)(struct archive_entry *);
QByteArrayView nameOf(struct archive_entry *entry, NameGetter local, NameGetter utf8)
{
    const char *name = local(entry);
    if (!name)
        name = utf8(entry);
    return name ? QByteArrayView(name, qsizetype(qstrlen(name))) : QByteArrayView();
}

} // namespace

oci::Result<LayerIndex> readLayerIndex(ByteSource &source, const oci::Digest &digest,
                                       const ReadOptions &options, const ReadCallbacks &callbacks)
{
    DecodeThread decoder(source, digest, options.limits, options.computeDiffId, &callbacks);
    Feed feed;
    feed.pull = [&decoder] { return decoder.next(); };
    feed.layerError = [&decoder](oci::Error::Code code, const QString &message) {
        return decoder.layerError(code, message);
    };
    oci::Result<ArchivePtr> opened = openTar(feed);
    if (!opened)
        return opened.error();
    struct archive *archive = opened->get();

    std::unique_ptr<EVP_MD_CTX, HashDeleter> hash(EVP_MD_CTX_new());
    // Fetched once: EVP_sha256() would look the implementation up again on every init.
    std::unique_ptr<EVP_MD, MdDeleter> sha256(EVP_MD_fetch(nullptr, "SHA256", nullptr));
    LayerIndexBuilder builder;
    QElapsedTimer sinceBatch;
    sinceBatch.start();
    qint64 ordinal = 0;
    struct archive_entry *header = nullptr;
    for (;;) {
        const int status = archive_read_next_header(archive, &header);
        if (status == ARCHIVE_EOF)
            break;
        if (status != ARCHIVE_OK && status != ARCHIVE_WARN) // RETRY too: a damaged header
            return tarError(feed, archive, ordinal);
        if (callbacks.cancelled && callbacks.cancelled())
            return decoder.layerError(oci::Error::Code::Cancelled, QStringLiteral("cancelled"));
        if (ordinal >= options.limits.maxEntries) {
            return decoder.layerError(oci::Error::Code::SizeLimitExceeded,
                                      QStringLiteral("more than %1 entries").arg(options.limits.maxEntries));
        }

        LayerEntry entry;
        entry.type = typeOf(header);
        const QByteArrayView name =
            nameOf(header, archive_entry_pathname, archive_entry_pathname_utf8);
        QByteArrayView link;
        if (entry.type == EntryType::Hardlink)
            link = nameOf(header, archive_entry_hardlink, archive_entry_hardlink_utf8);
        else if (entry.type == EntryType::Symlink)
            link = nameOf(header, archive_entry_symlink, archive_entry_symlink_utf8);
        if (name.size() > options.limits.maxPathBytes || link.size() > options.limits.maxPathBytes) {
            return decoder.layerError(oci::Error::Code::SizeLimitExceeded,
                                      QStringLiteral("entry %1 has a name longer than %2 bytes")
                                          .arg(ordinal)
                                          .arg(options.limits.maxPathBytes));
        }
        entry.mode = quint32(archive_entry_perm(header)) & 07777;
        entry.uid = quint32(archive_entry_uid(header));
        entry.gid = quint32(archive_entry_gid(header));
        entry.mtime = qint64(archive_entry_mtime(header));
        if (entry.type == EntryType::Regular)
            entry.size = qint64(archive_entry_size(header));
        if (entry.type == EntryType::CharDevice || entry.type == EntryType::BlockDevice) {
            entry.devMajor = quint32(archive_entry_rdevmajor(header));
            entry.devMinor = quint32(archive_entry_rdevminor(header));
        }
        if (archive_entry_xattr_count(header) > 0)
            entry.flags |= HasXattrs;
        if (archive_entry_sparse_count(header) > 0)
            entry.flags |= Sparse;
        const QByteArrayView user =
            nameOf(header, archive_entry_uname, archive_entry_uname_utf8);
        const QByteArrayView group =
            nameOf(header, archive_entry_gname, archive_entry_gname_utf8);
        builder.add(entry, name, link, user, group, ordinal);
        ++ordinal;

        LayerEntry &added = builder.last();
        if (added.type == EntryType::Regular && options.hashContents && added.size == 0) {
            std::copy(std::begin(EmptySha256), std::end(EmptySha256), added.hash.begin());
            added.flags |= Hashed;
        } else if (added.type == EntryType::Regular && options.hashContents) {
            // The content passes anyway (libarchive reads through it): hash it on the way.
            EVP_DigestInit_ex2(hash.get(), sha256.get(), nullptr);
            const void *block = nullptr;
            size_t blockSize = 0;
            la_int64_t blockOffset = 0;
            int dataStatus;
            while ((dataStatus = archive_read_data_block(archive, &block, &blockSize, &blockOffset))
                   == ARCHIVE_OK) {
                EVP_DigestUpdate(hash.get(), block, blockSize);
            }
            if (dataStatus != ARCHIVE_EOF)
                return tarError(feed, archive, ordinal - 1);
            unsigned int length = 0;
            EVP_DigestFinal_ex(hash.get(), added.hash.data(), &length);
            added.flags |= Hashed;
        }

        if (callbacks.batch && options.batchEntries > 0) {
            const int pending = builder.size() % options.batchEntries;
            if (pending == 0 || sinceBatch.elapsed() >= options.batchMs) {
                callbacks.batch(builder.takeBatch());
                sinceBatch.restart();
            }
        }
    }
    if (oci::Result<void> done = decoder.finish(); !done)
        return done.error();
    if (callbacks.batch && options.batchEntries > 0) {
        const LayerIndex rest = builder.takeBatch();
        if (!rest.isEmpty())
            callbacks.batch(rest);
    }
    LayerBlobInfo blob;
    blob.digest = decoder.decoder().digest();
    blob.diffId = decoder.decoder().diffId();
    blob.compression = decoder.decoder().compression();
    blob.compressedBytes = decoder.decoder().compressedBytes();
    blob.tarBytes = decoder.decoder().tarBytes();
    return builder.finish(blob);
}

oci::Result<FileSlice> readLayerFile(ByteSource &source, quint32 ordinal, qint64 offset,
                                     qint64 maxBytes, const ReadLimits &limits,
                                     const std::function<bool()> &cancelled)
{
    ReadCallbacks callbacks;
    callbacks.cancelled = cancelled;
    BlobDecoder decoder(source, oci::Digest(), limits, false, &callbacks);
    Feed feed;
    feed.pull = [&decoder] { return decoder.next(); };
    feed.layerError = [&decoder](oci::Error::Code code, const QString &message) {
        return decoder.layerError(code, message);
    };
    oci::Result<ArchivePtr> opened = openTar(feed);
    if (!opened)
        return opened.error();
    struct archive *archive = opened->get();
    struct archive_entry *header = nullptr;
    for (quint32 i = 0;; ++i) {
        const int status = archive_read_next_header(archive, &header);
        if (status == ARCHIVE_EOF) {
            return decoder.layerError(oci::Error::Code::InvalidArgument,
                                      QStringLiteral("the layer has no entry %1").arg(ordinal));
        }
        if (status != ARCHIVE_OK && status != ARCHIVE_WARN)
            return tarError(feed, archive, i);
        if (cancelled && cancelled())
            return decoder.layerError(oci::Error::Code::Cancelled, QStringLiteral("cancelled"));
        if (i < ordinal)
            continue; // libarchive reads past the data on the next call
        if (typeOf(header) != EntryType::Regular) {
            return decoder.layerError(oci::Error::Code::InvalidArgument,
                                      QStringLiteral("entry %1 is not a regular file").arg(ordinal));
        }
        break;
    }
    FileSlice slice;
    slice.fileSize = qint64(archive_entry_size(header));
    slice.offset = qBound<qint64>(0, offset, slice.fileSize);
    const qint64 want = qBound<qint64>(0, maxBytes, slice.fileSize - slice.offset);
    slice.bytes.reserve(want);
    const void *block = nullptr;
    size_t blockSize = 0;
    la_int64_t blockOffset = 0;
    int status = ARCHIVE_EOF;
    while (slice.bytes.size() < want
           && (status = archive_read_data_block(archive, &block, &blockSize, &blockOffset))
               == ARCHIVE_OK) {
        const qint64 begin = qint64(blockOffset);
        const qint64 end = begin + qint64(blockSize);
        // Sparse holes read as zeros.
        const qint64 at = slice.offset + slice.bytes.size();
        if (begin > at)
            slice.bytes.append(QByteArray(qMin(begin, slice.offset + want) - at, '\0'));
        const qint64 from = qMax(begin, slice.offset + slice.bytes.size());
        const qint64 to = qMin(end, slice.offset + want);
        if (to > from)
            slice.bytes.append(static_cast<const char *>(block) + (from - begin), to - from);
        if (cancelled && cancelled())
            return decoder.layerError(oci::Error::Code::Cancelled, QStringLiteral("cancelled"));
    }
    if (slice.bytes.size() < want) {
        if (status != ARCHIVE_EOF)
            return tarError(feed, archive, ordinal);
        slice.bytes.append(QByteArray(want - slice.bytes.size(), '\0')); // trailing hole
    }
    return slice;
}

} // namespace image
