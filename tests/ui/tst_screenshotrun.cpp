// `lading --screenshot` in process against the real registry: the demo tour opens the
// registry, picks demo/hello (whose "1.1" and "latest" share a digest), waits for its tag
// table to fill in and for the inspector to show "latest", then the picture is written.

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
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

class TestScreenshotRun final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void tourEndsOnTheTagTable()
    {
        REQUIRE_REGISTRY_TOOLS();
        RegistryProcess registry;
        QVERIFY2(registry.start(), qPrintable(registry.errorString()));
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
        RegistryEntry entry;
        entry.config = registry.registryConfig();
        window.addRegistry(entry);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        const QString file = dir.filePath(u"shot.png"_s);
        auto *run = new ScreenshotRun(&window, registry.host(), file, 60, &window);
        run->start();
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(file), 60000);

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
};

QTEST_MAIN(TestScreenshotRun)
#include "tst_screenshotrun.moc"
