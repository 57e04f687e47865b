#include "oci/manifest/strictjson.h"

#include "manifesttestdata.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace oci;

class TestStrictJson final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void accepts_data();
    void accepts();
    void rejects_data();
    void rejects();
    void manifestKeys_data();
    void manifestKeys();
    void depthCap();
    void hugeNestingStopsAtCap();
    void manyKeysInOneObject();
    void fixturesPass();
    void errorNamesOffset();
};

void TestStrictJson::accepts_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("object") << QByteArray(R"({"a":1,"b":[true,false,null],"c":{"a":1}})");
    QTest::newRow("white space around") << QByteArray(" \r\n\t{\"a\" : \"b\"} \n");
    QTest::newRow("scalar") << QByteArray("42");
    QTest::newRow("numbers") << QByteArray("[0,-0,1.5,-12.25e+3,1E-2,123456789012345678901234567890]");
    QTest::newRow("escapes") << QByteArray(R"(["\"\\\/\b\f\n\r\t\u00e9\uD83D\uDE00"])");
    QTest::newRow("utf-8 text") << QByteArray("{\"k\":\"gr\xC3\xBC\xC3\x9F \xE2\x82\xAC \xF0\x9F\x98\x80\"}");
    QTest::newRow("same key in sibling objects") << QByteArray(R"([{"a":1},{"a":2}])");
    QTest::newRow("same key at two depths") << QByteArray(R"({"a":{"a":{"a":1}}})");
    QTest::newRow("empty containers") << QByteArray(R"({"a":{},"b":[]})");
    QTest::newRow("case differs, not a manifest") << QByteArray(R"({"layers":[],"Layers":[]})");
}

void TestStrictJson::accepts()
{
    QFETCH(QByteArray, json);
    const Result<void> result = validateStrictJson(json);
    QVERIFY2(result.ok(), failureText(result).constData());
}

void TestStrictJson::rejects_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("reason");
    QTest::newRow("duplicate key")
        << QByteArray(R"({"mediaType":"a","mediaType":"b"})") << QStringLiteral("duplicate");
    QTest::newRow("nested duplicate")
        << QByteArray(R"({"config":{"digest":"a","size":1,"digest":"b"}})") << QStringLiteral("duplicate");
    QTest::newRow("duplicate inside array")
        << QByteArray(R"({"layers":[{"a":1},{"b":1,"b":2}]})") << QStringLiteral("duplicate");
    QTest::newRow("duplicate spelled with an escape")
        << QByteArray(R"({"mediaType":"a","media\u0054ype":"b"})") << QStringLiteral("duplicate");
    QTest::newRow("byte order mark") << QByteArray("\xEF\xBB\xBF{}") << QStringLiteral("byte order mark");
    QTest::newRow("utf-16 byte order mark") << QByteArray("\xFF\xFE{\0}\0", 6) << QStringLiteral("unexpected");
    QTest::newRow("trailing garbage") << QByteArray("{} x") << QStringLiteral("trailing");
    QTest::newRow("second document") << QByteArray("{}{}") << QStringLiteral("trailing");
    QTest::newRow("trailing NUL") << QByteArray("{}\0", 3) << QStringLiteral("trailing");
    QTest::newRow("invalid UTF-8 byte") << QByteArray("{\"a\":\"\xFF\"}") << QStringLiteral("UTF-8");
    QTest::newRow("overlong slash") << QByteArray("{\"a\":\"\xC0\xAF\"}") << QStringLiteral("UTF-8");
    QTest::newRow("overlong 3-byte") << QByteArray("{\"a\":\"\xE0\x80\xAF\"}") << QStringLiteral("UTF-8");
    QTest::newRow("encoded surrogate") << QByteArray("{\"a\":\"\xED\xA0\x80\"}") << QStringLiteral("UTF-8");
    QTest::newRow("above U+10FFFF") << QByteArray("{\"a\":\"\xF4\x90\x80\x80\"}") << QStringLiteral("UTF-8");
    QTest::newRow("truncated sequence") << QByteArray("{\"a\":\"\xE2\x82\"}") << QStringLiteral("UTF-8");
    QTest::newRow("invalid UTF-8 in a key") << QByteArray("{\"\xC3\":1}") << QStringLiteral("UTF-8");
    QTest::newRow("lone high surrogate") << QByteArray(R"(["\uD800"])") << QStringLiteral("surrogate");
    QTest::newRow("lone low surrogate") << QByteArray(R"(["\uDC00x"])") << QStringLiteral("surrogate");
    QTest::newRow("control character") << QByteArray("[\"a\tb\"]") << QStringLiteral("control");
    QTest::newRow("bad escape") << QByteArray(R"(["\x41"])") << QStringLiteral("escape");
    QTest::newRow("leading zero") << QByteArray("[01]") << QStringLiteral("expected");
    QTest::newRow("bare minus") << QByteArray("[-]") << QStringLiteral("number");
    QTest::newRow("fraction without digits") << QByteArray("[1.]") << QStringLiteral("number");
    QTest::newRow("trailing comma") << QByteArray(R"({"a":1,})") << QStringLiteral("member name");
    QTest::newRow("single quotes") << QByteArray("{'a':1}") << QStringLiteral("member name");
    QTest::newRow("unterminated") << QByteArray(R"({"a":"b)") << QStringLiteral("unterminated");
    QTest::newRow("truncated object") << QByteArray(R"({"a":1)") << QStringLiteral("end");
    QTest::newRow("NaN") << QByteArray("[NaN]") << QStringLiteral("unexpected");
    QTest::newRow("empty") << QByteArray() << QStringLiteral("empty");
    QTest::newRow("only white space") << QByteArray("  ") << QStringLiteral("end");
    QTest::newRow("comment") << QByteArray("{} // x") << QStringLiteral("trailing");
}

void TestStrictJson::rejects()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, reason);
    const Result<void> result = validateStrictJson(json);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code(), Error::Code::MalformedDocument);
    QVERIFY2(result.error().message().contains(reason, Qt::CaseInsensitive),
             qPrintable(result.error().message()));
}

void TestStrictJson::manifestKeys_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("valid");
    QTest::newRow("layers and Layers") << QByteArray(R"({"layers":[],"Layers":[]})") << false;
    QTest::newRow("Layers alone") << QByteArray(R"({"Layers":[]})") << false;
    QTest::newRow("MEDIATYPE") << QByteArray(R"({"MEDIATYPE":"x"})") << false;
    QTest::newRow("nested Digest") << QByteArray(R"({"config":{"Digest":"x"}})") << false;
    QTest::newRow("platform OS") << QByteArray(R"({"manifests":[{"platform":{"OS":"linux"}}]})") << false;
    // Go folds U+017F (long s) onto 's' and U+212A (Kelvin sign) onto 'k'.
    QTest::newRow("long s in size") << QByteArray("{\"\xC5\xBFize\":1}") << false;
    QTest::newRow("escaped long s") << QByteArray(R"({"\u017fize":1})") << false;
    QTest::newRow("long s in signatures") << QByteArray("{\"\xC5\xBFignatures\":[]}") << false;
    QTest::newRow("canonical keys") << QByteArray(R"({"schemaVersion":2,"mediaType":"x","layers":[]})") << true;
    QTest::newRow("unknown keys in any case") << QByteArray(R"({"Foo":1,"foo":2})") << true;
    QTest::newRow("annotations are free-form")
        << QByteArray(R"({"annotations":{"Size":"1","size":"2","MediaType":"x"}})") << true;
    QTest::newRow("annotations still refuse exact duplicates")
        << QByteArray(R"({"annotations":{"a":"1","a":"2"}})") << false;
    QTest::newRow("but not their siblings") << QByteArray(R"({"annotations":{},"Size":1})") << false;
}

void TestStrictJson::manifestKeys()
{
    QFETCH(QByteArray, json);
    QFETCH(bool, valid);
    StrictJsonOptions options;
    options.manifestKeys = true;
    const Result<void> result = validateStrictJson(json, options);
    QVERIFY2(result.ok() == valid, result.ok() ? "accepted" : qPrintable(result.error().message()));
}

void TestStrictJson::depthCap()
{
    StrictJsonOptions options;
    options.maxDepth = 5;
    QVERIFY(validateStrictJson("[[[[[1]]]]]", options).ok());
    QVERIFY(validateStrictJson(R"({"a":{"b":[{"c":[1]}]}})", options).ok());
    const Result<void> tooDeep = validateStrictJson("[[[[[[1]]]]]]", options);
    QVERIFY(!tooDeep.ok());
    QVERIFY(tooDeep.error().message().contains(u"deep"));
    QVERIFY(!validateStrictJson(R"({"a":{"b":[{"c":[{}]}]}})", options).ok());
}

void TestStrictJson::hugeNestingStopsAtCap()
{
    // Would overflow the stack of a recursive parser without a cap.
    const QByteArray json = QByteArray(200000, '[') + QByteArray(200000, ']');
    const Result<void> result = validateStrictJson(json);
    QVERIFY(!result.ok());
    QVERIFY(result.error().message().contains(u"deep"));
}

void TestStrictJson::manyKeysInOneObject()
{
    // Duplicate detection must stay linear: 200,000 distinct keys, then one repeated.
    QByteArray json = "{";
    for (int i = 0; i < 200000; ++i)
        json += '"' + QByteArray::number(i) + "\":" + QByteArray::number(i) + ',';
    json += "\"last\":1}";
    QVERIFY(validateStrictJson(json).ok());
    json.chop(1);
    json += ",\"199999\":2}";
    const Result<void> result = validateStrictJson(json);
    QVERIFY(!result.ok());
    QVERIFY(result.error().message().contains(u"duplicate"));
}

void TestStrictJson::fixturesPass()
{
    StrictJsonOptions manifest;
    manifest.manifestKeys = true;
    for (const char *name : {"oci-manifest.json", "oci-index-attestations.json",
                             "docker-manifest.json", "docker-manifest-list.json"}) {
        const QByteArray bytes = readManifestFixture(QLatin1String(name));
        QVERIFY(!bytes.isEmpty());
        const Result<void> result = validateStrictJson(bytes, manifest);
        QVERIFY2(result.ok(), name);
    }
    for (const char *name : {"oci-config.json", "docker-config.json"}) {
        const QByteArray bytes = readManifestFixture(QLatin1String(name));
        QVERIFY(!bytes.isEmpty());
        QVERIFY2(validateStrictJson(bytes).ok(), name);
    }
}

void TestStrictJson::errorNamesOffset()
{
    // QJsonDocument would silently keep the second value: the gate names where it stopped.
    const QByteArray json = R"({"a":1,"a":2})";
    QCOMPARE(QJsonDocument::fromJson(json).object().value(QLatin1String("a")).toInt(), 2);
    const Result<void> result = validateStrictJson(json);
    QVERIFY(!result.ok());
    QVERIFY2(result.error().message().contains(u"byte 7"), qPrintable(result.error().message()));
}

QTEST_APPLESS_MAIN(TestStrictJson)
#include "tst_strictjson.moc"
