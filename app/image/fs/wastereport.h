#pragma once

#include "image/fs/mergedfilesystem.h"

#include <QByteArray>
#include <QList>

namespace image {

// Wasted space of an image (§5.3, done better than dive): bytes that a layer ships but the
// final filesystem does not hold — files overwritten or deleted by a later layer (or by a
// later duplicate in their own layer). Each byte counted once: the surviving copy is not
// waste, hardlinked content is counted once and is not waste while any link survives,
// directories and metadata-only changes cost 0 bytes.
//
//     auto fs = image::MergedFilesystem::build(indexes);
//     image::WasteReport waste = image::WasteReport::compute(fs);
//     print(waste.wastedBytes, waste.efficiency);
//     for (const image::WastedPath &p : waste.paths)            // largest first
//         print(p.path, p.wastedBytes, p.copies);
struct WastedCopy
{
    qint32 layer = -1;     // the layer holding the wasted bytes
    qint32 entry = -1;     // its entry there
    qint32 removedBy = -1; // the layer that overwrote or deleted it
    Removal::Reason reason = Removal::Reason::Overwritten;
    qint64 bytes = 0;
};

struct WastedPath
{
    QByteArray path;          // cleaned raw path (displayPath() for people)
    qint64 wastedBytes = 0;   // sum over `copies`
    QList<WastedCopy> copies; // in layer order
};

struct WasteReport
{
    qint64 totalBytes = 0;   // regular-file bytes shipped by all layers (hardlinks once)
    qint64 visibleBytes = 0; // regular-file bytes in the final filesystem
    qint64 wastedBytes = 0;  // totalBytes - visibleBytes
    double efficiency = 1.0; // visibleBytes / totalBytes (1 when empty)
    QList<WastedPath> paths; // largest wastedBytes first, then by path

    // dive's figures, for people comparing with `dive` (its efficiency.go): per non-directory
    // path across layers, cumulative = sum of its sizes in every layer it appears in (a
    // whiteout counts the size of what it hid), minimum = smallest of those; paths seen in
    // ≥ 2 layers are inefficiencies.
    struct Dive
    {
        double score = 1.0;          // Σ minimum / Σ cumulative
        qint64 wastedBytes = 0;      // Σ cumulative over inefficiencies (incl. the survivor)
        double wastedUserPercent = 0; // wastedBytes / Σ layer file bytes above the base layer
    } dive;

    // Over the layers `fs` was built from (all of them for the image's figures).
    static WasteReport compute(const MergedFilesystem &fs);
};

} // namespace image
