#pragma once

#include "image/fs/mergedfilesystem.h"
#include "image/layer/layerentry.h"

#include <QCoreApplication>
#include <QString>
#include <QVariant>

namespace image {
class LayerIndex;
}

// How the file models write an entry's cells, the same way in the layer tree, the merged
// tree and `ladingctl files`: `ls -l` modes, owner names or ids, change markers in words.
class FileCells
{
    Q_DECLARE_TR_FUNCTIONS(FileCells)

public:
    // "drwxr-xr-x", "-rwsr-xr-x", "lrwxrwxrwx"; markers read "w---------"/"o---------".
    static QString modeText(image::EntryType type, quint32 mode);
    // "root:root", "1000:1000" when the tar gave no names.
    static QString ownerText(const image::LayerIndex &index, const image::LayerEntry &entry);
    // "File", "Directory", "Symlink", …, "Whiteout", "Opaque directory".
    static QString typeName(image::EntryType type);
    // "Added", "Modified", "Unchanged", "Removed", "Opaque", "No effect"; empty for None.
    static QString changeName(image::Change change);
    // The colour of a change marker (added green, modified amber, removed red, opaque
    // violet); mid-tones that read on light and dark palettes. Invalid for the rest.
    static QVariant changeColor(image::Change change);
    // A colour-free hint for each change, for tooltips.
    static QString changeToolTip(image::Change change);
    // "→ target" for symlinks, "⇒ target" for hardlinks (the column shows the target only).
    static QString linkText(const image::LayerIndex &index, int entry);
    // Right-aligned size text; empty for markers and zero-size non-files.
    static QVariant sizeCell(qint64 bytes, bool show, int role);
};
