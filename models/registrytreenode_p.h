#pragma once

// Private to RegistryTreeModel: the node tree behind its indexes (KDirModel-style).

#include "registryliststore.h"
#include "roles.h"

#include "oci/client/job.h"
#include "oci/core/error.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>

#include <memory>
#include <vector>

namespace oci {
class RegistryClient;
}

class RegistryTreeNode final
{
    Q_DISABLE_COPY_MOVE(RegistryTreeNode)

public:
    using Kind = ModelRoles::NodeKind;
    using State = ModelRoles::NodeState;

    RegistryTreeNode(Kind kind, QString name);
    ~RegistryTreeNode();

    int rowCount() const { return int(children.size()) + (message ? 1 : 0); }
    RegistryTreeNode *childAt(int row) const;
    RegistryTreeNode *registry();
    const RegistryTreeNode *registry() const;
    bool isLoadable() const { return kind == Kind::Registry || kind == Kind::Repository; }

    // Takes `child` as the last child without telling anyone: only for subtrees that are
    // not in the model yet.
    RegistryTreeNode *adopt(std::unique_ptr<RegistryTreeNode> child);
    RegistryTreeNode *namespaceChild(const QString &segment) const
    {
        return namespaceChildren.value(segment);
    }
    RegistryTreeNode *tagChild(const QString &tag) const { return tagChildren.value(tag); }
    void renumber(size_t from = 0);
    // Cancels and deletes the running job, if any (no signal arrives afterwards).
    void cancelJob();

    Kind kind;
    QString name;    // host, namespace segment, tag or message text
    QString path;    // full repository (or folder) name; for tags, their repository's
    QString toolTip; // message rows only
    RegistryTreeNode *parent = nullptr;
    int row = 0;

    std::vector<std::unique_ptr<RegistryTreeNode>> children; // sorted: namespaces, then tags
    std::unique_ptr<RegistryTreeNode> message;               // shown after the children
    QHash<QString, RegistryTreeNode *> namespaceChildren;
    QHash<QString, RegistryTreeNode *> tagChildren;

    // The lazy listing below this node (catalog for registries, tags for repositories).
    State state = State::NotLoaded;
    oci::Error error;
    QString errorText; // translated: what failed, why, what to do
    QPointer<oci::Job> job;
    int listedCount = 0;
    int tagCount = -1; // repositories: tags once known (listed here or told by a tag table)

    // Folders and repositories: where the name came from. A repository added by name and
    // not (yet) listed by the catalog goes away when the person forgets it.
    bool listedByCatalog = false;
    bool addedByName = false;
    // Context for deferred work on this node: deleted with it, so nothing runs late.
    std::unique_ptr<QObject> guard;

    // Registries only.
    RegistryEntry entry;
    std::unique_ptr<oci::RegistryClient> client;
};
