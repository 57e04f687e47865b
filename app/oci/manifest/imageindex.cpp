#include "oci/manifest/imageindex.h"

#include "oci/manifest/jsonfields.h"

namespace oci {

QList<Descriptor> ImageIndex::platformManifests() const
{
    QList<Descriptor> entries;
    for (const Descriptor &entry : manifests) {
        if (!entry.isAttestation())
            entries.append(entry);
    }
    return entries;
}

QList<Descriptor> ImageIndex::attestations() const
{
    QList<Descriptor> entries;
    for (const Descriptor &entry : manifests) {
        if (entry.isAttestation())
            entries.append(entry);
    }
    return entries;
}

Result<ImageIndex> ImageIndex::fromJson(const QJsonObject &object)
{
    JsonFields fields(object, QString());
    ImageIndex index;
    const std::optional<qint64> version =
        fields.integer(QLatin1String("schemaVersion"), JsonFields::Required);
    if (version && *version != 2)
        fields.fail(QStringLiteral("schemaVersion"), QStringLiteral("must be 2"));
    index.mediaType = fields.string(QLatin1String("mediaType"));
    index.artifactType = fields.string(QLatin1String("artifactType"));
    index.annotations = fields.stringMap(QLatin1String("annotations"));
    const QJsonArray manifests = fields.array(QLatin1String("manifests"), JsonFields::Required);
    const bool hasSubject = fields.has(QLatin1String("subject"));
    const QJsonObject subject = fields.object(QLatin1String("subject"));
    if (!fields.ok())
        return fields.error();

    Result<QList<Descriptor>> entries = Descriptor::listFromJson(manifests, u"manifests");
    if (!entries.ok())
        return entries.error();
    index.manifests = std::move(entries).value();
    if (hasSubject) {
        Result<Descriptor> subjectDescriptor = Descriptor::fromJson(subject, u"subject");
        if (!subjectDescriptor.ok())
            return subjectDescriptor.error();
        index.subject = std::move(subjectDescriptor).value();
    }
    return index;
}

} // namespace oci
