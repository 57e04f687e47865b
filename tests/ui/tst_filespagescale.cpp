// FilesPage with a big layer from the real registry: 40,000 files in 400 directories (a
// tar written by hand, added by umoci, pushed by skopeo). Prints the longest event-loop
// stall while the layer streams into the tree, while the merged tree is swapped in, and
// while a glob filters it (goal: ≤ 50 ms on a quiet machine; printed, not asserted), and
// checks the tree is whole.

#include "fileroles.h"
#include "filespage.h"
#include "imagefilesloader.h"
#include "layerfilesmodel.h"
#include "mergedtreemodel.h"
#include "models/inspectortestdata.h"

#include "image/reader/layercache.h"
#include "image/tartestdata.h"
#include "support/registryprocess.h"
#include "support/toolrunner.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTest>
#include <QTimer>
#include <QTreeView>

#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace inspectortest;

namespace {

// The longest gap between 5 ms ticks of the event loop while it runs.
class StallProbe
{
public:
    StallProbe()
    {
        m_timer.setInterval(5);
        QObject::connect(&m_timer, &QTimer::timeout, &m_timer, [this] {
            if (m_clock.isValid())
                m_longest = qMax(m_longest, m_clock.restart());
            else
                m_clock.start();
        });
        m_timer.start();
    }
    // The longest gap so far, counting the one still open; starts over.
    qint64 take()
    {
        const qint64 longest = qMax(m_longest, m_clock.isValid() ? m_clock.elapsed() : 0);
        m_longest = 0;
        m_clock.restart();
        return longest;
    }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_longest = 0;
};

constexpr int Directories = 400;
constexpr int FilesPerDirectory = 100;

} // namespace

class TestFilesPageScale : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void bigLayer()
    {
        REQUIRE_REGISTRY_TOOLS();
        RegistryProcess registry;
        QVERIFY2(registry.start(), qPrintable(registry.errorString()));
        Fixtures fixtures(registry);
        auto scratch = testsupport::makeScratchDir(u"lading-filesscale"_s);
        QVERIFY(scratch && scratch->isValid());

        tartest::Writer tar;
        for (int d = 0; d < Directories; ++d) {
            const QByteArray dir = "usr/lib/pkg" + QByteArray::number(d) + '/';
            tar.dir(dir);
            for (int f = 0; f < FilesPerDirectory; ++f)
                tar.file(dir + "lib" + QByteArray::number(f) + ".so", QByteArray::number(f));
        }
        const QString tarPath = scratch->filePath(u"big.tar"_s);
        QFile out(tarPath);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(tar.finish());
        out.close();

        const QString umoci = testsupport::findTool(u"umoci"_s);
        const QString skopeo = testsupport::findTool(u"skopeo"_s);
        auto run = [](const QString &tool, const QStringList &args) {
            const testsupport::ToolResult r =
                testsupport::runTool(tool, args, 120000, Fixtures::toolEnvironment());
            if (!r.ok())
                qWarning("%s", qPrintable(r.describe()));
            return r.ok();
        };
        const QString layout = scratch->filePath(u"layout"_s);
        const QString image = layout + u":big"_s;
        QVERIFY(run(umoci, {u"init"_s, u"--layout"_s, layout}));
        QVERIFY(run(umoci, {u"new"_s, u"--image"_s, image}));
        QVERIFY(run(umoci, {u"raw"_s, u"add-layer"_s, u"--image"_s, image, tarPath}));
        QStringList copy{u"copy"_s, u"--quiet"_s};
        copy << fixtures.skopeoDestinationOptions() << (u"oci:"_s + image)
             << u"docker://%1/files/big:1"_s.arg(registry.host());
        QVERIFY(run(skopeo, copy));

        ClientHarness harness(registry);
        const FetchedImage fetched = fetchImage(harness.client(), u"files/big"_s, u"1"_s);
        QVERIFY2(fetched.error.isEmpty(), qPrintable(fetched.error));

        image::LayerCache cache{image::LayerCacheOptions()};
        FilesPage page;
        page.resize(1000, 700);
        page.setImage(harness.client(), u"files/big"_s, fetched.document->manifest().layers,
                      &cache);
        StallProbe probe;
        QElapsedTimer wall;
        wall.start();
        page.show();
        QTRY_VERIFY_WITH_TIMEOUT(page.loader()->hasImageResult(), 120000);
        QTRY_VERIFY(page.layerFilesModel()->hasMarkers());
        const qint64 readMs = wall.elapsed();
        const qint64 readStall = probe.take();
        const int entries = Directories * (FilesPerDirectory + 1);
        QCOMPARE(page.layerFilesModel()->entryCount(), entries);
        QCOMPARE(page.layerFilesModel()->rowCount(page.layerFilesModel()->indexForPath("usr/lib")),
                 Directories);

        page.setMode(FilesPage::Mode::Merged);
        QTRY_VERIFY(!page.mergedModel()->isEmpty());
        const qint64 mergedStall = probe.take();
        QCOMPARE(page.mergedModel()->filesystem().size(), entries + 3); // root, usr, usr/lib

        QElapsedTimer filterClock;
        filterClock.start();
        page.setFilterText(u"lib7?.so"_s);
        const qint64 filterMs = filterClock.elapsed();
        QTest::qWait(20);
        const qint64 filterStall = probe.take();
        const QModelIndex lib =
            page.fileView()->model()->index(0, 0, page.fileView()->model()->index(0, 0));
        QCOMPARE(page.fileView()->model()->rowCount(lib), Directories);

        qInfo("%d entries: read and shown in %lld ms, longest stall %lld ms while streaming, "
              "%lld ms swapping in the merged tree, %lld ms filtering (filter took %lld ms)",
              entries, readMs, readStall, mergedStall, filterStall, filterMs);
    }
};

QTEST_MAIN(TestFilesPageScale)
#include "tst_filespagescale.moc"
