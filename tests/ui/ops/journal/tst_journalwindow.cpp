// The Deletion Journal window offscreen against docker-registry, like a person: a tag
// deleted through ops::DeleteRun is listed, selected (details and the manifest kept),
// undone with the Undo button — skopeo lists it again on the same digest and the window
// says so; a tag that moved on since is left alone and said so; after garbage collection
// the window says what the registry no longer has; a registry not in the list is named;
// the list follows the journal folder and filters by run. A PNG of the window goes to
// /tmp/journal.png.

#include "journaltestsupport.h"

#include "ops/journal/journalmodel.h"
#include "ops/journal/journalwindow.h"

#include "ops/journal/deleterun.h"
#include "ops/journal/journal.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QPointer>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace journaltest;
using ops::DeleteOutcome;
using ops::DeleteRun;
using ops::JournalEntry;

class TestJournalWindow final : public QObject
{
    Q_OBJECT

    SingleRegistry m_setup;
    RegistryProcess *m_registry = nullptr;

    oci::RegistryClient *client() const { return m_setup.client(); }
    ops::Journal journal() const { return m_setup.journal(); }

    // Runs the plan; the run id (empty, with a warning, unless every step was done).
    QString run(const QString &repository, const QList<ops::DeleteStep> &steps, oci::RegistryClient *with = nullptr)
    {
        DeleteRun run(with ? with : client(), journal(), plan(*m_registry, repository, steps));
        run.start();
        if (!ClientHarness::wait(&run) || !run.summary().isComplete()) {
            qWarning("%s", qPrintable(run.summary().describe()));
            return {};
        }
        return run.runId();
    }

    // A window on the test journal whose only known registry is ours.
    std::unique_ptr<JournalWindow> openWindow()
    {
        RegistryProcess *registry = m_registry;
        oci::RegistryClient *known = client();
        return openWindow([registry, known](const QString &host) -> oci::RegistryClient * {
            return host == registry->host() ? known : nullptr;
        });
    }

    std::unique_ptr<JournalWindow> openWindow(JournalWindow::ClientForHost clientFor)
    {
        auto window = std::make_unique<JournalWindow>(std::move(clientFor));
        window->setAttribute(Qt::WA_DeleteOnClose, false); // the test owns it
        window->setJournal(journal());
        window->show();
        return window;
    }

    // Opens a window with `clientFor`, waits for its one entry, selects it, presses Undo.
    std::unique_ptr<JournalWindow> undoTheOnlyEntry(JournalWindow::ClientForHost clientFor)
    {
        std::unique_ptr<JournalWindow> window = openWindow(std::move(clientFor));
        if (!waitLoaded(window.get(), 1))
            qWarning("the journal did not list one entry");
        clickRow(window.get(), 0);
        if (!pressUndo(window.get()))
            qWarning("undo did not run to its end");
        return window;
    }

    static bool waitLoaded(JournalWindow *window, int rows)
    {
        JournalModel *model = window->model();
        return QTest::qWaitFor([&] { return !model->isLoading() && model->rowCount() == rows; }, 10000);
    }

    static void clickRow(JournalWindow *window, int row)
    {
        auto *table = window->findChild<QTableView *>(QStringLiteral("journalTable"));
        QVERIFY(table);
        const QRect cell = table->visualRect(table->model()->index(row, JournalModel::WhatColumn));
        QVERIFY(cell.isValid());
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
    }

    static bool pressUndo(JournalWindow *window)
    {
        auto *undo = window->findChild<QPushButton *>(QStringLiteral("undoButton"));
        if (!undo || !undo->isEnabled())
            return false;
        QSignalSpy finished(window, &JournalWindow::undoFinished);
        QTest::mouseClick(undo, Qt::LeftButton);
        return finished.wait(30000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        REQUIRE_REGISTRY_TOOLS();
        QString why;
        QVERIFY2(m_setup.start(&why), qPrintable(why));
        m_registry = &m_setup.registry();
    }

    void cleanupTestCase() { m_setup.stop(); }
    void init() { QVERIFY(m_setup.newJournal()); }

    // Delete `latest` (1.1 stays on the digest), select it in the window, press Undo.
    void undoPutsTheTagBack()
    {
        const QString repo = QStringLiteral("window/undo");
        const SeededImage image = seed(*m_registry, client(), repo, {QStringLiteral("1.1"), QStringLiteral("latest")});
        QVERIFY(!image.digest.isNull());
        QVERIFY(!run(repo, {removeTagStep(image.digest, image.mediaType, QStringLiteral("latest"))}).isEmpty());
        QCOMPARE(skopeoTags(*m_registry, repo), QStringList{QStringLiteral("1.1")});

        std::unique_ptr<JournalWindow> window = openWindow();
        QAbstractItemModelTester tester(window->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(waitLoaded(window.get(), 1));
        auto *undo = window->findChild<QPushButton *>(QStringLiteral("undoButton"));
        QVERIFY(!undo->isEnabled()); // nothing selected yet

        clickRow(window.get(), 0);
        QVERIFY(undo->isEnabled());
        const auto *manifest = window->findChild<QPlainTextEdit *>();
        QVERIFY(manifest);
        QVERIFY2(manifest->toPlainText().contains(image.configDigest.toString()), qPrintable(manifest->toPlainText()));
        bool detailsNameTheTag = false;
        const QList<QLabel *> labels = window->findChildren<QLabel *>();
        for (const QLabel *label : labels)
            detailsNameTheTag |= label->text() == u"latest";
        QVERIFY(detailsNameTheTag);

        QSignalSpy restored(window.get(), &JournalWindow::restored);
        QVERIFY(pressUndo(window.get()));
        const QString said = window->resultText();
        qInfo("%s", qPrintable(said));
        QCOMPARE(said, QString(repo + u'@' + image.digest.shortString() + u" is back, tagged latest."));
        QCOMPARE(restored.size(), 1);
        QCOMPARE(restored.constFirst().at(0).toString(), m_registry->host());
        QCOMPARE(restored.constFirst().at(1).toString(), repo);
        QCOMPARE(restored.constFirst().at(2).toStringList(), QStringList{QStringLiteral("latest")});

        // skopeo: latest is back, on the same digest, byte for byte.
        QCOMPARE(skopeoTags(*m_registry, repo), (QStringList{QStringLiteral("1.1"), QStringLiteral("latest")}));
        QCOMPARE(skopeoRaw(*m_registry, repo + QStringLiteral(":latest")), image.manifest);

        // The list shows it undone, still selected; Undo is off for it.
        QVERIFY(QTest::qWaitFor([&] {
            return window->model()->index(0, JournalModel::StateColumn).data().toString() == u"undone";
        }, 10000));
        QVERIFY(QTest::qWaitFor([&] { return !undo->isEnabled(); }, 5000));
        window->grab().save(QStringLiteral("/tmp/journal.png"));
    }

    // Between the deletion and the undo, `latest` was moved to another image.
    void undoLeavesATagThatMovedOn()
    {
        const QString repo = QStringLiteral("window/moved");
        const SeededImage image = seed(*m_registry, client(), repo, {QStringLiteral("1.1"), QStringLiteral("latest")});
        QVERIFY(!image.digest.isNull());
        const Pushed other = pushVariant(client(), image, QStringLiteral("2.0"), QStringLiteral("other"));
        QVERIFY(!other.digest.isNull());
        QVERIFY(!run(repo, {deleteManifestStep(image.digest, image.mediaType,
                                               {QStringLiteral("1.1"), QStringLiteral("latest")})})
                     .isEmpty());
        QVERIFY(skopeoCopyTag(*m_registry, repo, QStringLiteral("2.0"), QStringLiteral("latest")));

        oci::RegistryClient *known = client();
        const std::unique_ptr<JournalWindow> window = undoTheOnlyEntry([known](const QString &) { return known; });
        const QString said = window->resultText();
        qInfo("%s", qPrintable(said));
        QVERIFY2(said.contains(QString(repo + u'@' + image.digest.shortString() + u" is back, tagged 1.1.")), qPrintable(said));
        QVERIFY2(said.contains(QString(u"The tag latest was left alone: it points at another image now (" + other.digest.shortString()
                                       + u")")),
                 qPrintable(said));
        QCOMPARE(skopeoRaw(*m_registry, repo + QStringLiteral(":latest")), other.bytes);
        QCOMPARE(skopeoRaw(*m_registry, repo + QStringLiteral(":1.1")), image.manifest);
        QVERIFY(QTest::qWaitFor([&] {
            return window->model()->index(0, JournalModel::StateColumn).data().toString() == u"partly undone";
        }, 10000));
        window->grab().save(QStringLiteral("/tmp/journal-partly.png"));
    }

    // Garbage collection took the blobs: the window says what the registry no longer has.
    void afterGarbageCollectionTheWindowSaysWhatIsGone()
    {
        RegistryProcess registry(RegistryProcess::Auth::Anonymous);
        QVERIFY2(registry.start(), qPrintable(registry.errorString()));
        ClientHarness harness(registry);
        const QString repo = QStringLiteral("window/collected");
        const SeededImage image = seed(registry, harness.client(), repo, {QStringLiteral("1.0")});
        QVERIFY(!image.digest.isNull());
        {
            DeleteRun deletion(harness.client(), journal(),
                               plan(registry, repo, {deleteManifestStep(image.digest, image.mediaType, {QStringLiteral("1.0")})}));
            deletion.start();
            QVERIFY(ClientHarness::wait(&deletion));
            QVERIFY2(deletion.summary().isComplete(), qPrintable(deletion.summary().describe()));
        }
        registry.stop();
        const auto collected = testsupport::runTool(RegistryProcess::registryBinary(),
                                                    {QStringLiteral("garbage-collect"), registry.configFile()});
        QVERIFY2(collected.ok(), qPrintable(collected.describe()));
        QVERIFY(registry.restart());

        oci::RegistryClient *known = harness.client();
        const std::unique_ptr<JournalWindow> window = undoTheOnlyEntry([known](const QString &) { return known; });
        const QString said = window->resultText();
        qInfo("%s", qPrintable(said));
        QVERIFY2(said.startsWith(QString(repo + u'@' + image.digest.shortString()
                                         + u" cannot be undone: the registry no longer has the image's config and "
                                         + QString::number(image.layers.size()) + u" layer")),
                 qPrintable(said));
        QVERIFY2(said.contains(u"garbage collection"), qPrintable(said));
        QVERIFY2(said.contains(image.configDigest.shortString()), qPrintable(said));
        for (const oci::Digest &layer : image.layers)
            QVERIFY2(said.contains(layer.shortString()), qPrintable(said));
        QTest::qWait(50); // the layout takes the longer status line
        window->grab().save(QStringLiteral("/tmp/journal-collected.png"));
        QCOMPARE(skopeoTags(registry, repo), QStringList());
    }

    // A registry that is not in Lading's list: the window names it; nothing is written.
    void unknownRegistryIsNamed()
    {
        const QString repo = QStringLiteral("window/unknown");
        const SeededImage image = seed(*m_registry, client(), repo, {QStringLiteral("1.0"), QStringLiteral("2.0")});
        QVERIFY(!image.digest.isNull());
        QVERIFY(!run(repo, {removeTagStep(image.digest, image.mediaType, QStringLiteral("2.0"))}).isEmpty());
        const std::unique_ptr<JournalWindow> window =
            undoTheOnlyEntry([](const QString &) -> oci::RegistryClient * { return nullptr; });
        QCOMPARE(window->resultText(), QString(u"Add " + m_registry->host() + u" to the registry list to undo this."));
        QCOMPARE(skopeoTags(*m_registry, repo), QStringList{QStringLiteral("1.0")});
        QCOMPARE(journal().entries().constFirst().state, JournalEntry::State::Done);
    }

    // The registry is removed from Lading as the undo sends its first request: the window
    // says so and stops; the entry can be undone later.
    void registryRemovedMidUndo()
    {
        const QString repo = QStringLiteral("window/removed");
        const SeededImage image = seed(*m_registry, client(), repo, {QStringLiteral("1.0"), QStringLiteral("2.0")});
        QVERIFY(!image.digest.isNull());
        QVERIFY(!run(repo, {removeTagStep(image.digest, image.mediaType, QStringLiteral("2.0"))}).isEmpty());
        QPointer<oci::RegistryClient> doomed = m_setup.newClient();
        DeleteOnFirstChild trigger(doomed);
        const std::unique_ptr<JournalWindow> window =
            undoTheOnlyEntry([doomed](const QString &) { return doomed.data(); });
        QVERIFY(trigger.fired());
        QVERIFY(doomed.isNull());
        QCOMPARE(window->resultText(),
                 QString(u"Undo of " + repo + u'@' + image.digest.shortString() + u" stopped: the registry was removed."));
        QCOMPARE(skopeoTags(*m_registry, repo), QStringList{QStringLiteral("1.0")});
        QCOMPARE(journal().entries().constFirst().state, JournalEntry::State::Done);
    }

    // A run written while the window is open shows without Refresh; "Show" picks a run.
    void followsTheFolderAndFiltersByRun()
    {
        const QString repo = QStringLiteral("window/runs");
        const SeededImage image = seed(*m_registry, client(), repo, {QStringLiteral("base")});
        QVERIFY(!image.digest.isNull());
        const QList<Pushed> pushed = pushVariants(client(), image, 3);
        QVERIFY(!pushed.isEmpty());
        const QString first = run(repo, {deleteManifestStep(pushed.at(0).digest, pushed.at(0).mediaType, {pushed.at(0).tag})});
        QVERIFY(!first.isEmpty());

        std::unique_ptr<JournalWindow> window = openWindow();
        QVERIFY(waitLoaded(window.get(), 1));
        const QString second = run(repo, {deleteManifestStep(pushed.at(1).digest, pushed.at(1).mediaType, {pushed.at(1).tag}),
                                          deleteManifestStep(pushed.at(2).digest, pushed.at(2).mediaType, {pushed.at(2).tag})});
        QVERIFY(!second.isEmpty());
        QVERIFY(waitLoaded(window.get(), 3)); // the folder changed: no Refresh pressed

        auto *runs = window->findChild<QComboBox *>(QStringLiteral("runFilter"));
        QVERIFY(runs);
        QCOMPARE(runs->count(), 3); // all, and two runs
        // "(2 steps)" once lading_en.qm gives the English plural; the source text here.
        QVERIFY2(runs->itemText(1).contains(u"(2 step"), qPrintable(runs->itemText(1)));
        QVERIFY2(runs->itemText(2).contains(u"(1 step"), qPrintable(runs->itemText(2)));
        auto *table = window->findChild<QTableView *>(QStringLiteral("journalTable"));
        window->showRun(first);
        QCOMPARE(table->model()->rowCount(), 1);
        QCOMPARE(runs->currentData().toString(), first);
        runs->setCurrentIndex(1);
        Q_EMIT runs->activated(1);
        QCOMPARE(table->model()->rowCount(), 2);
        window->showRun({});
        QCOMPARE(table->model()->rowCount(), 3);
    }
};

QTEST_MAIN(TestJournalWindow)
#include "tst_journalwindow.moc"
