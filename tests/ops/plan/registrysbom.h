#pragma once

// An SBOM artifact for an image in a RegistryProcess (anonymous, plain HTTP), the way tools
// without the referrers API leave it: the artifact manifest with a "subject", and the
// "sha256-<hex of subject>" tag pointing at an index that lists it. For the ops/plan tests
// against the real registry.

#include "scanbuilder.h"

#include "oci/cachetestsupport.h"

#include "oci/inspect/referrersjob.h"

namespace plantest {

inline const QByteArray OciManifestType = "application/vnd.oci.image.manifest.v1+json";
inline const QByteArray OciIndexType = "application/vnd.oci.image.index.v1+json";
inline const QString SbomType = QStringLiteral("application/spdx+json");

// The artifact is tagged `tag`, or pushed by digest when `tag` is empty (then only the
// referrers tag reaches it). `name` makes its digest its own. Null on failure.
inline oci::Digest pushSbom(const RegistryProcess &registry, const QString &repository,
                            const QString &subjectMediaType, const QByteArray &subjectManifest,
                            const QString &tag, const QString &name)
{
    const QByteArray empty = "{}";
    const QByteArray sbom = R"({"spdxVersion":"SPDX-2.3","name":")" + name.toUtf8() + "\"}";
    if (!cachetest::uploadBlob(registry, repository, empty) ||
        !cachetest::uploadBlob(registry, repository, sbom))
        return {};
    const QByteArray artifact = compact(QJsonObject{
        {QStringLiteral("schemaVersion"), 2},
        {QStringLiteral("mediaType"), QString::fromLatin1(OciManifestType)},
        {QStringLiteral("artifactType"), SbomType},
        {QStringLiteral("config"), descriptor(QStringLiteral("application/vnd.oci.empty.v1+json"), empty)},
        {QStringLiteral("layers"), QJsonArray{descriptor(SbomType, sbom)}},
        {QStringLiteral("subject"), descriptor(subjectMediaType, subjectManifest)},
    });
    const oci::Digest digest = oci::Digest::sha256Of(artifact);
    if (!cachetest::putManifest(registry, repository, tag.isEmpty() ? digest.toString() : tag,
                                OciManifestType, artifact))
        return {};
    QJsonObject entry = descriptor(QString::fromLatin1(OciManifestType), artifact);
    entry.insert(QStringLiteral("artifactType"), SbomType);
    const QByteArray list = compact(QJsonObject{{QStringLiteral("schemaVersion"), 2},
                                                {QStringLiteral("mediaType"), QString::fromLatin1(OciIndexType)},
                                                {QStringLiteral("manifests"), QJsonArray{entry}}});
    const oci::Digest subject = oci::Digest::sha256Of(subjectManifest);
    if (!cachetest::putManifest(registry, repository, oci::ReferrersJob::fallbackTag(subject),
                                OciIndexType, list))
        return {};
    return digest;
}

} // namespace plantest
