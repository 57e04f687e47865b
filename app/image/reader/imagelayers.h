#pragma once

#include "image/layer/layerindex.h"
#include "image/layer/layerstream.h"
#include "image/source/localimage.h"
#include "oci/core/digest.h"
#include "oci/core/result.h"
#include "oci/manifest/descriptor.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace oci {
struct ImageConfig;
struct ImageDetails;
} // namespace oci

namespace image {

class LocalImageSource;
class MergedFilesystem;

// The layers of one image, picked out of a manifest or an index (one platform): what the
// layer views and `ladingctl layers/files/cat/waste` read.
struct ImageLayers
{
    oci::Digest manifestDigest;
    QString platform;              // "linux/amd64"; empty when neither index nor config says
    QList<oci::Descriptor> layers; // base layer first
    std::shared_ptr<const oci::ImageConfig> config; // null when absent or unreadable
    // Per layer, its entry in config->history (-1 when the history does not say).
    QList<int> historyOfLayer;
    // Local sources: per layer, where its bytes lie in a file (nullopt for gzip'ed
    // archives: read them with readLocalLayer()). Empty for registry images.
    QList<std::optional<BlobFileRange>> fileRanges;
};

// The platform used when an index holds several and none was asked for.
QString defaultPlatform(); // "linux/amd64"

// Which of `platforms` ("os/arch[/variant]") to read: `wanted` when given (an "os/arch"
// also matches "os/arch/<variant>" when exactly one variant is there), else the only one,
// else defaultPlatform(). InvalidArgument naming the choices otherwise.
oci::Result<int> choosePlatform(const QStringList &platforms, const QString &wanted);

// The image of a registry reference, from what oci::DetailsResolver found: for an index,
// the platform chooseplatform() picks. NotFound / UnsupportedMediaType for artifacts and
// unreadable manifests.
oci::Result<ImageLayers> imageLayers(const oci::ImageDetails &details, const QString &platform);

// A local image named on a command line: "PATH", "PATH:NAME" (a name the archive gives
// the image: a RepoTag "docker.io/x/y:1.0", its tag "1.0", an index.json ref.name) or
// "PATH@sha256:…" (a manifest or index digest). PATH may hold ':' itself.
struct LocalReference
{
    QString path;
    QString name;
    oci::Digest digest;
    QString toString() const;
};

// Nullopt when `text` does not name a local image: it is one when it starts with '/' or
// '.', or when it (or the part before a ':' or '@' picking an image) exists on disk.
std::optional<LocalReference> parseLocalReference(const QString &text);

// Picks the image of `reference` in an open source (see LocalReference; without a name:
// the only image or index it holds), then the platform of an index as choosePlatform().
oci::Result<ImageLayers> imageLayers(const LocalImageSource &source,
                                     const LocalReference &reference, const QString &platform);

// Blocking (call on a worker): a layer of a local source read into an index, or one file
// of it read back, verified as LocalImageSource::openBlob() verifies. For layers without a
// file range (gzip'ed archives); LayerReader::fromFile() reads the others.
oci::Result<LayerIndex> readLocalLayer(const LocalImageSource &source, const oci::Digest &layer,
                                       const ReadOptions &options = {});
oci::Result<FileSlice> readLocalFile(const LocalImageSource &source, const oci::Digest &layer,
                                     quint32 ordinal, qint64 offset, qint64 maxBytes);

// The node `path` names in a merged filesystem, as a process chrooted into it would find
// it: symlinks followed at every component (absolute targets from the image's root,
// `..` stopping at the root; the last component too unless `followLast` is false), at
// most 40 of them (a loop is InvalidArgument). NotFound when a component is missing.
oci::Result<int> resolveMergedPath(const MergedFilesystem &fs, QByteArrayView path,
                                   bool followLast = true);

} // namespace image
