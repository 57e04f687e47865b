// The journal on disk (ops::Journal, JournalEntry) and the throwaway manifest: entries
// written whole and read back exactly (the manifest bytes included), listed newest first,
// damaged files reported and never used, updates of unknown ids refused, an unwritable
// folder an Io error.

#include "ops/journal/deletesummary.h"
#include "ops/journal/journal.h"
#include "ops/journal/throwawaymanifest.h"

#include "oci/manifest/manifestdocument.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using ops::DeleteStep;
using ops::Journal;
using ops::JournalEntry;

namespace {

// Bytes that a re-encoding would change: CRLF, a tab, non-ASCII, spacing, key order.
QByteArray awkwardManifest()
{
    return QByteArrayLiteral("{\r\n\t\"schemaVersion\" : 2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\r\n")
        + QByteArrayLiteral("  \"annotations\": {\"z\": \"caf\xc3\xa9 \\u00e9\"},\"config\":{}}\n");
}

oci::Digest sha256(const QByteArray &bytes)
{
    const QString text = QStringLiteral("sha256:")
        + QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    return oci::Digest::parse(text).value();
}

JournalEntry sampleEntry()
{
    JournalEntry entry;
    entry.run = QStringLiteral("run-1");
    entry.step = 2;
    entry.registry = QStringLiteral("registry.example:5000");
    entry.repository = QStringLiteral("team/app");
    entry.kind = DeleteStep::Kind::DeleteManifest;
    entry.manifest = awkwardManifest();
    entry.digest = sha256(entry.manifest);
    entry.mediaType = QStringLiteral("application/vnd.oci.image.manifest.v1+json");
    entry.tags = QStringList{QStringLiteral("1.1"), QStringLiteral("latest")};
    return entry;
}

// QVERIFY2 evaluates its message even when the check passes.
template<typename T>
QByteArray why(const oci::Result<T> &result)
{
    return result.ok() ? QByteArray() : result.error().describe().toUtf8();
}

} // namespace

class TestJournal final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void entryRoundTripsExactly()
    {
        QTemporaryDir dir;
        Journal journal(dir.path() + QStringLiteral("/journal"));
        const QDateTime before = QDateTime::currentDateTimeUtc().addMSecs(-1);
        auto added = journal.add(sampleEntry());
        QVERIFY2(added.ok(), why(added).constData());
        QVERIFY(QFile::exists(journal.folder() + u'/' + added->id + QStringLiteral(".json")));
        QVERIFY(added->time >= before);
        QCOMPARE(added->time.timeSpec(), Qt::UTC);

        auto read = journal.read(added->id);
        QVERIFY2(read.ok(), why(read).constData());
        QCOMPARE(read->manifest, awkwardManifest());
        QCOMPARE(read->digest, sha256(awkwardManifest()));
        QCOMPARE(read->tags, (QStringList{QStringLiteral("1.1"), QStringLiteral("latest")}));
        QCOMPARE(read->state, JournalEntry::State::Pending);
        QCOMPARE(read->kind, DeleteStep::Kind::DeleteManifest);
        QCOMPARE(read->registry, QStringLiteral("registry.example:5000"));
        QCOMPARE(read->repository, QStringLiteral("team/app"));
        QCOMPARE(read->run, QStringLiteral("run-1"));
        QCOMPARE(read->step, 2);
        QCOMPARE(read->time, added->time);
        QVERIFY(read->canUndo());

        // The file is the documented format.
        QFile file(journal.folder() + u'/' + added->id + QStringLiteral(".json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject object = QJsonDocument::fromJson(file.readAll()).object();
        QCOMPARE(object.value(u"format").toString(), QStringLiteral("lading-journal-entry/1"));
        QCOMPARE(object.value(u"state").toString(), QStringLiteral("pending"));
        QCOMPARE(object.value(u"kind").toString(), QStringLiteral("deleteManifest"));
        QCOMPARE(QByteArray::fromBase64(object.value(u"manifest").toString().toLatin1()), awkwardManifest());
    }

    void removeTagEntryKeepsMethodAndThrowaway()
    {
        QTemporaryDir dir;
        Journal journal(dir.path());
        JournalEntry entry = sampleEntry();
        entry.kind = DeleteStep::Kind::RemoveTag;
        entry.tags = QStringList{QStringLiteral("latest")};
        auto added = journal.add(entry);
        QVERIFY(added.ok());
        const ops::ThrowawayManifest throwaway = ops::ThrowawayManifest::make();
        JournalEntry changed = added.value();
        changed.method = JournalEntry::throwawayMethod(throwaway.digest);
        changed.throwaway = throwaway.digest;
        changed.state = JournalEntry::State::Done;
        QVERIFY(journal.update(changed).ok());
        auto read = journal.read(added->id);
        QVERIFY(read.ok());
        QCOMPARE(read->kind, DeleteStep::Kind::RemoveTag);
        QCOMPARE(read->method, QString(QStringLiteral("throwaway manifest ") + throwaway.digest.toString()));
        QCOMPARE(read->throwaway, throwaway.digest);
        QCOMPARE(read->state, JournalEntry::State::Done);
        QVERIFY(read->updated >= read->time);
        QVERIFY2(read->describe().contains(u"done: removed tag team/app:latest"), qPrintable(read->describe()));
    }

    // Undone with tags left alone (they had moved on): "partly undone", kept on disk.
    void partlyUndoneEntryKeepsTheSkippedTags()
    {
        QTemporaryDir dir;
        Journal journal(dir.path());
        auto added = journal.add(sampleEntry());
        QVERIFY(added.ok());
        QVERIFY(!added->isPartlyUndone());
        JournalEntry undone = added.value();
        undone.state = JournalEntry::State::Undone;
        undone.undoneTime = QDateTime::currentDateTimeUtc();
        undone.undoSkipped = QStringList{QStringLiteral("latest")};
        QVERIFY(journal.update(undone).ok());
        auto read = journal.read(added->id);
        QVERIFY(read.ok());
        QCOMPARE(read->undoSkipped, QStringList{QStringLiteral("latest")});
        QVERIFY(read->isPartlyUndone());
        QVERIFY(!read->canUndo());
        QVERIFY2(read->describe().contains(u"partly: left alone, as they had moved on: latest"),
                 qPrintable(read->describe()));
    }

    void failedEntryKeepsTheError()
    {
        QTemporaryDir dir;
        Journal journal(dir.path());
        JournalEntry entry = sampleEntry();
        entry.manifest.clear();
        entry.state = JournalEntry::State::Failed;
        entry.reason = QStringLiteral("The registry refused to delete: nothing was deleted.");
        entry.errorCode = QStringLiteral("unsupported");
        entry.httpStatus = 405;
        auto added = journal.add(entry);
        QVERIFY(added.ok());
        auto read = journal.read(added->id);
        QVERIFY(read.ok());
        QCOMPARE(read->state, JournalEntry::State::Failed);
        QCOMPARE(read->errorCode, QStringLiteral("unsupported"));
        QCOMPARE(read->httpStatus, 405);
        QCOMPARE(read->reason, entry.reason);
        QVERIFY(read->manifest.isEmpty());
        QVERIFY(!read->canUndo()); // nothing kept, nothing to put back
    }

    void entriesListNewestFirst()
    {
        QTemporaryDir dir;
        Journal journal(dir.path());
        QStringList ids;
        for (int i = 0; i < 40; ++i) { // a burst: many within one millisecond
            JournalEntry entry = sampleEntry();
            entry.step = i;
            entry.run = i % 2 ? QStringLiteral("odd") : QStringLiteral("even");
            auto added = journal.add(entry);
            QVERIFY(added.ok());
            ids << added->id;
        }
        QCOMPARE(QSet<QString>(ids.cbegin(), ids.cend()).size(), 40);
        const QList<JournalEntry> listed = journal.entries();
        QCOMPARE(listed.size(), 40);
        for (int i = 0; i < 40; ++i)
            QCOMPARE(listed.at(i).step, 39 - i);
        const QList<JournalEntry> odd = journal.entriesOfRun(QStringLiteral("odd"));
        QCOMPARE(odd.size(), 20);
        for (int i = 0; i < 20; ++i)
            QCOMPARE(odd.at(i).step, 2 * i + 1); // in the order written
    }

    void damagedFilesAreReportedNotUsed()
    {
        QTemporaryDir dir;
        Journal journal(dir.path());
        auto good = journal.add(sampleEntry());
        auto edited = journal.add(sampleEntry());
        QVERIFY(good.ok() && edited.ok());

        // Someone changed the kept manifest: it no longer hashes to its digest.
        const QString path = dir.filePath(edited->id + QStringLiteral(".json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QJsonObject object = QJsonDocument::fromJson(file.readAll()).object();
        file.close();
        object.insert(QStringLiteral("manifest"), QString::fromLatin1(QByteArray("{}").toBase64()));
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(QJsonDocument(object).toJson());
        file.close();
        // Not JSON at all, and a QSaveFile leftover (not *.json): the second is no entry.
        QFile junk(dir.filePath(QStringLiteral("20250101-000000-000-deadbeef.json")));
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write("{\"format\": \"lading-journal-entry/1\", trunc");
        junk.close();
        QFile leftover(dir.filePath(edited->id + QStringLiteral(".json.Xa1b2c")));
        QVERIFY(leftover.open(QIODevice::WriteOnly));
        leftover.write("half");
        leftover.close();

        QStringList damaged;
        const QList<JournalEntry> listed = journal.entries(&damaged);
        QCOMPARE(listed.size(), 1);
        QCOMPARE(listed.constFirst().id, good->id);
        QCOMPARE(damaged.size(), 2);
        const auto read = journal.read(edited->id);
        QVERIFY(!read.ok());
        QCOMPARE(read.error().code(), oci::Error::Code::DigestMismatch);
        QCOMPARE(journal.read(QStringLiteral("20250101-000000-000-deadbeef")).error().code(),
                 oci::Error::Code::MalformedDocument);
    }

    void unknownAndInvalidIds()
    {
        QTemporaryDir dir;
        Journal journal(dir.path());
        JournalEntry entry = sampleEntry();
        entry.id = QStringLiteral("20250101-000000-000-00000000");
        const auto updated = journal.update(entry);
        QVERIFY(!updated.ok());
        QCOMPARE(updated.error().code(), oci::Error::Code::NotFound);
        QVERIFY(journal.entries().isEmpty()); // the update made no file
        QCOMPARE(journal.read(QStringLiteral("../etc/passwd")).error().code(), oci::Error::Code::InvalidArgument);
        QCOMPARE(journal.read(QStringLiteral("20250101-000000-000-00000001")).error().code(),
                 oci::Error::Code::NotFound);
    }

    void unwritableFolderIsAnIoError()
    {
        QTemporaryDir dir;
        QFile blocker(dir.filePath(QStringLiteral("journal")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        Journal journal(blocker.fileName()); // a file where the folder should be
        const auto added = journal.add(sampleEntry());
        QVERIFY(!added.ok());
        QCOMPARE(added.error().code(), oci::Error::Code::Io);
    }

    void defaultFolderIsSharedByLadingAndLadingctl()
    {
        // The same folder whatever the application's name: an undo in one finds the other's.
        const QString folder = Journal::defaultFolder();
        QCOMPARE(folder, QString(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
                                 + u"/lading/journal"));
        const QString name = QCoreApplication::applicationName();
        QCoreApplication::setApplicationName(u"ladingctl"_qs);
        QCOMPARE(Journal::defaultFolder(), folder);
        QCoreApplication::setApplicationName(name);
        QCOMPARE(Journal().folder(), folder);
    }

    void throwawayManifestsAreUniqueOciManifests()
    {
        const ops::ThrowawayManifest one = ops::ThrowawayManifest::make();
        const ops::ThrowawayManifest two = ops::ThrowawayManifest::make();
        QVERIFY(one.digest != two.digest);
        QCOMPARE(one.digest, sha256(one.bytes));
        QCOMPARE(ops::ThrowawayManifest::configDigest(), sha256("{}"));
        const auto document = oci::ManifestDocument::parse(one.bytes, ops::ThrowawayManifest::mediaType());
        QVERIFY2(document.ok(), why(document).constData());
        QCOMPARE(document->kind(), oci::ManifestDocument::Kind::OciManifest);
        QCOMPARE(document->manifest().config.mediaType(), QStringLiteral("application/vnd.oci.empty.v1+json"));
        QCOMPARE(document->manifest().config.digest(), ops::ThrowawayManifest::configDigest());
        QCOMPARE(document->manifest().config.size(), 2);
        QVERIFY(document->manifest().layers.isEmpty());
        QCOMPARE(document->manifest().annotations.value(QStringLiteral("io.github.lading.untag")), one.uuid);
        // The same uuid gives the same bytes: the digest is a function of the uuid only.
        QCOMPARE(ops::ThrowawayManifest::make(one.uuid).bytes, one.bytes);
    }

    void summaryCountsAndReminder()
    {
        ops::DeleteSummary summary;
        summary.registry = QStringLiteral("r:5000");
        summary.repository = QStringLiteral("team/app");
        ops::DeleteOutcome deleted;
        deleted.result = ops::DeleteOutcome::Result::Deleted;
        deleted.tags = QStringList{QStringLiteral("a"), QStringLiteral("b")};
        deleted.digest = sha256("x");
        ops::DeleteOutcome failed;
        failed.result = ops::DeleteOutcome::Result::Failed;
        failed.tags = QStringList{QStringLiteral("c")};
        failed.digest = sha256("y");
        failed.reason = QStringLiteral("The registry refused to delete: nothing was deleted.");
        summary.outcomes = {deleted, failed};
        QCOMPARE(summary.deletedTags(), (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
        QCOMPARE(summary.deletedDigests(), QList<oci::Digest>{sha256("x")});
        QCOMPARE(summary.count(ops::DeleteOutcome::Result::Failed), 1);
        QVERIFY(!summary.isComplete());
        QVERIFY(summary.garbageCollectionNeeded());
        const QString text = summary.describe();
        QVERIFY2(text.startsWith(u"team/app on r:5000: 1 deleted, 0 skipped, 1 failed, 0 not run"), qPrintable(text));
        QVERIFY2(text.contains(QString(u"  failed " + sha256("y").shortString()
                                       + u" (c): The registry refused to delete: nothing was deleted.")),
                 qPrintable(text));
        QVERIFY(text.contains(ops::DeleteSummary::garbageCollectionReminder()));
        summary.outcomes.removeFirst();
        QVERIFY(!summary.garbageCollectionNeeded());
    }
};

QTEST_GUILESS_MAIN(TestJournal)
#include "tst_journal.moc"
