#include "image/fs/wastereport.h"
#include "image/layer/compression.h"
#include "image/layer/layerstream.h"
#include "image/layer/pathclean.h"
#include "image/reader/layercache.h"
#include "image/reader/layerreader.h"

#include <QTest>

using namespace image;

class TestPathClean final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void clean_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<QByteArray>("clean");
        QTest::addColumn<int>("findings");
        QTest::newRow("plain") << QByteArray("usr/bin/env") << QByteArray("usr/bin/env") << 0;
        QTest::newRow("dot-slash") << QByteArray("./etc/") << QByteArray("etc") << 0;
        QTest::newRow("root-dot") << QByteArray(".") << QByteArray() << 0;
        QTest::newRow("root-dot-slash") << QByteArray("./") << QByteArray() << 0;
        QTest::newRow("absolute") << QByteArray("/etc//passwd") << QByteArray("etc/passwd")
                                  << int(PathAbsolute);
        QTest::newRow("dots inside") << QByteArray("a/./b/../c") << QByteArray("a/c") << 0;
        QTest::newRow("up to root") << QByteArray("a/..") << QByteArray() << 0;
        QTest::newRow("escape") << QByteArray("../etc/passwd") << QByteArray("../etc/passwd")
                                << int(PathEscapes);
        QTest::newRow("escape twice") << QByteArray("a/../../../x") << QByteArray("../../x")
                                      << int(PathEscapes);
        QTest::newRow("escape then pop") << QByteArray("../a/../b") << QByteArray("../b")
                                         << int(PathEscapes);
        QTest::newRow("absolute escape") << QByteArray("/../x") << QByteArray("../x")
                                         << int(PathAbsolute | PathEscapes);
        QTest::newRow("nul") << QByteArray("a/b\0/../../c", 12) << QByteArray("a/b")
                             << int(PathHadNul);
        QTest::newRow("latin1") << QByteArray("caf\xe9") << QByteArray("caf\xe9")
                                << int(PathNotUtf8);
        QTest::newRow("utf8") << QByteArray("caf\xc3\xa9") << QByteArray("caf\xc3\xa9") << 0;
        QTest::newRow("overlong") << QByteArray("\xc0\xaf") << QByteArray("\xc0\xaf")
                                  << int(PathNotUtf8);
        QTest::newRow("wh dot dot") << QByteArray("..a/b..") << QByteArray("..a/b..") << 0;
    }

    void clean()
    {
        QFETCH(QByteArray, raw);
        QFETCH(QByteArray, clean);
        QFETCH(int, findings);
        quint8 got = 0;
        QCOMPARE(cleanLayerPath(raw, &got), clean);
        QCOMPARE(int(got), findings);
        // Appending keeps what was there.
        QByteArray out("prefix|");
        cleanLayerPath(raw, out);
        QCOMPARE(out, QByteArray("prefix|") + clean);
    }

    void display()
    {
        QCOMPARE(displayPath("caf\xc3\xa9"), QStringLiteral("café"));
        QCOMPARE(displayPath("caf\xe9/x"), QStringLiteral("caf\\xe9/x"));
        QCOMPARE(displayPath("a\nb\\c"), QStringLiteral("a\\x0ab\\\\c"));
        // Plain ASCII is taken whole; whatever needs escaping may come after such a prefix.
        QCOMPARE(displayPath("usr/share/doc/x y~"), QStringLiteral("usr/share/doc/x y~"));
        QCOMPARE(displayPath(""), QString());
        QCOMPARE(displayPath("usr/bin\\x"), QStringLiteral("usr/bin\\\\x"));
        QCOMPARE(displayPath("etc/a\x7f"), QStringLiteral("etc/a\\x7f"));
        QCOMPARE(displayPath("etc/\xc3\xa9t\xc3\xa9\x01"),
                 QStringLiteral("etc/\u00e9t\u00e9\\x01"));
        QCOMPARE(parentPath("a/b/c"), QByteArrayView("a/b"));
        QCOMPARE(parentPath("a"), QByteArrayView());
        QCOMPARE(baseName("a/b/c"), QByteArrayView("c"));
    }

    void compression()
    {
        QCOMPARE(detectCompression(QByteArray::fromHex("1f8b0800")), Compression::Gzip);
        QCOMPARE(detectCompression(QByteArray::fromHex("28b52ffd")), Compression::Zstd);
        QCOMPARE(detectCompression(QByteArray::fromHex("502a4d18")), Compression::Zstd);
        QCOMPARE(detectCompression(QByteArray::fromHex("1f8b")), Compression::None);
        QCOMPARE(detectCompression(QByteArray("usr/")), Compression::None);
        QCOMPARE(compressionName(Compression::Gzip), QStringLiteral("gzip"));
        QCOMPARE(entryTypeLetter(EntryType::Symlink), 'l');
        QCOMPARE(entryTypeLetter(EntryType::Whiteout), 'w');
    }
};

QTEST_GUILESS_MAIN(TestPathClean)
#include "tst_pathclean.moc"
