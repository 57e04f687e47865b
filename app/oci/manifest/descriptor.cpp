#include "oci/manifest/descriptor.h"

#include "oci/manifest/jsonfields.h"
#include "oci/manifest/mediatypes.h"

namespace oci {

Result<Descriptor> Descriptor::fromJson(const QJsonObject &object, QStringView where)
{
    JsonFields fields(object, where.toString());
    Descriptor descriptor;
    descriptor.m_mediaType = fields.string(QLatin1String("mediaType"), JsonFields::Required);
    const QString digestText = fields.string(QLatin1String("digest"), JsonFields::Required);
    const std::optional<qint64> size = fields.integer(QLatin1String("size"), JsonFields::Required);
    descriptor.m_urls = fields.stringList(QLatin1String("urls"));
    descriptor.m_annotations = fields.stringMap(QLatin1String("annotations"));
    descriptor.m_artifactType = fields.string(QLatin1String("artifactType"));
    const bool hasPlatform = fields.has(QLatin1String("platform"));
    const QJsonObject platform = fields.object(QLatin1String("platform"));
    if (!fields.ok())
        return fields.error();

    if (descriptor.m_mediaType.isEmpty())
        fields.fail(fields.pathOf(QLatin1String("mediaType")), QStringLiteral("empty"));
    if (*size < 0)
        fields.fail(fields.pathOf(QLatin1String("size")), QStringLiteral("negative"));
    descriptor.m_size = *size;
    Result<Digest> digest = Digest::parse(digestText);
    if (digest.ok())
        descriptor.m_digest = std::move(digest).value();
    else
        fields.fail(fields.pathOf(QLatin1String("digest")), digest.error().message());
    if (hasPlatform) {
        Result<Platform> parsed =
            Platform::fromJson(platform, fields.pathOf(QLatin1String("platform")));
        if (parsed.ok())
            descriptor.m_platform = std::move(parsed).value();
        else
            fields.fail(parsed.error());
    }
    if (!fields.ok())
        return fields.error();
    return descriptor;
}

Result<QList<Descriptor>> Descriptor::listFromJson(const QJsonArray &array, QStringView where)
{
    if (array.size() > MaxListLength) {
        return Error(Error::Code::SizeLimitExceeded,
                     QStringLiteral("%1: %2 entries, more than the %3 Lading reads")
                         .arg(where)
                         .arg(array.size())
                         .arg(MaxListLength));
    }
    QList<Descriptor> list;
    list.reserve(array.size());
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString path = where + QLatin1Char('[') + QString::number(i) + QLatin1Char(']');
        if (!array.at(i).isObject())
            return Error(Error::Code::MalformedDocument, path + QStringLiteral(": must be an object"));
        Result<Descriptor> descriptor = fromJson(array.at(i).toObject(), path);
        if (!descriptor.ok())
            return descriptor.error();
        list.append(std::move(descriptor).value());
    }
    return list;
}

bool Descriptor::isAttestation() const
{
    return m_annotations.value(QString(DockerReferenceTypeAnnotation))
           == AttestationManifestReferenceType;
}

Digest Descriptor::attestationSubject() const
{
    if (!isAttestation())
        return {};
    return Digest::parse(m_annotations.value(QString(DockerReferenceDigestAnnotation)))
        .valueOr(Digest());
}

} // namespace oci
