// `lading --screenshot` in process against the real registry: the demo tour opens the
// registry, picks demo/hello (whose "1.1" and "latest" share a digest), waits for its tag
// table to fill in and for the inspector to show "latest", then the picture is written.
// The push views: the push dialog for a `docker save` with its plan, composed over the
// window; then the push itself, pictured once the jobs panel says Done and the inspector
// shows the new tag. The operations: the delete window's plan for "latest" (the tag
// alone, "1.1" stays) and Clean Up's dry run of demo/hello with dated images, each composed
// over the window once it shows its real state, with nothing deleted per skopeo; and the
// deletion journal (ops::Journal's default folder) with an image deleted by DeleteRun.
// The compare view: demo/hello 1.2 against 2.0 (each its own layer on a shared base),
// pictured alone once the comparison finished, on the Files tab with a changed config file
// side by side.

#include "../push/pushtestdata.h"
#include "oci/cachetestsupport.h"
#include "ops/journal/journaltestsupport.h"
#include "ops/plan/scanbuilder.h"

#include "filespage.h"
#include "imagefilesloader.h"
#include "inspectorcontent.h"
#include "inspectorwidget.h"
#include "jobsmodel.h"
#include "jobspanel.h"
#include "mainwindow.h"
#include "manifestpanel.h"
#include "pushdialog.h"
#include "repositorypage.h"
#include "screenshotrun.h"
#include "tagtablemodel.h"
#include "tagtableview.h"

#include "diff/comparefilespage.h"
#include "diff/comparewindow.h"
#include "diff/sidebysidediffview.h"
#include "diff/sidebysidepane.h"
#include "image/diff/job/imagediff.h"
#include "ops/cleanup/cleanupdialog.h"
#include "ops/cleanup/cleanuppreview.h"
#include "ops/delete/deletedialog.h"
#include "ops/delete/deleteplanmodel.h"
#include "ops/journal/journalmodel.h"
#include "ops/journal/journalwindow.h"
#include "ops/journal/deleterun.h"
#include "ops/plan/retentionrules.h"

#include "image/push/pushjob.h"
#include "support/fixtures.h"
#include "support/registryprocess.h"
#include "support/registryseeder.h"

#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

#include <memory>

using namespace Qt::StringLiterals;
using Fate = ops::TagFate::Fate;

namespace {

Fate fateOf(const ops::DeletePlan &plan, const QString &tag)
{
    for (const ops::TagFate &fate : plan.tags) {
        if (fate.tag == tag)
            return fate.fate;
    }
    qWarning("%s is not in the plan", qPrintable(tag));
    return Fate::Kept;
}

// A main window with settings of its own, and the file its picture goes to.
struct Shot
{
    explicit Shot(const QString &name)
        : window(dir.filePath(u"lading.conf"_s))
        , file(dir.filePath(name))
    {
    }

    QTemporaryDir dir;
    MainWindow window;
    QString file;
};

} // namespace

class TestScreenshotRun final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // Data, cache and settings folders of this run's own (not Qt's test mode, whose
        // folder every test shares): the journal views read the default journal folder,
        // and no other test may write there meanwhile.
        QVERIFY(m_home.isValid());
        for (const char *variable : {"XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME"})
            qputenv(variable, QFile::encodeName(m_home.filePath(QString::fromLatin1(variable))));
        QCOMPARE(ops::Journal::defaultFolder(), m_home.filePath(u"XDG_DATA_HOME/lading/journal"_s));
        REQUIRE_REGISTRY_TOOLS();
        QVERIFY2(m_registry.start(), qPrintable(m_registry.errorString()));
        // The image the Files tour ends on.
        Fixtures fixtures(m_registry);
        const auto toolbox = fixtures.pushOciImage(u"demo/toolbox"_s, u"latest"_s);
        QVERIFY_RESULT(toolbox);
        m_toolbox = toolbox->digest.toString();

        // The image the push views push: two layers, tagged 9 by its RepoTags.
        QVERIFY(m_dir.isValid());
        const pushtest::LegacyArchive archive = pushtest::legacyDockerSave(
            {tartest::Writer().dir("etc/").file("etc/release", "9\n").finish(),
             pushtest::randomLayer(2, 256 * 1024, 99)},
            u"demo/hello:9"_s);
        QFile file(m_dir.filePath(u"hello-9.tar"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(archive.tar);
        file.close();
        m_pushedConfig = archive.config;
    }

    void tourEndsOnTheTagTable()
    {
        RegistryProcess &registry = m_registry;
        Fixtures fixtures(registry);
        QVERIFY_RESULT(fixtures.pushOciImage(u"demo/hello"_s, u"1.0"_s));
        auto shared = fixtures.pushDockerImage(u"demo/hello"_s, u"1.1"_s);
        QVERIFY_RESULT(shared);
        RegistrySeeder seeder(registry);
        QVERIFY_RESULT(seeder.linkTag(u"demo/hello"_s, u"latest"_s, shared->digest.toString()));
        QVERIFY_RESULT(fixtures.pushOciImage(u"team/backend/api"_s, u"1.0"_s));

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        MainWindow window(dir.filePath(u"lading.conf"_s));
        const QString file = dir.filePath(u"shot.png"_s);
        runTour(window, DemoTour::Destination::Inspector, file);
        if (QTest::currentTestFailed())
            return;

        const QImage image(file);
        QVERIFY(!image.isNull());
        QCOMPARE(image.size(), window.grab().size());
        RepositoryPage *page = window.repositoryPage();
        QCOMPARE(page->repository(), u"demo/hello"_s);
        QCOMPARE(page->currentTag(), u"latest"_s);
        QVERIFY(!page->model()->isLoadingDetails());
        QCOMPARE(page->model()->tagsWithDigest(shared->digest),
                 (QStringList{u"1.1"_s, u"latest"_s}));
        QVERIFY(window.manifestPanel()->isManifestShown());
        QCOMPARE(window.manifestPanel()->digest(), shared->digest.toString());
    }

    void tourToTheFilesTab()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        MainWindow window(dir.filePath(u"lading.conf"_s));
        runTour(window, DemoTour::Destination::Files, dir.filePath(u"files.png"_s));
        if (QTest::currentTestFailed())
            return;

        // The toolbox, not the hello image, with its merged filesystem on the Files tab.
        QCOMPARE(window.repositoryPage()->repository(), u"demo/toolbox"_s);
        QCOMPARE(window.manifestPanel()->digest(), m_toolbox);
        InspectorContent *content = window.manifestPanel()->inspector()->content();
        QCOMPARE(content->currentTab(), int(InspectorContent::Files));
        QCOMPARE(content->filesPage()->mode(), FilesPage::Mode::Merged);
        QVERIFY(content->filesPage()->loader()->hasImageResult());
        QVERIFY(content->filesPage()->fileView()->model()->rowCount() > 0);
    }

    void toolsRunAfterARun()
    {
        // Runs above ended without poisoning the event loop: a nested QEventLoop (how the
        // test support waits for skopeo) still runs. (It did not while ScreenshotRun called
        // QCoreApplication::exit() itself: every later exec() returned at once.)
        Fixtures fixtures(m_registry);
        QVERIFY_RESULT(fixtures.pushOciImage(u"demo/after"_s, u"1.0"_s));
    }

    void pushDialogOverTheWindow()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        MainWindow window(dir.filePath(u"lading.conf"_s));
        const QString file = dir.filePath(u"push.png"_s);
        ScreenshotRun *run = runTour(window, DemoTour::Destination::Inspector, file,
                                     ScreenshotRun::Push::Dialog);
        if (QTest::currentTestFailed())
            return;

        // The dialog for the tour's repository, with a plan, and nothing pushed.
        PushDialog *dialog = run->pushDialog();
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        QVERIFY(dialog->hasPlan());
        const QString repository = window.repositoryPage()->repository();
        QVERIFY(!repository.isEmpty());
        QCOMPARE(dialog->plan().repository, repository);
        QCOMPARE(dialog->tag(0), u"9"_s);
        QCOMPARE(dialog->plan().blobs.size(), 3); // the config and two layers
        QCOMPARE(window.jobsModel()->jobCount(), 0);

        verifyComposed(file, window, dialog);
    }

    void jobsPanelAfterThePush()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        MainWindow window(dir.filePath(u"lading.conf"_s));
        const QString file = dir.filePath(u"jobs.png"_s);
        runTour(window, DemoTour::Destination::Inspector, file, ScreenshotRun::Push::Jobs);
        if (QTest::currentTestFailed())
            return;

        // The push landed, the jobs panel shows it with its blobs, the inspector the new tag.
        JobsModel *jobs = window.jobsModel();
        QCOMPARE(jobs->jobCount(), 1);
        QCOMPARE(jobs->state(0), JobsModel::State::Done);
        const image::PushJob *job = jobs->job(0);
        QVERIFY(job);
        QCOMPARE(job->pushedDigests().size(), 1);
        QVERIFY(window.jobsDock()->isVisible());
        auto *panel = qobject_cast<JobsPanel *>(window.jobsDock()->widget());
        QVERIFY(panel);
        QVERIFY(panel->view()->isExpanded(jobs->index(0, 0)));
        const int rows = 1 + jobs->rowCount(jobs->index(0, 0));
        QCOMPARE(rows, 4);
        QVERIFY(panel->view()->viewport()->height() >= panel->view()->sizeHintForRow(0) * rows);
        QCOMPARE(window.repositoryPage()->currentTag(), u"9"_s); // in the tour's repository
        QCOMPARE(window.manifestPanel()->digest(), job->pushedDigests().constFirst().toString());
        QCOMPARE(QImage(file).size(), window.grab().size());

        Fixtures fixtures(m_registry);
        auto config = fixtures.skopeoInspectRaw(QString(window.repositoryPage()->repository() + u":9"), true);
        QVERIFY_RESULT(config);
        QCOMPARE(config.value(), m_pushedConfig);
    }

    void deletePlanOverTheWindow()
    {
        Shot shot(u"delete.png"_s);
        QVERIFY(shot.dir.isValid());
        MainWindow &window = shot.window;
        const QString &file = shot.file;
        const QStringList before = helloTags();
        QVERIFY(before.contains(u"latest"_s));
        ScreenshotRun *run = runOperation(window, ScreenshotRun::Operation::Delete, file);
        if (QTest::currentTestFailed())
            return;

        // The plan for the tour's "latest", which shares its image with "1.1": the choice
        // is offered, the tag alone goes, "1.1" stays; nothing ran.
        DeleteDialog *dialog = run->deleteDialog();
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        QCOMPARE(dialog->step(), DeleteDialog::Step::Plan);
        QVERIFY(dialog->hasPlan());
        QCOMPARE(dialog->selectedTags(), QStringList{u"latest"_s});
        QVERIFY(dialog->offersModeChoice());
        QCOMPARE(dialog->mode(), ops::DeleteMode::TagOnly);
        QCOMPARE(dialog->plan().repository, u"demo/hello"_s);
        QCOMPARE(dialog->plan().deletedTags(), QStringList{u"latest"_s});
        QCOMPARE(fateOf(dialog->plan(), u"1.1"_s), Fate::Kept);
        QVERIFY(dialog->deleteButton()->isEnabled());
        QVERIFY(dialog->problemText().isEmpty());
        verifyComposed(file, window, dialog);

        // The selected row stays in sight above the dialog.
        TagTableView *view = window.repositoryPage()->view();
        const int row = window.repositoryPage()->model()->rowOfTag(u"latest"_s);
        QVERIFY(row >= 0);
        const QRect rowRect = view->visualRect(view->model()->index(row, 0));
        const QPoint rowTop = view->viewport()->mapTo(&window, rowRect.topLeft());
        QVERIFY(rowTop.y() + rowRect.height() < dialog->mapTo(&window, QPoint(0, 0)).y());
        QCOMPARE(helloTags(), before); // nothing deleted
    }

    void cleanupPreviewOverTheWindow()
    {
        // demo/hello gets images created long ago: 0.7, 0.8 with 0.8-lts, 0.9.
        seedDatedImages();
        if (QTest::currentTestFailed())
            return;
        Shot shot(u"cleanup.png"_s);
        QVERIFY(shot.dir.isValid());
        MainWindow &window = shot.window;
        const QString &file = shot.file;
        const QStringList before = helloTags();
        QVERIFY(before.contains(u"0.8-lts"_s));
        ScreenshotRun *run = runOperation(window, ScreenshotRun::Operation::Cleanup, file);
        if (QTest::currentTestFailed())
            return;

        // The dry run of the picture's rules over every tag read: the old images go but
        // 0.8, which shares its image with the kept 0.8-lts; nothing ran.
        CleanupDialog *dialog = run->cleanupDialog();
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        QCOMPARE(dialog->repository(), u"demo/hello"_s);
        QCOMPARE(dialog->rules(), ScreenshotRun::cleanupRules());
        QVERIFY(!dialog->isScanning());
        QVERIFY(dialog->hasPlan());
        QVERIFY(!dialog->isRunning());
        const ops::DeletePlan &plan = dialog->plan();
        QCOMPARE(plan.tags.size(), before.size());
        QCOMPARE(fateOf(plan, u"0.7"_s), Fate::Deleted);
        QCOMPARE(fateOf(plan, u"0.9"_s), Fate::Deleted);
        QCOMPARE(fateOf(plan, u"0.8-lts"_s), Fate::Kept);
        QCOMPARE(fateOf(plan, u"0.8"_s), Fate::Protected);
        QCOMPARE(fateOf(plan, u"1.1"_s), Fate::Kept); // the newest (the fixture's, made today)
        const CleanupPreview *preview = dialog->preview();
        QCOMPARE(preview->model()->rowCount(), plan.tags.size());
        QVERIFY(preview->countsText().contains(u"protected"_s));
        // The protected tag is current, its reason in full below the table.
        const QModelIndex current = preview->table()->currentIndex();
        QCOMPARE(current.data(DeletePlanModel::TagRole).toString(), u"0.8"_s);
        QVERIFY(preview->detailText().contains(u"0.8-lts"_s));
        verifyComposed(file, window, dialog);
        QCOMPARE(helloTags(), before); // nothing deleted
    }

    void journalOverTheWindow()
    {
        // An image really deleted into the journal Lading reads (this run's own folder).
        const ops::Journal journal;
        QVERIFY(QDir(journal.folder()).removeRecursively());
        Fixtures fixtures(m_registry);
        const auto gone = fixtures.pushOciImage(u"demo/gone"_s, u"0.1"_s);
        QVERIFY_RESULT(gone);
        {
            ClientHarness harness(m_registry);
            ops::DeleteRun deletion(harness.client(), journal,
                                    journaltest::plan(m_registry, u"demo/gone"_s,
                                                      {journaltest::deleteManifestStep(
                                                          gone->digest, gone->mediaType, {u"0.1"_s})}));
            deletion.start();
            QVERIFY(ClientHarness::wait(&deletion));
            QVERIFY2(deletion.summary().isComplete(), qPrintable(deletion.summary().describe()));
        }
        const auto left = fixtures.skopeoListTags(u"demo/gone"_s);
        QVERIFY_RESULT(left);
        QVERIFY(left->isEmpty());

        Shot shot(u"journal.png"_s);
        QVERIFY(shot.dir.isValid());
        MainWindow &window = shot.window;
        const QString &file = shot.file;
        ScreenshotRun *run = runOperation(window, ScreenshotRun::Operation::Journal, file);
        if (QTest::currentTestFailed())
            return;

        // The window lists the deletion and has it selected.
        JournalWindow *shown = run->journalWindow();
        QVERIFY(shown);
        QVERIFY(shown->isVisible());
        QCOMPARE(shown->model()->rowCount(), 1);
        const ops::JournalEntry &entry = shown->model()->entry(0);
        QCOMPARE(entry.repository, u"demo/gone"_s);
        QCOMPARE(entry.digest, gone->digest);
        auto *table = shown->findChild<QTableView *>(u"journalTable"_s);
        QVERIFY(table);
        const QModelIndexList selected = table->selectionModel()->selectedRows();
        QCOMPARE(selected.size(), 1);
        QCOMPARE(selected.constFirst().data(JournalModel::EntryIdRole).toString(), entry.id);
        verifyComposed(file, window, shown);
    }

    void journalEmptyFails()
    {
        // No entries: the run says so and ends with 1 instead of picturing an empty list.
        QVERIFY(QDir(ops::Journal().folder()).removeRecursively());
        Shot shot(u"empty.png"_s);
        QVERIFY(shot.dir.isValid());
        ScreenshotRun *run = newRun(shot.window, shot.file);
        run->setOperation(ScreenshotRun::Operation::Journal);
        QVERIFY(QTest::qWaitForWindowExposed(&shot.window));
        QSignalSpy finished(run, &ScreenshotRun::finished);
        run->start();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
        QCOMPARE(finished.at(0).at(0).toInt(), 1);
        QVERIFY(!QFileInfo::exists(shot.file));
    }

    void compareWindowAlone()
    {
        // demo/hello 1.2 and 2.0: one base layer, then an application layer each; the
        // config file changes in two places, a file comes, one goes.
        pushCompareImages();
        if (QTest::currentTestFailed())
            return;
        Shot shot(u"compare.png"_s);
        QVERIFY(shot.dir.isValid());
        MainWindow &window = shot.window;
        ScreenshotRun *run = runOperation(window, ScreenshotRun::Operation::Compare, shot.file);
        if (QTest::currentTestFailed())
            return;

        // 1.2 (A) against 2.0 (B), finished, with the known file changes.
        CompareWindow *compare = run->compareWindow();
        QVERIFY(compare);
        QVERIFY(compare->isVisible());
        QVERIFY(!compare->isRunning());
        QVERIFY2(compare->result(), qPrintable(compare->statusText()));
        const image::ImageDiff &diff = *compare->result();
        QVERIFY2(diff.labelA.endsWith(u"demo/hello:1.2"), qPrintable(diff.labelA));
        QVERIFY2(diff.labelB.endsWith(u"demo/hello:2.0"), qPrintable(diff.labelB));
        QVERIFY(!diff.noDifferences());
        QCOMPARE(diff.platforms.size(), 1);
        const image::FileDiff &files = diff.platforms.constFirst().files;
        const auto kindOf = [&files](QByteArrayView path) {
            const int index = files.indexOf(path);
            return index < 0 ? -1 : int(files.entries.at(index).kind);
        };
        QCOMPARE(kindOf(ScreenshotRun::compareFile()), int(image::FileChangeKind::Changed));
        QCOMPARE(kindOf("etc/hello/tls.conf"), int(image::FileChangeKind::Added));
        QCOMPARE(kindOf("var/lib/hello/legacy.db"), int(image::FileChangeKind::Removed));
        QCOMPARE(kindOf("etc/os-release"), -1); // in the shared base

        // The Files tab, the config file selected, its two versions compared side by side.
        CompareFilesPage *page = compare->filesPage();
        QWidget *tab = compare->tabs()->currentWidget();
        QVERIFY(tab == page || tab->isAncestorOf(page));
        QVERIFY(page->isVisible());
        QVERIFY(!page->isReading());
        QVERIFY2(page->detailText().contains(QString::fromUtf8(ScreenshotRun::compareFile())),
                 qPrintable(page->detailText()));
        const SideBySideDiffView *text = page->textView();
        QVERIFY(text->isVisible());
        QVERIFY(!text->isComparing());
        QCOMPARE(text->message(), QString());
        QCOMPARE(text->changeCount(), 2); // the port, and the log format
        QVERIFY(text->displayRowCount() > 0);
        // Every row of the diff in sight, the tree above it still showing the file.
        const SideBySidePane *pane = text->leftPane();
        QVERIFY(pane->rowHeight() > 0);
        QVERIFY2(pane->viewport()->height() / pane->rowHeight() >= text->displayRowCount(),
                 qPrintable(u"%1 px for %2 rows"_s.arg(pane->viewport()->height())
                                .arg(text->displayRowCount())));
        const QRect selected = page->view()->visualRect(page->view()->currentIndex());
        QVERIFY(page->view()->viewport()->rect().contains(selected));

        // The picture is the compare window alone, at the main window's size.
        QCOMPARE(compare->size(), window.size());
        const QImage image = QImage(shot.file).convertToFormat(QImage::Format_RGB32);
        const QImage alone = compare->grab().toImage().convertToFormat(QImage::Format_RGB32);
        QCOMPARE(image.size(), alone.size());
        QVERIFY(differingPixels(image, alone) < qsizetype(image.width()) * image.height() / 100);
    }

private:
    // demo/hello 1.2 and 2.0 for the compare view (ScreenshotRun::compareTags()).
    void pushCompareImages()
    {
        const auto conf = [](const char *port, const char *format) -> QByteArray {
            return QByteArray("[server]\nlisten = 0.0.0.0\nport = ") + port
                   + "\nworkers = 2\n\n[greeting]\ntext = hello\nlanguage = en\n\n[log]\n"
                     "level = info\nformat = " + format + "\n";
        };
        const QByteArray base =
            tartest::Writer().dir("etc/").file("etc/os-release", "ID=lading-demo\n").finish();
        const QList<QByteArray> appLayers = {
            tartest::Writer()
                .dir("etc/hello/")
                .file("etc/hello/hello.conf", conf("8080", "text"))
                .dir("var/")
                .dir("var/lib/")
                .dir("var/lib/hello/")
                .file("var/lib/hello/legacy.db", QByteArray(512, '\x01'))
                .finish(),
            tartest::Writer()
                .dir("etc/hello/")
                .file("etc/hello/hello.conf", conf("8443", "json"))
                .file("etc/hello/tls.conf", "certificate = /etc/hello/tls/hello.crt\n")
                .finish(),
        };
        QTemporaryDir scratch;
        QVERIFY(scratch.isValid());
        Fixtures fixtures(m_registry);
        const QStringList tags = ScreenshotRun::compareTags();
        QCOMPARE(tags.size(), appLayers.size());
        for (int i = 0; i < tags.size(); ++i) {
            const QString folder = scratch.filePath(tags.at(i));
            QVERIFY(QDir().mkpath(folder));
            const auto built = testsupport::buildUmociImage(folder, {base, appLayers.at(i)});
            QVERIFY_RESULT(built);
            QVERIFY_RESULT(fixtures.pushFrom(built->skopeoReference(), u"demo/hello"_s, tags.at(i)));
        }
    }

    // Three images on demo/hello created in 2001, each its own config on the fixture's
    // layers: 0.7, 0.8 (also 0.8-lts), 0.9.
    void seedDatedImages()
    {
        Fixtures fixtures(m_registry);
        const auto base = fixtures.skopeoInspectRaw(u"demo/hello:1.0"_s);
        QVERIFY_RESULT(base);
        const auto baseConfig = fixtures.skopeoInspectRaw(u"demo/hello:1.0"_s, true);
        QVERIFY_RESULT(baseConfig);
        const QList<QStringList> images = {{u"0.7"_s}, {u"0.8"_s, u"0.8-lts"_s}, {u"0.9"_s}};
        for (int i = 0; i < images.size(); ++i) {
            QJsonObject config = QJsonDocument::fromJson(baseConfig.value()).object();
            config.insert(u"created"_s, QDateTime(QDate(2001, 3 * i + 1, 1), QTime(12, 0), Qt::UTC)
                                            .toString(Qt::ISODate));
            const QByteArray configBytes = plantest::compact(config);
            QVERIFY(cachetest::uploadBlob(m_registry, u"demo/hello"_s, configBytes));
            QJsonObject manifest = QJsonDocument::fromJson(base.value()).object();
            manifest.insert(u"config"_s, plantest::descriptor(
                                             u"application/vnd.oci.image.config.v1+json"_s, configBytes));
            const QByteArray manifestBytes = plantest::compact(manifest);
            for (const QString &tag : images.at(i)) {
                QVERIFY(cachetest::putManifest(m_registry, u"demo/hello"_s, tag,
                                               "application/vnd.oci.image.manifest.v1+json",
                                               manifestBytes));
            }
        }
    }

    QStringList helloTags()
    {
        Fixtures fixtures(m_registry);
        const auto tags = fixtures.skopeoListTags(u"demo/hello"_s);
        if (!tags) {
            qWarning("skopeo list-tags: %s", qPrintable(tags.error().describe()));
            return {};
        }
        return tags.value();
    }

    // The picture in `file` is the window with `overlay` drawn where it stands.
    static void verifyComposed(const QString &file, MainWindow &window, QWidget *overlay)
    {
        const QImage image = QImage(file).convertToFormat(QImage::Format_RGB32);
        const QImage windowAlone = window.grab().toImage().convertToFormat(QImage::Format_RGB32);
        QCOMPARE(image.size(), windowAlone.size());
        const QRect where(overlay->mapToGlobal(QPoint(0, 0)) - window.mapToGlobal(QPoint(0, 0)),
                          overlay->size());
        QVERIFY(image.rect().contains(where));
        const QImage overlayAlone = overlay->grab().toImage().convertToFormat(QImage::Format_RGB32);
        QVERIFY(differingPixels(image.copy(where), overlayAlone) < where.width() * where.height() / 100);
        QVERIFY(differingPixels(image.copy(where), windowAlone.copy(where)) >
                where.width() * where.height() / 10);
        // Outside the overlay and its shadow, the window as it is.
        const QRect corner(0, 0, where.left() - 20, where.top() - 20);
        QVERIFY(!corner.isEmpty());
        QCOMPARE(differingPixels(image.copy(corner), windowAlone.copy(corner)), 0);
    }

    static qsizetype differingPixels(const QImage &a, const QImage &b)
    {
        if (a.size() != b.size())
            return qsizetype(a.width()) * a.height();
        qsizetype count = 0;
        for (int y = 0; y < a.height(); ++y) {
            for (int x = 0; x < a.width(); ++x)
                count += a.pixel(x, y) != b.pixel(x, y) ? 1 : 0;
        }
        return count;
    }

    // Shows `window` with the test registry and runs the tour to `destination` (and the
    // push view `push` of hello-9.tar) until the screenshot is written to `file` (check
    // QTest::currentTestFailed() after). The run, a child of the window.
    ScreenshotRun *runTour(MainWindow &window, DemoTour::Destination destination,
                           const QString &file, ScreenshotRun::Push push = ScreenshotRun::Push::None)
    {
        ScreenshotRun *run = newRun(window, file, destination);
        if (push != ScreenshotRun::Push::None)
            run->setPush(push, m_dir.filePath(u"hello-9.tar"_s));
        runTo(window, run, file);
        return run;
    }

    // Shows `window` with the test registry and makes a run to the inspector (start() it).
    ScreenshotRun *newRun(MainWindow &window, const QString &file,
                          DemoTour::Destination destination = DemoTour::Destination::Inspector)
    {
        RegistryEntry entry;
        entry.config = m_registry.registryConfig();
        window.addRegistry(entry);
        window.show();
        return new ScreenshotRun(&window, m_registry.host(), file, 60, destination, &window);
    }

    // The tour, then `operation`, until the screenshot is written to `file` (check
    // QTest::currentTestFailed() after).
    ScreenshotRun *runOperation(MainWindow &window, ScreenshotRun::Operation operation,
                                const QString &file)
    {
        ScreenshotRun *run = newRun(window, file);
        run->setOperation(operation);
        runTo(window, run, file);
        return run;
    }

    void runTo(MainWindow &window, ScreenshotRun *run, const QString &file)
    {
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QSignalSpy finished(run, &ScreenshotRun::finished);
        run->start();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
        QCOMPARE(finished.at(0).at(0).toInt(), 0);
        QVERIFY(QFileInfo::exists(file));
    }

    RegistryProcess m_registry;
    QTemporaryDir m_home; // XDG_*_HOME
    QTemporaryDir m_dir;
    QString m_toolbox; // digest of demo/toolbox:latest
    QByteArray m_pushedConfig; // of hello-9.tar
};

QTEST_MAIN(TestScreenshotRun)
#include "tst_screenshotrun.moc"
