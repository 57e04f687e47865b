#include "registrytreemodel.h"

#include "errortext.h"
#include "naturalsort.h"
#include "registrytreenode_p.h"

#include "oci/client/registryclient.h"

#include <QSet>
#include <QTimer>

#include <algorithm>
#include <map>

using Kind = ModelRoles::NodeKind;
using State = ModelRoles::NodeState;
using Node = RegistryTreeNode;

namespace {

// Namespaces (folders and repositories) come before tags, each in natural order.
bool childLess(const NaturalLess &less, const Node &a, const Node &b)
{
    const bool aTag = a.kind == Kind::Tag;
    const bool bTag = b.kind == Kind::Tag;
    if (aTag != bTag)
        return !aTag;
    return less(a.name, b.name);
}

void sortSubtree(const NaturalLess &less, Node *node)
{
    std::sort(node->children.begin(), node->children.end(),
              [&](const auto &a, const auto &b) { return childLess(less, *a, *b); });
    node->renumber();
    for (const auto &child : node->children)
        sortSubtree(less, child.get());
}

QString tagReference(const QString &host, const Node *tag)
{
    return host + QLatin1Char('/') + tag->path + QLatin1Char(':') + tag->name;
}

QString joinPath(const Node *parent, const QString &segment)
{
    return parent->kind == Kind::Registry ? segment : parent->path + QLatin1Char('/') + segment;
}

} // namespace

RegistryTreeModel::RegistryTreeModel(ClientFactory clientFactory, QObject *parent)
    : QAbstractItemModel(parent)
    , m_clientFactory(std::move(clientFactory))
    , m_root(std::make_unique<Node>(Kind::Folder, QString()))
{
    m_root->state = State::Loaded;
}

RegistryTreeModel::~RegistryTreeModel() = default;

// --- structure --------------------------------------------------------------------------

Node *RegistryTreeModel::nodeFor(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : m_root.get();
}

QModelIndex RegistryTreeModel::indexFor(const Node *node) const
{
    if (!node || node == m_root.get())
        return {};
    return createIndex(node->row, 0, const_cast<Node *>(node));
}

QModelIndex RegistryTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column != 0 || (parent.isValid() && parent.column() != 0))
        return {};
    Node *child = nodeFor(parent)->childAt(row);
    return child ? createIndex(row, column, child) : QModelIndex();
}

QModelIndex RegistryTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    return indexFor(nodeFor(child)->parent);
}

int RegistryTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return 0;
    return nodeFor(parent)->rowCount();
}

int RegistryTreeModel::columnCount(const QModelIndex &parent) const
{
    Q_UNUSED(parent)
    return 1;
}

bool RegistryTreeModel::hasChildren(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return false;
    const Node *node = nodeFor(parent);
    switch (node->kind) {
    case Kind::Registry:
    case Kind::Repository:
        return true; // unknown until listed; a listed node always shows at least a message
    case Kind::Folder:
        return node->rowCount() > 0;
    case Kind::Tag:
    case Kind::Message:
        return false;
    }
    return false;
}

Qt::ItemFlags RegistryTreeModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    const Node *node = nodeFor(index);
    switch (node->kind) {
    case Kind::Message:
        return Qt::ItemIsEnabled | Qt::ItemNeverHasChildren;
    case Kind::Tag:
        return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
    default:
        return Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    }
}

QVariant RegistryTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (section == 0 && orientation == Qt::Horizontal && role == Qt::DisplayRole)
        return tr("Registries");
    return {};
}

QHash<int, QByteArray> RegistryTreeModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractItemModel::roleNames();
    names.insert(ModelRoles::NodeKindRole, QByteArrayLiteral("nodeKind"));
    names.insert(ModelRoles::StateRole, QByteArrayLiteral("state"));
    names.insert(ModelRoles::ErrorRole, QByteArrayLiteral("error"));
    names.insert(ModelRoles::ErrorCodeRole, QByteArrayLiteral("errorCode"));
    names.insert(ModelRoles::ReferenceRole, QByteArrayLiteral("reference"));
    names.insert(ModelRoles::RegistryRole, QByteArrayLiteral("registry"));
    names.insert(ModelRoles::RepositoryRole, QByteArrayLiteral("repository"));
    names.insert(ModelRoles::TagRole, QByteArrayLiteral("tag"));
    names.insert(ModelRoles::SearchTextRole, QByteArrayLiteral("searchText"));
    names.insert(ModelRoles::SortRole, QByteArrayLiteral("sortKey"));
    return names;
}

// --- data -------------------------------------------------------------------------------

namespace {

QString registryToolTip(const Node *node)
{
    const oci::RegistryConfig &config = node->entry.config;
    QStringList lines{node->name};
    if (config.plainHttp)
        lines << RegistryTreeModel::tr("Plain HTTP: the connection is not encrypted.");
    else if (config.insecureSkipTlsVerify)
        lines << RegistryTreeModel::tr("HTTPS without certificate verification.");
    else
        lines << RegistryTreeModel::tr("HTTPS.");
    if (!node->entry.username.isEmpty())
        lines << RegistryTreeModel::tr("Signed in as %1.").arg(node->entry.username);
    if (!node->errorText.isEmpty())
        lines << node->errorText;
    return lines.join(QLatin1Char('\n'));
}

} // namespace

QVariant RegistryTreeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Node *node = nodeFor(index);
    const Node *registry = node->registry();
    const QString host = registry ? registry->name : QString();
    // A message row speaks for the node it sits under.
    const Node *owner = node->kind == Kind::Message ? node->parent : node;

    switch (role) {
    case Qt::DisplayRole:
        return node->name;
    case Qt::ToolTipRole:
        switch (node->kind) {
        case Kind::Registry:
            return registryToolTip(node);
        case Kind::Folder:
            return tr("Namespace %1").arg(node->path);
        case Kind::Repository:
            return node->errorText.isEmpty()
                       ? node->path
                       : QString(node->path + QLatin1Char('\n') + node->errorText);
        case Kind::Tag:
            return tagReference(host, node);
        case Kind::Message:
            return node->toolTip.isEmpty() ? node->name : node->toolTip;
        }
        return {};
    case ModelRoles::NodeKindRole:
        return QVariant::fromValue(node->kind);
    case ModelRoles::StateRole:
        return QVariant::fromValue(owner->isLoadable() ? owner->state : State::Loaded);
    case ModelRoles::ErrorRole:
        return owner->errorText;
    case ModelRoles::ErrorCodeRole:
        return int(owner->error.code());
    case ModelRoles::ReferenceRole:
        switch (node->kind) {
        case Kind::Registry:
            return host;
        case Kind::Folder:
        case Kind::Repository:
            return QString(host + QLatin1Char('/') + node->path);
        case Kind::Tag:
            return tagReference(host, node);
        case Kind::Message:
            return QString();
        }
        return {};
    case ModelRoles::RegistryRole:
        return host;
    case ModelRoles::RepositoryRole:
        return node->kind == Kind::Registry || node->kind == Kind::Message ? QString() : node->path;
    case ModelRoles::TagRole:
        return node->kind == Kind::Tag ? node->name : QString();
    case ModelRoles::SearchTextRole:
        switch (node->kind) {
        case Kind::Registry:
            return host;
        case Kind::Folder:
        case Kind::Repository:
            return node->path;
        case Kind::Tag:
            return QString(node->path + QLatin1Char(':') + node->name);
        case Kind::Message:
            return QString();
        }
        return {};
    case ModelRoles::SortRole:
        return node->name;
    default:
        return {};
    }
}

// --- registries -------------------------------------------------------------------------

QModelIndex RegistryTreeModel::addRegistry(const RegistryEntry &entry)
{
    if (const QModelIndex existing = registryIndex(entry.config.host); existing.isValid())
        return existing;
    auto node = std::make_unique<Node>(Kind::Registry, entry.config.host);
    node->entry = entry;
    node->client = m_clientFactory(entry);
    const int row = m_root->rowCount();
    beginInsertRows({}, row, row);
    Node *raw = m_root->adopt(std::move(node));
    endInsertRows();
    return indexFor(raw);
}

void RegistryTreeModel::removeRegistry(const QModelIndex &index)
{
    Node *registry = nodeFor(registryOf(index));
    if (!registry || registry == m_root.get())
        return;
    const int row = registry->row;
    beginRemoveRows({}, row, row);
    std::unique_ptr<Node> removed = std::move(m_root->children[size_t(row)]);
    m_root->children.erase(m_root->children.begin() + row);
    m_root->namespaceChildren.remove(removed->name);
    m_root->renumber(size_t(row));
    endRemoveRows();
    // `removed` goes here: its jobs are cancelled before its client is deleted.
}

QList<RegistryEntry> RegistryTreeModel::registries() const
{
    QList<RegistryEntry> entries;
    for (const auto &child : m_root->children)
        entries.append(child->entry);
    return entries;
}

QModelIndex RegistryTreeModel::registryIndex(const QString &host) const
{
    return indexFor(m_root->namespaceChild(host));
}

QModelIndex RegistryTreeModel::registryOf(const QModelIndex &index) const
{
    if (!index.isValid())
        return {};
    return indexFor(nodeFor(index)->registry());
}

QModelIndex RegistryTreeModel::repositoryIndex(const QString &host, const QString &repository) const
{
    Node *node = m_root->namespaceChild(host);
    const QStringList segments = repository.split(QLatin1Char('/'));
    for (const QString &segment : segments) {
        if (!node)
            return {};
        node = node->namespaceChild(segment);
    }
    return indexFor(node);
}

QModelIndex RegistryTreeModel::tagIndex(const QString &host, const QString &repository,
                                        const QString &tag) const
{
    const QModelIndex repositoryRow = repositoryIndex(host, repository);
    if (!repositoryRow.isValid())
        return {};
    return indexFor(nodeFor(repositoryRow)->tagChild(tag));
}

oci::RegistryClient *RegistryTreeModel::client(const QModelIndex &index) const
{
    const QModelIndex registry = registryOf(index);
    return registry.isValid() ? nodeFor(registry)->client.get() : nullptr;
}

void RegistryTreeModel::reconnect(const QModelIndex &index)
{
    const QModelIndex registryRow = registryOf(index);
    if (!registryRow.isValid())
        return;
    Node *registry = nodeFor(registryRow);
    registry->cancelJob();
    clearChildren(registry);
    registry->client = m_clientFactory(registry->entry);
    registry->state = State::NotLoaded;
    startLoading(registry, MessageTiming::Now);
}

void RegistryTreeModel::setRegistryEntry(const QModelIndex &index, const RegistryEntry &entry)
{
    const QModelIndex registryRow = registryOf(index);
    if (!registryRow.isValid())
        return;
    Node *registry = nodeFor(registryRow);
    registry->entry = entry;
    registry->entry.config.host = registry->name;
    nodeChanged(registry);
    reconnect(registryRow);
}

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
    oci::CatalogJob *job = registry->client->catalog(m_catalogPageSize);
    job->setParent(this);
    registry->job = job;
    connect(job, &oci::CatalogJob::pageReceived, this,
            [this, registry](const QStringList &names) { addRepositories(registry, names); });
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

void RegistryTreeModel::addRepositories(Node *registry, const QStringList &names)
{
    // New subtrees are built off the model and inserted with one signal per existing parent.
    struct Pending
    {
        std::vector<std::unique_ptr<Node>> nodes;
        QHash<QString, Node *> byName;
    };
    std::map<Node *, Pending> pending;
    QList<Node *> pendingOrder;

    for (const QString &name : names) {
        const QStringList segments = name.split(QLatin1Char('/'));
        if (segments.contains(QString()))
            continue; // not a repository name; the registry sent garbage
        Node *node = registry;
        bool inModel = true;
        bool isNew = false;
        for (qsizetype i = 0; i < segments.size(); ++i) {
            const QString &segment = segments.at(i);
            const bool last = i == segments.size() - 1;
            Node *child = node->namespaceChild(segment);
            if (!child && inModel) {
                auto it = pending.find(node);
                if (it != pending.end())
                    child = it->second.byName.value(segment);
                if (child)
                    inModel = false;
            } else if (child && inModel) {
                // Existing row; it may become a repository now ("team" after "team/app").
                if (last && child->kind == Kind::Folder) {
                    child->kind = Kind::Repository;
                    child->state = State::NotLoaded;
                    isNew = true;
                    nodeChanged(child);
                }
            }
            if (!child) {
                auto created =
                    std::make_unique<Node>(last ? Kind::Repository : Kind::Folder, segment);
                created->path = joinPath(node, segment);
                created->state = last ? State::NotLoaded : State::Loaded;
                child = created.get();
                if (inModel) {
                    created->parent = node;
                    Pending &bucket = pending[node];
                    if (bucket.nodes.empty())
                        pendingOrder.append(node);
                    bucket.byName.insert(segment, child);
                    bucket.nodes.push_back(std::move(created));
                } else {
                    node->adopt(std::move(created));
                }
                inModel = false;
                isNew = last;
            } else if (last && child->kind == Kind::Folder) {
                child->kind = Kind::Repository; // not in the model yet: no signal needed
                child->state = State::NotLoaded;
                isNew = true;
            }
            node = child;
        }
        if (isNew)
            ++registry->listedCount;
    }

    const NaturalLess less;
    for (Node *parent : std::as_const(pendingOrder)) {
        std::vector<std::unique_ptr<Node>> nodes = std::move(pending[parent].nodes);
        for (const auto &node : nodes)
            sortSubtree(less, node.get());
        insertChildren(parent, std::move(nodes));
    }
}

void RegistryTreeModel::addTags(Node *repository, const QStringList &tags)
{
    std::vector<std::unique_ptr<Node>> nodes;
    QSet<QString> seen;
    for (const QString &tag : tags) {
        if (tag.isEmpty() || repository->tagChild(tag) || seen.contains(tag))
            continue;
        seen.insert(tag);
        auto node = std::make_unique<Node>(Kind::Tag, tag);
        node->path = repository->path;
        node->state = State::Loaded;
        nodes.push_back(std::move(node));
    }
    repository->listedCount += int(nodes.size());
    insertChildren(repository, std::move(nodes));
}

void RegistryTreeModel::insertChildren(Node *parent, std::vector<std::unique_ptr<Node>> nodes)
{
    if (nodes.empty())
        return;
    const NaturalLess less;
    const auto lessThan = [&](const auto &a, const auto &b) {
        return childLess(less, *a, *b);
    };
    std::sort(nodes.begin(), nodes.end(), lessThan);

    // Runs of new nodes that land at the same place go in with one beginInsertRows.
    const QModelIndex parentIndex = indexFor(parent);
    size_t next = 0;
    while (next < nodes.size()) {
        const auto at = std::lower_bound(parent->children.begin(), parent->children.end(),
                                         nodes[next], lessThan);
        const size_t position = size_t(at - parent->children.begin());
        size_t end = next + 1;
        if (position == parent->children.size()) {
            end = nodes.size();
        } else {
            while (end < nodes.size() && lessThan(nodes[end], parent->children[position]))
                ++end;
        }
        const size_t count = end - next;
        beginInsertRows(parentIndex, int(position), int(position + count - 1));
        for (size_t i = next; i < end; ++i) {
            Node *raw = nodes[i].get();
            raw->parent = parent;
            if (raw->kind == Kind::Tag)
                parent->tagChildren.insert(raw->name, raw);
            else
                parent->namespaceChildren.insert(raw->name, raw);
        }
        parent->children.insert(parent->children.begin() + qsizetype(position),
                                std::make_move_iterator(nodes.begin() + qsizetype(next)),
                                std::make_move_iterator(nodes.begin() + qsizetype(end)));
        parent->renumber(position);
        endInsertRows();
        next = end;
    }
}

// --- rows of their own --------------------------------------------------------------------

void RegistryTreeModel::setMessage(Node *parent, const QString &text, const QString &toolTip)
{
    if (parent->message) {
        parent->message->name = text;
        parent->message->toolTip = toolTip;
        const QModelIndex index = indexFor(parent->message.get());
        Q_EMIT dataChanged(index, index);
        return;
    }
    auto message = std::make_unique<Node>(Kind::Message, text);
    message->toolTip = toolTip;
    message->parent = parent;
    message->row = int(parent->children.size());
    beginInsertRows(indexFor(parent), message->row, message->row);
    parent->message = std::move(message);
    endInsertRows();
}

void RegistryTreeModel::clearMessage(Node *parent)
{
    if (!parent->message)
        return;
    const int row = parent->message->row;
    beginRemoveRows(indexFor(parent), row, row);
    std::unique_ptr<Node> removed = std::move(parent->message);
    endRemoveRows();
}

void RegistryTreeModel::clearChildren(Node *parent)
{
    const int rows = parent->rowCount();
    if (rows == 0)
        return;
    beginRemoveRows(indexFor(parent), 0, rows - 1);
    std::vector<std::unique_ptr<Node>> removed = std::move(parent->children);
    std::unique_ptr<Node> removedMessage = std::move(parent->message);
    parent->children.clear();
    parent->namespaceChildren.clear();
    parent->tagChildren.clear();
    endRemoveRows();
}

void RegistryTreeModel::clearTags(Node *parent)
{
    const auto firstTag = std::find_if(parent->children.begin(), parent->children.end(),
                                       [](const auto &child) { return child->kind == Kind::Tag; });
    const int first = int(firstTag - parent->children.begin());
    const int rows = parent->rowCount();
    if (first == rows)
        return;
    beginRemoveRows(indexFor(parent), first, rows - 1);
    std::vector<std::unique_ptr<Node>> removed;
    removed.insert(removed.end(), std::make_move_iterator(firstTag),
                   std::make_move_iterator(parent->children.end()));
    parent->children.erase(firstTag, parent->children.end());
    std::unique_ptr<Node> removedMessage = std::move(parent->message);
    parent->tagChildren.clear();
    endRemoveRows();
}

void RegistryTreeModel::nodeChanged(Node *node)
{
    const QModelIndex index = indexFor(node);
    if (index.isValid())
        Q_EMIT dataChanged(index, index);
}
