// Retention end to end against the real registry: 200 images with created dates in a
// shuffled order (some without one), tagged by turns "v1.<i>", "dev-<i>", "tmp-<i>", some
// also "stable-<i>"; an SBOM tagged "sbom-7" for image 7 (which protects it) and an
// untagged SBOM for image 13 behind its "sha256-<hex>" tag (which goes with it). The scan,
// the rules' plan, and the plan run by ops::DeleteRun; skopeo then lists exactly the tags
// the test worked out on its own should stay, on the digests they had.

#include "registrysbom.h"

#include "oci/cachetestsupport.h"
#include "support/clientharness.h"
#include "support/fixtures.h"
#include "support/registryprocess.h"
#include "support/toolrunner.h"

#include "ops/journal/deleterun.h"
#include "ops/plan/repositoryscanjob.h"
#include "ops/plan/retentionplanner.h"
#include "ops/plan/retentionrules.h"

#include "oci/cache/contentcache.h"
#include "oci/inspect/contentfetcher.h"
#include "oci/inspect/referrersjob.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using ops::DeletePlan;
using ops::TagFate;
using plantest::compact;
using plantest::descriptor;
using plantest::fateOf;
using plantest::OciManifestType;

namespace {

const QString Repo = QStringLiteral("retention/app");
const QDateTime Base(QDate(2023, 6, 1), QTime(8, 0), Qt::UTC);
constexpr int Images = 200;

int dayOf(int i)
{
    return (i * 77) % Images; // 77 and 200 are coprime: every day once
}

bool dated(int i)
{
    return i % 23 != 4;
}

} // namespace

class TestRetentionRun final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void planAndRun();

private:
    std::unique_ptr<RegistryProcess> m_registry;
    std::unique_ptr<Fixtures> m_fixtures;
    QList<oci::Digest> m_digests;      // per image
    QHash<QString, int> m_imageOf;     // image tag -> image
    QString m_sbomTag;                 // "sbom-7"
    QString m_fallback7, m_fallback13; // "sha256-<hex>" of images 7 and 13
};

void TestRetentionRun::initTestCase()
{
    REQUIRE_REGISTRY_TOOLS();
    m_registry = std::make_unique<RegistryProcess>();
    QVERIFY2(m_registry->start(), qPrintable(m_registry->errorString()));
    m_fixtures = std::make_unique<Fixtures>(*m_registry);
    auto base = m_fixtures->pushOciImage(Repo, QStringLiteral("base"));
    QVERIFY_RESULT(base);
    // Only the variants below are tagged: the base image's own tag goes.
    QNetworkAccessManager nam;
    QUrl url = m_registry->baseUrl();
    url.setPath(u"/v2/" + Repo + u"/manifests/" + base->digest.toString());
    QCOMPARE(cachetest::send(nam, "DELETE", url), 202);

    QByteArrayList manifests;
    for (int i = 0; i < Images; ++i) {
        QJsonObject config = QJsonDocument::fromJson(base->config).object();
        if (dated(i))
            config.insert(QStringLiteral("created"), Base.addDays(dayOf(i)).toString(Qt::ISODate));
        else
            config.remove(QStringLiteral("created"));
        config.insert(QStringLiteral("author"), QStringLiteral("image %1").arg(i)); // a digest of its own
        const QByteArray configBytes = compact(config);
        QVERIFY(cachetest::uploadBlob(*m_registry, Repo, configBytes));
        QJsonObject manifest = QJsonDocument::fromJson(base->manifest).object();
        manifest.insert(QStringLiteral("config"),
                        descriptor(QStringLiteral("application/vnd.oci.image.config.v1+json"), configBytes));
        const QByteArray manifestBytes = compact(manifest);
        m_digests << oci::Digest::sha256Of(manifestBytes);
        manifests << manifestBytes;
        static const char *const prefixes[] = {"v1.", "dev-", "tmp-"};
        QStringList tags{QString::fromLatin1(prefixes[i % 3]) + QString::number(i)};
        if (i % 25 == 0)
            tags << QStringLiteral("stable-%1").arg(i);
        for (const QString &tag : std::as_const(tags)) {
            QVERIFY(cachetest::putManifest(*m_registry, Repo, tag, OciManifestType, manifestBytes));
            m_imageOf.insert(tag, i);
        }
    }
    m_sbomTag = QStringLiteral("sbom-7");
    const QString type = QString::fromLatin1(OciManifestType);
    QVERIFY(!plantest::pushSbom(*m_registry, Repo, type, manifests[7], m_sbomTag, QStringLiteral("seven")).isNull());
    QVERIFY(!plantest::pushSbom(*m_registry, Repo, type, manifests[13], {}, QStringLiteral("thirteen")).isNull());
    m_fallback7 = oci::ReferrersJob::fallbackTag(m_digests[7]);
    m_fallback13 = oci::ReferrersJob::fallbackTag(m_digests[13]);
}

void TestRetentionRun::cleanup()
{
    if (QTest::currentTestFailed() && m_registry)
        m_registry->printLogTail();
}

void TestRetentionRun::planAndRun()
{
    ClientHarness harness(*m_registry);
    oci::ContentCache cache(oci::ContentCacheOptions{});
    oci::ContentFetcher fetcher(harness.client(), &cache);
    std::unique_ptr<ops::RepositoryScanJob> scan(ops::RepositoryScanJob::start(&fetcher, Repo));
    QVERIFY(ClientHarness::wait(scan.get(), 300000));
    QVERIFY2(scan->succeeded(), qPrintable(scan->error().describe()));
    const int tagCount = Images + Images / 25 + 3; // + sbom-7 and two fallback tags
    QCOMPARE(scan->scan().tags.size(), tagCount);

    ops::RetentionRules rules;
    rules.keepNewest = 10;
    rules.keep = {QStringLiteral("v1\\.\\d*0")};
    rules.deleteOlderThan = Base.addDays(100);
    rules.deleteMatching = {QStringLiteral("tmp-.*")};
    oci::Result<DeletePlan> plan = ops::planRetention(scan->scan(), rules);
    QVERIFY_RESULT(plan);

    // What should go, worked out here: per image, its tags that no rule keeps and that an
    // older-than or delete-pattern rule names; an image goes when all its tags do and it
    // has no kept SBOM; its referrers tag goes with it.
    QList<int> byDate;
    for (int i = 0; i < Images; ++i) {
        if (dated(i))
            byDate << i;
    }
    std::sort(byDate.begin(), byDate.end(), [](int a, int b) { return dayOf(a) > dayOf(b); });
    const QSet<int> newest(byDate.cbegin(), byDate.cbegin() + 10);
    QHash<int, QStringList> tagsOf;
    for (auto it = m_imageOf.cbegin(); it != m_imageOf.cend(); ++it)
        tagsOf[it.value()] << it.key();
    QSet<QString> expectGone;
    int expectProtected = 0;
    for (int i = 0; i < Images; ++i) {
        QStringList candidates;
        for (const QString &tag : tagsOf.value(i)) {
            const bool kept = (tag.startsWith(u"v1.") && i % 10 == 0) || newest.contains(i);
            if (!kept && ((dated(i) && dayOf(i) < 100) || tag.startsWith(u"tmp-")))
                candidates << tag;
        }
        if (candidates.size() == tagsOf.value(i).size() && i != 7) {
            for (const QString &tag : std::as_const(candidates))
                expectGone.insert(tag);
            if (i == 13)
                expectGone.insert(m_fallback13);
        } else {
            expectProtected += int(candidates.size());
        }
    }
    QVERIFY(expectGone.contains(m_fallback13)); // image 13 is old enough to go
    QVERIFY(expectProtected > 0);
    const QStringList deleted = plan->deletedTags();
    QCOMPARE(QSet<QString>(deleted.cbegin(), deleted.cend()), expectGone);
    QCOMPARE(plan->keptTagCount(), tagCount - int(expectGone.size()));
    QCOMPARE(fateOf(plan.value(), m_fallback7).fate, TagFate::Fate::Kept);
    QCOMPARE(plan->orphanedReferrers.size(), 1);

    // The dry run is the plan that runs.
    QTemporaryDir journal;
    ops::DeleteRun run(harness.client(), ops::Journal(journal.path()), plan.value());
    run.start();
    QVERIFY(ClientHarness::wait(&run, 300000));
    const ops::DeleteSummary &summary = run.summary();
    QVERIFY2(summary.isComplete(), qPrintable(summary.describe()));
    QCOMPARE(summary.count(ops::DeleteOutcome::Result::Deleted), int(plan->steps.size()));
    const QStringList reported = summary.deletedTags();
    QCOMPARE(QSet<QString>(reported.cbegin(), reported.cend()), expectGone);

    // skopeo: exactly the other tags are left, each on the digest it had.
    const oci::Result<QStringList> listed = m_fixtures->skopeoListTags(Repo);
    QVERIFY2(listed.ok(), listed.ok() ? "" : qPrintable(listed.error().message()));
    const QSet<QString> left(listed->cbegin(), listed->cend());
    QSet<QString> expectLeft;
    for (const oci::TagDetails &row : scan->scan().tags) {
        if (!expectGone.contains(row.tag))
            expectLeft.insert(row.tag);
    }
    QCOMPARE(left, expectLeft);
    for (const TagFate &fate : plan->tags) {
        if (fate.fate != TagFate::Fate::Protected)
            continue;
        auto raw = m_fixtures->skopeoInspectRaw(Repo + u':' + fate.tag);
        QVERIFY_RESULT(raw);
        QCOMPARE(oci::Digest::sha256Of(raw.value()), m_digests[m_imageOf.value(fate.tag)]);
    }
}

QTEST_GUILESS_MAIN(TestRetentionRun)
#include "tst_retentionrun.moc"
