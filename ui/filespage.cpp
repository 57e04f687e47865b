#include "filespage.h"
#include "oci/core/futurecontinuation.h"

#include "filepreview.h"
#include "fileroles.h"
#include "filetreeproxy.h"
#include "filetreeview.h"
#include "imagefilesloader.h"
#include "layerfilesmodel.h"
#include "layerlistmodel.h"
#include "mergedtreemodel.h"
#include "wastemodel.h"

#include "image/layer/layerindex.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QElapsedTimer>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace {

// Rows a filter may open at once; past that the tree stays folded (expanding 100,000
// rows would stall the window).
constexpr int MaxExpandedMatches = 2000;

int countRows(const QAbstractItemModel *model, const QModelIndex &parent, int limit)
{
    int rows = 0;
    for (int row = 0; row < model->rowCount(parent) && rows <= limit; ++row) {
        ++rows;
        rows += countRows(model, model->index(row, 0, parent), limit - rows);
    }
    return rows;
}

} // namespace

FilesPage::FilesPage(QWidget *parent) : QWidget(parent)
{
    m_loader = new ImageFilesLoader(this);
    m_layers = new LayerListModel(this);
    m_layerFiles = new LayerFilesModel(this);
    m_merged = new MergedTreeModel(this);
    m_layerProxy = new FileTreeProxy(this);
    m_layerProxy->setSourceModel(m_layerFiles);
    m_mergedProxy = new FileTreeProxy(this);
    m_mergedProxy->setSourceModel(m_merged);
    m_waste = new WasteModel(this);
    buildUi();

    connect(m_loader, &ImageFilesLoader::layerStarted, this,
            [this](int layer) { m_layers->setReading(layer, 0, -1); });
    connect(m_loader, &ImageFilesLoader::layerProgress, this,
            [this](int layer, qint64 bytes, qint64 total) {
                m_layers->setReading(layer, bytes, total);
            });
    // Batches go into the tree a few per event-loop pass (feedTree()): the reader's
    // results arrive queued, several at once, and each costs the sorting proxy and view
    // some milliseconds.
    m_feedTimer = new QTimer(this);
    m_feedTimer->setSingleShot(true);
    m_feedTimer->setInterval(0);
    connect(m_feedTimer, &QTimer::timeout, this, &FilesPage::feedTree);
    connect(m_loader, &ImageFilesLoader::entriesAdded, this,
            [this](int layer, const image::LayerIndex &batch) {
                m_layers->addEntries(layer, batch.size());
                if (layer == m_layerFiles->layer()) {
                    m_pending.append({layer, batch, false});
                    m_feedTimer->start();
                }
            });
    connect(m_loader, &ImageFilesLoader::layerRead, this, &FilesPage::onLayerRead);
    connect(m_loader, &ImageFilesLoader::layerFailed, this, [this](int layer, const QString &text) {
        m_layers->setFailed(layer, text);
        if (layer >= 0 && layer < m_layerErrors.size())
            m_layerErrors[layer] = text;
        Q_EMIT statusMessage(text);
        showCurrent();
    });
    connect(m_loader, &ImageFilesLoader::layerCancelled, m_layers, &LayerListModel::setCancelled);
    connect(m_loader, &ImageFilesLoader::progressChanged, this, &FilesPage::updateStatus);
    connect(m_loader, &ImageFilesLoader::imageResultReady, this, &FilesPage::onImageResult);
    connect(m_loader, &ImageFilesLoader::mergedReady, this,
            [this](int top, const MergedTreeModel::Tree &tree) {
                if (m_mode != Mode::Merged || top != m_layer || m_mergedTop == top)
                    return;
                m_mergedTop = top;
                m_merged->setTree(tree);
                m_fileView->sortByColumn(m_fileView->header()->sortIndicatorSection(),
                                         m_fileView->header()->sortIndicatorOrder());
                showCurrent();
                expandMatches();
            });
}

FilesPage::~FilesPage() = default;

QTreeView *FilesPage::fileView() const
{
    return m_fileView;
}

FilePreview *FilesPage::filePreview() const
{
    return m_filePreview.data();
}

void FilesPage::setImage(oci::RegistryClient *client, const QString &repository,
                         const QList<oci::Descriptor> &layers, image::LayerCache *cache)
{
    setImage(LayerOrigin::registry(client, repository), layers, cache);
}

void FilesPage::setImage(const LayerOrigin &origin, const QList<oci::Descriptor> &layers,
                         image::LayerCache *cache)
{
    clear();
    m_loader->setImage(origin, layers, cache);
    if (m_filePreview)
        m_filePreview->setLayerCache(cache);
    m_layers->setLayers(layers);
    m_layerErrors = QList<QString>(layers.size());
    fitLayerTable();
    if (!layers.isEmpty()) {
        // The top layer by default: the last thing the image's author did.
        m_layerView->selectRow(int(layers.size()) - 1);
        setCurrentLayer(int(layers.size()) - 1);
    }
    if (isVisible())
        activate();
}

void FilesPage::setHistory(const QList<oci::HistoryEntry> &history)
{
    m_layers->setHistory(history);
}

void FilesPage::clear()
{
    m_loader->clear();
    m_layers->clear();
    m_layerFiles->clear();
    m_merged->clear();
    m_waste->clear();
    m_wasteSummary->clear();
    m_layer = -1;
    m_mergedTop = -1;
    m_activated = false;
    m_pending.clear();
    m_layerErrors.clear();
    if (!m_selected.isNull()) {
        m_selected = SelectedFile();
        Q_EMIT selectedFileChanged(m_selected);
    }
    showCurrent();
    updateStatus();
}

void FilesPage::activate()
{
    if (m_activated || !m_loader->hasImage())
        return;
    m_activated = true;
    m_loader->start(m_layer);
}

void FilesPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_sized) {
        // First show: the tree gets the larger share, the preview the rest.
        m_sized = true;
        const int width = m_fileSplitter->width();
        if (m_fileSplitter->count() > 1 && width > 0)
            m_fileSplitter->setSizes({width * 58 / 100, width - width * 58 / 100});
        fitLayerTable();
    }
    activate();
}

void FilesPage::setPreviewWidget(QWidget *preview)
{
    if (m_preview == preview)
        return;
    if (m_preview)
        m_preview->deleteLater();
    m_preview = preview;
    if (preview) {
        m_fileSplitter->addWidget(preview);
        m_fileSplitter->setStretchFactor(0, 3);
        m_fileSplitter->setStretchFactor(1, 2);
    }
}

void FilesPage::setMode(Mode mode)
{
    m_mode = mode;
    m_layerButton->setChecked(mode == Mode::Layer);
    m_mergedButton->setChecked(mode == Mode::Merged);
    m_wasteButton->setChecked(mode == Mode::Waste);
    m_changesOnly->setEnabled(mode != Mode::Waste);
    if (m_preview)
        m_preview->setVisible(mode != Mode::Waste); // wasted paths have no single file
    m_changesOnly->setToolTip(mode == Mode::Merged
                                  ? tr("Only the paths the selected layer added or modified")
                                  : tr("Hide entries that change nothing"));
    showCurrent();
}

void FilesPage::setCurrentLayer(int layer)
{
    if (layer < 0 || layer >= m_layers->rowCount())
        return;
    m_layer = layer;
    if (m_layerView->currentIndex().row() != layer)
        m_layerView->selectRow(layer);
    m_loader->prioritise(layer);
    showCurrent();
}

void FilesPage::setChangesOnly(bool on)
{
    m_changesOnly->setChecked(on);
    applyChangesFilter();
}

void FilesPage::setFilterText(const QString &text)
{
    m_filterTimer->stop();
    if (m_filter->text() != text)
        m_filter->setText(text);
    m_filterTimer->stop(); // setText() started it again
    m_layerProxy->setPathFilter(text);
    m_mergedProxy->setPathFilter(text);
    auto *wasteProxy = static_cast<QSortFilterProxyModel *>(m_wasteView->model());
    wasteProxy->setFilterFixedString(text.trimmed());
    expandMatches();
    updateCaption();
}

void FilesPage::applyChangesFilter()
{
    const bool on = m_changesOnly->isChecked();
    m_layerProxy->setChangesOnly(on);
    m_mergedProxy->setChangesOnly(on, m_layer);
    expandMatches();
    updateCaption();
}

void FilesPage::expandMatches()
{
    QAbstractItemModel *model = m_fileView->model();
    const auto *proxy = static_cast<FileTreeProxy *>(model);
    if (!proxy->isFiltering())
        return;
    if (countRows(model, {}, MaxExpandedMatches) <= MaxExpandedMatches)
        m_fileView->expandAll();
}

void FilesPage::setTreeModel(QAbstractItemModel *model)
{
    if (m_fileView->model() == model)
        return;
    QItemSelectionModel *old = m_fileView->selectionModel();
    m_fileView->setModel(model);
    delete old; // the view made it and would keep it until it goes
    connect(m_fileView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &FilesPage::onSelectionChanged);
    fitColumns();
    onSelectionChanged();
}

void FilesPage::showLayer(int layer)
{
    setTreeModel(m_layerProxy);
    if (m_layerFiles->layer() != layer) {
        m_layerFiles->clear(layer);
        if (m_loader->isRead(layer)) {
            // A read layer's tree is built on the pool (100,000 entries: ~0.3 s).
            const image::LayerIndex index = m_loader->index(layer);
            oci::whenFinished(this, QtConcurrent::run([index] {
                return LayerFilesModel::prepare(index);
            }), [this, layer](const LayerFilesModel::PreparedTree &tree) {
                if (m_layerFiles->layer() != layer || m_layerFiles->rowCount() > 0)
                    return; // another layer was chosen meanwhile
                m_layerFiles->setPrepared(layer, tree);
                if (m_loader->hasImageResult())
                    m_layerFiles->setMergedFilesystem(m_loader->filesystem());
                m_fileView->sortByColumn(m_fileView->header()->sortIndicatorSection(),
                                         m_fileView->header()->sortIndicatorOrder());
                expandMatches();
                showCurrent();
            });
        } else {
            // What streamed so far goes in through the feed, like what follows.
            m_pending.clear();
            const QList<image::LayerIndex> batches = m_loader->batches(layer);
            for (const image::LayerIndex &batch : batches)
                m_pending.append({layer, batch, false});
            m_feedTimer->start();
        }
        if (m_loader->hasImageResult())
            m_layerFiles->setMergedFilesystem(m_loader->filesystem());
        m_fileView->sortByColumn(m_fileView->header()->sortIndicatorSection(),
                                 m_fileView->header()->sortIndicatorOrder());
        expandMatches();
    }
    const bool empty = m_layerFiles->rowCount() == 0;
    if (!empty) {
        m_stack->setCurrentWidget(m_fileView);
        return;
    }
    if (!m_layerErrors.value(layer).isEmpty())
        m_placeholder->setText(m_layerErrors.value(layer));
    else if (m_loader->isRead(layer) && m_loader->index(layer).isEmpty())
        m_placeholder->setText(tr("This layer holds no files."));
    else if (!m_loader->isRunning() && m_activated)
        m_placeholder->setText(tr("Reading stopped before this layer. Choose Resume to go on."));
    else
        m_placeholder->setText(tr("Reading layer %1…").arg(layer + 1));
    m_stack->setCurrentWidget(m_placeholder);
}

void FilesPage::showMerged(int top)
{
    setTreeModel(m_mergedProxy);
    if (m_mergedTop != top) {
        m_mergedTop = -1;
        m_merged->clear();
        m_mergedProxy->setChangesOnly(m_changesOnly->isChecked(), top);
        m_loader->requestMerged(top); // mergedReady() fills the model, at once when known
    }
    if (m_mergedTop == top) {
        m_stack->setCurrentWidget(m_fileView);
        return;
    }
    int missing = 0;
    for (int i = 0; i <= top; ++i)
        missing += m_loader->isRead(i) ? 0 : 1;
    m_placeholder->setText(
        missing > 0
            ? tr("The filesystem after layer %1 needs the layers below it: %n layer(s) still "
                 "to read.",
                 nullptr, missing)
                  .arg(top + 1)
            : tr("Stacking the layers…"));
    m_stack->setCurrentWidget(m_placeholder);
}

void FilesPage::showCurrent()
{
    if (m_layer < 0) {
        m_placeholder->setText(tr("No layers."));
        m_stack->setCurrentWidget(m_placeholder);
        updateCaption();
        return;
    }
    switch (m_mode) {
    case Mode::Layer:
        showLayer(m_layer);
        break;
    case Mode::Merged:
        showMerged(m_layer);
        break;
    case Mode::Waste:
        if (m_waste->hasReport()) {
            m_stack->setCurrentWidget(m_wastePage);
        } else {
            m_placeholder->setText(tr("Wasted space is known once every layer was read."));
            m_stack->setCurrentWidget(m_placeholder);
        }
        break;
    }
    updateCaption();
}

void FilesPage::updateCaption()
{
    const QLocale locale;
    QString text;
    const int count = m_layers->rowCount();
    switch (m_mode) {
    case Mode::Layer:
        if (m_layer >= 0)
            text = tr("Layer %1 of %2: %3 entries")
                       .arg(m_layer + 1)
                       .arg(count)
                       .arg(locale.toString(m_layerFiles->entryCount()));
        break;
    case Mode::Merged:
        if (m_layer >= 0)
            text = m_changesOnly->isChecked()
                       ? tr("What layer %1 changed in the filesystem").arg(m_layer + 1)
                   : m_layer + 1 < count
                       ? tr("The filesystem after layer %1 of %2").arg(m_layer + 1).arg(count)
                       : tr("The filesystem after layer %1 of %2 — select a layer above for an "
                            "earlier state")
                             .arg(m_layer + 1)
                             .arg(count);
        break;
    case Mode::Waste:
        text = tr("Files overwritten or deleted by a later layer");
        break;
    }
    const auto *proxy = qobject_cast<const FileTreeProxy *>(m_fileView->model());
    if (m_mode != Mode::Waste && proxy && proxy->isFiltering() &&
        m_stack->currentWidget() == m_fileView && proxy->rowCount() == 0) {
        text = proxy->pathFilter().isEmpty()
                   ? tr("%1 — nothing changed").arg(text)
                   : tr("%1 — no path matches “%2”").arg(text, proxy->pathFilter());
    }
    m_caption->setText(text);
}

void FilesPage::updateStatus()
{
    const QLocale locale;
    const int count = m_loader->layerCount();
    const int read = m_loader->layersRead();
    const bool running = m_loader->isRunning();
    const bool unfinished = m_activated && read < count;
    m_progress->setVisible(running);
    m_stop->setVisible(running || unfinished);
    m_stop->setText(running ? tr("Stop") : tr("Resume"));
    if (running) {
        const qint64 total = m_loader->bytesTotal();
        m_progress->setValue(total > 0 ? int(m_loader->bytesDone() * 1000 / total) : 0);
        m_status->setText(tr("Reading layers: %1 of %2 read, %3 of %4")
                              .arg(read)
                              .arg(count)
                              .arg(locale.formattedDataSize(m_loader->bytesDone(), 1),
                                   locale.formattedDataSize(total, 1)));
    } else if (unfinished) {
        m_status->setText(tr("%1 of %2 layers read").arg(read).arg(count));
    } else {
        m_status->clear();
    }
    if (m_layerFiles->layer() == m_layer && m_mode == Mode::Layer)
        updateCaption();
}

void FilesPage::onLayerRead(int layer, const image::LayerIndex &index)
{
    m_layers->setIndex(layer, index);
    if (layer == m_layerFiles->layer()) {
        if (m_layerFiles->entryCount() == 0 && m_pending.isEmpty()) {
            m_layerFiles->clear(-1); // nothing streamed: showLayer() builds it on the pool
        } else {
            // Completes the streamed tree in place, after the batches still queued.
            m_pending.append({layer, index, true});
            m_feedTimer->start();
        }
    }
    if (layer == m_layer)
        showCurrent();
}

void FilesPage::feedTree()
{
    QElapsedTimer clock;
    clock.start();
    bool fed = false;
    while (!m_pending.isEmpty() && clock.elapsed() < FeedSliceMs) {
        const PendingBatch item = m_pending.takeFirst();
        if (item.layer != m_layerFiles->layer())
            continue; // another layer is shown now
        if (item.complete) {
            m_layerFiles->setIndex(item.index);
            if (m_loader->hasImageResult())
                m_layerFiles->setMergedFilesystem(m_loader->filesystem());
        } else {
            m_layerFiles->appendBatch(item.index);
        }
        fed = true;
    }
    if (!m_pending.isEmpty())
        m_feedTimer->start();
    if (fed && m_mode == Mode::Layer) {
        if (m_stack->currentWidget() != m_fileView)
            showCurrent();
        else
            updateCaption();
    }
}

void FilesPage::onImageResult()
{
    m_layerFiles->setMergedFilesystem(m_loader->filesystem());
    m_waste->setReport(m_loader->waste());
    m_wasteSummary->setText(m_waste->summaryText());
    applyChangesFilter();
    showCurrent();
}

void FilesPage::onSelectionChanged()
{
    const QModelIndex index = m_fileView->currentIndex();
    SelectedFile file;
    if (index.isValid()) {
        file.merged = m_fileView->model() == m_mergedProxy;
        file.path = u'/' + index.data(FileRoles::PathRole).toString();
        file.rawPath = index.data(FileRoles::RawPathRole).toByteArray();
        file.size = index.data(FileRoles::SizeRole).toLongLong();
        file.type = image::EntryType(index.data(FileRoles::TypeRole).toInt());
        file.writtenBy = index.data(FileRoles::LayerRole).toInt();
        file.layer = index.data(FileRoles::ContentLayerRole).toInt();
        file.ordinal = index.data(FileRoles::ContentOrdinalRole).toInt();
        if (file.type == image::EntryType::Symlink || file.type == image::EntryType::Hardlink)
            file.linkTarget = index
                                  .siblingAtColumn(file.merged ? int(MergedTreeModel::TargetColumn)
                                                               : int(LayerFilesModel::TargetColumn))
                                  .data()
                                  .toString();
        if (file.merged) {
            file.filesystem = m_merged->filesystem();
            file.node = index.data(FileRoles::NodeRole).toInt();
        } else {
            file.entry = index.data(FileRoles::EntryRole).toInt();
            if (file.entry >= 0)
                file.layerIndex = m_layerFiles->index();
        }
        if (file.layer >= 0)
            file.layerDigest = m_loader->descriptor(file.layer).digest();
        else
            file.ordinal = -1;
    }
    m_selected = file;
    Q_EMIT selectedFileChanged(m_selected);
}

bool FilesPage::selectPath(const QByteArray &rawPath)
{
    QModelIndex source;
    if (m_fileView->model() == m_mergedProxy)
        source = m_merged->indexForPath(rawPath);
    else
        source = m_layerFiles->indexForPath(rawPath);
    const QModelIndex index =
        static_cast<QSortFilterProxyModel *>(m_fileView->model())->mapFromSource(source);
    if (!index.isValid())
        return false;
    m_fileView->scrollTo(index);
    m_fileView->setCurrentIndex(index);
    return true;
}
