#include "filecontentview.h"
#include "fileexportactions.h"
#include "filepreview.h"
#include "hexview.h"

#include "image/export/exportjob.h"
#include "image/export/exportplan.h"
#include "image/fs/mergedfilesystem.h"
#include "image/layer/bytesource.h"
#include "image/layer/layerstream.h"
#include "image/reader/blobstore.h"
#include "image/reader/layercache.h"

#include <QBuffer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

// A real gzip'ed layer made by GNU tar, stored in a LayerCache's blob store and indexed by
// the layer reader: the preview reads it the way the Files page makes it.
class TestFilePreview final : public QObject
{
    Q_OBJECT

private:
    static bool write(const QString &path, const QByteArray &bytes)
    {
        QFile file(path);
        return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
    }

    int entry(const char *path) const { return m_index.find(QByteArrayView(path)); }

    // By state, not by signal: a slice read before the continuation is attached is
    // delivered at once (QFuture::then on a finished future), before a spy could see it.
    static bool waitLoaded(FilePreview &preview)
    {
        QElapsedTimer timer;
        timer.start();
        while (preview.isLoading() && timer.elapsed() < 20000)
            QTest::qWait(5);
        return !preview.isLoading() && preview.contentView()->hasContent();
    }

    QTemporaryDir m_tmp;
    std::unique_ptr<image::LayerCache> m_cache;
    image::LayerIndex m_index;
    QByteArray m_big;

private Q_SLOTS:
    void initTestCase()
    {
        const QString src = m_tmp.filePath(QStringLiteral("src"));
        QVERIFY(QDir().mkpath(src + u"/etc") && QDir().mkpath(src + u"/usr/bin") &&
                QDir().mkpath(src + u"/usr/share"));
        m_big = QByteArray(5 * 1024 * 1024 + 100, Qt::Uninitialized);
        QRandomGenerator rng(7);
        for (char &c : m_big)
            c = char(rng.generate());
        QImage image(24, 16, QImage::Format_RGB32);
        image.fill(Qt::darkGreen);
        QByteArray png;
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        QVERIFY(image.save(&buffer, "PNG"));
        QVERIFY(write(src + u"/etc/os-release", "NAME=\"Debian GNU/Linux\"\nID=debian\n"));
        QVERIFY(write(src + u"/usr/bin/start", "#!/bin/sh\nexec \"$@\"\n"));
        QVERIFY(QFile::setPermissions(src + u"/usr/bin/start",
                                      QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner |
                                          QFile::ReadOther | QFile::ExeOther));
        QVERIFY(write(src + u"/usr/share/big.bin", m_big));
        QVERIFY(write(src + u"/usr/share/logo.png", png));
        QVERIFY(QFile::link(QStringLiteral("etc/os-release"), src + u"/release"));
        QProcess tar;
        tar.start(QStringLiteral("tar"),
                  {QStringLiteral("-czf"), m_tmp.filePath(QStringLiteral("layer.tgz")),
                   QStringLiteral("-C"), src, QStringLiteral("etc"), QStringLiteral("usr"),
                   QStringLiteral("release")});
        QVERIFY(tar.waitForFinished() && tar.exitCode() == 0);
        QFile blob(m_tmp.filePath(QStringLiteral("layer.tgz")));
        QVERIFY(blob.open(QIODevice::ReadOnly));
        const QByteArray bytes = blob.readAll();
        const oci::Digest digest = oci::Digest::sha256Of(bytes);

        image::LayerCacheOptions options;
        options.directory = m_tmp.filePath(QStringLiteral("cache"));
        m_cache = std::make_unique<image::LayerCache>(options);
        auto partial = m_cache->blobStore()->createPartial(digest);
        QVERIFY(partial);
        QVERIFY(write(*partial, bytes));
        QVERIFY(m_cache->blobStore()->commit(*partial, digest));

        image::MemorySource source(bytes);
        auto index = image::readLayerIndex(source, digest);
        QVERIFY(index);
        m_index = *index;
        QVERIFY(entry("usr/share/big.bin") >= 0);
    }

    void textByNameAndContent()
    {
        FilePreview preview;
        preview.setLayerCache(m_cache.get());
        preview.showLayerEntry(m_index, entry("etc/os-release"));
        QVERIFY(waitLoaded(preview));
        FileContentView *content = preview.contentView();
        QCOMPARE(content->kind(), FileKind::Text);
        QCOMPARE(content->syntax(), FileSyntax::Ini);
        QCOMPARE(content->textView()->toPlainText(),
                 QStringLiteral("NAME=\"Debian GNU/Linux\"\nID=debian\n"));
        QVERIFY(content->highlighter());
        QVERIFY(preview.showsLayerEntry(m_index, entry("etc/os-release")));

        preview.showLayerEntry(m_index, entry("usr/bin/start"));
        QVERIFY(waitLoaded(preview));
        QCOMPARE(content->syntax(), FileSyntax::Shell); // by the shebang
    }

    void binaryLoadsMore()
    {
        FilePreview preview;
        preview.setLayerCache(m_cache.get());
        preview.showLayerEntry(m_index, entry("usr/share/big.bin"));
        QVERIFY(waitLoaded(preview));
        FileContentView *content = preview.contentView();
        QCOMPARE(content->kind(), FileKind::Binary);
        QCOMPARE(content->bytes().size(), FilePreview::ChunkBytes);
        QVERIFY(preview.canLoadMore());
        QCOMPARE(content->hexView()->rowCount(), FilePreview::ChunkBytes / 16);
        QVERIFY(!preview.createDragData()); // not all in memory: Save instead

        preview.loadMore();
        QVERIFY(waitLoaded(preview));
        QCOMPARE(content->bytes().size(), 2 * FilePreview::ChunkBytes);
        preview.loadMore();
        QVERIFY(waitLoaded(preview));
        QVERIFY(content->isComplete());
        QVERIFY(!preview.canLoadMore());
        QCOMPARE(content->bytes(), m_big);
        QCOMPARE(content->hexView()->rowCount(), (m_big.size() + 15) / 16);
    }

    void imagesAndThingsWithoutBytes()
    {
        FilePreview preview;
        preview.setLayerCache(m_cache.get());
        preview.showLayerEntry(m_index, entry("usr/share/logo.png"));
        QVERIFY(waitLoaded(preview));
        QCOMPARE(preview.contentView()->kind(), FileKind::Image);
        QCOMPARE(preview.contentView()->imageLabel()->pixmap().size(), QSize(24, 16));

        preview.showLayerEntry(m_index, entry("usr/share"));
        QVERIFY(!preview.contentView()->hasContent());
        QVERIFY(!preview.isLoading());
        const auto buttons = preview.findChildren<QPushButton *>();
        QVERIFY(std::any_of(buttons.begin(), buttons.end(), [](QPushButton *b) {
            return b->text() == FilePreview::tr("Save as Tar…") && b->isEnabled();
        }));

        preview.showLayerEntry(m_index, entry("release"));
        QVERIFY(!preview.contentView()->hasContent());
        auto *message = preview.findChild<QLabel *>(QStringLiteral("previewMessage"));
        QVERIFY(message->text().contains(u"etc/os-release"));
    }

    void mergedSymlinkShowsTarget()
    {
        const image::MergedFilesystem fs = image::MergedFilesystem::build({m_index});
        FilePreview preview;
        preview.setLayerCache(m_cache.get());
        preview.showMergedNode(fs, fs.find("release"));
        QVERIFY(waitLoaded(preview));
        QCOMPARE(preview.contentView()->kind(), FileKind::Text);
        QCOMPARE(preview.contentView()->syntax(), FileSyntax::Ini); // by the target's name
        QVERIFY(preview.contentView()->textView()->toPlainText().startsWith(u"NAME="));
        QVERIFY(preview.showsMergedNode(fs.find("release")));
    }

    void staleSlicesAreDropped()
    {
        FilePreview preview;
        preview.setLayerCache(m_cache.get());
        preview.showLayerEntry(m_index, entry("usr/share/big.bin"));
        preview.showLayerEntry(m_index, entry("etc/os-release"));
        QVERIFY(waitLoaded(preview));
        QTest::qWait(300); // the big file's slice, if it comes, must not land
        QCOMPARE(preview.contentView()->kind(), FileKind::Text);
        QVERIFY(preview.contentView()->textView()->toPlainText().startsWith(u"NAME="));
    }

    void dragWritesATemporaryFile()
    {
        FilePreview preview;
        preview.setLayerCache(m_cache.get());
        preview.showLayerEntry(m_index, entry("usr/bin/start"));
        QVERIFY(waitLoaded(preview));
        std::unique_ptr<QMimeData> data(preview.createDragData());
        QVERIFY(data);
        QCOMPARE(data->urls().size(), 1);
        const QString path = data->urls().first().toLocalFile();
        QVERIFY(path.endsWith(u"/start"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("#!/bin/sh\nexec \"$@\"\n"));
        QVERIFY(file.permissions() & QFile::ExeOwner);
        QCOMPARE(data->text(), QStringLiteral("/usr/bin/start"));
    }

    // Grabs of the preview for people to look at (LADING_PREVIEW_SHOTS=<folder>; under
    // xvfb-run with QT_QPA_PLATFORM=xcb for real fonts). Always checks the pages render.
    void screenshots()
    {
        const QString folder = qEnvironmentVariable("LADING_PREVIEW_SHOTS");
        FilePreview preview;
        preview.setLayerCache(m_cache.get());
        preview.resize(760, 420);
        preview.show();
        QVERIFY(QTest::qWaitForWindowExposed(&preview));
        const QList<QPair<const char *, const char *>> shots{{"etc/os-release", "text"},
                                                             {"usr/share/big.bin", "hex"},
                                                             {"usr/share/logo.png", "image"},
                                                             {"release", "symlink"},
                                                             {"usr", "folder"}};
        for (const auto &[path, name] : shots) {
            preview.showLayerEntry(m_index, entry(path));
            if (preview.isLoading())
                QVERIFY(waitLoaded(preview));
            QTest::qWait(50);
            const QImage shot = preview.grab().toImage();
            QVERIFY(!shot.isNull());
            if (!folder.isEmpty())
                QVERIFY(shot.save(folder + u"/preview-" + QLatin1String(name) + u".png"));
        }
    }

    void savesAFolderAsTar()
    {
        const image::MergedFilesystem fs = image::MergedFilesystem::build({m_index});
        QTemporaryDir out;
        QWidget window;
        FileExportActions actions(&window);
        actions.setBlobLocator(image::blobStoreLocator(m_cache->blobStore()));
        image::ExportJob *job = actions.startTar(image::planMergedExport(fs, fs.find("usr")),
                                                 out.filePath(QStringLiteral("usr.tar")), false);
        QSignalSpy saved(&actions, &FileExportActions::saved);
        QSignalSpy status(&actions, &FileExportActions::statusMessage);
        QVERIFY(job);
        QVERIFY(saved.wait(20000));
        QProcess tar;
        tar.start(QStringLiteral("tar"),
                  {QStringLiteral("-tf"), out.filePath(QStringLiteral("usr.tar"))});
        QVERIFY(tar.waitForFinished());
        const QString listing = QString::fromUtf8(tar.readAllStandardOutput());
        QVERIFY2(listing.contains(u"usr/share/big.bin") && listing.contains(u"usr/bin/start") &&
                     !listing.contains(u"etc/"),
                 qPrintable(listing));
        QVERIFY(status.last().first().toString().contains(u"usr.tar"));
    }
};

QTEST_MAIN(TestFilePreview)
#include "tst_filepreview.moc"
