#include "oci/transport/registryerrorbody.h"

#include <QTest>

using oci::parseRegistryErrorBody;

class TestRegistryErrorBody final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void distributionError();
    void severalEntries();
    void lowerCaseCodes();
    void detailKinds();
    void missingCodeIsUnknown();
    void notErrors_data();
    void notErrors();
    void sizeCap();
};

void TestRegistryErrorBody::distributionError()
{
    const auto list = parseRegistryErrorBody(
        R"({"errors":[{"code":"MANIFEST_UNKNOWN","message":"manifest unknown","detail":{"Tag":"nope"}}]})"
        "\n");
    QCOMPARE(list.size(), 1);
    QCOMPARE(list[0].code, QStringLiteral("MANIFEST_UNKNOWN"));
    QCOMPARE(list[0].message, QStringLiteral("manifest unknown"));
    QCOMPARE(list[0].detail, QStringLiteral(R"({"Tag":"nope"})"));
}

void TestRegistryErrorBody::severalEntries()
{
    const auto list = parseRegistryErrorBody(
        R"({"errors":[{"code":"UNAUTHORIZED","message":"authentication required","detail":[{"Type":"repository","Name":"a","Action":"pull"}]},)"
        R"({"code":"DENIED","message":"no"}, 5, "x", null]})");
    QCOMPARE(list.size(), 2);
    QCOMPARE(list[0].code, QStringLiteral("UNAUTHORIZED"));
    QCOMPARE(list[0].detail, QStringLiteral(R"([{"Action":"pull","Name":"a","Type":"repository"}])"));
    QCOMPARE(list[1].code, QStringLiteral("DENIED"));
    QVERIFY(list[1].detail.isEmpty());
}

void TestRegistryErrorBody::lowerCaseCodes()
{
    const auto list = parseRegistryErrorBody(R"({"errors":[{"code":"name_unknown","message":"m"},{"code":" toomanyrequests "}]})");
    QCOMPARE(list.size(), 2);
    QCOMPARE(list[0].code, QStringLiteral("NAME_UNKNOWN"));
    QCOMPARE(list[1].code, QStringLiteral("TOOMANYREQUESTS"));
    QVERIFY(list[1].message.isEmpty());
}

void TestRegistryErrorBody::detailKinds()
{
    const auto list = parseRegistryErrorBody(
        R"({"errors":[{"code":"A","detail":"plain text"},{"code":"B","detail":42},{"code":"C","detail":true},{"code":"D","detail":null}]})");
    QCOMPARE(list.size(), 4);
    QCOMPARE(list[0].detail, QStringLiteral("plain text"));
    QCOMPARE(list[1].detail, QStringLiteral("42"));
    QCOMPARE(list[2].detail, QStringLiteral("true"));
    QVERIFY(list[3].detail.isEmpty());
}

void TestRegistryErrorBody::missingCodeIsUnknown()
{
    const auto list = parseRegistryErrorBody(R"({"errors":[{"message":"something"},{"code":7,"message":"numeric code"},{}]})");
    QCOMPARE(list.size(), 2);
    QCOMPARE(list[0].code, QStringLiteral("UNKNOWN"));
    QCOMPARE(list[0].message, QStringLiteral("something"));
    QCOMPARE(list[1].code, QStringLiteral("UNKNOWN"));
}

void TestRegistryErrorBody::notErrors_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("html") << QByteArray("<html><head><title>502 Bad Gateway</title></head></html>");
    QTest::newRow("plain") << QByteArray("404 page not found\n");
    QTest::newRow("errors null") << QByteArray(R"({"errors":null})");
    QTest::newRow("errors object") << QByteArray(R"({"errors":{"code":"X"}})");
    QTest::newRow("errors empty") << QByteArray(R"({"errors":[]})");
    QTest::newRow("other json") << QByteArray(R"({"error":"x","message":"y"})");
    QTest::newRow("json array") << QByteArray(R"([{"code":"X"}])");
    QTest::newRow("truncated json") << QByteArray(R"({"errors":[{"code":"X")");
    QTest::newRow("binary") << QByteArray("\x1f\x8b\x08\x00\xff\xff", 6);
}

void TestRegistryErrorBody::notErrors()
{
    QFETCH(QByteArray, body);
    QVERIFY(parseRegistryErrorBody(body).isEmpty());
}

void TestRegistryErrorBody::sizeCap()
{
    const QByteArray entry = R"({"code":"X","message":"m"})";
    QByteArray small = R"({"errors":[)" + entry + "]}";
    small.append(QByteArray(64 * 1024 - small.size(), ' '));
    QCOMPARE(small.size(), 64 * 1024);
    QCOMPARE(parseRegistryErrorBody(small).size(), 1);

    QByteArray big = small + ' ';
    QVERIFY(parseRegistryErrorBody(big).isEmpty());

    // 5 MiB of valid JSON is refused, not parsed.
    QByteArray huge = R"({"errors":[)";
    while (huge.size() < 5 * 1024 * 1024)
        huge += entry + ',';
    huge += entry + "]}";
    QVERIFY(parseRegistryErrorBody(huge).isEmpty());

    // Within the cap, the number of entries kept is bounded.
    QByteArray many = R"({"errors":[)";
    for (int i = 0; i < 500; ++i)
        many += entry + ',';
    many += entry + "]}";
    QVERIFY(many.size() < 64 * 1024);
    QCOMPARE(parseRegistryErrorBody(many).size(), 100);
}

QTEST_GUILESS_MAIN(TestRegistryErrorBody)
#include "tst_registryerrorbody.moc"
