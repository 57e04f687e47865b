#include "mainwindow.h"

#include "inspectorwidget.h"
#include "jobsmodel.h"
#include "ladingresources.h"
#include "localimagepage.h"
#include "manifestpanel.h"
#include "registryactions.h"
#include "registryfilteredit.h"
#include "registryfilterproxy.h"
#include "registrysession.h"
#include "registrytreedelegate.h"
#include "registrytreemodel.h"
#include "repositorypage.h"
#include "roles.h"
#include "tagtablemodel.h"

#include "image/push/bloblocations.h"
#include "image/reader/layercache.h"
#include "oci/cache/contentcache.h"
#include "oci/client/registryclient.h"
#include "oci/core/reference.h"
#include "oci/inspect/contentfetcher.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFile>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTreeView>
#include <QVBoxLayout>

using Kind = ModelRoles::NodeKind;
using State = ModelRoles::NodeState;

namespace {


Kind kindOf(const QModelIndex &index)
{
    return index.data(ModelRoles::NodeKindRole).value<Kind>();
}

State stateOf(const QModelIndex &index)
{
    return index.data(ModelRoles::StateRole).value<State>();
}

} // namespace

MainWindow::MainWindow(const QString &settingsFile, QWidget *parent)
    : QMainWindow(parent), m_settingsFile(settingsFile), m_store(settingsFile)
{
    setWindowTitle(tr("Lading"));
    if (QFile::exists(LadingResources::appIconPath()))
        setWindowIcon(QIcon(LadingResources::appIconPath()));

    m_session = new RegistrySession(RegistrySession::DockerConfig::Use, this);
    RegistrySession *session = m_session;
    m_model = new RegistryTreeModel(
        [session](const RegistryEntry &entry) { return session->createClient(entry); }, this);

    m_filterProxy = new RegistryFilterProxy(this);
    m_filterProxy->setSourceModel(m_model);
    m_tree = new QTreeView(this);
    m_tree->setObjectName(QStringLiteral("registryTree"));
    m_tree->setModel(m_filterProxy);
    m_tree->setItemDelegate(new RegistryTreeDelegate(m_tree));
    m_tree->setHeaderHidden(true);
    m_tree->setUniformRowHeights(true);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    m_tree->setTextElideMode(Qt::ElideRight);
    m_tree->setMinimumWidth(240);
    m_filterEdit = new RegistryFilterEdit(m_filterProxy, m_tree, this);

    // The tree with its filter field above it.
    auto *treePane = new QWidget(this);
    auto *treeLayout = new QVBoxLayout(treePane);
    treeLayout->setContentsMargins(0, 0, 0, 0);
    treeLayout->setSpacing(4);
    treeLayout->addWidget(m_filterEdit);
    treeLayout->addWidget(m_tree, 1);

    // Manifests and configs by digest, on disk: reopening an image costs no request.
    oci::ContentCacheOptions cacheOptions;
    cacheOptions.directory = oci::ContentCacheOptions::defaultDirectory();
    m_contentCache = new oci::ContentCache(cacheOptions, this);

    m_repositoryPage = new RepositoryPage(this);
    m_manifestPanel = new ManifestPanel(this);
    m_manifestPanel->setMinimumHeight(200);
    m_manifestPanel->inspector()->setContentCache(m_contentCache);
    // Layer indexes and blobs for the inspector's Files tab (on disk, evicted by size).
    image::LayerCacheOptions layerOptions;
    layerOptions.directory = image::LayerCacheOptions::defaultDirectory();
    auto *layerCache = new image::LayerCache(layerOptions, this);
    m_layerCache = layerCache;
    m_manifestPanel->inspector()->setLayerCache(layerCache);
    // Images on disk share the layer cache (one blob store per folder).
    m_localImagePage = new LocalImagePage(this);
    m_localImagePage->setObjectName(QStringLiteral("localImagePage"));
    m_localImagePage->setLayerCache(layerCache);

    // The tag table above the inspector: the table wants width for its columns, the
    // inspector height for layers and JSON.
    m_repositorySplitter = new QSplitter(Qt::Vertical, this);
    m_repositorySplitter->setObjectName(QStringLiteral("repositorySplitter"));
    m_repositorySplitter->addWidget(m_repositoryPage);
    m_repositorySplitter->addWidget(m_manifestPanel);
    m_repositorySplitter->setStretchFactor(0, 1);
    m_repositorySplitter->setStretchFactor(1, 1);
    m_repositorySplitter->setChildrenCollapsible(false);
    m_repositorySplitter->setSizes({330, 400});

    m_right = new QStackedWidget(this);
    m_right->setObjectName(QStringLiteral("rightPane"));
    m_right->addWidget(createHintPage());
    m_right->addWidget(m_repositorySplitter);
    m_right->addWidget(m_localImagePage);
    m_right->setMinimumWidth(480);

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->addWidget(treePane);
    m_splitter->addWidget(m_right);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setSizes({300, 900});

    m_central = new QStackedWidget(this);
    m_central->addWidget(createEmptyState());
    m_central->addWidget(m_splitter);
    setCentralWidget(m_central);

    createActions();
    createImageActions();
    createPushParts();
    createOpsActions();
    createDiffActions();
    createMenus();
    statusBar();

    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) { onCurrentChanged(toModel(current)); });
    connect(m_tree, &QTreeView::expanded, this,
            [this](const QModelIndex &index) { onExpanded(toModel(index)); });
    connect(m_tree, &QTreeView::activated, this,
            [this](const QModelIndex &index) { onActivated(toModel(index)); });
    connect(m_tree, &QWidget::customContextMenuRequested, this, &MainWindow::showContextMenu);
    connect(m_model, &RegistryTreeModel::statusMessage, this, [this](const QString &message) {
        statusBar()->showMessage(message, StatusTimeoutMs);
    });
    connect(m_manifestPanel, &ManifestPanel::statusMessage, this, [this](const QString &message) {
        statusBar()->showMessage(message, StatusTimeoutMs);
    });
    connect(m_repositoryPage, &RepositoryPage::statusMessage, this, [this](const QString &message) {
        statusBar()->showMessage(message, StatusTimeoutMs);
    });
    connect(m_repositoryPage, &RepositoryPage::currentTagChanged, this,
            &MainWindow::onCurrentTagChanged);
    connect(m_repositoryPage, &RepositoryPage::referrerActivated, this,
            &MainWindow::onReferrerActivated);
    // The tree shows a repository's tag count once the table has listed it.
    TagTableModel *tags = m_repositoryPage->model();
    connect(tags, &TagTableModel::listingStateChanged, this, [this, tags] {
        if (tags->listingState() == TagTableModel::ListingState::Listed)
            m_model->setTagCount(tags->host(), tags->repository(), tags->rowCount());
    });
    connect(m_model, &QAbstractItemModel::rowsAboutToBeRemoved, this,
            &MainWindow::onTreeRowsAboutToBeRemoved);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &MainWindow::updateCentralPage);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &MainWindow::updateCentralPage);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &MainWindow::updateActions);

    // Adding, editing, signing in, removing, certificate problems, repositories by name.
    m_actions = new RegistryActions(m_model, m_session, this);
    connect(m_actions, &RegistryActions::registryAdded, this, [this](const QModelIndex &index) {
        selectInTree(index);
        expandInTree(index);
    });
    connect(m_actions, &RegistryActions::repositoryAdded, this,
            [this](const QModelIndex &index) { selectInTree(index); });
    connect(m_actions, &RegistryActions::registryListChanged, this, [this] {
        saveRegistryList();
        updateCentralPage();
    });
    connect(m_actions, &RegistryActions::statusMessage, this, [this](const QString &message) {
        statusBar()->showMessage(message, StatusTimeoutMs);
    });
    connect(m_session, &RegistrySession::keychainUnavailable, this,
            [this](const QString &notice) { statusBar()->showMessage(notice, StatusTimeoutMs); });

    const QList<RegistryEntry> entries = m_store.load();
    for (const RegistryEntry &entry : entries) {
        m_session->setRegistry(entry);
        m_model->addRegistry(entry);
    }

    resize(1280, 800);
    showHint(tr("Select a repository to see its tags."));
    restoreState();
    updateCentralPage();
    updateActions();
}

MainWindow::~MainWindow()
{
    // Jobs go before the fetchers, fetchers before their clients, clients before the
    // session's transport. Pushes first (the panel, then the jobs the model owns).
    delete m_jobsDock;
    m_jobsDock = nullptr;
    delete m_jobs;
    m_jobs = nullptr;
    m_manifestPanel->inspector()->clear();
    m_repositoryPage->clear();
    qDeleteAll(m_fetchers);
    m_fetchers.clear();
    m_tree->setModel(nullptr);
    m_filterProxy->setSourceModel(nullptr);
    delete m_model;
    m_model = nullptr;
    delete m_session;
    m_session = nullptr;
}

QModelIndex MainWindow::toView(const QModelIndex &modelIndex) const
{
    return m_filterProxy->mapFromSource(modelIndex);
}

QModelIndex MainWindow::toModel(const QModelIndex &viewIndex) const
{
    return viewIndex.model() == m_filterProxy ? m_filterProxy->mapToSource(viewIndex) : viewIndex;
}

void MainWindow::selectInTree(const QModelIndex &modelIndex)
{
    QModelIndex view = toView(modelIndex);
    if (!view.isValid() && modelIndex.isValid() && m_filterProxy->isFiltering()) {
        m_filterEdit->clear();
        m_filterEdit->applyNow();
        view = toView(modelIndex);
    }
    m_tree->setCurrentIndex(view);
    if (view.isValid())
        m_tree->scrollTo(view);
}

void MainWindow::expandInTree(const QModelIndex &modelIndex)
{
    const QModelIndex view = toView(modelIndex);
    if (view.isValid())
        m_tree->expand(view);
}

QModelIndex MainWindow::currentTreeIndex() const
{
    return toModel(m_tree->currentIndex());
}

oci::ContentFetcher *MainWindow::fetcherFor(oci::RegistryClient *client)
{
    if (!client)
        return nullptr;
    if (oci::ContentFetcher *fetcher = m_fetchers.value(client))
        return fetcher;
    // The client's shared fetcher: whoever else asks for it gets the same single flight.
    oci::ContentFetcher *fetcher = oci::ContentFetcher::shared(client, m_contentCache);
    m_fetchers.insert(client, fetcher);
    // Normally the tree's rows go first (onTreeRowsAboutToBeRemoved); this is the backstop.
    connect(client, &QObject::destroyed, this, [this, client] { detachFrom(client); });
    return fetcher;
}

void MainWindow::detachFrom(oci::RegistryClient *client)
{
    oci::ContentFetcher *fetcher = m_fetchers.take(client);
    if (!fetcher)
        return;
    if (m_repositoryPage->fetcher() == fetcher) {
        m_repositoryPage->clear();
        showHint(tr("Select a repository to see its tags."));
    }
    // The inspector's history may lead back to this registry: it forgets it all.
    m_manifestPanel->inspector()->clear();
    delete fetcher; // a child of the client; the next shared() call makes a new one
}

void MainWindow::onTreeRowsAboutToBeRemoved(const QModelIndex &parent, int first, int last)
{
    // A registry removed, reconnected or reloaded: its rows go before its client does.
    const QString pageHost = m_repositoryPage->host();
    const QString pageRepository = m_repositoryPage->repository();
    for (int row = first; row <= last; ++row) {
        const QModelIndex index = m_model->index(row, 0, parent);
        const Kind kind = kindOf(index);
        const QString host = index.data(ModelRoles::RegistryRole).toString();
        if (kind == Kind::Registry) {
            // Its pushes stop before its client goes (a push never outlives its registry).
            retirePushesTo(host, tr("%1 was removed from the registry list").arg(host));
            detachFrom(m_model->client(index));
            continue;
        }
        if ((kind != Kind::Folder && kind != Kind::Repository) || host != pageHost)
            continue;
        const QString path = index.data(ModelRoles::RepositoryRole).toString();
        if (pageRepository == path || pageRepository.startsWith(QString(path + u'/')))
            detachFrom(m_model->client(index));
    }
}

void MainWindow::createActions()
{
    m_addRegistryAction = new QAction(tr("&Add Registry…"), this);
    m_addRegistryAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_N));
    m_addRegistryAction->setStatusTip(tr("Add a container registry to browse."));
    connect(m_addRegistryAction, &QAction::triggered, this, &MainWindow::showAddRegistryDialog);

    m_removeRegistryAction = new QAction(tr("&Remove Registry"), this);
    m_removeRegistryAction->setStatusTip(tr("Remove the selected registry from the list."));
    connect(m_removeRegistryAction, &QAction::triggered, this,
            [this] { m_actions->removeRegistry(currentTreeIndex()); });

    m_editRegistryAction = new QAction(tr("&Edit Registry…"), this);
    m_editRegistryAction->setStatusTip(
        tr("Change the address, certificate checking or credentials of the selected registry."));
    connect(m_editRegistryAction, &QAction::triggered, this,
            [this] { m_actions->editRegistry(currentTreeIndex()); });

    m_addRepositoryAction = new QAction(tr("Add Re&pository…"), this);
    m_addRepositoryAction->setStatusTip(
        tr("Add a repository by name, for registries that do not list theirs."));
    connect(m_addRepositoryAction, &QAction::triggered, this,
            [this] { m_actions->addRepository(currentTreeIndex()); });

    m_findRepositoryAction = new QAction(tr("&Find Repository"), this);
    m_findRepositoryAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    m_findRepositoryAction->setStatusTip(tr("Filter the registry tree by name."));
    connect(m_findRepositoryAction, &QAction::triggered, this, [this] {
        m_filterEdit->setFocus(Qt::ShortcutFocusReason);
        m_filterEdit->selectAll();
    });

    m_reloadAction = new QAction(tr("Re&load"), this);
    m_reloadAction->setShortcut(QKeySequence::Refresh);
    m_reloadAction->setStatusTip(
        tr("List the selected repository's tags, or the selected registry, again."));
    connect(m_reloadAction, &QAction::triggered, this, [this] {
        if (isRepositoryShown()) {
            // The tag table is what the person looks at: list it again, keep the tree.
            m_repositoryPage->reload();
            return;
        }
        const QModelIndex current = currentTreeIndex();
        QModelIndex target = current;
        while (target.isValid() && !m_model->canReload(target))
            target = target.parent();
        if (target.isValid())
            m_model->reload(target);
    });

    m_quitAction = new QAction(tr("&Quit"), this);
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_aboutAction = new QAction(tr("&About Lading"), this);
    m_aboutAction->setMenuRole(QAction::AboutRole);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::showAbout);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_addRegistryAction);
    file->addAction(m_editRegistryAction);
    file->addAction(m_addRepositoryAction);
    file->addAction(m_removeRegistryAction);
    file->addSeparator();
    file->addAction(m_openImageAction);
    file->addAction(m_openImageFolderAction);
    file->addAction(m_pushImageAction);
    file->addAction(m_compareImagesAction);
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_findRepositoryAction);
    view->addAction(m_reloadAction);
    view->addSeparator();
    view->addAction(m_showJobsAction);
    view->addAction(m_journalAction);

    QMenu *tags = menuBar()->addMenu(tr("&Tags"));
    tags->addAction(m_addTagsAction);
    tags->addAction(m_copyTagsAction);
    tags->addAction(m_deleteTagsAction);
    tags->addAction(m_compareAction);
    tags->addSeparator();
    tags->addAction(m_cleanUpAction);
    tags->addAction(m_deleteAllTagsAction);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(m_aboutAction);
}

QWidget *MainWindow::createEmptyState()
{
    auto *page = new QWidget(this);
    page->setObjectName(QStringLiteral("emptyState"));
    auto *title = new QLabel(tr("No registry yet"), page);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.6);
    titleFont.setBold(true);
    title->setFont(titleFont);
    title->setAlignment(Qt::AlignCenter);

    auto *text = new QLabel(tr("Add a container registry to browse its repositories, tags and "
                               "manifests. Lading remembers the list; passwords are kept only "
                               "until it quits."),
                            page);
    text->setWordWrap(true);
    text->setAlignment(Qt::AlignCenter);
    text->setForegroundRole(QPalette::PlaceholderText);

    auto *button = new QPushButton(tr("Add Registry…"), page);
    button->setObjectName(QStringLiteral("emptyStateAddButton"));
    connect(button, &QPushButton::clicked, this, &MainWindow::showAddRegistryDialog);
    auto *openButton = new QPushButton(tr("Open Image File…"), page);
    openButton->setObjectName(QStringLiteral("emptyStateOpenButton"));
    connect(openButton, &QPushButton::clicked, this, [this] { showOpenImageDialog(false); });
    auto *orText = new QLabel(tr("or look inside an image on disk (docker save, OCI archive or "
                                 "layout): open it, or drop it on this window."),
                              page);
    orText->setWordWrap(true);
    orText->setAlignment(Qt::AlignCenter);
    orText->setForegroundRole(QPalette::PlaceholderText);

    // A centred column of fixed width, so the wrapped text gets the height it needs.
    auto *column = new QWidget(page);
    column->setFixedWidth(480);
    auto *columnLayout = new QVBoxLayout(column);
    columnLayout->setContentsMargins(0, 0, 0, 0);
    columnLayout->addWidget(title);
    columnLayout->addSpacing(8);
    columnLayout->addWidget(text);
    columnLayout->addSpacing(16);
    columnLayout->addWidget(button, 0, Qt::AlignHCenter);
    columnLayout->addSpacing(24);
    columnLayout->addWidget(orText);
    columnLayout->addSpacing(8);
    columnLayout->addWidget(openButton, 0, Qt::AlignHCenter);

    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(column);
    row->addStretch(1);
    auto *layout = new QVBoxLayout(page);
    layout->addStretch(2);
    layout->addLayout(row);
    layout->addStretch(3);
    return page;
}

QWidget *MainWindow::createHintPage()
{
    m_hint = new QLabel(this);
    m_hint->setObjectName(QStringLiteral("hintPage"));
    m_hint->setAlignment(Qt::AlignCenter);
    m_hint->setWordWrap(true);
    m_hint->setTextFormat(Qt::PlainText);
    m_hint->setMargin(32);
    return m_hint;
}

void MainWindow::showHint(const QString &text, bool problem)
{
    m_hint->setText(text);
    m_hint->setForegroundRole(problem ? QPalette::WindowText : QPalette::PlaceholderText);
    m_right->setCurrentWidget(m_hint);
}

QString MainWindow::hintText() const
{
    return m_right->currentWidget() == m_hint ? m_hint->text() : QString();
}

bool MainWindow::isRepositoryShown() const
{
    return m_right->currentWidget() == m_repositorySplitter;
}

// --- registries -------------------------------------------------------------------------

QModelIndex MainWindow::addRegistry(const RegistryEntry &entry, const QString &password)
{
    // As the dialog would: the password for this session only.
    return m_actions->applyNewRegistry(entry, password, false);
}

bool MainWindow::hasRegistries() const
{
    return m_model->rowCount() > 0;
}

void MainWindow::showAddRegistryDialog()
{
    m_actions->addRegistry();
}

void MainWindow::saveRegistryList()
{
    const oci::Result<void> saved = m_store.save(m_model->registries());
    if (!saved) {
        statusBar()->showMessage(
            tr("The registry list could not be saved to %1.").arg(m_store.settingsFile()),
            StatusTimeoutMs);
    }
}

// --- tree -------------------------------------------------------------------------------

void MainWindow::onCurrentChanged(const QModelIndex &current)
{
    updateActions();
    if (!current.isValid()) {
        showHint(tr("Select a repository to see its tags."));
        return;
    }
    switch (kindOf(current)) {
    case Kind::Tag:
        showRepositoryOf(current);
        m_repositoryPage->selectTag(current.data(ModelRoles::TagRole).toString());
        break;
    case Kind::Repository:
        showRepositoryOf(current);
        break;
    case Kind::Registry:
    case Kind::Folder:
        showHint(tr("Expand %1 to browse its repositories, then select one to see its tags.")
                     .arg(current.data(Qt::DisplayRole).toString()));
        break;
    case Kind::Message:
        showHint(current.data(Qt::ToolTipRole).toString(), stateOf(current) == State::Failed);
        break;
    }
}

void MainWindow::showRepositoryOf(const QModelIndex &index)
{
    oci::RegistryClient *client = m_model->client(index);
    const QString host = index.data(ModelRoles::RegistryRole).toString();
    const QString repository = index.data(ModelRoles::RepositoryRole).toString();
    const bool same =
        m_repositoryPage->host() == host && m_repositoryPage->repository() == repository;
    m_repositoryPage->showRepository(fetcherFor(client), host, repository);
    m_right->setCurrentWidget(m_repositorySplitter);
    if (!same || m_repositoryPage->currentTag().isEmpty())
        m_manifestPanel->showHint(tr("Select a tag to inspect it."));
}

void MainWindow::onCurrentTagChanged(const QString &tag)
{
    oci::ContentFetcher *fetcher = m_repositoryPage->fetcher();
    if (tag.isEmpty() || !fetcher) {
        m_manifestPanel->showHint(tr("Select a tag to inspect it."));
        return;
    }
    m_manifestPanel->showTag(fetcher, m_repositoryPage->host(), m_repositoryPage->repository(),
                             tag);
}

void MainWindow::onReferrerActivated(const QString &digest)
{
    oci::ContentFetcher *fetcher = m_repositoryPage->fetcher();
    if (digest.isEmpty() || !fetcher)
        return;
    const auto reference = oci::Reference::parse(
        QString(m_repositoryPage->host() + u'/' + m_repositoryPage->repository() + u'@' + digest));
    if (reference)
        m_manifestPanel->showReference(fetcher, *reference);
}

void MainWindow::onExpanded(const QModelIndex &index)
{
    // Expanding again after a failure is the quickest way to retry.
    if (m_model->canRetry(index) && stateOf(index) == State::Failed)
        m_model->retry(index);
    else if (m_model->canFetchMore(index))
        m_model->fetchMore(index);
}

void MainWindow::onActivated(const QModelIndex &index)
{
    // A certificate problem or a registry without a catalog opens its dialog.
    if (m_actions->activate(index))
        return;
    if (kindOf(index) == Kind::Message && stateOf(index) == State::Failed)
        m_model->retry(index);
}

void MainWindow::showContextMenu(const QPoint &position)
{
    const QModelIndex index = toModel(m_tree->indexAt(position));
    if (!index.isValid())
        return;
    const Kind kind = kindOf(index);
    QMenu menu(this);
    if (m_model->canRetry(index)) {
        menu.addAction(tr("&Retry"), this, [this, index] { m_model->retry(index); });
    } else if (m_model->canReload(index) && (kind == Kind::Registry || kind == Kind::Repository)) {
        menu.addAction(tr("Re&load"), this, [this, index] { m_model->reload(index); });
    }
    if (kind == Kind::Tag || kind == Kind::Repository) {
        menu.addAction(tr("&Copy Reference"), this, [this, index] { copyReference(index); });
    }
    if (kind == Kind::Repository || kind == Kind::Registry) {
        const QPersistentModelIndex target(index);
        menu.addAction(tr("&Push Image File…"), this, [this, target] { choosePushSource(target); });
    }
    addRepositoryMenuActions(&menu, index);
    m_actions->addContextMenuActions(&menu, index);
    if (!menu.isEmpty())
        menu.exec(m_tree->viewport()->mapToGlobal(position));
}

void MainWindow::copyReference(const QModelIndex &index)
{
    const QString reference = index.data(ModelRoles::ReferenceRole).toString();
    if (reference.isEmpty())
        return;
    QApplication::clipboard()->setText(reference);
    statusBar()->showMessage(tr("Copied %1 to the clipboard.").arg(reference), StatusTimeoutMs);
}

void MainWindow::updateActions()
{
    const QModelIndex current = currentTreeIndex();
    const bool registry = m_model->registryOf(current).isValid();
    m_removeRegistryAction->setEnabled(registry);
    m_editRegistryAction->setEnabled(registry);
    m_addRepositoryAction->setEnabled(m_actions && m_actions->canAddRepository(current));
    QModelIndex target = current;
    while (target.isValid() && !m_model->canReload(target))
        target = target.parent();
    m_reloadAction->setEnabled(target.isValid() || isRepositoryShown());
    updateOpsActions();
}

void MainWindow::updateCentralPage()
{
    // An image file open needs the right side, registries or not.
    m_central->setCurrentIndex(hasRegistries() || isLocalImageShown() ? 1 : 0);
    updateActions();
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Lading"),
                       tr("<h3>Lading %1</h3>"
                          "<p>A native desktop browser for container registries: browse "
                          "repositories and tags and inspect manifests.</p>"
                          "<p>A bill of lading is a ship's cargo manifest.</p>")
                           .arg(QApplication::applicationVersion()));
}

// --- state ------------------------------------------------------------------------------

void MainWindow::restoreState()
{
    QSettings settings(m_settingsFile, QSettings::IniFormat);
    settings.beginGroup(QStringLiteral("mainWindow"));
    const QByteArray geometry = settings.value(QStringLiteral("geometry")).toByteArray();
    if (!geometry.isEmpty())
        restoreGeometry(geometry);
    const QByteArray splitter = settings.value(QStringLiteral("splitter")).toByteArray();
    if (!splitter.isEmpty())
        m_splitter->restoreState(splitter);
    const QByteArray repositorySplitter =
        settings.value(QStringLiteral("repositorySplitter")).toByteArray();
    if (!repositorySplitter.isEmpty())
        m_repositorySplitter->restoreState(repositorySplitter);
    m_repositoryPage->restoreHeaderState(
        settings.value(QStringLiteral("tagTableHeader")).toByteArray());
    settings.endGroup();
}

void MainWindow::saveState() const
{
    QSettings settings(m_settingsFile, QSettings::IniFormat);
    settings.beginGroup(QStringLiteral("mainWindow"));
    settings.setValue(QStringLiteral("geometry"), saveGeometry());
    settings.setValue(QStringLiteral("splitter"), m_splitter->saveState());
    settings.setValue(QStringLiteral("repositorySplitter"), m_repositorySplitter->saveState());
    settings.setValue(QStringLiteral("tagTableHeader"), m_repositoryPage->saveHeaderState());
    settings.endGroup();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveState();
    QMainWindow::closeEvent(event);
}
