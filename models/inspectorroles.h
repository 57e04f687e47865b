#pragma once

#include <qnamespace.h>

// Data roles of the inspector's table models (layers, history, platforms). They start well
// above ModelRoles (roles.h) so a view or proxy never confuses the two families.
struct InspectorRoles
{
    enum Role {
        DigestRole = Qt::UserRole + 64, // QString: full digest of the row's object
        MediaTypeRole,                  // QString: the row's media type, as written
        SizeRole,                       // qint64: bytes as stored (compressed for layers)
        LayerRole,                      // int: 0-based layer the row is or made; -1 for none
        HistoryRole,                    // int: 0-based history entry of the row; -1 for none
        AttestationRole,                // bool: an attestation entry of an index
        SortRole,                       // the column's value for sorting (numbers, dates)
    };
};
