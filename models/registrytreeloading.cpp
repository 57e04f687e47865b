// RegistryTreeModel's lazy loading: fetchMore, retry and reload, the ping, catalog and tag
// jobs, and how a listing ends (loaded, failed, unsupported).

#include "registrytreemodel.h"

#include "errortext.h"
#include "registrytreenode_p.h"

#include "oci/client/registryclient.h"

#include <QTimer>

#include <algorithm>

using Kind = ModelRoles::NodeKind;
using State = ModelRoles::NodeState;
using Node = RegistryTreeNode;

// --- lazy loading -----------------------------------------------------------------------

Node *RegistryTreeModel::loadableNode(const QModelIndex &index) const
{
    if (!index.isValid())
        return nullptr;
    Node *node = nodeFor(index);
    if (node->kind == Kind::Message)
        node = node->parent;
    return node && node->isLoadable() ? node : nullptr;
}

bool RegistryTreeModel::canFetchMore(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return false;
    const Node *node = nodeFor(parent);
    return node->isLoadable() && node->state == State::NotLoaded;
}

void RegistryTreeModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    // Called from views and testers in the middle of their own signal handling: no rows
    // are inserted from here, the "Loading…" row follows on the next event loop pass.
    startLoading(nodeFor(parent), MessageTiming::Deferred);
}

bool RegistryTreeModel::canRetry(const QModelIndex &index) const
{
    const Node *node = loadableNode(index);
    return node && (node->state == State::Failed || node->state == State::Unsupported);
}

bool RegistryTreeModel::canReload(const QModelIndex &index) const
{
    const Node *node = loadableNode(index);
    return node && node->state != State::NotLoaded;
}

void RegistryTreeModel::retry(const QModelIndex &index)
{
    Node *node = loadableNode(index);
    if (!node || node->state == State::Loading)
        return;
    // What was listed before the failure stays; listing again only adds what is missing.
    clearMessage(node);
    startLoading(node, MessageTiming::Now);
}

void RegistryTreeModel::reload(const QModelIndex &index)
{
    Node *node = loadableNode(index);
    if (!node)
        return;
    node->cancelJob();
    // A repository's deeper names come from the catalog: only its tags are listed again.
    if (node->kind == Kind::Registry)
        clearChildren(node);
    else
        clearTags(node);
    startLoading(node, MessageTiming::Now);
}

void RegistryTreeModel::startLoading(Node *node, MessageTiming timing)
{
    // Marked before the request goes out, so canFetchMore() is false from here on.
    node->state = State::Loading;
    node->error = oci::Error();
    node->errorText.clear();
    node->listedCount = 0;
    Node *registry = node->registry();
    oci::RegistryClient *client = registry->client.get();

    const bool registryNode = node->kind == Kind::Registry;
    const QString text = registryNode ? tr("Connecting…") : tr("Loading tags…");
    const QString toolTip = registryNode ? tr("Connecting to %1.").arg(node->name)
                                         : tr("Listing the tags of %1.").arg(node->path);
    if (timing == MessageTiming::Now) {
        setMessage(node, text, toolTip);
    } else {
        if (!node->guard)
            node->guard = std::make_unique<QObject>();
        QTimer::singleShot(0, node->guard.get(), [this, node, text, toolTip] {
            if (node->state == State::Loading && !node->message)
                setMessage(node, text, toolTip);
        });
    }
    nodeChanged(node);

    if (registryNode) {
        oci::PingJob *job = client->ping();
        job->setParent(this);
        node->job = job;
        connect(job, &oci::Job::finished, this, [this, node, job] {
            node->job = nullptr;
            job->deleteLater();
            if (job->succeeded())
                startCatalog(node);
            else
                failLoading(node, job->error(), int(ErrorText::Operation::Connect));
        });
        return;
    }

    oci::TagListJob *job = client->tags(node->path);
    job->setParent(this);
    node->job = job;
    connect(job, &oci::TagListJob::pageReceived, this,
            [this, node](const QStringList &tags) { addTags(node, tags); });
    connect(job, &oci::Job::finished, this, [this, node, job] {
        node->job = nullptr;
        job->deleteLater();
        if (job->succeeded())
            finishLoading(node);
        else
            failLoading(node, job->error(), int(ErrorText::Operation::ListTags));
    });
}

void RegistryTreeModel::startCatalog(Node *registry)
{
    setMessage(registry, tr("Loading repositories…"),
               tr("Listing the repositories of %1.").arg(registry->name));
    // Repositories added by name show at once, whatever the catalog says.
    if (!registry->entry.repositories.isEmpty())
        addRepositories(registry, registry->entry.repositories, NameSource::ByName);
    oci::CatalogJob *job = registry->client->catalog(m_catalogPageSize);
    job->setParent(this);
    registry->job = job;
    connect(job, &oci::CatalogJob::pageReceived, this, [this, registry](const QStringList &names) {
        addRepositories(registry, names, NameSource::Catalog);
    });
    connect(job, &oci::Job::finished, this, [this, registry, job] {
        registry->job = nullptr;
        job->deleteLater();
        if (job->succeeded())
            finishLoading(registry);
        else
            failLoading(registry, job->error(), int(ErrorText::Operation::ListRepositories));
    });
}

void RegistryTreeModel::setCatalogPageSize(int pageSize)
{
    m_catalogPageSize = std::clamp(pageSize, 1, 1000);
}

void RegistryTreeModel::finishLoading(Node *node)
{
    node->state = State::Loaded;
    clearMessage(node);
    const bool registry = node->kind == Kind::Registry;
    if (!registry)
        node->tagCount = int(node->tagChildren.size());
    if (node->listedCount == 0) {
        setMessage(node,
                   registry ? tr("This registry has no repositories.")
                            : tr("This repository has no tags."),
                   QString());
    }
    nodeChanged(node);
    Q_EMIT statusMessage(registry ? tr("Listed the repositories of %1.").arg(node->name)
                                  : tr("Listed the tags of %1.").arg(node->path));
    Q_EMIT loadingFinished(indexFor(node));
}

void RegistryTreeModel::failLoading(Node *node, const oci::Error &error, int operation)
{
    const auto op = ErrorText::Operation(operation);
    const Node *registry = node->registry();
    const bool credentialsGiven = !registry->entry.username.isEmpty();
    node->error = error;
    if (op == ErrorText::Operation::ListRepositories && ErrorText::meansNoCatalog(error)) {
        node->state = State::Unsupported;
        node->errorText = ErrorText::noCatalog(registry->name, error, credentialsGiven);
        setMessage(node, node->errorText, node->errorText);
    } else {
        node->state = State::Failed;
        const QString subject = node->kind == Kind::Registry ? node->name : node->path;
        node->errorText = ErrorText::describe(op, subject, error, credentialsGiven);
        setMessage(node, ErrorText::summary(error, credentialsGiven), node->errorText);
    }
    nodeChanged(node);
    Q_EMIT statusMessage(node->errorText);
    Q_EMIT loadingFinished(indexFor(node));
}
