// An image built by umoci from hand-made layer tars (a base; a layer adding a symlink, a
// hardlink, a script and a JSON file; a layer deleting files and making a directory opaque),
// pushed by skopeo to the real registry, read back layer by layer through LayerReader, and
// stacked: the merged tree must equal what `umoci unpack` extracts, path by path.
#include "image/fs/mergedfilesystem.h"
#include "image/fs/wastereport.h"
#include "image/reader/blobstore.h"
#include "image/reader/layercache.h"
#include "image/reader/layerreader.h"
#include "oci/manifest/descriptor.h"
#include "support/clientharness.h"
#include "support/fixtures.h"
#include "support/registryprocess.h"
#include "support/toolrunner.h"
#include "tartestdata.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

#include <sys/stat.h>

using namespace image;
using tartest::Writer;

namespace {

const QByteArray Passwd = "root:x:0:0::/root:/bin/sh\n";
const QByteArray ConfA = "a=1\n";
const QByteArray ConfB = "b=22\n";
const QByteArray ConfC = "c=333\n";
const QByteArray NewConf = "new\n";
const QByteArray NewTool = "replaced\n";
const QByteArray Script = "#!/bin/sh\necho hello from lading\n";
const QByteArray Json = "{\"name\": \"lading\", \"layers\": 3}\n";
const QByteArray Tool = QByteArray(3000, 't');
const QByteArray Big = QByteArray(20000, 'B');

QList<QByteArray> layerTars()
{
    Writer base;
    base.dir("etc/").file("etc/passwd", Passwd)
        .dir("etc/config/").file("etc/config/a.conf", ConfA).file("etc/config/b.conf", ConfB)
        .dir("etc/config/sub/").file("etc/config/sub/c.conf", ConfC)
        .dir("usr/").dir("usr/bin/").file("usr/bin/tool", Tool, 0755)
        .dir("var/").dir("var/cache/").file("var/cache/big", Big);
    Writer adds;
    adds.dir("usr/bin/")
        .symlink("usr/bin/link", "tool")
        .hardlink("usr/bin/hard", "usr/bin/tool")
        .file("usr/bin/script.sh", Script, 0755)
        .dir("etc/app/")
        .file("etc/app/config.json", Json, 0600);
    Writer deletes;
    deletes.dir("etc/")
        .file("etc/.wh.passwd", "")
        .dir("etc/config/")
        .file("etc/config/.wh..wh..opq", "")
        .file("etc/config/new.conf", NewConf)
        .file("var/cache/.wh.big", "")
        .file("usr/bin/tool", NewTool, 0755);
    return {base.finish(), adds.finish(), deletes.finish()};
}

struct DiskEntry
{
    char type = '?';
    quint32 mode = 0;
    qint64 size = 0;
    QByteArray link;
};

// lstat() walk of an unpacked rootfs: never follows symlinks.
QMap<QByteArray, DiskEntry> walk(const QString &root)
{
    QMap<QByteArray, DiskEntry> entries;
    QDirIterator it(root, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        struct stat st;
        const QByteArray native = QFile::encodeName(path);
        if (::lstat(native.constData(), &st) != 0)
            continue;
        DiskEntry e;
        e.mode = st.st_mode & 07777;
        if (S_ISDIR(st.st_mode)) {
            e.type = 'd';
        } else if (S_ISLNK(st.st_mode)) {
            e.type = 'l';
            QByteArray buffer(4096, '\0');
            const ssize_t n = ::readlink(native.constData(), buffer.data(), size_t(buffer.size()));
            e.link = buffer.first(qMax<ssize_t>(0, n));
            e.mode = 0;
        } else if (S_ISREG(st.st_mode)) {
            e.type = '-';
            e.size = st.st_size;
        }
        entries.insert(QFile::encodeName(path.mid(root.size() + 1)), e);
    }
    return entries;
}

QMap<QByteArray, DiskEntry> merged(const MergedFilesystem &fs)
{
    QMap<QByteArray, DiskEntry> entries;
    for (int i = 1; i < fs.size(); ++i) {
        DiskEntry e;
        const LayerEntry *entry = fs.entry(i);
        const MergedNode &node = fs.node(i);
        switch (fs.type(i)) {
        case EntryType::Directory:
            e.type = 'd';
            e.mode = entry ? entry->mode : 0755; // implied: umoci makes them 0755
            break;
        case EntryType::Symlink:
            e.type = 'l';
            e.link = fs.layer(node.layer).linkTarget(*entry).toByteArray();
            break;
        case EntryType::Regular:
        case EntryType::Hardlink:
            // On disk a hardlink is the same inode: the content entry's mode and size.
            e.type = '-';
            e.size = fs.size(i);
            e.mode = node.contentLayer >= 0
                ? fs.layer(node.contentLayer).at(node.contentEntry).mode
                : entry->mode;
            break;
        default:
            e.type = '?';
        }
        entries.insert(fs.path(i).toByteArray(), e);
    }
    return entries;
}

QString describe(const DiskEntry &e)
{
    return QStringLiteral("%1 %2 %3 %4")
        .arg(QLatin1Char(e.type))
        .arg(e.mode, 4, 8, QLatin1Char('0'))
        .arg(e.size)
        .arg(QString::fromUtf8(e.link));
}

} // namespace

class TestLayerRegistry final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void mergedTreeEqualsUmociUnpack()
    {
        REQUIRE_REGISTRY_TOOLS();
        RegistryProcess registry(RegistryProcess::Auth::Anonymous);
        QVERIFY2(registry.start(), qPrintable(registry.errorString()));
        Fixtures fixtures(registry);
        auto scratch = testsupport::makeScratchDir(QStringLiteral("lading-layers"));
        QVERIFY(scratch && scratch->isValid());
        const QString layout = scratch->filePath(QStringLiteral("layout"));
        const QString umoci = testsupport::findTool(QStringLiteral("umoci"));
        const QString skopeo = testsupport::findTool(QStringLiteral("skopeo"));

        // Build the image: umoci gzips each hand-made tar as it adds it.
        auto run = [](const QString &tool, const QStringList &args) {
            const testsupport::ToolResult r =
                testsupport::runTool(tool, args, 120000, Fixtures::toolEnvironment());
            if (!r.ok())
                qWarning("%s", qPrintable(r.describe()));
            return r.ok();
        };
        QVERIFY(run(umoci, {QStringLiteral("init"), QStringLiteral("--layout"), layout}));
        const QString image = layout + QStringLiteral(":img");
        QVERIFY(run(umoci, {QStringLiteral("new"), QStringLiteral("--image"), image}));
        const QList<QByteArray> tars = layerTars();
        for (int i = 0; i < tars.size(); ++i) {
            const QString tarPath = scratch->filePath(QStringLiteral("layer%1.tar").arg(i));
            QFile file(tarPath);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(tars[i]);
            file.close();
            QVERIFY(run(umoci, {QStringLiteral("raw"), QStringLiteral("add-layer"),
                                QStringLiteral("--image"), image, tarPath}));
        }
        const QString bundle = scratch->filePath(QStringLiteral("bundle"));
        QStringList unpack{QStringLiteral("unpack"), QStringLiteral("--image"), image, bundle};
        if (::geteuid() != 0)
            unpack.insert(1, QStringLiteral("--rootless"));
        QVERIFY(run(umoci, unpack));

        // Push it to the real registry.
        QStringList copy{QStringLiteral("copy"), QStringLiteral("--quiet")};
        copy << fixtures.skopeoDestinationOptions() << (QStringLiteral("oci:") + image)
             << QStringLiteral("docker://%1/layers/test:1").arg(registry.host());
        QVERIFY(run(skopeo, copy));
        auto raw = fixtures.skopeoInspectRaw(QStringLiteral("layers/test:1"));
        QVERIFY_RESULT(raw);
        const QJsonArray layersJson =
            QJsonDocument::fromJson(raw.value()).object().value(u"layers").toArray();
        auto descriptors = oci::Descriptor::listFromJson(layersJson, u"layers");
        QVERIFY_RESULT(descriptors);
        QCOMPARE(descriptors->size(), 3);

        // Read every layer through the registry, into a cache with a blob store.
        ClientHarness harness(registry);
        LayerCacheOptions cacheOptions;
        cacheOptions.directory = scratch->filePath(QStringLiteral("cache"));
        LayerCache cache(cacheOptions);
        QList<LayerIndex> indexes;
        for (const oci::Descriptor &layer : descriptors.value()) {
            std::unique_ptr<LayerReader> reader(LayerReader::fromRegistry(
                harness.client(), QStringLiteral("layers/test"), layer, &cache));
            QSignalSpy finished(reader.get(), &oci::Job::finished);
            int batched = 0;
            connect(reader.get(), &LayerReader::entriesAdded, this,
                    [&batched](const LayerIndex &batch) { batched += batch.size(); });
            QVERIFY(finished.wait(60000));
            QVERIFY2(reader->succeeded(), qPrintable(reader->error().describe()));
            QCOMPARE(reader->index().digest(), layer.digest());
            QCOMPARE(reader->index().compression(), Compression::Gzip);
            QCOMPARE(reader->index().compressedBytes(), layer.size());
            QCOMPARE(batched, reader->index().size());
            indexes.append(reader->index());
        }
        QCOMPARE(indexes[0].find("etc/config/sub/c.conf") >= 0, true);

        // A second read of a layer is a cache hit; its blob is on disk for reading files.
        {
            std::unique_ptr<LayerReader> again(LayerReader::fromRegistry(
                harness.client(), QStringLiteral("layers/test"), descriptors->at(1), &cache));
            QSignalSpy finished(again.get(), &oci::Job::finished);
            QVERIFY(finished.wait(10000));
            QVERIFY(again->cameFromCache());
            const int script = indexes[1].find("usr/bin/script.sh");
            QVERIFY(script >= 0);
            auto future = cache.readFile(descriptors->at(1).digest(),
                                         indexes[1].at(script).ordinal, 0, 1 << 20);
            QTRY_VERIFY_WITH_TIMEOUT(future.isFinished(), 10000);
            auto slice = future.result();
            QVERIFY_OK(slice);
            QCOMPARE(slice->bytes, Script);
        }

        // Cancelled while downloading: silent, and no partial file stays in the cache.
        {
            LayerCacheOptions otherOptions;
            otherOptions.directory = scratch->filePath(QStringLiteral("cache2"));
            LayerCache other(otherOptions);
            std::unique_ptr<LayerReader> cancelled(LayerReader::fromRegistry(
                harness.client(), QStringLiteral("layers/test"), descriptors->at(0), &other));
            QSignalSpy finished(cancelled.get(), &oci::Job::finished);
            cancelled->cancel();
            QVERIFY(!finished.wait(300));
            cancelled.reset();
            QTest::qWait(100);
            QDirIterator files(otherOptions.directory, QDir::Files, QDirIterator::Subdirectories);
            QStringList left;
            while (files.hasNext())
                left << files.next();
            QVERIFY2(left.isEmpty(), qPrintable(left.join(u", ")));
        }

        // After a restart (a fresh cache on the same folder): the indexes come from disk.
        {
            LayerCache reopened(cacheOptions);
            QElapsedTimer timer;
            timer.start();
            std::unique_ptr<LayerReader> again(LayerReader::fromRegistry(
                harness.client(), QStringLiteral("layers/test"), descriptors->at(0), &reopened));
            QSignalSpy finished(again.get(), &oci::Job::finished);
            QVERIFY(finished.wait(10000));
            QVERIFY2(again->succeeded(), qPrintable(again->error().describe()));
            QVERIFY(again->cameFromCache());
            QCOMPARE(again->index().size(), indexes[0].size());
            qInfo("reopening a layer from the on-disk cache: %lld ms", qint64(timer.elapsed()));
        }

        // Bytes that are not the blob (swapped in the registry's storage, same length, a
        // valid gzip'ed tar padded with zeros so that inflating and parsing succeed): the
        // download's digest check fails the read, and nothing reaches the cache.
        {
            const oci::Descriptor &layer = descriptors->at(0);
            QByteArray swapped = tartest::gzip(Writer().file("other", "not the layer").finish());
            QVERIFY(swapped.size() < layer.size());
            swapped.append(QByteArray(layer.size() - swapped.size(), '\0'));
            const QString encoded = layer.digest().encoded();
            const QString data = QStringLiteral("/docker/registry/v2/blobs/sha256/%1/%2/data")
                                     .arg(encoded.left(2), encoded);
            QFile stored(registry.storageDir() + data);
            QVERIFY2(stored.open(QIODevice::WriteOnly | QIODevice::Truncate),
                     qPrintable(stored.fileName()));
            QCOMPARE(stored.write(swapped), swapped.size());
            stored.close();
            LayerCacheOptions otherOptions;
            otherOptions.directory = scratch->filePath(QStringLiteral("cache3"));
            LayerCache other(otherOptions);
            std::unique_ptr<LayerReader> bad(LayerReader::fromRegistry(
                harness.client(), QStringLiteral("layers/test"), layer, &other));
            QSignalSpy finished(bad.get(), &oci::Job::finished);
            QVERIFY(finished.wait(30000));
            QVERIFY(!bad->succeeded());
            QCOMPARE(bad->error().code(), oci::Error::Code::DigestMismatch);
            QVERIFY(!other.index(layer.digest()));
            QVERIFY(!other.blobStore()->find(layer.digest()));
            QVERIFY(!other.blobStore()->hasIndex(layer.digest()));
            QDirIterator files(otherOptions.directory, QDir::Files, QDirIterator::Subdirectories);
            QStringList left;
            while (files.hasNext())
                left << files.next();
            QVERIFY2(left.isEmpty(), qPrintable(left.join(u", ")));
        }

        const MergedFilesystem fs = MergedFilesystem::build(indexes);
        const QMap<QByteArray, DiskEntry> expected = walk(bundle + QStringLiteral("/rootfs"));
        const QMap<QByteArray, DiskEntry> actual = merged(fs);
        QStringList differences;
        for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
            if (!actual.contains(it.key()))
                differences << QStringLiteral("missing %1").arg(QString::fromUtf8(it.key()));
            else if (describe(actual[it.key()]) != describe(it.value()))
                differences << QStringLiteral("%1: %2 vs umoci %3")
                                   .arg(QString::fromUtf8(it.key()), describe(actual[it.key()]),
                                        describe(it.value()));
        }
        for (auto it = actual.cbegin(); it != actual.cend(); ++it) {
            if (!expected.contains(it.key()))
                differences << QStringLiteral("extra %1").arg(QString::fromUtf8(it.key()));
        }
        QVERIFY2(differences.isEmpty(), qPrintable(differences.join(u"\n")));
        // etc, etc/app + json, etc/config + new.conf, usr, usr/bin + 4, var, var/cache
        QCOMPARE(expected.size(), 13);

        // By hand: every regular file of every layer is shipped once (the hardlink carries
        // no bytes of its own) ...
        const WasteReport waste = WasteReport::compute(fs);
        QCOMPARE(waste.totalBytes, Passwd.size() + ConfA.size() + ConfB.size() + ConfC.size()
                                       + Tool.size() + Big.size() + Script.size() + Json.size()
                                       + NewConf.size() + NewTool.size());
        // ... and gone are passwd and big (whiteouts), a, b and c (opaque). The old tool
        // survives through its hardlink usr/bin/hard: not waste.
        QCOMPARE(waste.wastedBytes,
                 Passwd.size() + ConfA.size() + ConfB.size() + ConfC.size() + Big.size());
        QCOMPARE(waste.paths.first().path, QByteArray("var/cache/big"));
        QCOMPARE(fs.size(fs.find("usr/bin/hard")), 3000);
        QCOMPARE(fs.node(fs.find("usr/bin/tool")).change, Change::Modified);
        QCOMPARE(fs.entryChange(2, indexes[2].find("etc/config")), Change::Unchanged);
    }
};

QTEST_GUILESS_MAIN(TestLayerRegistry)
#include "tst_layerregistry.moc"
