#pragma once

#include <QObject>

// Roles of RegistryTreeModel beyond ModelRoles (roles.h, which it answers too). They start
// above the other families (inspector +64, tag table +128) so no view or proxy confuses them.
class RegistryTreeRoles
{
    Q_GADGET

public:
    enum Role {
        TagCountRole = Qt::UserRole + 192, // int: tags of a repository, -1 until known
        ConnectionRole,                    // Connection of the row's registry
        AddedByNameRole, // bool: a repository the person added by name (remembered)
        ErrorDetailRole, // QString: the core's technical message of the last failure (for a
                         // TLS failure it names the certificate, its issuer and the reason)
    };
    Q_ENUM(Role)

    // How Lading talks to a registry; anything but Verified and CustomCa gets a badge.
    enum class Connection {
        Verified,  // https, system trust store
        CustomCa,  // https, verified against the registry's own CA file
        Insecure,  // https without certificate verification
        PlainHttp, // no TLS at all
    };
    Q_ENUM(Connection)
};
