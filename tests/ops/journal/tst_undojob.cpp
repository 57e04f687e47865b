// ops::UndoJob against docker-registry 2.8: deletions made by DeleteRun are undone and
// skopeo sees the digests and tags back byte for byte (an image with two tags, a tag
// removed by the throwaway manifest, an index); after the registry's garbage collection
// removed the blobs, undo is refused and names each missing blob; entries that cannot be
// undone are refused.

#include "journaltestsupport.h"

#include "ops/journal/deleterun.h"
#include "ops/journal/journal.h"
#include "ops/journal/undojob.h"

#include <QTemporaryDir>
#include <QTest>

using namespace journaltest;
using ops::DeleteOutcome;
using ops::DeleteRun;
using ops::JournalEntry;
using ops::UndoJob;

class TestUndoJob final : public QObject
{
    Q_OBJECT

    RegistryTrio m_trio;
    std::unique_ptr<QTemporaryDir> m_journalDir;

    static void addSetups() { RegistryTrio::addSetups(); }
    oci::RegistryClient *client(int setup) const { return m_trio.client(setup); }
    ops::Journal journal() const { return ops::Journal(m_journalDir->path()); }

    // Runs a one-step plan; the journal id of the step, empty unless it was Deleted.
    QString deleteBy(oci::RegistryClient *client, RegistryProcess &registry, const QString &repository,
                     const ops::DeleteStep &step)
    {
        DeleteRun run(client, journal(), plan(registry, repository, {step}));
        run.start();
        if (!ClientHarness::wait(&run))
            return {};
        const DeleteOutcome &outcome = run.summary().outcomes.constFirst();
        if (outcome.result != DeleteOutcome::Result::Deleted) {
            qWarning("%s", qPrintable(run.summary().describe()));
            return {};
        }
        return outcome.journalId;
    }

    // An index that skopeo pushed under "multi" in `repository`, then deleted by a
    // DeleteRun; the journal id of that deletion in *id.
    SeededImage deletedIndex(const QString &repository, QString *id)
    {
        RegistryProcess &registry = m_trio.registry(1);
        Fixtures fixtures(registry);
        const auto index = fixtures.pushIndex(repository, QStringLiteral("multi"));
        if (!index) {
            qWarning("seeding: %s", qPrintable(index.error().describe()));
            return {};
        }
        *id = deleteBy(client(1), registry, repository,
                       deleteManifestStep(index->digest, index->mediaType, {QStringLiteral("multi")}));
        return id->isEmpty() ? SeededImage() : index.value();
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
        QVERIFY2(m_trio.start(&why), qPrintable(why));
    }

    void init()
    {
        m_journalDir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_journalDir->isValid());
    }

    // Delete the image (two tags), undo: digest and tags back, byte for byte.
    void undoDeletedImage_data() { addSetups(); }
    void undoDeletedImage()
    {
        QFETCH(int, setup);
        RegistryProcess &registry = m_trio.registry(setup);
        const QString repo = QStringLiteral("undo/image");
        const SeededImage image = seed(registry, client(setup), repo, {QStringLiteral("1.1"), QStringLiteral("latest")});
        QVERIFY(!image.digest.isNull());
        const QString id = deleteBy(client(setup), registry, repo,
                                    deleteManifestStep(image.digest, image.mediaType,
                                                       {QStringLiteral("1.1"), QStringLiteral("latest")}));
        QVERIFY(!id.isEmpty());
        QCOMPARE(skopeoTags(registry, repo), QStringList());
        QVERIFY(skopeoRaw(registry, repo + u'@' + image.digest.toString()).isEmpty());

        const auto job = undo(client(setup), id);
        QVERIFY2(job->succeeded(), qPrintable(job->error().describe()));
        QVERIFY(job->missing().isEmpty());
        QCOMPARE(job->restored(), (QStringList{u'@' + image.digest.toString(), QStringLiteral("1.1"), QStringLiteral("latest")}));

        QCOMPARE(skopeoTags(registry, repo), (QStringList{QStringLiteral("1.1"), QStringLiteral("latest")}));
        QCOMPARE(skopeoRaw(registry, repo + u'@' + image.digest.toString()), image.manifest);
        QCOMPARE(skopeoRaw(registry, repo + QStringLiteral(":1.1")), image.manifest);
        QCOMPARE(skopeoRaw(registry, repo + QStringLiteral(":latest")), image.manifest);
        Fixtures fixtures(registry);
        const auto config = fixtures.skopeoInspectRaw(repo + QStringLiteral(":latest"), true);
        QVERIFY_RESULT(config);
        QCOMPARE(config.value(), image.config);

        // Marked undone; a second undo is refused and changes nothing.
        const auto entry = journal().read(id);
        QVERIFY(entry.ok());
        QCOMPARE(entry->state, JournalEntry::State::Undone);
        QVERIFY(entry->undoneTime.isValid());
        QCOMPARE(job->entry().state, JournalEntry::State::Undone);
        const auto again = undo(client(setup), id);
        QCOMPARE(again->error().code(), oci::Error::Code::InvalidArgument);
        QVERIFY2(again->error().message().contains(u"already undone"), qPrintable(again->error().message()));
    }

    // `latest` removed by the throwaway manifest, undone: it points at the digest again.
    void undoRemovedTag()
    {
        RegistryProcess &registry = m_trio.registry(2);
        const QString repo = QStringLiteral("undo/tag");
        const SeededImage image = seed(registry, client(2), repo, {QStringLiteral("1.1"), QStringLiteral("latest")});
        QVERIFY(!image.digest.isNull());
        const QString id = deleteBy(client(2), registry, repo,
                                    removeTagStep(image.digest, image.mediaType, QStringLiteral("latest")));
        QVERIFY(!id.isEmpty());
        QCOMPARE(skopeoTags(registry, repo), QStringList{QStringLiteral("1.1")});

        const auto job = undo(client(2), id);
        QVERIFY2(job->succeeded(), qPrintable(job->error().describe()));
        QCOMPARE(job->restored(), QStringList{QStringLiteral("latest")});
        QCOMPARE(skopeoTags(registry, repo), (QStringList{QStringLiteral("1.1"), QStringLiteral("latest")}));
        QCOMPARE(skopeoRaw(registry, repo + QStringLiteral(":latest")), image.manifest);
        QCOMPARE(skopeoRaw(registry, repo + QStringLiteral(":1.1")), image.manifest);
    }

    // An index: its platform manifests are checked (HEAD), then it is PUT back.
    void undoDeletedIndex()
    {
        RegistryProcess &registry = m_trio.registry(1);
        const QString repo = QStringLiteral("undo/index");
        QString id;
        const SeededImage index = deletedIndex(repo, &id);
        QVERIFY(!index.digest.isNull());
        QCOMPARE(skopeoTags(registry, repo), QStringList());
        const auto job = undo(client(1), id);
        QVERIFY2(job->succeeded(), qPrintable(job->error().describe()));
        QCOMPARE(skopeoTags(registry, repo), QStringList{QStringLiteral("multi")});
        QCOMPARE(skopeoRaw(registry, repo + QStringLiteral(":multi")), index.manifest);
        QCOMPARE(skopeoRaw(registry, repo + u'@' + index.digest.toString()), index.manifest);
    }

    // The index's platform manifests are gone too: undo says which and writes nothing.
    void undoIndexWithoutItsChildrenIsRefused()
    {
        RegistryProcess &registry = m_trio.registry(1);
        const QString repo = QStringLiteral("undo/orphan");
        QString id;
        const SeededImage index = deletedIndex(repo, &id);
        QVERIFY(!index.digest.isNull());
        const QJsonArray children = QJsonDocument::fromJson(index.manifest).object().value(u"manifests").toArray();
        const QString child = children.at(1).toObject().value(u"digest").toString();
        QVERIFY(!deleteBy(client(1), registry, repo,
                          deleteManifestStep(oci::Digest::parse(child).value(), {}, {})).isEmpty());

        const auto job = undo(client(1), id);
        QCOMPARE(job->error().code(), oci::Error::Code::NotFound);
        QCOMPARE(job->missing().size(), 1);
        QCOMPARE(job->missing().constFirst().digest().toString(), child);
        QVERIFY2(job->error().message().contains(QString(u"manifest " + child)), qPrintable(job->error().message()));
        QCOMPARE(skopeoTags(registry, repo), QStringList());
        QCOMPARE(journal().read(id)->state, JournalEntry::State::Done);
    }

    // After the registry's garbage collection the blobs are gone: undo is refused, and
    // says which blobs; nothing is written and the entry stays as it was.
    void undoRefusedAfterGarbageCollection()
    {
        // A registry of its own: garbage collection must find the blobs unused.
        RegistryProcess registry(RegistryProcess::Auth::Basic);
        QVERIFY2(registry.start(), qPrintable(registry.errorString()));
        ClientHarness harness(registry);
        const QString repo = QStringLiteral("undo/collected");
        const SeededImage image = seed(registry, harness.client(), repo, {QStringLiteral("1.0")});
        QVERIFY(!image.digest.isNull());
        QVERIFY(!image.layers.isEmpty());
        const QString id = deleteBy(harness.client(), registry, repo,
                                    deleteManifestStep(image.digest, image.mediaType, {QStringLiteral("1.0")}));
        QVERIFY(!id.isEmpty());

        registry.stop();
        const auto collected = testsupport::runTool(RegistryProcess::registryBinary(),
                                                    {QStringLiteral("garbage-collect"), registry.configFile()});
        QVERIFY2(collected.ok(), qPrintable(collected.describe()));
        QVERIFY(registry.restart());

        const auto job = undo(harness.client(), id);
        QCOMPARE(job->error().code(), oci::Error::Code::NotFound);
        QList<oci::Digest> missing;
        for (const oci::Descriptor &descriptor : job->missing())
            missing << descriptor.digest();
        QCOMPARE(missing, QList<oci::Digest>{image.configDigest} + image.layers);
        const QString message = job->error().message();
        qInfo("%s", qPrintable(job->error().describe()));
        QVERIFY2(message.startsWith(u"cannot undo: the registry no longer has"), qPrintable(message));
        QVERIFY2(message.contains(u"garbage collection"), qPrintable(message));
        QVERIFY2(message.contains(QString(u"config " + image.configDigest.toString())), qPrintable(message));
        for (const oci::Digest &layer : image.layers)
            QVERIFY2(message.contains(QString(u"layer " + layer.toString())), qPrintable(message));
        QCOMPARE(skopeoTags(registry, repo), QStringList());
        QCOMPARE(journal().read(id)->state, JournalEntry::State::Done);
        QVERIFY(job->restored().isEmpty());
    }

    void entriesThatCannotBeUndone()
    {
        RegistryProcess &registry = m_trio.registry(0);
        // Unknown id.
        QCOMPARE(undo(client(0), QStringLiteral("20250101-000000-000-00000000"))->error().code(),
                 oci::Error::Code::NotFound);

        // A skipped step (the tag did not exist): nothing to put back.
        DeleteRun run(client(0), journal(),
                      plan(registry, QStringLiteral("undo/none"),
                           {removeTagStep(oci::Digest::sha256Of("x"), {}, QStringLiteral("nope"))}));
        run.start();
        QVERIFY(ClientHarness::wait(&run));
        const DeleteOutcome &outcome = run.summary().outcomes.constFirst();
        QCOMPARE(outcome.result, DeleteOutcome::Result::Skipped);
        const auto skipped = undo(client(0), outcome.journalId);
        QCOMPARE(skipped->error().code(), oci::Error::Code::InvalidArgument);

        // An entry of another registry.
        JournalEntry foreign;
        foreign.registry = QStringLiteral("elsewhere.example:5000");
        foreign.repository = QStringLiteral("team/app");
        foreign.manifest = "{}";
        foreign.digest = oci::Digest::sha256Of(foreign.manifest);
        foreign.state = JournalEntry::State::Done;
        const auto added = journal().add(foreign);
        QVERIFY(added.ok());
        const auto elsewhere = undo(client(0), added->id);
        QCOMPARE(elsewhere->error().code(), oci::Error::Code::InvalidArgument);
        QVERIFY2(elsewhere->error().message().contains(u"elsewhere.example:5000"),
                 qPrintable(elsewhere->error().message()));
    }
};

QTEST_GUILESS_MAIN(TestUndoJob)
#include "tst_undojob.moc"
