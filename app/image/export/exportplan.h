#pragma once

#include "image/layer/layerentry.h"
#include "oci/core/digest.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace image {

class LayerIndex;
class MergedFilesystem;

// One member of an export: what the tar (or the single saved file) gets.
struct ExportItem
{
    QByteArray path;                     // member path, already safe (safeMemberPath)
    EntryType type = EntryType::Regular; // never Whiteout/Opaque
    quint32 mode = 0644;                 // 07777 bits
    qint64 mtime = 0;
    quint32 uid = 0;
    quint32 gid = 0;
    QByteArray userName;
    QByteArray groupName;
    quint32 devMajor = 0;
    quint32 devMinor = 0;
    qint64 size = 0;       // Regular: the bytes expected (the blob has the last word)
    QByteArray linkTarget; // Symlink: as written in the layer. Hardlink: member path of an
                           // earlier Regular item of the same export.
    int layer = -1;        // Regular: content is entry `ordinal` of layer `layer`
    quint32 ordinal = 0;
};

// What to write and where its bytes are. Items are in an order a tar can take: a parent
// before its children where the source had one, hardlinks after their targets.
struct ExportPlan
{
    QList<ExportItem> items;
    QList<oci::Digest> layers; // blob digest of each layer number items refer to
    qint64 totalBytes = 0;     // sum of Regular sizes (progress)
    QStringList skipped;       // display paths left out (unsafe, below a symlink, broken)
};

// The subtree at `node` of the merged filesystem. Members are named from the node's own
// name down (`etc/…` for node `etc`; the root's children for the root). Hardlinks whose
// target is inside become hardlinks, the others regular files with the target's bytes.
ExportPlan planMergedExport(const MergedFilesystem &fs, int node);

// What layer `index` itself holds at and below its entry `entry` (markers, superseded and
// unsafe entries left out; entries below a symlink of the same subtree left out: extracting
// them would write through the link). `layerNumber` is the plan's layer for the content.
ExportPlan planLayerExport(const LayerIndex &index, int entry);

} // namespace image
