#pragma once

#include "oci/core/result.h"
#include "oci/manifest/descriptor.h"

#include <QList>
#include <QMap>
#include <QString>

#include <optional>

class QJsonObject;

namespace oci {

// An OCI image manifest or Docker schema 2 manifest (image-spec manifest.md). Parsed by
// ManifestDocument, which checks the bytes first; fromJson only reads the object.
struct ImageManifest
{
    int schemaVersion = 2;
    QString mediaType;    // as written in the body; may be empty in OCI manifests
    QString artifactType; // OCI 1.1 artifacts
    Descriptor config;
    QList<Descriptor> layers;
    std::optional<Descriptor> subject; // OCI 1.1 referrers
    QMap<QString, QString> annotations;

    // Sum of the layer sizes (compressed, as stored in the registry).
    qint64 layersSize() const;
    // config.mediaType for an image, artifactType otherwise (image-spec "artifact usage").
    QString effectiveArtifactType() const;

    static Result<ImageManifest> fromJson(const QJsonObject &object);
};

} // namespace oci
