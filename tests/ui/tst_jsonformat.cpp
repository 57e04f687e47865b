// indentJson: readable manifests that keep the registry's key order and string escapes.

#include "jsonformat.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestJsonFormat final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keepsKeyOrderAndIndents()
    {
        const QByteArray compact =
            "{\"schemaVersion\":2,\"mediaType\":\"application/"
            "vnd.oci.image.manifest.v1+json\",\"config\":{\"size\":7,\"digest\":\"sha256:aa\"},"
            "\"layers\":[{\"size\":1},{\"size\":2}],\"annotations\":{}}";
        const QString expected =
            u"{\n"
            u"  \"schemaVersion\": 2,\n"
            u"  \"mediaType\": \"application/vnd.oci.image.manifest.v1+json\",\n"
            u"  \"config\": {\n"
            u"    \"size\": 7,\n"
            u"    \"digest\": \"sha256:aa\"\n"
            u"  },\n"
            u"  \"layers\": [\n"
            u"    {\n"
            u"      \"size\": 1\n"
            u"    },\n"
            u"    {\n"
            u"      \"size\": 2\n"
            u"    }\n"
            u"  ],\n"
            u"  \"annotations\": {}\n"
            u"}\n"_s;
        QCOMPARE(indentJson(compact), expected);
    }

    void reindentsAlreadyFormattedText()
    {
        const QByteArray loose = "{\n\t\"a\" :  [ 1 ,\n 2 ],\r\n \"b\":[ ] }";
        QCOMPARE(indentJson(loose, 4),
                 u"{\n    \"a\": [\n        1,\n        2\n    ],\n    \"b\": []\n}\n"_s);
    }

    void stringsAreCopiedVerbatim()
    {
        const QByteArray tricky =
            "{\"k{,}\":\"a \\\"quoted\\\" [x], y: z\",\"u\":\"caf\\u00e9 \\\\\"}";
        const QString out = indentJson(tricky);
        QVERIFY2(out.contains(u"\"k{,}\": \"a \\\"quoted\\\" [x], y: z\""_s), qPrintable(out));
        QVERIFY2(out.contains(u"\"u\": \"caf\\u00e9 \\\\\""_s), qPrintable(out));
    }

    void nonJsonIsUnchanged()
    {
        const QByteArray garbage = "not json {";
        QCOMPARE(indentJson(garbage), u"not json {"_s);
        QCOMPARE(indentJson(QByteArray()), QString());
    }
};

QTEST_GUILESS_MAIN(TestJsonFormat)
#include "tst_jsonformat.moc"
