#pragma once

// Helpers of the copy tests: one side of a copy (client, memory cache, fetcher) for a
// RegistryProcess, running a CopyJob to its end, counting blob uploads and mounts in the
// registry's access log, and seeding hand-made images (a big random layer; an SBOM
// referrer found through the fallback tag) into an anonymous registry.

#include "../../oci/cachetestsupport.h"
#include "support/clientharness.h"
#include "support/registryprocess.h"

#include "ops/copy/copyjob.h"

#include "oci/auth/credentials.h"
#include "oci/cache/contentcache.h"
#include "oci/core/digest.h"
#include "oci/inspect/contentfetcher.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QRegularExpression>

#include <memory>

namespace copytest {

using namespace Qt::StringLiterals;

// A registry as one side of a copy: its client (logged in as the test user, unless told)
// and a ContentFetcher over a memory-only cache.
struct Side
{
    explicit Side(const RegistryProcess &registry,
                  ClientHarness::Login login = ClientHarness::Login::TestUser)
        : harness(registry, login)
        , cache(oci::ContentCacheOptions{})
        , fetcher(harness.client(), &cache)
    {
    }
    Side(oci::RegistryConfig config, const oci::Credentials &credentials)
        : harness(std::move(config), credentials)
        , cache(oci::ContentCacheOptions{})
        , fetcher(harness.client(), &cache)
    {
    }
    oci::RegistryClient *client() const { return harness.client(); }

    ClientHarness harness;
    oci::ContentCache cache;
    oci::ContentFetcher fetcher;
};

inline ops::CopyRequest request(const QString &sourceRepository, const QString &sourceReference,
                                const QString &targetRepository, const QString &targetTag,
                                bool withReferrers = false)
{
    ops::CopyRequest r;
    r.sourceRepository = sourceRepository;
    r.sourceReference = sourceReference;
    r.targetRepository = targetRepository;
    r.targetTag = targetTag;
    r.withReferrers = withReferrers;
    return r;
}

// Starts the copy and waits for its end (nullptr on timeout).
inline std::unique_ptr<ops::CopyJob> copy(Side &source, Side &target, const ops::CopyRequest &r,
                                          int timeoutMs = 120000)
{
    auto job = std::make_unique<ops::CopyJob>(&source.fetcher, &target.fetcher, r);
    job->start();
    if (!ClientHarness::wait(job.get(), timeoutMs))
        return nullptr;
    return job;
}

// Lines of the registry's access log from `fromOffset` matching `pattern` (a regular
// expression over the quoted request line and the status after it).
inline int countLog(const RegistryProcess &registry, qsizetype fromOffset, const QString &pattern)
{
    const QString log = QString::fromUtf8(registry.log().mid(fromOffset));
    const QRegularExpression line(pattern);
    int count = 0;
    for (auto it = line.globalMatch(log); it.hasNext(); it.next())
        ++count;
    return count;
}

// Finished blob uploads into `repository` (the PUT that commits a session).
inline int blobUploads(const RegistryProcess &registry, qsizetype fromOffset,
                       const QString &repository)
{
    return countLog(registry, fromOffset,
                    u"\"PUT /v2/"_s + QRegularExpression::escape(repository) +
                        u"/blobs/uploads/[^ \"]* HTTP/1\\.1\" 201 "_s);
}

// Cross-repository mounts into `repository` that worked (201).
inline int mounts(const RegistryProcess &registry, qsizetype fromOffset, const QString &repository)
{
    return countLog(registry, fromOffset,
                    u"\"POST /v2/"_s + QRegularExpression::escape(repository) +
                        u"/blobs/uploads/\\?[^ \"]*mount=[^ \"]* HTTP/1\\.1\" 201 "_s);
}

inline QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

inline QJsonObject descriptor(const QString &mediaType, const QByteArray &bytes)
{
    return QJsonObject{{u"mediaType"_s, mediaType},
                       {u"digest"_s, oci::Digest::sha256Of(bytes).toString()},
                       {u"size"_s, double(bytes.size())}};
}

inline const QString OciManifestType = u"application/vnd.oci.image.manifest.v1+json"_s;
inline const QString OciIndexType = u"application/vnd.oci.image.index.v1+json"_s;

struct HandMadeImage
{
    QByteArray manifest;
    oci::Digest digest;
    QList<oci::Digest> layers;
    qint64 largestLayer = 0;
};

// An OCI image of random layers of these sizes (and a small config) in an anonymous
// registry, under `tag`.
inline HandMadeImage pushRandomImage(const RegistryProcess &registry, const QString &repository,
                                     const QString &tag, const QList<qint64> &layerSizes)
{
    HandMadeImage image;
    QJsonArray layers;
    QJsonArray diffIds;
    for (const qint64 size : layerSizes) {
        QByteArray bytes(size, Qt::Uninitialized);
        QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), size / 4);
        if (!cachetest::uploadBlob(registry, repository, bytes))
            return {};
        layers.append(descriptor(u"application/vnd.oci.image.layer.v1.tar+gzip"_s, bytes));
        image.layers.append(oci::Digest::sha256Of(bytes));
        diffIds.append(oci::Digest::sha256Of(bytes).toString());
        image.largestLayer = qMax(image.largestLayer, size);
    }
    const QByteArray config = compact(QJsonObject{
        {u"architecture"_s, u"amd64"_s},
        {u"os"_s, u"linux"_s},
        {u"rootfs"_s, QJsonObject{{u"type"_s, u"layers"_s}, {u"diff_ids"_s, diffIds}}},
    });
    if (!cachetest::uploadBlob(registry, repository, config))
        return {};
    image.manifest = compact(QJsonObject{
        {u"schemaVersion"_s, 2},
        {u"mediaType"_s, OciManifestType},
        {u"config"_s, descriptor(u"application/vnd.oci.image.config.v1+json"_s, config)},
        {u"layers"_s, layers},
    });
    if (!cachetest::putManifest(registry, repository, tag, OciManifestType.toLatin1(),
                                image.manifest))
        return {};
    image.digest = oci::Digest::sha256Of(image.manifest);
    return image;
}

struct Referrer
{
    QByteArray manifest;
    oci::Digest digest;
    QString artifactType;
};

// An SBOM artifact whose subject is `subject` (in `repository` of an anonymous registry),
// listed in the subject's fallback tag index as a registry without the referrers API wants.
inline Referrer pushSbomReferrer(const RegistryProcess &registry, const QString &repository,
                                 const QString &subjectMediaType, const QByteArray &subject)
{
    Referrer referrer;
    referrer.artifactType = u"application/spdx+json"_s;
    const QByteArray empty = "{}";
    const QByteArray sbom = R"({"spdxVersion":"SPDX-2.3","name":"lading-copy-test"})";
    if (!cachetest::uploadBlob(registry, repository, empty) ||
        !cachetest::uploadBlob(registry, repository, sbom))
        return {};
    referrer.manifest = compact(QJsonObject{
        {u"schemaVersion"_s, 2},
        {u"mediaType"_s, OciManifestType},
        {u"artifactType"_s, referrer.artifactType},
        {u"config"_s, descriptor(u"application/vnd.oci.empty.v1+json"_s, empty)},
        {u"layers"_s, QJsonArray{descriptor(referrer.artifactType, sbom)}},
        {u"subject"_s, descriptor(subjectMediaType, subject)},
    });
    referrer.digest = oci::Digest::sha256Of(referrer.manifest);
    if (!cachetest::putManifest(registry, repository, referrer.digest.toString(),
                                OciManifestType.toLatin1(), referrer.manifest))
        return {};
    QJsonObject entry = descriptor(OciManifestType, referrer.manifest);
    entry.insert(u"artifactType"_s, referrer.artifactType);
    const QByteArray index = compact(QJsonObject{{u"schemaVersion"_s, 2},
                                                 {u"mediaType"_s, OciIndexType},
                                                 {u"manifests"_s, QJsonArray{entry}}});
    if (!cachetest::putManifest(registry, repository,
                                u"sha256-"_s + oci::Digest::sha256Of(subject).encoded(),
                                OciIndexType.toLatin1(), index))
        return {};
    return referrer;
}

} // namespace copytest
