#include "tagtablefixtures.h"

#include "support/registryprocess.h"
#include "support/registryseeder.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace tagtablefixtures {

namespace {

oci::Error fixtureError(const QString &message)
{
    return oci::Error(oci::Error::Code::Io, message);
}

// A blob in the filesystem driver's layout: blobs/sha256/<2>/<hex>/data.
oci::Result<oci::Digest> writeBlob(RegistryProcess &registry, const QByteArray &bytes)
{
    const oci::Digest digest = oci::Digest::sha256Of(bytes);
    const QString hex = digest.encoded();
    const QString dir = registry.storageDir() +
                        QStringLiteral("/docker/registry/v2/blobs/sha256/") + hex.left(2) + u'/' +
                        hex;
    QFile file(dir + QStringLiteral("/data"));
    if (!QDir().mkpath(dir) || !file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        file.write(bytes) != bytes.size())
        return fixtureError(QStringLiteral("cannot write the blob ") + digest.toString());
    return digest;
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

qint64 compressedSizeOf(const QByteArray &manifest)
{
    const QJsonObject object = QJsonDocument::fromJson(manifest).object();
    qint64 size = qint64(object.value(u"config").toObject().value(u"size").toDouble());
    const QJsonArray layers = object.value(u"layers").toArray();
    for (const QJsonValue &layer : layers)
        size += qint64(layer.toObject().value(u"size").toDouble());
    return size;
}

oci::Result<QList<DatedImage>> pushDatedImages(RegistryProcess &registry, const SeededImage &base,
                                               const QList<QDateTime> &created,
                                               const QList<int> &paddingBytes,
                                               const QStringList &tags)
{
    if (base.configDigest.isNull())
        return fixtureError(QStringLiteral("pushDatedImages needs an image, not an index"));
    if (created.size() != tags.size() || paddingBytes.size() != tags.size())
        return fixtureError(QStringLiteral("pushDatedImages: one date and padding per tag"));
    RegistrySeeder seeder(registry);
    QStringList layers;
    for (const oci::Digest &layer : base.layers)
        layers << layer.toString();
    QList<DatedImage> images;
    for (qsizetype i = 0; i < tags.size(); ++i) {
        QJsonObject config = QJsonDocument::fromJson(base.config).object();
        config.insert(u"created"_s, created.at(i).toUTC().toString(Qt::ISODate));
        QJsonObject inner = config.value(u"config").toObject();
        QJsonObject labels = inner.value(u"Labels").toObject();
        labels.insert(u"org.example.padding"_s, QString(paddingBytes.at(i), u'x'));
        inner.insert(u"Labels"_s, labels);
        config.insert(u"config"_s, inner);
        const QByteArray configBytes = compact(config);
        const auto configDigest = writeBlob(registry, configBytes);
        if (!configDigest)
            return configDigest.error();

        QJsonObject manifest = QJsonDocument::fromJson(base.manifest).object();
        QJsonObject configDescriptor = manifest.value(u"config").toObject();
        configDescriptor.insert(u"digest"_s, configDigest->toString());
        configDescriptor.insert(u"size"_s, double(configBytes.size()));
        manifest.insert(u"config"_s, configDescriptor);
        const QByteArray manifestBytes = compact(manifest);
        const auto manifestDigest = writeBlob(registry, manifestBytes);
        if (!manifestDigest)
            return manifestDigest.error();

        auto linked =
            seeder.linkRepository(base.repository, QStringList(layers) << configDigest->toString(),
                                  manifestDigest->toString());
        if (!linked)
            return linked.error();
        linked = seeder.linkTag(base.repository, tags.at(i), manifestDigest->toString());
        if (!linked)
            return linked.error();

        DatedImage image;
        image.image = base;
        image.image.tag = tags.at(i);
        image.image.digest = *manifestDigest;
        image.image.manifest = manifestBytes;
        image.image.configDigest = *configDigest;
        image.image.config = configBytes;
        image.created = created.at(i).toUTC();
        image.compressedSize = compressedSizeOf(manifestBytes);
        images.append(image);
    }
    return images;
}

oci::Result<oci::Digest> pushFallbackReferrer(RegistryProcess &registry, const QString &repository,
                                              const SeededImage &subject)
{
    const QByteArray emptyConfig = "{}";
    const QByteArray sbom = R"({"spdxVersion":"SPDX-2.3","name":"lading-fixture"})";
    const auto configDigest = writeBlob(registry, emptyConfig);
    const auto sbomDigest = writeBlob(registry, sbom);
    if (!configDigest || !sbomDigest)
        return fixtureError(QStringLiteral("cannot write the referrer's blobs"));
    const QString artifactType = QStringLiteral("application/spdx+json");
    const QJsonObject artifact{
        {u"schemaVersion"_s, 2},
        {u"mediaType"_s, u"application/vnd.oci.image.manifest.v1+json"_s},
        {u"artifactType"_s, artifactType},
        {u"config"_s, QJsonObject{{u"mediaType"_s, u"application/vnd.oci.empty.v1+json"_s},
                                  {u"digest"_s, configDigest->toString()},
                                  {u"size"_s, double(emptyConfig.size())}}},
        {u"layers"_s, QJsonArray{QJsonObject{{u"mediaType"_s, artifactType},
                                             {u"digest"_s, sbomDigest->toString()},
                                             {u"size"_s, double(sbom.size())}}}},
        {u"subject"_s, QJsonObject{{u"mediaType"_s, subject.mediaType},
                                   {u"digest"_s, subject.digest.toString()},
                                   {u"size"_s, double(subject.manifest.size())}}},
        {u"annotations"_s,
         QJsonObject{{u"org.opencontainers.image.created"_s, u"2024-05-06T07:08:09Z"_s}}},
    };
    const QByteArray artifactBytes = compact(artifact);
    const auto artifactDigest = writeBlob(registry, artifactBytes);
    if (!artifactDigest)
        return artifactDigest.error();

    const QJsonObject index{
        {u"schemaVersion"_s, 2},
        {u"mediaType"_s, u"application/vnd.oci.image.index.v1+json"_s},
        {u"manifests"_s,
         QJsonArray{QJsonObject{{u"mediaType"_s, u"application/vnd.oci.image.manifest.v1+json"_s},
                                {u"digest"_s, artifactDigest->toString()},
                                {u"size"_s, double(artifactBytes.size())},
                                {u"artifactType"_s, artifactType},
                                {u"annotations"_s, artifact.value(u"annotations"_s)}}}},
    };
    const QByteArray indexBytes = compact(index);
    const auto indexDigest = writeBlob(registry, indexBytes);
    if (!indexDigest)
        return indexDigest.error();

    RegistrySeeder seeder(registry);
    auto linked = seeder.linkRepository(
        repository, {configDigest->toString(), sbomDigest->toString()}, artifactDigest->toString());
    if (linked)
        linked = seeder.linkRepository(repository, {}, indexDigest->toString());
    if (linked) {
        linked = seeder.linkTag(repository, u"sha256-"_s + subject.digest.encoded(),
                                indexDigest->toString());
    }
    if (!linked)
        return linked.error();
    return *artifactDigest;
}

} // namespace tagtablefixtures
