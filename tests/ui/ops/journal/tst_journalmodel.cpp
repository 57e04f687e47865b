// JournalModel under QAbstractItemModelTester: a journal folder read on the thread pool,
// newest first; what each row says (when, where, what, state in words, partly undone);
// the roles the window uses; a damaged file left out and counted; another folder.

#include "ops/journal/journalmodel.h"

#include "ops/journal/journal.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using ops::JournalEntry;

namespace {

JournalEntry entry(const QString &run, ops::DeleteStep::Kind kind, const QStringList &tags, const QByteArray &note)
{
    JournalEntry made;
    made.run = run;
    made.step = 0;
    made.registry = QStringLiteral("registry.example:5000");
    made.repository = QStringLiteral("team/app");
    made.kind = kind;
    made.manifest = "{\"schemaVersion\":2,\"note\":\"" + note + "\"}";
    made.digest = oci::Digest::sha256Of(made.manifest);
    made.mediaType = QStringLiteral("application/vnd.oci.image.manifest.v1+json");
    made.tags = tags;
    made.state = JournalEntry::State::Done;
    return made;
}

} // namespace

class TestJournalModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void listsTheJournalNewestFirst()
    {
        QTemporaryDir dir;
        ops::Journal journal(dir.path());
        const auto image = journal.add(entry(QStringLiteral("run-a"), ops::DeleteStep::Kind::DeleteManifest,
                                             {QStringLiteral("1.1"), QStringLiteral("latest")}, "image"));
        QVERIFY(image.ok());
        JournalEntry tag = entry(QStringLiteral("run-b"), ops::DeleteStep::Kind::RemoveTag, {QStringLiteral("rc")}, "tag");
        tag.method = JournalEntry::tagApiMethod();
        const auto removed = journal.add(tag);
        QVERIFY(removed.ok());
        JournalEntry partly = entry(QStringLiteral("run-b"), ops::DeleteStep::Kind::DeleteManifest,
                                    {QStringLiteral("2.0"), QStringLiteral("stable")}, "partly");
        partly.state = JournalEntry::State::Undone;
        partly.undoSkipped = {QStringLiteral("stable")};
        const auto undone = journal.add(partly);
        QVERIFY(undone.ok());
        JournalEntry failed = entry(QStringLiteral("run-b"), ops::DeleteStep::Kind::DeleteManifest, {}, "failed");
        failed.state = JournalEntry::State::Failed;
        failed.manifest.clear();
        failed.reason = QStringLiteral("The registry refused to delete: nothing was deleted.");
        QVERIFY(journal.add(failed).ok());
        QFile damaged(dir.filePath(QStringLiteral("20990101-000000-000-0000beef.json")));
        QVERIFY(damaged.open(QIODevice::WriteOnly));
        damaged.write("{ not json");
        damaged.close();

        JournalModel model(journal);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy loaded(&model, &JournalModel::loaded);
        model.reload();
        QVERIFY(model.isLoading());
        QVERIFY(loaded.wait(5000));
        QVERIFY(!model.isLoading());
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.columnCount(), int(JournalModel::ColumnCount));
        QCOMPARE(model.damagedFiles().size(), 1);

        // Newest first: the failed one was written last.
        QCOMPARE(model.index(0, 0).data(JournalModel::StateRole).toInt(), int(JournalEntry::State::Failed));
        QCOMPARE(model.index(3, 0).data(JournalModel::EntryIdRole).toString(), image->id);
        QCOMPARE(model.rowOf(removed->id), 2);
        QCOMPARE(model.rowOf(QStringLiteral("nope")), -1);

        const auto text = [&model](int row, int column) { return model.index(row, column).data().toString(); };
        QCOMPARE(text(3, JournalModel::WhereColumn), QStringLiteral("registry.example:5000/team/app"));
        QCOMPARE(text(3, JournalModel::WhatColumn),
                 QString(u"image " + image->digest.shortString() + u" (1.1, latest)"));
        QCOMPARE(text(3, JournalModel::StateColumn), QStringLiteral("deleted"));
        QCOMPARE(text(2, JournalModel::WhatColumn), QString(u"tag rc (" + removed->digest.shortString() + u')'));
        QCOMPARE(text(1, JournalModel::StateColumn), QStringLiteral("partly undone"));
        QVERIFY2(model.index(1, JournalModel::StateColumn).data(Qt::ToolTipRole).toString().contains(u"stable"),
                 qPrintable(model.index(1, JournalModel::StateColumn).data(Qt::ToolTipRole).toString()));
        QCOMPARE(text(0, JournalModel::StateColumn), QStringLiteral("failed"));
        QCOMPARE(model.index(0, JournalModel::StateColumn).data(Qt::ToolTipRole).toString(), failed.reason);
        QVERIFY(text(0, JournalModel::WhatColumn).endsWith(u"(untagged)"));
        const QDateTime when = model.index(3, 0).data(JournalModel::TimeRole).toDateTime();
        QCOMPARE(when, image->time);
        QCOMPARE(text(3, JournalModel::WhenColumn), QLocale().toString(when.toLocalTime(), QLocale::ShortFormat));

        // Undo is offered for what deleted something, not for what was undone or failed
        // before reading the manifest.
        QCOMPARE(model.index(3, 0).data(JournalModel::CanUndoRole).toBool(), true);
        QCOMPARE(model.index(2, 0).data(JournalModel::CanUndoRole).toBool(), true);
        QCOMPARE(model.index(1, 0).data(JournalModel::CanUndoRole).toBool(), false);
        QCOMPARE(model.index(0, 0).data(JournalModel::CanUndoRole).toBool(), false);
        QCOMPARE(model.index(2, 0).data(JournalModel::RunRole).toString(), QStringLiteral("run-b"));
        QCOMPARE(model.index(2, 0).data(JournalModel::RegistryRole).toString(), QStringLiteral("registry.example:5000"));
        QCOMPARE(model.headerData(JournalModel::StateColumn, Qt::Horizontal).toString(), QStringLiteral("State"));

        // A change on disk shows after reload().
        JournalEntry changed = model.entry(3);
        changed.state = JournalEntry::State::Undone;
        QVERIFY(journal.update(changed).ok());
        model.reload();
        QVERIFY(loaded.wait(5000));
        QCOMPARE(text(3, JournalModel::StateColumn), QStringLiteral("undone"));

        // Another folder: empty.
        QTemporaryDir other;
        model.setJournal(ops::Journal(other.path()));
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(loaded.wait(5000));
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(model.damagedFiles().isEmpty());
    }

    // Two reloads in a row: only the last one's result is used.
    void aSupersededReloadIsDropped()
    {
        QTemporaryDir dir;
        ops::Journal journal(dir.path());
        QVERIFY(journal.add(entry(QStringLiteral("r"), ops::DeleteStep::Kind::DeleteManifest, {QStringLiteral("a")}, "a")).ok());
        JournalModel model(journal);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy loaded(&model, &JournalModel::loaded);
        model.reload();
        model.reload();
        QVERIFY(loaded.wait(5000));
        QTest::qWait(100);
        QCOMPARE(loaded.size(), 1);
        QCOMPARE(model.rowCount(), 1);
    }
};

QTEST_MAIN(TestJournalModel)
#include "tst_journalmodel.moc"
