// FilesPage, its widgets: the layer table over the view switch, filter, status row and the
// tree with the preview beside it; column and pane sizes.

#include "filespage.h"

#include "filepreview.h"
#include "fileroles.h"
#include "filetreeproxy.h"
#include "filetreeview.h"
#include "imagefilesloader.h"
#include "layerfilesmodel.h"
#include "layerlistmodel.h"
#include "wastemodel.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace {

QTableView *makeTable(QWidget *parent, const QString &objectName)
{
    auto *view = new QTableView(parent);
    view->setObjectName(objectName);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    view->setShowGrid(false);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    view->horizontalHeader()->setHighlightSections(false);
    view->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    view->setFrameShape(QFrame::NoFrame);
    view->setStyleSheet(
        QStringLiteral("QTableView::item { padding-left: 6px; padding-right: 10px; }"));
    return view;
}

} // namespace

void FilesPage::buildUi()
{
    m_layerView = makeTable(this, QStringLiteral("filesLayerTable"));
    m_layerView->setModel(m_layers);
    QHeaderView *header = m_layerView->horizontalHeader();
    for (int column : {int(LayerListModel::NumberColumn), int(LayerListModel::SizeColumn),
                       int(LayerListModel::UncompressedColumn), int(LayerListModel::TypeColumn),
                       int(LayerListModel::FilesColumn)})
        header->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(LayerListModel::CreatedByColumn, QHeaderView::Stretch);
    connect(m_layerView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid() && current.row() != m_layer)
                    setCurrentLayer(current.row());
            });

    // The view switch: one layer's files, the merged filesystem, wasted space.
    auto *modes = new QButtonGroup(this);
    const auto modeButton = [this, modes](const QString &text, const QString &name) {
        auto *button = new QToolButton(this);
        button->setText(text);
        button->setObjectName(name);
        button->setCheckable(true);
        button->setAutoRaise(false);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        modes->addButton(button);
        return button;
    };
    m_layerButton = modeButton(tr("Layer Files"), QStringLiteral("layerFilesMode"));
    m_layerButton->setToolTip(tr("The files of the selected layer, with what each does to "
                                 "the layers below"));
    m_mergedButton = modeButton(tr("Merged Filesystem"), QStringLiteral("mergedMode"));
    m_mergedButton->setToolTip(tr("The filesystem after the selected layer, with the layer "
                                  "that last wrote each path"));
    m_wasteButton = modeButton(tr("Wasted Space"), QStringLiteral("wasteMode"));
    m_wasteButton->setToolTip(tr("Bytes a layer ships that a later layer overwrites or deletes"));
    m_layerButton->setChecked(true);
    connect(m_layerButton, &QAbstractButton::clicked, this, [this] { setMode(Mode::Layer); });
    connect(m_mergedButton, &QAbstractButton::clicked, this, [this] { setMode(Mode::Merged); });
    connect(m_wasteButton, &QAbstractButton::clicked, this, [this] { setMode(Mode::Waste); });

    m_changesOnly = new QCheckBox(tr("Only changes"), this);
    m_changesOnly->setObjectName(QStringLiteral("changesOnly"));
    connect(m_changesOnly, &QCheckBox::toggled, this, [this] { applyChangesFilter(); });

    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("filesFilter"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setPlaceholderText(tr("Filter by path or glob (*.so, etc/**/*.conf)"));
    m_filter->setMinimumWidth(m_filter->fontMetrics().horizontalAdvance(u'x') * 34);
    m_filterTimer = new QTimer(this);
    m_filterTimer->setSingleShot(true);
    m_filterTimer->setInterval(250);
    connect(m_filter, &QLineEdit::textChanged, m_filterTimer, qOverload<>(&QTimer::start));
    connect(m_filterTimer, &QTimer::timeout, this, [this] { setFilterText(m_filter->text()); });

    auto *bar = new QHBoxLayout;
    bar->setSpacing(2);
    bar->addWidget(m_layerButton);
    bar->addWidget(m_mergedButton);
    bar->addWidget(m_wasteButton);
    bar->addSpacing(12);
    bar->addWidget(m_changesOnly);
    bar->addStretch(1);
    bar->addWidget(m_filter);

    m_caption = new QLabel(this);
    m_caption->setObjectName(QStringLiteral("filesCaption"));
    m_caption->setTextFormat(Qt::PlainText);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("filesStatus"));
    m_status->setTextFormat(Qt::PlainText);
    m_status->setForegroundRole(QPalette::PlaceholderText);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 1000);
    m_progress->setTextVisible(false);
    m_progress->setMaximumWidth(160);
    m_progress->setMaximumHeight(m_status->sizeHint().height());
    m_stop = new QPushButton(tr("Stop"), this);
    m_stop->setObjectName(QStringLiteral("filesStop"));
    connect(m_stop, &QPushButton::clicked, this, [this] {
        if (m_loader->isRunning())
            m_loader->cancel();
        else
            m_loader->start(m_layer);
    });
    auto *statusRow = new QHBoxLayout;
    statusRow->addWidget(m_caption, 1);
    statusRow->addWidget(m_status);
    statusRow->addWidget(m_progress);
    statusRow->addWidget(m_stop);

    m_fileView = new FileTreeView(this);
    connect(m_fileView, &FileTreeView::statusMessage, this, &FilesPage::statusMessage);
    m_fileView->setObjectName(QStringLiteral("fileTree"));
    m_fileView->setUniformRowHeights(true);
    m_fileView->setAlternatingRowColors(true);
    m_fileView->setSortingEnabled(true);
    m_fileView->sortByColumn(0, Qt::AscendingOrder);
    m_fileView->setFrameShape(QFrame::NoFrame);
    m_fileView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_fileView->setModel(m_layerProxy);
    fitColumns();
    m_fileView->setStyleSheet(QStringLiteral("QTreeView::item { padding-right: 10px; }"));
    connect(m_fileView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &FilesPage::onSelectionChanged);

    m_placeholder = new QLabel(this);
    m_placeholder->setObjectName(QStringLiteral("filesPlaceholder"));
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setForegroundRole(QPalette::PlaceholderText);
    m_placeholder->setMargin(24);

    m_wastePage = new QWidget(this);
    m_wasteSummary = new QLabel(m_wastePage);
    m_wasteSummary->setObjectName(QStringLiteral("wasteSummary"));
    m_wasteSummary->setWordWrap(true);
    m_wasteSummary->setTextFormat(Qt::PlainText);
    m_wasteView = makeTable(m_wastePage, QStringLiteral("wasteTable"));
    auto *wasteProxy = new QSortFilterProxyModel(this);
    wasteProxy->setSourceModel(m_waste);
    wasteProxy->setSortRole(FileRoles::SortRole);
    wasteProxy->setFilterRole(FileRoles::SearchTextRole);
    wasteProxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_wasteView->setModel(wasteProxy);
    m_wasteView->setSortingEnabled(true);
    m_wasteView->sortByColumn(WasteModel::WastedColumn, Qt::DescendingOrder);
    header = m_wasteView->horizontalHeader();
    header->setSectionResizeMode(WasteModel::PathColumn, QHeaderView::Interactive);
    header->resizeSection(WasteModel::PathColumn,
                          m_wasteView->fontMetrics().horizontalAdvance(u'x') * 40);
    header->setSectionResizeMode(WasteModel::WastedColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(WasteModel::CopiesColumn, QHeaderView::ResizeToContents);
    header->setStretchLastSection(true);
    auto *wasteLayout = new QVBoxLayout(m_wastePage);
    wasteLayout->setContentsMargins(6, 4, 0, 0);
    wasteLayout->addWidget(m_wasteSummary);
    wasteLayout->addWidget(m_wasteView, 1);

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_fileView);
    m_stack->addWidget(m_placeholder);
    m_stack->addWidget(m_wastePage);

    // The tree with the preview slot beside it (empty until setPreviewWidget()).
    m_fileSplitter = new QSplitter(Qt::Horizontal, this);
    m_fileSplitter->setObjectName(QStringLiteral("filesSplitter"));
    m_fileSplitter->setChildrenCollapsible(false);
    m_fileSplitter->addWidget(m_stack);
    m_filePreview = new FilePreview(this);
    m_filePreview->setObjectName(QStringLiteral("filePreview"));
    connect(m_filePreview, &FilePreview::statusMessage, this, &FilesPage::statusMessage);
    m_fileView->setPreview(m_filePreview);
    setPreviewWidget(m_filePreview);
    connect(this, &FilesPage::selectedFileChanged, this, [this](const SelectedFile &file) {
        if (!m_filePreview)
            return;
        if (file.merged && file.node > 0)
            m_filePreview->showMergedNode(file.filesystem, file.node);
        else if (!file.merged && file.entry >= 0)
            m_filePreview->showLayerEntry(file.layerIndex, file.entry);
        else
            m_filePreview->clear();
    });

    auto *filesArea = new QWidget(this);
    auto *filesLayout = new QVBoxLayout(filesArea);
    filesLayout->setContentsMargins(0, 4, 0, 0);
    filesLayout->setSpacing(4);
    filesLayout->addLayout(bar);
    filesLayout->addLayout(statusRow);
    filesLayout->addWidget(m_fileSplitter, 1);

    auto *split = new QSplitter(Qt::Vertical, this);
    m_pageSplitter = split;
    split->setObjectName(QStringLiteral("filesPageSplitter"));
    split->setChildrenCollapsible(false);
    split->addWidget(m_layerView);
    split->addWidget(filesArea);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 3);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addWidget(split);
    updateStatus();
}

void FilesPage::fitColumns()
{
    QHeaderView *header = m_fileView->header();
    header->setStretchLastSection(true);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->resizeSection(0, m_fileView->fontMetrics().horizontalAdvance(u'x') * 36);
    for (int column = 1; column < header->count() - 1; ++column)
        header->setSectionResizeMode(column, QHeaderView::ResizeToContents);
}

void FilesPage::fitLayerTable()
{
    // As tall as its rows (up to eight), the files below get the rest.
    const int rows = qBound(1, m_layers->rowCount(), 8);
    const int wanted = m_layerView->horizontalHeader()->sizeHint().height() +
                       rows * m_layerView->verticalHeader()->defaultSectionSize() + 4;
    const int total = m_pageSplitter->height();
    if (total > wanted * 2)
        m_pageSplitter->setSizes({wanted, total - wanted});
}
