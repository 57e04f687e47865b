// LocalImageSource on archives written by hand: hostile ones (every refusal names the file
// and the problem, plain and gzip'ed), a gzip bomb against the cap, and the time to open
// and verify a large archive (printed, not asserted).

#include "support/fixtures.h"
#include "support/toolrunner.h"
#include "tartestwriter.h"

#include "image/source/localimagesource.h"
#include "oci/core/digest.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QtTest>

#include <cstring>

using image::LocalImageSource;
using oci::Error;
using namespace tartest;

class TestLocalArchives final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void hostile_data();
    void hostile();
    void gzipCap();
    void legacyLinkedLayers();
    void largeArchiveTiming();

private:
    QString path(const QString &name) const { return m_scratch->path() + u'/' + name; }

    std::unique_ptr<QTemporaryDir> m_scratch;
};

void TestLocalArchives::initTestCase()
{
    m_scratch = testsupport::makeScratchDir(QStringLiteral("lading-localarchives"));
    QVERIFY(m_scratch->isValid());
    if (testsupport::findTool(QStringLiteral("gzip")).isEmpty())
        QSKIP("install gzip");
}

void TestLocalArchives::hostile_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("problem");

    const QByteArray config = R"({"architecture":"amd64","os":"linux","rootfs":{"type":"layers","diff_ids":[]}})";
    auto dockerArchive = [&config](const QByteArray &layerMember, const QByteArray &extra) -> QByteArray {
        const QByteArray manifest = "[{\"Config\":\"config.json\",\"RepoTags\":[\"x:1\"],\"Layers\":[\"" + layerMember + "\"]}]";
        QByteArray withLayer = config;
        withLayer.replace("\"diff_ids\":[]", QByteArray("\"diff_ids\":[\"sha256:" + QByteArray(64, 'a') + "\"]"));
        return tarMember("manifest.json", manifest) + tarMember("config.json", withLayer) + extra + tarEnd();
    };

    QTest::newRow("empty file") << QByteArray() << int(Error::Code::MalformedDocument) << QStringLiteral("empty file");
    QByteArray random(4096, '\0');
    QRandomGenerator(42).fillRange(reinterpret_cast<quint32 *>(random.data()), random.size() / 4);
    random[0] = 'x'; // not a compression magic
    QTest::newRow("random bytes") << random << int(Error::Code::MalformedDocument) << QStringLiteral("not a tar archive");
    QTest::newRow("random tar") << tarMember("hello.txt", "hello\n") + tarEnd() << int(Error::Code::Unsupported)
                                << QStringLiteral("neither oci-layout nor manifest.json");
    QTest::newRow("no end-of-archive") << tarMember("hello.txt", "hello\n") << int(Error::Code::Io)
                                       << QStringLiteral("truncated");
    QTest::newRow("truncated member") << tarMember("manifest.json", QByteArray(2000, ' ')).left(1200)
                                      << int(Error::Code::Io) << QStringLiteral("truncated");
    QTest::newRow("dot-dot member") << tarMember("../evil", "x") + tarEnd() << int(Error::Code::MalformedDocument)
                                    << QStringLiteral("unsafe member name");
    QTest::newRow("dot-dot inside") << tarMember("blobs/../../evil", "x") + tarEnd()
                                    << int(Error::Code::MalformedDocument) << QStringLiteral("unsafe member name");
    QTest::newRow("absolute member") << tarMember("/etc/evil", "x") + tarEnd() << int(Error::Code::MalformedDocument)
                                     << QStringLiteral("unsafe member name");
    QTest::newRow("duplicate member") << tarMember("a", "x") + tarMember("a", "y") + tarEnd()
                                      << int(Error::Code::MalformedDocument) << QStringLiteral("appears twice");
    QTest::newRow("missing layer member") << dockerArchive("nothere.tar", {}) << int(Error::Code::NotFound)
                                          << QStringLiteral("missing member");
    QTest::newRow("symlink out, absolute") << dockerArchive("layer.tar", tarMember("layer.tar", {}, '2', "/etc/passwd"))
                                           << int(Error::Code::MalformedDocument) << QStringLiteral("symlink leaves the archive");
    QTest::newRow("symlink out, dot-dot") << dockerArchive("l/layer.tar", tarMember("l/layer.tar", {}, '2', "../../x.tar"))
                                          << int(Error::Code::MalformedDocument) << QStringLiteral("symlink leaves the archive");
    QTest::newRow("hardlink out") << dockerArchive("layer.tar", tarMember("layer.tar", {}, '1', "../x.tar"))
                                  << int(Error::Code::MalformedDocument) << QStringLiteral("hardlink leaves the archive");
    QTest::newRow("symlink cycle") << dockerArchive("a.tar", tarMember("a.tar", {}, '2', "b.tar") + tarMember("b.tar", {}, '2', "a.tar"))
                                   << int(Error::Code::MalformedDocument) << QStringLiteral("link cycle");
    QTest::newRow("layer is a folder") << dockerArchive("d", tarMember("d", {}, '5'))
                                       << int(Error::Code::MalformedDocument) << QStringLiteral("not a regular file");
    QTest::newRow("config named for another digest")
        << tarMember("manifest.json", "[{\"Config\":\"" + QByteArray(64, 'b') + ".json\",\"Layers\":[]}]")
               + tarMember(QByteArray(64, 'b') + ".json", config) + tarEnd()
        << int(Error::Code::DigestMismatch) << QStringLiteral("hashes to");
    QTest::newRow("manifest.json not JSON") << tarMember("manifest.json", "[{") + tarEnd()
                                            << int(Error::Code::MalformedDocument) << QString();
    QTest::newRow("manifest.json over the cap") << tarMember("manifest.json", QByteArray(5 * 1024 * 1024, ' ')) + tarEnd()
                                                << int(Error::Code::SizeLimitExceeded) << QStringLiteral("cap");
    QTest::newRow("oci-layout of another version")
        << tarMember("oci-layout", R"({"imageLayoutVersion":"2.0.0"})") + tarMember("index.json", "{}") + tarEnd()
        << int(Error::Code::Unsupported) << QStringLiteral("imageLayoutVersion");
    QTest::newRow("xz") << QByteArray("\xfd\x37\x7a\x58\x5a\x00rest", 10) << int(Error::Code::Unsupported)
                        << QStringLiteral("decompress it first");
}

void TestLocalArchives::hostile()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, code);
    QFETCH(QString, problem);
    const QString file = path(QStringLiteral("hostile-%1.tar").arg(QString::fromUtf8(QTest::currentDataTag())).replace(u' ', u'-'));
    QVERIFY(writeFile(file, bytes));
    auto source = LocalImageSource::open(file);
    QVERIFY(!source.ok());
    const Error &error = source.error();
    QVERIFY2(error.object().startsWith(file), qPrintable(error.describe())); // names the file
    QVERIFY2(error.message().contains(problem), qPrintable(error.describe()));
    QCOMPARE(int(error.code()), code);

    // Gzip'ed, the same problems are found (and a cut gzip stream is truncated).
    if (!bytes.isEmpty() && bytes.at(0) != '\xfd') {
        const auto gz = testsupport::runTool(QStringLiteral("gzip"), {QStringLiteral("-c")}, 60000, {}, bytes);
        QVERIFY(gz.ok());
        QVERIFY(writeFile(file + u".gz", gz.standardOutput));
        auto gzSource = LocalImageSource::open(file + u".gz");
        QVERIFY(!gzSource.ok());
        QVERIFY2(gzSource.error().message().contains(problem), qPrintable(gzSource.error().describe()));
    }
}

void TestLocalArchives::legacyLinkedLayers()
{
    // Docker <= 24 and skopeo write `<id>/layer.tar` as links to the real layer member: they
    // are followed inside the archive (symlink relative to its folder, hardlink from the root).
    const QByteArray layer = tarMember("etc/hello", "hello\n") + tarEnd();
    const oci::Digest diffId = oci::Digest::sha256Of(layer);
    const QByteArray hex = diffId.encoded().toUtf8();
    const QByteArray config = R"({"architecture":"amd64","os":"linux","rootfs":{"type":"layers","diff_ids":[")"
                              + diffId.toString().toUtf8() + R"(",")" + diffId.toString().toUtf8() + "\"]}}";
    const QByteArray manifest = R"([{"Config":"config.json","RepoTags":["linked:1"],"Layers":["a/layer.tar","b/layer.tar"]}])";
    const QByteArray tar = tarMember("manifest.json", manifest) + tarMember("config.json", config)
                           + tarMember(hex + ".tar", layer) + tarMember("a/layer.tar", {}, '2', "../" + hex + ".tar")
                           + tarMember("b/layer.tar", {}, '1', hex + ".tar") + tarEnd();
    QVERIFY(writeFile(path(QStringLiteral("linked.tar")), tar));
    auto source = LocalImageSource::open(path(QStringLiteral("linked.tar")));
    QVERIFY_RESULT(source);
    const LocalImageSource &s = **source;
    QCOMPARE(s.images().size(), 1);
    QCOMPARE(s.images().first().names, QStringList{QStringLiteral("linked:1")});
    QCOMPARE(s.images().first().manifest.manifest().layers.size(), 2);
    QCOMPARE(s.blobs().size(), 2); // the config and the one layer
    QCOMPARE(s.blobSize(diffId), layer.size());
    const auto range = s.blobFileRange(diffId);
    QVERIFY(range.has_value());
    QCOMPARE(tar.mid(range->offset, range->size), layer);
    QVERIFY_RESULT(s.verifyBlobs());
}

void TestLocalArchives::gzipCap()
{
    // A decompressed-size cap stops a gzip bomb.
    QByteArray zeros = tarMember("manifest.json", QByteArray(3 * 1024 * 1024, ' ')) + tarEnd();
    const auto gz = testsupport::runTool(QStringLiteral("gzip"), {QStringLiteral("-c")}, 60000, {}, zeros);
    QVERIFY(gz.ok());
    QVERIFY(gz.standardOutput.size() < 64 * 1024);
    QVERIFY(writeFile(path(QStringLiteral("bomb.tar.gz")), gz.standardOutput));
    image::LocalSourceOptions options;
    options.maxTarBytes = 1024 * 1024;
    auto source = LocalImageSource::open(path(QStringLiteral("bomb.tar.gz")), options);
    QVERIFY(!source.ok());
    QCOMPARE(source.error().code(), Error::Code::SizeLimitExceeded);
}

void TestLocalArchives::largeArchiveTiming()
{
    // A docker-archive with one 192 MiB layer of random bytes: open and verify, printed.
    const qint64 layerBytes = 192ll * 1024 * 1024;
    const QString file = path(QStringLiteral("large.tar"));
    QFile out(file);
    QVERIFY(out.open(QIODevice::WriteOnly));
    // The layer is itself a tar of one file; it is written straight into the archive.
    const qint64 layerTarSize = 512 + layerBytes + 1024;
    oci::DigestHasher hasher;
    const QByteArray layerHeader = tarHeader("random.bin", layerBytes);
    const QByteArray outer = tarHeader("layer.tar", layerTarSize);
    out.write(outer);
    out.write(layerHeader);
    hasher.addData(layerHeader);
    QByteArray chunk(4 * 1024 * 1024, Qt::Uninitialized);
    auto *random = QRandomGenerator::global();
    for (qint64 done = 0; done < layerBytes; done += chunk.size()) {
        // Half random, half zeros: compressible enough for gzip to matter.
        random->fillRange(reinterpret_cast<quint32 *>(chunk.data()), chunk.size() / 8);
        std::memset(chunk.data() + chunk.size() / 2, 0, size_t(chunk.size() / 2));
        out.write(chunk);
        hasher.addData(chunk);
    }
    out.write(QByteArray(1024, '\0'));
    hasher.addData(QByteArray(1024, '\0'));
    const oci::Digest diffId = hasher.finish();
    const QByteArray config = R"({"architecture":"amd64","os":"linux","rootfs":{"type":"layers","diff_ids":[")"
                              + diffId.toString().toUtf8() + "\"]}}";
    const QByteArray manifest = R"([{"Config":"config.json","RepoTags":["large:1"],"Layers":["layer.tar"]}])";
    out.write(tarMember("config.json", config) + tarMember("manifest.json", manifest) + tarEnd());
    out.close();

    QElapsedTimer timer;
    timer.start();
    auto source = LocalImageSource::open(file);
    const qint64 openMs = timer.elapsed();
    QVERIFY_RESULT(source);
    timer.restart();
    QVERIFY_RESULT((*source)->verifyBlobs());
    const qint64 verifyMs = timer.elapsed();

    const auto gz = testsupport::runTool(QStringLiteral("sh"), {QStringLiteral("-c"), u"gzip -1 -c '" + file + u"' > '" + file + u".gz'"}, 300000);
    QVERIFY(gz.ok());
    timer.restart();
    auto gzSource = LocalImageSource::open(file + u".gz");
    const qint64 gzOpenMs = timer.elapsed();
    QVERIFY_RESULT(gzSource);
    timer.restart();
    QVERIFY_RESULT((*gzSource)->verifyBlobs());
    const qint64 gzVerifyMs = timer.elapsed();
    qInfo("large docker-archive (%lld MiB): open %lld ms, verifyBlobs %lld ms; gzip -1'ed (%lld MiB): open %lld ms "
          "(one inflating pass), verifyBlobs %lld ms (gzip -d to /dev/null took %lld ms)",
          QFileInfo(file).size() >> 20, openMs, verifyMs, QFileInfo(file + u".gz").size() >> 20, gzOpenMs, gzVerifyMs,
          testsupport::runTool(QStringLiteral("sh"), {QStringLiteral("-c"), u"gzip -dc '" + file + u".gz' > /dev/null"}).elapsedMs);
    QFile::remove(file);
    QFile::remove(file + u".gz");
}

QTEST_GUILESS_MAIN(TestLocalArchives)
#include "tst_localarchives.moc"
