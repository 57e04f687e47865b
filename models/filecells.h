#pragma once

#include <QCoreApplication>
#include <QString>
#include <QVariant>

namespace image {
enum class EntryType : quint8;
enum class Change : quint8;
class LayerIndex;
struct LayerEntry;
} // namespace image

// How the file models write an entry's cells, the same way in the layer tree and the merged
// tree: `ls -l` modes, owner names or ids, change markers in words and colour. The *Cell()
// functions answer every role a column has (display, FileRoles::SortRole, tooltip, …) and
// an invalid QVariant for the rest, so a model calls one function per column.
class FileCells
{
    Q_DECLARE_TR_FUNCTIONS(FileCells)

public:
    // The columns the file models share; each model lists its own in its order.
    enum class Column { Name, Layer, Change, Size, Mode, Owner, Target };
    static QVariant header(Column column, Qt::Orientation orientation, int role);

    // An entry is `entry` of `index`; no index (or entry -1) for a directory that no entry
    // declares (a parent of deeper paths).
    static QVariant modeCell(const image::LayerIndex *index, int entry, int role);
    static QVariant ownerCell(const image::LayerIndex *index, int entry, int role);
    // Symlink and hardlink targets; `toolTips` adds "Hard link to /…", "Symbolic link to …".
    static QVariant targetCell(const image::LayerIndex *index, int entry, int role, bool toolTips);
    static QVariant changeCell(image::Change change, int role);
    // Right-aligned size text; empty where `show` is false (markers, zero-size non-files).
    // SortRole: the bytes.
    static QVariant sizeCell(qint64 bytes, bool show, int role);

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
    // The target of a symlink or hardlink as the Link target column shows it.
    static QString linkText(const image::LayerIndex &index, int entry);
};
