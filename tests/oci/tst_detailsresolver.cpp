// DetailsResolver against the real registry: an OCI image, a Docker schema2 image, a
// two-platform index, an index with an attestation entry, an OCI 1.1 artifact, a referrers
// fallback tag, two images with chosen created dates, and 3000 tags sharing one digest.
// The oracle is the JSON skopeo reads back and what the test itself wrote; the registry's
// access log proves HEAD first and no manifest or config fetched twice.

#include "cachetestsupport.h"
#include "support/clientharness.h"
#include "support/fixtures.h"
#include "support/registryprocess.h"

#include "oci/cache/contentcache.h"
#include "oci/inspect/contentfetcher.h"
#include "oci/inspect/detailsresolver.h"
#include "oci/inspect/imagedetails.h"
#include "oci/manifest/imageconfig.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using oci::DetailsResolver;
using oci::ImageDetails;
using oci::TagDetails;

namespace {

const QString Repo = QStringLiteral("details/app");
const QByteArray OciManifestType = "application/vnd.oci.image.manifest.v1+json";
const QByteArray OciIndexType = "application/vnd.oci.image.index.v1+json";
const QString SbomType = QStringLiteral("application/vnd.example.sbom.v1+json");
constexpr int ManyTags = 3000;

QJsonObject json(const QByteArray &bytes)
{
    return QJsonDocument::fromJson(bytes).object();
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QJsonObject descriptor(const QByteArray &mediaType, const QByteArray &bytes)
{
    return QJsonObject{{QStringLiteral("mediaType"), QString::fromLatin1(mediaType)},
                       {QStringLiteral("digest"), oci::Digest::sha256Of(bytes).toString()},
                       {QStringLiteral("size"), bytes.size()}};
}

// config + layers, read from the manifest JSON without Lading's parser.
qint64 sizeOf(const QByteArray &manifest)
{
    const QJsonObject object = json(manifest);
    qint64 size = qint64(object.value(u"config").toObject().value(u"size").toDouble());
    const QJsonArray layers = object.value(u"layers").toArray();
    for (const QJsonValue &layer : layers)
        size += qint64(layer.toObject().value(u"size").toDouble());
    return size;
}

QDateTime createdOf(const QByteArray &config)
{
    return QDateTime::fromString(json(config).value(u"created").toString(), Qt::ISODateWithMs);
}

bool waitIdle(DetailsResolver *resolver, int timeoutMs = 120000)
{
    if (resolver->isIdle())
        return true;
    QSignalSpy spy(resolver, &DetailsResolver::idle);
    return spy.wait(timeoutMs);
}

} // namespace

class TestDetailsResolver final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void resolvesEveryKindHeadFirstOncePerDigest();
    void secondResolverWithWarmCacheOnlyAsksHead();
    void visibleRowsGoFirstWithinTheConcurrencyBound();
    void cancelStopsEverythingAndCanResume();
    void missingTagIsARowWithAnError();
    void cleanup();

private:
    struct Expected
    {
        oci::Digest digest;
        ImageDetails::Kind kind;
        ImageDetails::Format format;
        qint64 size;
        QDateTime created;
        QStringList platforms;
        int attestations = 0;
        QString artifactType;
    };

    bool seedExtras(Fixtures &fixtures);

    std::unique_ptr<RegistryProcess> m_registry;
    QStringList m_tags;
    QHash<QString, Expected> m_expected; // tag -> expected (the many tags map to "oci")
    QSet<QString> m_manifestDigests;     // every manifest a full resolve must read once
    QSet<QString> m_configDigests;       // every config it must read once
    SeededImage m_oci;
};

void TestDetailsResolver::initTestCase()
{
    REQUIRE_REGISTRY_TOOLS();
    m_registry = std::make_unique<RegistryProcess>();
    QVERIFY2(m_registry->start(), qPrintable(m_registry->errorString()));
    Fixtures fixtures(*m_registry);
    auto oci = fixtures.pushOciImage(Repo, QStringLiteral("oci"));
    QVERIFY_RESULT(oci);
    m_oci = oci.value();
    auto docker = fixtures.pushDockerImage(Repo, QStringLiteral("docker"));
    QVERIFY_RESULT(docker);
    auto index = fixtures.pushIndex(Repo, QStringLiteral("multi"));
    QVERIFY_RESULT(index);

    for (const SeededImage &image : {oci.value(), docker.value()}) {
        m_expected.insert(image.tag, Expected{image.digest,
                                              ImageDetails::Kind::Image,
                                              image.tag == u"oci" ? ImageDetails::Format::Oci
                                                                  : ImageDetails::Format::Docker,
                                              sizeOf(image.manifest),
                                              createdOf(image.config),
                                              {QStringLiteral("linux/amd64")},
                                              0,
                                              {}});
        m_manifestDigests << image.digest.toString();
        m_configDigests << image.configDigest.toString();
    }

    // The index: each platform's manifest and config as skopeo reads them.
    Expected multi{index->digest,
                   ImageDetails::Kind::Index,
                   ImageDetails::Format::Oci,
                   0,
                   {},
                   index->platforms,
                   0,
                   {}};
    m_manifestDigests << index->digest.toString();
    QSet<QString> multiBlobs;
    qint64 platformSizes = 0;
    const QJsonArray entries = json(index->manifest).value(u"manifests").toArray();
    for (const QJsonValue &entry : entries) {
        const QString child = entry.toObject().value(u"digest").toString();
        auto manifest = fixtures.skopeoInspectRaw(Repo + u'@' + child);
        QVERIFY_RESULT(manifest);
        auto config = fixtures.skopeoInspectRaw(Repo + u'@' + child, true);
        QVERIFY_RESULT(config);
        const QJsonObject childJson = json(manifest.value());
        QJsonArray blobs = childJson.value(u"layers").toArray();
        blobs.prepend(childJson.value(u"config"));
        for (const QJsonValue &blob : std::as_const(blobs)) {
            const QString blobDigest = blob.toObject().value(u"digest").toString();
            if (!multiBlobs.contains(blobDigest)) { // shared layers count once
                multiBlobs.insert(blobDigest);
                multi.size += qint64(blob.toObject().value(u"size").toDouble());
            }
        }
        platformSizes += sizeOf(manifest.value());
        multi.created = std::max(multi.created, createdOf(config.value()));
        m_manifestDigests << child;
        m_configDigests << oci::Digest::sha256Of(config.value()).toString();
    }
    m_expected.insert(QStringLiteral("multi"), multi);
    QVERIFY(platformSizes > multi.size); // the fixture's platforms share their layers
    QVERIFY(seedExtras(fixtures));
    if (QTest::currentTestFailed())
        return;

    auto many = fixtures.pushManyTags(m_oci, ManyTags, QStringLiteral("t"));
    QVERIFY_RESULT(many);
    m_tags = QStringList(m_expected.keyBegin(), m_expected.keyEnd()) + many.value();
    m_tags.sort();
    for (const QString &tag : std::as_const(many.value()))
        m_expected.insert(tag, m_expected.value(QStringLiteral("oci")));
}

bool TestDetailsResolver::seedExtras(Fixtures &fixtures)
{
    Q_UNUSED(fixtures);
    // Two images with chosen created dates: the fixture's config with another "created".
    for (const auto &[tag, created] :
         {std::pair{QStringLiteral("old"), QStringLiteral("2019-03-01T10:00:00Z")},
          std::pair{QStringLiteral("new"), QStringLiteral("2031-07-15T08:30:00Z")}}) {
        QJsonObject config = json(m_oci.config);
        config.insert(QStringLiteral("created"), created);
        const QByteArray configBytes = compact(config);
        if (!cachetest::uploadBlob(*m_registry, Repo, configBytes))
            return false;
        QJsonObject manifest = json(m_oci.manifest);
        QJsonObject configDescriptor = manifest.value(u"config").toObject();
        configDescriptor.insert(QStringLiteral("digest"),
                                oci::Digest::sha256Of(configBytes).toString());
        configDescriptor.insert(QStringLiteral("size"), configBytes.size());
        manifest.insert(QStringLiteral("config"), configDescriptor);
        const QByteArray manifestBytes = compact(manifest);
        if (!cachetest::putManifest(*m_registry, Repo, tag, OciManifestType, manifestBytes))
            return false;
        m_expected.insert(tag, Expected{oci::Digest::sha256Of(manifestBytes),
                                        ImageDetails::Kind::Image,
                                        ImageDetails::Format::Oci,
                                        sizeOf(manifestBytes),
                                        QDateTime::fromString(created, Qt::ISODate),
                                        {QStringLiteral("linux/amd64")},
                                        0,
                                        {}});
        m_manifestDigests << oci::Digest::sha256Of(manifestBytes).toString();
        m_configDigests << oci::Digest::sha256Of(configBytes).toString();
    }

    // An OCI 1.1 artifact (an "SBOM") whose subject is the OCI image.
    const QByteArray empty = "{}";
    const QByteArray sbom = "{\"spdxVersion\":\"SPDX-2.3\",\"name\":\"lading-fixture\"}";
    if (!cachetest::uploadBlob(*m_registry, Repo, empty) ||
        !cachetest::uploadBlob(*m_registry, Repo, sbom))
        return false;
    const QByteArray artifact = compact(QJsonObject{
        {QStringLiteral("schemaVersion"), 2},
        {QStringLiteral("mediaType"), QString::fromLatin1(OciManifestType)},
        {QStringLiteral("artifactType"), SbomType},
        {QStringLiteral("config"), descriptor("application/vnd.oci.empty.v1+json", empty)},
        {QStringLiteral("layers"), QJsonArray{descriptor(SbomType.toLatin1(), sbom)}},
        {QStringLiteral("subject"), descriptor(OciManifestType, m_oci.manifest)},
    });
    if (!cachetest::putManifest(*m_registry, Repo, QStringLiteral("sbom"), OciManifestType,
                                artifact))
        return false;
    m_expected.insert(QStringLiteral("sbom"), Expected{oci::Digest::sha256Of(artifact),
                                                       ImageDetails::Kind::Artifact,
                                                       ImageDetails::Format::Oci,
                                                       qint64(empty.size() + sbom.size()),
                                                       {},
                                                       {},
                                                       0,
                                                       SbomType});
    m_manifestDigests << oci::Digest::sha256Of(artifact).toString();

    // The referrers fallback tag of the OCI image: an index listing the artifact.
    QJsonObject artifactEntry = descriptor(OciManifestType, artifact);
    artifactEntry.insert(QStringLiteral("artifactType"), SbomType);
    const QByteArray referrers = compact(QJsonObject{
        {QStringLiteral("schemaVersion"), 2},
        {QStringLiteral("mediaType"), QString::fromLatin1(OciIndexType)},
        {QStringLiteral("manifests"), QJsonArray{artifactEntry}},
    });
    const QString fallbackTag = u"sha256-" + m_oci.digest.encoded();
    if (!cachetest::putManifest(*m_registry, Repo, fallbackTag, OciIndexType, referrers))
        return false;
    m_expected.insert(fallbackTag, Expected{oci::Digest::sha256Of(referrers),
                                            ImageDetails::Kind::Index,
                                            ImageDetails::Format::Oci,
                                            -1,
                                            {},
                                            {},
                                            0,
                                            {}});
    m_manifestDigests << oci::Digest::sha256Of(referrers).toString();

    // An index with one platform image and a buildx-style attestation entry.
    QJsonObject platformEntry = descriptor(OciManifestType, m_oci.manifest);
    platformEntry.insert(QStringLiteral("platform"),
                         QJsonObject{{QStringLiteral("os"), QStringLiteral("linux")},
                                     {QStringLiteral("architecture"), QStringLiteral("amd64")}});
    QJsonObject attestation = descriptor(OciManifestType, artifact);
    attestation.insert(QStringLiteral("platform"),
                       QJsonObject{{QStringLiteral("os"), QStringLiteral("unknown")},
                                   {QStringLiteral("architecture"), QStringLiteral("unknown")}});
    attestation.insert(
        QStringLiteral("annotations"),
        QJsonObject{
            {QStringLiteral("vnd.docker.reference.type"), QStringLiteral("attestation-manifest")},
            {QStringLiteral("vnd.docker.reference.digest"), m_oci.digest.toString()}});
    const QByteArray attested = compact(QJsonObject{
        {QStringLiteral("schemaVersion"), 2},
        {QStringLiteral("mediaType"), QString::fromLatin1(OciIndexType)},
        {QStringLiteral("manifests"), QJsonArray{platformEntry, attestation}},
    });
    if (!cachetest::putManifest(*m_registry, Repo, QStringLiteral("attested"), OciIndexType,
                                attested))
        return false;
    m_expected.insert(QStringLiteral("attested"), Expected{oci::Digest::sha256Of(attested),
                                                           ImageDetails::Kind::Index,
                                                           ImageDetails::Format::Oci,
                                                           sizeOf(m_oci.manifest),
                                                           createdOf(m_oci.config),
                                                           {QStringLiteral("linux/amd64")},
                                                           1,
                                                           {}});
    m_manifestDigests << oci::Digest::sha256Of(attested).toString();
    return true;
}

void TestDetailsResolver::cleanup()
{
    if (QTest::currentTestFailed() && m_registry)
        m_registry->printLogTail();
}

void TestDetailsResolver::resolvesEveryKindHeadFirstOncePerDigest()
{
    ClientHarness harness(*m_registry, ClientHarness::Login::Anonymous);
    oci::ContentCache cache(oci::ContentCacheOptions{});
    oci::ContentFetcher fetcher(harness.client(), &cache);
    DetailsResolver resolver(&fetcher, Repo);
    const qsizetype logStart = m_registry->log().size();
    QSignalSpy rows(&resolver, &DetailsResolver::tagResolved);
    QSignalSpy progress(&resolver, &DetailsResolver::progress);

    resolver.request(m_tags);
    QCOMPARE(resolver.total(), int(m_tags.size()));
    QVERIFY(waitIdle(&resolver));
    QCOMPARE(resolver.done(), int(m_tags.size()));
    QCOMPARE(rows.count(), int(m_tags.size()));
    QCOMPARE(progress.last().at(0).toInt(), int(m_tags.size()));
    QCOMPARE(progress.last().at(1).toInt(), int(m_tags.size()));

    for (const QString &tag : std::as_const(m_tags)) {
        const TagDetails row = resolver.results().value(tag);
        const Expected expected = m_expected.value(tag);
        QVERIFY2(row.error.code() == oci::Error::Code::None,
                 qPrintable(tag + u": " + row.error.describe()));
        QCOMPARE(row.tag, tag);
        QVERIFY(!row.stale);
        QCOMPARE(row.referrerFallbackTag, tag.startsWith(u"sha256-"));
        const ImageDetails &details = row.details;
        QCOMPARE(details.digest, expected.digest);
        QCOMPARE(details.kind, expected.kind);
        QCOMPARE(details.format, expected.format);
        if (expected.size >= 0)
            QCOMPARE(details.compressedSize, expected.size);
        QCOMPARE(details.created, expected.created);
        if (!tag.startsWith(u"sha256-"))
            QCOMPARE(details.platforms, expected.platforms);
        QCOMPARE(details.attestationCount, expected.attestations);
        QCOMPARE(details.artifactType, expected.artifactType);
    }
    const ImageDetails image = resolver.results().value(QStringLiteral("oci")).details;
    QVERIFY(image.config);
    QCOMPARE(image.config->cmd, QStringList{QStringLiteral("/usr/bin/hello")});
    const ImageDetails multi = resolver.results().value(QStringLiteral("multi")).details;
    QCOMPARE(multi.platformDetails.size(), 2);
    for (const oci::PlatformDetails &platform : multi.platformDetails) {
        QVERIFY(platform.compressedSize > 0);
        QVERIFY(platform.compressedSize < multi.compressedSize);
        QVERIFY(platform.config);
        QVERIFY(platform.manifest);
        QCOMPARE(platform.created, platform.config->created);
    }

    // HEAD once per tag; each manifest and config fetched once, whatever shares it.
    const QString repoPath = QStringLiteral("/v2/details/app/");
    QCOMPARE(cachetest::countRequests(*m_registry, logStart, QStringLiteral("HEAD"),
                                      repoPath + u"manifests/.*"),
             int(m_tags.size()));
    QCOMPARE(cachetest::countRequests(*m_registry, logStart, QStringLiteral("GET"),
                                      repoPath + u"manifests/.*"),
             int(m_manifestDigests.size()));
    QCOMPARE(cachetest::countRequests(*m_registry, logStart, QStringLiteral("GET"),
                                      repoPath + u"manifests/sha256:.*"),
             int(m_manifestDigests.size())); // by digest only, never by tag
    QCOMPARE(cachetest::countRequests(*m_registry, logStart, QStringLiteral("GET"),
                                      repoPath + u"blobs/.*"),
             int(m_configDigests.size()));
    QCOMPARE(fetcher.counters().manifestHeads, int(m_tags.size()));
    QCOMPARE(fetcher.counters().blobGets, int(m_configDigests.size()));
}

void TestDetailsResolver::secondResolverWithWarmCacheOnlyAsksHead()
{
    ClientHarness harness(*m_registry, ClientHarness::Login::Anonymous);
    oci::ContentCache cache(oci::ContentCacheOptions{});
    oci::ContentFetcher fetcher(harness.client(), &cache);
    const QStringList some = m_tags.mid(0, 20);
    {
        DetailsResolver first(&fetcher, Repo);
        first.request(some);
        QVERIFY(waitIdle(&first));
    }
    const qsizetype logStart = m_registry->log().size();
    DetailsResolver second(&fetcher, Repo);
    second.request(some);
    QVERIFY(waitIdle(&second));
    QCOMPARE(second.done(), int(some.size()));
    QCOMPARE(cachetest::countRequests(*m_registry, logStart, QStringLiteral("HEAD"),
                                      QStringLiteral(".*")),
             int(some.size()));
    QCOMPARE(cachetest::countRequests(*m_registry, logStart, QStringLiteral("GET"),
                                      QStringLiteral(".*")),
             0);
    // Asking again for known tags costs nothing at all.
    second.request(some);
    QVERIFY(second.isIdle());
}

void TestDetailsResolver::visibleRowsGoFirstWithinTheConcurrencyBound()
{
    ClientHarness harness(*m_registry, ClientHarness::Login::Anonymous);
    oci::ContentCache cache(oci::ContentCacheOptions{});
    oci::ContentFetcher fetcher(harness.client(), &cache);
    DetailsResolver resolver(&fetcher, Repo);
    resolver.setMaxConcurrent(3);
    QStringList order;
    int maxInFlight = 0;
    connect(&resolver, &DetailsResolver::tagResolved, this, [&](const TagDetails &row) {
        order << row.tag;
        maxInFlight = std::max(maxInFlight, resolver.inFlight());
    });
    resolver.request(m_tags, DetailsResolver::Priority::Background);
    const QStringList visible = m_tags.mid(m_tags.size() - 10); // the end of the list
    resolver.request(visible, DetailsResolver::Priority::Visible);
    QCOMPARE(resolver.total(), int(m_tags.size()));
    QVERIFY(waitIdle(&resolver));
    QCOMPARE(order.size(), int(m_tags.size()));
    QVERIFY(maxInFlight <= 3);
    for (const QString &tag : visible) {
        const qsizetype position = order.indexOf(tag);
        QVERIFY2(position >= 0 && position < 40,
                 qPrintable(tag + u" came at " + QString::number(position)));
    }
}

void TestDetailsResolver::cancelStopsEverythingAndCanResume()
{
    ClientHarness harness(*m_registry, ClientHarness::Login::Anonymous);
    oci::ContentCache cache(oci::ContentCacheOptions{});
    oci::ContentFetcher fetcher(harness.client(), &cache);
    DetailsResolver resolver(&fetcher, Repo);
    QSignalSpy rows(&resolver, &DetailsResolver::tagResolved);
    resolver.request(m_tags);
    while (rows.count() < 100)
        QVERIFY(rows.wait(30000));
    resolver.cancel();
    resolver.cancel();
    const int doneAtCancel = resolver.done();
    const qsizetype rowsAtCancel = rows.count();
    QVERIFY(resolver.isIdle());
    QCOMPARE(resolver.inFlight(), 0);
    QCOMPARE(resolver.total(), doneAtCancel);
    QTest::qWait(300);
    QCOMPARE(rows.count(), rowsAtCancel); // nothing after cancel()
    QCOMPARE(resolver.done(), doneAtCancel);

    resolver.request(m_tags);
    QVERIFY(waitIdle(&resolver));
    QCOMPARE(resolver.done(), int(m_tags.size()));
    QCOMPARE(rows.count(), int(m_tags.size()));
    QCOMPARE(resolver.results().value(QStringLiteral("t2999")).details.digest, m_oci.digest);
}

void TestDetailsResolver::missingTagIsARowWithAnError()
{
    ClientHarness harness(*m_registry, ClientHarness::Login::Anonymous);
    oci::ContentCache cache(oci::ContentCacheOptions{});
    oci::ContentFetcher fetcher(harness.client(), &cache);
    DetailsResolver resolver(&fetcher, Repo);
    resolver.request({QStringLiteral("gone"), QStringLiteral("oci")});
    QVERIFY(waitIdle(&resolver));
    QCOMPARE(resolver.done(), 2);
    QCOMPARE(resolver.results().value(QStringLiteral("gone")).error.code(),
             oci::Error::Code::NotFound);
    QCOMPARE(resolver.results().value(QStringLiteral("oci")).error.code(), oci::Error::Code::None);
}

QTEST_GUILESS_MAIN(TestDetailsResolver)
#include "tst_detailsresolver.moc"
