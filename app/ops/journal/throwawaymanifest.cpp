#include "ops/journal/throwawaymanifest.h"

#include "oci/manifest/mediatypes.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

namespace ops {

ThrowawayManifest ThrowawayManifest::make()
{
    return make(QUuid::createUuid().toString(QUuid::WithoutBraces));
}

ThrowawayManifest ThrowawayManifest::make(const QString &uuid)
{
    const QJsonObject config{
        {QStringLiteral("mediaType"), QString(oci::MediaType::OciEmpty)},
        {QStringLiteral("digest"), configDigest().toString()},
        {QStringLiteral("size"), configBytes().size()},
    };
    const QJsonObject manifest{
        {QStringLiteral("schemaVersion"), 2},
        {QStringLiteral("mediaType"), mediaType()},
        {QStringLiteral("config"), config},
        {QStringLiteral("layers"), QJsonArray()},
        {QStringLiteral("annotations"), QJsonObject{{annotation(), uuid}}},
    };
    ThrowawayManifest made;
    made.uuid = uuid;
    made.bytes = QJsonDocument(manifest).toJson(QJsonDocument::Compact);
    made.digest = oci::Digest::sha256Of(made.bytes);
    return made;
}

QString ThrowawayManifest::mediaType()
{
    return oci::MediaType::OciManifest;
}

QByteArray ThrowawayManifest::configBytes()
{
    return QByteArrayLiteral("{}");
}

oci::Digest ThrowawayManifest::configDigest()
{
    return oci::Digest::parse(QString(oci::EmptyDescriptorDigest)).value();
}

} // namespace ops
