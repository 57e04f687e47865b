#include "image/layer/bytesource.h"
#include "image/layer/layerstream.h"
#include "image/layer/pathclean.h"
#include "tartestdata.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QTest>

#include <atomic>
#include <condition_variable>
#include <mutex>

using namespace image;
using tartest::Writer;

namespace {

oci::Digest sha256(const QByteArray &bytes)
{
    return oci::Digest::sha256Of(bytes);
}

QByteArray hashOf(const LayerEntry &entry)
{
    return QByteArray(reinterpret_cast<const char *>(entry.hash.data()), int(entry.hash.size()));
}

oci::Result<LayerIndex> read(const QByteArray &blob, qsizetype chunk = 256 * 1024,
                             const ReadOptions &options = {}, const ReadCallbacks &callbacks = {})
{
    MemorySource source(blob, chunk);
    return readLayerIndex(source, sha256(blob), options, callbacks);
}

QByteArray sampleTar()
{
    return Writer()
        .dir("etc/", 0755)
        .file("etc/hostname", "lading\n", 0644)
        .symlink("etc/localtime", "/usr/share/zoneinfo/UTC")
        .hardlink("etc/hostname.bak", "etc/hostname")
        .file("usr/bin/tool", QByteArray(70000, 'x'), 04755)
        .header(tartest::makeHeader("dev/null", '3', 0666))
        .header(tartest::makeHeader("run/fifo", '6', 0600))
        .finish(10240); // tar's default blocking pads to 10 KiB
}

// Gives its bytes, then waits (like a download that stalls) until interrupted.
class StallingSource final : public ByteSource
{
public:
    explicit StallingSource(QByteArray first) : m_first(std::move(first)) {}
    oci::Result<QByteArrayView> read() override
    {
        if (!m_sent) {
            m_sent = true;
            return QByteArrayView(m_first);
        }
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [this] { return m_interrupted; });
        return oci::Error(oci::Error::Code::Cancelled, QStringLiteral("interrupted"));
    }
    void interrupt() override
    {
        std::lock_guard lock(m_mutex);
        m_interrupted = true;
        m_changed.notify_all();
    }

private:
    QByteArray m_first;
    bool m_sent = false;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    bool m_interrupted = false;
};

} // namespace

class TestLayerStream final : public QObject
{
    Q_OBJECT

private:
    void checkSample(const LayerIndex &index)
    {
        QCOMPARE(index.size(), 7);
        QCOMPARE(index.path(0), QByteArrayView("etc"));
        QCOMPARE(index.at(0).type, EntryType::Directory);
        QCOMPARE(index.at(0).mode, 0755u);
        QCOMPARE(index.path(1), QByteArrayView("etc/hostname"));
        QCOMPARE(index.at(1).type, EntryType::Regular);
        QCOMPARE(index.at(1).size, 7);
        QVERIFY(index.at(1).has(Hashed));
        QCOMPARE(hashOf(index.at(1)), QCryptographicHash::hash("lading\n", QCryptographicHash::Sha256));
        QCOMPARE(index.userName(index.at(1)), QStringLiteral("root"));
        QCOMPARE(index.at(2).type, EntryType::Symlink);
        QCOMPARE(index.linkTarget(2), QByteArrayView("/usr/share/zoneinfo/UTC"));
        QCOMPARE(index.at(3).type, EntryType::Hardlink);
        QCOMPARE(index.linkTarget(3), QByteArrayView("etc/hostname"));
        QCOMPARE(index.at(3).size, 0);
        QCOMPARE(index.at(4).mode, 04755u);
        QCOMPARE(index.at(4).size, 70000);
        QCOMPARE(hashOf(index.at(4)),
                 QCryptographicHash::hash(QByteArray(70000, 'x'), QCryptographicHash::Sha256));
        QCOMPARE(index.at(5).type, EntryType::CharDevice);
        QCOMPARE(index.at(6).type, EntryType::Fifo);
        for (int i = 0; i < index.size(); ++i)
            QCOMPARE(index.at(i).ordinal, quint32(i));
        QCOMPARE(index.find("etc/hostname"), 1);
        QCOMPARE(index.find("nope"), -1);
        QCOMPARE(index.fileCount(), 2);
        QCOMPARE(index.fileBytes(), 70007);
        QVERIFY(index.isComplete());
    }

private Q_SLOTS:
    void plainTar()
    {
        const QByteArray tar = sampleTar();
        auto index = read(tar);
        QVERIFY_OK(index);
        checkSample(*index);
        QCOMPARE(index->compression(), Compression::None);
        QCOMPARE(index->digest(), sha256(tar));
        QCOMPARE(index->tarBytes(), tar.size()); // padding after the end blocks read too
        QCOMPARE(index->compressedBytes(), tar.size());
    }

    void gzipAndZstd_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<int>("chunk");
        QTest::newRow("gzip") << QStringLiteral("gzip") << 256 * 1024;
        QTest::newRow("gzip, 3-byte chunks") << QStringLiteral("gzip") << 3;
        QTest::newRow("gzip multi-member") << QStringLiteral("multi") << 256 * 1024;
        QTest::newRow("gzip multi-member, 1-byte chunks") << QStringLiteral("multi") << 1;
        QTest::newRow("zstd") << QStringLiteral("zstd") << 256 * 1024;
        QTest::newRow("zstd, 2-byte chunks") << QStringLiteral("zstd") << 2;
        QTest::newRow("zstd two frames") << QStringLiteral("zstd2") << 4096;
    }

    void gzipAndZstd()
    {
        QFETCH(QString, kind);
        QFETCH(int, chunk);
        const QByteArray tar = sampleTar();
        QByteArray blob;
        Compression expected = Compression::Gzip;
        if (kind == u"gzip") {
            blob = tartest::gzip(tar);
        } else if (kind == u"multi") {
            // Split mid-block: each member alone is not a whole tar.
            const qsizetype cut = 700;
            blob = tartest::gzip(tar.first(cut)) + tartest::gzip(tar.sliced(cut, 1000))
                + tartest::gzip(tar.sliced(cut + 1000));
        } else if (kind == u"zstd") {
            blob = tartest::zstd(tar);
            expected = Compression::Zstd;
        } else {
            blob = tartest::zstd(tar.first(2000)) + tartest::zstd(tar.sliced(2000));
            expected = Compression::Zstd;
        }
        QVERIFY(!blob.isEmpty());
        auto index = read(blob, chunk);
        QVERIFY_OK(index);
        checkSample(*index);
        QCOMPARE(index->compression(), expected);
        QCOMPARE(index->compressedBytes(), blob.size());
        QCOMPARE(index->tarBytes(), tar.size());
        QCOMPARE(index->digest(), sha256(blob));
    }

    void diffId()
    {
        const QByteArray tar = sampleTar();
        ReadOptions options;
        options.computeDiffId = true;
        auto index = read(tartest::gzip(tar), 65536, options);
        QVERIFY_OK(index);
        QCOMPARE(index->diffId(), sha256(tar));
    }

    void emptyLayer()
    {
        // What Docker writes for an empty layer: two zero blocks, gzipped.
        auto index = read(tartest::gzip(QByteArray(1024, '\0')));
        QVERIFY_OK(index);
        QCOMPARE(index->size(), 0);
        // An empty file's hash is SHA-256 of nothing.
        auto one = read(Writer().file("empty", "").finish());
        QVERIFY_OK(one);
        QVERIFY(one->at(0).has(Hashed));
        QCOMPARE(hashOf(one->at(0)), QCryptographicHash::hash("", QCryptographicHash::Sha256));
    }

    void whiteoutsAndDuplicates()
    {
        const QByteArray tar = Writer()
                                   .file("a/x", "1")
                                   .file("a/.wh.gone", "")
                                   .file("b/.wh..wh..opq", "")
                                   .file(".wh.top", "")
                                   .file("a/.wh.x", "") // follows a/x: same-layer case
                                   .file("a/.wh..wh.plnk", "")
                                   .file("c/.wh.", "")
                                   .file("a/x", "22") // duplicate: last wins
                                   .finish();
        auto index = read(tar);
        QVERIFY_OK(index);
        QCOMPARE(index->size(), 8);
        QCOMPARE(index->at(1).type, EntryType::Whiteout);
        QCOMPARE(index->path(1), QByteArrayView("a/gone"));
        QCOMPARE(index->at(2).type, EntryType::Opaque);
        QCOMPARE(index->path(2), QByteArrayView("b"));
        QCOMPARE(index->at(3).type, EntryType::Whiteout);
        QCOMPARE(index->path(3), QByteArrayView("top"));
        QCOMPARE(index->at(4).type, EntryType::Whiteout);
        QVERIFY(index->at(4).has(SameLayerWhiteout));
        QVERIFY(!index->at(1).has(SameLayerWhiteout));
        QVERIFY(index->at(5).has(InvalidWhiteout));
        QVERIFY(index->at(6).has(InvalidWhiteout));
        QVERIFY(index->at(0).has(Superseded));
        QVERIFY(!index->at(7).has(Superseded));
        QCOMPARE(index->find("a/x"), 7); // the real file wins over the marker
        QCOMPARE(index->find("a/gone"), 1);
        QCOMPARE(index->fileBytes(), 2);
    }

    void longNames()
    {
        const QByteArray longDir = QByteArray("d").repeated(150);
        const QByteArray paxName = longDir + "/pax-file-" + QByteArray("p").repeated(120);
        const QByteArray gnuName = longDir + "/gnu-file-" + QByteArray("g").repeated(120);
        const QByteArray linkTarget = "target/" + QByteArray("t").repeated(200);
        const QByteArray tar =
            Writer()
                .pax({{"path", paxName}, {"uname", "builder"}, {"mtime", "1700000123.5"}})
                .file("short-placeholder", "pax")
                .gnuLongName(gnuName)
                .file("gnu-placeholder", "gnu")
                .pax({{"linkpath", linkTarget}})
                .symlink("link", "short")
                .finish();
        auto index = read(tar);
        QVERIFY_OK(index);
        QCOMPARE(index->size(), 3);
        QCOMPARE(index->path(0), QByteArrayView(paxName));
        QCOMPARE(index->userName(index->at(0)), QStringLiteral("builder"));
        QCOMPARE(index->at(0).mtime, 1700000123);
        QCOMPARE(index->path(1), QByteArrayView(gnuName));
        QCOMPARE(index->linkTarget(2), QByteArrayView(linkTarget));
        // Ordinals count entries, not the extension headers in front of them.
        QCOMPARE(index->at(2).ordinal, 2u);
    }

    void oddNames()
    {
        const QByteArray tar = Writer()
                                   .file("caf\xe9.txt", "latin-1 name")
                                   .file("../../etc/passwd", "escape")
                                   .file("/abs/file", "absolute")
                                   .file("./dot/./x/../y", "clean me")
                                   .hardlink("hl", "../outside")
                                   .pax({{"path", "pax-caf\xc3\xa9"}})
                                   .file("placeholder", "utf-8 via pax")
                                   .finish();
        auto index = read(tar);
        QVERIFY_OK(index);
        QCOMPARE(index->size(), 6);
        QCOMPARE(index->path(0), QByteArrayView("caf\xe9.txt"));
        QVERIFY(index->at(0).has(NotUtf8));
        QCOMPARE(index->displayPath(0), QStringLiteral("caf\\xe9.txt"));
        QCOMPARE(index->path(1), QByteArrayView("../../etc/passwd"));
        QVERIFY(index->at(1).has(UnsafePath));
        QVERIFY(index->flagsSeen() & UnsafePath);
        QCOMPARE(index->path(2), QByteArrayView("abs/file"));
        QVERIFY(index->at(2).has(AbsoluteName));
        QVERIFY(!index->at(2).has(UnsafePath));
        QCOMPARE(index->path(3), QByteArrayView("dot/y"));
        QVERIFY(index->at(4).has(UnsafeLink));
        QCOMPARE(index->path(5), QByteArrayView("pax-caf\xc3\xa9"));
        QVERIFY(!index->at(5).has(NotUtf8));
    }

    void nulInPaxPath()
    {
        // A NUL inside a PAX path: whatever libarchive makes of it, the index must not
        // hold a name that reaches past the NUL, and the entry must be flagged or refused.
        const QByteArray tar = Writer()
                                   .pax({{"path", QByteArray("safe\0/../../../etc/shadow", 25)}})
                                   .file("placeholder", "nul")
                                   .finish();
        auto index = read(tar);
        if (!index.ok()) {
            QCOMPARE(index.error().code(), oci::Error::Code::MalformedDocument);
            return;
        }
        QCOMPARE(index->size(), 1);
        QVERIFY(!index->path(0).contains("etc/shadow"));
    }

    void badChecksum()
    {
        Writer writer;
        writer.file("ok", "fine");
        tartest::Header broken = tartest::makeHeader("broken", '0', 0644, 4);
        broken.badChecksum = true;
        writer.header(broken, "data");
        const QByteArray tar = writer.finish();
        const QByteArray blob = tartest::gzip(tar);
        auto index = read(blob);
        QVERIFY(!index.ok());
        QCOMPARE(index.error().code(), oci::Error::Code::MalformedDocument);
        QCOMPARE(index.error().object(), sha256(blob).toString());
        QVERIFY2(index.error().message().contains(sha256(blob).toString()),
                 qPrintable(index.error().message()));
        qInfo("%s", qPrintable(index.error().describe()));
    }

    void truncated_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("gzip") << QStringLiteral("gzip");
        QTest::newRow("zstd") << QStringLiteral("zstd");
        QTest::newRow("tar") << QStringLiteral("tar");
    }

    void truncated()
    {
        QFETCH(QString, kind);
        const QByteArray tar = sampleTar();
        QByteArray blob = kind == u"gzip" ? tartest::gzip(tar)
                        : kind == u"zstd" ? tartest::zstd(tar)
                                          : tar;
        // Cut inside the big file's data.
        blob.truncate(kind == u"tar" ? 3 * 512 + 5000 : blob.size() / 2);
        auto index = read(blob);
        QVERIFY(!index.ok());
        QVERIFY2(index.error().code() == oci::Error::Code::MalformedDocument,
                 qPrintable(index.error().describe()));
        QCOMPARE(index.error().object(), sha256(blob).toString());
        qInfo("%s", qPrintable(index.error().message()));
    }

    void gzipTrailingGarbage()
    {
        const QByteArray blob = tartest::gzip(sampleTar()) + "garbage";
        auto index = read(blob);
        QVERIFY(!index.ok());
        QCOMPARE(index.error().code(), oci::Error::Code::MalformedDocument);
        // Zero padding after the last member is tolerated (gzip(1) does too).
        auto padded = read(tartest::gzip(sampleTar()) + QByteArray(100, '\0'));
        QVERIFY_OK(padded);
    }

    void bomb()
    {
        // 256 MiB of zeros in one file → ~250 KiB of gzip; a 16 MiB cap stops it early.
        const qint64 big = 256 * 1024 * 1024;
        tartest::Header h;
        h.name = "zeros";
        h.size = big;
        QByteArray tar = tartest::ustarHeader(h);
        tar.append(QByteArray(big, '\0'));
        tar.append(QByteArray(1024, '\0'));
        const QByteArray blob = tartest::gzip(tar, 1);
        tar.clear();
        QVERIFY(!blob.isEmpty());
        ReadOptions options;
        options.limits.maxTarBytes = 16 * 1024 * 1024;
        std::atomic<qint64> lastProgress = 0;
        ReadCallbacks callbacks;
        callbacks.progress = [&lastProgress](qint64 done, qint64) { lastProgress = done; };
        QElapsedTimer timer;
        timer.start();
        auto index = read(blob, 16 * 1024, options, callbacks);
        QVERIFY(!index.ok());
        QCOMPARE(index.error().code(), oci::Error::Code::SizeLimitExceeded);
        QVERIFY(lastProgress < blob.size()); // stopped before the end
        qInfo("bomb: %lld compressed bytes → stopped after %lld, %lld ms: %s",
              qint64(blob.size()), lastProgress.load(), qint64(timer.elapsed()),
              qPrintable(index.error().message()));
    }

    void oversizedPaxHeader()
    {
        // A PAX header claiming 16 MiB (CVE-2022-2879 style): refused, not allocated.
        tartest::Header pax = tartest::makeHeader("PaxHeaders/x", 'x', 0644, 16 * 1024 * 1024);
        QByteArray records;
        const QByteArray record = tartest::paxRecord("comment", QByteArray(100, 'a'));
        while (records.size() + record.size() <= pax.size)
            records += record;
        records.append(QByteArray(pax.size - records.size(), '\0'));
        const QByteArray tar = Writer().header(pax, records).file("x", "y").finish();
        auto index = read(tartest::gzip(tar, 1));
        QVERIFY(!index.ok());
        QCOMPARE(index.error().code(), oci::Error::Code::MalformedDocument);
        qInfo("%s", qPrintable(index.error().message()));
    }

    void badTarWhileTheBlobStillArrives()
    {
        // The tar is bad long before the blob ends: the error comes at once, the decoding
        // thread waiting for more bytes is interrupted, nothing hangs.
        tartest::Header broken = tartest::makeHeader("broken", '0', 0644, 4);
        broken.badChecksum = true;
        StallingSource source(tartest::ustarHeader(broken) + QByteArray(1536, 'x'));
        QElapsedTimer timer;
        timer.start();
        auto index = readLayerIndex(source, oci::Digest());
        QVERIFY(!index.ok());
        QCOMPARE(index.error().code(), oci::Error::Code::MalformedDocument);
        QVERIFY(timer.elapsed() < 10000);
    }

    void zstdBombByRatio()
    {
        // 256 MiB of zeros: zstd makes ~10 KB of it (20,000:1 and more). Past the floor the
        // ratio cap stops it, far below the absolute cap.
        const QByteArray blob = tartest::filter(
            QStringLiteral("sh"),
            {QStringLiteral("-c"), QStringLiteral("head -c 268435456 /dev/zero | zstd -c -q")}, {});
        QVERIFY(!blob.isEmpty());
        ReadOptions options;
        options.limits.ratioFloorBytes = 16 * 1024 * 1024;
        auto index = read(blob, 256 * 1024, options);
        QVERIFY(!index.ok());
        QCOMPARE(index.error().code(), oci::Error::Code::SizeLimitExceeded);
        QVERIFY2(index.error().message().contains(u"times its compressed size"),
                 qPrintable(index.error().message()));
        // An honest layer passes with the same limits.
        QVERIFY_OK(read(tartest::zstd(sampleTar()), 4096, options));
    }

    void wrongDigest()
    {
        const QByteArray blob = tartest::gzip(sampleTar());
        MemorySource source(blob);
        auto index = readLayerIndex(source, sha256("something else"));
        QVERIFY(!index.ok());
        QCOMPARE(index.error().code(), oci::Error::Code::DigestMismatch);
        QCOMPARE(index.error().object(), sha256("something else").toString());
    }

    void notATar()
    {
        auto index = read(QByteArray("this is not a tar archive at all").repeated(40));
        QVERIFY(!index.ok());
        QCOMPARE(index.error().code(), oci::Error::Code::MalformedDocument);
    }

    void batchesAndCancel()
    {
        Writer writer;
        for (int i = 0; i < 1000; ++i)
            writer.file("f/" + QByteArray::number(i), QByteArray::number(i));
        const QByteArray blob = tartest::gzip(writer.finish());
        ReadOptions options;
        options.batchEntries = 128;
        options.batchMs = 1000000;
        QList<LayerIndex> batches;
        ReadCallbacks callbacks;
        callbacks.batch = [&batches](const LayerIndex &batch) { batches.append(batch); };
        auto index = read(blob, 4096, options, callbacks);
        QVERIFY_OK(index);
        int total = 0;
        for (const LayerIndex &batch : std::as_const(batches)) {
            QVERIFY(!batch.isComplete());
            for (int i = 0; i < batch.size(); ++i) {
                QCOMPARE(batch.at(i).ordinal, quint32(total));
                QCOMPARE(batch.path(i), index->path(total));
                ++total;
            }
        }
        QCOMPARE(total, 1000);
        QCOMPARE(batches.size(), 8); // 7 × 128 + the rest

        std::atomic<int> calls = 0; // polled from two threads
        callbacks = {};
        callbacks.cancelled = [&calls] { return ++calls > 3; };
        auto cancelled = read(blob, 1024, options, callbacks);
        QVERIFY(!cancelled.ok());
        QCOMPARE(cancelled.error().code(), oci::Error::Code::Cancelled);
    }

    void readOneFile()
    {
        const QByteArray tar = sampleTar();
        const QByteArray blob = tartest::gzip(tar);
        {
            MemorySource source(blob, 4096);
            auto slice = readLayerFile(source, 4, 0, 1000);
            QVERIFY_OK(slice);
            QCOMPARE(slice->fileSize, 70000);
            QCOMPARE(slice->bytes, QByteArray(1000, 'x'));
            QVERIFY(!slice->atEnd());
        }
        {
            MemorySource source(blob, 4096);
            auto slice = readLayerFile(source, 4, 69000, 5000); // "load more" to the end
            QVERIFY_OK(slice);
            QCOMPARE(slice->offset, 69000);
            QCOMPARE(slice->bytes.size(), 1000);
            QVERIFY(slice->atEnd());
        }
        {
            MemorySource source(blob);
            auto slice = readLayerFile(source, 1, 0, 100);
            QVERIFY(slice.ok());
            QCOMPARE(slice->bytes, QByteArray("lading\n"));
        }
        {
            MemorySource source(blob);
            auto notFile = readLayerFile(source, 2, 0, 100);
            QVERIFY(!notFile.ok());
            QCOMPARE(notFile.error().code(), oci::Error::Code::InvalidArgument);
            MemorySource again(blob);
            auto missing = readLayerFile(again, 99, 0, 100);
            QVERIFY(!missing.ok());
            QCOMPARE(missing.error().code(), oci::Error::Code::InvalidArgument);
        }
    }

    void hundredThousandEntries()
    {
        Writer writer;
        for (int d = 0; d < 100; ++d) {
            const QByteArray dir = "usr/share/dir" + QByteArray::number(d) + '/';
            writer.dir(dir);
            for (int f = 0; f < 999; ++f)
                writer.file(dir + "file-" + QByteArray::number(f), QByteArray());
        }
        const QByteArray tar = writer.finish();
        const QByteArray blob = tartest::gzip(tar, 1);
        QElapsedTimer timer;
        timer.start();
        auto index = read(blob, 1024 * 1024);
        const qint64 ms = timer.elapsed();
        QVERIFY_OK(index);
        QCOMPARE(index->size(), 100 * 1000);
        QCOMPARE(index->find("usr/share/dir99/file-998"), 100 * 1000 - 1);
        qInfo("100,000 entries: %lld ms, %lld tar bytes, index ≈ %lld bytes", ms,
              qint64(tar.size()), index->memoryBytes());
    }
};

QTEST_GUILESS_MAIN(TestLayerStream)
#include "tst_layerstream.moc"
