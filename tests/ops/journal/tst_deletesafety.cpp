// The safety nets of a deletion against docker-registry 2.8, with skopeo as the other
// person at work on the registry and as the witness:
// - DeleteRun re-checks the repository against its plan first: a tag pushed onto the
//   digest since the scan, or a kept tag moved onto a digest the plan deletes, and nothing
//   runs; an unchanged repository of a few hundred tags is re-checked in seconds;
// - UndoJob leaves a tag that moved on since the deletion where it is, accepts one that is
//   back already, and changes nothing when every tag moved on;
// - a client destroyed mid-run, mid-re-check or mid-undo ends the job (Cancelled, "the
//   registry was removed") instead of leaving it waiting.

#include "journaltestsupport.h"

#include "ops/journal/deleterun.h"
#include "ops/journal/journal.h"
#include "ops/journal/repositoryrecheck.h"
#include "ops/journal/undojob.h"
#include "ops/plan/deletionplanner.h"
#include "ops/plan/repositoryscanjob.h"

#include "oci/cache/contentcache.h"
#include "oci/inspect/contentfetcher.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace journaltest;
using ops::DeleteOutcome;
using ops::DeleteRun;
using ops::JournalEntry;
using ops::UndoJob;
using ops::UndoTagResult;

class TestDeleteSafety final : public QObject
{
    Q_OBJECT

    SingleRegistry m_setup;
    RegistryProcess *m_registry = nullptr;

    oci::RegistryClient *client() const { return m_setup.client(); }
    ops::Journal journal() const { return m_setup.journal(); }
    oci::RegistryClient *newClient() const { return m_setup.newClient(); }

    // The plan from a full scan, as the delete window and ladingctl rm make it.
    ops::DeletePlan scanAndPlan(const QString &repository, const QStringList &tags, ops::DeleteMode mode)
    {
        oci::ContentCache cache(oci::ContentCacheOptions{});
        oci::ContentFetcher fetcher(client(), &cache);
        std::unique_ptr<ops::RepositoryScanJob> scan(ops::RepositoryScanJob::start(&fetcher, repository));
        if (!ClientHarness::wait(scan.get(), 60000) || !scan->succeeded()) {
            qWarning("scan: %s", qPrintable(scan->error().describe()));
            return {};
        }
        oci::Result<ops::DeletePlan> plan = ops::planDeletion(scan->scan(), tags, mode);
        if (!plan) {
            qWarning("plan: %s", qPrintable(plan.error().describe()));
            return {};
        }
        return plan.value();
    }

    QString deleteImage(const SeededImage &image, const QStringList &tags)
    {
        DeleteRun run(client(), journal(),
                      plan(*m_registry, image.repository, {deleteManifestStep(image.digest, image.mediaType, tags)}));
        run.start();
        if (!ClientHarness::wait(&run) || run.summary().outcomes.constFirst().result != DeleteOutcome::Result::Deleted) {
            qWarning("%s", qPrintable(run.summary().describe()));
            return {};
        }
        return run.summary().outcomes.constFirst().journalId;
    }

    std::unique_ptr<UndoJob> undo(oci::RegistryClient *client, const QString &id) const
    {
        return runUndo(client, journal(), id);
    }

private Q_SLOTS:
    void initTestCase()
    {
        REQUIRE_REGISTRY_TOOLS();
        QString why;
        QVERIFY2(m_setup.start(&why), qPrintable(why));
        m_registry = &m_setup.registry();
    }

    void cleanupTestCase() { m_setup.stop(); }
    void init() { QVERIFY(m_setup.newJournal()); }

    // Scanned and planned; then someone tags the image the plan deletes: nothing runs.
    void tagPushedAfterTheScanRefusesTheRun()
    {
        const QString repo = QStringLiteral("recheck/appeared");
        const SeededImage image = seed(*m_registry, client(), repo, {QStringLiteral("1.1"), QStringLiteral("latest")});
        QVERIFY(!image.digest.isNull());
        const Pushed other = pushVariant(client(), image, QStringLiteral("2.0"), QStringLiteral("other"));
        QVERIFY(!other.digest.isNull());
        const ops::DeletePlan planned = scanAndPlan(repo, {QStringLiteral("latest")}, ops::DeleteMode::Image);
        QCOMPARE(planned.steps.size(), 1);
        QCOMPARE(planned.steps.constFirst().kind, ops::DeleteStep::Kind::DeleteManifest);

        QVERIFY(skopeoCopyTag(*m_registry, repo, QStringLiteral("latest"), QStringLiteral("hotfix")));
        QCOMPARE(skopeoRaw(*m_registry, repo + QStringLiteral(":hotfix")), image.manifest); // same digest

        DeleteRun run(client(), journal(), planned);
        QSignalSpy checking(&run, &DeleteRun::checkingRepository);
        run.start();
        QVERIFY(ClientHarness::wait(&run));
        QVERIFY2(run.succeeded(), qPrintable(run.error().describe()));
        QCOMPARE(checking.size(), 1);
        const ops::DeleteSummary &summary = run.summary();
        QVERIFY(summary.stopped);
        QCOMPARE(summary.changedTags, QStringList{QStringLiteral("hotfix")});
        QVERIFY2(summary.stopReason.startsWith(u"the repository changed since the scan: 'hotfix' is new (on "),
                 qPrintable(summary.stopReason));
        QVERIFY2(summary.stopReason.contains(QString(image.digest.shortString() + u", which the plan deletes")),
                 qPrintable(summary.stopReason));
        QVERIFY2(summary.stopReason.endsWith(u"; scan again"), qPrintable(summary.stopReason));
        QCOMPARE(summary.count(DeleteOutcome::Result::NotRun), 1);
        QVERIFY(summary.outcomes.constFirst().journalId.isEmpty());
        QVERIFY(!summary.garbageCollectionNeeded());
        QVERIFY(journal().entries().isEmpty());

        // Nothing was touched.
        QCOMPARE(skopeoTags(*m_registry, repo),
                 (QStringList{QStringLiteral("1.1"), QStringLiteral("2.0"), QStringLiteral("hotfix"),
                              QStringLiteral("latest")}));
        QCOMPARE(skopeoRaw(*m_registry, repo + u'@' + image.digest.toString()), image.manifest);
    }

    // A tag the plan keeps moved onto the digest it deletes: deleting would take it along.
    void keptTagMovedOntoADeletedDigestRefusesTheRun()
    {
        const QString repo = QStringLiteral("recheck/moved");
        const SeededImage image = seed(*m_registry, client(), repo, {QStringLiteral("old")});
        QVERIFY(!image.digest.isNull());
        const Pushed kept = pushVariant(client(), image, QStringLiteral("stable"), QStringLiteral("kept"));
        QVERIFY(!kept.digest.isNull());
        const ops::DeletePlan planned = scanAndPlan(repo, {QStringLiteral("old")}, ops::DeleteMode::Image);
        QCOMPARE(planned.steps.size(), 1);

        QVERIFY(skopeoCopyTag(*m_registry, repo, QStringLiteral("old"), QStringLiteral("stable")));

        DeleteRun run(client(), journal(), planned);
        run.start();
        QVERIFY(ClientHarness::wait(&run));
        const ops::DeleteSummary &summary = run.summary();
        QVERIFY(summary.stopped);
        QCOMPARE(summary.changedTags, QStringList{QStringLiteral("stable")});
        QVERIFY2(summary.stopReason.contains(QString(u"'stable' moved from " + kept.digest.shortString() + u" to "
                                                     + image.digest.shortString() + u", which the plan deletes")),
                 qPrintable(summary.stopReason));
        QVERIFY2(summary.outcomes.constFirst().reason.startsWith(
                     u"Not run: the run stopped because the repository changed since the scan"),
                 qPrintable(summary.outcomes.constFirst().reason));
        QCOMPARE(skopeoTags(*m_registry, repo), (QStringList{QStringLiteral("old"), QStringLiteral("stable")}));
        QCOMPARE(skopeoRaw(*m_registry, repo + QStringLiteral(":stable")), image.manifest);
        QCOMPARE(skopeoRaw(*m_registry, repo + QStringLiteral(":old")), image.manifest);
    }

    // Nothing changed: the run goes ahead. 301 tags on one digest are HEADed a few at a
    // time, in seconds.
    void unchangedRepositoryOfManyTagsRuns()
    {
        const QString repo = QStringLiteral("recheck/many");
        const SeededImage image = seed(*m_registry, client(), repo, {QStringLiteral("base")});
        QVERIFY(!image.digest.isNull());
        Fixtures fixtures(*m_registry);
        const auto many = fixtures.pushManyTags(image, 300);
        QVERIFY_RESULT(many);
        const ops::DeletePlan planned = scanAndPlan(repo, {QStringLiteral("t0007")}, ops::DeleteMode::TagOnly);
        QCOMPARE(planned.tags.size(), 301);
        QCOMPARE(planned.steps.size(), 1);
        QCOMPARE(planned.steps.constFirst().kind, ops::DeleteStep::Kind::RemoveTag);

        QElapsedTimer clock;
        clock.start();
        ops::RepositoryRecheck check(client(), planned);
        check.start();
        QVERIFY(ClientHarness::wait(&check));
        QVERIFY2(check.succeeded(), qPrintable(check.error().describe()));
        QVERIFY2(check.changedTags().isEmpty(), qPrintable(check.describeChanges()));
        QCOMPARE(check.headsSent(), 301); // every tag shares the digest the plan touches
        qInfo("re-checked 301 tags in %lld ms", clock.elapsed());
        QVERIFY2(clock.elapsed() < 15000, qPrintable(QString::number(clock.elapsed())));

        DeleteRun run(client(), journal(), planned);
        run.start();
        QVERIFY(ClientHarness::wait(&run));
        QVERIFY2(run.summary().isComplete(), qPrintable(run.summary().describe()));
        QCOMPARE(run.summary().deletedTags(), QStringList{QStringLiteral("t0007")});
        const QStringList left = skopeoTags(*m_registry, repo);
        QCOMPARE(left.size(), 300);
        QVERIFY(!left.contains(QStringLiteral("t0007")));
        QCOMPARE(skopeoRaw(*m_registry, repo + QStringLiteral(":t0008")), image.manifest);
    }

    // Between the deletion and its undo, `latest` was pushed elsewhere and `1.1` put back:
    // undo restores the digest, accepts 1.1, and leaves latest where it now is.
    void undoLeavesATagThatMovedOn()
    {
        const QString repo = QStringLiteral("undo/movedon");
        const SeededImage image = seed(*m_registry, client(), repo, {QStringLiteral("1.1"), QStringLiteral("latest")});
        QVERIFY(!image.digest.isNull());
        const Pushed other = pushVariant(client(), image, QStringLiteral("2.0"), QStringLiteral("other"));
        QVERIFY(!other.digest.isNull());
        const QString id = deleteImage(image, {QStringLiteral("1.1"), QStringLiteral("latest")});
        QVERIFY(!id.isEmpty());
        QCOMPARE(skopeoTags(*m_registry, repo), QStringList{QStringLiteral("2.0")});

        QVERIFY(skopeoCopyTag(*m_registry, repo, QStringLiteral("2.0"), QStringLiteral("latest")));
        QVERIFY(putTags(client(), repo, image.mediaType, image.manifest, {QStringLiteral("1.1")}));

        const auto job = undo(client(), id);
        QVERIFY2(job->succeeded(), qPrintable(job->error().describe()));
        QCOMPARE(job->restored(), (QStringList{u'@' + image.digest.toString(), QStringLiteral("1.1")}));
        QCOMPARE(job->skippedTags(), QStringList{QStringLiteral("latest")});
        const QList<UndoTagResult> &results = job->tagResults();
        QCOMPARE(results.size(), 2);
        QCOMPARE(results.at(0).result, UndoTagResult::Result::AlreadyThere);
        QCOMPARE(results.at(1).result, UndoTagResult::Result::Skipped);
        QCOMPARE(results.at(1).now, other.digest);
        QVERIFY2(results.at(1).reason.contains(u"moved on since the deletion"), qPrintable(results.at(1).reason));

        QCOMPARE(skopeoRaw(*m_registry, repo + QStringLiteral(":latest")), other.bytes);
        QCOMPARE(skopeoRaw(*m_registry, repo + QStringLiteral(":1.1")), image.manifest);
        QCOMPARE(skopeoRaw(*m_registry, repo + u'@' + image.digest.toString()), image.manifest);
        const auto entry = journal().read(id);
        QVERIFY_RESULT(entry);
        QCOMPARE(entry->state, JournalEntry::State::Undone);
        QCOMPARE(entry->undoSkipped, QStringList{QStringLiteral("latest")});
        QVERIFY(entry->isPartlyUndone());
    }

    // The one tag of a removal moved on: nothing is written, the entry stays undoable.
    void undoWithEveryTagMovedOnChangesNothing()
    {
        const QString repo = QStringLiteral("undo/allmoved");
        const SeededImage image = seed(*m_registry, client(), repo, {QStringLiteral("1.1"), QStringLiteral("latest")});
        QVERIFY(!image.digest.isNull());
        const Pushed other = pushVariant(client(), image, QStringLiteral("2.0"), QStringLiteral("other"));
        QVERIFY(!other.digest.isNull());
        DeleteRun run(client(), journal(),
                      plan(*m_registry, repo, {removeTagStep(image.digest, image.mediaType, QStringLiteral("latest"))}));
        run.start();
        QVERIFY(ClientHarness::wait(&run));
        const QString id = run.summary().outcomes.constFirst().journalId;
        QCOMPARE(run.summary().outcomes.constFirst().result, DeleteOutcome::Result::Deleted);

        QVERIFY(skopeoCopyTag(*m_registry, repo, QStringLiteral("2.0"), QStringLiteral("latest")));
        const auto job = undo(client(), id);
        QCOMPARE(job->error().code(), oci::Error::Code::DigestMismatch);
        QVERIFY2(job->error().message().startsWith(u"nothing was put back: every tag of this deletion moved on"),
                 qPrintable(job->error().message()));
        QVERIFY(job->restored().isEmpty());
        QCOMPARE(job->skippedTags(), QStringList{QStringLiteral("latest")});
        QCOMPARE(skopeoRaw(*m_registry, repo + QStringLiteral(":latest")), other.bytes);
        QCOMPARE(journal().read(id)->state, JournalEntry::State::Done);
    }

    // The client goes while the second of four steps is in flight: the run ends.
    void clientDestroyedMidRun()
    {
        const QString repo = QStringLiteral("gone/run");
        const SeededImage image = seed(*m_registry, client(), repo, {QStringLiteral("base")});
        QVERIFY(!image.digest.isNull());
        const QList<Pushed> pushed = pushVariants(client(), image, 4);
        QVERIFY(!pushed.isEmpty());
        QList<ops::DeleteStep> steps;
        for (const Pushed &one : pushed)
            steps << deleteManifestStep(one.digest, one.mediaType, {one.tag});
        QPointer<oci::RegistryClient> doomed = newClient();
        DeleteRun run(doomed, journal(), plan(*m_registry, repo, steps));
        connect(&run, &DeleteRun::stepStarted, &run, [doomed](int index) {
            if (index == 1 && doomed)
                doomed->deleteLater();
        });
        run.start();
        QVERIFY(ClientHarness::wait(&run, 20000));
        QVERIFY(doomed.isNull());
        QCOMPARE(run.error().code(), oci::Error::Code::Cancelled);
        QCOMPARE(run.error().message(), QStringLiteral("the registry was removed"));
        const ops::DeleteSummary &summary = run.summary();
        QVERIFY(summary.stopped);
        QCOMPARE(summary.stopReason, QStringLiteral("the registry was removed"));
        QCOMPARE(summary.outcomes.at(0).result, DeleteOutcome::Result::Deleted);
        QCOMPARE(summary.outcomes.at(1).result, DeleteOutcome::Result::Failed);
        QCOMPARE(summary.outcomes.at(1).error.code(), oci::Error::Code::Cancelled);
        for (int i = 2; i < 4; ++i) {
            QCOMPARE(summary.outcomes.at(i).result, DeleteOutcome::Result::NotRun);
            QVERIFY2(summary.outcomes.at(i).reason.contains(u"the registry was removed"),
                     qPrintable(summary.outcomes.at(i).reason));
        }
        QCOMPARE(skopeoTags(*m_registry, repo),
                 (QStringList{QStringLiteral("base"), QStringLiteral("v1"), QStringLiteral("v2"), QStringLiteral("v3")}));
        const QList<JournalEntry> entries = journal().entriesOfRun(run.runId());
        QCOMPARE(entries.size(), 2);
        QCOMPARE(entries.at(1).state, JournalEntry::State::Failed);
    }

    // The client goes during the re-check: nothing ran, and the run ends.
    void clientDestroyedDuringTheRecheck()
    {
        const QString repo = QStringLiteral("gone/recheck");
        const SeededImage image = seed(*m_registry, client(), repo, {QStringLiteral("1.0"), QStringLiteral("2.0")});
        QVERIFY(!image.digest.isNull());
        const ops::DeletePlan planned = scanAndPlan(repo, {QStringLiteral("1.0")}, ops::DeleteMode::TagOnly);
        QCOMPARE(planned.steps.size(), 1);
        QPointer<oci::RegistryClient> doomed = newClient();
        DeleteRun run(doomed, journal(), planned);
        connect(&run, &DeleteRun::checkingRepository, &run, [doomed] { doomed->deleteLater(); });
        run.start();
        QVERIFY(ClientHarness::wait(&run, 20000));
        QCOMPARE(run.error().code(), oci::Error::Code::Cancelled);
        QCOMPARE(run.summary().count(DeleteOutcome::Result::NotRun), 1);
        QVERIFY(journal().entries().isEmpty());
        QCOMPARE(skopeoTags(*m_registry, repo), (QStringList{QStringLiteral("1.0"), QStringLiteral("2.0")}));
    }

    // The client goes as undo sends its first request: the job ends; undone again later
    // with a client, everything is back.
    void clientDestroyedMidUndo()
    {
        const QString repo = QStringLiteral("gone/undo");
        const SeededImage image = seed(*m_registry, client(), repo, {QStringLiteral("1.0")});
        QVERIFY(!image.digest.isNull());
        const QString id = deleteImage(image, {QStringLiteral("1.0")});
        QVERIFY(!id.isEmpty());

        QPointer<oci::RegistryClient> doomed = newClient();
        DeleteOnFirstChild trigger(doomed);
        const auto gone = undo(doomed, id);
        QVERIFY(trigger.fired());
        QVERIFY(doomed.isNull());
        QCOMPARE(gone->error().code(), oci::Error::Code::Cancelled);
        QVERIFY2(gone->error().message().startsWith(u"the registry was removed"), qPrintable(gone->error().message()));
        QCOMPARE(journal().read(id)->state, JournalEntry::State::Done);

        const auto again = undo(client(), id);
        QVERIFY2(again->succeeded(), qPrintable(again->error().describe()));
        QCOMPARE(skopeoRaw(*m_registry, repo + QStringLiteral(":1.0")), image.manifest);
    }
};

QTEST_GUILESS_MAIN(TestDeleteSafety)
#include "tst_deletesafety.moc"
