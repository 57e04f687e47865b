// CompareWindow against reality: two images built by umoci that differ by the known set of
// files (tests/image/diff/files/difflayers.h) and by config changes, pushed to the real
// registry. The window compares them; the summary and each tab show the known changes;
// selecting a changed text file shows both versions side by side; Export writes the job's
// own JSON and text; an image against itself says "No differences"; an index against a
// single image offers the platforms; Cancel and a registry removed mid-run stop it in words.
// PNGs of each tab: LADING_DIFF_SHOTS=<folder>.
#include "diff/compareconfigpage.h"
#include "diff/comparefilespage.h"
#include "diff/comparewindow.h"
#include "diff/configdiffmodel.h"
#include "diff/diffroles.h"
#include "diff/diffsummarytext.h"
#include "diff/filediffmodel.h"
#include "diff/historydiffmodel.h"
#include "diff/layeralignmentmodel.h"
#include "diff/sidebysidediffview.h"
#include "image/diff/files/filedifffilter.h"
#include "image/diff/job/imagediffcache.h"
#include "image/diff/job/imagediffjob.h"
#include "image/diff/text/linediff.h"
#include "image/reader/layercache.h"
#include "../../image/diff/job/diffimages.h"

#include <QApplication>
#include <QComboBox>
#include <QFileDialog>
#include <QJsonDocument>
#include <QLabel>
#include <QJsonObject>
#include <QMenu>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>
#include <QTranslator>
#include <QTreeView>

using namespace image;

namespace {

// Every path the files model shows, in tree order, as FileDiff::describe() writes it.
QStringList shownLines(const CompareFilesPage *page)
{
    return page->model()->diff().describe();
}

} // namespace

class TestCompareWindow final : public QObject
{
    Q_OBJECT

private:
    diffimages::Rig m_rig; // registry, A and B pushed, client, fetcher, layer cache
    SeededImage m_a;
    SeededImage m_b;
    SeededImage m_c; // B with a binary bin/busybox
    QTranslator m_english;

    DiffImageRef registryRef(const SeededImage &image, oci::ContentFetcher *fetcher = nullptr) const
    {
        return DiffImageRef::fromRegistry(fetcher ? fetcher : m_rig.fetcher.get(), image.repository,
                                          image.tag, image.reference());
    }

    // A window comparing a with b to the end (no result cache: what the job computes).
    std::unique_ptr<CompareWindow> compare(const DiffImageRef &a, const DiffImageRef &b,
                                           std::shared_ptr<ImageDiffCache> cache = {})
    {
        auto window = std::make_unique<CompareWindow>(m_rig.layers.get(), std::move(cache));
        window->setAttribute(Qt::WA_DeleteOnClose, false); // the test owns it
        QSignalSpy finished(window.get(), &CompareWindow::finished);
        window->start(a, b);
        window->show();
        if (!finished.wait(120000))
            qWarning("the comparison did not finish");
        return window;
    }

    void shoot(QWidget *widget, const QString &name)
    {
        const QString folder = qEnvironmentVariable("LADING_DIFF_SHOTS");
        if (folder.isEmpty())
            return;
        QDir().mkpath(folder);
        QVERIFY(widget->grab().save(folder + u'/' + name + u".png"));
    }

private Q_SLOTS:
    void initTestCase()
    {
        // The English plural forms the application loads ("7 bytes", not "7 byte(s)").
        QVERIFY2(m_english.load(QStringLiteral(LADING_EN_QM)), LADING_EN_QM);
        QCoreApplication::installTranslator(&m_english);
        REQUIRE_REGISTRY_TOOLS();
        QVERIFY2(m_rig.start(QStringLiteral("lading-comparewindow"), QStringLiteral("diff/window"),
                             {QStringLiteral("--config.env"), QStringLiteral("MODE=prod"),
                              QStringLiteral("--config.label"), QStringLiteral("version=1.1"),
                              QStringLiteral("--config.user"), QStringLiteral("app"),
                              QStringLiteral("--config.workingdir"), QStringLiteral("/srv")}),
                 qPrintable(m_rig.error));
        m_a = m_rig.a;
        m_b = m_rig.b;

        // C: B's layers and one more that replaces bin/busybox with binary bytes.
        QVERIFY(QDir().mkpath(m_rig.scratch->filePath(QStringLiteral("c"))));
        QByteArray binary("\x7f" "ELF\x02\x01\x01", 7);
        binary += QByteArray(64, '\0') + QByteArray("busybox v2", 10);
        tartest::Writer binaryLayer;
        binaryLayer.file("bin/busybox", binary, 0755);
        auto builtC = testsupport::buildUmociImage(
            m_rig.scratch->filePath(QStringLiteral("c")),
            {difflayers::baseLayer(), difflayers::changeLayer(), binaryLayer.finish()});
        QVERIFY_RESULT(builtC);

        auto pushedC = m_rig.fixtures->pushFrom(builtC->skopeoReference(), QStringLiteral("diff/window"),
                                                QStringLiteral("1.2"));
        QVERIFY_RESULT(pushedC);
        m_c = *pushedC;
    }

    void cleanupTestCase()
    {
        m_rig.stop();
    }

    void theKnownChangesInEveryTab()
    {
        const auto window = compare(registryRef(m_a), registryRef(m_b));
        QVERIFY2(window->result(), qPrintable(window->statusText()));
        const ImageDiff &diff = *window->result();
        QCOMPARE(diff.platforms.size(), 1);
        const PlatformDiff &pair = diff.platforms.first();
        QCOMPARE(window->currentPlatform(), 0);
        QVERIFY(!window->isRunning());
        QVERIFY2(window->statusText().contains(u"differ"), qPrintable(window->statusText()));

        // Summary first: the headline of the pair's summary, the known counts in it.
        QCOMPARE(window->headline(), DiffSummaryText::headline(pair.summary));
        QVERIFY2(window->headline().startsWith(u"Different images"), qPrintable(window->headline()));
        QVERIFY2(window->headline().contains(DiffSummaryText::configText(pair.summary)),
                 qPrintable(window->headline()));
        // 8 added, 4 removed, 8 changed: the set (the plural's English form needs the catalogue).
        QVERIFY2(window->headline().contains(u"4 removed, 8 changed")
                     && window->headline().contains(u"; 8 file"),
                 qPrintable(window->headline()));

        // Config: the four keys umoci changed; the history differs by B's step.
        const ConfigDiffModel *config = window->configPage()->configModel();
        QCOMPARE(config->rowCount(), 4);
        QStringList keys;
        for (int row = 0; row < config->rowCount(); ++row)
            keys << config->index(row, ConfigDiffModel::FieldColumn).data().toString() + u'='
                        + config->index(row, ConfigDiffModel::AfterColumn).data().toString();
        QVERIFY2(keys.contains(u"Environment=prod") || keys.join(u' ').contains(u"prod"),
                 qPrintable(keys.join(u" | ")));
        QVERIFY2(keys.join(u' ').contains(u"/srv"), qPrintable(keys.join(u" | ")));
        QVERIFY(window->configPage()->historyModel()->differingCount() > 0);
        // As the summary counts: the four keys and the history.
        QCOMPARE(window->tabs()->tabText(0), QStringLiteral("Config (5)"));

        // Layers: the shared base folded, B's own layer beside it.
        const LayerAlignmentModel *layers = window->layerModel();
        const QModelIndex group = layers->leadingGroup();
        QVERIFY(group.isValid());
        QCOMPARE(layers->rowCount(group), 1);
        QVERIFY(!window->layerView()->isExpanded(group));
        QVERIFY(window->layerView()->isFirstColumnSpanned(group.row(), {}));
        QCOMPARE(layers->rowCount(), 2);
        QCOMPARE(layers->index(1, 0).data(DiffRoles::LayerBRole).toInt(), 1);
        QCOMPARE(window->tabs()->tabText(1), QStringLiteral("Layers (1)"));

        // Files: exactly the set (mtime-only hidden and counted), then the filters.
        CompareFilesPage *files = window->filesPage();
        QCOMPARE(shownLines(files), difflayers::expectedLines());
        QCOMPARE(window->tabs()->tabText(2),
                 QStringLiteral("Files (%1)").arg(difflayers::expectedLines().size()));
        FileDiffFilter filter = FileDiffFilter::onlyChanged();
        files->setFilter(filter);
        for (const FileChange &change : files->model()->diff().entries)
            QCOMPARE(change.kind, FileChangeKind::Changed);
        QCOMPARE(files->model()->diff().entries.size(), 8);
        filter = FileDiffFilter();
        filter.includeGlobs = {QByteArrayLiteral("usr/bin/**")};
        files->setFilter(filter);
        QCOMPARE(shownLines(files),
                 (QStringList{QStringLiteral("~ usr/bin/a: content, size 3 B → 4 B"),
                              QStringLiteral("~ usr/bin/b: content, size 3 B → 4 B"),
                              QStringLiteral("~ usr/bin/grow: content, size 1.2 KiB → 1.5 KiB"),
                              QStringLiteral("~ usr/bin/tool: content")}));
        filter = FileDiffFilter();
        filter.hideMtimeOnly = false;
        files->setFilter(filter);
        QVERIFY(files->model()->diff().indexOf("etc/stamp") >= 0);
        QCOMPARE(files->filter().hideMtimeOnly, false);
        files->setFilter(FileDiffFilter());
        QCOMPARE(files->model()->diff().indexOf("etc/stamp"), -1);

        // A changed text file: both versions read from the layer cache, side by side.
        QSignalSpy shown(files, &CompareFilesPage::fileShown);
        QSignalSpy compared(files->textView(), &SideBySideDiffView::compared);
        QVERIFY(files->selectPath("usr/bin/tool"));
        QVERIFY(shown.wait(20000));
        QVERIFY(compared.wait(20000) || !compared.isEmpty());
        const image::LineDiff &lines = files->textView()->diff();
        QCOMPARE(files->textView()->message(), QString());
        QCOMPARE(files->textView()->changeCount(), 1);
        QVERIFY2(files->detailText().contains(u"usr/bin/tool"), qPrintable(files->detailText()));
        QVERIFY2(files->detailText().count(u"sha256:") == 2, qPrintable(files->detailText()));
        QVERIFY(!lines.rows.isEmpty());
        window->tabs()->setCurrentIndex(2);
        shoot(window.get(), QStringLiteral("compare-files"));

        // A symlink: no bytes to read, the targets in words.
        shown.clear();
        QVERIFY(files->selectPath("bin/sh"));
        QVERIFY(!shown.isEmpty() || shown.wait(5000));
        QVERIFY2(files->detailText().contains(u"→ dash"), qPrintable(files->detailText()));
        // Another diff (as another platform brings): the pane no longer speaks of bin/sh.
        files->setDiff(image::FileDiff(), QStringLiteral("A"), QStringLiteral("B"));
        QVERIFY2(!files->detailText().contains(u"bin/sh"), qPrintable(files->detailText()));
        QVERIFY(window->result());
        files->setDiff(window->result()->platforms.first().files, window->result()->labelA,
                       window->result()->labelB);

        // The configs as JSON side by side.
        QSignalSpy jsonCompared(window->configPage()->jsonView(), &SideBySideDiffView::compared);
        window->tabs()->setCurrentIndex(0);
        shoot(window.get(), QStringLiteral("compare-config"));
        window->configPage()->setJsonShown(true);
        QVERIFY(window->configPage()->isJsonShown());
        if (window->configPage()->jsonView()->isComparing())
            QVERIFY(jsonCompared.wait(20000));
        QVERIFY(window->configPage()->jsonView()->changeCount() > 0);
        QCOMPARE(window->configPage()->jsonView()->message(), QString());
        shoot(window.get(), QStringLiteral("compare-config-json"));
        window->tabs()->setCurrentIndex(1);
        window->layerView()->expandAll();
        shoot(window.get(), QStringLiteral("compare-layers"));
    }

    void aBinaryFileBySizeAndHash()
    {
        const auto window = compare(registryRef(m_b), registryRef(m_c));
        QVERIFY2(window->result(), qPrintable(window->statusText()));
        CompareFilesPage *files = window->filesPage();
        QCOMPARE(shownLines(files), QStringList{QStringLiteral("~ bin/busybox: content, size 7 B → 81 B")});
        QSignalSpy shown(files, &CompareFilesPage::fileShown);
        QSignalSpy compared(files->textView(), &SideBySideDiffView::compared);
        QVERIFY(files->selectPath("bin/busybox"));
        QVERIFY(shown.wait(20000));
        QVERIFY(!compared.isEmpty() || compared.wait(20000));
        // Refused as text; both sides by size and SHA-256.
        QVERIFY2(!files->textView()->message().isEmpty(), "binary content shown as text");
        const QString detail = files->detailText();
        QVERIFY2(detail.contains(u"7 bytes") && detail.contains(u"81 bytes"), qPrintable(detail));
        QCOMPARE(detail.count(u"sha256:"), 2);
        window->tabs()->setCurrentIndex(2);
        shoot(window.get(), QStringLiteral("compare-binary"));
    }

    void exportWritesTheJobsReport()
    {
        const auto window = compare(registryRef(m_a), registryRef(m_b));
        QVERIFY(window->result());

        // The job's own result, computed again without the window.
        std::unique_ptr<ImageDiffJob> job(
            ImageDiffJob::start(registryRef(m_a), registryRef(m_b), m_rig.layers.get()));
        QVERIFY(ClientHarness::wait(job.get(), 120000));
        QVERIFY(job->succeeded());

        const QString jsonPath = m_rig.scratch->filePath(QStringLiteral("report.json"));
        QSignalSpy exported(window.get(), &CompareWindow::exported);
        window->exportReport(jsonPath, CompareWindow::ReportFormat::Json);
        QVERIFY(exported.wait(20000));
        QCOMPARE(exported.first().at(0).toString(), jsonPath);
        QCOMPARE(exported.first().at(1).toString(), QString());
        QFile json(jsonPath);
        QVERIFY(json.open(QIODevice::ReadOnly));
        const QJsonDocument written = QJsonDocument::fromJson(json.readAll());
        QVERIFY(written.isObject());
        QCOMPARE(written.object(), job->result().toJson());
        QVERIFY2(window->statusText().contains(u"Report saved"), qPrintable(window->statusText()));

        // Text through the menu and the (non-blocking) file dialog.
        const QString textPath = m_rig.scratch->filePath(QStringLiteral("report.txt"));
        auto *exportButton = window->findChild<QPushButton *>();
        QList<QPushButton *> buttons = window->findChildren<QPushButton *>();
        QPushButton *button = nullptr;
        for (QPushButton *candidate : buttons)
            if (candidate->menu())
                button = candidate;
        QVERIFY(exportButton && button);
        QVERIFY(button->isEnabled());
        button->menu()->actions().at(0)->trigger();
        auto *dialog = window->findChild<QFileDialog *>();
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        QCOMPARE(dialog->acceptMode(), QFileDialog::AcceptSave);
        exported.clear();
        Q_EMIT dialog->fileSelected(textPath);
        dialog->close();
        QVERIFY(exported.wait(20000));
        QCOMPARE(exported.first().at(1).toString(), QString());
        QFile text(textPath);
        QVERIFY(text.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(text.readAll()),
                 describeImageDiff(job->result()).join(u'\n') + u'\n');

        // A folder that does not exist: the error in words.
        exported.clear();
        window->exportReport(m_rig.scratch->filePath(QStringLiteral("no/such/dir/r.json")),
                             CompareWindow::ReportFormat::Json);
        QVERIFY(exported.wait(20000));
        QVERIFY(!exported.first().at(1).toString().isEmpty());
        QVERIFY2(window->statusText().startsWith(u"Cannot write"), qPrintable(window->statusText()));
    }

    void anImageAgainstItselfHasNoDifferences()
    {
        const auto window = compare(registryRef(m_b), registryRef(m_b));
        QVERIFY2(window->result(), qPrintable(window->statusText()));
        QVERIFY(window->result()->noDifferences());
        QVERIFY2(window->statusText().startsWith(u"No differences"), qPrintable(window->statusText()));
        QVERIFY2(window->headline().startsWith(u"The same image"), qPrintable(window->headline()));
        QCOMPARE(window->configPage()->configModel()->rowCount(), 0);
        QCOMPARE(window->filesPage()->model()->rowCount(), 0);
        QCOMPARE(window->tabs()->tabText(2), QStringLiteral("Files"));
        shoot(window.get(), QStringLiteral("compare-same"));
    }

    void anIndexOffersItsPlatforms()
    {
        auto index = m_rig.fixtures->pushIndex(QStringLiteral("diff/multi"), QStringLiteral("1"));
        QVERIFY_RESULT(index);
        auto single = m_rig.fixtures->pushOciImage(QStringLiteral("diff/single"), QStringLiteral("1"));
        QVERIFY_RESULT(single);

        // One platform asked for (through a result cache), then the index against itself:
        // both platforms to choose from, the first from the cache.
        auto cache = std::make_shared<ImageDiffCache>();
        auto window = std::make_unique<CompareWindow>(m_rig.layers.get(), cache);
        window->setAttribute(Qt::WA_DeleteOnClose, false);
        QSignalSpy finished(window.get(), &CompareWindow::finished);
        window->start(registryRef(*index), registryRef(*index), QStringLiteral("linux/amd64"));
        QVERIFY(finished.wait(120000));
        QVERIFY2(window->result(), qPrintable(window->statusText()));
        QCOMPARE(window->result()->platforms.size(), 1);
        QCOMPARE(window->result()->platforms.first().platformA, QStringLiteral("linux/amd64"));
        window = compare(registryRef(*index), registryRef(*index), cache);
        QVERIFY2(window->result(), qPrintable(window->statusText()));
        auto *chooser = window->findChild<QComboBox *>();
        QVERIFY(chooser);
        QCOMPARE(chooser->count(), 2);
        QVERIFY(chooser->isVisible());
        QCOMPARE(chooser->itemText(0), window->result()->platforms.at(0).platformText());
        window->setCurrentPlatform(1);
        QCOMPARE(window->currentPlatform(), 1);
        QCOMPARE(chooser->currentIndex(), 1);
        QCOMPARE(window->headline(),
                 DiffSummaryText::headline(window->result()->platforms.at(1).summary));

        // A single image against it: one pair, the other platform listed as B's alone.
        window = compare(registryRef(*single), registryRef(*index));
        QVERIFY2(window->result(), qPrintable(window->statusText()));
        chooser = window->findChild<QComboBox *>();
        QVERIFY(!chooser->isVisible());
        QCOMPARE(window->result()->platformsOnlyInB.size(), 1);
        bool listed = false;
        for (const QLabel *label : window->findChildren<QLabel *>())
            if (label->isVisible()
                && label->text() == QString(u"Only in B: " + window->result()->platformsOnlyInB.first()))
                listed = true;
        QVERIFY(listed);
        shoot(window.get(), QStringLiteral("compare-index"));
    }

    void cancelStopsIt()
    {
        CompareWindow window(m_rig.layers.get(), nullptr);
        window.setAttribute(Qt::WA_DeleteOnClose, false);
        QSignalSpy finished(&window, &CompareWindow::finished);
        window.start(registryRef(m_a), registryRef(m_b));
        window.show();
        QVERIFY(window.isRunning());
        QVERIFY2(window.statusText().startsWith(u"Reading"), qPrintable(window.statusText()));
        shoot(&window, QStringLiteral("compare-progress"));
        window.cancel();
        QVERIFY(!window.isRunning());
        QCOMPARE(window.statusText(), QStringLiteral("Cancelled."));
        QTest::qWait(200);
        QVERIFY(finished.isEmpty());
        QVERIFY(!window.result());
    }

    void theLayerCacheClosedMidRun()
    {
        auto layers = std::make_unique<LayerCache>(LayerCacheOptions{});
        CompareWindow window(layers.get(), nullptr);
        window.setAttribute(Qt::WA_DeleteOnClose, false);
        QSignalSpy finished(&window, &CompareWindow::finished);
        window.start(registryRef(m_a), registryRef(m_b));
        QVERIFY(window.isRunning());
        layers.reset();
        QVERIFY(!window.isRunning());
        QCOMPARE(finished.size(), 1);
        QVERIFY2(window.statusText().contains(u"layer cache was closed"), qPrintable(window.statusText()));
        QTest::qWait(300); // nothing late from the stopped job
        QVERIFY(!window.result());
    }

    void theRegistryRemovedMidRun()
    {
        auto fetcher = std::make_unique<oci::ContentFetcher>(m_rig.harness->client(), m_rig.contentCache.get());
        // A fresh layer cache: the layers have to be read again, so the job is still running.
        LayerCacheOptions options;
        options.directory = m_rig.scratch->filePath(QStringLiteral("layers-removed"));
        LayerCache layers(options);
        CompareWindow window(&layers, nullptr);
        window.setAttribute(Qt::WA_DeleteOnClose, false);
        QSignalSpy finished(&window, &CompareWindow::finished);
        window.start(registryRef(m_a, fetcher.get()), registryRef(m_b, fetcher.get()));
        QTest::qWait(1); // under way
        QVERIFY(window.isRunning());
        fetcher.reset();
        QVERIFY(!window.isRunning());
        QCOMPARE(finished.size(), 1);
        QVERIFY2(window.statusText().contains(u"the registry was removed"),
                 qPrintable(window.statusText()));
        QTest::qWait(300); // nothing late from the stopped job
        QVERIFY(!window.result());
    }
};

QTEST_MAIN(TestCompareWindow)
#include "tst_comparewindow.moc"
