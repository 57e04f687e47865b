// InspectorOverview: commands quoted as a shell needs them, the image summary (run
// settings, environment, labels, the config as a digest link), layers and unsupported
// documents.

#include "inspectoroverview.h"

#include "oci/manifest/imageconfig.h"
#include "oci/manifest/manifestdocument.h"

#include <QApplication>
#include <QTest>
#include <QTextDocument>

using namespace Qt::StringLiterals;

namespace {

QString digestOf(const char *label)
{
    return oci::Digest::sha256Of(QByteArray(label)).toString();
}

QString plain(const QString &html)
{
    QTextDocument document;
    document.setHtml(html);
    return document.toPlainText();
}

oci::ManifestDocument manifest()
{
    const QByteArray json =
        "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
        "\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\"" +
        digestOf("config").toUtf8() +
        "\",\"size\":7},\"layers\":[{\"mediaType\":"
        "\"application/vnd.oci.image.layer.v1.tar+gzip\",\"digest\":\"" +
        digestOf("l0").toUtf8() +
        "\",\"size\":3000}],\"annotations\":{\"org.example.note\":\"<b>hi</b>\"}}";
    return oci::ManifestDocument::parse(json, {}).value();
}

oci::ImageConfig config()
{
    const QByteArray json =
        "{\"architecture\":\"arm64\",\"variant\":\"v8\",\"os\":\"linux\",\"created\":\"2024-01-"
        "02T03:04:05Z\","
        "\"author\":\"Ops <ops@example.com>\",\"config\":{\"Entrypoint\":[\"/bin/sh\",\"-c\"],"
        "\"Cmd\":[\"echo 'hi "
        "there'\"],\"Env\":[\"PATH=/usr/bin:/bin\",\"EMPTY=\"],\"WorkingDir\":\"/srv\","
        "\"ExposedPorts\":{\"8080/"
        "tcp\":{}},\"Labels\":{\"org.opencontainers.image.title\":\"demo\"}},"
        "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"" +
        digestOf("diff0").toUtf8() +
        "\"]},"
        "\"history\":[{\"created_by\":\"ADD x /\"}]}";
    return oci::ImageConfig::parse(json).value();
}

} // namespace

class TestInspectorOverview : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shellJoin_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << QStringList{u"/usr/bin/app"_s, u"--port=80"_s}
                               << u"/usr/bin/app --port=80"_s;
        QTest::newRow("space") << QStringList{u"sh"_s, u"-c"_s, u"echo hi"_s}
                               << u"sh -c 'echo hi'"_s;
        QTest::newRow("quote") << QStringList{u"it's"_s} << u"'it'\\''s'"_s;
        QTest::newRow("empty") << QStringList{u""_s} << u"''"_s;
        QTest::newRow("dollar") << QStringList{u"$HOME"_s} << u"'$HOME'"_s;
    }

    void shellJoin()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, expected);
        QCOMPARE(InspectorOverview::shellJoin(arguments), expected);
    }

    void imageSummary()
    {
        const InspectorOverview overview(QApplication::palette());
        const oci::ManifestDocument document = manifest();
        const oci::ImageConfig image = config();
        const QString html = overview.image(document, &image, {});
        const QString text = plain(html);
        for (const QString &expected :
             {u"linux/arm64/v8"_s, u"Ops <ops@example.com>"_s, u"/bin/sh -c"_s,
              u"'echo '\\''hi there'\\'''"_s, u"/srv"_s, u"8080/tcp"_s, u"not set (root)"_s,
              u"PATH"_s, u"/usr/bin:/bin"_s, u"EMPTY"_s, u"org.opencontainers.image.title"_s,
              u"demo"_s, u"org.example.note"_s, u"<b>hi</b>"_s, digestOf("config")}) {
            QVERIFY2(text.contains(expected), qPrintable(expected + u"\n\n"_s + text));
        }
        // The config digest is a link the inspector opens; annotation text is escaped.
        QVERIFY(
            html.contains(u"href=\""_s + InspectorOverview::linkFor(digestOf("config")) + u'"'));
        QVERIFY(!html.contains(u"<b>hi</b>"_s));

        const QString loading = plain(overview.image(document, nullptr, u"Loading the config…"_s));
        QVERIFY(loading.contains(u"Loading the config…"_s));
        QVERIFY(!loading.contains(u"PATH"_s));
    }

    void layer()
    {
        const InspectorOverview overview(QApplication::palette());
        const oci::ManifestDocument document = manifest();
        const oci::ImageConfig image = config();
        InspectorOverview::LayerFacts facts;
        facts.index = 0;
        facts.layerCount = 1;
        facts.diffId = image.diffIds.first().toString();
        facts.step = &image.history.first();
        const QString text = plain(overview.layer(document.manifest().layers.first(), facts));
        for (const QString &expected : {u"1 of 1"_s, digestOf("l0"), digestOf("diff0"), u"gzip"_s,
                                        u"ADD x /"_s, u"OCI layer, gzip"_s, u"later version"_s}) {
            QVERIFY2(text.contains(expected), qPrintable(expected + u"\n\n"_s + text));
        }
    }

    void unsupported()
    {
        const InspectorOverview overview(QApplication::palette());
        const auto schema1 = oci::ManifestDocument::parse(
            "{\"schemaVersion\":1,\"name\":\"x\",\"tag\":\"1\",\"fsLayers\":[],\"history\":[]}",
            u"application/vnd.docker.distribution.manifest.v1+json");
        QVERIFY2(schema1.ok(), qPrintable(schema1.ok() ? QString() : schema1.error().describe()));
        QVERIFY(plain(overview.unsupported(schema1.value())).contains(u"schema 1"_s));
    }
};

QTEST_MAIN(TestInspectorOverview)
#include "tst_inspectoroverview.moc"
