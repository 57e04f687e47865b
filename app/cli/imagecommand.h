#pragma once

#include "commandline.h"

#include "image/layer/layerindex.h"
#include "image/reader/imagelayers.h"

#include <QList>
#include <QObject>

#include <memory>

class QTemporaryDir;

namespace oci {
class DetailsResolver;
class RegistryClient;
} // namespace oci

namespace image {
class LayerCache;
class LocalImageSource;
class MergedFilesystem;
} // namespace image

namespace cli {

// `ladingctl layers / files / cat / waste`: finds the image (registry through the
// DetailsResolver, or a local tarball or layout through LocalImageSource), reads the layers
// it needs through lading_image (LayerReader and the layer cache), and prints. Everything
// between is the library's; this class only strings the steps together.
class ImageCommand final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImageCommand)

public:
    // `client` and `resolver` are for registry references (null for local ones) and must
    // outlive this object.
    ImageCommand(Options options, oci::RegistryClient *client, oci::DetailsResolver *resolver,
                 QObject *parent = nullptr);
    ~ImageCommand() override;

    void start();

Q_SIGNALS:
    void finished(int exitCode);

private:
    void resolveRegistryImage();
    void openLocalImage();
    void imageFound(image::ImageLayers image);
    void pumpReads();
    void readLayer(int layer);
    void layerRead(int layer, const oci::Result<image::LayerIndex> &index);
    void allRead();
    void printFiles(const image::MergedFilesystem &fs);
    void startCat(const image::MergedFilesystem &fs);
    void readCatChunk(const oci::Digest &layer, quint32 ordinal, qint64 offset);
    void fail(const QString &message);

    // One layer at a time: a cancelled LayerReader's worker may still be running on the
    // reader pool, which nothing waits for at exit, and a process ending under it crashes
    // in OpenSSL's exit handler. With one read in flight, a failed layer leaves none
    // running. (Asked of lading_image: a way to wait for the reader pool.)
    static constexpr int MaxParallelReads = 1;

    Options m_options;
    oci::RegistryClient *m_client;
    oci::DetailsResolver *m_resolver;
    image::LayerCache *m_cache = nullptr;
    std::unique_ptr<QTemporaryDir> m_scratchCache; // --no-cache: blobs only for this run
    std::shared_ptr<const image::LocalImageSource> m_source;
    image::ImageLayers m_image;
    QList<image::LayerIndex> m_indexes;
    int m_needed = 0; // layers 0..m_needed-1 are read
    int m_next = 0;
    int m_running = 0;
    int m_done = 0;
    bool m_failed = false;
};

} // namespace cli
