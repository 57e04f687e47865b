#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace image {
struct ImageSummary;
} // namespace image

// An image::ImageSummary in the person's language, for the top of the compare window (and
// its tab or window title). Sizes as everywhere in the GUI: binary units, one decimal.
//
//   headline: "Different images: 3 of 12 layers differ, +4.2 MiB compressed; 17 files
//              added, 3 removed, 25 changed; 4 config keys changed"
//             "The same image (digest sha256:0123456789ab)"
//             "No differences in content: the same layers, files and settings (digests
//              sha256:0123456789ab and sha256:ba9876543210)" (e.g. a pushed copy, recompressed)
//   details:  "Digests: sha256:0123456789ab → sha256:ba9876543210", "Compressed: 40.1 MiB
//              → 44.3 MiB (+4.2 MiB)", "Unpacked: …", "Layers: 12 → 13, 9 shared",
//             "Files: 17 added, 3 removed, 25 changed", "Config keys changed: 4",
//             "Platform: linux/amd64", "Created: 2024-03-01 14:05 → 2024-04-02 09:12"
//
// The files part is left out while the files are not compared (ImageSummary's counts -1).
class DiffSummaryText
{
    Q_DECLARE_TR_FUNCTIONS(DiffSummaryText)

public:
    static QString headline(const image::ImageSummary &summary);
    static QStringList details(const image::ImageSummary &summary);

    // The headline's parts.
    // "3 of 12 layers differ" (of the larger image's count); "12 layers, all shared".
    static QString layersText(const image::ImageSummary &summary);
    // "+4.2 MiB compressed"; empty when the compressed sizes are equal.
    static QString sizeText(const image::ImageSummary &summary);
    // "17 files added, 3 removed, 25 changed", "no file differs"; empty when not compared.
    static QString filesText(const image::ImageSummary &summary);
    // "4 config keys changed", "no config key changed".
    static QString configText(const image::ImageSummary &summary);
};
