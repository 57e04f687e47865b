// ContentFetcher against the real registry: by digest through the cache (memory, disk,
// network, in that order), single flight, by tag HEAD first, stale answers when the
// registry is gone, cancellation. Requests are counted in the registry's access log.

#include "cachetestsupport.h"
#include "support/clientharness.h"
#include "support/fixtures.h"
#include "support/registryprocess.h"

#include "oci/cache/contentcache.h"
#include "oci/client/registryclient.h"
#include "oci/inspect/contentfetcher.h"
#include "oci/manifest/manifestdocument.h"

#include <QFutureWatcher>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using oci::ContentJob;

namespace {

bool waitJob(oci::Job *job, int timeoutMs = 30000)
{
    if (job->isFinished())
        return true;
    QSignalSpy spy(job, &oci::Job::finished);
    return spy.wait(timeoutMs);
}

oci::ContentCacheOptions diskCache(const QString &dir)
{
    oci::ContentCacheOptions options;
    options.directory = dir;
    return options;
}

} // namespace

class TestContentFetcher final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void byDigestSingleFlightThenMemory();
    void byTagAsksHeadFirst();
    void blobThroughTheCache();
    void diskCacheAcrossInstances();
    void staleWhenTheRegistryIsGone();
    void cancelIsSilentAndLeavesOthersRunning();
    void refusesOversizedBlobsAndBadDigests();
    void missingContentIsAnError();
    void sharedFetcherPerClientAndCache();

private:
    std::unique_ptr<RegistryProcess> m_registry;
    SeededImage m_oci;
    SeededImage m_docker;
};

void TestContentFetcher::initTestCase()
{
    REQUIRE_REGISTRY_TOOLS();
    m_registry = std::make_unique<RegistryProcess>();
    QVERIFY2(m_registry->start(), qPrintable(m_registry->errorString()));
    Fixtures fixtures(*m_registry);
    auto oci = fixtures.pushOciImage(QStringLiteral("fetch/oci"), QStringLiteral("1.0"));
    QVERIFY_RESULT(oci);
    m_oci = oci.value();
    auto docker = fixtures.pushDockerImage(QStringLiteral("fetch/docker"), QStringLiteral("1.0"));
    QVERIFY_RESULT(docker);
    m_docker = docker.value();
}

void TestContentFetcher::byDigestSingleFlightThenMemory()
{
    ClientHarness harness(*m_registry, ClientHarness::Login::Anonymous);
    oci::ContentCache cache(oci::ContentCacheOptions{});
    oci::ContentFetcher fetcher(harness.client(), &cache);
    const qsizetype logStart = m_registry->log().size();
    const QString digest = m_oci.digest.toString();

    // Three at once: one GET.
    std::unique_ptr<ContentJob> a(fetcher.manifest(m_oci.repository, digest));
    std::unique_ptr<ContentJob> b(fetcher.manifest(m_oci.repository, digest));
    std::unique_ptr<ContentJob> c(fetcher.manifest(m_oci.repository, digest));
    for (ContentJob *job : {a.get(), b.get(), c.get()}) {
        QVERIFY(waitJob(job));
        QVERIFY2(job->succeeded(), qPrintable(job->error().describe()));
        QCOMPARE(job->bytes(), m_oci.manifest);
        QCOMPARE(job->digest(), m_oci.digest);
        QCOMPARE(job->source(), ContentJob::Source::Network);
        QVERIFY(job->document());
        QVERIFY(job->document()->isImageManifest());
        QVERIFY(!job->isStale());
    }
    QCOMPARE(fetcher.counters().manifestGets, 1);

    // Then memory: no request at all.
    std::unique_ptr<ContentJob> d(fetcher.manifest(m_oci.repository, digest));
    QVERIFY(waitJob(d.get()));
    QVERIFY(d->succeeded());
    QCOMPARE(d->source(), ContentJob::Source::Memory);
    QCOMPARE(d->bytes(), m_oci.manifest);
    QCOMPARE(fetcher.counters().manifestGets, 1);
    QCOMPARE(cachetest::countRequests(*m_registry, logStart, QStringLiteral("GET"),
                                      u"/v2/fetch/oci/manifests/" + digest),
             1);
}

void TestContentFetcher::byTagAsksHeadFirst()
{
    ClientHarness harness(*m_registry, ClientHarness::Login::Anonymous);
    oci::ContentCache cache(oci::ContentCacheOptions{});
    oci::ContentFetcher fetcher(harness.client(), &cache);
    const qsizetype logStart = m_registry->log().size();

    std::unique_ptr<ContentJob> first(fetcher.manifest(m_docker.repository, m_docker.tag));
    QVERIFY(waitJob(first.get()));
    QVERIFY2(first->succeeded(), qPrintable(first->error().describe()));
    QCOMPARE(first->digest(), m_docker.digest);
    QCOMPARE(first->bytes(), m_docker.manifest);
    QCOMPARE(first->mediaType(),
             QStringLiteral("application/vnd.docker.distribution.manifest.v2+json"));
    QCOMPARE(first->source(), ContentJob::Source::Network);

    // Again by tag: the HEAD says the digest, the content is known.
    std::unique_ptr<ContentJob> second(fetcher.manifest(m_docker.repository, m_docker.tag));
    QVERIFY(waitJob(second.get()));
    QVERIFY(second->succeeded());
    QCOMPARE(second->source(), ContentJob::Source::Memory);
    QVERIFY(!second->isStale()); // the registry confirmed the digest just now
    QCOMPARE(second->bytes(), m_docker.manifest);

    // Only the digest wanted: HEAD, no body.
    std::unique_ptr<ContentJob> resolved(fetcher.resolveTag(m_docker.repository, m_docker.tag));
    QVERIFY(waitJob(resolved.get()));
    QVERIFY(resolved->succeeded());
    QCOMPARE(resolved->digest(), m_docker.digest);
    QCOMPARE(resolved->size(), qint64(m_docker.manifest.size()));
    QVERIFY(resolved->bytes().isEmpty());

    QCOMPARE(fetcher.counters().manifestHeads, 3);
    QCOMPARE(fetcher.counters().manifestGets, 1);
    QCOMPARE(cachetest::countRequests(*m_registry, logStart, QStringLiteral("HEAD"),
                                      QStringLiteral("/v2/fetch/docker/manifests/1\\.0")),
             3);
    QCOMPARE(cachetest::countRequests(*m_registry, logStart, QStringLiteral("GET"),
                                      QStringLiteral("/v2/fetch/docker/manifests/.*")),
             1);
    // The answer is remembered for offline use.
    QFutureWatcher<std::optional<oci::TagRecord>> watcher;
    QSignalSpy spy(&watcher, &QFutureWatcherBase::finished);
    watcher.setFuture(cache.lastKnownTag(m_registry->host(), m_docker.repository, m_docker.tag));
    QVERIFY(watcher.isFinished() || spy.wait(5000));
    QVERIFY(watcher.result());
    QCOMPARE(watcher.result()->digest, m_docker.digest);
}

void TestContentFetcher::blobThroughTheCache()
{
    ClientHarness harness(*m_registry, ClientHarness::Login::Anonymous);
    oci::ContentCache cache(oci::ContentCacheOptions{});
    oci::ContentFetcher fetcher(harness.client(), &cache);
    const qsizetype logStart = m_registry->log().size();
    std::unique_ptr<ContentJob> a(
        fetcher.blob(m_oci.repository, m_oci.configDigest, m_oci.config.size()));
    std::unique_ptr<ContentJob> b(fetcher.blob(m_oci.repository, m_oci.configDigest));
    QVERIFY(waitJob(a.get()));
    QVERIFY(waitJob(b.get()));
    QVERIFY2(a->succeeded(), qPrintable(a->error().describe()));
    QVERIFY(b->succeeded());
    QCOMPARE(a->bytes(), m_oci.config);
    QCOMPARE(b->bytes(), m_oci.config);
    QVERIFY(!a->document()); // a blob is not parsed as a manifest
    std::unique_ptr<ContentJob> c(fetcher.blob(m_oci.repository, m_oci.configDigest));
    QVERIFY(waitJob(c.get()));
    QCOMPARE(c->source(), ContentJob::Source::Memory);
    QCOMPARE(fetcher.counters().blobGets, 1);
    QCOMPARE(cachetest::countRequests(*m_registry, logStart, QStringLiteral("GET"),
                                      u"/v2/fetch/oci/blobs/" + m_oci.configDigest.toString()),
             1);
}

void TestContentFetcher::diskCacheAcrossInstances()
{
    QTemporaryDir dir;
    ClientHarness harness(*m_registry, ClientHarness::Login::Anonymous);
    {
        oci::ContentCache cache(diskCache(dir.path()));
        oci::ContentFetcher fetcher(harness.client(), &cache);
        std::unique_ptr<ContentJob> job(fetcher.manifest(m_oci.repository, m_oci.tag));
        QVERIFY(waitJob(job.get()));
        QVERIFY(job->succeeded());
        QCOMPARE(job->source(), ContentJob::Source::Network);
    }
    const qsizetype logStart = m_registry->log().size();
    oci::ContentCache cache(diskCache(dir.path()));
    oci::ContentFetcher fetcher(harness.client(), &cache);
    std::unique_ptr<ContentJob> job(fetcher.manifest(m_oci.repository, m_oci.digest.toString()));
    QVERIFY(waitJob(job.get()));
    QVERIFY(job->succeeded());
    QCOMPARE(job->source(), ContentJob::Source::Disk);
    QCOMPARE(job->bytes(), m_oci.manifest);
    QVERIFY(job->document() && job->document()->isImageManifest());
    QCOMPARE(fetcher.counters().manifestGets, 0);
    QCOMPARE(cachetest::countRequests(*m_registry, logStart, QStringLiteral("GET"),
                                      QStringLiteral(".*")),
             0);
}

void TestContentFetcher::staleWhenTheRegistryIsGone()
{
    QTemporaryDir dir;
    RegistryProcess registry;
    QVERIFY2(registry.start(), qPrintable(registry.errorString()));
    Fixtures fixtures(registry);
    auto image = fixtures.pushOciImage(QStringLiteral("offline/app"), QStringLiteral("2.0"));
    QVERIFY_RESULT(image);
    {
        ClientHarness harness(registry, ClientHarness::Login::Anonymous);
        oci::ContentCache cache(diskCache(dir.path()));
        oci::ContentFetcher fetcher(harness.client(), &cache);
        std::unique_ptr<ContentJob> job(fetcher.manifest(image->repository, image->tag));
        QVERIFY(waitJob(job.get()));
        QVERIFY(job->succeeded());
        QVERIFY(!job->isStale());
    } // the cache saves its tag memory
    const oci::RegistryConfig config = registry.registryConfig();
    registry.stop();

    // A new session, the registry unreachable: the last answer, said to be stale.
    ClientHarness harness(registry, config, ClientHarness::Login::Anonymous);
    oci::ContentCache cache(diskCache(dir.path()));
    oci::ContentFetcher fetcher(harness.client(), &cache);
    std::unique_ptr<ContentJob> job(fetcher.manifest(image->repository, image->tag));
    QVERIFY(waitJob(job.get(), 60000));
    QVERIFY2(job->succeeded(), qPrintable(job->error().describe()));
    QVERIFY(job->isStale());
    QCOMPARE(job->networkError().code(), oci::Error::Code::Network);
    QCOMPARE(job->digest(), image->digest);
    QCOMPARE(job->bytes(), image->manifest);
    QVERIFY(job->document());

    std::unique_ptr<ContentJob> resolved(fetcher.resolveTag(image->repository, image->tag));
    QVERIFY(waitJob(resolved.get(), 60000));
    QVERIFY(resolved->succeeded());
    QVERIFY(resolved->isStale());
    QCOMPARE(resolved->digest(), image->digest);

    // Never seen: the network error, nothing made up.
    std::unique_ptr<ContentJob> unknown(
        fetcher.manifest(image->repository, QStringLiteral("never-seen")));
    QVERIFY(waitJob(unknown.get(), 60000));
    QVERIFY(!unknown->succeeded());
    QCOMPARE(unknown->error().code(), oci::Error::Code::Network);
}

void TestContentFetcher::cancelIsSilentAndLeavesOthersRunning()
{
    ClientHarness harness(*m_registry, ClientHarness::Login::Anonymous);
    oci::ContentCache cache(oci::ContentCacheOptions{});
    oci::ContentFetcher fetcher(harness.client(), &cache);
    const QString digest = m_docker.digest.toString();
    std::unique_ptr<ContentJob> cancelled(fetcher.manifest(m_docker.repository, digest));
    std::unique_ptr<ContentJob> kept(fetcher.manifest(m_docker.repository, digest));
    QSignalSpy cancelledSpy(cancelled.get(), &oci::Job::finished);
    cancelled->cancel();
    cancelled->cancel(); // idempotent
    QVERIFY(cancelled->isCancelled());
    QVERIFY(waitJob(kept.get()));
    QVERIFY(kept->succeeded()); // the shared fetch went on for the other waiter
    QCOMPARE(kept->bytes(), m_docker.manifest);
    QTest::qWait(50);
    QCOMPARE(cancelledSpy.count(), 0);

    // Every waiter gone: the flight stops; a later job starts a fresh one.
    cache.clear();
    std::unique_ptr<ContentJob> alone(fetcher.manifest(m_docker.repository, digest));
    alone.reset(); // deleted while in flight
    std::unique_ptr<ContentJob> after(fetcher.manifest(m_docker.repository, digest));
    QVERIFY(waitJob(after.get()));
    QVERIFY(after->succeeded());
    QCOMPARE(after->bytes(), m_docker.manifest);

    // A tag job cancelled during its HEAD.
    std::unique_ptr<ContentJob> tagJob(fetcher.manifest(m_docker.repository, m_docker.tag));
    QSignalSpy tagSpy(tagJob.get(), &oci::Job::finished);
    tagJob->cancel();
    QTest::qWait(100);
    QCOMPARE(tagSpy.count(), 0);
    QCOMPARE(tagJob->error().code(), oci::Error::Code::Cancelled);
}

void TestContentFetcher::refusesOversizedBlobsAndBadDigests()
{
    ClientHarness harness(*m_registry, ClientHarness::Login::Anonymous);
    oci::ContentCache cache(oci::ContentCacheOptions{});
    oci::ContentFetcher fetcher(harness.client(), &cache);
    std::unique_ptr<ContentJob> big(
        fetcher.blob(m_oci.repository, m_oci.layers.value(0), oci::ContentCache::MaxItemBytes + 1));
    QVERIFY(waitJob(big.get()));
    QCOMPARE(big->error().code(), oci::Error::Code::SizeLimitExceeded);
    std::unique_ptr<ContentJob> bad(
        fetcher.manifest(m_oci.repository, QStringLiteral("sha256:abc")));
    QVERIFY(waitJob(bad.get()));
    QCOMPARE(bad->error().code(), oci::Error::Code::InvalidDigest);
    QCOMPARE(fetcher.counters().blobGets + fetcher.counters().manifestGets, 0);
}

void TestContentFetcher::missingContentIsAnError()
{
    ClientHarness harness(*m_registry, ClientHarness::Login::Anonymous);
    oci::ContentCache cache(oci::ContentCacheOptions{});
    oci::ContentFetcher fetcher(harness.client(), &cache);
    const oci::Digest absent = oci::Digest::sha256Of("not in the registry");
    std::unique_ptr<ContentJob> byDigest(fetcher.manifest(m_oci.repository, absent.toString()));
    std::unique_ptr<ContentJob> byTag(
        fetcher.manifest(m_oci.repository, QStringLiteral("no-such-tag")));
    QVERIFY(waitJob(byDigest.get()));
    QVERIFY(waitJob(byTag.get()));
    QCOMPARE(byDigest->error().code(), oci::Error::Code::NotFound);
    QCOMPARE(byTag->error().code(), oci::Error::Code::NotFound);
    QVERIFY(!byTag->isStale());
    QVERIFY(!cache.lookup(absent));
}

void TestContentFetcher::sharedFetcherPerClientAndCache()
{
    ClientHarness harness(*m_registry, ClientHarness::Login::Anonymous);
    oci::ContentCache cache(oci::ContentCacheOptions{});
    oci::ContentCache other(oci::ContentCacheOptions{});
    oci::ContentFetcher *a = oci::ContentFetcher::shared(harness.client(), &cache);
    QCOMPARE(a->parent(), harness.client());
    QCOMPARE(oci::ContentFetcher::shared(harness.client(), &cache), a);
    oci::ContentFetcher *b = oci::ContentFetcher::shared(harness.client(), &other);
    QVERIFY(b != a);
    // One single flight for everyone who asks through it.
    std::unique_ptr<ContentJob> first(a->manifest(m_oci.repository, m_oci.digest.toString()));
    std::unique_ptr<ContentJob> second(oci::ContentFetcher::shared(harness.client(), &cache)
                                           ->manifest(m_oci.repository, m_oci.digest.toString()));
    QVERIFY(waitJob(first.get()));
    QVERIFY(waitJob(second.get()));
    QVERIFY(first->succeeded() && second->succeeded());
    QCOMPARE(a->counters().manifestGets, 1);
    first.reset();
    second.reset();
    delete a;
    delete b;
}

QTEST_GUILESS_MAIN(TestContentFetcher)
#include "tst_contentfetcher.moc"
