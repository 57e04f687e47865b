#include "inspectorcontent.h"

#include "filespage.h"
#include "historytablemodel.h"
#include "inspectorjsonview.h"
#include "inspectoroverview.h"
#include "inspectorroles.h"
#include "layertablemodel.h"
#include "platformtablemodel.h"

#include "oci/manifest/imageconfig.h"
#include "oci/manifest/manifestdocument.h"
#include "oci/manifest/mediatypes.h"

#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTextBrowser>
#include <QUrl>
#include <QVBoxLayout>

namespace {

// The image-spec calls it an image when the config is an image config and no
// artifactType says otherwise; everything else with a manifest shape is an artifact.
bool isImageDocument(const oci::ManifestDocument &document)
{
    if (!document.isImageManifest())
        return false;
    const oci::ImageManifest &manifest = document.manifest();
    return manifest.artifactType.isEmpty() &&
           oci::isConfig(oci::stripParameters(manifest.config.mediaType()));
}

} // namespace

InspectorContent::InspectorContent(QWidget *parent) : QTabWidget(parent)
{
    setDocumentMode(true);
    setUsesScrollButtons(true);

    m_overview = new QTextBrowser(this);
    m_overview->setObjectName(QStringLiteral("overview"));
    m_overview->setOpenLinks(false);
    m_overview->setFrameShape(QFrame::NoFrame);
    m_overview->document()->setDocumentMargin(10);
    connect(m_overview, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) {
        if (url.scheme() == InspectorOverview::LinkScheme)
            openDigest(url.path());
    });

    m_platforms = new PlatformTableModel(this);
    m_layers = new LayerTableModel(this);
    m_history = new HistoryTableModel(this);
    m_platformProxy = new QSortFilterProxyModel(this);
    m_platformProxy->setSourceModel(m_platforms);
    m_layerProxy = new QSortFilterProxyModel(this);
    m_layerProxy->setSourceModel(m_layers);
    m_historyProxy = new QSortFilterProxyModel(this);
    m_historyProxy->setSourceModel(m_history);

    m_platformPage = new QWidget(this);
    m_platformView = makeTable(QStringLiteral("platformTable"), m_platformProxy);
    m_platformView->setParent(m_platformPage);
    auto *platformHint =
        new QLabel(tr("Double-click a platform to open its manifest."), m_platformPage);
    platformHint->setForegroundRole(QPalette::PlaceholderText);
    auto *platformLayout = new QVBoxLayout(m_platformPage);
    platformLayout->setContentsMargins(0, 4, 0, 0);
    platformLayout->addWidget(m_platformView, 1);
    platformLayout->addWidget(platformHint);
    QHeaderView *header = m_platformView->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setStretchLastSection(true);
    connect(m_platformView, &QTableView::activated, this, [this](const QModelIndex &index) {
        openPlatformRow(m_platformProxy->mapToSource(index).row());
    });

    m_layerView = makeTable(QStringLiteral("layerTable"), m_layerProxy);
    header = m_layerView->horizontalHeader();
    for (int column : {int(LayerTableModel::NumberColumn), int(LayerTableModel::SizeColumn),
                       int(LayerTableModel::TypeColumn), int(LayerTableModel::DigestColumn)})
        header->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(LayerTableModel::CreatedByColumn, QHeaderView::Stretch);
    connect(m_layerView, &QTableView::activated, this, [this](const QModelIndex &index) {
        openLayer(m_layerProxy->mapToSource(index).row());
    });

    m_historyView = makeTable(QStringLiteral("historyTable"), m_historyProxy);
    header = m_historyView->horizontalHeader();
    for (int column : {int(HistoryTableModel::NumberColumn), int(HistoryTableModel::CreatedColumn),
                       int(HistoryTableModel::LayerColumn), int(HistoryTableModel::SizeColumn)})
        header->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(HistoryTableModel::CreatedByColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(HistoryTableModel::CommentColumn, QHeaderView::Interactive);
    connect(m_historyView, &QTableView::activated, this, [this](const QModelIndex &index) {
        const int layer = index.data(InspectorRoles::LayerRole).toInt();
        if (layer >= 0)
            openLayer(layer);
    });

    m_filesPage = new FilesPage(this);
    m_filesPage->setObjectName(QStringLiteral("filesPage"));
    connect(m_filesPage, &FilesPage::statusMessage, this, &InspectorContent::statusMessage);

    m_documentPane = new InspectorJsonPane(this);
    m_documentPane->setObjectName(QStringLiteral("documentJson"));
    m_documentPane->view()->setObjectName(QStringLiteral("manifestView"));
    m_configPane = new InspectorJsonPane(this);
    m_configPane->setObjectName(QStringLiteral("configJson"));
    m_configPane->view()->setObjectName(QStringLiteral("configView"));
    for (InspectorJsonPane *pane : {m_documentPane, m_configPane}) {
        connect(pane->view(), &InspectorJsonView::digestActivated, this,
                &InspectorContent::openDigest);
        connect(pane, &InspectorJsonPane::statusMessage, this, &InspectorContent::statusMessage);
    }
    resetTabs({});
}

InspectorContent::~InspectorContent() = default;

QTableView *InspectorContent::makeTable(const QString &objectName, QSortFilterProxyModel *proxy)
{
    proxy->setSortRole(InspectorRoles::SortRole);
    auto *view = new QTableView(this);
    view->setObjectName(objectName);
    view->setModel(proxy);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setAlternatingRowColors(true);
    view->setSortingEnabled(true);
    view->sortByColumn(0, Qt::AscendingOrder);
    view->setWordWrap(false);
    view->setTextElideMode(Qt::ElideRight);
    view->setShowGrid(false);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    view->horizontalHeader()->setHighlightSections(false);
    view->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    view->setFrameShape(QFrame::NoFrame);
    // Room between columns: fitted columns otherwise touch ("1.3 KiBOCI layer").
    view->setStyleSheet(
        QStringLiteral("QTableView::item { padding-left: 6px; padding-right: 10px; }"));
    return view;
}

QWidget *InspectorContent::pageFor(Tab tab) const
{
    switch (tab) {
    case Overview:
        return m_overview;
    case Platforms:
        return m_platformPage;
    case Layers:
        return m_layerView;
    case History:
        return m_historyView;
    case Document:
        return m_documentPane;
    case Config:
        return m_configPane;
    case Files:
        return m_filesPage;
    }
    return nullptr;
}

QString InspectorContent::titleFor(Tab tab) const
{
    switch (tab) {
    case Overview:
        return tr("Overview");
    case Platforms:
        return tr("Platforms (%1)").arg(m_platforms->rowCount());
    case Layers:
        return m_shown == Shown::Artifact ? tr("Blobs (%1)").arg(m_layers->rowCount())
                                          : tr("Layers (%1)").arg(m_layers->rowCount());
    case History:
        return m_config ? tr("History (%1)").arg(m_history->rowCount()) : tr("History");
    case Document:
        switch (m_shown) {
        case Shown::Index:
            return tr("Index JSON");
        case Shown::Config:
            return tr("Config JSON");
        default:
            return tr("Manifest JSON");
        }
    case Config:
        return tr("Config JSON");
    case Files:
        return tr("Files");
    }
    return {};
}

void InspectorContent::resetTabs(std::initializer_list<Tab> tabs)
{
    while (count() > 0)
        removeTab(0);
    for (Tab tab : tabs)
        addTabFor(tab);
    // Pages not shown stay hidden children.
    for (Tab tab : {Overview, Platforms, Layers, History, Document, Config, Files}) {
        if (indexOf(pageFor(tab)) < 0)
            pageFor(tab)->hide();
    }
}

void InspectorContent::addTabFor(Tab tab)
{
    QWidget *page = pageFor(tab);
    const int at = addTab(page, titleFor(tab));
    tabBar()->setTabData(at, int(tab));
}

bool InspectorContent::hasTab(Tab tab) const
{
    return indexOf(pageFor(tab)) >= 0;
}

int InspectorContent::currentTab() const
{
    const int index = currentIndex();
    return index < 0 ? -1 : tabBar()->tabData(index).toInt();
}

void InspectorContent::setCurrentTab(int tab)
{
    if (tab < Overview || tab > Files)
        return;
    const int index = indexOf(pageFor(Tab(tab)));
    if (index >= 0)
        setCurrentIndex(index);
}

void InspectorContent::setFilesSource(const LayerOrigin &origin, image::LayerCache *cache)
{
    m_filesOrigin = origin;
    m_layerCache = cache;
}

void InspectorContent::showManifest(std::shared_ptr<const oci::ManifestDocument> document)
{
    m_document = std::move(document);
    m_config.reset();
    m_configBytes.clear();
    m_configNote.clear();
    m_history->clear();
    m_isImage = isImageDocument(*m_document);
    m_documentPane->setJson(m_document->bytes());
    m_configPane->setJson({});

    if (m_document->isIndex()) {
        m_shown = Shown::Index;
        m_platforms->setEntries(m_document->index().manifests);
        m_layers->clear();
        m_filesPage->clear();
        m_platformView->resizeColumnsToContents();
        resetTabs({Platforms, Overview, Document});
    } else if (m_document->isImageManifest()) {
        m_shown = m_isImage ? Shown::Image : Shown::Artifact;
        m_layers->setLayers(m_document->manifest().layers);
        m_platforms->clear();
        if (m_isImage) {
            m_configNote = tr("Loading the config…");
            // Layers are read only when the Files tab is first shown.
            m_filesPage->setImage(m_filesOrigin, m_document->manifest().layers,
                                  m_layerCache);
            resetTabs({Overview, Layers, Files, History, Document, Config});
        } else {
            m_filesPage->clear();
            resetTabs({Overview, Layers, Document});
        }
    } else {
        m_shown = Shown::Other;
        m_layers->clear();
        m_platforms->clear();
        m_filesPage->clear();
        resetTabs({Overview, Document});
    }
    renderOverview();
}

void InspectorContent::setImageConfig(std::shared_ptr<const oci::ImageConfig> config,
                                      const QByteArray &bytes)
{
    m_config = std::move(config);
    m_configBytes = bytes;
    m_configNote.clear();
    m_configPane->setJson(bytes);
    if (m_config && m_document && m_document->isImageManifest()) {
        m_layers->setHistory(m_config->history);
        m_history->setHistory(m_config->history, m_document->manifest().layers);
        m_filesPage->setHistory(m_config->history);
    }
    for (Tab tab : {History, Config}) {
        const int index = indexOf(pageFor(tab));
        if (index >= 0)
            setTabText(index, titleFor(tab));
    }
    renderOverview();
}

void InspectorContent::setImageConfigProblem(const QString &text, const QByteArray &bytes)
{
    m_configNote = text;
    m_configBytes = bytes;
    m_configPane->setJson(bytes);
    renderOverview();
}

void InspectorContent::setArtifactConfig(const QByteArray &bytes)
{
    m_configBytes = bytes;
    m_configPane->setJson(bytes);
    if (!hasTab(Config))
        addTabFor(Config);
}

void InspectorContent::showConfig(std::shared_ptr<const oci::ImageConfig> config,
                                  const QByteArray &bytes,
                                  std::shared_ptr<const oci::ManifestDocument> image,
                                  const QString &problem)
{
    m_shown = Shown::Config;
    m_isImage = false;
    m_filesPage->clear();
    m_document = std::move(image);
    m_config = std::move(config);
    m_configBytes = bytes;
    m_configNote = problem;
    m_platforms->clear();
    m_layers->clear();
    const QList<oci::Descriptor> layers = m_document && m_document->isImageManifest()
                                              ? m_document->manifest().layers
                                              : QList<oci::Descriptor>();
    m_history->setHistory(m_config ? m_config->history : QList<oci::HistoryEntry>(), layers);
    m_documentPane->setJson(bytes);
    m_configPane->setJson({});
    if (m_config)
        resetTabs({Overview, History, Document});
    else
        resetTabs({Overview, Document});
    renderOverview();
}

void InspectorContent::showLayer(const InspectorLocation &location)
{
    m_shown = Shown::Layer;
    m_isImage = false;
    m_filesPage->clear();
    m_layer = location;
    m_document = location.image;
    m_config = location.imageConfig;
    m_platforms->clear();
    m_layers->clear();
    m_history->clear();
    m_documentPane->setJson({});
    m_configPane->setJson({});
    resetTabs({Overview});
    renderOverview();
}

void InspectorContent::renderOverview()
{
    const InspectorOverview html(palette());
    QString text;
    switch (m_shown) {
    case Shown::Nothing:
        break;
    case Shown::Image:
        text = html.image(*m_document, m_config.get(), m_configNote);
        break;
    case Shown::Artifact:
        text = html.artifact(m_document->manifest());
        break;
    case Shown::Index:
        text = html.index(m_document->index());
        break;
    case Shown::Config:
        if (m_config)
            text = html.config(*m_config, m_configBytes.size());
        else
            text = QStringLiteral("<p>%1</p>").arg(m_configNote.toHtmlEscaped());
        break;
    case Shown::Layer: {
        InspectorOverview::LayerFacts facts;
        facts.index = m_layer.layerIndex;
        if (m_document && m_document->isImageManifest())
            facts.layerCount = int(m_document->manifest().layers.size());
        if (m_config) {
            if (facts.index >= 0 && facts.index < m_config->diffIds.size())
                facts.diffId = m_config->diffIds.at(facts.index).toString();
            const int step =
                oci::LayerHistory(m_config->history, facts.layerCount).historyOf(facts.index);
            if (step >= 0)
                facts.step = &m_config->history.at(step);
        }
        text = html.layer(m_layer.descriptor, facts);
        break;
    }
    case Shown::Other:
        text = html.unsupported(*m_document);
        break;
    }
    m_overview->setHtml(text);
}

std::optional<InspectorLocation> InspectorContent::locationFor(const QString &digestText,
                                                               QString *why) const
{
    const oci::Result<oci::Digest> parsed = oci::Digest::parse(digestText);
    if (!parsed.ok()) {
        if (why)
            *why = tr("%1 is not a valid digest.").arg(digestText);
        return std::nullopt;
    }
    const oci::Digest digest = parsed.value();
    InspectorLocation location;
    location.kind = InspectorLocation::Kind::Manifest;

    if (m_document && m_document->isImageManifest()) {
        const oci::ImageManifest &manifest = m_document->manifest();
        if (manifest.config.digest() == digest) {
            location.kind = InspectorLocation::Kind::Config;
            location.descriptor = manifest.config;
            location.image = m_document;
            return location;
        }
        for (qsizetype i = 0; i < manifest.layers.size(); ++i) {
            if (manifest.layers.at(i).digest() == digest) {
                location.kind = InspectorLocation::Kind::Layer;
                location.descriptor = manifest.layers.at(i);
                location.image = m_document;
                location.imageConfig = m_config;
                location.layerIndex = int(i);
                return location;
            }
        }
        if (manifest.subject && manifest.subject->digest() == digest) {
            location.descriptor = *manifest.subject;
            return location;
        }
    }
    if (m_document && m_document->isIndex()) {
        const oci::ImageIndex &index = m_document->index();
        const QString indexDigest = oci::Digest::sha256Of(m_document->bytes()).shortString();
        for (qsizetype row = 0; row < index.manifests.size(); ++row) {
            const oci::Descriptor &entry = index.manifests.at(row);
            if (entry.digest() != digest)
                continue;
            location.descriptor = entry;
            location.context =
                tr("%1 in the index %2").arg(m_platforms->platformText(int(row)), indexDigest);
            return location;
        }
        if (index.subject && index.subject->digest() == digest) {
            location.descriptor = *index.subject;
            return location;
        }
    }
    if (m_config) {
        const qsizetype layer = m_config->diffIds.indexOf(digest);
        if (layer >= 0) {
            if (m_document && m_document->isImageManifest() &&
                layer < m_document->manifest().layers.size()) {
                location.kind = InspectorLocation::Kind::Layer;
                location.descriptor = m_document->manifest().layers.at(layer);
                location.image = m_document;
                location.imageConfig = m_config;
                location.layerIndex = int(layer);
                return location;
            }
            if (why) {
                *why = tr("%1 is the uncompressed digest (diff ID) of layer %2. Registries keep "
                          "layers "
                          "under their compressed digest: open the config from its image to reach "
                          "the layer.")
                           .arg(digest.shortString())
                           .arg(layer + 1);
            }
            return std::nullopt;
        }
    }
    // Anything else (annotations, labels): most likely a manifest in this repository.
    return location;
}

void InspectorContent::openDigest(const QString &digest)
{
    QString why;
    std::optional<InspectorLocation> location = locationFor(digest, &why);
    if (!location) {
        Q_EMIT cannotOpen(why);
        return;
    }
    location->preferJson = currentTab() == Document || currentTab() == Config;
    Q_EMIT openRequested(*location, digest);
}

void InspectorContent::openLayer(int layer)
{
    if (!m_document || !m_document->isImageManifest() || layer < 0 ||
        layer >= m_document->manifest().layers.size())
        return;
    openDigest(m_document->manifest().layers.at(layer).digest().toString());
}

void InspectorContent::openPlatformRow(int row)
{
    const oci::Descriptor &entry = m_platforms->entry(row);
    if (!entry.isNull())
        openDigest(entry.digest().toString());
}

void InspectorContent::changeEvent(QEvent *event)
{
    QTabWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        renderOverview();
}
