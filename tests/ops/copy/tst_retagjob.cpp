// RetagJob against the real registry (token auth): new tags carry the exact bytes (skopeo
// reads the same manifest, so the same digest), a moved tag says from which digest, an
// unchanged tag writes nothing, a dry run only looks, an index is retagged whole, and a
// source that moved since it was shown is refused. What was written is counted in the
// registry's access log.

#include "../../oci/cachetestsupport.h"
#include "support/clientharness.h"
#include "support/fixtures.h"
#include "support/registryprocess.h"

#include "ops/copy/retagjob.h"

#include "oci/client/registryclient.h"

#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

class TestRetagJob final : public QObject
{
    Q_OBJECT

    std::unique_ptr<RegistryProcess> m_registry;
    std::unique_ptr<ClientHarness> m_harness;
    SeededImage m_one;   // app:1.0, OCI
    SeededImage m_two;   // app:2.0, Docker schema 2 (another digest)
    SeededImage m_index; // multi:all, two platforms

    std::unique_ptr<ops::RetagJob> retag(const QString &repository, const QString &source,
                                         const QStringList &tags, bool dryRun = false,
                                         const oci::Digest &expected = {})
    {
        auto job = std::make_unique<ops::RetagJob>(m_harness->client(), repository, source, tags);
        job->setDryRun(dryRun);
        job->setExpectedDigest(expected);
        job->start();
        if (!ClientHarness::wait(job.get()))
            return nullptr;
        return job;
    }

    QByteArray raw(const QString &reference)
    {
        Fixtures fixtures(*m_registry);
        auto bytes = fixtures.skopeoInspectRaw(reference);
        return bytes ? bytes.value() : QByteArray();
    }

    int manifestPuts(qsizetype fromOffset, const QString &repository) const
    {
        return cachetest::countRequests(*m_registry, fromOffset, u"PUT"_s,
                                        u"/v2/"_s + repository + u"/manifests/.*"_s);
    }

private Q_SLOTS:
    void initTestCase()
    {
        REQUIRE_REGISTRY_TOOLS();
        m_registry = std::make_unique<RegistryProcess>(RegistryProcess::Auth::Token);
        QVERIFY2(m_registry->start(), qPrintable(m_registry->errorString()));
        Fixtures fixtures(*m_registry);
        auto one = fixtures.pushOciImage(u"team/app"_s, u"1.0"_s);
        QVERIFY_RESULT(one);
        m_one = one.value();
        auto two = fixtures.pushDockerImage(u"team/app"_s, u"2.0"_s);
        QVERIFY_RESULT(two);
        m_two = two.value();
        QVERIFY(m_one.digest != m_two.digest);
        auto index = fixtures.pushIndex(u"team/multi"_s, u"all"_s);
        QVERIFY_RESULT(index);
        m_index = index.value();
        m_harness = std::make_unique<ClientHarness>(*m_registry);
    }

    void cleanup()
    {
        if (QTest::currentTestFailed() && m_registry)
            m_registry->printLogTail();
    }

    void newTagsCarryTheExactBytes()
    {
        const qsizetype offset = m_registry->log().size();
        const auto job = retag(u"team/app"_s, u"1.0"_s, {u"stable"_s, u"prod"_s});
        QVERIFY(job);
        QVERIFY2(job->succeeded(), qPrintable(job->error().describe()));
        QCOMPARE(manifestPuts(offset, u"team/app"_s), 2); // (the log count the others rely on)
        QCOMPARE(job->digest(), m_one.digest);
        QCOMPARE(job->mediaType(), m_one.mediaType);
        QCOMPARE(job->changes().size(), 2);
        for (const ops::TagChange &change : job->changes()) {
            QCOMPARE(change.kind, ops::TagChange::Kind::New);
            QVERIFY(change.applied);
            QVERIFY(change.from.isNull());
            // skopeo reads byte for byte what 1.0 holds: the digest did not change.
            QCOMPARE(raw(u"team/app:"_s + change.tag), m_one.manifest);
        }
    }

    void movedTagSaysFromWhere()
    {
        auto first = retag(u"team/app"_s, u"1.0"_s, {u"moving"_s});
        QVERIFY(first && first->succeeded());
        const auto job = retag(u"team/app"_s, u"2.0"_s, {u"moving"_s});
        QVERIFY(job);
        QVERIFY2(job->succeeded(), qPrintable(job->error().describe()));
        const ops::TagChange change = job->changes().constFirst();
        QCOMPARE(change.kind, ops::TagChange::Kind::Moved);
        QCOMPARE(change.from, m_one.digest);
        QVERIFY(change.applied);
        QCOMPARE(job->digest(), m_two.digest);
        QCOMPARE(raw(u"team/app:moving"_s), m_two.manifest);
        QCOMPARE(raw(u"team/app:1.0"_s), m_one.manifest); // the source tag stays
    }

    void unchangedTagWritesNothing()
    {
        const qsizetype offset = m_registry->log().size();
        const auto job = retag(u"team/app"_s, u"1.0"_s, {u"1.0"_s});
        QVERIFY(job);
        QVERIFY2(job->succeeded(), qPrintable(job->error().describe()));
        QCOMPARE(job->changes().constFirst().kind, ops::TagChange::Kind::Unchanged);
        QVERIFY(job->changes().constFirst().applied);
        QCOMPARE(manifestPuts(offset, u"team/app"_s), 0);
    }

    void dryRunOnlyLooks()
    {
        auto setUp = retag(u"team/app"_s, u"2.0"_s, {u"dry-moved"_s});
        QVERIFY(setUp && setUp->succeeded());
        const qsizetype offset = m_registry->log().size();
        const auto job =
            retag(u"team/app"_s, u"1.0"_s, {u"dry-new"_s, u"dry-moved"_s, u"1.0"_s}, true);
        QVERIFY(job);
        QVERIFY2(job->succeeded(), qPrintable(job->error().describe()));
        const QList<ops::TagChange> changes = job->changes();
        QCOMPARE(changes.at(0).kind, ops::TagChange::Kind::New);
        QVERIFY(!changes.at(0).applied);
        QCOMPARE(changes.at(1).kind, ops::TagChange::Kind::Moved);
        QCOMPARE(changes.at(1).from, m_two.digest);
        QVERIFY(!changes.at(1).applied);
        QCOMPARE(changes.at(2).kind, ops::TagChange::Kind::Unchanged);
        QCOMPARE(manifestPuts(offset, u"team/app"_s), 0);
        QVERIFY(raw(u"team/app:dry-new"_s).isEmpty()); // skopeo finds no such tag
        QCOMPARE(raw(u"team/app:dry-moved"_s), m_two.manifest);
    }

    void indexByDigestIsRetaggedWhole()
    {
        const auto job = retag(u"team/multi"_s, m_index.digest.toString(), {u"again"_s});
        QVERIFY(job);
        QVERIFY2(job->succeeded(), qPrintable(job->error().describe()));
        QCOMPARE(job->digest(), m_index.digest);
        const QByteArray bytes = raw(u"team/multi:again"_s);
        QCOMPARE(bytes, m_index.manifest);
        QCOMPARE(oci::Digest::sha256Of(bytes), m_index.digest);
    }

    void movedSourceIsRefused()
    {
        const qsizetype offset = m_registry->log().size();
        // The person saw 1.0 at 2.0's digest; it is not there now.
        const auto job = retag(u"team/app"_s, u"1.0"_s, {u"never"_s}, false, m_two.digest);
        QVERIFY(job);
        QVERIFY(!job->succeeded());
        QCOMPARE(job->error().code(), oci::Error::Code::DigestMismatch);
        QVERIFY2(job->error().message().contains(m_one.digest.toString()),
                 qPrintable(job->error().describe()));
        QCOMPARE(manifestPuts(offset, u"team/app"_s), 0);
    }

    void badTagsAreRefusedBeforeAnyRequest()
    {
        for (const QStringList &tags :
             {QStringList{u"no spaces"_s}, QStringList{u"x"_s, u"x"_s}, QStringList{}}) {
            const qsizetype offset = m_registry->log().size();
            const auto job = retag(u"team/app"_s, u"1.0"_s, tags);
            QVERIFY(job);
            QCOMPARE(job->error().code(), oci::Error::Code::InvalidArgument);
            QCOMPARE(cachetest::countRequests(*m_registry, offset, u"(?:GET|HEAD|PUT)"_s, u".*"_s),
                     0);
        }
    }

    void clientGoneFailsTheJob()
    {
        auto harness = std::make_unique<ClientHarness>(*m_registry);
        ops::RetagJob job(harness->client(), u"team/app"_s, u"1.0"_s, {u"orphan"_s});
        job.start();
        harness.reset(); // the registry removed meanwhile: the fetch went with its client
        QVERIFY(ClientHarness::wait(&job, 10000));
        QCOMPARE(job.error().code(), oci::Error::Code::Cancelled);
        QCOMPARE(job.error().registry(), m_registry->host());
        QVERIFY(raw(u"team/app:orphan"_s).isEmpty());
    }

    void missingSourceFails()
    {
        const auto job = retag(u"team/app"_s, u"nope"_s, {u"x"_s});
        QVERIFY(job);
        QCOMPARE(job->error().code(), oci::Error::Code::NotFound);
        QVERIFY(job->changes().constFirst().applied == false);
    }
};

QTEST_GUILESS_MAIN(TestRetagJob)
#include "tst_retagjob.moc"
