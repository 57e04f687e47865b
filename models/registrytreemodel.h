#pragma once

#include "registryliststore.h"
#include "registrytreeroles.h"
#include "roles.h"

#include "oci/core/result.h"

#include <QAbstractItemModel>

#include <functional>
#include <memory>
#include <vector>

namespace oci {
class Error;
class RegistryClient;
} // namespace oci

class RegistryTreeNode;

// Registries -> namespace folders -> repositories -> tags, loaded lazily in the KDirModel
// manner: canFetchMore() is "not populated and not loading", fetchMore() marks the node
// loading before it fires the request, and rows are inserted as catalog pages arrive.
// A repository name such as "org/team/service" is shown as org > team > service; a name
// can be a folder and a repository at once ("team" and "team/app"). Loading, errors and
// empty listings appear as one message row under the node, and through StateRole/ErrorRole
// on the node itself. Registries that list no catalog show the repositories the person
// added by name (RegistryEntry::repositories); repositories show their tag count once known.
//
// The methods below take indexes of this model or of proxies stacked on it (a filter in
// front of a view); the indexes they return are this model's.
class RegistryTreeModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RegistryTreeModel)

public:
    // Makes the client for one registry (transport, credentials). The model owns it.
    using ClientFactory =
        std::function<std::unique_ptr<oci::RegistryClient>(const RegistryEntry &)>;

    explicit RegistryTreeModel(ClientFactory clientFactory, QObject *parent = nullptr);
    ~RegistryTreeModel() override;

    // Adds a registry as the last top-level row (or finds it when its host is already there).
    QModelIndex addRegistry(const RegistryEntry &entry);
    // Removes the registry `index` belongs to, cancelling everything it was loading.
    void removeRegistry(const QModelIndex &index);
    QList<RegistryEntry> registries() const;
    QModelIndex registryIndex(const QString &host) const;
    // The registry row an index belongs to.
    QModelIndex registryOf(const QModelIndex &index) const;
    // A repository (or folder) row by its full name, if it has been listed.
    QModelIndex repositoryIndex(const QString &host, const QString &repository) const;
    // A tag row, if its repository's tags have been listed.
    QModelIndex tagIndex(const QString &host, const QString &repository, const QString &tag) const;

    // The client of the registry `index` belongs to, nullptr for an invalid index.
    oci::RegistryClient *client(const QModelIndex &index) const;
    // Makes a new client for the registry (after its credentials changed) and reloads it.
    void reconnect(const QModelIndex &index);
    // Changes what is remembered about a registry (not its host) and reconnects.
    void setRegistryEntry(const QModelIndex &index, const RegistryEntry &entry);
    // Loads a failed node again (the node itself or the message row under it).
    void retry(const QModelIndex &index);
    // Forgets what a registry or repository listed and loads it again.
    void reload(const QModelIndex &index);
    // Whether the node can be retried (it failed) or reloaded (it was loaded).
    bool canRetry(const QModelIndex &index) const;
    bool canReload(const QModelIndex &index) const;
    // Names asked for per catalog request (1..1000, default 1000).
    void setCatalogPageSize(int pageSize);

    // Adds a repository by name to the registry `index` belongs to ("debian" on docker.io is
    // "library/debian"), remembers it in the registry's entry and shows it (loading the
    // registry if it was not). The repository's row, or InvalidArgument for a bad name.
    oci::Result<QModelIndex> addRepository(const QModelIndex &index, const QString &name);
    // Forgets a repository added by name; its row goes unless the catalog listed it too.
    void forgetRepository(const QModelIndex &repository);
    // A repository's tag count learnt elsewhere (a tag table listed it).
    void setTagCount(const QString &host, const QString &repository, int count);

    // QAbstractItemModel
    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    // A node's lazy listing ended: loaded, failed or unsupported (see StateRole).
    void loadingFinished(const QModelIndex &index);
    // One sentence for a status bar about what the model did.
    void statusMessage(const QString &message);
    // What is remembered about a registry changed (repositories added or forgotten, entry
    // set): time to save the registry list.
    void registryEntryChanged(const QModelIndex &registry);

private:
    // `index` mapped down through proxies to this model (invalid if it is not on top of it).
    QModelIndex ownIndex(const QModelIndex &index) const;
    RegistryTreeNode *nodeFor(const QModelIndex &index) const;
    QModelIndex indexFor(const RegistryTreeNode *node) const;
    RegistryTreeNode *loadableNode(const QModelIndex &index) const;

    enum class MessageTiming { Now, Deferred };
    void startLoading(RegistryTreeNode *node, MessageTiming timing);
    void startCatalog(RegistryTreeNode *registry);
    enum class NameSource { Catalog, ByName };
    void addRepositories(RegistryTreeNode *registry, const QStringList &names, NameSource source);
    void addTags(RegistryTreeNode *repository, const QStringList &tags);
    void finishLoading(RegistryTreeNode *node);
    void failLoading(RegistryTreeNode *node, const oci::Error &error, int operation);
    void insertSubtrees(RegistryTreeNode *parent,
                        std::vector<std::unique_ptr<RegistryTreeNode>> nodes);
    void insertChildren(RegistryTreeNode *parent,
                        std::vector<std::unique_ptr<RegistryTreeNode>> nodes);
    void setMessage(RegistryTreeNode *parent, const QString &text, const QString &toolTip);
    void clearMessage(RegistryTreeNode *parent);
    void clearChildren(RegistryTreeNode *parent);
    void clearTags(RegistryTreeNode *parent);
    void removeChild(RegistryTreeNode *parent, int row);
    void nodeChanged(RegistryTreeNode *node);

    ClientFactory m_clientFactory;
    std::unique_ptr<RegistryTreeNode> m_root;
    int m_catalogPageSize = 1000;
};
