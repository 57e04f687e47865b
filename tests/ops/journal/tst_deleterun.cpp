// ops::DeleteRun (and DeleteStepJob, which runs each step) against docker-registry 2.8,
// with plans built by hand: the shared digest (removing `latest` keeps `1.1` and its
// digest, by a throwaway manifest since distribution has no tag API), deleting the image
// (every tag goes), an index, tags that moved since the plan, a registry that refuses to
// delete, cancel, the registry stopped in the middle of a bulk delete (the summary and the
// journal tell exactly what was done), an unwritable journal. skopeo is the witness.

#include "journaltestsupport.h"

#include "ops/journal/deleterun.h"
#include "ops/journal/journal.h"

#include <QDir>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace journaltest;
using ops::DeleteOutcome;
using ops::DeleteRun;
using ops::JournalEntry;

namespace {

// The manifest digests the registry keeps for `repository` (its storage's revision links):
// what skopeo cannot list, e.g. a throwaway manifest left behind.
// (A deleted manifest loses its link file; the folder stays.)
QStringList storedRevisions(const RegistryProcess &registry, const QString &repository)
{
    const QDir revisions(registry.storageDir() + QStringLiteral("/docker/registry/v2/repositories/")
                         + repository + QStringLiteral("/_manifests/revisions/sha256"));
    QStringList linked;
    const QStringList folders = revisions.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &folder : folders) {
        if (QFile::exists(revisions.filePath(folder + QStringLiteral("/link"))))
            linked << folder;
    }
    return linked;
}

bool runToEnd(DeleteRun *run)
{
    run->start();
    return ClientHarness::wait(run, 120000);
}

} // namespace

class TestDeleteRun final : public QObject
{
    Q_OBJECT

    RegistryTrio m_trio;
    std::unique_ptr<QTemporaryDir> m_journalDir;

    static void addSetups() { RegistryTrio::addSetups(); }
    oci::RegistryClient *client(int setup) const { return m_trio.client(setup); }
    ops::Journal journal() const { return ops::Journal(m_journalDir->path()); }

    // The journal entry an outcome names, which must match it.
    JournalEntry entryOf(const DeleteOutcome &outcome) const
    {
        const auto read = journal().read(outcome.journalId);
        if (!read) {
            qWarning("journal: %s", qPrintable(read.error().describe()));
            return {};
        }
        return read.value();
    }

private Q_SLOTS:
    void initTestCase()
    {
        REQUIRE_REGISTRY_TOOLS();
        QString why;
        QVERIFY2(m_trio.start(&why), qPrintable(why));
    }

    void init()
    {
        m_journalDir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_journalDir->isValid());
    }

    // `1.1` and `latest` on one digest: removing `latest` keeps `1.1` and the digest.
    void sharedDigestRemoveTagKeepsTheOtherTag_data() { addSetups(); }
    void sharedDigestRemoveTagKeepsTheOtherTag()
    {
        QFETCH(int, setup);
        RegistryProcess &registry = m_trio.registry(setup);
        const QString repo = QStringLiteral("shared/app");
        const SeededImage image = seed(registry, client(setup), repo, {QStringLiteral("1.1"), QStringLiteral("latest")});
        QVERIFY(!image.digest.isNull());
        const QStringList revisionsBefore = storedRevisions(registry, repo);

        DeleteRun run(client(setup), journal(),
                      plan(registry, repo, {removeTagStep(image.digest, image.mediaType, QStringLiteral("latest"))}));
        QVERIFY(runToEnd(&run));
        QVERIFY2(run.succeeded(), qPrintable(run.error().describe()));
        const ops::DeleteSummary &summary = run.summary();
        QCOMPARE(summary.outcomes.size(), 1);
        const DeleteOutcome &outcome = summary.outcomes.constFirst();
        QVERIFY2(outcome.result == DeleteOutcome::Result::Deleted, qPrintable(summary.describe()));
        QCOMPARE(outcome.tags, QStringList{QStringLiteral("latest")});
        // distribution 2.8 has no tag API: the throwaway manifest did it.
        QVERIFY2(outcome.method.startsWith(u"throwaway manifest sha256:"), qPrintable(outcome.method));
        QCOMPARE(summary.deletedTags(), QStringList{QStringLiteral("latest")});
        QVERIFY(summary.isComplete());
        QVERIFY(summary.garbageCollectionNeeded());

        // skopeo: 1.1 is still there, on the same bytes; the digest too; latest is gone.
        QCOMPARE(skopeoTags(registry, repo), QStringList{QStringLiteral("1.1")});
        QCOMPARE(skopeoRaw(registry, repo + QStringLiteral(":1.1")), image.manifest);
        QCOMPARE(skopeoRaw(registry, repo + u'@' + image.digest.toString()), image.manifest);
        // The throwaway manifest was deleted, not left behind.
        const QString throwaway = outcome.method.section(u' ', 2);
        QVERIFY(skopeoRaw(registry, repo + u'@' + throwaway).isEmpty());
        QCOMPARE(storedRevisions(registry, repo), revisionsBefore);

        // The journal: one entry, done, with the exact bytes, the tag and the method.
        const QList<JournalEntry> entries = journal().entriesOfRun(run.runId());
        QCOMPARE(entries.size(), 1);
        const JournalEntry &entry = entries.constFirst();
        QCOMPARE(entry.id, outcome.journalId);
        QCOMPARE(entry.state, JournalEntry::State::Done);
        QCOMPARE(entry.kind, ops::DeleteStep::Kind::RemoveTag);
        QCOMPARE(entry.tags, QStringList{QStringLiteral("latest")});
        QCOMPARE(entry.digest, image.digest);
        QCOMPARE(entry.manifest, image.manifest);
        QCOMPARE(entry.mediaType, image.mediaType);
        QCOMPARE(entry.method, outcome.method);
        QCOMPARE(entry.throwaway.toString(), throwaway);
        QCOMPARE(entry.registry, registry.host());
        QCOMPARE(entry.repository, repo);
    }

    // "Delete the image": the digest goes, and every tag on it.
    void deleteImageTakesEveryTag_data() { addSetups(); }
    void deleteImageTakesEveryTag()
    {
        QFETCH(int, setup);
        RegistryProcess &registry = m_trio.registry(setup);
        const QString repo = QStringLiteral("image/app");
        const SeededImage image = seed(registry, client(setup), repo, {QStringLiteral("1.1"), QStringLiteral("latest")});
        QVERIFY(!image.digest.isNull());
        const Pushed other = pushVariant(client(setup), image, QStringLiteral("2.0"), QStringLiteral("other"));
        QVERIFY(!other.digest.isNull());

        DeleteRun run(client(setup), journal(),
                      plan(registry, repo,
                           {deleteManifestStep(image.digest, image.mediaType,
                                               {QStringLiteral("1.1"), QStringLiteral("latest")})}));
        QSignalSpy progress(&run, &DeleteRun::progress);
        QVERIFY(runToEnd(&run));
        const DeleteOutcome &outcome = run.summary().outcomes.constFirst();
        QVERIFY2(outcome.result == DeleteOutcome::Result::Deleted, qPrintable(run.summary().describe()));
        QCOMPARE(outcome.tags, (QStringList{QStringLiteral("1.1"), QStringLiteral("latest")}));
        QVERIFY(outcome.method.isEmpty());
        QCOMPARE(run.summary().deletedDigests(), QList<oci::Digest>{image.digest});
        QCOMPARE(progress.size(), 2); // 0 of 1, 1 of 1
        QCOMPARE(progress.constLast().at(0).toInt(), 1);

        QCOMPARE(skopeoTags(registry, repo), QStringList{QStringLiteral("2.0")});
        QVERIFY(skopeoRaw(registry, repo + u'@' + image.digest.toString()).isEmpty());
        QCOMPARE(skopeoRaw(registry, repo + QStringLiteral(":2.0")), other.bytes);

        const JournalEntry entry = entryOf(outcome);
        QCOMPARE(entry.state, JournalEntry::State::Done);
        QCOMPARE(entry.kind, ops::DeleteStep::Kind::DeleteManifest);
        QCOMPARE(entry.manifest, image.manifest);
        QCOMPARE(entry.tags, (QStringList{QStringLiteral("1.1"), QStringLiteral("latest")}));
        QVERIFY(entry.time <= entry.updated);
    }

    // An index goes by its digest; its platform manifests stay (other tags may use them).
    void indexDeleteKeepsItsChildren()
    {
        RegistryProcess &registry = m_trio.registry(1);
        const QString repo = QStringLiteral("index/app");
        Fixtures fixtures(registry);
        const auto index = fixtures.pushIndex(repo, QStringLiteral("multi"));
        QVERIFY_RESULT(index);
        const QJsonArray children = QJsonDocument::fromJson(index->manifest).object().value(u"manifests").toArray();
        QCOMPARE(children.size(), 2);

        DeleteRun run(client(1), journal(),
                      plan(registry, repo, {deleteManifestStep(index->digest, index->mediaType, {QStringLiteral("multi")})}));
        QVERIFY(runToEnd(&run));
        const DeleteOutcome &outcome = run.summary().outcomes.constFirst();
        QVERIFY2(outcome.result == DeleteOutcome::Result::Deleted, qPrintable(run.summary().describe()));
        QCOMPARE(skopeoTags(registry, repo), QStringList());
        QVERIFY(skopeoRaw(registry, repo + u'@' + index->digest.toString()).isEmpty());
        for (const QJsonValue &child : children)
            QVERIFY(!skopeoRaw(registry, repo + u'@' + child.toObject().value(u"digest").toString()).isEmpty());
        const JournalEntry entry = entryOf(outcome);
        QCOMPARE(entry.manifest, index->manifest);
        QCOMPARE(entry.mediaType, index->mediaType);
    }

    // Between plan and run a tag moved: a RemoveTag for it is skipped; a DeleteManifest
    // that named it deletes the image and leaves that tag where it now points.
    void tagsThatMovedAreLeftAlone()
    {
        RegistryProcess &registry = m_trio.registry(1);
        const QString repo = QStringLiteral("moved/app");
        const SeededImage image = seed(registry, client(1), repo,
                                       {QStringLiteral("1.1"), QStringLiteral("latest"), QStringLiteral("rc")});
        QVERIFY(!image.digest.isNull());
        // After the "plan": rc and stable point at a new build.
        const Pushed moved = pushVariant(client(1), image, QStringLiteral("rc"), QStringLiteral("rc2"));
        QVERIFY(putTags(client(1), repo, moved.mediaType, moved.bytes, {QStringLiteral("stable")}));

        DeleteRun run(client(1), journal(),
                      plan(registry, repo,
                           {removeTagStep(image.digest, image.mediaType, QStringLiteral("stable")),
                            deleteManifestStep(image.digest, image.mediaType,
                                               {QStringLiteral("1.1"), QStringLiteral("latest"),
                                                QStringLiteral("rc"), QStringLiteral("gone")})}));
        QVERIFY(runToEnd(&run));
        const ops::DeleteSummary &summary = run.summary();
        QCOMPARE(summary.outcomes.size(), 2);
        const DeleteOutcome &skipped = summary.outcomes.at(0);
        QCOMPARE(skipped.result, DeleteOutcome::Result::Skipped);
        QVERIFY2(skipped.reason.startsWith(QString(u"The tag 'stable' now points at " + moved.digest.toString())),
                 qPrintable(skipped.reason));
        const DeleteOutcome &deleted = summary.outcomes.at(1);
        QCOMPARE(deleted.result, DeleteOutcome::Result::Deleted);
        QCOMPARE(deleted.tags, (QStringList{QStringLiteral("1.1"), QStringLiteral("latest")}));
        QVERIFY2(deleted.reason.contains(u"'rc' now points at") && deleted.reason.contains(u"'gone' was already gone"),
                 qPrintable(deleted.reason));
        QCOMPARE(summary.deletedTags(), (QStringList{QStringLiteral("1.1"), QStringLiteral("latest")}));

        QCOMPARE(skopeoTags(registry, repo), (QStringList{QStringLiteral("rc"), QStringLiteral("stable")}));
        QCOMPARE(skopeoRaw(registry, repo + QStringLiteral(":stable")), moved.bytes);
        QCOMPARE(entryOf(skipped).state, JournalEntry::State::Skipped);
        QVERIFY(entryOf(skipped).manifest.isEmpty()); // not the manifest it was about
        QCOMPARE(entryOf(deleted).tags, (QStringList{QStringLiteral("1.1"), QStringLiteral("latest")}));
    }

    // A RemoveTag step naming several tags removes each, one outcome and entry per tag.
    void removeTagStepWithSeveralTagsRunsPerTag()
    {
        RegistryProcess &registry = m_trio.registry(0);
        const QString repo = QStringLiteral("several/app");
        const SeededImage image = seed(registry, client(0), repo,
                                       {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("keep")});
        QVERIFY(!image.digest.isNull());
        ops::DeleteStep step = removeTagStep(image.digest, image.mediaType, QStringLiteral("a"));
        step.tags << QStringLiteral("b");
        DeleteRun run(client(0), journal(), plan(registry, repo, {step}));
        QCOMPARE(run.stepCount(), 2);
        QVERIFY(runToEnd(&run));
        QCOMPARE(run.summary().deletedTags(), (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
        QCOMPARE(run.summary().outcomes.at(1).step, 0);
        QCOMPARE(skopeoTags(registry, repo), QStringList{QStringLiteral("keep")});
        QCOMPARE(skopeoRaw(registry, repo + QStringLiteral(":keep")), image.manifest);
        QCOMPARE(journal().entriesOfRun(run.runId()).size(), 2);
    }

    // distribution without storage.delete.enabled: a clear refusal, nothing reported
    // deleted, nothing changed, the journal says failed.
    void registryThatRefusesDeletion()
    {
        RegistryProcess registry(RegistryProcess::Auth::Basic);
        registry.setDeleteEnabled(false);
        QVERIFY2(registry.start(), qPrintable(registry.errorString()));
        ClientHarness harness(registry);
        const QString repo = QStringLiteral("refuse/app");
        const SeededImage image = seed(registry, harness.client(), repo, {QStringLiteral("1.1"), QStringLiteral("latest")});
        QVERIFY(!image.digest.isNull());
        const QStringList revisionsBefore = storedRevisions(registry, repo);
        QCOMPARE(revisionsBefore.size(), 1);

        DeleteRun run(harness.client(), journal(),
                      plan(registry, repo,
                           {removeTagStep(image.digest, image.mediaType, QStringLiteral("latest")),
                            deleteManifestStep(image.digest, image.mediaType,
                                               {QStringLiteral("1.1"), QStringLiteral("latest")})}));
        QVERIFY(runToEnd(&run));
        const ops::DeleteSummary &summary = run.summary();
        QVERIFY2(!summary.stopped, qPrintable(summary.stopReason)); // a refusal is no outage
        QCOMPARE(summary.count(DeleteOutcome::Result::Failed), 2);
        QVERIFY(summary.deletedTags().isEmpty());
        QVERIFY(!summary.garbageCollectionNeeded());
        for (const DeleteOutcome &outcome : summary.outcomes) {
            QCOMPARE(outcome.error.code(), oci::Error::Code::Unsupported);
            QCOMPARE(outcome.error.httpStatus(), 405);
            QVERIFY2(outcome.reason.contains(u"the registry does not allow deleting ("), qPrintable(outcome.reason));
            QVERIFY(outcome.method.isEmpty());
            const JournalEntry entry = entryOf(outcome);
            QCOMPARE(entry.state, JournalEntry::State::Failed);
            QCOMPARE(entry.errorCode, oci::Error::codeName(oci::Error::Code::Unsupported));
            QCOMPARE(entry.httpStatus, 405);
            QVERIFY(entry.throwaway.isNull()); // the tag was never pointed anywhere
        }
        QVERIFY2(summary.outcomes.at(0).reason.startsWith(u"The registry refused to delete: 'latest' was not touched."),
                 qPrintable(summary.outcomes.at(0).reason));
        QVERIFY2(summary.outcomes.at(1).reason.startsWith(u"The registry refused to delete: nothing was deleted."),
                 qPrintable(summary.outcomes.at(1).reason));

        QCOMPARE(skopeoTags(registry, repo), (QStringList{QStringLiteral("1.1"), QStringLiteral("latest")}));
        QCOMPARE(skopeoRaw(registry, repo + QStringLiteral(":latest")), image.manifest);
        QCOMPARE(storedRevisions(registry, repo), revisionsBefore); // no throwaway left
    }

    // requestCancel(): the step in flight finishes, the rest does not run.
    void cancelStopsBeforeTheNextStep()
    {
        RegistryProcess &registry = m_trio.registry(1);
        const QString repo = QStringLiteral("cancel/app");
        const SeededImage image = seed(registry, client(1), repo, {QStringLiteral("base")});
        QVERIFY(!image.digest.isNull());
        const QList<Pushed> pushed = pushVariants(client(1), image, 5);
        QVERIFY(!pushed.isEmpty());
        QList<ops::DeleteStep> steps;
        for (const Pushed &one : pushed)
            steps << deleteManifestStep(one.digest, one.mediaType, {one.tag});
        DeleteRun run(client(1), journal(), plan(registry, repo, steps));
        connect(&run, &DeleteRun::stepStarted, &run, [&run](int index) {
            if (index == 1)
                run.requestCancel();
        });
        QVERIFY(runToEnd(&run));
        const ops::DeleteSummary &summary = run.summary();
        QVERIFY(summary.cancelled);
        QCOMPARE(summary.count(DeleteOutcome::Result::Deleted), 2);
        QCOMPARE(summary.count(DeleteOutcome::Result::NotRun), 3);
        QCOMPARE(summary.outcomes.at(2).reason, QStringLiteral("Not run: the deletion was cancelled."));
        QVERIFY(summary.outcomes.at(2).journalId.isEmpty());
        QCOMPARE(skopeoTags(registry, repo),
                 (QStringList{QStringLiteral("base"), QStringLiteral("v2"), QStringLiteral("v3"), QStringLiteral("v4")}));
        QCOMPARE(journal().entriesOfRun(run.runId()).size(), 2);
    }

    // The registry stops after the fourth of ten deletions and comes back after the run
    // gave up: the summary says exactly what was done, and so do the journal and skopeo.
    void registryDownInTheMiddleStopsTheRun()
    {
        RegistryProcess &registry = m_trio.registry(1);
        const QString repo = QStringLiteral("bulk/down");
        const SeededImage image = seed(registry, client(1), repo, {QStringLiteral("base")});
        QVERIFY(!image.digest.isNull());
        const QList<Pushed> pushed = pushVariants(client(1), image, 10);
        QVERIFY(!pushed.isEmpty());
        QList<ops::DeleteStep> steps;
        for (const Pushed &one : pushed)
            steps << deleteManifestStep(one.digest, one.mediaType, {one.tag});
        DeleteRun run(client(1), journal(), plan(registry, repo, steps));
        connect(&run, &DeleteRun::stepFinished, &run, [&registry](int index) {
            if (index == 3)
                registry.stop();
        });
        QVERIFY(runToEnd(&run));
        QVERIFY(registry.restart());

        const ops::DeleteSummary &summary = run.summary();
        QVERIFY(summary.stopped);
        QVERIFY2(summary.stopReason.startsWith(QString(registry.host() + u" could not be reached")),
                 qPrintable(summary.stopReason));
        QCOMPARE(summary.count(DeleteOutcome::Result::Deleted), 4);
        QCOMPARE(summary.count(DeleteOutcome::Result::Failed), 1);
        QCOMPARE(summary.count(DeleteOutcome::Result::NotRun), 5);
        const DeleteOutcome &failed = summary.outcomes.at(4);
        QCOMPARE(failed.result, DeleteOutcome::Result::Failed);
        QCOMPARE(failed.error.code(), oci::Error::Code::Network);
        QVERIFY2(failed.reason.startsWith(u"Could not read the manifest to keep a copy of it: nothing was deleted."),
                 qPrintable(failed.reason));
        for (int i = 5; i < 10; ++i)
            QVERIFY2(summary.outcomes.at(i).reason.startsWith(u"Not run: the run stopped because"),
                     qPrintable(summary.outcomes.at(i).reason));
        qInfo("%s", qPrintable(summary.describe()));

        // What skopeo sees is what the summary says.
        QStringList expectedTags{QStringLiteral("base")};
        for (int i = 4; i < 10; ++i)
            expectedTags << pushed.at(i).tag;
        QCOMPARE(skopeoTags(registry, repo), expectedTags);
        // And the journal: one entry per step that ran, with its outcome's state.
        const QList<JournalEntry> entries = journal().entriesOfRun(run.runId());
        QCOMPARE(entries.size(), 5);
        for (int i = 0; i < 5; ++i) {
            QCOMPARE(entries.at(i).id, summary.outcomes.at(i).journalId);
            QCOMPARE(entries.at(i).step, i);
            QCOMPARE(entries.at(i).digest, pushed.at(i).digest);
            QCOMPARE(entries.at(i).state, i < 4 ? JournalEntry::State::Done : JournalEntry::State::Failed);
            QCOMPARE(entries.at(i).manifest, i < 4 ? pushed.at(i).bytes : QByteArray());
        }
    }

    // A registry that is back by the time the next step asks: the run carries on.
    void registryRestartedBetweenStepsTheRunCarriesOn()
    {
        RegistryProcess &registry = m_trio.registry(1);
        const QString repo = QStringLiteral("bulk/restart");
        const SeededImage image = seed(registry, client(1), repo, {QStringLiteral("base")});
        QVERIFY(!image.digest.isNull());
        const QList<Pushed> pushed = pushVariants(client(1), image, 6);
        QVERIFY(!pushed.isEmpty());
        QList<ops::DeleteStep> steps;
        for (const Pushed &one : pushed)
            steps << removeTagStep(one.digest, one.mediaType, one.tag);
        DeleteRun run(client(1), journal(), plan(registry, repo, steps));
        bool restarted = false;
        connect(&run, &DeleteRun::stepFinished, &run, [&registry, &restarted](int index) {
            if (index == 2) {
                registry.stop();
                restarted = registry.restart();
            }
        });
        QVERIFY(runToEnd(&run));
        QVERIFY(restarted);
        QVERIFY2(run.summary().isComplete(), qPrintable(run.summary().describe()));
        QCOMPARE(run.summary().count(DeleteOutcome::Result::Deleted), 6);
        QCOMPARE(skopeoTags(registry, repo), QStringList{QStringLiteral("base")});
        const QList<JournalEntry> entries = journal().entriesOfRun(run.runId());
        QCOMPARE(entries.size(), 6);
        for (const JournalEntry &entry : entries)
            QCOMPARE(entry.state, JournalEntry::State::Done);
    }

    // No journal, no deletion: the first step fails before the registry is touched and
    // the run stops.
    void unwritableJournalDeletesNothing()
    {
        RegistryProcess &registry = m_trio.registry(0);
        const QString repo = QStringLiteral("nojournal/app");
        const SeededImage image = seed(registry, client(0), repo, {QStringLiteral("1.0"), QStringLiteral("2.0")});
        QVERIFY(!image.digest.isNull());
        QFile blocker(m_journalDir->filePath(QStringLiteral("blocked")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        DeleteRun run(client(0), ops::Journal(blocker.fileName()),
                      plan(registry, repo,
                           {removeTagStep(image.digest, image.mediaType, QStringLiteral("1.0")),
                            removeTagStep(image.digest, image.mediaType, QStringLiteral("2.0"))}));
        QVERIFY(runToEnd(&run));
        const ops::DeleteSummary &summary = run.summary();
        QVERIFY(summary.stopped);
        QVERIFY2(summary.stopReason.startsWith(u"the journal could not be written"), qPrintable(summary.stopReason));
        QCOMPARE(summary.outcomes.at(0).result, DeleteOutcome::Result::Failed);
        QCOMPARE(summary.outcomes.at(0).error.code(), oci::Error::Code::Io);
        QCOMPARE(summary.outcomes.at(1).result, DeleteOutcome::Result::NotRun);
        QCOMPARE(skopeoTags(registry, repo), (QStringList{QStringLiteral("1.0"), QStringLiteral("2.0")}));
    }

    void planForAnotherRegistryIsRefused()
    {
        ops::DeletePlan other;
        other.registry = QStringLiteral("elsewhere.example:5000");
        other.repository = QStringLiteral("team/app");
        other.steps << deleteManifestStep(oci::Digest::sha256Of("x"), {}, {QStringLiteral("1.0")});
        DeleteRun run(client(0), journal(), other);
        QVERIFY(runToEnd(&run));
        QCOMPARE(run.error().code(), oci::Error::Code::InvalidArgument);
        QCOMPARE(run.summary().outcomes.constFirst().result, DeleteOutcome::Result::NotRun);
        QVERIFY(journal().entries().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDeleteRun)
#include "tst_deleterun.moc"
