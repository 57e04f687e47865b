#include "image/reader/imagelayers.h"

#include "image/fs/mergedfilesystem.h"
#include "image/layer/bytesource.h"
#include "image/source/blobstream.h"
#include "image/source/localimagesource.h"
#include "oci/inspect/imagedetails.h"
#include "oci/manifest/imageconfig.h"
#include "oci/manifest/layerhistory.h"
#include "oci/manifest/manifestdocument.h"

#include <QFileInfo>

#include <deque>

namespace image {

namespace {

oci::Error invalid(const QString &message)
{
    return oci::Error(oci::Error::Code::InvalidArgument, message);
}

// The layers of one image manifest, with its config's history matched to them.
oci::Result<ImageLayers> fromManifest(const oci::ManifestDocument &document,
                                      const oci::Digest &digest,
                                      std::shared_ptr<const oci::ImageConfig> config,
                                      const QString &platform, const QString &what)
{
    if (!document.isImageManifest()) {
        return oci::Error(oci::Error::Code::UnsupportedMediaType,
                          QStringLiteral("%1 is not an image (media type %2)")
                              .arg(what, document.mediaType()))
            .withObject(digest.toString());
    }
    ImageLayers layers;
    layers.manifestDigest = digest;
    layers.layers = document.manifest().layers;
    layers.config = std::move(config);
    layers.platform = platform;
    if (layers.platform.isEmpty() && layers.config && !layers.config->platform.isNull())
        layers.platform = layers.config->platform.toString();
    // Out of step (another number of non-empty steps than layers): no command at all, as a
    // guess would put the wrong command beside a layer.
    layers.historyOfLayer = QList<int>(layers.layers.size(), -1);
    if (layers.config) {
        const oci::LayerHistory map(layers.config->history, layers.layers.size());
        for (qsizetype layer = 0; map.isConsistent() && layer < layers.layers.size(); ++layer)
            layers.historyOfLayer[layer] = map.historyOf(layer);
    }
    return layers;
}

bool nameMatches(const QStringList &names, const QString &wanted)
{
    for (const QString &name : names) {
        // "docker.io/library/x:1.0" is also found as "x:1.0", "library/x:1.0" and "1.0".
        if (name == wanted || name.endsWith(u'/' + wanted) || name.endsWith(u':' + wanted))
            return true;
    }
    return false;
}

} // namespace

QString defaultPlatform()
{
    return QStringLiteral("linux/amd64");
}

oci::Result<int> choosePlatform(const QStringList &platforms, const QString &wanted)
{
    const auto choices = [&platforms] {
        return platforms.isEmpty() ? QStringLiteral("none") : platforms.join(QStringLiteral(", "));
    };
    if (!wanted.isEmpty()) {
        if (const qsizetype exact = platforms.indexOf(wanted); exact >= 0)
            return int(exact);
        int found = -1;
        for (qsizetype i = 0; i < platforms.size(); ++i) {
            if (!platforms.at(i).startsWith(wanted + u'/'))
                continue;
            if (found >= 0)
                return invalid(QStringLiteral("platform %1 is ambiguous (the image has %2)")
                                   .arg(wanted, choices()));
            found = int(i);
        }
        if (found >= 0)
            return found;
        return invalid(
            QStringLiteral("no platform %1 in the image (it has %2)").arg(wanted, choices()));
    }
    if (platforms.size() == 1)
        return 0;
    if (const qsizetype fallback = platforms.indexOf(defaultPlatform()); fallback >= 0)
        return int(fallback);
    return invalid(QStringLiteral("the image has several platforms (%1) and none is %2: pick one "
                                  "with --platform")
                       .arg(choices(), defaultPlatform()));
}

oci::Result<ImageLayers> imageLayers(const oci::ImageDetails &details, const QString &platform)
{
    if (details.platformDetails.isEmpty()) {
        return oci::Error(oci::Error::Code::UnsupportedMediaType,
                          QStringLiteral("%1 is not an image (%2)")
                              .arg(details.digest.toString(), details.kindText()))
            .withObject(details.digest.toString());
    }
    QStringList platforms;
    for (const oci::PlatformDetails &p : details.platformDetails)
        platforms << p.platform;
    // A single image is read whatever its config says, unless another platform was asked for.
    int chosen = 0;
    if (details.isIndex() || (!platform.isEmpty() && !platforms.first().isEmpty())) {
        oci::Result<int> pick = choosePlatform(platforms, platform);
        if (!pick)
            return oci::Error(pick.error()).withObject(details.digest.toString());
        chosen = pick.value();
    }
    const oci::PlatformDetails &image = details.platformDetails.at(chosen);
    if (!image.manifest) {
        return oci::Error(oci::Error::Code::NotFound,
                          QStringLiteral("the manifest of platform %1 could not be read")
                              .arg(image.platform))
            .withObject(image.digest.toString());
    }
    return fromManifest(*image.manifest, image.digest, image.config, image.platform,
                        image.digest.toString());
}

QString LocalReference::toString() const
{
    if (!digest.isNull())
        return path + u'@' + digest.toString();
    return name.isEmpty() ? path : path + u':' + name;
}

std::optional<LocalReference> parseLocalReference(const QString &text)
{
    if (text.isEmpty())
        return std::nullopt;
    LocalReference reference;
    reference.path = text;
    if (QFileInfo::exists(text))
        return reference;
    // PATH@sha256:...
    if (const qsizetype at = text.lastIndexOf(u'@'); at > 0 && QFileInfo::exists(text.left(at))) {
        oci::Result<oci::Digest> digest = oci::Digest::parse(text.mid(at + 1));
        if (digest) {
            reference.path = text.left(at);
            reference.digest = digest.value();
            return reference;
        }
    }
    // PATH:NAME, where NAME may hold ':' and '/' too: the longest PATH that exists.
    for (qsizetype colon = text.lastIndexOf(u':'); colon > 0;
         colon = text.lastIndexOf(u':', colon - 1)) {
        if (QFileInfo::exists(text.left(colon))) {
            reference.path = text.left(colon);
            reference.name = text.mid(colon + 1);
            return reference;
        }
    }
    // A registry reference never starts with '/' or '.': a missing local file, said so
    // when it is opened.
    if (text.startsWith(u'/') || text.startsWith(u'.'))
        return reference;
    return std::nullopt;
}

oci::Result<ImageLayers> imageLayers(const LocalImageSource &source,
                                     const LocalReference &reference, const QString &platform)
{
    const QString file = source.path();
    // The candidates: top-level images and indexes (platform images come through those).
    struct Candidate
    {
        int image = -1; // into images()
        int index = -1; // into indexes()
        QString label;
    };
    QList<Candidate> candidates;
    QStringList labels;
    for (qsizetype i = 0; i < source.images().size(); ++i) {
        const LocalImage &image = source.images().at(i);
        if (!image.index.isNull())
            continue;
        const bool wanted = !reference.digest.isNull()  ? image.manifestDigest == reference.digest
                            : !reference.name.isEmpty() ? nameMatches(image.names, reference.name)
                                                        : true;
        const QString label =
            image.names.isEmpty() ? image.manifestDigest.toString() : image.names.join(u", ");
        labels << label;
        if (wanted)
            candidates << Candidate{int(i), -1, label};
    }
    for (qsizetype i = 0; i < source.indexes().size(); ++i) {
        const LocalIndex &index = source.indexes().at(i);
        const bool wanted = !reference.digest.isNull()  ? index.digest == reference.digest
                            : !reference.name.isEmpty() ? nameMatches(index.names, reference.name)
                                                        : true;
        const QString label =
            index.names.isEmpty() ? index.digest.toString() : index.names.join(u", ");
        labels << label;
        if (wanted)
            candidates << Candidate{-1, int(i), label};
    }
    if (candidates.isEmpty()) {
        if (reference.name.isEmpty() && reference.digest.isNull())
            return oci::Error(oci::Error::Code::NotFound, QStringLiteral("no image in the file"))
                .withObject(file);
        return oci::Error(oci::Error::Code::NotFound,
                          QStringLiteral("no image %1 in the file (it holds %2)")
                              .arg(reference.digest.isNull() ? reference.name
                                                             : reference.digest.toString(),
                                   labels.join(QStringLiteral("; "))))
            .withObject(file);
    }
    if (candidates.size() > 1) {
        QStringList names;
        for (const Candidate &c : std::as_const(candidates))
            names << c.label;
        return oci::Error(oci::Error::Code::InvalidArgument,
                          QStringLiteral("the file holds %1 images (%2): pick one as PATH:NAME "
                                         "or PATH@DIGEST")
                              .arg(candidates.size())
                              .arg(names.join(QStringLiteral("; "))))
            .withObject(file);
    }

    const Candidate &candidate = candidates.first();
    int chosen = candidate.image;
    if (candidate.index >= 0) {
        const oci::Digest &indexDigest = source.indexes().at(candidate.index).digest;
        QList<int> members;
        QStringList platforms;
        for (qsizetype i = 0; i < source.images().size(); ++i) {
            const LocalImage &image = source.images().at(i);
            if (image.index != indexDigest)
                continue;
            members << int(i);
            platforms << (image.platform ? image.platform->toString() : QString());
        }
        oci::Result<int> pick = choosePlatform(platforms, platform);
        if (!pick)
            return oci::Error(pick.error()).withObject(file);
        chosen = members.at(pick.value());
    }
    const LocalImage &image = source.images().at(chosen);
    std::shared_ptr<const oci::ImageConfig> config;
    if (!image.config.isEmpty()) {
        oci::Result<oci::ImageConfig> parsed = oci::ImageConfig::parse(image.config);
        if (parsed)
            config = std::make_shared<const oci::ImageConfig>(std::move(parsed).value());
    }
    const QString platformText = image.platform ? image.platform->toString() : QString();
    if (candidate.index < 0 && !platform.isEmpty() && config && !config->platform.isNull()) {
        oci::Result<int> pick = choosePlatform({config->platform.toString()}, platform);
        if (!pick)
            return oci::Error(pick.error()).withObject(file);
    }
    oci::Result<ImageLayers> layers = fromManifest(image.manifest, image.manifestDigest, config,
                                                   platformText, file + u": " + image.where);
    if (!layers)
        return layers;
    for (const oci::Descriptor &layer : std::as_const(layers->layers))
        layers.value().fileRanges << source.blobFileRange(layer.digest());
    return layers;
}

oci::Result<LayerIndex> readLocalLayer(const LocalImageSource &source, const oci::Digest &layer,
                                       const ReadOptions &options)
{
    oci::Result<std::unique_ptr<BlobStream>> stream = source.openBlob(layer);
    if (!stream)
        return stream.error();
    return readLayerIndex(*stream.value(), layer, options);
}

oci::Result<FileSlice> readLocalFile(const LocalImageSource &source, const oci::Digest &layer,
                                     quint32 ordinal, qint64 offset, qint64 maxBytes)
{
    if (const std::optional<BlobFileRange> range = source.blobFileRange(layer)) {
        FileSource file(range->path, range->offset, range->size);
        return readLayerFile(file, ordinal, offset, maxBytes);
    }
    oci::Result<std::unique_ptr<BlobStream>> stream = source.openBlob(layer);
    if (!stream)
        return stream.error();
    return readLayerFile(*stream.value(), ordinal, offset, maxBytes);
}

oci::Result<int> resolveMergedPath(const MergedFilesystem &fs, QByteArrayView path, bool followLast)
{
    constexpr int MaxLinks = 40; // as Linux's path walk
    const QString shown = QString::fromUtf8(path.toByteArray());
    std::deque<QByteArray> pending;
    for (const QByteArray &part : path.toByteArray().split('/'))
        pending.push_back(part);
    int current = fs.root();
    int links = 0;
    while (!pending.empty()) {
        const QByteArray part = pending.front();
        pending.pop_front();
        if (part.isEmpty() || part == ".")
            continue;
        if (part == "..") {
            if (current != fs.root())
                current = fs.node(current).parent;
            continue;
        }
        if (current != fs.root() && fs.type(current) != EntryType::Directory) {
            return oci::Error(
                oci::Error::Code::NotFound,
                QStringLiteral("%1: %2 is not a directory").arg(shown, fs.displayPath(current)));
        }
        const QByteArrayView parent = fs.path(current);
        const QByteArray childPath = parent.isEmpty() ? part : parent.toByteArray() + '/' + part;
        const int child = fs.find(childPath);
        if (child < 0) {
            return oci::Error(oci::Error::Code::NotFound,
                              QStringLiteral("no %1 in the image").arg(shown));
        }
        const bool last = pending.empty();
        if (fs.type(child) == EntryType::Symlink && (!last || followLast)) {
            if (++links > MaxLinks) {
                return oci::Error(
                    oci::Error::Code::InvalidArgument,
                    QStringLiteral("%1: too many levels of symbolic links").arg(shown));
            }
            const MergedNode &node = fs.node(child);
            const QByteArrayView target = fs.layer(node.layer).linkTarget(*fs.entry(child));
            const QList<QByteArray> parts = target.toByteArray().split('/');
            for (auto it = parts.crbegin(); it != parts.crend(); ++it)
                pending.push_front(*it);
            if (target.startsWith('/'))
                current = fs.root();
            continue;
        }
        current = child;
    }
    return current;
}

} // namespace image
