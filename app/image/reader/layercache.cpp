#include "image/reader/layercache.h"

#include "image/layer/bytesource.h"
#include "image/reader/blobstore.h"

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

QFuture<oci::Result<FileSlice>> LayerCache::readFile(const oci::Digest &layer, quint32 ordinal,
                                                     qint64 offset, qint64 maxBytes)
{
    if (const auto file = m_blobFiles.constFind(layer); file != m_blobFiles.cend()) {
        return QtConcurrent::run([file = file.value(), ordinal, offset, maxBytes] {
            FileSource source(file.path, file.offset, file.size);
            return readLayerFile(source, ordinal, offset, maxBytes);
        });
    }
    std::shared_ptr<BlobStore> blobs = m_blobs;
    return QtConcurrent::run([blobs, layer, ordinal, offset, maxBytes]() -> oci::Result<FileSlice> {
        const std::optional<QString> path = blobs ? blobs->find(layer) : std::nullopt;
        if (!path) {
            return oci::Error(oci::Error::Code::NotFound,
                              QStringLiteral("layer %1 is not in the layer cache")
                                  .arg(layer.toString()))
                .withObject(layer.toString());
        }
        FileSource source(*path);
        return readLayerFile(source, ordinal, offset, maxBytes);
    });
}

} // namespace image
