#pragma once

#include <qnamespace.h>

// Data roles of the compare window's models (config changes, history, layers, files). They
// start above the other families (roles.h, inspectorroles.h, fileroles.h, the operations'
// models) so a view or proxy never confuses them. Not every model answers every role.
struct DiffRoles
{
    enum Role {
        SortRole = Qt::UserRole + 320, // the column's sort key (numbers for sizes and deltas)
        KindRole,          // int: DiffCells::Kind of the row (Same, Added, Removed, Changed)
        DiffersRole,       // bool: the row shows a difference
        // Config changes
        ConfigFieldRole,   // int: image::ConfigField
        KeyRole,           // QString: the variable, label, port or volume; empty otherwise
        // History
        HistoryIndexARole, // int: 0-based entry of A's history, -1 when none
        HistoryIndexBRole, // int: the same in B's
        CollapsedCountRole, // int: equal rows a "n unchanged steps" row stands for; 0 otherwise
        // Layers
        LayerRowRole,      // int: LayerAlignmentModel::RowKind
        LayerARole,        // int: 0-based layer of A the row shows, -1 when none
        LayerBRole,        // int: the same in B
        DigestARole,       // QString: the full digest of A's layer
        DigestBRole,
        RecompressedRole,  // bool: the same tar stored as another blob (same diff ID)
        MovedRole,         // bool: the layer is in both images at other positions
        GroupRole,         // bool: a row of shared layers folded together (its children)
        // Files
        ChangeIndexRole,   // int: index into FileDiffModel::diff().entries; -1 for a folder
                           // shown only because changes lie below it
        PathRole,          // QString: the full path for people (escaped)
        RawPathRole,       // QByteArray: the cleaned raw path
        FlagsRole,         // int: image::FileChangeFlags of a Changed path
        IsDirectoryRole,   // bool
        HasContentRole,    // bool: a regular file with bytes on at least one side
        DeltaRole,         // qint64: size change; folders: the net change of the files below
    };
};
