// `lading --screenshot` in process against the real registry: the demo tour opens the
// registry, picks demo/hello (whose "1.1" and "latest" share a digest), waits for its tag
// table to fill in and for the inspector to show "latest", then the picture is written.
// The push views: the push dialog for a `docker save` with its plan, composed over the
// window; then the push itself, pictured once the jobs panel says Done and the inspector
// shows the new tag.

#include "../push/pushtestdata.h"

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

#include "image/push/pushjob.h"
#include "support/fixtures.h"
#include "support/registryprocess.h"
#include "support/registryseeder.h"

#include <QDockWidget>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

#include <memory>

using namespace Qt::StringLiterals;

class TestScreenshotRun final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
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

        // The picture is the window with the dialog drawn where it stands.
        const QImage image = QImage(file).convertToFormat(QImage::Format_RGB32);
        const QImage windowAlone = window.grab().toImage().convertToFormat(QImage::Format_RGB32);
        QCOMPARE(image.size(), windowAlone.size());
        const QRect where(dialog->mapToGlobal(QPoint(0, 0)) - window.mapToGlobal(QPoint(0, 0)),
                          dialog->size());
        QVERIFY(image.rect().contains(where));
        const QImage dialogAlone = dialog->grab().toImage().convertToFormat(QImage::Format_RGB32);
        QVERIFY(differingPixels(image.copy(where), dialogAlone) < where.width() * where.height() / 100);
        QVERIFY(differingPixels(image.copy(where), windowAlone.copy(where)) >
                where.width() * where.height() / 10);
        // Outside the dialog and its shadow, the window as it is.
        const QRect corner(0, 0, where.left() - 20, where.top() - 20);
        QCOMPARE(differingPixels(image.copy(corner), windowAlone.copy(corner)), 0);
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

private:
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
        RegistryEntry entry;
        entry.config = m_registry.registryConfig();
        window.addRegistry(entry);
        window.show();
        auto *run = new ScreenshotRun(&window, m_registry.host(), file, 60, destination, &window);
        if (push != ScreenshotRun::Push::None)
            run->setPush(push, m_dir.filePath(u"hello-9.tar"_s));
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
    QTemporaryDir m_dir;
    QString m_toolbox; // digest of demo/toolbox:latest
    QByteArray m_pushedConfig; // of hello-9.tar
};

QTEST_MAIN(TestScreenshotRun)
#include "tst_screenshotrun.moc"
