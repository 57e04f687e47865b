#include "image/source/localimagesource.h"

#include "image/source/archiveinput.h"
#include "image/source/archivestore.h"
#include "image/source/blobstream.h"
#include "image/source/sourcecontents.h"

#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace image {

using oci::Error;
using source::ArchiveStore;

QString localFormatName(LocalFormat format)
{
    switch (format) {
    case LocalFormat::OciLayout: return QStringLiteral("oci-layout");
    case LocalFormat::OciArchive: return QStringLiteral("oci-archive");
    case LocalFormat::DockerOciArchive: return QStringLiteral("docker-save-oci");
    case LocalFormat::DockerArchive: return QStringLiteral("docker-archive");
    }
    return QString();
}

LocalImageSource::LocalImageSource()
    : m_contents(std::make_unique<source::SourceContents>())
{}

LocalImageSource::~LocalImageSource() = default;

oci::Result<std::shared_ptr<const LocalImageSource>> LocalImageSource::open(const QString &path)
{
    return open(path, Options());
}

oci::Result<std::shared_ptr<const LocalImageSource>> LocalImageSource::open(const QString &path, const Options &options)
{
    auto store = ArchiveStore::open(path, options.maxTarBytes);
    if (!store)
        return store.error();
    std::shared_ptr<LocalImageSource> result(new LocalImageSource);
    result->m_path = path;
    result->m_store = std::move(store).value();
    const ArchiveStore &archive = *result->m_store;
    source::SourceContents &contents = *result->m_contents;
    const bool folder = archive.kind() == ArchiveStore::Kind::Folder;

    if (archive.contains("oci-layout")) {
        if (auto r = source::readOciLayout(archive, contents); !r)
            return r.error();
        contents.format = folder ? LocalFormat::OciLayout : LocalFormat::OciArchive;
        if (!folder && archive.contains("manifest.json")) {
            contents.format = LocalFormat::DockerOciArchive;
            if (auto r = source::readDockerCompatManifest(archive, contents); !r)
                return r.error();
        }
    } else if (!folder && archive.contains("manifest.json")) {
        contents.format = LocalFormat::DockerArchive;
        if (auto r = source::readDockerArchive(archive, contents); !r)
            return r.error();
    } else if (folder) {
        return Error(Error::Code::Unsupported, QStringLiteral("not an OCI image layout: no oci-layout file")).withObject(path);
    } else if (archive.contains("repositories")) {
        return Error(Error::Code::Unsupported,
                     QStringLiteral("an old docker save without manifest.json (Docker < 1.10): not supported"))
            .withObject(path);
    } else {
        return Error(Error::Code::Unsupported,
                     QStringLiteral("not an image archive: a tar with neither oci-layout nor manifest.json"))
            .withObject(path);
    }
    if (contents.images.isEmpty())
        return Error(Error::Code::NotFound, QStringLiteral("holds no images")).withObject(path);
    return std::shared_ptr<const LocalImageSource>(std::move(result));
}

QFuture<oci::Result<std::shared_ptr<const LocalImageSource>>> LocalImageSource::openAsync(const QString &path,
                                                                                         const Options &options)
{
    return QtConcurrent::run([path, options] { return open(path, options); });
}

LocalFormat LocalImageSource::format() const
{
    return m_contents->format;
}

bool LocalImageSource::isGzipCompressed() const
{
    return m_store->kind() == ArchiveStore::Kind::GzipTar;
}

const QList<LocalImage> &LocalImageSource::images() const
{
    return m_contents->images;
}

const QList<LocalIndex> &LocalImageSource::indexes() const
{
    return m_contents->indexes;
}

const QStringList &LocalImageSource::notes() const
{
    return m_contents->notes;
}

const QList<oci::Digest> &LocalImageSource::blobs() const
{
    return m_contents->blobOrder;
}

bool LocalImageSource::hasBlob(const oci::Digest &digest) const
{
    return m_contents->blobs.contains(digest);
}

qint64 LocalImageSource::blobSize(const oci::Digest &digest) const
{
    const auto it = m_contents->blobs.constFind(digest);
    return it == m_contents->blobs.cend() ? -1 : it->size;
}

std::optional<BlobFileRange> LocalImageSource::blobFileRange(const oci::Digest &digest) const
{
    const auto it = m_contents->blobs.constFind(digest);
    if (it == m_contents->blobs.cend())
        return std::nullopt;
    const auto range = m_store->range(it->member);
    if (!range)
        return std::nullopt;
    return BlobFileRange{range->path, range->offset, range->size};
}

oci::Result<std::unique_ptr<BlobStream>> LocalImageSource::openBlob(const oci::Digest &digest) const
{
    const auto it = m_contents->blobs.constFind(digest);
    if (it == m_contents->blobs.cend())
        return Error(Error::Code::NotFound, QStringLiteral("no blob %1 in this archive").arg(digest.toString())).withObject(m_path);
    auto input = m_store->openMember(it->member);
    if (!input)
        return input.error();
    return std::make_unique<BlobStream>(std::move(input).value(), digest, it->size, m_store->describe(it->member),
                                        it->mismatchText);
}

oci::Result<QByteArray> LocalImageSource::readBlob(const oci::Digest &digest, qint64 cap) const
{
    const qint64 size = blobSize(digest);
    if (size > cap)
        return Error(Error::Code::SizeLimitExceeded, QStringLiteral("blob %1 is %2 bytes, more than the cap of %3")
                                                         .arg(digest.toString()).arg(size).arg(cap))
            .withObject(m_path);
    auto stream = openBlob(digest);
    if (!stream)
        return stream.error();
    QByteArray bytes;
    bytes.reserve(size);
    for (;;) {
        auto chunk = (*stream)->read();
        if (!chunk)
            return chunk.error();
        if (chunk->isEmpty())
            return bytes;
        bytes.append(*chunk);
    }
}

oci::Result<void> LocalImageSource::verifyBlobs(const std::function<void(qint64, qint64)> &progress,
                                                const std::function<bool()> &cancelled) const
{
    const source::SourceContents &contents = *m_contents;
    qint64 total = 0;
    for (const oci::Digest &digest : contents.blobOrder)
        total += contents.blobs.value(digest).size;
    qint64 done = 0;

    // In archive order: for a gzip'ed tar one inflating input walks forward through all
    // members instead of re-inflating from the start for each blob.
    struct Item
    {
        oci::Digest digest;
        qint64 offset;
    };
    QList<Item> items;
    for (const oci::Digest &digest : contents.blobOrder) {
        auto member = m_store->resolve(contents.blobs.value(digest).member);
        if (!member)
            return member.error();
        items.append(Item{digest, member->offset});
    }
    std::stable_sort(items.begin(), items.end(), [](const Item &a, const Item &b) { return a.offset < b.offset; });

    std::unique_ptr<source::GzipFileInput> gzip;
    auto shared = [&](const source::BlobEntry &entry, qint64 offset) -> oci::Result<std::unique_ptr<source::SequentialInput>> {
        if (!gzip || gzip->position() > offset) {
            gzip = std::make_unique<source::GzipFileInput>(m_path, qint64(1) << 50);
            if (auto r = gzip->openFile(); !r)
                return r.error();
        }
        if (auto r = gzip->skip(offset - gzip->position()); !r)
            return Error(Error::Code::Io, r.error().message()).withObject(m_store->describe(entry.member));
        // A non-owning view of the shared input, limited by BlobStream's size check.
        class Borrowed final : public source::SequentialInput
        {
        public:
            Borrowed(source::SequentialInput &inner, qint64 limit)
                : m_inner(inner)
                , m_limit(limit)
            {}
            oci::Result<qint64> read(char *data, qint64 maxBytes) override
            {
                const qint64 want = qMin(maxBytes, m_limit - m_position);
                if (want <= 0)
                    return qint64(0);
                auto n = m_inner.read(data, want);
                if (n && *n > 0)
                    m_position += *n;
                return n;
            }

        private:
            source::SequentialInput &m_inner;
            qint64 m_limit;
        };
        return std::unique_ptr<source::SequentialInput>(std::make_unique<Borrowed>(*gzip, entry.size));
    };

    for (const Item &item : std::as_const(items)) {
        const source::BlobEntry entry = contents.blobs.value(item.digest);
        std::unique_ptr<BlobStream> stream;
        if (isGzipCompressed()) {
            auto input = shared(entry, item.offset);
            if (!input)
                return input.error();
            stream = std::make_unique<BlobStream>(std::move(input).value(), item.digest, entry.size,
                                                  m_store->describe(entry.member), entry.mismatchText);
        } else {
            auto opened = openBlob(item.digest);
            if (!opened)
                return opened.error();
            stream = std::move(opened).value();
        }
        for (;;) {
            if (cancelled && cancelled())
                return Error(Error::Code::Cancelled, QStringLiteral("verification cancelled")).withObject(m_path);
            auto chunk = stream->read();
            if (!chunk)
                return chunk.error();
            if (chunk->isEmpty())
                break;
            done += chunk->size();
            if (progress)
                progress(done, total);
        }
    }
    return {};
}

QFuture<oci::Result<void>> LocalImageSource::verifyAsync(std::shared_ptr<const LocalImageSource> source,
                                                         std::function<void(qint64, qint64)> progress,
                                                         std::function<bool()> cancelled)
{
    return QtConcurrent::run([source = std::move(source), progress = std::move(progress),
                              cancelled = std::move(cancelled)] { return source->verifyBlobs(progress, cancelled); });
}

} // namespace image
