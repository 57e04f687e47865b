#pragma once

#include <QObject>

// The data roles of Lading's models: one enum from Qt::UserRole, shared by every model
// family so views, delegates and proxies can ask any of them the same way.
class ModelRoles
{
    Q_GADGET

public:
    enum Role {
        NodeKindRole = Qt::UserRole, // NodeKind
        StateRole,                   // NodeState of the node's own children (catalog, tags)
        ErrorRole,      // QString: translated, what failed and what to do; empty if none
        ErrorCodeRole,  // int: oci::Error::Code of the last failure (0 = none)
        ReferenceRole,  // QString: "host/repository:tag" for tags, "host/repository" for
                        // repositories
        RegistryRole,   // QString: registry host[:port]
        RepositoryRole, // QString: full repository name ("org/team/service")
        TagRole,        // QString: tag name
        SearchTextRole, // QString: what a filter matches against
        SortRole,       // QString: natural-sort key
    };
    Q_ENUM(Role)

    enum class NodeKind {
        Registry,
        Folder,     // a namespace level that is not a repository itself
        Repository, // a repository (may also hold deeper namespace levels)
        Tag,
        Message, // "Loading…", an error or "nothing here" under its parent
    };
    Q_ENUM(NodeKind)

    enum class NodeState {
        NotLoaded,
        Loading,
        Loaded,
        Failed,
        Unsupported, // the registry does not offer this listing (no catalog); retrying will not
                     // help
    };
    Q_ENUM(NodeState)
};
