#include "hexview.h"

#include <QElapsedTimer>
#include <QScrollBar>
#include <QTest>

class TestHexView final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rows()
    {
        HexView view;
        view.setData(QByteArray("hello, world!\n\x00\x01\xff", 17), 0x100);
        QCOMPARE(view.rowCount(), 2);
        QCOMPARE(view.rowText(0),
                 QStringLiteral("00000100  68 65 6c 6c 6f 2c 20 77  6f 72 6c 64 21 0a 00 01  "
                                "hello, world!..."));
        QCOMPARE(view.rowText(1), QString(QStringLiteral("00000110  ff") + QString(46, u' ') +
                                          QStringLiteral("  .")));
        QCOMPARE(view.rowText(2), QString());
        QCOMPARE(view.rowText(-1), QString());
    }

    void manyMebibytes()
    {
        QByteArray bytes(5 * 1024 * 1024 + 3, Qt::Uninitialized);
        for (qsizetype i = 0; i < bytes.size(); ++i)
            bytes[i] = char(i & 0xff);
        HexView view;
        view.resize(700, 400);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QElapsedTimer timer;
        timer.start();
        view.setData(bytes);
        QCOMPARE(view.rowCount(), (bytes.size() + 15) / 16);
        // The row at 4 MiB shows the bytes that are there.
        const qint64 row = 4 * 1024 * 1024 / 16;
        QVERIFY(view.rowText(row).startsWith(u"00400000  00 01 02 03"));
        QCOMPARE(view.rowText(view.rowCount() - 1),
                 QString(QStringLiteral("00500000  00 01 02") + QString(13 * 3 + 1, u' ') +
                         QStringLiteral("  ...")));
        view.scrollToOffset(4 * 1024 * 1024);
        QCOMPARE(view.firstVisibleRow(), row);
        QVERIFY(view.verticalScrollBar()->maximum() > 300000);
        // Painting only the visible rows keeps a full repaint cheap.
        const QImage shot = view.grab().toImage();
        QVERIFY(!shot.isNull());
        qInfo("setData + scroll + paint of 5 MiB: %lld ms", timer.elapsed());
        QVERIFY(timer.elapsed() < 2000);
    }

    void appendAddsRows()
    {
        HexView view;
        view.setData(QByteArray(32, 'a'));
        QCOMPARE(view.rowCount(), 2);
        view.appendData(QByteArray(17, 'b'));
        QCOMPARE(view.rowCount(), 4);
        QVERIFY(view.rowText(2).endsWith(u"bbbbbbbbbbbbbbbb"));
        QVERIFY(view.rowText(3).startsWith(u"00000030  62 "));
    }
};

QTEST_MAIN(TestHexView)
#include "tst_hexview.moc"
