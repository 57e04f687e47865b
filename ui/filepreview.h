#pragma once

#include <QWidget>

#include <memory>

class FileContentView;
class FileExportActions;
class QLabel;
class QMimeData;
class QPushButton;
class QTemporaryDir;
class QToolButton;

namespace image {
class LayerCache;
class LayerIndex;
class MergedFilesystem;
} // namespace image

// One file of an image, as the file trees show it: a header (path, type, size, mode, owner,
// the layer that wrote it) over FileContentView (text highlighted by name and content, hex
// for binary, images as images). Bytes come from LayerCache::readFile on the pool, the first
// 2 MiB then "Load more"; a late slice for a file no longer shown is dropped. Directories,
// symlinks, hardlinks, devices and whiteouts say what they are. "Save…" saves the file, or a
// directory as a tar (FileExportActions); createDragData() makes a drag of the file.
class FilePreview final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FilePreview)

public:
    static constexpr qint64 ChunkBytes = 2 * 1024 * 1024;
    // Images are read whole up to this size (a picture cut in half shows nothing).
    static constexpr qint64 ImageBytes = 32 * 1024 * 1024;

    explicit FilePreview(QWidget *parent = nullptr);
    ~FilePreview() override;

    void setLayerCache(image::LayerCache *cache); // not owned

    void showMergedNode(const image::MergedFilesystem &fs, int node);
    void showLayerEntry(const image::LayerIndex &layer, int entry);
    void clear();

    bool showsMergedNode(int node) const;
    bool showsLayerEntry(const image::LayerIndex &layer, int entry) const;

    // What is in memory of the file shown (tests, drag).
    FileContentView *contentView() const { return m_content; }
    bool canLoadMore() const;
    bool isLoading() const { return m_loading; }

    // A drag of the file shown: written to a private temporary folder when its bytes are all
    // in memory (≤ ChunkBytes, already loaded), as text/uri-list + text/plain. nullptr when
    // that is not possible (a directory, a big or unloaded file): offer Save instead.
    QMimeData *createDragData();

public Q_SLOTS:
    void loadMore();
    void saveCurrent();

Q_SIGNALS:
    void statusMessage(const QString &text);
    void loaded(); // a slice arrived (or failed)

private:
    struct Target;
    void showTarget(std::unique_ptr<Target> target);
    void request(qint64 offset, qint64 maxBytes);
    void updateHeader();
    QString describeEntry() const;

    image::LayerCache *m_cache = nullptr;
    std::unique_ptr<Target> m_target;
    quint64 m_generation = 0; // drops slices for a file no longer shown
    bool m_loading = false;

    QLabel *m_icon;
    QLabel *m_title;
    QLabel *m_details;
    QLabel *m_progress;
    QToolButton *m_hexButton;
    QPushButton *m_loadMore;
    QPushButton *m_save;
    FileContentView *m_content;
    FileExportActions *m_actions;
    std::unique_ptr<QTemporaryDir> m_dragDir;
};
