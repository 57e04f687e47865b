#include "imagefilesloader.h"
#include "oci/core/futurecontinuation.h"

#include "errortext.h"

#include "image/reader/layercache.h"
#include "image/reader/layerreader.h"
#include "image/source/blobstream.h"
#include "image/source/localimagesource.h"
#include "oci/client/registryclient.h"

#include <QFuture>

#include <algorithm>
#include <QtConcurrent/QtConcurrentRun>

ImageFilesLoader::ImageFilesLoader(QObject *parent) : QObject(parent)
{
    // Smaller batches than the reader's default: each one is inserted into the tree (and
    // its sorting proxy) on the GUI thread; 1,000 entries keep a step well under 50 ms.
    m_options.batchEntries = 1000;
}

ImageFilesLoader::~ImageFilesLoader()
{
    ++m_generation;
    for (Layer &layer : m_layers) {
        if (image::LayerReader *reader = layer.reader.data()) {
            reader->cancel();
            delete reader;
        }
    }
}

void ImageFilesLoader::setImage(const LayerOrigin &origin, const QList<oci::Descriptor> &layers,
                                image::LayerCache *cache)
{
    clear();
    m_origin = origin;
    m_cache = cache;
    for (const oci::Descriptor &descriptor : layers) {
        Layer layer;
        layer.descriptor = descriptor;
        m_layers.append(layer);
    }
    Q_EMIT progressChanged();
}

void ImageFilesLoader::clear()
{
    ++m_generation;
    for (Layer &layer : m_layers) {
        if (image::LayerReader *reader = layer.reader.data()) {
            reader->cancel();
            reader->deleteLater();
        }
    }
    m_layers.clear();
    m_queue.clear();
    m_running = false;
    m_hasImageResult = false;
    m_computing = false;
    m_fs = image::MergedFilesystem();
    m_waste = image::WasteReport();
    m_topTree.reset();
    m_trees.clear();
    m_treesPending.clear();
}

const oci::Descriptor &ImageFilesLoader::descriptor(int layer) const
{
    static const oci::Descriptor none;
    return layer >= 0 && layer < m_layers.size() ? m_layers.at(layer).descriptor : none;
}

bool ImageFilesLoader::isRead(int layer) const
{
    return layer >= 0 && layer < m_layers.size() && m_layers.at(layer).read;
}

bool ImageFilesLoader::allRead() const
{
    return !m_layers.isEmpty() && layersRead() == m_layers.size();
}

int ImageFilesLoader::layersRead() const
{
    int read = 0;
    for (const Layer &layer : m_layers)
        read += layer.read ? 1 : 0;
    return read;
}

image::LayerIndex ImageFilesLoader::index(int layer) const
{
    return isRead(layer) ? m_layers.at(layer).index : image::LayerIndex();
}

QList<image::LayerIndex> ImageFilesLoader::batches(int layer) const
{
    return layer >= 0 && layer < m_layers.size() ? m_layers.at(layer).batches
                                                 : QList<image::LayerIndex>();
}

qint64 ImageFilesLoader::bytesDone() const
{
    qint64 done = 0;
    for (const Layer &layer : m_layers)
        done += layer.read ? layer.descriptor.size() : layer.bytes;
    return done;
}

qint64 ImageFilesLoader::bytesTotal() const
{
    qint64 total = 0;
    for (const Layer &layer : m_layers)
        total += layer.descriptor.size();
    return total;
}

bool ImageFilesLoader::isRunning() const
{
    return m_running;
}

void ImageFilesLoader::start(int first)
{
    m_queue.clear();
    for (int i = 0; i < m_layers.size(); ++i) {
        if (!m_layers.at(i).read && !m_layers.at(i).reader)
            m_queue.append(i);
    }
    m_running = true;
    prioritise(first);
    pump();
    Q_EMIT progressChanged();
}

void ImageFilesLoader::prioritise(int layer)
{
    if (m_queue.removeOne(layer))
        m_queue.prepend(layer);
}

void ImageFilesLoader::cancel()
{
    m_queue.clear();
    for (int i = 0; i < m_layers.size(); ++i) {
        if (image::LayerReader *reader = m_layers[i].reader.data()) {
            m_layers[i].reader = nullptr;
            m_layers[i].bytes = 0;
            m_layers[i].batches.clear();
            reader->cancel();
            reader->deleteLater();
            Q_EMIT layerCancelled(i);
        }
    }
    m_running = false;
    Q_EMIT progressChanged();
}

bool ImageFilesLoader::isBeingRead(const oci::Digest &digest) const
{
    return std::any_of(m_layers.cbegin(), m_layers.cend(), [&digest](const Layer &layer) {
        return layer.reader && layer.descriptor.digest() == digest;
    });
}

void ImageFilesLoader::pump()
{
    int active = 0;
    for (const Layer &layer : std::as_const(m_layers))
        active += layer.reader ? 1 : 0;
    // A layer that appears twice in the image (the same blob) is read once: its twin waits
    // in the queue and takes the index when the read ends.
    for (qsizetype i = 0; active < MaxParallel && i < m_queue.size();) {
        const int layer = m_queue.at(i);
        if (isBeingRead(m_layers.at(layer).descriptor.digest())) {
            ++i;
            continue;
        }
        m_queue.removeAt(i);
        startLayer(layer);
        ++active;
    }
    if (active == 0 && m_running) {
        m_running = false;
        Q_EMIT progressChanged();
    }
}

image::LayerReader *ImageFilesLoader::createReader(int layer)
{
    const oci::Descriptor &descriptor = m_layers.at(layer).descriptor;
    if (!m_origin.isLocal()) {
        return image::LayerReader::fromRegistry(m_origin.client, m_origin.repository, descriptor,
                                                m_cache, m_options, this);
    }
    // In place where the bytes lie in a file (a layout folder, a plain tar); a gzip'ed
    // archive re-inflates up to the layer, and the layer goes to the blob store on the way.
    if (const std::optional<image::BlobFileRange> range =
            m_origin.local->blobFileRange(descriptor.digest())) {
        if (m_cache)
            m_cache->addBlobFile(descriptor.digest(), range->path, range->offset, range->size);
        return image::LayerReader::fromFile(range->path, descriptor.digest(), range->offset,
                                            range->size, m_cache, m_options, this);
    }
    std::shared_ptr<const image::LocalImageSource> source = m_origin.local;
    const oci::Digest digest = descriptor.digest();
    return image::LayerReader::fromStream(
        [source, digest]() -> oci::Result<std::unique_ptr<image::ByteSource>> {
            oci::Result<std::unique_ptr<image::BlobStream>> stream = source->openBlob(digest);
            if (!stream)
                return stream.error();
            return std::unique_ptr<image::ByteSource>(std::move(stream).value());
        },
        digest, descriptor.size(), m_cache, m_options, this);
}

void ImageFilesLoader::startLayer(int layer)
{
    if (!m_origin.isLocal() && !m_origin.client) {
        Q_EMIT layerFailed(layer, tr("The registry was removed from Lading."));
        return;
    }
    image::LayerReader *reader = createReader(layer);
    m_layers[layer].reader = reader;
    Q_EMIT layerStarted(layer);
    connect(reader, &image::LayerReader::progress, this, [this, layer](qint64 bytes, qint64 total) {
        m_layers[layer].bytes = bytes;
        Q_EMIT layerProgress(layer, bytes, total);
        Q_EMIT progressChanged();
    });
    connect(reader, &image::LayerReader::entriesAdded, this,
            [this, layer](const image::LayerIndex &batch) {
                m_layers[layer].batches.append(batch);
                Q_EMIT entriesAdded(layer, batch);
            });
    connect(reader, &oci::Job::finished, this,
            [this, layer, reader] { onReaderFinished(layer, reader); });
}

void ImageFilesLoader::onReaderFinished(int layer, image::LayerReader *reader)
{
    reader->deleteLater();
    if (layer >= m_layers.size() || m_layers[layer].reader != reader)
        return;
    Layer &entry = m_layers[layer];
    entry.reader = nullptr;
    if (reader->succeeded()) {
        entry.read = true;
        entry.index = reader->index();
        entry.batches.clear();
        Q_EMIT layerRead(layer, entry.index);
        for (int twin = 0; twin < m_layers.size(); ++twin) {
            Layer &other = m_layers[twin];
            if (twin == layer || other.read || other.reader ||
                other.descriptor.digest() != entry.descriptor.digest())
                continue;
            m_queue.removeOne(twin);
            other.read = true;
            other.index = entry.index;
            Q_EMIT layerRead(twin, other.index);
        }
        // Trees after a lower layer that waited for this one.
        const QList<int> pending = std::exchange(m_treesPending, {});
        for (int top : pending)
            requestMerged(top);
    } else {
        entry.bytes = 0;
        entry.batches.clear();
        const QString why = ErrorText::summary(reader->error(), false);
        Q_EMIT layerFailed(layer, tr("Layer %1 (%2) could not be read. %3")
                                      .arg(layer + 1)
                                      .arg(entry.descriptor.digest().shortString(), why));
    }
    Q_EMIT progressChanged();
    if (allRead())
        computeImage();
    pump();
}

void ImageFilesLoader::computeImage()
{
    if (m_computing || m_hasImageResult)
        return;
    m_computing = true;
    QList<image::LayerIndex> indexes;
    for (const Layer &layer : std::as_const(m_layers))
        indexes.append(layer.index);
    struct Result
    {
        image::MergedFilesystem fs;
        image::WasteReport waste;
        MergedTreeModel::Tree tree;
    };
    const quint64 generation = m_generation;
    oci::whenFinished(this, QtConcurrent::run([indexes] {
        Result result;
        result.fs = image::MergedFilesystem::build(indexes);
        result.waste = image::WasteReport::compute(result.fs);
        result.tree = MergedTreeModel::prepare(result.fs);
        return result;
    }), [this, generation](const Result &result) {
        if (generation != m_generation)
            return;
        m_computing = false;
        m_hasImageResult = true;
        m_fs = result.fs;
        m_waste = result.waste;
        m_topTree = result.tree;
        m_trees.insert(int(m_layers.size()) - 1, result.tree);
        Q_EMIT imageResultReady();
        Q_EMIT mergedReady(int(m_layers.size()) - 1, result.tree);
        const QList<int> pending = std::exchange(m_treesPending, {});
        for (int top : pending)
            requestMerged(top);
    });
}

void ImageFilesLoader::requestMerged(int top)
{
    if (top < 0 || top >= m_layers.size())
        return;
    if (const auto known = m_trees.constFind(top); known != m_trees.cend()) {
        Q_EMIT mergedReady(top, known.value());
        return;
    }
    // Only layers 0…top are needed; the top tree waits for the image's result.
    bool ready = true;
    for (int i = 0; i <= top; ++i)
        ready = ready && m_layers.at(i).read;
    if (!ready || (top == m_layers.size() - 1)) {
        if (!m_treesPending.contains(top))
            m_treesPending.append(top);
        if (top == m_layers.size() - 1 && allRead())
            computeImage();
        return;
    }
    QList<image::LayerIndex> indexes;
    for (int i = 0; i <= top; ++i)
        indexes.append(m_layers.at(i).index);
    const quint64 generation = m_generation;
    oci::whenFinished(this, QtConcurrent::run([indexes] {
        return MergedTreeModel::prepare(image::MergedFilesystem::build(indexes));
    }), [this, generation, top](const MergedTreeModel::Tree &tree) {
        if (generation != m_generation)
            return;
        m_trees.insert(top, tree);
        Q_EMIT mergedReady(top, tree);
    });
}
