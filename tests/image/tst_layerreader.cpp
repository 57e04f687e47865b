#include "image/layer/bytesource.h"
#include "image/reader/blobstore.h"
#include "image/reader/layercache.h"
#include "image/reader/layerreader.h"
#include "tartestdata.h"

#include <QDir>
#include <QFile>
#include <QFutureWatcher>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace image;
using tartest::Writer;

namespace {

QByteArray manyFiles(int count)
{
    Writer writer;
    for (int i = 0; i < count; ++i)
        writer.file("data/file-" + QByteArray::number(i), "content of " + QByteArray::number(i));
    return writer.finish();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

} // namespace

class TestLayerReader final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fromFileWithBatchesAndCache()
    {
        QTemporaryDir dir;
        const QByteArray blob = tartest::gzip(manyFiles(3000));
        const oci::Digest digest = oci::Digest::sha256Of(blob);
        const QString path = dir.filePath(QStringLiteral("layer.tar.gz"));
        QVERIFY(writeFile(path, blob));

        LayerCache cache(LayerCacheOptions{});
        ReadOptions options;
        options.batchEntries = 500;
        std::unique_ptr<LayerReader> reader(
            LayerReader::fromFile(path, digest, 0, -1, &cache, options));
        QSignalSpy finished(reader.get(), &oci::Job::finished);
        int batched = 0;
        connect(reader.get(), &LayerReader::entriesAdded, this,
                [&batched](const LayerIndex &batch) { batched += batch.size(); });
        qint64 lastProgress = 0;
        qint64 lastTotal = 0;
        connect(reader.get(), &LayerReader::progress, this,
                [&lastProgress, &lastTotal](qint64 bytes, qint64 total) {
                    lastProgress = bytes;
                    lastTotal = total;
                });
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.size(), 1);
        QVERIFY2(reader->succeeded(), qPrintable(reader->error().describe()));
        QCOMPARE(reader->index().size(), 3000);
        QCOMPARE(reader->index().digest(), digest);
        QCOMPARE(batched, 3000);
        QCOMPARE(lastProgress, blob.size());
        QCOMPARE(lastTotal, blob.size());
        QVERIFY(!reader->cameFromCache());
        QCOMPARE(cache.indexCount(), 1);

        // Again: answered from memory, no worker.
        std::unique_ptr<LayerReader> again(LayerReader::fromFile(path, digest, 0, -1, &cache));
        QSignalSpy againFinished(again.get(), &oci::Job::finished);
        QVERIFY(!again->isFinished()); // finished() is queued, never synchronous
        QVERIFY(againFinished.wait(5000));
        QVERIFY(again->succeeded());
        QVERIFY(again->cameFromCache());
        QCOMPARE(again->index().size(), 3000);
    }

    void layerInsideATarball()
    {
        // A layer `length` bytes at `offset` of a bigger file.
        QTemporaryDir dir;
        const QByteArray blob = tartest::zstd(manyFiles(10));
        const QByteArray file = QByteArray(1000, 'h') + blob + QByteArray(500, 't');
        const QString path = dir.filePath(QStringLiteral("image.tar"));
        QVERIFY(writeFile(path, file));
        std::unique_ptr<LayerReader> reader(LayerReader::fromFile(
            path, oci::Digest::sha256Of(blob), 1000, blob.size(), nullptr));
        QSignalSpy finished(reader.get(), &oci::Job::finished);
        QVERIFY(finished.wait(30000));
        QVERIFY2(reader->succeeded(), qPrintable(reader->error().describe()));
        QCOMPARE(reader->index().size(), 10);
        QCOMPARE(reader->index().compression(), Compression::Zstd);
    }

    void fromStreamKeepsTheBlob()
    {
        // A stream opened on the worker (a layer re-inflated from a gzip'ed archive): read,
        // and kept in the blob store on the way, so files read back without the archive.
        QTemporaryDir dir;
        LayerCacheOptions options;
        options.directory = dir.filePath(QStringLiteral("layers"));
        LayerCache cache(options);
        const QByteArray blob = tartest::gzip(manyFiles(20));
        const oci::Digest digest = oci::Digest::sha256Of(blob);
        std::unique_ptr<LayerReader> reader(LayerReader::fromStream(
            [blob]() -> oci::Result<std::unique_ptr<ByteSource>> {
                return std::unique_ptr<ByteSource>(std::make_unique<MemorySource>(blob, 1000));
            },
            digest, blob.size(), &cache));
        QSignalSpy finished(reader.get(), &oci::Job::finished);
        QVERIFY(finished.wait(30000));
        QVERIFY2(reader->succeeded(), qPrintable(reader->error().describe()));
        QCOMPARE(reader->index().size(), 20);
        QCOMPARE(cache.blobStore()->find(digest), cache.blobStore()->pathFor(digest));
        QFuture<oci::Result<FileSlice>> slice = cache.readFile(digest, 7, 0, 100);
        QTRY_VERIFY_WITH_TIMEOUT(slice.isFinished(), 10000);
        QVERIFY_OK(slice.result());
        QCOMPARE(slice.result()->bytes, QByteArray("content of 7"));

        // A stream that does not match its digest keeps nothing; the open error is the
        // reader's error.
        const QByteArray other = tartest::gzip(manyFiles(3));
        const oci::Digest claimed = oci::Digest::sha256Of("something else");
        std::unique_ptr<LayerReader> bad(LayerReader::fromStream(
            [other]() -> oci::Result<std::unique_ptr<ByteSource>> {
                return std::unique_ptr<ByteSource>(std::make_unique<MemorySource>(other));
            },
            claimed, other.size(), &cache));
        QSignalSpy badFinished(bad.get(), &oci::Job::finished);
        QVERIFY(badFinished.wait(30000));
        QCOMPARE(bad->error().code(), oci::Error::Code::DigestMismatch);
        QVERIFY(!cache.blobStore()->find(claimed));
        QCOMPARE(QDir(options.directory + QStringLiteral("/sha256")).entryList(QDir::Files).size(), 1);

        std::unique_ptr<LayerReader> unopened(LayerReader::fromStream(
            []() -> oci::Result<std::unique_ptr<ByteSource>> {
                return oci::Error(oci::Error::Code::Io, QStringLiteral("truncated"));
            },
            claimed, 10, &cache));
        QSignalSpy unopenedFinished(unopened.get(), &oci::Job::finished);
        QVERIFY(unopenedFinished.wait(30000));
        QCOMPARE(unopened->error().code(), oci::Error::Code::Io);
        QCOMPARE(unopened->error().message(), QStringLiteral("truncated"));
    }

    void blobFilesReadInPlace()
    {
        // A layer inside a local tarball: files are read back from there, not the store.
        QTemporaryDir dir;
        const QByteArray blob = tartest::zstd(manyFiles(4));
        const QString path = dir.filePath(QStringLiteral("image.tar"));
        QVERIFY(writeFile(path, QByteArray(512, 'h') + blob + QByteArray(512, 't')));
        const oci::Digest digest = oci::Digest::sha256Of(blob);
        LayerCache cache(LayerCacheOptions{}); // no store at all
        QFuture<oci::Result<FileSlice>> before = cache.readFile(digest, 2, 0, 100);
        QTRY_VERIFY_WITH_TIMEOUT(before.isFinished(), 10000);
        QCOMPARE(before.result().error().code(), oci::Error::Code::NotFound);
        cache.addBlobFile(digest, path, 512, blob.size());
        QFuture<oci::Result<FileSlice>> after = cache.readFile(digest, 2, 0, 100);
        QTRY_VERIFY_WITH_TIMEOUT(after.isFinished(), 10000);
        QVERIFY_OK(after.result());
        QCOMPARE(after.result()->bytes, QByteArray("content of 2"));
    }

    void errorsNameTheLayer()
    {
        QTemporaryDir dir;
        const QByteArray blob = tartest::gzip(manyFiles(5));
        const QString path = dir.filePath(QStringLiteral("layer"));
        QVERIFY(writeFile(path, blob));
        const oci::Digest wrong = oci::Digest::sha256Of("not this");
        std::unique_ptr<LayerReader> reader(LayerReader::fromFile(path, wrong));
        QSignalSpy finished(reader.get(), &oci::Job::finished);
        QVERIFY(finished.wait(30000));
        QVERIFY(!reader->succeeded());
        QCOMPARE(reader->error().code(), oci::Error::Code::DigestMismatch);
        QCOMPARE(reader->error().object(), wrong.toString());

        std::unique_ptr<LayerReader> missing(
            LayerReader::fromFile(dir.filePath(QStringLiteral("nope")), wrong));
        QSignalSpy missingFinished(missing.get(), &oci::Job::finished);
        QVERIFY(missingFinished.wait(30000));
        QCOMPARE(missing->error().code(), oci::Error::Code::Io);
    }

    void cancelIsSilent()
    {
        QTemporaryDir dir;
        const QByteArray blob = tartest::gzip(manyFiles(20000), 1);
        const QString path = dir.filePath(QStringLiteral("layer"));
        QVERIFY(writeFile(path, blob));
        std::unique_ptr<LayerReader> reader(
            LayerReader::fromFile(path, oci::Digest::sha256Of(blob)));
        QSignalSpy finished(reader.get(), &oci::Job::finished);
        QSignalSpy batches(reader.get(), &LayerReader::entriesAdded);
        reader->cancel();
        reader->cancel(); // idempotent
        QVERIFY(!finished.wait(500));
        QVERIFY(reader->isCancelled());
        QCOMPARE(reader->error().code(), oci::Error::Code::Cancelled);
        // Deleting a running reader must not crash or hang either.
        std::unique_ptr<LayerReader> dropped(
            LayerReader::fromFile(path, oci::Digest::sha256Of(blob)));
        dropped.reset();
        QTest::qWait(100);
    }

    void blobStoreAndReadingFilesBack()
    {
        QTemporaryDir dir;
        LayerCacheOptions options;
        options.directory = dir.filePath(QStringLiteral("layers"));
        options.maxBlobBytes = 3000;
        LayerCache cache(options);
        std::shared_ptr<BlobStore> store = cache.blobStore();
        QVERIFY(store);

        const QByteArray tar =
            Writer().file("a", "first file").file("b", QByteArray(5000, 'b')).finish();
        const QByteArray blob = tartest::gzip(tar);
        const oci::Digest digest = oci::Digest::sha256Of(blob);
        auto partial = store->createPartial(digest);
        QVERIFY_OK(partial);
        QVERIFY(writeFile(*partial, blob));
        QVERIFY(!store->find(digest));
        QVERIFY_OK(store->commit(*partial, digest));
        QCOMPARE(store->find(digest), store->pathFor(digest));
        QVERIFY(!QFile::exists(*partial));

        QFuture<oci::Result<FileSlice>> future = cache.readFile(digest, 1, 4990, 100);
        QTRY_VERIFY_WITH_TIMEOUT(future.isFinished(), 10000);
        oci::Result<FileSlice> slice = future.result();
        QVERIFY_OK(slice);
        QCOMPARE(slice->bytes, QByteArray(10, 'b'));
        QCOMPARE(slice->fileSize, 5000);

        QFuture<oci::Result<FileSlice>> absent =
            cache.readFile(oci::Digest::sha256Of("absent"), 0, 0, 10);
        QTRY_VERIFY_WITH_TIMEOUT(absent.isFinished(), 10000);
        QCOMPARE(absent.result().error().code(), oci::Error::Code::NotFound);

        // Over the limit, the least recently used blob goes.
        QList<oci::Digest> digests;
        for (int i = 0; i < 3; ++i) {
            const QByteArray bytes = QByteArray(1000, char('x' + i));
            const oci::Digest d = oci::Digest::sha256Of(bytes);
            auto p = store->createPartial(d);
            QVERIFY_OK(p);
            QVERIFY(writeFile(*p, bytes));
            QVERIFY_OK(store->commit(*p, d));
            digests.append(d);
            QTest::qWait(20); // distinct last-use times
        }
        QVERIFY(!store->find(digest)); // the oldest
        QVERIFY(store->find(digests.last()));
        QVERIFY(store->totalBytes() <= 3000);

        // Indexes count in the same budget: writing a big one pushes the oldest blobs out.
        const qint64 before = store->totalBytes();
        LayerIndexBuilder builder;
        for (int i = 0; i < 12; ++i) {
            LayerEntry entry;
            entry.size = i;
            builder.add(entry, QByteArray("usr/share/some/long/path/file-" + QByteArray::number(i)));
        }
        LayerBlobInfo info;
        info.digest = oci::Digest::sha256Of("index layer");
        info.compression = Compression::Gzip;
        info.compressedBytes = 1234;
        info.tarBytes = 12288;
        LayerIndex index = builder.finish(info);
        const qint64 indexBytes = index.toBytes().size();
        QVERIFY2(indexBytes > 1000 && indexBytes < 2500, qPrintable(QString::number(indexBytes)));
        QVERIFY_OK(store->writeIndex(index));
        QVERIFY(store->hasIndex(index.digest()));
        QVERIFY(store->totalBytes() <= 3000);
        QVERIFY(store->totalBytes() < before + indexBytes); // something went
        QVERIFY(!store->find(digests.first()));
        // A fresh store (a restart) counts both kinds from disk.
        BlobStore again(options.directory, options.maxBlobBytes);
        QCOMPARE(again.totalBytes(), store->totalBytes());
    }

    void indexOnDisk()
    {
        QTemporaryDir dir;
        const QByteArray tar = Writer()
                                   .file("caf\xe9", "latin-1")
                                   .symlink("link", "/target")
                                   .file("a", "1")
                                   .file("a", "22")
                                   .finish();
        const QByteArray blob = tartest::gzip(tar);
        const oci::Digest digest = oci::Digest::sha256Of(blob);
        const QString path = dir.filePath(QStringLiteral("layer"));
        QVERIFY(writeFile(path, blob));
        LayerCacheOptions options;
        options.directory = dir.filePath(QStringLiteral("cache"));

        LayerIndex first;
        {
            LayerCache cache(options);
            std::unique_ptr<LayerReader> reader(LayerReader::fromFile(path, digest, 0, -1, &cache));
            QSignalSpy finished(reader.get(), &oci::Job::finished);
            QVERIFY(finished.wait(30000));
            QVERIFY(reader->succeeded());
            QVERIFY(!reader->cameFromCache());
            first = reader->index();
            QVERIFY(cache.blobStore()->hasIndex(digest));
        }
        // Bytes round trip, and damage is refused.
        const QByteArray bytes = first.toBytes();
        std::optional<LayerIndex> back = LayerIndex::fromBytes(bytes);
        QVERIFY(back);
        QByteArray damaged = bytes;
        damaged[damaged.size() - 3] = char(damaged[damaged.size() - 3] ^ 0x55);
        QVERIFY(!LayerIndex::fromBytes(damaged));
        QVERIFY(!LayerIndex::fromBytes(bytes.first(bytes.size() / 2)));
        QVERIFY(!LayerIndex::fromBytes(QByteArray("garbage")));

        // A new process (a fresh cache object on the same folder) reopens from disk.
        {
            QVERIFY(QFile::remove(path)); // the blob is not needed any more
            LayerCache cache(options);
            std::unique_ptr<LayerReader> reader(LayerReader::fromFile(path, digest, 0, -1, &cache));
            QSignalSpy finished(reader.get(), &oci::Job::finished);
            QVERIFY(finished.wait(30000));
            QVERIFY2(reader->succeeded(), qPrintable(reader->error().describe()));
            QVERIFY(reader->cameFromCache());
            const LayerIndex &again = reader->index();
            QCOMPARE(again.size(), first.size());
            QCOMPARE(again.digest(), digest);
            QCOMPARE(again.compression(), Compression::Gzip);
            QCOMPARE(again.tarBytes(), tar.size());
            for (int i = 0; i < first.size(); ++i) {
                QCOMPARE(again.path(i), first.path(i));
                QCOMPARE(again.linkTarget(i), first.linkTarget(i));
                QCOMPARE(again.at(i).hash, first.at(i).hash);
                QCOMPARE(again.at(i).flags, first.at(i).flags);
                QCOMPARE(again.userName(again.at(i)), first.userName(first.at(i)));
            }
            QCOMPARE(again.find("a"), 3);
            QVERIFY(again.at(2).has(Superseded));
        }
        // A damaged index file is a miss: read from the blob again (gone here: an error).
        {
            LayerCache cache(options);
            QFile indexFile(cache.blobStore()->indexPathFor(digest));
            QVERIFY(indexFile.open(QIODevice::ReadWrite));
            indexFile.seek(100);
            indexFile.write("XXXX");
            indexFile.close();
            std::unique_ptr<LayerReader> reader(LayerReader::fromFile(path, digest, 0, -1, &cache));
            QSignalSpy finished(reader.get(), &oci::Job::finished);
            QVERIFY(finished.wait(30000));
            QVERIFY(!reader->succeeded());
            QCOMPARE(reader->error().code(), oci::Error::Code::Io);
            QVERIFY(!cache.blobStore()->hasIndex(digest));
        }
    }

    void indexMemoryBound()
    {
        LayerCacheOptions options;
        options.maxIndexMemoryBytes = 1; // everything but the newest goes
        LayerCache cache(options);
        LayerIndexBuilder builder;
        LayerEntry e;
        builder.add(e, "x");
        LayerBlobInfo info;
        info.digest = oci::Digest::sha256Of("one");
        cache.insertIndex(builder.finish(info));
        builder.add(e, "y");
        info.digest = oci::Digest::sha256Of("two");
        cache.insertIndex(builder.finish(info));
        QCOMPARE(cache.indexCount(), 1);
        QVERIFY(!cache.index(oci::Digest::sha256Of("one")));
        QVERIFY(cache.index(oci::Digest::sha256Of("two")));
    }
};

QTEST_GUILESS_MAIN(TestLayerReader)
#include "tst_layerreader.moc"
