#pragma once

#include "selectedfile.h"

#include "image/layer/layerindex.h"

#include "oci/manifest/descriptor.h"
#include "oci/manifest/imageconfig.h"

#include <QList>
#include <QPointer>
#include <QWidget>

class FilePreview;
class FileTreeProxy;
class FileTreeView;
class QAbstractItemModel;
class ImageFilesLoader;
class LayerFilesModel;
class LayerListModel;
class MergedTreeModel;
class QAbstractButton;
class QCheckBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSplitter;
class QStackedWidget;
class QTableView;
class QTimer;
class QTreeView;
class WasteModel;
struct LayerOrigin;

namespace image {
class LayerCache;
class LayerIndex;
} // namespace image
namespace oci {
class RegistryClient;
}

// The inspector's Files tab for an image: the layer list (sizes, compression, file count,
// the history step) over the files — one layer's tree with added/modified/removed/opaque
// markers, the merged filesystem after the selected layer (with "only what this layer
// changed"), or the wasted space — with a path/glob filter and size sorting. Layers are read
// when the tab is first shown (ImageFilesLoader), the selected one first; its tree fills
// while it downloads, with progress and Stop. A slot beside the tree takes the preview
// (a FilePreview by default, fed with the chosen file; setPreviewWidget() replaces it); the
// chosen file comes out as selectedFileChanged(). Drags and Save… go through the preview.
class FilesPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FilesPage)

public:
    enum class Mode { Layer, Merged, Waste };

    explicit FilesPage(QWidget *parent = nullptr);
    ~FilesPage() override;

    // A new image; nothing is read until activate() (or the page is shown).
    void setImage(const LayerOrigin &origin, const QList<oci::Descriptor> &layers,
                  image::LayerCache *cache);
    void setImage(oci::RegistryClient *client, const QString &repository,
                  const QList<oci::Descriptor> &layers, image::LayerCache *cache);
    void setHistory(const QList<oci::HistoryEntry> &history);
    void clear();
    // Starts reading the layers (once per image).
    void activate();

    // The preview pane beside the tree; the page takes ownership.
    void setPreviewWidget(QWidget *preview);
    QWidget *previewWidget() const { return m_preview; }

    Mode mode() const { return m_mode; }
    void setMode(Mode mode);
    int currentLayer() const { return m_layer; }
    void setCurrentLayer(int layer);
    void setChangesOnly(bool on);
    void setFilterText(const QString &text); // applied at once (the edit debounces typing)
    SelectedFile selectedFile() const { return m_selected; }
    bool selectPath(const QByteArray &rawPath);

    QTableView *layerView() const { return m_layerView; }
    QTreeView *fileView() const;
    FilePreview *filePreview() const;
    QTableView *wasteView() const { return m_wasteView; }
    QLineEdit *filterEdit() const { return m_filter; }
    QLabel *statusLabel() const { return m_status; }
    QLabel *wasteSummary() const { return m_wasteSummary; }
    LayerListModel *layerModel() const { return m_layers; }
    LayerFilesModel *layerFilesModel() const { return m_layerFiles; }
    MergedTreeModel *mergedModel() const { return m_merged; }
    WasteModel *wasteModel() const { return m_waste; }
    ImageFilesLoader *loader() const { return m_loader; }

Q_SIGNALS:
    void selectedFileChanged(const SelectedFile &file);
    void statusMessage(const QString &message);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void buildUi();
    void setTreeModel(QAbstractItemModel *model);
    void fitColumns();
    void fitLayerTable();
    void showLayer(int layer);
    void showMerged(int top);
    void showCurrent();
    void updateStatus();
    void updateCaption();
    void applyChangesFilter();
    void onSelectionChanged();
    void expandMatches();
    void onLayerRead(int layer, const image::LayerIndex &index);
    void onImageResult();
    void feedTree();

    ImageFilesLoader *m_loader = nullptr;
    LayerListModel *m_layers = nullptr;
    LayerFilesModel *m_layerFiles = nullptr;
    MergedTreeModel *m_merged = nullptr;
    FileTreeProxy *m_layerProxy = nullptr;
    FileTreeProxy *m_mergedProxy = nullptr;
    WasteModel *m_waste = nullptr;

    Mode m_mode = Mode::Layer;
    int m_layer = -1;
    int m_mergedTop = -1; // the tree the merged model holds
    bool m_activated = false;
    QList<QString> m_layerErrors;
    SelectedFile m_selected;

    QTableView *m_layerView = nullptr;
    QAbstractButton *m_layerButton = nullptr;
    QAbstractButton *m_mergedButton = nullptr;
    QAbstractButton *m_wasteButton = nullptr;
    QCheckBox *m_changesOnly = nullptr;
    QLineEdit *m_filter = nullptr;
    QTimer *m_filterTimer = nullptr;
    // Streamed batches (and the complete index last) waiting to go into the layer tree.
    struct PendingBatch
    {
        int layer = -1;
        image::LayerIndex index;
        bool complete = false;
    };
    static constexpr int FeedSliceMs = 12;
    QList<PendingBatch> m_pending;
    QTimer *m_feedTimer = nullptr;
    QLabel *m_caption = nullptr;
    QLabel *m_status = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_stop = nullptr;
    QStackedWidget *m_stack = nullptr;
    FileTreeView *m_fileView = nullptr;
    QPointer<FilePreview> m_filePreview;
    QLabel *m_placeholder = nullptr;
    QWidget *m_wastePage = nullptr;
    QLabel *m_wasteSummary = nullptr;
    QTableView *m_wasteView = nullptr;
    QSplitter *m_fileSplitter = nullptr;
    QSplitter *m_pageSplitter = nullptr;
    bool m_sized = false;
    QPointer<QWidget> m_preview;
};
