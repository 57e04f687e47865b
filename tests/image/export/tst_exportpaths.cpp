#include "image/export/exportpaths.h"

#include <QTest>

class TestExportPaths final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void memberPaths_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QByteArray>("expected"); // empty: refused
        QTest::newRow("plain") << QByteArray("etc/passwd") << QByteArray("etc/passwd");
        QTest::newRow("absolute") << QByteArray("/etc/passwd") << QByteArray("etc/passwd");
        QTest::newRow("dot slash") << QByteArray("./a/./b//c/") << QByteArray("a/b/c");
        QTest::newRow("inner dotdot") << QByteArray("a/b/../c") << QByteArray("a/c");
        QTest::newRow("leading dotdot") << QByteArray("../x") << QByteArray();
        QTest::newRow("climbing") << QByteArray("a/../../x") << QByteArray();
        QTest::newRow("nul") << QByteArray("a\0/../../b", 10) << QByteArray();
        QTest::newRow("root") << QByteArray("/") << QByteArray();
        QTest::newRow("empty") << QByteArray() << QByteArray();
        QTest::newRow("not utf8") << QByteArray("caf\xe9") << QByteArray("caf\xe9");
    }
    void memberPaths()
    {
        QFETCH(QByteArray, input);
        QFETCH(QByteArray, expected);
        const auto out = image::safeMemberPath(input);
        if (expected.isEmpty()) {
            QVERIFY2(!out, out ? out->constData() : "");
        } else {
            QVERIFY(out);
            QCOMPARE(*out, expected);
        }
    }

    void fileNames_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << QByteArray("passwd") << QStringLiteral("passwd");
        QTest::newRow("path") << QByteArray("etc/passwd") << QStringLiteral("passwd");
        QTest::newRow("dotdot") << QByteArray("..") << QStringLiteral("unnamed");
        QTest::newRow("climb") << QByteArray("../../evil") << QStringLiteral("evil");
        QTest::newRow("dot") << QByteArray(".") << QStringLiteral("unnamed");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("unnamed");
        QTest::newRow("trailing slash") << QByteArray("dir/") << QStringLiteral("unnamed");
        QTest::newRow("nul") << QByteArray("ok\0/../evil", 11) << QStringLiteral("ok");
        QTest::newRow("control") << QByteArray("a\nb\x1b") << QStringLiteral("a_b_");
        QTest::newRow("backslash") << QByteArray("..\\..\\x") << QStringLiteral(".._.._x");
        QTest::newRow("hidden") << QByteArray(".bashrc") << QStringLiteral(".bashrc");
        QTest::newRow("not utf8") << QByteArray("caf\xe9") << QStringLiteral("caf\uFFFD");
    }
    void fileNames()
    {
        QFETCH(QByteArray, input);
        QFETCH(QString, expected);
        const QString name = image::safeFileName(input);
        QCOMPARE(name, expected);
        QVERIFY(image::isPlainFileName(name));
    }

    void longNamesAreCut()
    {
        const QString name = image::safeFileName(QByteArray(QByteArray(300, 'x') + "\xc3\xa9"));
        QVERIFY(name.toUtf8().size() <= 255);
        QVERIFY(name.startsWith(u"xxx"));
        const QString accents = image::safeFileName(QString(200, QChar(0xe9)).toUtf8());
        QVERIFY(accents.toUtf8().size() <= 255);
        QCOMPARE(accents, QString(127, QChar(0xe9)));
    }

    void plainNames()
    {
        QVERIFY(image::isPlainFileName(QStringLiteral("a.tar")));
        QVERIFY(!image::isPlainFileName(QStringLiteral("../a.tar")));
        QVERIFY(!image::isPlainFileName(QStringLiteral("/tmp/a")));
        QVERIFY(!image::isPlainFileName(QStringLiteral("..")));
        QVERIFY(!image::isPlainFileName(QString()));
        QVERIFY(!image::isPlainFileName(QStringLiteral("a") + QChar(0) + QStringLiteral("b")));
    }
};

QTEST_GUILESS_MAIN(TestExportPaths)
#include "tst_exportpaths.moc"
