// Images on disk in the GUI, offscreen, on inputs made by the real tools: umoci's OCI layout
// (read in place), skopeo's docker-archive of it gzip'ed as a whole (re-inflated, the layer
// kept in the blob store), a hostile file, and a real QDropEvent on the main window. The
// merged tree is checked against the fixture's oracle (umoci's own unpack), a file's bytes
// against what the fixture wrote, and navigation from an index to its platform images.

#include "filespage.h"
#include "fileroles.h"
#include "imagefilesloader.h"
#include "inspectorcontent.h"
#include "inspectorwidget.h"
#include "localimagepage.h"
#include "mainwindow.h"
#include "mergedtreemodel.h"

#include "image/reader/blobstore.h"
#include "image/reader/layercache.h"
#include "image/source/localimagesource.h"
#include "oci/manifest/manifestdocument.h"
#include "support/localimagefixture.h"
#include "support/ocilayoutfixture.h"
#include "support/toolrunner.h"

#include <QComboBox>
#include <QLabel>
#include <QMimeData>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTest>
#include <QTreeView>

using namespace Qt::StringLiterals;

namespace {

void collect(const QAbstractItemModel *model, const QModelIndex &parent, QStringList &files)
{
    for (int row = 0; row < model->rowCount(parent); ++row) {
        const QModelIndex index = model->index(row, 0, parent);
        if (image::EntryType(index.data(FileRoles::TypeRole).toInt()) != image::EntryType::Directory)
            files << index.data(FileRoles::PathRole).toString();
        collect(model, index, files);
    }
}

QStringList filesOf(const QTreeView *view)
{
    QStringList files;
    collect(view->model(), {}, files);
    files.sort();
    return files;
}

int entryNamed(const LocalImagePage &page, const QString &name)
{
    for (int entry = 0; entry < page.entryCount(); ++entry) {
        if (page.entryText(entry).startsWith(name + u" "))
            return entry;
    }
    return -1;
}

} // namespace

class TestLocalImagePage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        REQUIRE_REGISTRY_TOOLS();
        QString error;
        m_fixture = OciLayoutFixture::instance(&error);
        QVERIFY2(m_fixture, qPrintable(error));
        QVERIFY(m_images.isValid());
    }

    void opensALayoutFolderAndReadsLayersInPlace()
    {
        const std::unique_ptr<image::LayerCache> cache = m_images.newLayerCache();
        LocalImagePage page;
        show(page, cache.get());
        QSignalSpy opened(&page, &LocalImagePage::opened);
        page.open(m_fixture->path());
        QVERIFY(page.isOpening());
        QVERIFY(opened.wait(30000));
        QCOMPARE(opened.size(), 1);
        QVERIFY(page.problem().isEmpty());
        QVERIFY(page.titleLabel()->text() == u"layout"_s);

        // Several images: the chooser offers the index and each tagged image.
        QVERIFY2(page.entryCount() >= 3, qPrintable(QString::number(page.entryCount())));
        QVERIFY(page.imageChooser()->isVisible());
        const int amd64 = entryNamed(page, u"amd64"_s);
        QVERIFY(amd64 >= 0);
        QVERIFY(entryNamed(page, u"arm64"_s) >= 0);
        QVERIFY(entryNamed(page, u"multi"_s) >= 0);
        page.showEntry(amd64);
        InspectorWidget *inspector = page.inspector();
        QCOMPARE(inspector->state(), InspectorWidget::State::Shown);
        QVERIFY(inspector->referenceText().contains(u"amd64"_s));
        QVERIFY(!inspector->digest().isEmpty());
        QVERIFY(inspector->pinnedReference().isEmpty()); // nothing to pull from
        QVERIFY(inspector->pullCommand(InspectorWidget::PullTool::Docker).isEmpty());

        // The Files tab reads the layers where they lie and merges them as umoci does.
        InspectorContent *content = inspector->content();
        QVERIFY(content->hasTab(InspectorContent::Files));
        showMergedFiles(content);
        if (QTest::currentTestFailed())
            return;
        FilesPage *files = content->filesPage();
        // No blob was copied into the store (only indexes went there): the layout's own
        // files are read.
        QCOMPARE(files->loader()->layerCount(), 2);
        for (int layer = 0; layer < files->loader()->layerCount(); ++layer) {
            const oci::Digest digest = files->loader()->descriptor(layer).digest();
            QVERIFY(!cache->blobStore()->find(digest));
            QVERIFY(cache->blobStore()->hasIndex(digest));
        }

        // A file's bytes, as the preview reads them.
        checkFixtureIdFile(files, *cache);
        if (QTest::currentTestFailed())
            return;

        // The index: its platforms open from the Platforms tab, by digest, from the folder.
        page.showEntry(entryNamed(page, u"multi"_s));
        QCOMPARE(inspector->state(), InspectorWidget::State::Shown);
        QVERIFY(content->hasTab(InspectorContent::Platforms));
        const QString indexDigest = inspector->digest();
        const oci::Digest platform = content->document()->index().manifests.at(0).digest();
        inspector->openDigest(platform.toString());
        QCOMPARE(inspector->state(), InspectorWidget::State::Shown);
        QCOMPARE(inspector->digest(), platform.toString());
        QVERIFY(content->hasTab(InspectorContent::Files));
        inspector->goBack();
        QCOMPARE(inspector->digest(), indexDigest);
    }

    void opensAGzippedDockerArchive()
    {
        // skopeo's docker-archive of the amd64 image, gzip'ed as a whole (docker save | gzip).
        const QString archive = m_images.path(u"docker.tar"_s);
        const auto copied = testsupport::runTool(
            testsupport::findTool(u"skopeo"_s),
            {u"copy"_s, m_fixture->skopeoReference(u"amd64"_s),
             u"docker-archive:"_s + archive + u":lading/fixture:1.0"_s});
        QVERIFY2(copied.ok(), qPrintable(copied.describe()));
        const auto gzipped = testsupport::runTool(u"gzip"_s, {u"-f"_s, archive});
        QVERIFY2(gzipped.ok(), qPrintable(gzipped.describe()));

        const std::unique_ptr<image::LayerCache> cache = m_images.newLayerCache();
        LocalImagePage page;
        show(page, cache.get());
        QSignalSpy opened(&page, &LocalImagePage::opened);
        page.open(archive + u".gz"_s);
        QVERIFY(opened.wait(30000));
        QCOMPARE(opened.size(), 1);
        QCOMPARE(page.entryCount(), 1);
        QVERIFY(!page.imageChooser()->isVisible()); // nothing to choose
        QCOMPARE(page.source()->format(), image::LocalFormat::DockerArchive);
        QVERIFY(page.source()->isGzipCompressed());
        InspectorWidget *inspector = page.inspector();
        QCOMPARE(inspector->state(), InspectorWidget::State::Shown);
        QVERIFY(inspector->referenceText().contains(u"lading/fixture:1.0"_s));

        InspectorContent *content = inspector->content();
        showMergedFiles(content);
        if (QTest::currentTestFailed())
            return;
        FilesPage *files = content->filesPage();

        // Re-inflated layers went into the blob store on the way: files read back from it.
        QVERIFY(cache->blobStore()->find(files->loader()->descriptor(0).digest()));
        checkFixtureIdFile(files, *cache);
    }

    void refusesWhatIsNotAnImage()
    {
        QVERIFY(m_images.write(u"notes.tar"_s, QByteArray(4096, 'x')));
        LocalImagePage page;
        QSignalSpy failed(&page, &LocalImagePage::failed);
        page.open(m_images.path(u"notes.tar"_s));
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 10000);
        QVERIFY(!page.hasImage());
        QVERIFY(!page.problem().isEmpty());
        QCOMPARE(page.inspector()->state(), InspectorWidget::State::Message);
        QVERIFY(page.inspector()->messageText().contains(u"notes.tar"_s));
    }

    void cancelDropsTheResult()
    {
        LocalImagePage page;
        QSignalSpy opened(&page, &LocalImagePage::opened);
        page.open(m_fixture->path());
        page.cancelOpening();
        QVERIFY(!page.isOpening());
        QTest::qWait(500);
        QCOMPARE(opened.size(), 0);
        QVERIFY(!page.hasImage());
    }

    void dropOnTheWindowOpensIt()
    {
        MainWindow window(m_images.path(u"drop.conf"_s));
        window.resize(1200, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(!window.hasRegistries());
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(m_fixture->path())});
        QDragEnterEvent enter(QPoint(400, 300), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(&window, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(400, 300), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(&window, &drop);
        QVERIFY(drop.isAccepted());
        // No registry configured: the window leaves its empty state for the image.
        QVERIFY(window.isLocalImageShown());
        auto *central = qobject_cast<QStackedWidget *>(window.centralWidget());
        QVERIFY(central->currentWidget()->objectName() != u"emptyState"_s);
        QTRY_VERIFY_WITH_TIMEOUT(window.localImagePage()->hasImage(), 30000);
        QCOMPARE(window.localImagePage()->path(), m_fixture->path());
        QCOMPARE(window.localImagePage()->inspector()->state(), InspectorWidget::State::Shown);

        // A drag without files is not taken.
        QMimeData text;
        text.setText(u"hello"_s);
        QDragEnterEvent other(QPoint(400, 300), Qt::CopyAction, &text, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(&window, &other);
        QVERIFY(!other.isAccepted());
    }

private:
    static void show(LocalImagePage &page, image::LayerCache *cache)
    {
        page.setLayerCache(cache);
        page.resize(1200, 800);
        page.show();
    }

    // The Files tab of what the inspector shows, read and merged: the files umoci's unpack
    // has.
    static void showMergedFiles(InspectorContent *content)
    {
        content->setCurrentTab(InspectorContent::Files);
        FilesPage *files = content->filesPage();
        QTRY_VERIFY_WITH_TIMEOUT(files->loader()->hasImageResult(), 30000);
        files->setMode(FilesPage::Mode::Merged);
        QTRY_VERIFY(!files->mergedModel()->isEmpty());
        QCOMPARE(filesOf(files->fileView()), OciLayoutFixture::mergedFiles());
    }

    // The fixture's id file, found in the Files tab and read as the preview reads it.
    void checkFixtureIdFile(FilesPage *files, image::LayerCache &cache) const
    {
        QVERIFY(files->selectPath("etc/lading-fixture-id"));
        const SelectedFile file = files->selectedFile();
        auto slice = cache.readFile(file.layerDigest, quint32(file.ordinal), 0, 1 << 20);
        QTRY_VERIFY(slice.isFinished());
        QVERIFY2(slice.result().ok(),
                 slice.result().ok() ? "" : qPrintable(slice.result().error().message()));
        QCOMPARE(slice.result().value().bytes, QByteArray(m_fixture->buildId().toUtf8() + '\n'));
    }

    const OciLayoutFixture *m_fixture = nullptr;
    LocalImageFixture m_images{u"localimagepage"_s};
};

QTEST_MAIN(TestLocalImagePage)
#include "tst_localimagepage.moc"
