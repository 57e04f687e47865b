#include "oci/manifest/imagemanifest.h"
#include "oci/manifest/mediatypes.h"

#include "manifesttestdata.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace oci;

namespace {

QJsonObject object(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).object();
}

const QByteArray Config =
    R"({"mediaType":"application/vnd.oci.image.config.v1+json","digest":"sha256:)"
    + QByteArray(64, 'c') + R"(","size":10})";

} // namespace

class TestImageManifest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void ociFixture();
    void dockerFixture();
    void artifactWithSubject();
    void invalid_data();
    void invalid();
};

void TestImageManifest::ociFixture()
{
    const QByteArray bytes = readManifestFixture(QStringLiteral("oci-manifest.json"));
    const Result<ImageManifest> manifest = ImageManifest::fromJson(object(bytes));
    QVERIFY2(manifest.ok(), failureText(manifest).constData());
    QCOMPARE(manifest->schemaVersion, 2);
    QCOMPARE(manifest->mediaType, QString(MediaType::OciManifest));
    QCOMPARE(manifest->config.mediaType(), QString(MediaType::OciConfig));
    // The fixture's config descriptor points at the config fixture's real bytes.
    const QByteArray config = readManifestFixture(QStringLiteral("oci-config.json"));
    QCOMPARE(manifest->config.size(), config.size());
    QVERIFY(manifest->config.digest().matches(config));
    QCOMPARE(manifest->layers.size(), 2);
    QCOMPARE(layerCompression(manifest->layers.at(0).mediaType()), LayerCompression::Gzip);
    QCOMPARE(layerCompression(manifest->layers.at(1).mediaType()), LayerCompression::Zstd);
    QCOMPARE(manifest->layersSize(), 3348520 + 7012318);
    QCOMPARE(manifest->annotations.value(QStringLiteral("org.opencontainers.image.base.name")),
             QStringLiteral("docker.io/library/alpine:3.19"));
    QVERIFY(!manifest->subject.has_value());
    QCOMPARE(manifest->effectiveArtifactType(), QString(MediaType::OciConfig));
}

void TestImageManifest::dockerFixture()
{
    const QByteArray bytes = readManifestFixture(QStringLiteral("docker-manifest.json"));
    const Result<ImageManifest> manifest = ImageManifest::fromJson(object(bytes));
    QVERIFY2(manifest.ok(), failureText(manifest).constData());
    QCOMPARE(manifest->mediaType, QString(MediaType::DockerManifest));
    QCOMPARE(manifest->config.mediaType(), QString(MediaType::DockerConfig));
    QVERIFY(manifest->config.digest().matches(readManifestFixture(QStringLiteral("docker-config.json"))));
    QCOMPARE(manifest->layers.size(), 1);
    QCOMPARE(manifest->layers.at(0).size(), 29150230);
}

void TestImageManifest::artifactWithSubject()
{
    const QByteArray json = R"({"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json",
        "artifactType":"application/vnd.example.sbom.v1+json",
        "config":{"mediaType":"application/vnd.oci.empty.v1+json","digest":")"
        + QByteArray(EmptyDescriptorDigest.data(), EmptyDescriptorDigest.size()) + R"(","size":2},
        "layers":[{"mediaType":"application/spdx+json","digest":"sha256:)" + QByteArray(64, 'd') + R"(","size":1234}],
        "subject":{"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"sha256:)" + QByteArray(64, 'e') + R"(","size":836}})";
    const Result<ImageManifest> manifest = ImageManifest::fromJson(object(json));
    QVERIFY2(manifest.ok(), failureText(manifest).constData());
    QCOMPARE(manifest->effectiveArtifactType(), QStringLiteral("application/vnd.example.sbom.v1+json"));
    QCOMPARE(manifest->config.size(), EmptyDescriptorSize);
    QVERIFY(manifest->config.digest().matches("{}"));
    QVERIFY(manifest->subject.has_value());
    QCOMPARE(manifest->subject->digest().encoded(), QString(64, u'e'));
}

void TestImageManifest::invalid_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("problem");
    const QByteArray layer = R"({"mediaType":"application/vnd.oci.image.layer.v1.tar","digest":"sha256:)"
                             + QByteArray(64, 'a') + R"(","size":1})";
    QTest::newRow("schema version 1") << QByteArray(R"({"schemaVersion":1,"config":)" + Config + "}")
                                      << QStringLiteral("schemaVersion: must be 2");
    QTest::newRow("no schema version") << QByteArray(R"({"config":)" + Config + "}")
                                       << QStringLiteral("schemaVersion: missing");
    QTest::newRow("no config") << QByteArray(R"({"schemaVersion":2,"layers":[]})") << QStringLiteral("config: missing");
    QTest::newRow("config not an object") << QByteArray(R"({"schemaVersion":2,"config":[]})")
                                          << QStringLiteral("config: must be an object");
    QTest::newRow("layers not an array")
        << QByteArray(R"({"schemaVersion":2,"config":)" + Config + R"(,"layers":{}})")
        << QStringLiteral("layers: must be an array");
    QTest::newRow("bad layer digest")
        << QByteArray(R"({"schemaVersion":2,"config":)" + Config + R"(,"layers":[)" + layer + ","
                      + QByteArray(layer).replace("aaaa", "AAAA") + "]}")
        << QStringLiteral("layers[1].digest:");
    QTest::newRow("negative config size")
        << QByteArray(R"({"schemaVersion":2,"config":)" + QByteArray(Config).replace("10", "-10") + "}")
        << QStringLiteral("config.size: negative");
    QTest::newRow("bad subject") << QByteArray(R"({"schemaVersion":2,"config":)" + Config + R"(,"subject":{}})")
                                 << QStringLiteral("subject.mediaType: missing");
    QTest::newRow("annotations not strings")
        << QByteArray(R"({"schemaVersion":2,"config":)" + Config + R"(,"annotations":{"a":true}})")
        << QStringLiteral("annotations.a: must be a string");
}

void TestImageManifest::invalid()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, problem);
    QVERIFY(!object(json).isEmpty());
    const Result<ImageManifest> manifest = ImageManifest::fromJson(object(json));
    QVERIFY(!manifest.ok());
    QCOMPARE(manifest.error().code(), Error::Code::MalformedDocument);
    QVERIFY2(manifest.error().message().startsWith(problem), qPrintable(manifest.error().message()));
}

QTEST_APPLESS_MAIN(TestImageManifest)
#include "tst_imagemanifest.moc"
