// FilesPage offscreen against the real registry: an image umoci built (layer 1 adds files,
// layer 2 overwrites one, deletes one with a whiteout and adds one), pushed by skopeo, read
// through LayerReader. Checks the layer list, the top layer's markers, the merged tree
// against the fixture's oracle (umoci's own unpack), glob filter, "what layer 2 changed",
// wasted space, the selected file handed to the preview, Stop/Resume, and the inspector's
// Files tab.

#include "filepreview.h"
#include "fileroles.h"
#include "filespage.h"
#include "imagefilesloader.h"
#include "inspectorcontent.h"
#include "layerfilesmodel.h"
#include "layerlistmodel.h"
#include "mergedtreemodel.h"
#include "models/inspectortestdata.h"
#include "wastemodel.h"

#include "image/reader/layercache.h"
#include "support/ocilayoutfixture.h"
#include "support/registryprocess.h"

#include <QLabel>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace Qt::StringLiterals;
using namespace inspectortest;

namespace {

// Non-directory paths shown by a tree view's model, sorted.
void collect(const QAbstractItemModel *model, const QModelIndex &parent, QStringList &files,
             QStringList *all = nullptr)
{
    for (int row = 0; row < model->rowCount(parent); ++row) {
        const QModelIndex index = model->index(row, 0, parent);
        const QString path = index.data(FileRoles::PathRole).toString();
        if (all)
            *all << path;
        if (image::EntryType(index.data(FileRoles::TypeRole).toInt()) !=
            image::EntryType::Directory)
            files << path;
        collect(model, index, files, all);
    }
}

QStringList filesOf(const QTreeView *view)
{
    QStringList files;
    collect(view->model(), {}, files);
    files.sort();
    return files;
}

} // namespace

class TestFilesPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        REQUIRE_REGISTRY_TOOLS();
        QVERIFY2(m_registry.start(), qPrintable(m_registry.errorString()));
        Fixtures fixtures(m_registry);
        const auto pushed = fixtures.pushOciImage(u"files/demo"_s, u"1.0"_s);
        QVERIFY_RESULT(pushed);
        m_harness = std::make_unique<ClientHarness>(m_registry);
        m_image = fetchImage(m_harness->client(), u"files/demo"_s, u"1.0"_s);
        QVERIFY2(m_image.error.isEmpty(), qPrintable(m_image.error));
        QCOMPARE(m_image.document->manifest().layers.size(), 2);
    }

    void readsAndShowsAnImage()
    {
        QTemporaryDir cacheDir;
        image::LayerCacheOptions options;
        options.directory = cacheDir.path();
        image::LayerCache cache(options);
        FilesPage page;
        page.resize(1000, 700);
        const QList<oci::Descriptor> layers = m_image.document->manifest().layers;
        page.setImage(m_harness->client(), u"files/demo"_s, layers, &cache);
        page.setHistory(m_image.config.history);
        // Nothing is read before the page is shown.
        QVERIFY(!page.loader()->isRunning());
        QCOMPARE(page.currentLayer(), 1); // the top layer by default
        page.show();
        QVERIFY(page.loader()->isRunning());
        QTRY_VERIFY_WITH_TIMEOUT(page.loader()->hasImageResult(), 30000);

        // The layer list: file counts, uncompressed sizes, compression.
        LayerListModel *list = page.layerModel();
        QCOMPARE(list->rowCount(), 2);
        for (int row = 0; row < 2; ++row) {
            QCOMPARE(list->state(row), LayerListModel::State::Read);
            QVERIFY(list->index(row, LayerListModel::FilesColumn).data().toInt() > 0);
            QVERIFY(list->index(row, LayerListModel::UncompressedColumn)
                        .data(FileRoles::SortRole)
                        .toLongLong() > layers.at(row).size());
        }
        QCOMPARE(list->index(0, LayerListModel::TypeColumn).data().toString(),
                 u"OCI layer, gzip"_s);

        // The top layer's own files with markers: the whiteout shows as removed.
        QCOMPARE(page.mode(), FilesPage::Mode::Layer);
        QTRY_VERIFY(page.layerFilesModel()->hasMarkers());
        QStringList all;
        QStringList files;
        collect(page.fileView()->model(), {}, files, &all);
        bool sawRemoved = false;
        bool sawModified = false;
        for (const QString &path : std::as_const(all)) {
            const QModelIndex index = page.layerFilesModel()->indexForPath(path.toUtf8());
            const auto change = image::Change(index.data(FileRoles::ChangeRole).toInt());
            sawRemoved = sawRemoved || change == image::Change::Removed;
            sawModified = sawModified || change == image::Change::Modified;
        }
        QVERIFY2(sawRemoved, qPrintable(all.join(u' ')));
        QVERIFY2(sawModified, qPrintable(all.join(u' ')));

        // The merged tree equals what umoci's unpack of the image holds.
        page.setMode(FilesPage::Mode::Merged);
        QTRY_VERIFY(!page.mergedModel()->isEmpty());
        QCOMPARE(page.fileView()->model()->rowCount() > 0, true);
        QCOMPARE(filesOf(page.fileView()), OciLayoutFixture::mergedFiles());
        // After layer 1 only: the file layer 2 deleted is still there.
        page.setCurrentLayer(0);
        QTRY_COMPARE(page.mergedModel()->filesystem().layerCount(), 1);
        QVERIFY(filesOf(page.fileView()) != OciLayoutFixture::mergedFiles());
        page.setCurrentLayer(1);
        QTRY_COMPARE(page.mergedModel()->filesystem().layerCount(), 2);

        // Glob filter across the merged tree.
        page.setFilterText(u"*.txt"_s);
        QCOMPARE(filesOf(page.fileView()), QStringList({u"etc/hello.txt"_s, u"etc/layer2.txt"_s}));
        page.setFilterText(QString());

        // What layer 2 changed: only paths it wrote last, each added or modified.
        page.setChangesOnly(true);
        const QStringList changed = filesOf(page.fileView());
        QVERIFY(!changed.isEmpty());
        QVERIFY(changed.contains(u"etc/layer2.txt"_s));
        for (const QString &path : changed)
            QCOMPARE(
                page.mergedModel()->indexForPath(path.toUtf8()).data(FileRoles::LayerRole).toInt(),
                1);
        page.setChangesOnly(false);

        // The selected file, as the preview gets it: bytes in a cached layer blob.
        QSignalSpy selected(&page, &FilesPage::selectedFileChanged);
        QVERIFY(page.selectPath("etc/hello.txt"));
        QCOMPARE(selected.size(), 1);
        const SelectedFile file = page.selectedFile();
        QCOMPARE(file.path, u"/etc/hello.txt"_s);
        QVERIFY(file.hasContent());
        QVERIFY(file.merged);
        QVERIFY(file.node > 0);
        QCOMPARE(file.layerDigest, layers.at(file.layer).digest());
        // The preview beside the tree follows the selection.
        QVERIFY(page.filePreview());
        QVERIFY(page.filePreview()->showsMergedNode(file.node));
        auto slice = cache.readFile(file.layerDigest, quint32(file.ordinal), 0, 1 << 20);
        QTRY_VERIFY(slice.isFinished());
        QVERIFY(slice.result().ok());
        QCOMPARE(slice.result().value().bytes.size(), file.size);

        // Wasted space: layer 2 overwrote one file and deleted another.
        page.setMode(FilesPage::Mode::Waste);
        QVERIFY(page.wasteModel()->rowCount() >= 1);
        QVERIFY(page.wasteModel()->report().wastedBytes > 0);
        QVERIFY(!page.wasteSummary()->text().isEmpty());
    }

    void treeFillsWhileTheLayerStreams()
    {
        // One entry a batch: every entry reaches the tree before the layer is read.
        image::LayerCache cache{image::LayerCacheOptions()};
        FilesPage page;
        image::ReadOptions options;
        options.batchEntries = 1;
        page.loader()->setReadOptions(options);
        const QList<oci::Descriptor> layers = m_image.document->manifest().layers;
        page.setImage(m_harness->client(), u"files/demo"_s, layers, &cache);
        int batches = 0;
        int rowsWhileStreaming = 0; // rows inserted while the layer's tree was incomplete
        connect(page.loader(), &ImageFilesLoader::entriesAdded, &page,
                [&](int layer, const image::LayerIndex &) {
                    if (layer == page.currentLayer())
                        ++batches;
                });
        connect(page.layerFilesModel(), &QAbstractItemModel::rowsInserted, &page,
                [&](const QModelIndex &, int first, int last) {
                    if (!page.layerFilesModel()->isComplete())
                        rowsWhileStreaming += last - first + 1;
                });
        page.show();
        QTRY_VERIFY_WITH_TIMEOUT(page.loader()->allRead(), 30000);
        QTRY_VERIFY(page.layerFilesModel()->isComplete());
        QVERIFY2(batches > 1, qPrintable(QString::number(batches)));
        // The tree grew while the layer streamed, and is whole, with markers, once read.
        QVERIFY(rowsWhileStreaming > 0);
        QCOMPARE(page.layerFilesModel()->entryCount(),
                 page.loader()->index(page.currentLayer()).size());
        QTRY_VERIFY(page.layerFilesModel()->hasMarkers());
    }

    void stopAndResume()
    {
        image::LayerCache cache{image::LayerCacheOptions()};
        FilesPage page;
        page.setImage(m_harness->client(), u"files/demo"_s, m_image.document->manifest().layers,
                      &cache);
        page.show();
        QVERIFY(page.loader()->isRunning());
        page.loader()->cancel();
        QVERIFY(!page.loader()->isRunning());
        QVERIFY(!page.loader()->allRead());
        page.loader()->start(0);
        QTRY_VERIFY_WITH_TIMEOUT(page.loader()->allRead(), 30000);
        // Read again from the cache: no download, same result.
        FilesPage again;
        again.setImage(m_harness->client(), u"files/demo"_s, m_image.document->manifest().layers,
                       &cache);
        again.show();
        QTRY_VERIFY_WITH_TIMEOUT(again.loader()->hasImageResult(), 30000);
        QTRY_VERIFY(again.layerFilesModel()->rowCount() > 0); // built on the pool
    }

    void inspectorHasAFilesTab()
    {
        image::LayerCache cache{image::LayerCacheOptions()};
        InspectorContent content;
        content.setFilesSource(LayerOrigin::registry(m_harness->client(), u"files/demo"_s), &cache);
        content.showManifest(m_image.document);
        QVERIFY(content.hasTab(InspectorContent::Files));
        QCOMPARE(content.filesPage()->layerModel()->rowCount(), 2);
        content.show();
        content.setCurrentTab(InspectorContent::Files);
        QCOMPARE(content.currentTab(), int(InspectorContent::Files));
        QTRY_VERIFY_WITH_TIMEOUT(content.filesPage()->loader()->hasImageResult(), 30000);
    }

private:
    RegistryProcess m_registry;
    std::unique_ptr<ClientHarness> m_harness;
    FetchedImage m_image;
};

QTEST_MAIN(TestFilesPage)
#include "tst_filespage.moc"
