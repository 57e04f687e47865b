#include "detailsoutput.h"

#include "oci/manifest/imageconfig.h"
#include "oci/manifest/manifestdocument.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace cli {

namespace {

QJsonValue dateJson(const QDateTime &date)
{
    if (!date.isValid())
        return QJsonValue::Null;
    return date.toUTC().toString(Qt::ISODate);
}

QJsonValue sizeJson(qint64 size)
{
    return size < 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(double(size));
}

QJsonArray stringsJson(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

QJsonObject mapJson(const QMap<QString, QString> &map)
{
    QJsonObject object;
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        object.insert(it.key(), it.value());
    return object;
}

QJsonObject descriptorJson(const oci::Descriptor &descriptor)
{
    QJsonObject object{{QStringLiteral("mediaType"), descriptor.mediaType()},
                       {QStringLiteral("digest"), descriptor.digest().toString()},
                       {QStringLiteral("size"), double(descriptor.size())}};
    if (!descriptor.artifactType().isEmpty())
        object.insert(QStringLiteral("artifactType"), descriptor.artifactType());
    if (!descriptor.annotations().isEmpty())
        object.insert(QStringLiteral("annotations"), mapJson(descriptor.annotations()));
    return object;
}

QJsonObject configJson(const oci::Digest &digest, const oci::ImageConfig &config)
{
    return QJsonObject{
        {QStringLiteral("digest"), digest.toString()},
        {QStringLiteral("entrypoint"), stringsJson(config.entrypoint)},
        {QStringLiteral("cmd"), stringsJson(config.cmd)},
        {QStringLiteral("env"), stringsJson(config.env)},
        {QStringLiteral("workingDir"), config.workingDir},
        {QStringLiteral("user"), config.user},
        {QStringLiteral("exposedPorts"), stringsJson(config.exposedPorts)},
        {QStringLiteral("labels"), mapJson(config.labels)},
        {QStringLiteral("author"), config.author},
    };
}

QJsonArray layersJson(const std::shared_ptr<const oci::ManifestDocument> &manifest)
{
    QJsonArray layers;
    if (!manifest || !manifest->isImageManifest())
        return layers;
    for (const oci::Descriptor &layer : manifest->manifest().layers)
        layers.append(descriptorJson(layer));
    return layers;
}

// One image: its manifest's config and layers.
void addImage(QJsonObject &object, const std::shared_ptr<const oci::ManifestDocument> &manifest,
              const std::shared_ptr<const oci::ImageConfig> &config)
{
    if (manifest && manifest->isImageManifest()) {
        const oci::Digest &configDigest = manifest->manifest().config.digest();
        object.insert(QStringLiteral("config"), config
                                                    ? QJsonValue(configJson(configDigest, *config))
                                                    : QJsonValue(QJsonValue::Null));
        object.insert(QStringLiteral("layers"), layersJson(manifest));
    }
}

QString kindName(oci::ImageDetails::Kind kind)
{
    switch (kind) {
    case oci::ImageDetails::Kind::Image:
        return QStringLiteral("image");
    case oci::ImageDetails::Kind::Index:
        return QStringLiteral("index");
    case oci::ImageDetails::Kind::Artifact:
        return QStringLiteral("artifact");
    case oci::ImageDetails::Kind::Other:
        return QStringLiteral("other");
    case oci::ImageDetails::Kind::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

QString formatName(oci::ImageDetails::Format format)
{
    switch (format) {
    case oci::ImageDetails::Format::Oci:
        return QStringLiteral("oci");
    case oci::ImageDetails::Format::Docker:
        return QStringLiteral("docker");
    case oci::ImageDetails::Format::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

int otherTags(const oci::TagDetails &row, const QHash<oci::Digest, int> &perDigest)
{
    if (row.details.digest.isNull())
        return 0;
    return std::max(0, perDigest.value(row.details.digest) - 1);
}

QString shortDate(const QDateTime &date)
{
    return date.isValid() ? date.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                          : QStringLiteral("-");
}

} // namespace

QString humanSize(qint64 bytes)
{
    if (bytes < 0)
        return QStringLiteral("-");
    if (bytes < 1000)
        return QString::number(bytes) + u" B";
    const char *units[] = {"kB", "MB", "GB", "TB"};
    double value = double(bytes);
    int unit = -1;
    while (value >= 1000 && unit < 3) {
        value /= 1000;
        ++unit;
    }
    return QString::number(value, 'f', value < 10 ? 2 : 1) + u' ' + QLatin1String(units[unit]);
}

QJsonObject inspectJson(const QString &reference, const oci::TagDetails &row,
                        const ReferrerList &referrers)
{
    const oci::ImageDetails &details = row.details;
    QJsonObject object{
        {QStringLiteral("reference"), reference},
        {QStringLiteral("digest"), details.digest.toString()},
        {QStringLiteral("mediaType"), details.mediaType},
        {QStringLiteral("kind"), kindName(details.kind)},
        {QStringLiteral("format"), formatName(details.format)},
        {QStringLiteral("manifestSize"), sizeJson(details.manifestSize)},
        {QStringLiteral("compressedSize"), sizeJson(details.compressedSize)},
        {QStringLiteral("created"), dateJson(details.created)},
        {QStringLiteral("platforms"), stringsJson(details.platforms)},
        {QStringLiteral("stale"), row.stale},
    };
    if (row.stale)
        object.insert(QStringLiteral("staleReason"), row.networkError.describe());
    if (!details.artifactType.isEmpty())
        object.insert(QStringLiteral("artifactType"), details.artifactType);
    if (details.kind == oci::ImageDetails::Kind::Index) {
        object.insert(QStringLiteral("attestations"), details.attestationCount);
        QJsonArray manifests;
        for (const oci::PlatformDetails &platform : details.platformDetails) {
            QJsonObject entry{{QStringLiteral("platform"), platform.platform},
                              {QStringLiteral("digest"), platform.digest.toString()},
                              {QStringLiteral("compressedSize"), sizeJson(platform.compressedSize)},
                              {QStringLiteral("created"), dateJson(platform.created)}};
            addImage(entry, platform.manifest, platform.config);
            manifests.append(entry);
        }
        object.insert(QStringLiteral("manifests"), manifests);
    } else {
        addImage(object, details.document, details.config);
    }
    if (details.document) {
        const auto &subject = details.document->subject();
        if (subject)
            object.insert(QStringLiteral("subject"), descriptorJson(*subject));
    }
    QJsonObject referrersObject{{QStringLiteral("source"), referrers.source}};
    QJsonArray list;
    for (const oci::Descriptor &descriptor : referrers.descriptors)
        list.append(descriptorJson(descriptor));
    referrersObject.insert(QStringLiteral("manifests"), list);
    if (!referrers.error.isEmpty())
        referrersObject.insert(QStringLiteral("error"), referrers.error);
    object.insert(QStringLiteral("referrers"), referrersObject);
    return object;
}

QStringList tagTable(const QList<oci::TagDetails> &rows, const QHash<oci::Digest, int> &perDigest)
{
    QList<QStringList> cells;
    cells << QStringList{QStringLiteral("TAG"),       QStringLiteral("DIGEST"),
                         QStringLiteral("SIZE"),      QStringLiteral("CREATED"),
                         QStringLiteral("PLATFORMS"), QStringLiteral("TYPE"),
                         QStringLiteral("SHARED")};
    for (const oci::TagDetails &row : rows) {
        const oci::ImageDetails &details = row.details;
        if (row.error.code() != oci::Error::Code::None && details.digest.isNull()) {
            cells << QStringList{row.tag,
                                 QStringLiteral("-"),
                                 QStringLiteral("-"),
                                 QStringLiteral("-"),
                                 QStringLiteral("-"),
                                 u"error: " + oci::Error::codeName(row.error.code()),
                                 QStringLiteral("-")};
            continue;
        }
        QString type = details.kindText();
        if (row.referrerFallbackTag)
            type += u" (referrers)";
        if (row.stale)
            type += u" (stale)";
        cells << QStringList{row.tag,
                             details.digest.shortString(),
                             humanSize(details.compressedSize),
                             shortDate(details.created),
                             details.platforms.isEmpty()
                                 ? QStringLiteral("-")
                                 : details.platforms.join(QStringLiteral(", ")),
                             type,
                             QString::number(otherTags(row, perDigest))};
    }
    QList<qsizetype> widths(cells.constFirst().size(), 0);
    for (const QStringList &line : std::as_const(cells)) {
        for (qsizetype i = 0; i < line.size(); ++i)
            widths[i] = std::max(widths[i], line.at(i).size());
    }
    QStringList lines;
    for (const QStringList &line : std::as_const(cells)) {
        QString text;
        for (qsizetype i = 0; i < line.size(); ++i) {
            if (i + 1 == line.size())
                text += line.at(i);
            else
                text += line.at(i).leftJustified(widths[i]) + u"  ";
        }
        lines << text;
    }
    return lines;
}

QByteArray tagJson(const QList<oci::TagDetails> &rows, const QHash<oci::Digest, int> &perDigest)
{
    QJsonArray array;
    for (const oci::TagDetails &row : rows) {
        const oci::ImageDetails &details = row.details;
        QJsonObject object{
            {QStringLiteral("tag"), row.tag},
            {QStringLiteral("digest"), details.digest.isNull()
                                           ? QJsonValue(QJsonValue::Null)
                                           : QJsonValue(details.digest.toString())},
            {QStringLiteral("mediaType"), details.mediaType},
            {QStringLiteral("kind"), kindName(details.kind)},
            {QStringLiteral("format"), formatName(details.format)},
            {QStringLiteral("compressedSize"), sizeJson(details.compressedSize)},
            {QStringLiteral("created"), dateJson(details.created)},
            {QStringLiteral("platforms"), stringsJson(details.platforms)},
            {QStringLiteral("attestations"), details.attestationCount},
            {QStringLiteral("otherTagsWithDigest"), otherTags(row, perDigest)},
            {QStringLiteral("referrerFallbackTag"), row.referrerFallbackTag},
            {QStringLiteral("stale"), row.stale},
        };
        if (!details.artifactType.isEmpty())
            object.insert(QStringLiteral("artifactType"), details.artifactType);
        if (row.error.code() != oci::Error::Code::None)
            object.insert(QStringLiteral("error"), row.error.describe());
        array.append(object);
    }
    return QJsonDocument(array).toJson(QJsonDocument::Indented);
}

} // namespace cli
