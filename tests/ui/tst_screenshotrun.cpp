// `lading --screenshot` in process against the real registry: the demo tour opens the
// registry, picks demo/hello (whose "1.1" and "latest" share a digest), waits for its tag
// table to fill in and for the inspector to show "latest", then the picture is written.

#include "filespage.h"
#include "imagefilesloader.h"
#include "inspectorcontent.h"
#include "inspectorwidget.h"
#include "mainwindow.h"
#include "manifestpanel.h"
#include "repositorypage.h"
#include "screenshotrun.h"
#include "tagtablemodel.h"
#include "tagtableview.h"

#include "support/fixtures.h"
#include "support/registryprocess.h"
#include "support/registryseeder.h"

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

private:
    // Shows `window` with the test registry and runs the tour to `destination` until the
    // screenshot is written to `file` (check QTest::currentTestFailed() after).
    void runTour(MainWindow &window, DemoTour::Destination destination, const QString &file)
    {
        RegistryEntry entry;
        entry.config = m_registry.registryConfig();
        window.addRegistry(entry);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *run = new ScreenshotRun(&window, m_registry.host(), file, 60, destination, &window);
        QSignalSpy finished(run, &ScreenshotRun::finished);
        run->start();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
        QCOMPARE(finished.at(0).at(0).toInt(), 0);
        QVERIFY(QFileInfo::exists(file));
    }

    RegistryProcess m_registry;
    QString m_toolbox; // digest of demo/toolbox:latest
};

QTEST_MAIN(TestScreenshotRun)
#include "tst_screenshotrun.moc"
