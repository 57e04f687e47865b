#include "oci/auth/tokenresponse.h"

#include <QTest>
#include <QTimeZone>

using oci::Error;
using oci::parseTokenResponse;

class TestTokenResponse final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void dockerToken();
    void onlyAccessToken();
    void bothFieldsTokenWins();
    void emptyTokenFallsBackToAccessToken();
    void expiresIn_data();
    void expiresIn();
    void issuedAt_data();
    void issuedAt();
    void sizeCap();
    void malformed_data();
    void malformed();
};

void TestTokenResponse::dockerToken()
{
    const auto r = parseTokenResponse(
        R"({"token":"abc.def.ghi","expires_in":300,"issued_at":"2024-05-01T10:00:00Z","refresh_token":"rt"})");
    QVERIFY(r.ok());
    QCOMPARE(r->token, QStringLiteral("abc.def.ghi"));
    QCOMPARE(r->expiresInSeconds, 300);
    QCOMPARE(r->refreshToken, QStringLiteral("rt"));
    QCOMPARE(r->issuedAt, QDateTime(QDate(2024, 5, 1), QTime(10, 0), QTimeZone::utc()));
}

void TestTokenResponse::onlyAccessToken()
{
    const auto r = parseTokenResponse(R"({"access_token":"oauth","scope":"repository:a:pull","expires_in":3600})");
    QVERIFY(r.ok());
    QCOMPARE(r->token, QStringLiteral("oauth"));
    QCOMPARE(r->expiresInSeconds, 3600);
    QVERIFY(r->refreshToken.isEmpty());
    QVERIFY(!r->issuedAt.isValid());
}

void TestTokenResponse::bothFieldsTokenWins()
{
    const auto r = parseTokenResponse(R"({"token":"T","access_token":"A"})");
    QVERIFY(r.ok());
    QCOMPARE(r->token, QStringLiteral("T"));
}

void TestTokenResponse::emptyTokenFallsBackToAccessToken()
{
    const auto r = parseTokenResponse(R"({"token":"","access_token":"A"})");
    QVERIFY(r.ok());
    QCOMPARE(r->token, QStringLiteral("A"));
}

void TestTokenResponse::expiresIn_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("expected");
    QTest::newRow("absent") << QByteArray(R"({"token":"t"})") << 60;
    QTest::newRow("zero") << QByteArray(R"({"token":"t","expires_in":0})") << 60;
    QTest::newRow("negative") << QByteArray(R"({"token":"t","expires_in":-100})") << 60;
    QTest::newRow("below minimum") << QByteArray(R"({"token":"t","expires_in":30})") << 60;
    QTest::newRow("61") << QByteArray(R"({"token":"t","expires_in":61})") << 61;
    QTest::newRow("fraction") << QByteArray(R"({"token":"t","expires_in":120.9})") << 120;
    QTest::newRow("huge") << QByteArray(R"({"token":"t","expires_in":1e300})") << 86400;
    QTest::newRow("int overflow") << QByteArray(R"({"token":"t","expires_in":4294967296})") << 86400;
    QTest::newRow("string") << QByteArray(R"({"token":"t","expires_in":"300"})") << 60;
    QTest::newRow("null") << QByteArray(R"({"token":"t","expires_in":null})") << 60;
}

void TestTokenResponse::expiresIn()
{
    QFETCH(QByteArray, body);
    QFETCH(int, expected);
    const auto r = parseTokenResponse(body);
    QVERIFY(r.ok());
    QCOMPARE(r->expiresInSeconds, expected);
}

void TestTokenResponse::issuedAt_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QDateTime>("expected");
    const QDateTime base(QDate(2024, 5, 1), QTime(10, 0, 0), QTimeZone::utc());
    QTest::newRow("Z") << QByteArray(R"("2024-05-01T10:00:00Z")") << base;
    QTest::newRow("offset") << QByteArray(R"("2024-05-01T12:00:00+02:00")") << base;
    QTest::newRow("millis") << QByteArray(R"("2024-05-01T10:00:00.250Z")") << base.addMSecs(250);
    QTest::newRow("nanos") << QByteArray(R"("2024-05-01T10:00:00.123456789Z")") << base.addMSecs(123);
    QTest::newRow("future") << QByteArray(R"("2999-01-01T00:00:00Z")")
                            << QDateTime(QDate(2999, 1, 1), QTime(0, 0), QTimeZone::utc());
    QTest::newRow("garbage") << QByteArray(R"("yesterday")") << QDateTime();
    QTest::newRow("bad month") << QByteArray(R"("2024-13-01T10:00:00Z")") << QDateTime();
    QTest::newRow("number") << QByteArray("1714557600") << QDateTime();
    QTest::newRow("empty") << QByteArray(R"("")") << QDateTime();
}

void TestTokenResponse::issuedAt()
{
    QFETCH(QByteArray, value);
    QFETCH(QDateTime, expected);
    const QByteArray body = R"({"token":"t","issued_at":)" + value + "}";
    const auto r = parseTokenResponse(body);
    QVERIFY(r.ok());
    QCOMPARE(r->issuedAt.isValid(), expected.isValid());
    if (expected.isValid()) {
        QCOMPARE(r->issuedAt, expected);
        QCOMPARE(r->issuedAt.timeSpec(), Qt::UTC);
    }
}

void TestTokenResponse::sizeCap()
{
    const QByteArray prefix = R"({"token":"t","pad":")";
    const QByteArray suffix = R"("})";
    const QByteArray exact = prefix + QByteArray(64 * 1024 - prefix.size() - suffix.size(), 'x') + suffix;
    QCOMPARE(exact.size(), 64 * 1024);
    QVERIFY(parseTokenResponse(exact).ok());
    const QByteArray over = prefix + QByteArray(64 * 1024, 'x') + suffix;
    const auto r = parseTokenResponse(over);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code(), Error::Code::SizeLimitExceeded);
    const auto huge = parseTokenResponse(QByteArray(10 * 1024 * 1024, ' '));
    QCOMPARE(huge.error().code(), Error::Code::SizeLimitExceeded);
}

void TestTokenResponse::malformed_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("empty body") << QByteArray();
    QTest::newRow("html") << QByteArray("<html><body>Bad gateway</body></html>");
    QTest::newRow("truncated") << QByteArray(R"({"token":"abc")");
    QTest::newRow("array") << QByteArray(R"(["token"])");
    QTest::newRow("string") << QByteArray(R"("token")");
    QTest::newRow("no token") << QByteArray(R"({"expires_in":300})");
    QTest::newRow("empty token") << QByteArray(R"({"token":""})");
    QTest::newRow("both empty") << QByteArray(R"({"token":"","access_token":""})");
    QTest::newRow("token number") << QByteArray(R"({"token":12345})");
    QTest::newRow("token null") << QByteArray(R"({"token":null})");
    QTest::newRow("trailing garbage") << QByteArray(R"({"token":"t"} x)");
}

void TestTokenResponse::malformed()
{
    QFETCH(QByteArray, body);
    const auto r = parseTokenResponse(body);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code(), Error::Code::MalformedDocument);
    QVERIFY(r.error().message().startsWith(u"token response"));
}

QTEST_GUILESS_MAIN(TestTokenResponse)
#include "tst_tokenresponse.moc"
