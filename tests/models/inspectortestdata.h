#pragma once

// Test data for the inspector's model tests: documents written by hand (parsed by the real
// parsers) and images read from the real registry.

#include "support/clientharness.h"
#include "support/fixtures.h"
#include "support/registryseeder.h"

#include "oci/client/registryclient.h"
#include "oci/core/digest.h"
#include "oci/manifest/imageconfig.h"
#include "oci/manifest/manifestdocument.h"
#include "oci/manifest/mediatypes.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

#include <memory>

namespace inspectortest {

// A valid sha256 digest made from a short label, so hand-written documents stay readable.
inline QString digestOf(const char *label)
{
    return oci::Digest::sha256Of(QByteArray(label)).toString();
}

inline oci::ManifestDocument parseManifest(const QByteArray &json)
{
    auto parsed = oci::ManifestDocument::parse(json, QStringView());
    if (!parsed.ok())
        qFatal("bad test manifest: %s", qPrintable(parsed.error().describe()));
    return parsed.value();
}

inline oci::ImageConfig parseConfig(const QByteArray &json)
{
    auto parsed = oci::ImageConfig::parse(json);
    if (!parsed.ok())
        qFatal("bad test config: %s", qPrintable(parsed.error().describe()));
    return parsed.value();
}

// A manifest and its config as the registry serves them.
struct FetchedImage
{
    std::shared_ptr<const oci::ManifestDocument> document;
    oci::ImageConfig config;
    QString error; // empty when both were fetched and parsed
};

inline FetchedImage fetchImage(oci::RegistryClient *client, const QString &repository,
                               const QString &reference, bool withConfig = true)
{
    FetchedImage image;
    std::unique_ptr<oci::ManifestJob> job(client->manifest(repository, reference));
    if (!ClientHarness::wait(job.get()) || !job->succeeded()) {
        image.error = QStringLiteral("manifest: ") + job->error().describe();
        return image;
    }
    image.document = job->document();
    if (!withConfig || !image.document || !image.document->isImageManifest())
        return image;
    const oci::Descriptor &config = image.document->manifest().config;
    std::unique_ptr<oci::BlobJob> blob(
        client->blob(repository, config.digest(), nullptr, 4 * 1024 * 1024, config.size()));
    if (!ClientHarness::wait(blob.get()) || !blob->succeeded()) {
        image.error = QStringLiteral("config: ") + blob->error().describe();
        return image;
    }
    auto parsed = oci::ImageConfig::parse(blob->data());
    if (!parsed.ok())
        image.error = QStringLiteral("config: ") + parsed.error().describe();
    else
        image.config = parsed.value();
    return image;
}

// An index as buildx pushes it: the two platform images of `index` (from
// Fixtures::pushIndex) and, for the first, an attestation manifest (platform
// unknown/unknown, annotated vnd.docker.reference.type/digest). The attestation reuses the
// image's blobs, so only manifests are PUT.
struct AttestedIndex
{
    QByteArray bytes; // the index as PUT (and served)
    oci::Digest digest;
    oci::Digest attestation; // the attestation manifest
    oci::Digest subject;     // the image it describes (the index's first entry)
    QString subjectPlatform; // "linux/amd64"
};

inline oci::Result<AttestedIndex> pushAttestedIndex(RegistryProcess &registry,
                                                    oci::RegistryClient *client,
                                                    const SeededImage &index, const QString &tag)
{
    const QJsonArray entries =
        QJsonDocument::fromJson(index.manifest).object().value(u"manifests").toArray();
    if (entries.isEmpty())
        return oci::Error(oci::Error::Code::InvalidArgument, QStringLiteral("not an index"));
    AttestedIndex result;
    const QJsonObject first = entries.first().toObject();
    result.subject = oci::Digest::parse(first.value(u"digest").toString()).valueOr(oci::Digest());
    const QJsonObject platform = first.value(u"platform").toObject();
    result.subjectPlatform =
        platform.value(u"os").toString() + u'/' + platform.value(u"architecture").toString();
    const FetchedImage image =
        fetchImage(client, index.repository, result.subject.toString(), false);
    if (!image.error.isEmpty())
        return oci::Error(oci::Error::Code::Network, image.error);
    const oci::ImageManifest &manifest = image.document->manifest();

    auto descriptor = [](const QString &mediaType, const oci::Descriptor &from) {
        return QJsonObject{{QStringLiteral("mediaType"), mediaType},
                           {QStringLiteral("digest"), from.digest().toString()},
                           {QStringLiteral("size"), from.size()}};
    };
    QJsonObject layer =
        descriptor(QStringLiteral("application/vnd.in-toto+json"), manifest.layers.first());
    layer.insert(QStringLiteral("annotations"),
                 QJsonObject{{QStringLiteral("in-toto.io/predicate-type"),
                              QStringLiteral("https://slsa.dev/provenance/v0.2")}});
    const QByteArray attestation =
        QJsonDocument(
            QJsonObject{{QStringLiteral("schemaVersion"), 2},
                        {QStringLiteral("mediaType"), QString(oci::MediaType::OciManifest)},
                        {QStringLiteral("config"),
                         descriptor(QString(oci::MediaType::OciConfig), manifest.config)},
                        {QStringLiteral("layers"), QJsonArray{layer}}})
            .toJson(QJsonDocument::Compact);
    result.attestation = oci::Digest::sha256Of(attestation);

    QJsonArray withAttestation = entries;
    withAttestation.append(QJsonObject{
        {QStringLiteral("mediaType"), QString(oci::MediaType::OciManifest)},
        {QStringLiteral("digest"), result.attestation.toString()},
        {QStringLiteral("size"), attestation.size()},
        {QStringLiteral("platform"),
         QJsonObject{{QStringLiteral("os"), QStringLiteral("unknown")},
                     {QStringLiteral("architecture"), QStringLiteral("unknown")}}},
        {QStringLiteral("annotations"),
         QJsonObject{{QString(oci::DockerReferenceTypeAnnotation),
                      QString(oci::AttestationManifestReferenceType)},
                     {QString(oci::DockerReferenceDigestAnnotation), result.subject.toString()}}}});
    result.bytes =
        QJsonDocument(QJsonObject{{QStringLiteral("schemaVersion"), 2},
                                  {QStringLiteral("mediaType"), QString(oci::MediaType::OciIndex)},
                                  {QStringLiteral("manifests"), withAttestation}})
            .toJson(QJsonDocument::Indented);
    result.digest = oci::Digest::sha256Of(result.bytes);

    const QByteArray path = "/v2/" + index.repository.toUtf8() + "/manifests/";
    RegistrySeeder seeder(registry);
    RegistrySeeder::Request putAttestation{"PUT",
                                           path + result.attestation.toString().toUtf8(),
                                           QByteArray(oci::MediaType::OciManifest.data()),
                                           attestation,
                                           201,
                                           index.repository,
                                           {}};
    RegistrySeeder::Request putIndex{"PUT",
                                     path + tag.toUtf8(),
                                     QByteArray(oci::MediaType::OciIndex.data()),
                                     result.bytes,
                                     201,
                                     index.repository,
                                     {}};
    // One after the other: the index may only name manifests the registry has.
    if (auto done = seeder.run({putAttestation}, 1); !done.ok())
        return done.error();
    if (auto done = seeder.run({putIndex}, 1); !done.ok())
        return done.error();
    return result;
}

} // namespace inspectortest
