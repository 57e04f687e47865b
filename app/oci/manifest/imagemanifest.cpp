#include "oci/manifest/imagemanifest.h"

#include "oci/manifest/jsonfields.h"

#include <limits>

namespace oci {

qint64 ImageManifest::layersSize() const
{
    qint64 total = 0;
    for (const Descriptor &layer : layers) {
        if (layer.size() > std::numeric_limits<qint64>::max() - total)
            return std::numeric_limits<qint64>::max();
        total += layer.size();
    }
    return total;
}

QString ImageManifest::effectiveArtifactType() const
{
    return artifactType.isEmpty() ? config.mediaType() : artifactType;
}

Result<ImageManifest> ImageManifest::fromJson(const QJsonObject &object)
{
    JsonFields fields(object, QString());
    ImageManifest manifest;
    const std::optional<qint64> version =
        fields.integer(QLatin1String("schemaVersion"), JsonFields::Required);
    if (version && *version != 2)
        fields.fail(QStringLiteral("schemaVersion"), QStringLiteral("must be 2"));
    manifest.mediaType = fields.string(QLatin1String("mediaType"));
    manifest.artifactType = fields.string(QLatin1String("artifactType"));
    manifest.annotations = fields.stringMap(QLatin1String("annotations"));
    const QJsonObject config = fields.object(QLatin1String("config"), JsonFields::Required);
    // layers is required by the spec, but an artifact without blobs written as
    // "no layers" reads the same to a person browsing it.
    const QJsonArray layers = fields.array(QLatin1String("layers"));
    const bool hasSubject = fields.has(QLatin1String("subject"));
    const QJsonObject subject = fields.object(QLatin1String("subject"));
    if (!fields.ok())
        return fields.error();

    Result<Descriptor> configDescriptor = Descriptor::fromJson(config, u"config");
    if (!configDescriptor.ok())
        return configDescriptor.error();
    manifest.config = std::move(configDescriptor).value();
    Result<QList<Descriptor>> layerDescriptors = Descriptor::listFromJson(layers, u"layers");
    if (!layerDescriptors.ok())
        return layerDescriptors.error();
    manifest.layers = std::move(layerDescriptors).value();
    if (hasSubject) {
        Result<Descriptor> subjectDescriptor = Descriptor::fromJson(subject, u"subject");
        if (!subjectDescriptor.ok())
            return subjectDescriptor.error();
        manifest.subject = std::move(subjectDescriptor).value();
    }
    return manifest;
}

} // namespace oci
