// The stacked-layers image built by umoci from hand-made layer tars (support/fixtures.h),
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

using namespace image;
using tartest::Writer;
using namespace stackedimage;
using testsupport::Tree;
using testsupport::TreeEntry;

namespace {

// The merged tree as it would be on disk.
Tree merged(const MergedFilesystem &fs)
{
    Tree entries;
    for (int i = 1; i < fs.size(); ++i) {
        TreeEntry e;
        const LayerEntry *entry = fs.entry(i);
        const MergedNode &node = fs.node(i);
        switch (fs.type(i)) {
        case EntryType::Directory:
            e.type = QStringLiteral("directory");
            e.mode = entry ? entry->mode : 0755; // implied: umoci makes them 0755
            break;
        case EntryType::Symlink:
            e.type = QStringLiteral("symlink");
            e.link = QString::fromUtf8(fs.layer(node.layer).linkTarget(*entry).toByteArray());
            break;
        case EntryType::Regular:
        case EntryType::Hardlink:
            // On disk a hardlink is the same inode: the content entry's mode and size.
            e.type = QStringLiteral("file");
            e.size = fs.size(i);
            e.mode = node.contentLayer >= 0
                ? fs.layer(node.contentLayer).at(node.contentEntry).mode
                : entry->mode;
            break;
        default:
            e.type = QStringLiteral("other");
        }
        entries.insert(QString::fromUtf8(fs.path(i).toByteArray()), e);
    }
    return entries;
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

        // Build the image (umoci gzips each hand-made tar as it adds it) and push it to the
        // real registry.
        auto built = testsupport::buildUmociImage(scratch->path(), layerTars());
        QVERIFY_RESULT(built);
        auto pushed = fixtures.pushFrom(built->skopeoReference(), QStringLiteral("layers/test"),
                                        QStringLiteral("1"));
        QVERIFY_RESULT(pushed);
        const QJsonArray layersJson =
            QJsonDocument::fromJson(pushed->manifest).object().value(u"layers").toArray();
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
        const Tree expected = testsupport::lstatTree(built->rootfs);
        const QStringList differences = testsupport::treeDifferences(expected, merged(fs));
        QVERIFY2(differences.isEmpty(), qPrintable(differences.join(u"\n")));
        // etc, etc/app + json + abs, etc/config + new.conf, usr, usr/bin + 4, usr/lib + blob.bin,
        // var, var/cache
        QCOMPARE(expected.size(), 16);

        // By hand: every regular file of every layer is shipped once (the hardlink carries
        // no bytes of its own) ...
        const WasteReport waste = WasteReport::compute(fs);
        QCOMPARE(waste.totalBytes, Passwd.size() + ConfA.size() + ConfB.size() + ConfC.size()
                                       + Tool.size() + binaryBytes().size() + Big.size() + Script.size()
                                       + Json.size() + NewConf.size() + NewTool.size());
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
