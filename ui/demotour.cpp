#include "demotour.h"

#include "mainwindow.h"
#include "manifestpanel.h"
#include "registrytreemodel.h"
#include "roles.h"

#include <QTreeView>

using Kind = ModelRoles::NodeKind;
using State = ModelRoles::NodeState;

namespace {

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

DemoTour::DemoTour(MainWindow *window, QString host, QObject *parent)
    : QObject(parent), m_window(window), m_host(std::move(host))
{
}

void DemoTour::start()
{
    RegistryTreeModel *model = m_window->model();
    connect(model, &RegistryTreeModel::loadingFinished, this, &DemoTour::onLoadingFinished);
    connect(m_window->manifestPanel(), &ManifestPanel::manifestShown, this, [this] {
        if (!m_done) {
            m_done = true;
            Q_EMIT arrived();
        }
    });

    const QModelIndex registry = model->registryIndex(m_host);
    if (!registry.isValid()) {
        Q_EMIT failed(tr("%1 is not in the registry list.").arg(m_host));
        return;
    }
    m_window->tree()->setCurrentIndex(registry);
    m_window->tree()->expand(registry);
    if (model->data(registry, ModelRoles::StateRole).value<State>() == State::Loaded)
        openRepository();
}

void DemoTour::onLoadingFinished(const QModelIndex &index)
{
    if (m_done || !m_window)
        return;
    const State state = index.data(ModelRoles::StateRole).value<State>();
    const Kind kind = kindOf(index);
    if (kind == Kind::Registry && index.data(ModelRoles::RegistryRole).toString() == m_host) {
        if (state != State::Loaded) {
            Q_EMIT failed(index.data(ModelRoles::ErrorRole).toString());
            return;
        }
        openRepository();
    } else if (kind == Kind::Repository &&
               index.data(ModelRoles::RepositoryRole).toString() == m_repository) {
        if (state != State::Loaded) {
            Q_EMIT failed(index.data(ModelRoles::ErrorRole).toString());
            return;
        }
        selectTag(index);
    }
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
    // A nested name shows the folders; among those, the deepest, first in order.
    QModelIndex chosen = repositories.constFirst();
    int bestDepth = 0;
    for (const QModelIndex &candidate : std::as_const(repositories)) {
        const int depth =
            int(candidate.data(ModelRoles::RepositoryRole).toString().count(QLatin1Char('/')));
        if (depth > bestDepth) {
            bestDepth = depth;
            chosen = candidate;
        }
    }
    m_repository = chosen.data(ModelRoles::RepositoryRole).toString();
    // Open folders show the shape of the registry; they cost no requests.
    for (const QModelIndex &folder : std::as_const(folders))
        m_window->tree()->expand(folder);
    for (QModelIndex ancestor = chosen.parent(); ancestor.isValid(); ancestor = ancestor.parent())
        m_window->tree()->expand(ancestor);
    m_window->tree()->expand(chosen);
    if (chosen.data(ModelRoles::StateRole).value<State>() == State::Loaded)
        selectTag(chosen);
}

void DemoTour::selectTag(const QModelIndex &repository)
{
    const QAbstractItemModel *model = repository.model();
    QModelIndex chosen;
    for (int row = 0; row < model->rowCount(repository); ++row) {
        const QModelIndex child = model->index(row, 0, repository);
        if (kindOf(child) != Kind::Tag)
            continue;
        const QString tag = child.data(ModelRoles::TagRole).toString();
        if (tag == u"latest") {
            chosen = child;
            break;
        }
        chosen = child; // otherwise the last, usually the newest version
    }
    if (!chosen.isValid()) {
        Q_EMIT failed(tr("%1 has no tags.").arg(m_repository));
        return;
    }
    m_window->tree()->setCurrentIndex(chosen);
    m_window->tree()->scrollTo(chosen);
}
