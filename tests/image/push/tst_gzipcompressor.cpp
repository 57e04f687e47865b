// image::GzipCompressor: round trips through gzip, igzip and Lading's own layer reader,
// digests against an independent hash, determinism, errors, and a throughput print.

#include "image/layer/blobdecoder.h"
#include "image/layer/bytesource.h"
#include "image/layer/compression.h"
#include "image/layer/layerstream.h"
#include "image/push/gzipcompressor.h"

#include "../tartestdata.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTest>

#include <optional>

// The rule: in CI a missing tool fails the run, locally it skips with what to install.
#define REQUIRE_TOOL(program, package)                                                       \
    do {                                                                                     \
        if (QStandardPaths::findExecutable(QStringLiteral(program)).isEmpty()) {            \
            const QByteArray lading_missing_ =                                               \
                program " is not installed: install " package;                               \
            if (qEnvironmentVariableIsSet("CI"))                                             \
                QFAIL(lading_missing_.constData());                                          \
            QSKIP(lading_missing_.constData());                                              \
        }                                                                                    \
    } while (false)

namespace {

struct Compressed
{
    QByteArray bytes;
    oci::Digest compressedDigest;
    qint64 compressedSize = 0;
    qint64 inputSize = 0;
    int emptyChunks = 0;
};

// Feeds `input` in chunks whose sizes cycle through `chunkSizes`.
std::optional<Compressed> compressChunked(const QByteArray &input, const QList<qsizetype> &chunkSizes,
                                          int level, QString *error)
{
    image::GzipCompressor gzip(level);
    Compressed result;
    qsizetype position = 0;
    int turn = 0;
    while (position < input.size()) {
        const qsizetype size = qMin(chunkSizes.at(turn++ % chunkSizes.size()), input.size() - position);
        auto out = gzip.compress(QByteArrayView(input).sliced(position, size));
        if (!out) {
            *error = out.error().describe();
            return std::nullopt;
        }
        if (out->isEmpty())
            ++result.emptyChunks;
        result.bytes += *out;
        position += size;
    }
    if (gzip.isFinished()) {
        *error = QStringLiteral("finished before finish()");
        return std::nullopt;
    }
    auto last = gzip.finish();
    if (!last) {
        *error = last.error().describe();
        return std::nullopt;
    }
    result.bytes += *last;
    if (!gzip.isFinished()) {
        *error = QStringLiteral("not finished after finish()");
        return std::nullopt;
    }
    result.compressedDigest = gzip.compressedDigest();
    result.compressedSize = gzip.compressedSize();
    result.inputSize = gzip.inputSize();
    return result;
}

// `program args` with `input` on stdin; its stdout, or nullopt when it failed.
std::optional<QByteArray> runFilter(const QString &program, const QStringList &args,
                                    const QByteArray &input, QString *error)
{
    QProcess process;
    process.start(program, args);
    if (!process.waitForStarted()) {
        *error = program + QStringLiteral(" did not start: ") + process.errorString();
        return std::nullopt;
    }
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(300000)) {
        *error = program + QStringLiteral(" did not finish");
        process.kill();
        process.waitForFinished();
        return std::nullopt;
    }
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        *error = program + QStringLiteral(" failed: ") + QString::fromLocal8Bit(process.readAllStandardError());
        return std::nullopt;
    }
    return process.readAllStandardOutput();
}

QString sha256Hex(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

QByteArray randomBytes(qsizetype size, quint32 seed)
{
    QRandomGenerator generator(seed);
    QByteArray bytes(size, Qt::Uninitialized);
    const qsizetype words = size / qsizetype(sizeof(quint32));
    generator.fillRange(reinterpret_cast<quint32 *>(bytes.data()), words);
    for (qsizetype i = words * qsizetype(sizeof(quint32)); i < size; ++i)
        bytes[i] = char(generator.bounded(256));
    return bytes;
}

// Roughly like a rootfs: runs of words (compressible) mixed with random stretches.
QByteArray semiCompressible(qsizetype size, quint32 seed)
{
    static const char *const words[] = {"usr", "lib", "bin", "share", "x86_64-linux-gnu", "libc.so.6",
                                        "etc", "config", "=", "\n", " ", "/", "ELF", "\0\0\0\0",
                                        "python3", "locale", "doc", "copyright", "GNU", "{", "}"};
    constexpr int wordCount = int(sizeof words / sizeof *words);
    QRandomGenerator generator(seed);
    QByteArray bytes;
    bytes.reserve(size);
    while (bytes.size() < size) {
        if (generator.bounded(10) == 0) {
            const qsizetype run = generator.bounded(16, 512);
            for (qsizetype i = 0; i < run; ++i)
                bytes.append(char(generator.bounded(256)));
        } else {
            const int run = generator.bounded(4, 64);
            for (int i = 0; i < run; ++i) {
                const char *word = words[generator.bounded(wordCount)];
                bytes.append(word, qsizetype(qstrlen(word) ? qstrlen(word) : 4));
            }
        }
    }
    bytes.truncate(size);
    return bytes;
}

QByteArray realTar()
{
    tartest::Writer writer;
    writer.dir("etc/").file("etc/hostname", "lading\n").file("etc/os-release", "ID=debian\nVERSION_ID=12\n");
    writer.dir("usr/").dir("usr/bin/").file("usr/bin/tool", randomBytes(300 * 1024 + 17, 7), 0755);
    writer.symlink("usr/bin/alias", "tool").hardlink("usr/bin/again", "usr/bin/tool");
    writer.file("usr/share/big.txt", semiCompressible(2 * 1024 * 1024 + 3, 11));
    writer.file("empty", QByteArray());
    return writer.finish(10240 - (2 * tartest::Block)); // blocking factor padding, like tar
}

const QList<qsizetype> OddChunks = {1, 7, 4093, 65537, 3, 1048573, 511, 131071};

} // namespace

class TestGzipCompressor : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip_data();
    void roundTrip();
    void tarThroughLayerReader();
    void deterministic();
    void headerHasNoTimeOrName();
    void errors();
    void benchmarkAgainstTools();
};

void TestGzipCompressor::roundTrip_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("level");

    const QByteArray random = randomBytes(10 * 1024 * 1024, 42);
    const QByteArray tar = realTar();
    for (int level = 0; level <= 3; ++level) {
        const QByteArray suffix = " level " + QByteArray::number(level);
        QTest::newRow(QByteArray("empty" + suffix).constData()) << QByteArray() << level;
        QTest::newRow(QByteArray("one byte" + suffix).constData()) << QByteArray("x") << level;
        QTest::newRow(QByteArray("10 MiB random" + suffix).constData()) << random << level;
        QTest::newRow(QByteArray("tar" + suffix).constData()) << tar << level;
    }
    QTest::newRow("zeros level 1") << QByteArray(3 * 1024 * 1024 + 1, '\0') << 1;
}

void TestGzipCompressor::roundTrip()
{
    QFETCH(QByteArray, input);
    QFETCH(int, level);
    REQUIRE_TOOL("gzip", "gzip");
    REQUIRE_TOOL("igzip", "isal");

    QString error;
    const auto compressed = compressChunked(input, OddChunks, level, &error);
    QVERIFY2(compressed, qPrintable(error));
    const QByteArray &gz = compressed->bytes;

    // Digests and sizes against Qt's own SHA-256, not the OpenSSL hasher under test.
    QCOMPARE(compressed->compressedDigest.algorithm(), QStringLiteral("sha256"));
    QCOMPARE(compressed->compressedDigest.encoded(), sha256Hex(gz));
    QCOMPARE(compressed->compressedSize, qint64(gz.size()));
    QCOMPARE(compressed->inputSize, qint64(input.size()));
    QVERIFY(image::detectCompression(gz) == image::Compression::Gzip);

    // gzip -dc also checks CRC-32 and ISIZE, and refuses trailing garbage.
    auto fromGzip = runFilter(QStringLiteral("gzip"), {QStringLiteral("-dc")}, gz, &error);
    QVERIFY2(fromGzip, qPrintable(error));
    QVERIFY2(*fromGzip == input, "gzip -dc gave other bytes");
    auto fromIgzip = runFilter(QStringLiteral("igzip"), {QStringLiteral("-dc")}, gz, &error);
    QVERIFY2(fromIgzip, qPrintable(error));
    QVERIFY2(*fromIgzip == input, "igzip -dc gave other bytes");

    // Lading's own inflater (the layer reader's decoder), fed in odd chunks.
    image::MemorySource source(gz, 4099);
    image::BlobDecoder decoder(source, compressed->compressedDigest, image::ReadLimits(), true, nullptr);
    QByteArray inflated;
    for (;;) {
        auto chunk = decoder.next();
        QVERIFY_OK(chunk);
        if (chunk->isEmpty())
            break;
        inflated += *chunk;
    }
    auto finished = decoder.finish();
    QVERIFY_OK(finished);
    QVERIFY2(inflated == input, "the layer decoder gave other bytes");
    QCOMPARE(decoder.compression(), image::Compression::Gzip);
    QCOMPARE(decoder.digest(), compressed->compressedDigest);
    QCOMPARE(decoder.diffId().encoded(), sha256Hex(input));
}

void TestGzipCompressor::tarThroughLayerReader()
{
    const QByteArray tar = realTar();
    QString error;
    const auto compressed = compressChunked(tar, {1000, 1, 65536 + 5}, 1, &error);
    QVERIFY2(compressed, qPrintable(error));
    QVERIFY(compressed->bytes.size() < tar.size()); // the text file compresses

    image::MemorySource source(compressed->bytes, 777);
    image::ReadOptions options;
    options.computeDiffId = true;
    auto index = image::readLayerIndex(source, compressed->compressedDigest, options);
    QVERIFY_OK(index);
    QVERIFY(index->isComplete());
    QCOMPARE(index->digest(), compressed->compressedDigest);
    QCOMPARE(index->diffId().encoded(), sha256Hex(tar));
    QCOMPARE(index->compression(), image::Compression::Gzip);
    QCOMPARE(index->compressedBytes(), qint64(compressed->bytes.size()));
    QCOMPARE(index->tarBytes(), qint64(tar.size()));
    for (const char *path : {"etc/hostname", "etc/os-release", "usr/bin/tool", "usr/bin/alias",
                             "usr/bin/again", "usr/share/big.txt", "empty"})
        QVERIFY2(index->find(QByteArrayView(path, qstrlen(path))) >= 0, path);
    const int big = index->find("usr/share/big.txt");
    QCOMPARE(index->at(big).size, qint64(2 * 1024 * 1024 + 3));
}

void TestGzipCompressor::deterministic()
{
    const QByteArray input = realTar() + randomBytes(3 * 1024 * 1024 + 5, 3)
                             + semiCompressible(5 * 1024 * 1024, 5);
    for (int level = 0; level <= 3; ++level) {
        QString error;
        const auto first = compressChunked(input, OddChunks, level, &error);
        QVERIFY2(first, qPrintable(error));
        const auto again = compressChunked(input, OddChunks, level, &error);
        QVERIFY2(again, qPrintable(error));
        QVERIFY2(first->bytes == again->bytes, qPrintable(QStringLiteral("level %1 differs").arg(level)));
        QCOMPARE(first->compressedDigest, again->compressedDigest);
        // Chunked as a file read gives them (1 MiB) and all at once: still the same bytes.
        const auto fileLike = compressChunked(input, {1024 * 1024}, level, &error);
        QVERIFY2(fileLike, qPrintable(error));
        const auto whole = compressChunked(input, {input.size()}, level, &error);
        QVERIFY2(whole, qPrintable(error));
        QVERIFY2(fileLike->bytes == first->bytes,
                 qPrintable(QStringLiteral("level %1: 1 MiB chunks differ from odd chunks").arg(level)));
        QVERIFY2(whole->bytes == first->bytes,
                 qPrintable(QStringLiteral("level %1: one chunk differs from odd chunks").arg(level)));
    }
}

void TestGzipCompressor::headerHasNoTimeOrName()
{
    QString error;
    const auto compressed = compressChunked(QByteArray("hello\n"), {6}, 1, &error);
    QVERIFY2(compressed, qPrintable(error));
    const QByteArray &gz = compressed->bytes;
    QVERIFY(gz.size() >= 18);
    QCOMPARE(quint8(gz[0]), quint8(0x1f));
    QCOMPARE(quint8(gz[1]), quint8(0x8b));
    QCOMPARE(quint8(gz[2]), quint8(8));   // deflate
    QCOMPARE(quint8(gz[3]), quint8(0));   // no FNAME, FEXTRA, FCOMMENT, FHCRC
    QCOMPARE(gz.mid(4, 4), QByteArray(4, '\0')); // mtime 0
    // Trailer: CRC-32 and size of the input.
    const auto le32 = [&gz](qsizetype at) {
        return quint32(quint8(gz[at])) | quint32(quint8(gz[at + 1])) << 8
               | quint32(quint8(gz[at + 2])) << 16 | quint32(quint8(gz[at + 3])) << 24;
    };
    QCOMPARE(le32(gz.size() - 4), quint32(6));
    QCOMPARE(le32(gz.size() - 8), quint32(0x363a3020)); // crc32("hello\n")
}

void TestGzipCompressor::errors()
{
    {
        image::GzipCompressor gzip;
        QVERIFY(gzip.compressedDigest().isNull()); // not before finish()
        QVERIFY_OK(gzip.compress("abc"));
        QCOMPARE(gzip.inputSize(), qint64(3));
        QVERIFY_OK(gzip.finish());
        QVERIFY(gzip.isFinished());
        const oci::Digest digest = gzip.compressedDigest();
        const qint64 size = gzip.compressedSize();

        auto late = gzip.compress("more");
        QVERIFY(!late.ok());
        QCOMPARE(late.error().code(), oci::Error::Code::InvalidArgument);
        QVERIFY2(late.error().message().contains(u"finished"), qPrintable(late.error().message()));
        auto twice = gzip.finish();
        QVERIFY(!twice.ok());
        QVERIFY2(twice.error().message().contains(u"finished"), qPrintable(twice.error().message()));
        // The finished stream's results stay as they were.
        QCOMPARE(gzip.compressedDigest(), digest);
        QCOMPARE(gzip.compressedSize(), size);
        QCOMPARE(gzip.inputSize(), qint64(3));
    }
    for (int level : {-1, 4, 9}) {
        image::GzipCompressor gzip(level);
        auto out = gzip.compress("abc");
        QVERIFY(!out.ok());
        QCOMPARE(out.error().code(), oci::Error::Code::InvalidArgument);
        QVERIFY2(out.error().message().contains(QString::number(level)), qPrintable(out.error().message()));
        QVERIFY(!gzip.finish().ok());
        QVERIFY(!gzip.isFinished());
    }
    {
        // Small inputs are buffered: empty outputs are normal, the header comes first.
        image::GzipCompressor gzip;
        auto first = gzip.compress("a");
        QVERIFY_OK(first);
        QCOMPARE(first->size(), qsizetype(10));
        auto second = gzip.compress("b");
        QVERIFY_OK(second);
        QVERIFY(second->isEmpty());
        auto nothing = gzip.compress(QByteArrayView());
        QVERIFY_OK(nothing);
        QVERIFY(nothing->isEmpty());
        auto last = gzip.finish();
        QVERIFY_OK(last);
        QVERIFY(!last->isEmpty());
    }
}

// Not an assertion on speed: prints what the compressor does next to the tools (the tools'
// times include the pipe, ours the hashing of both sides).
void TestGzipCompressor::benchmarkAgainstTools()
{
    REQUIRE_TOOL("gzip", "gzip");
    REQUIRE_TOOL("igzip", "isal");
    const QByteArray input = semiCompressible(64 * 1024 * 1024, 2024);
    const double mebibytes = double(input.size()) / (1024 * 1024);

    QElapsedTimer timer;
    timer.start();
    QString error;
    const auto ours = compressChunked(input, {1024 * 1024}, 1, &error);
    const qint64 oursMs = qMax<qint64>(1, timer.elapsed());
    QVERIFY2(ours, qPrintable(error));

    timer.restart();
    const auto igzip = runFilter(QStringLiteral("igzip"), {QStringLiteral("-1"), QStringLiteral("-c")}, input, &error);
    const qint64 igzipMs = qMax<qint64>(1, timer.elapsed());
    QVERIFY2(igzip, qPrintable(error));

    timer.restart();
    const auto gzip = runFilter(QStringLiteral("gzip"), {QStringLiteral("-1"), QStringLiteral("-c")}, input, &error);
    const qint64 gzipMs = qMax<qint64>(1, timer.elapsed());
    QVERIFY2(gzip, qPrintable(error));

    const auto line = [&](const char *name, qint64 ms, qsizetype size) {
        qInfo("%-22s %7.1f MiB/s  %5.1f%% of %.0f MiB  (%lld ms)", name, mebibytes * 1000.0 / double(ms),
              100.0 * double(size) / double(input.size()), mebibytes, ms);
    };
    line("GzipCompressor level 1", oursMs, ours->bytes.size());
    line("igzip -1 (pipe)", igzipMs, igzip->size());
    line("gzip -1 (pipe)", gzipMs, gzip->size());

    auto back = runFilter(QStringLiteral("igzip"), {QStringLiteral("-dc")}, ours->bytes, &error);
    QVERIFY2(back, qPrintable(error));
    QVERIFY2(*back == input, "the benchmark's output does not decompress to its input");
}

QTEST_GUILESS_MAIN(TestGzipCompressor)
#include "tst_gzipcompressor.moc"
