#pragma once

// Images (a manifest and its config) written by hand for the layer alignment and summary
// tests: every layer names its blob, its diff ID and the step that made it.

#include "configsamples.h"

#include "oci/manifest/imagemanifest.h"

namespace samples {

struct LayerSpec
{
    int blob;        // the layer's digest is digestText(100 + blob)
    int diffId;      // its diff ID is digestText(200 + diffId)
    qint64 size;     // compressed
    QString command; // created_by
};

struct Image
{
    QByteArray manifestBytes;
    oci::ImageManifest manifest;
    QByteArray configBytes;
    oci::ImageConfig config;
};

inline QString blobDigest(int blob)
{
    return digestText(100 + blob);
}

inline QString diffIdDigest(int diffId)
{
    return digestText(200 + diffId);
}

// A BuildKit-like image: layers as given, an empty ENV step after the first layer (so that
// history and layers do not line up by index), gzip'ed OCI layers; `editConfig` changes
// the config's "config" member before the manifest names the config.
inline Image imageOf(const QList<LayerSpec> &layers,
                     const std::function<void(QJsonObject &)> &editConfig = {})
{
    QJsonArray descriptors;
    QJsonArray history;
    QJsonArray diffIds;
    for (qsizetype i = 0; i < layers.size(); ++i) {
        const LayerSpec &layer = layers.at(i);
        descriptors.append(QJsonObject{
            {QStringLiteral("mediaType"), QStringLiteral("application/vnd.oci.image.layer.v1.tar+gzip")},
            {QStringLiteral("digest"), blobDigest(layer.blob)},
            {QStringLiteral("size"), layer.size}});
        history.append(QJsonObject{{QStringLiteral("created"), QStringLiteral("2024-02-03T10:11:00Z")},
                                   {QStringLiteral("created_by"), layer.command},
                                   {QStringLiteral("comment"), QStringLiteral("buildkit.dockerfile.v0")}});
        if (i == 0) {
            history.append(QJsonObject{{QStringLiteral("created_by"), QStringLiteral("ENV LANG=C.UTF-8")},
                                       {QStringLiteral("empty_layer"), true}});
        }
        diffIds.append(diffIdDigest(layer.diffId));
    }
    Image image;
    image.configBytes = editRoot(buildkitConfig(), [&](QJsonObject &root) {
        root.insert(QLatin1String("history"), history);
        root.insert(QLatin1String("rootfs"), QJsonObject{{QStringLiteral("type"), QStringLiteral("layers")},
                                                         {QStringLiteral("diff_ids"), diffIds}});
    });
    if (editConfig)
        image.configBytes = editRun(image.configBytes, editConfig);
    image.config = parsed(image.configBytes);
    const QJsonObject manifest{
        {QStringLiteral("schemaVersion"), 2},
        {QStringLiteral("mediaType"), QStringLiteral("application/vnd.oci.image.manifest.v1+json")},
        {QStringLiteral("config"),
         QJsonObject{{QStringLiteral("mediaType"), QStringLiteral("application/vnd.oci.image.config.v1+json")},
                     {QStringLiteral("digest"), oci::Digest::sha256Of(image.configBytes).toString()},
                     {QStringLiteral("size"), image.configBytes.size()}}},
        {QStringLiteral("layers"), descriptors}};
    image.manifestBytes = bytesOf(manifest);
    oci::Result<oci::ImageManifest> parsedManifest = oci::ImageManifest::fromJson(manifest);
    if (!parsedManifest.ok())
        QTest::qFail(qPrintable(parsedManifest.error().message()), __FILE__, __LINE__);
    else
        image.manifest = std::move(parsedManifest).value();
    return image;
}

} // namespace samples
