#include "oci/manifest/manifestdocument.h"
#include "oci/manifest/mediatypes.h"

#include "manifesttestdata.h"

#include <QTest>

using namespace oci;
using Kind = ManifestDocument::Kind;

Q_DECLARE_METATYPE(oci::Error::Code)
Q_DECLARE_METATYPE(oci::ManifestDocument::Kind)

namespace {

QByteArray digestOf(char c, int length = 64)
{
    return "sha256:" + QByteArray(length, c);
}

QByteArray layerJson(const QByteArray &digest, const QByteArray &size = "1024",
                     const QByteArray &mediaType = "application/vnd.oci.image.layer.v1.tar+gzip")
{
    return R"({"mediaType":")" + mediaType + R"(","digest":")" + digest + R"(","size":)" + size + '}';
}

// An OCI manifest with one layer; `extra` is spliced in as further members.
QByteArray ociManifest(const QByteArray &layer, const QByteArray &extra = {})
{
    return R"({"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json",)"
           R"("config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":")"
           + digestOf('c') + R"(","size":300},"layers":[)" + layer + "]" + extra + "}";
}

} // namespace

class TestManifestDocument final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fixtures_data();
    void fixtures();
    void contentTypeHandling_data();
    void contentTypeHandling();
    void rejected_data();
    void rejected();
    void sizeCap();
    void unknownIndexEntriesTolerated();
    void shapeDecidesWithoutTypes_data();
    void shapeDecidesWithoutTypes();
    void legacyAndUnknownTypes();
    void subject();
};

void TestManifestDocument::fixtures_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("contentType");
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<int>("entries");
    QTest::newRow("oci manifest") << QStringLiteral("oci-manifest.json") << QString(MediaType::OciManifest)
                                  << Kind::OciManifest << 2;
    QTest::newRow("oci index") << QStringLiteral("oci-index-attestations.json") << QString(MediaType::OciIndex)
                               << Kind::OciIndex << 4;
    QTest::newRow("docker manifest") << QStringLiteral("docker-manifest.json")
                                     << QString(MediaType::DockerManifest) << Kind::DockerManifest << 1;
    QTest::newRow("docker list") << QStringLiteral("docker-manifest-list.json")
                                 << QString(MediaType::DockerManifestList) << Kind::DockerManifestList << 4;
}

void TestManifestDocument::fixtures()
{
    QFETCH(QString, file);
    QFETCH(QString, contentType);
    QFETCH(Kind, kind);
    QFETCH(int, entries);
    const QByteArray bytes = readManifestFixture(file);
    QVERIFY(!bytes.isEmpty());
    const Result<ManifestDocument> document = ManifestDocument::parse(bytes, contentType);
    QVERIFY2(document.ok(), failureText(document).constData());
    QCOMPARE(document->kind(), kind);
    QCOMPARE(document->mediaType(), contentType);
    QVERIFY(document->isSupported());
    // The exact bytes are kept: the digest is over them.
    QCOMPARE(document->bytes(), bytes);
    if (document->isIndex()) {
        QCOMPARE(document->index().manifests.size(), entries);
        QVERIFY(document->manifest().layers.isEmpty());
    } else {
        QVERIFY(document->isImageManifest());
        QCOMPARE(document->manifest().layers.size(), entries);
        QVERIFY(document->index().manifests.isEmpty());
    }
}

void TestManifestDocument::contentTypeHandling_data()
{
    QTest::addColumn<QString>("contentType");
    QTest::addColumn<bool>("accepted");
    const QString oci = MediaType::OciManifest;
    QTest::newRow("exact") << oci << true;
    QTest::newRow("charset parameter") << (oci + u"; charset=utf-8") << true;
    QTest::newRow("different case") << QStringLiteral("Application/VND.OCI.Image.Manifest.v1+JSON") << true;
    QTest::newRow("absent (a file)") << QString() << true;
    QTest::newRow("index type") << QString(MediaType::OciIndex) << false;
    QTest::newRow("docker type") << QString(MediaType::DockerManifest) << false;
    QTest::newRow("application/json") << QStringLiteral("application/json") << false;
    QTest::newRow("prefix only") << QStringLiteral("application/vnd.oci.image.manifest.v1") << false;
}

void TestManifestDocument::contentTypeHandling()
{
    QFETCH(QString, contentType);
    QFETCH(bool, accepted);
    const Result<ManifestDocument> document =
        ManifestDocument::parse(readManifestFixture(QStringLiteral("oci-manifest.json")), contentType);
    QCOMPARE(document.ok(), accepted);
    if (accepted) {
        QCOMPARE(document->kind(), Kind::OciManifest);
        QCOMPARE(document->mediaType(), QString(MediaType::OciManifest));
    } else {
        QCOMPARE(document.error().code(), Error::Code::MediaTypeMismatch);
    }
}

void TestManifestDocument::rejected_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("contentType");
    QTest::addColumn<Error::Code>("code");
    QTest::addColumn<QString>("message");

    const QString ociType = MediaType::OciManifest;
    const QString indexType = MediaType::OciIndex;
    const QByteArray layer = layerJson(digestOf('a'));
    const auto malformed = Error::Code::MalformedDocument;

    QTest::newRow("mediaType twice")
        << QByteArray(ociManifest(layer, R"(,"mediaType":"application/vnd.oci.image.index.v1+json")"))
        << ociType << malformed << QStringLiteral("duplicate");
    QTest::newRow("nested duplicate digest")
        << ociManifest(R"({"mediaType":"application/vnd.oci.image.layer.v1.tar","digest":")" + digestOf('a')
                       + R"(","size":1,"digest":")" + digestOf('b') + R"("})")
        << ociType << malformed << QStringLiteral("duplicate");
    QTest::newRow("layers and Layers")
        << ociManifest(layer, R"(,"Layers":[])") << ociType << malformed << QStringLiteral("case");
    QTest::newRow("trailing garbage") << QByteArray(ociManifest(layer) + "\n}") << ociType << malformed
                                      << QStringLiteral("trailing");
    QTest::newRow("two documents") << QByteArray(ociManifest(layer) + ociManifest(layer)) << ociType
                                   << malformed << QStringLiteral("trailing");
    QTest::newRow("byte order mark") << QByteArray("\xEF\xBB\xBF" + ociManifest(layer)) << ociType << malformed
                                     << QStringLiteral("byte order mark");
    QTest::newRow("invalid UTF-8")
        << ociManifest(layer, ",\"annotations\":{\"t\":\"caf\xE9\"}") << ociType << malformed
        << QStringLiteral("UTF-8");
    QTest::newRow("manifests with layers")
        << ociManifest(layer, R"(,"manifests":[])") << ociType << malformed << QStringLiteral("ambiguous");
    QTest::newRow("manifests with config, index type")
        << QByteArray(R"({"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[],)"
                      R"("config":{"mediaType":"a/b","digest":")" + digestOf('c') + R"(","size":1}})")
        << indexType << malformed << QStringLiteral("ambiguous");
    QTest::newRow("manifests with layers, no types at all")
        << QByteArray(R"({"schemaVersion":2,"manifests":[],"layers":[]})") << QString() << malformed
        << QStringLiteral("ambiguous");
    QTest::newRow("schema 2 manifest with fsLayers")
        << ociManifest(layer, R"(,"fsLayers":[])") << ociType << malformed << QStringLiteral("ambiguous");
    QTest::newRow("index with history")
        << QByteArray(R"({"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[],"history":[]})")
        << indexType << malformed << QStringLiteral("ambiguous");
    QTest::newRow("schema 1 with layers")
        << QByteArray(R"({"schemaVersion":1,"fsLayers":[],"layers":[]})") << QString(MediaType::DockerSchema1)
        << malformed << QStringLiteral("ambiguous");
    QTest::newRow("Content-Type index, body manifest")
        << ociManifest(layer) << indexType << Error::Code::MediaTypeMismatch << QStringLiteral("Content-Type");
    QTest::newRow("negative size") << ociManifest(layerJson(digestOf('a'), "-1")) << ociType << malformed
                                   << QStringLiteral("layers[0].size: negative");
    QTest::newRow("upper-case digest") << ociManifest(layerJson(digestOf('A'))) << ociType << malformed
                                       << QStringLiteral("layers[0].digest");
    QTest::newRow("63 hex") << ociManifest(layerJson(digestOf('a', 63))) << ociType << malformed
                            << QStringLiteral("layers[0].digest");
    QTest::newRow("../ in digest") << ociManifest(layerJson("sha256:../../../../etc/passwd")) << ociType
                                   << malformed << QStringLiteral("layers[0].digest");
    QTest::newRow("deep nesting")
        << ociManifest(layer, R"(,"x":)" + QByteArray(40, '[') + QByteArray(40, ']')) << ociType << malformed
        << QStringLiteral("deep");
    QTest::newRow("not an object") << QByteArray("[]") << ociType << malformed << QStringLiteral("object");
    QTest::newRow("mediaType not a string")
        << QByteArray(R"({"schemaVersion":2,"mediaType":7,"config":{},"layers":[]})") << QString() << malformed
        << QStringLiteral("mediaType");
    QTest::newRow("index body under manifest type, no mediaType")
        << QByteArray(R"({"schemaVersion":2,"manifests":[]})") << ociType << malformed
        << QStringLiteral("\"manifests\" does not belong");
    QTest::newRow("manifest body under index type, no mediaType")
        << QByteArray(R"({"schemaVersion":2,"config":{"mediaType":"a/b","digest":")" + digestOf('c')
                      + R"(","size":1},"layers":[]})")
        << indexType << malformed << QStringLiteral("\"config\" does not belong");
    QTest::newRow("schema1 type, schema 2 body")
        << QByteArray(R"({"schemaVersion":2,"name":"x"})") << QString(MediaType::DockerSchema1Signed)
        << malformed << QStringLiteral("schemaVersion 1");
}

void TestManifestDocument::rejected()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, contentType);
    QFETCH(Error::Code, code);
    QFETCH(QString, message);
    const Result<ManifestDocument> document = ManifestDocument::parse(bytes, contentType);
    QVERIFY(!document.ok());
    QCOMPARE(int(document.error().code()), int(code));
    QVERIFY2(document.error().message().contains(message, Qt::CaseInsensitive),
             qPrintable(document.error().message()));
}

void TestManifestDocument::sizeCap()
{
    // A valid manifest padded with white space to exactly 4 MiB parses; one byte more does not.
    QByteArray bytes = ociManifest(layerJson(digestOf('a')));
    bytes += QByteArray(ManifestDocument::MaxSize - bytes.size(), ' ');
    QCOMPARE(bytes.size(), 4 * 1024 * 1024);
    const Result<ManifestDocument> atCap = ManifestDocument::parse(bytes, QString(MediaType::OciManifest));
    QVERIFY2(atCap.ok(), failureText(atCap).constData());
    const Result<ManifestDocument> over = ManifestDocument::parse(bytes + ' ', QString(MediaType::OciManifest));
    QVERIFY(!over.ok());
    QCOMPARE(over.error().code(), Error::Code::SizeLimitExceeded);
}

void TestManifestDocument::unknownIndexEntriesTolerated()
{
    const QByteArray bytes =
        R"({"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[)"
        + layerJson(digestOf('1'), "512", "application/vnd.example.wasm.module.v1+wasm") + ","
        + layerJson(digestOf('2'), "900", "application/vnd.oci.image.manifest.v1+json") + "]}";
    const Result<ManifestDocument> document = ManifestDocument::parse(bytes, QString(MediaType::OciIndex));
    QVERIFY2(document.ok(), failureText(document).constData());
    QCOMPARE(document->index().manifests.size(), 2);
    QCOMPARE(document->index().manifests.at(0).mediaType(),
             QStringLiteral("application/vnd.example.wasm.module.v1+wasm"));
}

void TestManifestDocument::shapeDecidesWithoutTypes_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("contentType");
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<QString>("mediaType");
    const QByteArray manifestNoType = R"({"schemaVersion":2,"config":{"mediaType":"a/b","digest":")"
                                      + digestOf('c') + R"(","size":1},"layers":[]})";
    const QByteArray indexNoType = R"({"schemaVersion":2,"manifests":[]})";
    QTest::newRow("manifest, no types") << manifestNoType << QString() << Kind::OciManifest
                                        << QString(MediaType::OciManifest);
    QTest::newRow("manifest, typed by header") << manifestNoType << QString(MediaType::DockerManifest)
                                               << Kind::DockerManifest << QString(MediaType::DockerManifest);
    QTest::newRow("manifest, application/json") << manifestNoType << QStringLiteral("application/json")
                                                << Kind::OciManifest << QString(MediaType::OciManifest);
    QTest::newRow("index, no types") << indexNoType << QString() << Kind::OciIndex << QString(MediaType::OciIndex);
    QTest::newRow("index, typed by header") << indexNoType << QString(MediaType::DockerManifestList)
                                            << Kind::DockerManifestList << QString(MediaType::DockerManifestList);
}

void TestManifestDocument::shapeDecidesWithoutTypes()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, contentType);
    QFETCH(Kind, kind);
    QFETCH(QString, mediaType);
    const Result<ManifestDocument> document = ManifestDocument::parse(bytes, contentType);
    QVERIFY2(document.ok(), failureText(document).constData());
    QCOMPARE(document->kind(), kind);
    QCOMPARE(document->mediaType(), mediaType);
}

void TestManifestDocument::legacyAndUnknownTypes()
{
    const QByteArray schema1 =
        R"({"schemaVersion":1,"name":"library/busybox","tag":"1.0","architecture":"amd64",)"
        R"("fsLayers":[{"blobSum":"sha256:a3ed95caeb02ffe68cdd9fd84406680ae93d633cb16422d00e8a7c22955b46d4"}],)"
        R"("history":[{"v1Compatibility":"{\"id\":\"x\"}"}],"signatures":[{"header":{"alg":"ES256"},"signature":"c2ln","protected":"cHI"}]})";
    const Result<ManifestDocument> signed1 = ManifestDocument::parse(schema1, QString(MediaType::DockerSchema1Signed));
    QVERIFY2(signed1.ok(), failureText(signed1).constData());
    QCOMPARE(signed1->kind(), Kind::Schema1);
    QVERIFY(!signed1->isSupported());
    QCOMPARE(signed1->bytes(), schema1);

    // containerd treats text/plain as schema 1; the shape says so too.
    const Result<ManifestDocument> plain = ManifestDocument::parse(schema1, u"text/plain; charset=utf-8");
    QVERIFY(plain.ok());
    QCOMPARE(plain->kind(), Kind::Schema1);
    QCOMPARE(plain->mediaType(), QString(MediaType::DockerSchema1Signed));

    const QByteArray artifact = R"({"mediaType":"application/vnd.oci.artifact.manifest.v1+json",)"
                                R"("artifactType":"application/vnd.example.sig","blobs":[]})";
    const Result<ManifestDocument> rc = ManifestDocument::parse(artifact, QString(MediaType::OciArtifactManifest));
    QVERIFY(rc.ok());
    QCOMPARE(rc->kind(), Kind::ArtifactManifest);
    QVERIFY(!rc->isSupported());

    const Result<ManifestDocument> other =
        ManifestDocument::parse(R"({"hello":"world"})", u"application/vnd.example.thing.v1+json");
    QVERIFY(other.ok());
    QCOMPARE(other->kind(), Kind::Other);
    QCOMPARE(other->mediaType(), QStringLiteral("application/vnd.example.thing.v1+json"));

    // The manifest-key rule applies to legacy documents too.
    QVERIFY(!ManifestDocument::parse(R"({"schemaVersion":1,"FsLayers":[]})", QString(MediaType::DockerSchema1)).ok());
    QCOMPARE(ManifestDocument().kind(), Kind::Invalid);
}

void TestManifestDocument::subject()
{
    const QByteArray withSubject = ociManifest(
        layerJson(digestOf('a')),
        R"(,"subject":{"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":")" + digestOf('f')
            + R"(","size":836})");
    const Result<ManifestDocument> document = ManifestDocument::parse(withSubject, QString(MediaType::OciManifest));
    QVERIFY2(document.ok(), failureText(document).constData());
    QVERIFY(document->subject().has_value());
    QCOMPARE(document->subject()->digest().encoded(), QString(64, u'f'));

    const Result<ManifestDocument> plain =
        ManifestDocument::parse(readManifestFixture(QStringLiteral("oci-index-attestations.json")), {});
    QVERIFY(plain.ok());
    QVERIFY(!plain->subject().has_value());
}

QTEST_APPLESS_MAIN(TestManifestDocument)
#include "tst_manifestdocument.moc"
