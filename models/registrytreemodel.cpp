// RegistryTreeModel: the index structure and the registries. Lazy loading is in
// registrytreeloading.cpp, row insertion and removal in registrytreerows.cpp, data() in
// registrytreedata.cpp.

#include "registrytreemodel.h"

#include "registrytreenode_p.h"
#include "repositoryname.h"

#include "oci/client/registryclient.h"
#include "oci/transport/transport.h"

#include <QAbstractProxyModel>

using Kind = ModelRoles::NodeKind;
using State = ModelRoles::NodeState;
using Node = RegistryTreeNode;

RegistryTreeModel::RegistryTreeModel(ClientFactory clientFactory, QObject *parent)
    : QAbstractItemModel(parent)
    , m_clientFactory(std::move(clientFactory))
    , m_root(std::make_unique<Node>(Kind::Folder, QString()))
{
    m_root->state = State::Loaded;
}

RegistryTreeModel::~RegistryTreeModel() = default;

// --- structure --------------------------------------------------------------------------

QModelIndex RegistryTreeModel::ownIndex(const QModelIndex &index) const
{
    QModelIndex current = index;
    while (current.isValid() && current.model() != this) {
        const auto *proxy = qobject_cast<const QAbstractProxyModel *>(current.model());
        if (!proxy)
            return {};
        current = proxy->mapToSource(current);
    }
    return current;
}

Node *RegistryTreeModel::nodeFor(const QModelIndex &index) const
{
    if (!index.isValid())
        return m_root.get();
    const QModelIndex own = ownIndex(index);
    return own.isValid() ? static_cast<Node *>(own.internalPointer()) : m_root.get();
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
    names.insert(RegistryTreeRoles::TagCountRole, QByteArrayLiteral("tagCount"));
    names.insert(RegistryTreeRoles::ConnectionRole, QByteArrayLiteral("connection"));
    names.insert(RegistryTreeRoles::AddedByNameRole, QByteArrayLiteral("addedByName"));
    names.insert(RegistryTreeRoles::ErrorDetailRole, QByteArrayLiteral("errorDetail"));
    return names;
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
    Q_EMIT registryEntryChanged(registryRow);
}

// --- repositories added by name -----------------------------------------------------------

oci::Result<QModelIndex> RegistryTreeModel::addRepository(const QModelIndex &index,
                                                          const QString &name)
{
    const QModelIndex registryRow = registryOf(index);
    if (!registryRow.isValid())
        return oci::Error(oci::Error::Code::InvalidArgument, QStringLiteral("no registry"));
    Node *registry = nodeFor(registryRow);
    const oci::Result<QString> normalised = RepositoryName::normalise(registry->name, name);
    if (!normalised)
        return normalised.error();
    const QString repository = *normalised;

    if (!registry->entry.repositories.contains(repository)) {
        registry->entry.repositories.append(repository);
        Q_EMIT registryEntryChanged(registryRow);
    }
    // A registry that was never opened is opened now; its named repositories go in with it.
    if (registry->state == State::NotLoaded)
        startLoading(registry, MessageTiming::Now);
    addRepositories(registry, {repository}, NameSource::ByName);
    if (registry->message && registry->state == State::Loaded && registry->listedCount > 0)
        clearMessage(registry); // "This registry has no repositories." is no longer true
    return repositoryIndex(registry->name, repository);
}

void RegistryTreeModel::forgetRepository(const QModelIndex &repository)
{
    Node *node = nodeFor(repository);
    if (node == m_root.get() || node->kind != Kind::Repository || !node->addedByName)
        return;
    Node *registry = node->registry();
    registry->entry.repositories.removeAll(node->path);
    node->addedByName = false;
    const QModelIndex registryRow = indexFor(registry);

    if (node->listedByCatalog) {
        nodeChanged(node);
    } else if (!node->namespaceChildren.isEmpty()) {
        // Deeper repositories stay; this level is only a folder again.
        node->cancelJob();
        clearTags(node);
        node->kind = Kind::Folder;
        node->state = State::Loaded;
        node->tagCount = -1;
        node->error = oci::Error();
        node->errorText.clear();
        nodeChanged(node);
    } else {
        // The row goes, and so do folders that only held it.
        Node *parent = node->parent;
        removeChild(parent, node->row);
        while (parent != registry && parent->kind == Kind::Folder && parent->children.empty()) {
            Node *above = parent->parent;
            removeChild(above, parent->row);
            parent = above;
        }
        if (registry->state == State::Loaded && registry->children.empty() && !registry->message)
            setMessage(registry, tr("This registry has no repositories."), QString());
    }
    Q_EMIT registryEntryChanged(registryRow);
}

void RegistryTreeModel::setTagCount(const QString &host, const QString &repository, int count)
{
    Node *node = nodeFor(repositoryIndex(host, repository));
    if (node == m_root.get() || node->kind != Kind::Repository || node->tagCount == count)
        return;
    node->tagCount = count;
    nodeChanged(node);
}
