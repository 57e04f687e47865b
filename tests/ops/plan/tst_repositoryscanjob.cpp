// RepositoryScanJob against the real registry (docker-registry: no referrers API, so the
// "sha256-<hex>" tag holds them): two tags on one digest, a two-platform index with one
// platform also tagged on its own, and an SBOM artifact whose subject is the shared digest. skopeo is the witness for every tag and digest; the plans made from
// the scan are checked against what skopeo says. Then the failures: a tag the registry
// cannot serve, an unknown repository, cancel; and, on the HTTP test server (a registry
// that lists tags but cannot be asked about them is not something docker-registry can be
// made to do), a tag known only from the cache's memory.

#include "registrysbom.h"

#include "oci/cachetestsupport.h"
#include "oci/nettestsupport.h"
#include "support/clientharness.h"
#include "support/fixtures.h"
#include "support/httptestserver.h"
#include "support/registryprocess.h"
#include "support/registryseeder.h"
#include "support/toolrunner.h"

#include "ops/plan/deletionplanner.h"
#include "ops/plan/repositoryscanjob.h"
#include "ops/plan/retentionplanner.h"
#include "ops/plan/retentionrules.h"

#include "oci/cache/contentcache.h"
#include "oci/client/registryclient.h"
#include "oci/inspect/contentfetcher.h"
#include "oci/inspect/referrersjob.h"
#include "oci/transport/transport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using ops::DeleteMode;
using ops::DeletePlan;
using ops::DeleteStep;
using ops::RepositoryScanJob;
using ops::TagFate;
using plantest::compact;
using plantest::descriptor;
using plantest::fateOf;
using plantest::OciIndexType;
using plantest::OciManifestType;

namespace {

const QString Repo = QStringLiteral("plan/app");

} // namespace

class TestRepositoryScanJob final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void scanMatchesSkopeo();
    void plansFromTheScan();
    void aTagThatCannotBeReadFailsTheScan();
    void unknownRepositoryFails();
    void cancelIsSilent();
    void clientGoneMidScanIsSafe();
    void aRememberedAnswerIsNotEnough();

private:
    // What skopeo says: every tag of Repo and the digest of its manifest.
    QHash<QString, oci::Digest> skopeoDigests();
    std::unique_ptr<RepositoryScanJob> scanned(const QString &repository,
                                              RepositoryScanJob::Options options = {});
    QStringList skopeoTagsOn(const oci::Digest &digest);

    std::unique_ptr<RegistryProcess> m_registry;
    std::unique_ptr<Fixtures> m_fixtures;
    std::unique_ptr<ClientHarness> m_harness;
    std::unique_ptr<oci::ContentCache> m_cache;
    std::unique_ptr<oci::ContentFetcher> m_fetcher;
    SeededImage m_shared; // '1.1' and 'latest'
    SeededImage m_index;  // 'multi'
    oci::Digest m_child;  // a platform of the index, also tagged '1.0'
    oci::Digest m_sbom;   // untagged, subject: m_shared, listed by the fallback tag
    QHash<QString, oci::Digest> m_skopeo;
};

void TestRepositoryScanJob::initTestCase()
{
    REQUIRE_REGISTRY_TOOLS();
    m_registry = std::make_unique<RegistryProcess>();
    QVERIFY2(m_registry->start(), qPrintable(m_registry->errorString()));
    m_fixtures = std::make_unique<Fixtures>(*m_registry);

    // Docker media types: a digest of its own (the OCI image is also the index's amd64).
    auto shared = m_fixtures->pushDockerImage(Repo, QStringLiteral("1.1"));
    QVERIFY_RESULT(shared);
    m_shared = shared.value();
    QVERIFY(cachetest::putManifest(*m_registry, Repo, QStringLiteral("latest"),
                                   m_shared.mediaType.toLatin1(), m_shared.manifest));
    auto index = m_fixtures->pushIndex(Repo, QStringLiteral("multi"));
    QVERIFY_RESULT(index);
    m_index = index.value();
    // '1.0' is the same manifest as one platform of 'multi' (skopeo says so below).
    auto platform = m_fixtures->pushOciImage(Repo, QStringLiteral("1.0"));
    QVERIFY_RESULT(platform);
    m_child = platform->digest;
    QVERIFY(m_index.manifest.contains(m_child.toString().toLatin1()));
    QVERIFY(m_child != m_shared.digest);

    // An SBOM for the shared digest, reachable only through its "sha256-<hex>" tag.
    m_sbom = plantest::pushSbom(*m_registry, Repo, m_shared.mediaType, m_shared.manifest, {},
                                QStringLiteral("plan-fixture"));
    QVERIFY(!m_sbom.isNull());

    m_harness = std::make_unique<ClientHarness>(*m_registry, ClientHarness::Login::Anonymous);
    m_cache = std::make_unique<oci::ContentCache>(oci::ContentCacheOptions{});
    m_fetcher = std::make_unique<oci::ContentFetcher>(m_harness->client(), m_cache.get());
    m_skopeo = skopeoDigests();
    QCOMPARE(m_skopeo.size(), 5);
}

void TestRepositoryScanJob::cleanup()
{
    if (QTest::currentTestFailed() && m_registry)
        m_registry->printLogTail();
}

QHash<QString, oci::Digest> TestRepositoryScanJob::skopeoDigests()
{
    QHash<QString, oci::Digest> digests;
    const oci::Result<QStringList> tags = m_fixtures->skopeoListTags(Repo);
    if (!tags) {
        qWarning("%s", qPrintable(tags.error().message()));
        return digests;
    }
    for (const QString &tag : tags.value()) {
        auto raw = m_fixtures->skopeoInspectRaw(Repo + u':' + tag);
        if (raw)
            digests.insert(tag, oci::Digest::sha256Of(raw.value()));
    }
    return digests;
}

QStringList TestRepositoryScanJob::skopeoTagsOn(const oci::Digest &digest)
{
    QStringList tags;
    for (auto it = m_skopeo.cbegin(); it != m_skopeo.cend(); ++it) {
        if (it.value() == digest)
            tags << it.key();
    }
    tags.sort();
    return tags;
}

std::unique_ptr<RepositoryScanJob> TestRepositoryScanJob::scanned(const QString &repository,
                                                                 RepositoryScanJob::Options options)
{
    std::unique_ptr<RepositoryScanJob> job(RepositoryScanJob::start(m_fetcher.get(), repository, options));
    if (!ClientHarness::wait(job.get(), 120000))
        qWarning("the scan of %s did not finish", qPrintable(repository));
    return job;
}

void TestRepositoryScanJob::scanMatchesSkopeo()
{
    const qsizetype logStart = m_registry->log().size();
    std::unique_ptr<RepositoryScanJob> job(
        RepositoryScanJob::start(m_fetcher.get(), Repo, RepositoryScanJob::Options{3}));
    QSignalSpy phases(job.get(), &RepositoryScanJob::phaseChanged);
    QSignalSpy progress(job.get(), &RepositoryScanJob::progress);
    QSignalSpy finished(job.get(), &oci::Job::finished);
    QVERIFY(ClientHarness::wait(job.get(), 120000));
    QVERIFY2(job->succeeded(), qPrintable(job->error().describe()));
    QCOMPARE(finished.size(), 1);
    QCOMPARE(job->phase(), RepositoryScanJob::Phase::Done);
    QCOMPARE(phases.size(), 3); // resolving, referrers, done
    QVERIFY(!progress.isEmpty());
    QCOMPARE(progress.constLast().at(0).toInt(), progress.constLast().at(1).toInt());

    const ops::RepositoryScan &scan = job->scan();
    QCOMPARE(scan.repository, Repo);
    QCOMPARE(scan.registry, m_registry->host());
    QCOMPARE(scan.tags.size(), m_skopeo.size());
    for (const oci::TagDetails &row : scan.tags) {
        QVERIFY2(m_skopeo.contains(row.tag), qPrintable(row.tag));
        QCOMPARE(row.details.digest, m_skopeo.value(row.tag));
        QVERIFY(!row.stale);
        QCOMPARE(row.error.code(), oci::Error::Code::None);
    }
    QStringList onShared = scan.tagsOn(m_shared.digest); // in the registry's order: not sorted
    onShared.sort();
    QCOMPARE(onShared, (QStringList{QStringLiteral("1.1"), QStringLiteral("latest")}));
    QCOMPARE(scan.find(QStringLiteral("multi"))->details.kind, oci::ImageDetails::Kind::Index);
    // Referrers: only the shared digest has any, found through its tag.
    QCOMPARE(scan.referrers.size(), 1);
    QCOMPARE(scan.referrers.value(m_shared.digest).size(), 1);
    QCOMPARE(scan.referrers.value(m_shared.digest).at(0).digest(), m_sbom);

    // Each tag was HEADed once and each manifest fetched by digest at most once.
    for (const QString &tag : {QStringLiteral("1.0"), QStringLiteral("1.1"), QStringLiteral("latest"),
                               QStringLiteral("multi")}) {
        QCOMPARE(cachetest::countRequests(*m_registry, logStart, QStringLiteral("HEAD"),
                                          u"/v2/plan/app/manifests/" + tag),
                 1);
    }
    QSet<oci::Digest> distinct;
    for (const oci::Digest &digest : std::as_const(m_skopeo))
        distinct.insert(digest);
    for (const oci::Digest &digest : std::as_const(distinct)) {
        QVERIFY(cachetest::countRequests(*m_registry, logStart, QStringLiteral("GET"),
                                         u"/v2/plan/app/manifests/" + digest.toString()) <= 1);
    }
    // No referrers API: the first digest's answer said so, and after it only the digest
    // whose "sha256-<hex>" tag exists was asked (the API once, then the tag).
    const bool sharedFirst = scan.tags.constFirst().details.digest == m_shared.digest;
    const int apiAsks = cachetest::countRequests(*m_registry, logStart, QStringLiteral("GET"),
                                                 QStringLiteral("/v2/plan/app/referrers/.*"));
    QCOMPARE(apiAsks, sharedFirst ? 1 : 2);
    QCOMPARE(cachetest::countRequests(*m_registry, logStart, QStringLiteral("GET"),
                                      u"/v2/plan/app/referrers/" + m_shared.digest.toString()),
             1);

    // A second scan reads manifests and configs from the cache: only HEADs and lists.
    const qsizetype again = m_registry->log().size();
    std::unique_ptr<RepositoryScanJob> second = scanned(Repo);
    QVERIFY(second->succeeded());
    QCOMPARE(second->scan().tags.size(), scan.tags.size());
    QCOMPARE(cachetest::countRequests(*m_registry, again, QStringLiteral("GET"),
                                      QStringLiteral("/v2/plan/app/manifests/sha256:.*")),
             0);
    QCOMPARE(cachetest::countRequests(*m_registry, again, QStringLiteral("GET"),
                                      QStringLiteral("/v2/plan/app/blobs/.*")),
             0);
}

void TestRepositoryScanJob::plansFromTheScan()
{
    std::unique_ptr<RepositoryScanJob> job = scanned(Repo);
    QVERIFY2(job->succeeded(), qPrintable(job->error().describe()));
    const ops::RepositoryScan &scan = job->scan();
    const oci::Digest latest = m_skopeo.value(QStringLiteral("latest"));
    const QString fallback = u"sha256-" + latest.encoded();
    QCOMPARE(skopeoTagsOn(latest), (QStringList{QStringLiteral("1.1"), QStringLiteral("latest")}));

    // Deleting 'latest' only: '1.1', on the same digest by skopeo's word, stays.
    oci::Result<DeletePlan> tagOnly = ops::planDeletion(scan, {QStringLiteral("latest")}, DeleteMode::TagOnly);
    QVERIFY_RESULT(tagOnly);
    QCOMPARE(tagOnly->steps.size(), 1);
    QCOMPARE(tagOnly->steps[0].kind, DeleteStep::Kind::RemoveTag);
    QCOMPARE(tagOnly->steps[0].digest, latest);
    QCOMPARE(tagOnly->deletedTags(), QStringList{QStringLiteral("latest")});
    QCOMPARE(fateOf(tagOnly.value(), QStringLiteral("1.1")).fate, TagFate::Fate::Kept);
    QCOMPARE(fateOf(tagOnly.value(), fallback).fate, TagFate::Fate::Kept);
    QVERIFY(tagOnly->orphanedReferrers.isEmpty());

    // The image: every tag skopeo sees on that digest, then its referrers list; the SBOM
    // is left without a subject.
    oci::Result<DeletePlan> image = ops::planDeletion(scan, {QStringLiteral("latest")}, DeleteMode::Image);
    QVERIFY_RESULT(image);
    QCOMPARE(image->steps.size(), 2);
    QCOMPARE(image->steps[0].kind, DeleteStep::Kind::DeleteManifest);
    QCOMPARE(image->steps[0].digest, latest);
    QStringList stepTags = image->steps[0].tags;
    stepTags.sort();
    QCOMPARE(stepTags, skopeoTagsOn(latest));
    QCOMPARE(image->steps[1].digest, m_skopeo.value(fallback));
    QCOMPARE(image->steps[1].tags, QStringList{fallback});
    QCOMPARE(image->orphanedReferrers.size(), 1);
    QCOMPARE(image->orphanedReferrers[0].digest(), m_sbom);
    QCOMPARE(image->deletedTagCount(), 3);
    QCOMPARE(image->keptTagCount(), int(m_skopeo.size()) - 3);

    // The index: deleted; its platform that '1.0' uses is listed, not deleted.
    QCOMPARE(m_skopeo.value(QStringLiteral("1.0")), m_child);
    QCOMPARE(m_skopeo.value(QStringLiteral("multi")), m_index.digest);
    oci::Result<DeletePlan> index = ops::planDeletion(scan, {QStringLiteral("multi")}, DeleteMode::Image);
    QVERIFY_RESULT(index);
    QCOMPARE(index->steps.size(), 1);
    QCOMPARE(index->steps[0].digest, m_index.digest);
    QCOMPARE(index->steps[0].mediaType, QString::fromLatin1(OciIndexType));
    QCOMPARE(index->sharedChildren, QList<oci::Digest>{m_child});
    QCOMPARE(fateOf(index.value(), QStringLiteral("1.0")).fate, TagFate::Fate::Kept);

    // The platform's own tag: the index lists its manifest, so only the tag goes.
    oci::Result<DeletePlan> platform = ops::planDeletion(scan, {QStringLiteral("1.0")}, DeleteMode::Image);
    QVERIFY_RESULT(platform);
    QCOMPARE(platform->steps.size(), 1);
    QCOMPARE(platform->steps[0].kind, DeleteStep::Kind::RemoveTag);
    QCOMPARE(platform->steps[0].digest, m_child);

    // Retention on the same scan: 'latest' is named for deletion, but skopeo sees it on
    // the digest of '1.1', which is kept.
    ops::RetentionRules rules;
    rules.keep = {QStringLiteral("1\\.1")};
    rules.deleteMatching = {QStringLiteral("latest|multi")};
    oci::Result<DeletePlan> retention = ops::planRetention(scan, rules);
    QVERIFY_RESULT(retention);
    QCOMPARE(fateOf(retention.value(), QStringLiteral("latest")).fate, TagFate::Fate::Protected);
    QCOMPARE(fateOf(retention.value(), QStringLiteral("1.0")).fate, TagFate::Fate::Kept);
    QCOMPARE(fateOf(retention.value(), fallback).fate, TagFate::Fate::Kept);
    QCOMPARE(retention->deletedTags(), QStringList{QStringLiteral("multi")});
    QCOMPARE(retention->steps.size(), 1);
    QCOMPARE(retention->steps[0].digest, m_index.digest);
    QCOMPARE(retention->sharedChildren, QList<oci::Digest>{m_child});
}

void TestRepositoryScanJob::aTagThatCannotBeReadFailsTheScan()
{
    const QString repository = QStringLiteral("plan/broken");
    QVERIFY_RESULT(m_fixtures->pushOciImage(repository, QStringLiteral("ok")));
    // A tag whose manifest the registry does not hold.
    RegistrySeeder seeder(*m_registry);
    QVERIFY_RESULT(seeder.linkTag(repository, QStringLiteral("broken"),
                                  oci::Digest::sha256Of("no such manifest").toString()));
    std::unique_ptr<RepositoryScanJob> job = scanned(repository);
    QVERIFY(job->isFinished());
    QVERIFY(!job->succeeded());
    QCOMPARE(job->error().object(), QStringLiteral("plan/broken:broken"));
    QVERIFY2(job->error().message().contains(u"the tag 'broken' could not be read"),
             qPrintable(job->error().describe()));
    QVERIFY2(job->error().message().contains(u"a deletion plan needs every tag"),
             qPrintable(job->error().describe()));
    QCOMPARE(job->error().registry(), m_registry->host());
}

void TestRepositoryScanJob::unknownRepositoryFails()
{
    std::unique_ptr<RepositoryScanJob> job = scanned(QStringLiteral("plan/nothing-here"));
    QVERIFY(job->isFinished());
    QCOMPARE(job->error().code(), oci::Error::Code::NotFound);
    QCOMPARE(job->phase(), RepositoryScanJob::Phase::ListingTags);
}

void TestRepositoryScanJob::cancelIsSilent()
{
    std::unique_ptr<RepositoryScanJob> job(RepositoryScanJob::start(m_fetcher.get(), Repo));
    QSignalSpy finished(job.get(), &oci::Job::finished);
    QSignalSpy phases(job.get(), &RepositoryScanJob::phaseChanged);
    // Cancelled while resolving tags.
    QVERIFY(phases.wait(10000));
    job->cancel();
    job->cancel();
    QVERIFY(job->isCancelled());
    QTest::qWait(300);
    QCOMPARE(finished.size(), 0);
    QCOMPARE(job->error().code(), oci::Error::Code::Cancelled);
}

void TestRepositoryScanJob::clientGoneMidScanIsSafe()
{
    // The registry removed from the window while its scan runs: the client and fetcher go
    // first, the scan after them, and nothing touches what they owned (ASan would say).
    auto client = std::make_unique<oci::RegistryClient>(m_harness->transport(),
                                                        m_registry->registryConfig());
    auto fetcher = std::make_unique<oci::ContentFetcher>(client.get(), m_cache.get());
    std::unique_ptr<RepositoryScanJob> job(RepositoryScanJob::start(fetcher.get(), Repo));
    QSignalSpy phases(job.get(), &RepositoryScanJob::phaseChanged);
    QVERIFY(phases.wait(10000)); // resolving tags: requests in flight
    QSignalSpy finished(job.get(), &oci::Job::finished);
    fetcher.reset();
    client.reset();
    QVERIFY(finished.wait(5000)); // it ends, rather than waiting for answers that cannot come
    QCOMPARE(job->error().code(), oci::Error::Code::Cancelled);
    job.reset();
    QTest::qWait(50); // the deferred deletes run
}

void TestRepositoryScanJob::aRememberedAnswerIsNotEnough()
{
    const QByteArray config = R"({"architecture":"amd64","os":"linux","rootfs":{"type":"layers","diff_ids":[]}})";
    const QByteArray manifest = compact(QJsonObject{
        {QStringLiteral("schemaVersion"), 2},
        {QStringLiteral("mediaType"), QString::fromLatin1(OciManifestType)},
        {QStringLiteral("config"), descriptor(QStringLiteral("application/vnd.oci.image.config.v1+json"), config)},
        {QStringLiteral("layers"), QJsonArray{}},
    });
    const QByteArray digest = oci::Digest::sha256Of(manifest).toString().toLatin1();
    bool online = true;
    HttpTestServer server;
    QVERIFY(server.listen());
    server.setHandler([&](const HttpTestRequest &request) {
        const QByteArray path = request.path();
        if (path == "/v2/stale/app/tags/list")
            return HttpTestResponse::json(200, R"({"name":"stale/app","tags":["1.0"]})");
        if (path == "/v2/stale/app/manifests/1.0" && !online)
            return HttpTestResponse::registryError(503, "UNAVAILABLE");
        if (path == "/v2/stale/app/manifests/1.0" || path == "/v2/stale/app/manifests/" + digest)
            return HttpTestResponse::json(200, manifest, OciManifestType).header("Docker-Content-Digest", digest);
        if (path == "/v2/stale/app/blobs/" + oci::Digest::sha256Of(config).toString().toLatin1())
            return HttpTestResponse::json(200, config, "application/octet-stream");
        return HttpTestResponse::registryError(404, "NOT_FOUND");
    });
    oci::Transport transport;
    transport.setOptions(nettest::fastOptions());
    oci::RegistryClient client(&transport, nettest::registryFor(server));
    oci::ContentCache cache(oci::ContentCacheOptions{});
    oci::ContentFetcher fetcher(&client, &cache);
    std::unique_ptr<RepositoryScanJob> first(RepositoryScanJob::start(&fetcher, QStringLiteral("stale/app")));
    QVERIFY(ClientHarness::wait(first.get()));
    QVERIFY2(first->succeeded(), qPrintable(first->error().describe()));
    QCOMPARE(first->scan().tags.size(), 1);

    // The tag list still answers, the tag does not: the fetcher would show the digest it
    // remembers (stale), which must not become a plan.
    online = false;
    std::unique_ptr<RepositoryScanJob> second(RepositoryScanJob::start(&fetcher, QStringLiteral("stale/app")));
    QVERIFY(ClientHarness::wait(second.get()));
    QVERIFY(!second->succeeded());
    QCOMPARE(second->error().object(), QStringLiteral("stale/app:1.0"));
    QVERIFY2(second->error().message().contains(u"a remembered answer is not enough"),
             qPrintable(second->error().describe()));
    QCOMPARE(second->error().code(), oci::Error::Code::ServerError);
}

QTEST_GUILESS_MAIN(TestRepositoryScanJob)
#include "tst_repositoryscanjob.moc"
