#include "imagecommand.h"

#include "layersoutput.h"
#include "output.h"
#include "resolveone.h"

#include "image/fs/mergedfilesystem.h"
#include "image/fs/wastereport.h"
#include "image/reader/layercache.h"
#include "image/reader/layerreader.h"
#include "image/source/localimagesource.h"
#include "oci/inspect/detailsresolver.h"

#include <QFuture>
#include <QTemporaryDir>
#include <QtConcurrent/QtConcurrentRun>

namespace cli {

namespace {

// `cat` reads a file in slices this large: each slice is one pass over the layer up to it.
constexpr qint64 CatChunkBytes = qint64(256) * 1024 * 1024;

image::ReadOptions readOptions()
{
    image::ReadOptions options;
    options.batchEntries = 0; // nothing shows partial lists here
    return options;
}

} // namespace

ImageCommand::ImageCommand(Options options, oci::RegistryClient *client,
                           oci::DetailsResolver *resolver, QObject *parent)
    : QObject(parent), m_options(std::move(options)), m_client(client), m_resolver(resolver)
{
    image::LayerCacheOptions cacheOptions;
    if (m_options.local) {
        // Local layers are read in place: nothing to keep on disk.
    } else if (m_options.noCache) {
        // The blobs must be on disk for `cat` to read a file back; gone when we exit.
        m_scratchCache = std::make_unique<QTemporaryDir>();
        if (m_scratchCache->isValid())
            cacheOptions.directory = m_scratchCache->path();
    } else {
        cacheOptions.directory = image::LayerCacheOptions::defaultDirectory();
    }
    m_cache = new image::LayerCache(cacheOptions, this);
}

ImageCommand::~ImageCommand() = default;

void ImageCommand::start()
{
    if (m_options.local)
        openLocalImage();
    else
        resolveRegistryImage();
}

void ImageCommand::resolveRegistryImage()
{
    resolveOne(
        m_resolver, this, m_options.reference.identifier(),
        [this](const oci::TagDetails &row) {
            oci::Result<image::ImageLayers> found =
                image::imageLayers(row.details, m_options.platform);
            if (!found) {
                fail(oci::Error(found.error())
                         .withObject(m_options.reference.toString())
                         .describe());
                return;
            }
            imageFound(std::move(found).value());
        },
        [this](const QString &error) { fail(error); });
}

void ImageCommand::openLocalImage()
{
    const image::LocalReference reference = *m_options.local;
    image::LocalImageSource::openAsync(reference.path)
        .then(this, [this, reference](
                        oci::Result<std::shared_ptr<const image::LocalImageSource>> opened) {
            if (!opened) {
                fail(opened.error().describe());
                return;
            }
            m_source = std::move(opened).value();
            oci::Result<image::ImageLayers> found =
                image::imageLayers(*m_source, reference, m_options.platform);
            if (!found) {
                fail(found.error().describe());
                return;
            }
            imageFound(std::move(found).value());
        });
}

void ImageCommand::imageFound(image::ImageLayers image)
{
    m_image = std::move(image);
    const int count = int(m_image.layers.size());
    if (count == 0) {
        fail(QStringLiteral("the image has no layers"));
        return;
    }
    if (m_options.layer >= count) {
        fail(QStringLiteral("--layer %1: the image has %2 layers (0 to %3)")
                 .arg(m_options.layer)
                 .arg(count)
                 .arg(count - 1));
        return;
    }
    // A layer's own view and the filesystem after layer N need the layers up to N only.
    m_needed = m_options.command == Options::Command::Files && m_options.layer >= 0
                   ? m_options.layer + 1
                   : count;
    m_indexes = QList<image::LayerIndex>(m_needed);
    pumpReads();
}

void ImageCommand::pumpReads()
{
    while (!m_failed && m_running < MaxParallelReads && m_next < m_needed)
        readLayer(m_next++);
}

void ImageCommand::readLayer(int layer)
{
    ++m_running;
    const oci::Descriptor &descriptor = m_image.layers.at(layer);
    image::LayerReader *reader = nullptr;
    if (!m_source) {
        reader = image::LayerReader::fromRegistry(m_client, m_options.reference.repository(),
                                                  descriptor, m_cache, readOptions(), this);
    } else if (const std::optional<image::BlobFileRange> &range = m_image.fileRanges.at(layer)) {
        reader = image::LayerReader::fromFile(range->path, descriptor.digest(), range->offset,
                                              range->size, m_cache, readOptions(), this);
    } else {
        // A gzip'ed archive: the source inflates it to the layer on a worker.
        std::shared_ptr<const image::LocalImageSource> source = m_source;
        const oci::Digest digest = descriptor.digest();
        QtConcurrent::run([source, digest] {
            return image::readLocalLayer(*source, digest, readOptions());
        }).then(this, [this, layer](oci::Result<image::LayerIndex> index) {
            layerRead(layer, index);
        });
        return;
    }
    connect(reader, &oci::Job::finished, this, [this, layer, reader] {
        reader->deleteLater();
        if (reader->succeeded())
            layerRead(layer, reader->index());
        else
            layerRead(layer, reader->error());
    });
}

void ImageCommand::layerRead(int layer, const oci::Result<image::LayerIndex> &index)
{
    --m_running;
    if (m_failed)
        return;
    if (!index) {
        // The number says which layer it is here; the library's text names its digest
        // (said once when the message already holds it).
        const oci::Error &error = index.error();
        const bool named = !error.object().isEmpty() && error.message().contains(error.object());
        fail(QStringLiteral("layer %1: %2")
                 .arg(layer)
                 .arg(named && error.registry().isEmpty() ? error.message() : error.describe()));
        return;
    }
    m_indexes[layer] = index.value();
    ++m_done;
    if (m_done == m_needed) {
        allRead();
        return;
    }
    pumpReads();
}

void ImageCommand::allRead()
{
    switch (m_options.command) {
    case Options::Command::Layers:
        if (m_options.json)
            writeStdout(layerJson(m_image, m_indexes));
        else
            writeLines(layerTable(m_image, m_indexes));
        Q_EMIT finished(0);
        return;
    case Options::Command::Waste: {
        const image::WasteReport waste =
            image::WasteReport::compute(image::MergedFilesystem::build(m_indexes));
        if (m_options.json)
            writeStdout(wasteJson(waste));
        else
            writeLines(wasteText(waste));
        Q_EMIT finished(0);
        return;
    }
    case Options::Command::Files:
        printFiles(image::MergedFilesystem::build(m_indexes));
        return;
    case Options::Command::Cat:
        startCat(image::MergedFilesystem::build(m_indexes));
        return;
    default:
        fail(QStringLiteral("not an image command"));
        return;
    }
}

void ImageCommand::printFiles(const image::MergedFilesystem &fs)
{
    const QList<FileRow> rows = m_options.merged
                                    ? mergedRows(fs, m_options.changed)
                                    : layerRows(fs, fs.layerCount() - 1, m_options.changed);
    if (m_options.json)
        writeStdout(fileJson(rows));
    else
        writeStdout(fileText(rows));
    Q_EMIT finished(0);
}

void ImageCommand::startCat(const image::MergedFilesystem &fs)
{
    oci::Result<int> found = image::resolveMergedPath(fs, m_options.path.toUtf8());
    if (!found) {
        fail(found.error().message());
        return;
    }
    const int node = found.value();
    const image::EntryType type = fs.type(node);
    if (type != image::EntryType::Regular && type != image::EntryType::Hardlink) {
        fail(QStringLiteral("%1 is not a regular file (type %2)")
                 .arg(m_options.path)
                 .arg(QLatin1Char(image::entryTypeLetter(type))));
        return;
    }
    const image::MergedNode &merged = fs.node(node);
    if (merged.contentLayer < 0) {
        fail(QStringLiteral("%1: the hardlink's target is missing from the image")
                 .arg(m_options.path));
        return;
    }
    if (fs.size(node) == 0) {
        Q_EMIT finished(0);
        return;
    }
    const image::LayerEntry &content = fs.layer(merged.contentLayer).at(merged.contentEntry);
    readCatChunk(m_image.layers.at(merged.contentLayer).digest(), content.ordinal, 0);
}

void ImageCommand::readCatChunk(const oci::Digest &layer, quint32 ordinal, qint64 offset)
{
    QFuture<oci::Result<image::FileSlice>> future;
    if (m_source) {
        std::shared_ptr<const image::LocalImageSource> source = m_source;
        future = QtConcurrent::run([source, layer, ordinal, offset] {
            return image::readLocalFile(*source, layer, ordinal, offset, CatChunkBytes);
        });
    } else {
        future = m_cache->readFile(layer, ordinal, offset, CatChunkBytes);
    }
    future.then(this, [this, layer, ordinal](oci::Result<image::FileSlice> slice) {
        if (!slice) {
            fail(slice.error().describe());
            return;
        }
        writeStdout(slice->bytes);
        if (slice->atEnd() || slice->bytes.isEmpty()) {
            Q_EMIT finished(0);
            return;
        }
        readCatChunk(layer, ordinal, slice->offset + slice->bytes.size());
    });
}

void ImageCommand::fail(const QString &message)
{
    if (m_failed)
        return;
    m_failed = true;
    printError(message);
    Q_EMIT finished(1);
}

} // namespace cli
