#pragma once

#include "layerorigin.h"
#include "mergedtreemodel.h"

#include "image/fs/mergedfilesystem.h"
#include "image/fs/wastereport.h"
#include "image/layer/layerindex.h"
#include "image/layer/layerstream.h"
#include "oci/core/error.h"
#include "oci/manifest/descriptor.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

namespace oci {
class RegistryClient;
}
namespace image {
class LayerCache;
class LayerReader;
} // namespace image

// Reads the layers of one image for the Files page and computes what needs all of them:
// the merged filesystem (after the top layer, or after layer N on request), its prepared
// tree, and the wasted-space report. Layers stream through image::LayerReader, at most
// MaxParallel at a time, the layer the person looks at first; the merge runs on the
// QtConcurrent pool and comes back through oci::whenFinished on this object. A layer that
// appears twice in an image (the same blob) is read once. A new image,
// clear() or cancel() drops every pending result (generation count).
class ImageFilesLoader final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImageFilesLoader)

public:
    static constexpr int MaxParallel = 2;

    explicit ImageFilesLoader(QObject *parent = nullptr);
    ~ImageFilesLoader() override;

    // `cache` may be null; a registry client must outlive the reads (readers are cancelled
    // when it goes). Layers of a local image are read in place (plain tars, layouts) or
    // re-inflated (gzip'ed archives), verified as they are read.
    void setImage(const LayerOrigin &origin, const QList<oci::Descriptor> &layers,
                  image::LayerCache *cache);
    void setImage(oci::RegistryClient *client, const QString &repository,
                  const QList<oci::Descriptor> &layers, image::LayerCache *cache)
    {
        setImage(LayerOrigin::registry(client, repository), layers, cache);
    }
    void clear();
    bool hasImage() const { return !m_layers.isEmpty(); }

    // How layers are read (batch sizes, caps); for the next reads.
    void setReadOptions(const image::ReadOptions &options) { m_options = options; }

    // Reads every layer not read yet: `first` before the others, then from the base up.
    void start(int first = -1);
    // Moves `layer` to the front of the queue (the person selected it).
    void prioritise(int layer);
    // Stops every read; what was read stays. start() resumes.
    void cancel();
    bool isRunning() const;

    int layerCount() const { return int(m_layers.size()); }
    const oci::Descriptor &descriptor(int layer) const;
    bool isRead(int layer) const;
    bool allRead() const;
    image::LayerIndex index(int layer) const;
    // The batches of a layer still being read, in order (empty once read): a view opened
    // on it mid-read catches up with these, then follows entriesAdded().
    QList<image::LayerIndex> batches(int layer) const;
    qint64 bytesDone() const;  // compressed bytes read over all layers
    qint64 bytesTotal() const; // compressed bytes of all layers
    int layersRead() const;

    // After every layer was read: the filesystem after the top layer and the waste.
    bool hasImageResult() const { return m_hasImageResult; }
    const image::MergedFilesystem &filesystem() const { return m_fs; }
    const image::WasteReport &waste() const { return m_waste; }
    MergedTreeModel::Tree topTree() const { return m_topTree; }
    // The tree after layer `top` (0-based); mergedReady() follows (at once when known).
    void requestMerged(int top);

Q_SIGNALS:
    void layerStarted(int layer);
    void layerProgress(int layer, qint64 bytes, qint64 total);
    void entriesAdded(int layer, const image::LayerIndex &batch);
    void layerRead(int layer, const image::LayerIndex &index);
    void layerFailed(int layer, const QString &text);
    void layerCancelled(int layer);
    // Totals or the running state changed.
    void progressChanged();
    void imageResultReady();
    void mergedReady(int top, const MergedTreeModel::Tree &tree);

private:
    struct Layer
    {
        oci::Descriptor descriptor;
        image::LayerIndex index;
        QList<image::LayerIndex> batches;
        bool read = false;
        qint64 bytes = 0;
        QPointer<image::LayerReader> reader;
    };
    void pump();
    bool isBeingRead(const oci::Digest &digest) const;
    void startLayer(int layer);
    image::LayerReader *createReader(int layer);
    void onReaderFinished(int layer, image::LayerReader *reader);
    void computeImage();

    LayerOrigin m_origin;
    QPointer<image::LayerCache> m_cache;
    image::ReadOptions m_options;
    QList<Layer> m_layers;
    QList<int> m_queue;
    bool m_running = false;
    quint64 m_generation = 0;

    bool m_hasImageResult = false;
    bool m_computing = false;
    image::MergedFilesystem m_fs;
    image::WasteReport m_waste;
    MergedTreeModel::Tree m_topTree;
    QHash<int, MergedTreeModel::Tree> m_trees;
    QList<int> m_treesPending;
};
