#include "oci/transport/retryafter.h"

#include <QTest>
#include <QTimeZone>

using oci::parseRetryAfter;

class TestRetryAfter final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
    void customClamp();
};

void TestRetryAfter::parse_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<int>("expected");
    // now = Sun, 06 Nov 1994 08:49:37 GMT
    QTest::newRow("seconds") << QByteArray("3") << 3;
    QTest::newRow("zero") << QByteArray("0") << 0;
    QTest::newRow("spaces around") << QByteArray("  120 ") << 120;
    QTest::newRow("clamped") << QByteArray("3600") << 900;
    QTest::newRow("exactly max") << QByteArray("900") << 900;
    QTest::newRow("huge number") << QByteArray("99999999999999999999999999") << 900;
    QTest::newRow("leading zeros") << QByteArray("007") << 7;
    QTest::newRow("IMF-fixdate +10s") << QByteArray("Sun, 06 Nov 1994 08:49:47 GMT") << 10;
    QTest::newRow("IMF-fixdate past") << QByteArray("Sun, 06 Nov 1994 08:00:00 GMT") << 0;
    QTest::newRow("IMF-fixdate far future") << QByteArray("Mon, 07 Nov 1994 08:49:37 GMT") << 900;
    QTest::newRow("IMF-fixdate lower-case month") << QByteArray("Sun, 06 nov 1994 08:50:37 GMT") << 60;
    QTest::newRow("RFC 850") << QByteArray("Sunday, 06-Nov-94 08:50:07 GMT") << 30;
    QTest::newRow("asctime") << QByteArray("Sun Nov  6 08:49:42 1994") << 5;
    QTest::newRow("empty") << QByteArray() << -1;
    QTest::newRow("blank") << QByteArray("   ") << -1;
    QTest::newRow("negative") << QByteArray("-5") << -1;
    QTest::newRow("fraction") << QByteArray("1.5") << -1;
    QTest::newRow("words") << QByteArray("soon") << -1;
    QTest::newRow("number and junk") << QByteArray("10s") << -1;
    QTest::newRow("date without GMT") << QByteArray("Sun, 06 Nov 1994 08:49:47 +0000") << -1;
    QTest::newRow("bad month") << QByteArray("Sun, 06 Foo 1994 08:49:47 GMT") << -1;
    QTest::newRow("bad day") << QByteArray("Sun, 31 Feb 1994 08:49:47 GMT") << -1;
    QTest::newRow("bad time") << QByteArray("Sun, 06 Nov 1994 25:49:47 GMT") << -1;
    QTest::newRow("ISO date") << QByteArray("1994-11-06T08:49:47Z") << -1;
}

void TestRetryAfter::parse()
{
    QFETCH(QByteArray, value);
    QFETCH(int, expected);
    const QDateTime now(QDate(1994, 11, 6), QTime(8, 49, 37), QTimeZone::utc());
    QCOMPARE(parseRetryAfter(value, now), expected);
}

void TestRetryAfter::customClamp()
{
    const QDateTime now(QDate(2024, 1, 1), QTime(0, 0), QTimeZone::utc());
    QCOMPARE(parseRetryAfter("30", now, 10), 10);
    QCOMPARE(parseRetryAfter("30", now, 0), 0);
    QCOMPARE(parseRetryAfter("30", now, -5), 0);
    QCOMPARE(parseRetryAfter("Mon, 01 Jan 2024 00:00:20 GMT", now, 60), 20);
    // A local-time `now` is compared correctly with the UTC date.
    const QDateTime local = now.toTimeZone(QTimeZone(3600));
    QCOMPARE(parseRetryAfter("Mon, 01 Jan 2024 00:00:20 GMT", local, 60), 20);
    QCOMPARE(parseRetryAfter("Mon, 01 Jan 2024 00:00:20 GMT", QDateTime(), 60), -1);
}

QTEST_GUILESS_MAIN(TestRetryAfter)
#include "tst_retryafter.moc"
