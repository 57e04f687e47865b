// Legacy `docker save` (Docker <= 24) and skopeo's docker-archive: manifest.json lists, per
// image, a config member and uncompressed layer tars; there is no registry manifest, so one
// is synthesised (see LocalImage::manifest).

#include "image/source/archivestore.h"
#include "image/source/sourcecontents.h"
#include "oci/manifest/imageconfig.h"
#include "oci/manifest/mediatypes.h"
#include "oci/manifest/strictjson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace image::source {

using oci::Error;

namespace {

constexpr qsizetype MaxImages = 1000;

bool looksCompressed(const QByteArray &head)
{
    return head.startsWith("\x1f\x8b") || head.startsWith("\x28\xb5\x2f\xfd");
}

QJsonObject descriptorJson(QLatin1String mediaType, const oci::Digest &digest, qint64 size)
{
    return QJsonObject{{QLatin1String("mediaType"), mediaType},
                       {QLatin1String("size"), size},
                       {QLatin1String("digest"), digest.toString()}};
}

// The hex a member name claims for itself ("<hex>.json", "blobs/sha256/<hex>"), if any.
QString claimedHex(const QByteArray &member)
{
    static const QRegularExpression pattern(
        QRegularExpression::anchoredPattern(QStringLiteral("(?:.*/)?(?:sha256:)?([0-9a-f]{64})(?:\\.json)?")));
    const auto match = pattern.match(QString::fromUtf8(member));
    return match.hasMatch() ? match.captured(1) : QString();
}

} // namespace

oci::Result<void> readDockerArchive(const ArchiveStore &store, SourceContents &contents)
{
    auto bytes = store.readAll("manifest.json", MaxDocumentBytes);
    if (!bytes)
        return bytes.error();
    const QString manifestObject = store.describe("manifest.json");
    if (auto strict = oci::validateStrictJson(*bytes); !strict)
        return Error(Error::Code::MalformedDocument, strict.error().message()).withObject(manifestObject);
    const QJsonDocument json = QJsonDocument::fromJson(*bytes);
    if (!json.isArray())
        return Error(Error::Code::MalformedDocument, QStringLiteral("not a JSON array")).withObject(manifestObject);
    const QJsonArray entries = json.array();
    if (entries.isEmpty())
        return Error(Error::Code::MalformedDocument, QStringLiteral("lists no images")).withObject(manifestObject);
    if (entries.size() > MaxImages)
        return Error(Error::Code::SizeLimitExceeded, QStringLiteral("more than %1 images").arg(MaxImages)).withObject(manifestObject);

    for (qsizetype i = 0; i < entries.size(); ++i) {
        const QString where = QStringLiteral("manifest.json[%1]").arg(i);
        auto fail = [&](Error::Code code, const QString &problem) {
            return Error(code, problem + QStringLiteral(" (%1)").arg(where)).withObject(manifestObject);
        };
        if (!entries.at(i).isObject())
            return fail(Error::Code::MalformedDocument, QStringLiteral("entry is not an object"));
        const QJsonObject entry = entries.at(i).toObject();
        const QJsonValue configValue = entry.value(QLatin1String("Config"));
        const QJsonValue layersValue = entry.value(QLatin1String("Layers"));
        const QJsonValue tagsValue = entry.value(QLatin1String("RepoTags"));
        if (!configValue.isString() || configValue.toString().isEmpty())
            return fail(Error::Code::MalformedDocument, QStringLiteral("\"Config\" is not a member name"));
        if (!layersValue.isArray())
            return fail(Error::Code::MalformedDocument, QStringLiteral("\"Layers\" is not an array"));
        if (!tagsValue.isArray() && !tagsValue.isNull() && !tagsValue.isUndefined())
            return fail(Error::Code::MalformedDocument, QStringLiteral("\"RepoTags\" is not an array"));

        LocalImage image;
        image.where = where;
        image.synthesised = true;
        for (const QJsonValue &tag : tagsValue.toArray()) {
            if (!tag.isString())
                return fail(Error::Code::MalformedDocument, QStringLiteral("a RepoTags entry is not a string"));
            if (!image.names.contains(tag.toString()))
                image.names.append(tag.toString());
        }

        // The config: its digest is the sha256 of its bytes (the image ID).
        const QByteArray configMember = configValue.toString().toUtf8();
        auto config = store.readAll(configMember, MaxDocumentBytes);
        if (!config)
            return Error(config.error().code(), config.error().message() + QStringLiteral(" (Config of %1)").arg(where))
                .withObject(config.error().object().isEmpty() ? store.describe(configMember) : config.error().object());
        const oci::Digest configDigest = oci::Digest::sha256Of(*config);
        if (const QString hex = claimedHex(configMember); !hex.isEmpty() && hex != configDigest.encoded())
            return Error(Error::Code::DigestMismatch,
                         QStringLiteral("config is named for sha256:%1 but hashes to %2").arg(hex, configDigest.toString()))
                .withObject(store.describe(configMember));
        auto parsed = oci::ImageConfig::parse(*config);
        if (!parsed)
            return Error(parsed.error().code(), parsed.error().message()).withObject(store.describe(configMember));
        image.diffIds = parsed->diffIds;
        image.config = *config;
        contents.addBlob(configDigest, BlobEntry{configMember, config->size(),
                                                 QStringLiteral("config content does not match its digest")});

        const QJsonArray layers = layersValue.toArray();
        if (layers.size() != image.diffIds.size())
            return fail(Error::Code::MalformedDocument, QStringLiteral("%1 layers but the config has %2 rootfs.diff_ids")
                                                            .arg(layers.size()).arg(image.diffIds.size()));
        QJsonArray layerDescriptors;
        for (qsizetype l = 0; l < layers.size(); ++l) {
            if (!layers.at(l).isString())
                return fail(Error::Code::MalformedDocument, QStringLiteral("Layers[%1] is not a member name").arg(l));
            const QByteArray member = layers.at(l).toString().toUtf8();
            auto resolved = store.resolve(member);
            if (!resolved)
                return Error(resolved.error().code(),
                             resolved.error().message() + QStringLiteral(" (Layers[%1] of %2)").arg(l).arg(where))
                    .withObject(resolved.error().object());
            if (looksCompressed(resolved->head))
                return Error(Error::Code::Unsupported,
                             QStringLiteral("layer is compressed; docker-archive layers are read uncompressed only (Layers[%1] of %2)")
                                 .arg(l).arg(where))
                    .withObject(store.describe(member));
            const oci::Digest &diffId = image.diffIds.at(l);
            if (!diffId.isVerifiable())
                return fail(Error::Code::InvalidDigest, QStringLiteral("rootfs.diff_ids[%1] cannot be verified").arg(l));
            // Uncompressed: the blob's digest is its diff_id, checked as the bytes are read.
            contents.addBlob(diffId, BlobEntry{resolved->name, resolved->size,
                                               QStringLiteral("layer does not match rootfs.diff_ids[%1] of its config").arg(l)});
            layerDescriptors.append(descriptorJson(oci::MediaType::DockerLayer, diffId, resolved->size));
        }

        const QJsonObject manifestJson{
            {QLatin1String("schemaVersion"), 2},
            {QLatin1String("mediaType"), oci::MediaType::DockerManifest},
            {QLatin1String("config"), descriptorJson(oci::MediaType::DockerConfig, configDigest, config->size())},
            {QLatin1String("layers"), layerDescriptors},
        };
        const QByteArray manifestBytes = QJsonDocument(manifestJson).toJson(QJsonDocument::Compact);
        auto document = oci::ManifestDocument::parse(manifestBytes, QString(oci::MediaType::DockerManifest));
        if (!document)
            return fail(document.error().code(), QStringLiteral("synthesised manifest: ") + document.error().message());
        image.manifest = std::move(document).value();
        image.manifestDigest = oci::Digest::sha256Of(manifestBytes);
        contents.images.append(std::move(image));
    }
    return {};
}

} // namespace image::source
