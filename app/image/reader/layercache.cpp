#include "image/reader/layercache.h"

#include "image/layer/bytesource.h"
#include "image/reader/blobstore.h"

#include <QFile>
#include <QStandardPaths>
#include <QtConcurrent/QtConcurrentRun>

namespace image {

QString LayerCacheOptions::defaultDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + u"/layers";
}

LayerCache::LayerCache(LayerCacheOptions options, QObject *parent)
    : QObject(parent), m_options(std::move(options))
{
    if (!m_options.directory.isEmpty())
        m_blobs = std::make_shared<BlobStore>(m_options.directory, m_options.maxBlobBytes);
}

LayerCache::~LayerCache() = default;

std::optional<LayerIndex> LayerCache::index(const oci::Digest &digest)
{
    const auto it = m_byDigest.constFind(digest);
    if (it == m_byDigest.cend())
        return std::nullopt;
    m_lru.splice(m_lru.begin(), m_lru, it.value()); // most recently used first
    return *it.value();
}

void LayerCache::insertIndex(const LayerIndex &index)
{
    if (!index.isComplete() || index.digest().isNull())
        return;
    const auto it = m_byDigest.constFind(index.digest());
    if (it != m_byDigest.cend()) {
        m_indexBytes -= it.value()->memoryBytes();
        m_lru.erase(it.value());
    }
    m_lru.push_front(index);
    m_byDigest.insert(index.digest(), m_lru.begin());
    m_indexBytes += index.memoryBytes();
    trim();
}

void LayerCache::trim()
{
    // Never evict the one just inserted, however large.
    while (m_indexBytes > m_options.maxIndexMemoryBytes && m_lru.size() > 1) {
        const LayerIndex &oldest = m_lru.back();
        m_indexBytes -= oldest.memoryBytes();
        m_byDigest.remove(oldest.digest());
        m_lru.pop_back();
    }
}

void LayerCache::addBlobFile(const oci::Digest &digest, const QString &path, qint64 offset,
                             qint64 size)
{
    m_blobFiles.insert(digest, BlobFile{path, offset, size});
}

bool LayerCache::hasBlob(const oci::Digest &digest) const
{
    if (const auto file = m_blobFiles.constFind(digest); file != m_blobFiles.cend()
        && QFile::exists(file->path))
        return true;
    return m_blobs && m_blobs->contains(digest);
}

QFuture<oci::Result<FileSlice>> LayerCache::readFile(const oci::Digest &layer, quint32 ordinal,
                                                     qint64 offset, qint64 maxBytes)
{
    std::optional<BlobFile> file;
    if (const auto it = m_blobFiles.constFind(layer); it != m_blobFiles.cend())
        file = it.value();
    std::shared_ptr<BlobStore> blobs = m_blobs;
    return QtConcurrent::run([file, blobs, layer, ordinal, offset,
                              maxBytes]() -> oci::Result<FileSlice> {
        if (file && QFile::exists(file->path)) {
            FileSource source(file->path, file->offset, file->size);
            return readLayerFile(source, ordinal, offset, maxBytes);
        }
        const std::optional<QString> path = blobs ? blobs->find(layer) : std::nullopt;
        if (!path) {
            // Its index may well be cached (the listing shows the file): say what is missing.
            const QString why = file ? QStringLiteral("its image file %1 is gone and the layer "
                                                      "cache does not hold the blob")
                                           .arg(file->path)
                : blobs ? QStringLiteral("the layer cache does not hold its blob")
                        : QStringLiteral("the layer cache keeps no blobs (it has no folder)");
            return oci::Error(oci::Error::Code::NotFound,
                              QStringLiteral("cannot read a file of layer %1: %2; read the layer "
                                             "again from its registry or image file")
                                  .arg(layer.toString(), why))
                .withObject(layer.toString());
        }
        FileSource source(*path);
        return readLayerFile(source, ordinal, offset, maxBytes);
    });
}

} // namespace image
