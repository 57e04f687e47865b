#pragma once

#include <qnamespace.h>

// Data roles of the file models (a layer's files, the merged tree, wasted space, the layer
// list of the Files page). They start above InspectorRoles so views and proxies never mix
// the families up.
struct FileRoles
{
    enum Role {
        PathRole = Qt::UserRole + 128, // QString: the full path for people (escaped)
        RawPathRole,                   // QByteArray: the cleaned raw path (root = empty)
        LayerRole,          // int: the layer that wrote the row (merged: the last writer)
        EntryRole,          // int: the entry in that layer's index; -1 for implied directories
        OrdinalRole,        // int: the entry's ordinal in the tar (for reading it back)
        ContentLayerRole,   // int: the layer holding the bytes (hardlinks resolved); -1 if none
        ContentOrdinalRole, // int: the ordinal of the entry holding the bytes; -1 if none
        SizeRole,           // qint64: content bytes; directories: the bytes below them
        TypeRole,           // int: image::EntryType
        ChangeRole,         // int: image::Change relative to the layers below
        IsDirectoryRole,    // bool
        SortRole,           // the column's value for sorting (sizes as numbers)
        SearchTextRole,     // QString: what the path/glob filter matches (the full path)
        DigestRole,         // QString: the layer blob's digest
        NodeRole,           // int: the merged tree's node (MergedFilesystem::node); -1 elsewhere
    };
};
