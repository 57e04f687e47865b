#include "demotour.h"

#include "filespage.h"
#include "imagefilesloader.h"
#include "mergedtreemodel.h"
#include "inspectorcontent.h"
#include "inspectorwidget.h"
#include "localimagepage.h"
#include "mainwindow.h"
#include "manifestpanel.h"
#include "registrytreemodel.h"
#include "repositorypage.h"
#include "roles.h"
#include "tagtablemodel.h"

#include <QAbstractProxyModel>
#include <QSplitter>
#include <QTimer>
#include <QTreeView>

using Kind = ModelRoles::NodeKind;
using State = ModelRoles::NodeState;

namespace {

// The demo registry's showcases: in demo/hello "1.1" and "latest" share a digest;
// demo/toolbox has layers that add, overwrite and delete files.
QString preferredRepository(DemoTour::Destination destination)
{
    return destination == DemoTour::Destination::Files ? QStringLiteral("demo/toolbox")
                                                        : QStringLiteral("demo/hello");
}

Kind kindOf(const QModelIndex &index)
{
    return index.data(ModelRoles::NodeKindRole).value<Kind>();
}

// Every repository below `parent`, depth first; folders are added to `folders`.
void collectRepositories(const QAbstractItemModel *model, const QModelIndex &parent,
                         QList<QModelIndex> *out, QList<QModelIndex> *folders)
{
    for (int row = 0; row < model->rowCount(parent); ++row) {
        const QModelIndex child = model->index(row, 0, parent);
        const Kind kind = kindOf(child);
        if (kind == Kind::Repository)
            out->append(child);
        if (kind == Kind::Folder)
            folders->append(child);
        if (kind == Kind::Repository || kind == Kind::Folder)
            collectRepositories(model, child, out, folders);
    }
}

} // namespace

DemoTour::DemoTour(MainWindow *window, QString host, Destination destination, QObject *parent)
    : QObject(parent), m_window(window), m_host(std::move(host)), m_destination(destination)
{
}

InspectorWidget *DemoTour::inspector() const
{
    return m_destination == Destination::LocalFiles ? m_window->localImagePage()->inspector()
                                                    : m_window->manifestPanel()->inspector();
}

void DemoTour::start()
{
    if (m_destination == Destination::LocalFiles) {
        LocalImagePage *page = m_window->localImagePage();
        if (!page->isOpening() && !page->hasImage()) {
            Q_EMIT failed(tr("no image file is being opened."));
            return;
        }
        if (page->hasImage()) {
            openFiles();
            return;
        }
        connect(page, &LocalImagePage::opened, this, &DemoTour::openFiles);
        connect(page, &LocalImagePage::failed, this, [this](const QString &path, const QString &why) {
            Q_EMIT failed(tr("%1 cannot be opened: %2").arg(path, why));
        });
        return;
    }
    RegistryTreeModel *model = m_window->model();
    connect(model, &RegistryTreeModel::loadingFinished, this, &DemoTour::onLoadingFinished);
    connect(m_window->manifestPanel(), &ManifestPanel::manifestShown, this, [this] {
        m_manifestShown = m_tagChosen;
        checkArrived();
    });
    TagTableModel *tags = m_window->repositoryPage()->model();
    connect(tags, &TagTableModel::listingStateChanged, this, &DemoTour::onTagsListed);
    connect(tags, &TagTableModel::detailsFinished, this, &DemoTour::checkArrived);

    const QModelIndex registry = model->registryIndex(m_host);
    if (!registry.isValid()) {
        Q_EMIT failed(tr("%1 is not in the registry list.").arg(m_host));
        return;
    }
    m_window->selectInTree(registry);
    m_window->expandInTree(registry);
    if (model->data(registry, ModelRoles::StateRole).value<State>() == State::Loaded)
        openRepository();
}

void DemoTour::onLoadingFinished(const QModelIndex &index)
{
    if (m_done || !m_window || !m_repository.isEmpty())
        return;
    if (kindOf(index) != Kind::Registry ||
        index.data(ModelRoles::RegistryRole).toString() != m_host)
        return;
    if (index.data(ModelRoles::StateRole).value<State>() != State::Loaded) {
        Q_EMIT failed(index.data(ModelRoles::ErrorRole).toString());
        return;
    }
    openRepository();
}

void DemoTour::openRepository()
{
    RegistryTreeModel *model = m_window->model();
    QList<QModelIndex> repositories;
    QList<QModelIndex> folders;
    collectRepositories(model, model->registryIndex(m_host), &repositories, &folders);
    if (repositories.isEmpty()) {
        Q_EMIT failed(tr("%1 has no repositories.").arg(m_host));
        return;
    }
    // The showcase when it is there; else a nested name, which shows the folders.
    QModelIndex chosen = repositories.constFirst();
    int bestDepth = -1;
    for (const QModelIndex &candidate : std::as_const(repositories)) {
        const QString name = candidate.data(ModelRoles::RepositoryRole).toString();
        if (name == preferredRepository(m_destination)) {
            chosen = candidate;
            break;
        }
        const int depth = int(name.count(QLatin1Char('/')));
        if (depth > bestDepth) {
            bestDepth = depth;
            chosen = candidate;
        }
    }
    m_repository = chosen.data(ModelRoles::RepositoryRole).toString();
    // Open folders show the shape of the registry; they cost no requests.
    for (const QModelIndex &folder : std::as_const(folders))
        m_window->expandInTree(folder);
    m_window->selectInTree(chosen);
    onTagsListed();
}

void DemoTour::onTagsListed()
{
    if (m_done || m_tagChosen || !m_window || m_repository.isEmpty())
        return;
    RepositoryPage *page = m_window->repositoryPage();
    TagTableModel *tags = page->model();
    if (tags->repository() != m_repository)
        return;
    switch (tags->listingState()) {
    case TagTableModel::ListingState::Listed:
        break;
    case TagTableModel::ListingState::Failed:
        Q_EMIT failed(tags->listingError());
        return;
    case TagTableModel::ListingState::Empty:
    case TagTableModel::ListingState::Listing:
        return;
    }
    if (tags->rowCount() == 0) {
        Q_EMIT failed(tr("%1 has no tags.").arg(m_repository));
        return;
    }
    // "latest" when there is one, else the last in natural order (usually the newest).
    QString chosen =
        tags->rowOfTag(QStringLiteral("latest")) >= 0 ? QStringLiteral("latest") : QString();
    if (chosen.isEmpty()) {
        int last = 0;
        for (int row = 1; row < tags->rowCount(); ++row) {
            if (tags->compareNames(row, last) > 0)
                last = row;
        }
        chosen = tags->tagAt(last);
    }
    m_tagChosen = true;
    page->selectTag(chosen);
}

void DemoTour::checkArrived()
{
    if (m_done || !m_window || !m_manifestShown)
        return;
    if (m_window->repositoryPage()->model()->isLoadingDetails())
        return;
    if (m_destination == Destination::Files) {
        openFiles();
        return;
    }
    m_done = true;
    Q_EMIT arrived();
}

void DemoTour::openFiles()
{
    if (m_done)
        return;
    InspectorContent *content = inspector()->content();
    if (!content->hasTab(InspectorContent::Files)) {
        Q_EMIT failed(tr("%1 has no Files tab: it is not an image.").arg(inspector()->referenceText()));
        return;
    }
    m_done = true;
    // The inspector gets most of the height: the toolbox has one tag.
    if (auto *splitter = m_window->findChild<QSplitter *>(QStringLiteral("repositorySplitter")))
        splitter->setSizes({120, 10000});
    FilesPage *files = content->filesPage();
    content->setCurrentTab(InspectorContent::Files);
    files->setMode(FilesPage::Mode::Merged);
    ImageFilesLoader *loader = files->loader();
    if (loader->hasImageResult()) {
        showAFile();
        return;
    }
    connect(loader, &ImageFilesLoader::imageResultReady, this, &DemoTour::showAFile,
            Qt::SingleShotConnection);
}

void DemoTour::showAFile()
{
    // The file the clean-up layer rewrote, in the preview, its folders open. The merged
    // model may still be swapping in the tree: wait for it (the run's timeout bounds this).
    constexpr QByteArrayView path = "opt/app/config.json";
    FilesPage *files = inspector()->content()->filesPage();
    if (files->loader()->filesystem().find(path) < 0) { // another registry's image
        Q_EMIT arrived();
        return;
    }
    const QModelIndex source = files->mergedModel()->indexForPath(path);
    auto *proxy = qobject_cast<QAbstractProxyModel *>(files->fileView()->model());
    const QModelIndex shown = proxy ? proxy->mapFromSource(source) : source;
    if (!shown.isValid()) {
        QTimer::singleShot(100, this, &DemoTour::showAFile);
        return;
    }
    QTreeView *view = files->fileView();
    for (QModelIndex parent = shown.parent(); parent.isValid(); parent = parent.parent())
        view->expand(parent);
    view->setCurrentIndex(shown);
    view->scrollTo(shown);
    Q_EMIT arrived();
}
