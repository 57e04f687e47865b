#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace image {
class LayerIndex;
class MergedFilesystem;
struct ImageLayers;
struct WasteReport;
} // namespace image

namespace cli {

// Printing of `ladingctl layers`, `files` and `waste`: formatting only, every value comes
// from lading_image (LayerIndex, MergedFilesystem, WasteReport).

// `layers`: a table under a header, or a JSON array. `indexes` holds one complete index
// per layer of `image`.
QStringList layerTable(const image::ImageLayers &image, const QList<image::LayerIndex> &indexes);
QByteArray layerJson(const image::ImageLayers &image, const QList<image::LayerIndex> &indexes);

// One line of `files`.
struct FileRow
{
    char type = '-';
    quint32 mode = 0;
    qint64 size = 0;
    int layer = -1;  // the layer that wrote it; -1 for a directory no layer declared
    QString change;  // "added", "modified", ..., "-"
    QString path;    // escaped for people ("." for the layer root)
    QString link;    // symlink target as written, hardlink target path
    quint32 uid = 0;
    quint32 gid = 0;
};

// `files`: the merged filesystem `fs` (after its top layer), or the entries of layer `layer`
// of it (fs built up to that layer). `changedOnly`: what that layer (the top one for the
// merged view) added, modified or removed.
QList<FileRow> mergedRows(const image::MergedFilesystem &fs, bool changedOnly);
QList<FileRow> layerRows(const image::MergedFilesystem &fs, int layer, bool changedOnly);
// One line a row, UTF-8, each ending in '\n':
// "<type> <mode> <size> <layer> <change> <path>[ -> target | link to target]".
QByteArray fileText(const QList<FileRow> &rows);
QByteArray fileJson(const QList<FileRow> &rows);

// `waste`: a summary, then one line per path (largest first); or one JSON object.
QStringList wasteText(const image::WasteReport &waste);
QByteArray wasteJson(const image::WasteReport &waste);
} // namespace cli
