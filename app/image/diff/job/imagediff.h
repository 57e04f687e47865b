#pragma once

#include "image/diff/config/configdiff.h"
#include "image/diff/config/imagesummary.h"
#include "image/diff/config/layeralignment.h"
#include "image/diff/files/filediff.h"
#include "oci/core/digest.h"

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

class QJsonObject;

namespace image {

// One platform of A compared with the same platform of B (or the two single images).
struct PlatformDiff
{
    QString platformA; // "linux/arm64/v8"; empty when neither index nor config says
    QString platformB;
    ImageSummary summary; // file counts filled
    ConfigDiff config;
    LayerAlignment layers; // uncompressed sizes filled
    FileDiff files;        // unfiltered, mtime-only paths listed (filtered() for a view)
    // Exactly as fetched or read: the platform manifests and configs (for a side-by-side
    // JSON view). A docker-archive's manifest is the one Lading synthesises.
    QByteArray manifestA;
    QByteArray manifestB;
    QByteArray configA;
    QByteArray configB;
    bool fromCache = false; // this pair came from the ImageDiffCache (not saved)

    // The pair's name in a report: "linux/amd64", or "linux/amd64 ↔ linux/arm64".
    QString platformText() const;
    bool noDifferences() const;
};

// What ImageDiffJob made: the top-level objects named, one PlatformDiff per platform pair.
struct ImageDiff
{
    QString labelA; // as the person named them
    QString labelB;
    oci::Digest digestA; // the manifest or index named
    oci::Digest digestB;
    bool indexA = false; // an index (multi-platform) on that side
    bool indexB = false;
    QList<PlatformDiff> platforms; // in A's platform order
    QStringList platformsOnlyInA;  // not compared: B has no such platform
    QStringList platformsOnlyInB;

    // Same digests, or every pair without differences and no platform on one side only.
    bool noDifferences() const;

    // {"a": {"label", "digest", "index"}, "b": {...}, "noDifferences",
    //  "platformsOnlyInA": [], "platformsOnlyInB": [], "platforms": [{"platformA"?,
    //  "platformB"?, "noDifferences", "fromCache", "summary": ImageSummary::toJson(),
    //  "config": ConfigDiff::toJson(), "layers": LayerAlignment::toJson(),
    //  "files": FileDiff::toJson(), "manifestA"/"manifestB"/"configA"/"configB": the
    //  documents as JSON (as text when not JSON)}]}. `filesOnly`: "summary" and "files" only.
    QJsonObject toJson(bool filesOnly = false) const;
};

struct DiffReportOptions
{
    bool filesOnly = false;    // the files section alone (with the per-platform heading)
    bool collapse = true;      // paths under an added/removed directory on its line
    bool showMtimeOnly = false; // list paths that differ only by mtime (else counted)
};

// The English text report (ladingctl diff, "Export as text"): per platform pair a heading,
// the summary, then "Config:", "Layers:", "Files:" sections of the parts' describe() lines
// indented by two spaces; platforms on one side only at the top. Texts stable:
//   "A: demo/app:1.0 sha256:0123456789ab"
//   "B: demo/app:1.1 sha256:ba9876543210"
//   "only in A: linux/s390x"
//   "== linux/amd64 =="
//   "Files:" … "  (3 paths differ only by mtime, not shown)"
//   "no differences"
QStringList describeImageDiff(const ImageDiff &diff, const DiffReportOptions &options = {});

// Progress of an ImageDiffJob.
struct ImageDiffProgress
{
    enum class Stage { Resolving, ReadingLayers, Comparing, Done };
    Stage stage = Stage::Resolving;
    int layersDone = 0;   // distinct layer blobs read (or found cached)
    int layersTotal = 0;  // distinct layer blobs needed; 0 until both sides are resolved
    qint64 bytesDone = 0; // compressed bytes consumed
    qint64 bytesTotal = 0;
    int pairsDone = 0;
    int pairsTotal = 0;
};

} // namespace image

Q_DECLARE_METATYPE(image::ImageDiffProgress)
