#include "ops/transfer/tagdragpayload.h"

#include "oci/core/reference.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMimeData>

namespace {

// Bumped if the JSON ever changes shape: an older Lading then ignores the drop.
constexpr int kVersion = 1;
// Far above any real selection; refuses a hostile payload before parsing it.
constexpr qsizetype kMaxBytes = 4 * 1024 * 1024;

} // namespace

QString TagDragPayload::mimeType()
{
    return QStringLiteral("application/x-lading-tags");
}

QMimeData *TagDragPayload::encode(const QString &host, const QString &repository,
                                  const QStringList &tags)
{
    QJsonArray tagArray;
    QStringList lines;
    for (const QString &tag : tags) {
        tagArray.append(tag);
        lines << host + u'/' + repository + u':' + tag;
    }
    const QJsonObject object{{QStringLiteral("version"), kVersion},
                             {QStringLiteral("host"), host},
                             {QStringLiteral("repository"), repository},
                             {QStringLiteral("tags"), tagArray}};
    auto *data = new QMimeData;
    data->setData(mimeType(), QJsonDocument(object).toJson(QJsonDocument::Compact));
    data->setText(lines.join(u'\n'));
    return data;
}

std::optional<TagDragPayload> TagDragPayload::decode(const QMimeData *data)
{
    if (!data || !data->hasFormat(mimeType()))
        return std::nullopt;
    const QByteArray bytes = data->data(mimeType());
    if (bytes.isEmpty() || bytes.size() > kMaxBytes)
        return std::nullopt;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    const QJsonObject object = document.object();
    if (object.value(QStringLiteral("version")).toInt() != kVersion)
        return std::nullopt;
    TagDragPayload payload;
    payload.host = object.value(QStringLiteral("host")).toString();
    payload.repository = object.value(QStringLiteral("repository")).toString();
    const QJsonValue tags = object.value(QStringLiteral("tags"));
    if (payload.host.isEmpty() || !oci::Reference::parseRegistryHost(payload.host).ok() ||
        !oci::Reference::isValidRepository(payload.repository) || !tags.isArray())
        return std::nullopt;
    for (const QJsonValue &tag : tags.toArray()) {
        if (!tag.isString() || !oci::Reference::isValidTag(tag.toString()) ||
            payload.tags.contains(tag.toString()))
            return std::nullopt;
        payload.tags << tag.toString();
    }
    if (payload.tags.isEmpty())
        return std::nullopt;
    return payload;
}
