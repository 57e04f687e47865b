#pragma once

#include "oci/core/result.h"
#include "oci/manifest/descriptor.h"

#include <QList>
#include <QMap>
#include <QString>

#include <optional>

class QJsonObject;

namespace oci {

// An OCI image index or Docker manifest list (image-spec image-index.md). Entries with a
// media type Lading does not know are kept: indexes may point to anything.
struct ImageIndex
{
    int schemaVersion = 2;
    QString mediaType;
    QString artifactType;
    QList<Descriptor> manifests;
    std::optional<Descriptor> subject;
    QMap<QString, QString> annotations;

    // The entries that are images for a platform: attestation entries left out.
    QList<Descriptor> platformManifests() const;
    // The attestation entries (buildx: platform unknown/unknown, annotated).
    QList<Descriptor> attestations() const;

    static Result<ImageIndex> fromJson(const QJsonObject &object);
};

} // namespace oci
