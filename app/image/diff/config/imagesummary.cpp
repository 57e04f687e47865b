#include "image/diff/config/imagesummary.h"

#include "image/diff/config/configdiff.h"
#include "image/diff/config/layeralignment.h"
#include "image/reader/imagelayers.h"
#include "oci/manifest/imageconfig.h"
#include "oci/manifest/imagemanifest.h"

#include <QJsonObject>

namespace image {

SummarySide summarySide(const oci::Digest &manifestDigest, const oci::ImageManifest &manifest,
                        const oci::ImageConfig *config)
{
    SummarySide side;
    side.manifestDigest = manifestDigest;
    side.configDigest = manifest.config.digest();
    if (config) {
        side.platform = config->platform.isNull() ? QString() : config->platform.toString();
        side.created = config->created;
    }
    return side;
}

SummarySide summarySide(const ImageLayers &image)
{
    SummarySide side;
    side.manifestDigest = image.manifestDigest;
    side.platform = image.platform;
    if (image.config)
        side.created = image.config->created;
    return side;
}

ImageSummary summarizeImages(const SummarySide &a, const SummarySide &b,
                             const LayerAlignment &layers, const ConfigDiff &config)
{
    ImageSummary summary;
    summary.digestA = a.manifestDigest;
    summary.digestB = b.manifestDigest;
    summary.sameDigest = !a.manifestDigest.isNull() && a.manifestDigest == b.manifestDigest;
    summary.sameConfig = !a.configDigest.isNull() && a.configDigest == b.configDigest;
    summary.platformA = a.platform;
    summary.platformB = b.platform;
    summary.createdA = a.created;
    summary.createdB = b.created;
    summary.layerCountA = int(layers.a.size());
    summary.layerCountB = int(layers.b.size());
    summary.sharedLayers = layers.sharedCount();
    summary.compressedSizeA = layers.compressedSizeA();
    summary.compressedSizeB = layers.compressedSizeB();
    summary.uncompressedSizeA = layers.uncompressedSizeA();
    summary.uncompressedSizeB = layers.uncompressedSizeB();
    summary.configKeysChanged = config.changedKeyCount();
    return summary;
}

std::optional<qint64> ImageSummary::uncompressedDelta() const
{
    if (!uncompressedSizeA || !uncompressedSizeB)
        return std::nullopt;
    return *uncompressedSizeB - *uncompressedSizeA;
}

bool ImageSummary::noDifferences() const
{
    if (sameDigest)
        return true;
    const bool layersShared = sharedLayers == layerCountA && sharedLayers == layerCountB;
    const bool filesSame = !filesCompared() || (filesAdded == 0 && filesRemoved == 0 && filesChanged == 0);
    return configKeysChanged == 0 && layersShared && filesSame;
}

QJsonObject ImageSummary::toJson() const
{
    QJsonObject object{{QStringLiteral("digestA"), digestA.toString()},
                       {QStringLiteral("digestB"), digestB.toString()},
                       {QStringLiteral("sameDigest"), sameDigest},
                       {QStringLiteral("sameConfig"), sameConfig},
                       {QStringLiteral("layerCountA"), layerCountA},
                       {QStringLiteral("layerCountB"), layerCountB},
                       {QStringLiteral("sharedLayers"), sharedLayers},
                       {QStringLiteral("compressedSizeA"), compressedSizeA},
                       {QStringLiteral("compressedSizeB"), compressedSizeB},
                       {QStringLiteral("compressedDelta"), compressedDelta()},
                       {QStringLiteral("configKeysChanged"), configKeysChanged},
                       {QStringLiteral("noDifferences"), noDifferences()}};
    const auto insertText = [&](const QString &key, const QString &value) {
        if (!value.isEmpty())
            object.insert(key, value);
    };
    insertText(QStringLiteral("platformA"), platformA);
    insertText(QStringLiteral("platformB"), platformB);
    insertText(QStringLiteral("createdA"), createdA.toString(Qt::ISODateWithMs));
    insertText(QStringLiteral("createdB"), createdB.toString(Qt::ISODateWithMs));
    if (uncompressedSizeA)
        object.insert(QStringLiteral("uncompressedSizeA"), *uncompressedSizeA);
    if (uncompressedSizeB)
        object.insert(QStringLiteral("uncompressedSizeB"), *uncompressedSizeB);
    if (const std::optional<qint64> delta = uncompressedDelta())
        object.insert(QStringLiteral("uncompressedDelta"), *delta);
    if (filesCompared()) {
        object.insert(QStringLiteral("filesAdded"), filesAdded);
        object.insert(QStringLiteral("filesRemoved"), filesRemoved);
        object.insert(QStringLiteral("filesChanged"), filesChanged);
    }
    return object;
}

QStringList ImageSummary::describe() const
{
    QStringList lines;
    if (sameDigest)
        lines.append(u"digest: same " + digestA.shortString());
    else
        lines.append(u"digest: " + digestA.shortString() + u" → " + digestB.shortString());
    lines.append(u"compressed: " + diffSizeChange(compressedSizeA, compressedSizeB));
    if (uncompressedSizeA && uncompressedSizeB)
        lines.append(u"uncompressed: " + diffSizeChange(*uncompressedSizeA, *uncompressedSizeB));
    lines.append(u"layers: " + QString::number(layerCountA) + u" → " + QString::number(layerCountB)
                 + u", " + QString::number(sharedLayers) + u" shared");
    if (filesCompared()) {
        lines.append(u"files: " + QString::number(filesAdded) + u" added, "
                     + QString::number(filesRemoved) + u" removed, " + QString::number(filesChanged)
                     + u" changed");
    }
    lines.append(u"config keys changed: " + QString::number(configKeysChanged));
    return lines;
}

} // namespace image
