// Referrers: the real registry (distribution 2.8 has no referrers API, so the 404 and the
// "sha256-<hex>" fallback tag are real), and the HTTP test server for the referrers API
// itself (paging, server-side and client-side artifactType filtering), which no registry
// the rig can run offers.

#include "cachetestsupport.h"
#include "nettestsupport.h"
#include "support/clientharness.h"
#include "support/fixtures.h"
#include "support/registryprocess.h"

#include "oci/cache/contentcache.h"
#include "oci/client/registryclient.h"
#include "oci/inspect/contentfetcher.h"
#include "oci/inspect/referrersjob.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <memory>

using oci::ReferrersJob;

namespace {

const QString Repo = QStringLiteral("refs/app");
const QByteArray OciManifestType = "application/vnd.oci.image.manifest.v1+json";
const QByteArray OciIndexType = "application/vnd.oci.image.index.v1+json";
const QString SbomType = QStringLiteral("application/vnd.example.sbom.v1+json");
const QString SignatureType = QStringLiteral("application/vnd.example.signature.v1");

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

QJsonObject referrerEntry(const QString &artifactType, const QByteArray &bytes, const QString &note)
{
    QJsonObject entry = descriptor(OciManifestType, bytes);
    entry.insert(QStringLiteral("artifactType"), artifactType);
    entry.insert(QStringLiteral("annotations"),
                 QJsonObject{{QStringLiteral("org.example.note"), note}});
    return entry;
}

QByteArray indexOf(const QJsonArray &entries)
{
    return compact(QJsonObject{{QStringLiteral("schemaVersion"), 2},
                               {QStringLiteral("mediaType"), QString::fromLatin1(OciIndexType)},
                               {QStringLiteral("manifests"), entries}});
}

bool waitJob(oci::Job *job)
{
    return nettest::waitFinished(job, 30000);
}

} // namespace

class TestReferrersJob final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fallbackTagOnTheRealRegistry();
    void noReferrersIsAnEmptyList();
    void referrersApiWithPagesAndFilters();
    void referrersApiPageOnAnotherHostIsRefused();
    void fallbackTagName();
};

void TestReferrersJob::fallbackTagOnTheRealRegistry()
{
    REQUIRE_REGISTRY_TOOLS();
    RegistryProcess registry;
    QVERIFY2(registry.start(), qPrintable(registry.errorString()));
    Fixtures fixtures(registry);
    auto image = fixtures.pushOciImage(Repo, QStringLiteral("1.0"));
    QVERIFY_RESULT(image);

    const QByteArray empty = "{}";
    const QByteArray sbom = "{\"spdxVersion\":\"SPDX-2.3\"}";
    QVERIFY(cachetest::uploadBlob(registry, Repo, empty));
    QVERIFY(cachetest::uploadBlob(registry, Repo, sbom));
    const QByteArray artifact = compact(QJsonObject{
        {QStringLiteral("schemaVersion"), 2},
        {QStringLiteral("mediaType"), QString::fromLatin1(OciManifestType)},
        {QStringLiteral("artifactType"), SbomType},
        {QStringLiteral("config"), descriptor("application/vnd.oci.empty.v1+json", empty)},
        {QStringLiteral("layers"), QJsonArray{descriptor(SbomType.toLatin1(), sbom)}},
        {QStringLiteral("subject"), descriptor(OciManifestType, image->manifest)},
    });
    QVERIFY(
        cachetest::putManifest(registry, Repo, QStringLiteral("sbom"), OciManifestType, artifact));
    const QByteArray fallback =
        indexOf(QJsonArray{referrerEntry(SbomType, artifact, QStringLiteral("the sbom"))});
    QVERIFY(cachetest::putManifest(registry, Repo, ReferrersJob::fallbackTag(image->digest),
                                   OciIndexType, fallback));

    ClientHarness harness(registry, ClientHarness::Login::Anonymous);
    oci::ContentCache cache(oci::ContentCacheOptions{});
    oci::ContentFetcher fetcher(harness.client(), &cache);
    const qsizetype logStart = registry.log().size();
    std::unique_ptr<ReferrersJob> job(fetcher.referrers(Repo, image->digest));
    QVERIFY(waitJob(job.get()));
    QVERIFY2(job->succeeded(), qPrintable(job->error().describe()));
    QCOMPARE(job->source(), ReferrersJob::Source::FallbackTag);
    QCOMPARE(job->subject(), image->digest);
    QCOMPARE(job->referrers().size(), 1);
    const oci::Descriptor &referrer = job->referrers().constFirst();
    QCOMPARE(referrer.digest(), oci::Digest::sha256Of(artifact));
    QCOMPARE(referrer.size(), qint64(artifact.size()));
    QCOMPARE(referrer.mediaType(), QString::fromLatin1(OciManifestType));
    QCOMPARE(referrer.artifactType(), SbomType);
    QCOMPARE(referrer.annotation(QStringLiteral("org.example.note")), QStringLiteral("the sbom"));
    QVERIFY(!job->isStale());
    // The API was asked first and answered 404.
    QCOMPARE(cachetest::countRequests(registry, logStart, QStringLiteral("GET"),
                                      u"/v2/refs/app/referrers/" + image->digest.toString()),
             1);

    // Filtered by artifact type on our side (the fallback index has no filter).
    std::unique_ptr<ReferrersJob> signatures(fetcher.referrers(Repo, image->digest, SignatureType));
    QVERIFY(waitJob(signatures.get()));
    QVERIFY(signatures->succeeded());
    QVERIFY(signatures->referrers().isEmpty());
}

void TestReferrersJob::noReferrersIsAnEmptyList()
{
    REQUIRE_REGISTRY_TOOLS();
    RegistryProcess registry;
    QVERIFY2(registry.start(), qPrintable(registry.errorString()));
    Fixtures fixtures(registry);
    auto image = fixtures.pushDockerImage(Repo, QStringLiteral("plain"));
    QVERIFY_RESULT(image);
    ClientHarness harness(registry, ClientHarness::Login::Anonymous);
    oci::ContentCache cache(oci::ContentCacheOptions{});
    oci::ContentFetcher fetcher(harness.client(), &cache);
    std::unique_ptr<ReferrersJob> job(fetcher.referrers(Repo, image->digest));
    QVERIFY(waitJob(job.get()));
    QVERIFY2(job->succeeded(), qPrintable(job->error().describe()));
    QCOMPARE(job->source(), ReferrersJob::Source::None);
    QVERIFY(job->referrers().isEmpty());
}

void TestReferrersJob::referrersApiWithPagesAndFilters()
{
    HttpTestServer server;
    QVERIFY(server.listen());
    const oci::Digest subject = oci::Digest::sha256Of("the subject");
    const QByteArray path = "/v2/refs/app/referrers/" + subject.toString().toLatin1();
    const QByteArray page1 =
        indexOf(QJsonArray{referrerEntry(SbomType, "a", QStringLiteral("one")),
                           referrerEntry(SignatureType, "b", QStringLiteral("two"))});
    const QByteArray page2 =
        indexOf(QJsonArray{referrerEntry(SbomType, "c", QStringLiteral("three"))});
    bool serverFilters = false;
    server.setHandler([&](const HttpTestRequest &request) {
        if (request.path() != path)
            return HttpTestResponse::registryError(404, "NAME_UNKNOWN");
        const bool second = request.target.contains("page=2");
        HttpTestResponse response =
            HttpTestResponse::json(200, second ? page2 : page1, OciIndexType);
        if (!second)
            response.header("Link", "<" + path + "?page=2>; rel=\"next\"");
        if (serverFilters && request.target.contains("artifactType="))
            response.header("OCI-Filters-Applied", "artifactType");
        return response;
    });
    oci::Transport transport;
    transport.setOptions(nettest::fastOptions());
    oci::RegistryClient client(&transport, nettest::registryFor(server));
    oci::ContentCache cache(oci::ContentCacheOptions{});
    oci::ContentFetcher fetcher(&client, &cache);

    std::unique_ptr<ReferrersJob> all(fetcher.referrers(QStringLiteral("refs/app"), subject));
    QVERIFY(waitJob(all.get()));
    QVERIFY2(all->succeeded(), qPrintable(all->error().describe()));
    QCOMPARE(all->source(), ReferrersJob::Source::Api);
    QCOMPARE(all->referrers().size(), 3);
    QCOMPARE(all->referrers().at(2).annotation(QStringLiteral("org.example.note")),
             QStringLiteral("three"));
    QCOMPARE(server.requestCount(path), 2);
    QCOMPARE(server.requestsTo(path).constFirst().header("accept"), OciIndexType);

    // A server that ignores the filter: filtered here.
    std::unique_ptr<ReferrersJob> sboms(
        fetcher.referrers(QStringLiteral("refs/app"), subject, SbomType));
    QVERIFY(waitJob(sboms.get()));
    QVERIFY(sboms->succeeded());
    QCOMPARE(sboms->referrers().size(), 2);
    QVERIFY(server.requestsTo(path).at(2).target.contains("artifactType=application"));
    // A server that says it filtered is believed.
    serverFilters = true;
    std::unique_ptr<ReferrersJob> trusted(
        fetcher.referrers(QStringLiteral("refs/app"), subject, SbomType));
    QVERIFY(waitJob(trusted.get()));
    QCOMPARE(trusted->referrers().size(), 3);
    QCOMPARE(fetcher.counters().referrersGets, 6);
}

void TestReferrersJob::referrersApiPageOnAnotherHostIsRefused()
{
    HttpTestServer server;
    QVERIFY(server.listen());
    const oci::Digest subject = oci::Digest::sha256Of("subject");
    const QByteArray page =
        indexOf(QJsonArray{referrerEntry(SbomType, "a", QStringLiteral("one"))});
    server.setHandler([&](const HttpTestRequest &) {
        return HttpTestResponse::json(200, page, OciIndexType)
            .header("Link", "<http://other.invalid/next>; rel=\"next\"");
    });
    oci::Transport transport;
    transport.setOptions(nettest::fastOptions());
    oci::RegistryClient client(&transport, nettest::registryFor(server));
    oci::ContentCache cache(oci::ContentCacheOptions{});
    oci::ContentFetcher fetcher(&client, &cache);
    std::unique_ptr<ReferrersJob> job(fetcher.referrers(QStringLiteral("refs/app"), subject));
    QVERIFY(waitJob(job.get()));
    QCOMPARE(job->error().code(), oci::Error::Code::PaginationRefused);
    QCOMPARE(server.requestCount(), 1);
}

void TestReferrersJob::fallbackTagName()
{
    const oci::Digest digest = oci::Digest::sha256Of("x");
    QCOMPARE(ReferrersJob::fallbackTag(digest), QString(u"sha256-" + digest.encoded()));
}

QTEST_GUILESS_MAIN(TestReferrersJob)
#include "tst_referrersjob.moc"
