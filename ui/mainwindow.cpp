#include "mainwindow.h"

#include "addregistrydialog.h"
#include "ladingresources.h"
#include "manifestpanel.h"
#include "registrysession.h"
#include "registrytreedelegate.h"
#include "registrytreemodel.h"
#include "roles.h"
#include "signindialog.h"

#include "oci/client/registryclient.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
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

constexpr int kStatusTimeoutMs = 8000;

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

    m_tree = new QTreeView(this);
    m_tree->setObjectName(QStringLiteral("registryTree"));
    m_tree->setModel(m_model);
    m_tree->setItemDelegate(new RegistryTreeDelegate(m_tree));
    m_tree->setHeaderHidden(true);
    m_tree->setUniformRowHeights(true);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    m_tree->setTextElideMode(Qt::ElideRight);
    m_tree->setMinimumWidth(240);

    m_manifestPanel = new ManifestPanel(this);
    m_manifestPanel->setMinimumWidth(360);

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->addWidget(m_tree);
    m_splitter->addWidget(m_manifestPanel);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setSizes({380, 820});

    m_central = new QStackedWidget(this);
    m_central->addWidget(createEmptyState());
    m_central->addWidget(m_splitter);
    setCentralWidget(m_central);

    createActions();
    createMenus();
    statusBar();

    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) { onCurrentChanged(current); });
    connect(m_tree, &QTreeView::expanded, this, &MainWindow::onExpanded);
    connect(m_tree, &QTreeView::activated, this, &MainWindow::onActivated);
    connect(m_tree, &QWidget::customContextMenuRequested, this, &MainWindow::showContextMenu);
    connect(m_model, &RegistryTreeModel::statusMessage, this, [this](const QString &message) {
        statusBar()->showMessage(message, kStatusTimeoutMs);
    });
    connect(m_manifestPanel, &ManifestPanel::statusMessage, this, [this](const QString &message) {
        statusBar()->showMessage(message, kStatusTimeoutMs);
    });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &MainWindow::updateCentralPage);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &MainWindow::updateCentralPage);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &MainWindow::updateActions);

    const QList<RegistryEntry> entries = m_store.load();
    for (const RegistryEntry &entry : entries)
        m_model->addRegistry(entry);

    resize(1200, 760);
    restoreState();
    updateCentralPage();
    updateActions();
}

MainWindow::~MainWindow()
{
    // Jobs and clients use the session's transport: they go first, the session last.
    m_manifestPanel->showHint(QString());
    m_tree->setModel(nullptr);
    delete m_model;
    m_model = nullptr;
    delete m_session;
    m_session = nullptr;
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
            [this] { removeRegistry(m_tree->currentIndex()); });

    m_reloadAction = new QAction(tr("Re&load"), this);
    m_reloadAction->setShortcut(QKeySequence::Refresh);
    m_reloadAction->setStatusTip(tr("List the selected registry or repository again."));
    connect(m_reloadAction, &QAction::triggered, this, [this] {
        const QModelIndex current = m_tree->currentIndex();
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
    file->addAction(m_removeRegistryAction);
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_reloadAction);

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

// --- registries -------------------------------------------------------------------------

QModelIndex MainWindow::addRegistry(const RegistryEntry &entry, const QString &password)
{
    if (!password.isEmpty())
        m_session->setPassword(entry.config.host, entry.username, password);
    const QModelIndex index = m_model->addRegistry(entry);
    saveRegistryList();
    updateCentralPage();
    return index;
}

bool MainWindow::hasRegistries() const
{
    return m_model->rowCount() > 0;
}

void MainWindow::showAddRegistryDialog()
{
    QStringList hosts;
    const QList<RegistryEntry> entries = m_model->registries();
    for (const RegistryEntry &entry : entries)
        hosts.append(entry.config.host);
    AddRegistryDialog dialog(hosts, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QModelIndex index = addRegistry(dialog.entry(), dialog.password());
    m_tree->setCurrentIndex(index);
    m_tree->expand(index);
    statusBar()->showMessage(tr("Added %1.").arg(dialog.entry().config.host), kStatusTimeoutMs);
}

void MainWindow::removeRegistry(const QModelIndex &index)
{
    const QModelIndex registry = m_model->registryOf(index);
    if (!registry.isValid())
        return;
    const QString host = registry.data(ModelRoles::RegistryRole).toString();
    const auto answer = QMessageBox::question(
        this, tr("Remove Registry"),
        tr("Remove %1 from the list? Nothing is deleted on the registry itself.").arg(host),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Yes)
        return;
    m_model->removeRegistry(registry);
    m_session->forget(host);
    saveRegistryList();
    statusBar()->showMessage(tr("Removed %1.").arg(host), kStatusTimeoutMs);
}

void MainWindow::signIn(const QModelIndex &index)
{
    const QModelIndex registry = m_model->registryOf(index);
    if (!registry.isValid())
        return;
    const QString host = registry.data(ModelRoles::RegistryRole).toString();
    RegistryEntry entry;
    const QList<RegistryEntry> entries = m_model->registries();
    for (const RegistryEntry &candidate : entries) {
        if (candidate.config.host == host)
            entry = candidate;
    }
    SignInDialog dialog(host, entry.username, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    entry.username = dialog.username();
    m_session->setPassword(host, entry.username, dialog.password());
    m_model->setRegistryEntry(registry, entry);
    saveRegistryList();
    m_tree->expand(registry);
}

void MainWindow::saveRegistryList()
{
    const oci::Result<void> saved = m_store.save(m_model->registries());
    if (!saved) {
        statusBar()->showMessage(
            tr("The registry list could not be saved to %1.").arg(m_store.settingsFile()),
            kStatusTimeoutMs);
    }
}

// --- tree -------------------------------------------------------------------------------

void MainWindow::onCurrentChanged(const QModelIndex &current)
{
    updateActions();
    if (!current.isValid()) {
        m_manifestPanel->showHint(tr("Select a tag to see its manifest."));
        return;
    }
    switch (kindOf(current)) {
    case Kind::Tag:
        m_manifestPanel->showTag(m_model->client(current),
                                 current.data(ModelRoles::RegistryRole).toString(),
                                 current.data(ModelRoles::RepositoryRole).toString(),
                                 current.data(ModelRoles::TagRole).toString());
        break;
    case Kind::Repository:
        m_manifestPanel->showHint(
            tr("Expand %1 to list its tags, then select a tag to see its manifest.")
                .arg(current.data(ModelRoles::RepositoryRole).toString()));
        break;
    case Kind::Registry:
    case Kind::Folder:
        m_manifestPanel->showHint(tr("Expand %1 to browse its repositories.")
                                      .arg(current.data(Qt::DisplayRole).toString()));
        break;
    case Kind::Message:
        m_manifestPanel->showHint(current.data(Qt::ToolTipRole).toString(),
                                  stateOf(current) == State::Failed
                                      ? ManifestPanel::HintKind::Problem
                                      : ManifestPanel::HintKind::Hint);
        break;
    }
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
    if (kindOf(index) == Kind::Message && stateOf(index) == State::Failed)
        m_model->retry(index);
}

void MainWindow::showContextMenu(const QPoint &position)
{
    const QModelIndex index = m_tree->indexAt(position);
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
    if (kind == Kind::Registry) {
        if (!menu.isEmpty())
            menu.addSeparator();
        menu.addAction(tr("&Sign In…"), this, [this, index] { signIn(index); });
        menu.addAction(tr("Re&move Registry"), this, [this, index] { removeRegistry(index); });
    }
    if (!menu.isEmpty())
        menu.exec(m_tree->viewport()->mapToGlobal(position));
}

void MainWindow::copyReference(const QModelIndex &index)
{
    const QString reference = index.data(ModelRoles::ReferenceRole).toString();
    if (reference.isEmpty())
        return;
    QApplication::clipboard()->setText(reference);
    statusBar()->showMessage(tr("Copied %1 to the clipboard.").arg(reference), kStatusTimeoutMs);
}

void MainWindow::updateActions()
{
    const QModelIndex current = m_tree->currentIndex();
    m_removeRegistryAction->setEnabled(m_model->registryOf(current).isValid());
    QModelIndex target = current;
    while (target.isValid() && !m_model->canReload(target))
        target = target.parent();
    m_reloadAction->setEnabled(target.isValid());
}

void MainWindow::updateCentralPage()
{
    m_central->setCurrentIndex(hasRegistries() ? 1 : 0);
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
    settings.endGroup();
}

void MainWindow::saveState() const
{
    QSettings settings(m_settingsFile, QSettings::IniFormat);
    settings.beginGroup(QStringLiteral("mainWindow"));
    settings.setValue(QStringLiteral("geometry"), saveGeometry());
    settings.setValue(QStringLiteral("splitter"), m_splitter->saveState());
    settings.endGroup();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveState();
    QMainWindow::closeEvent(event);
}
