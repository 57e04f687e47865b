#include "oci/manifest/mediatypes.h"

#include <QTest>

using namespace oci;

class TestMediaTypes final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void stripParameters_data();
    void stripParameters();
    void classification_data();
    void classification();
    void acceptList();
};

void TestMediaTypes::stripParameters_data()
{
    QTest::addColumn<QString>("contentType");
    QTest::addColumn<QString>("expected");
    const QString oci = MediaType::OciManifest;
    QTest::newRow("bare") << oci << oci;
    QTest::newRow("charset") << (oci + u"; charset=utf-8") << oci;
    QTest::newRow("no space, two parameters") << (oci + u";charset=utf-8;q=1") << oci;
    QTest::newRow("white space") << (u"  " + oci + u"  ; x=y") << oci;
    QTest::newRow("upper case") << QStringLiteral("Application/JSON") << QStringLiteral("application/json");
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("only parameters") << QStringLiteral("; charset=utf-8") << QString();
}

void TestMediaTypes::stripParameters()
{
    QFETCH(QString, contentType);
    QFETCH(QString, expected);
    QCOMPARE(oci::stripParameters(contentType), expected);
}

void TestMediaTypes::classification_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<bool>("index");
    QTest::addColumn<bool>("manifest");
    QTest::addColumn<bool>("docker");
    QTest::addColumn<bool>("schema1");
    QTest::addColumn<bool>("layer");
    QTest::addColumn<int>("compression");

    const int none = int(LayerCompression::None);
    const int gzip = int(LayerCompression::Gzip);
    const int zstd = int(LayerCompression::Zstd);
    const int unknown = int(LayerCompression::Unknown);
    using namespace MediaType;
    QTest::newRow("oci manifest") << QString(OciManifest) << false << true << false << false << false << unknown;
    QTest::newRow("oci index") << QString(OciIndex) << true << false << false << false << false << unknown;
    QTest::newRow("docker manifest") << QString(DockerManifest) << false << true << true << false << false << unknown;
    QTest::newRow("docker list") << QString(DockerManifestList) << true << false << true << false << false << unknown;
    QTest::newRow("schema1 signed") << QString(DockerSchema1Signed) << false << false << true << true << false << unknown;
    QTest::newRow("schema1") << QString(DockerSchema1) << false << false << true << true << false << unknown;
    QTest::newRow("oci config") << QString(OciConfig) << false << false << false << false << false << unknown;
    QTest::newRow("oci tar") << QString(OciLayer) << false << false << false << false << true << none;
    QTest::newRow("oci gzip") << QString(OciLayerGzip) << false << false << false << false << true << gzip;
    QTest::newRow("oci zstd") << QString(OciLayerZstd) << false << false << false << false << true << zstd;
    QTest::newRow("nondistributable") << QString(OciLayerNondistributableGzip) << false << false << false << false << true << gzip;
    QTest::newRow("docker tar") << QString(DockerLayer) << false << false << true << false << true << none;
    QTest::newRow("docker gzip") << QString(DockerLayerGzip) << false << false << true << false << true << gzip;
    QTest::newRow("docker foreign") << QString(DockerForeignLayerGzip) << false << false << true << false << true << gzip;
    QTest::newRow("layer, unknown compression")
        << QStringLiteral("application/vnd.oci.image.layer.v1.tar+xz") << false << false << false << false << false << unknown;
    QTest::newRow("artifact manifest") << QString(OciArtifactManifest) << false << false << false << false << false << unknown;
    QTest::newRow("empty") << QString() << false << false << false << false << false << unknown;
}

void TestMediaTypes::classification()
{
    QFETCH(QString, type);
    QFETCH(bool, index);
    QFETCH(bool, manifest);
    QFETCH(bool, docker);
    QFETCH(bool, schema1);
    QFETCH(bool, layer);
    QFETCH(int, compression);
    QCOMPARE(isIndex(type), index);
    QCOMPARE(isImageManifest(type), manifest);
    QCOMPARE(isDocker(type), docker);
    QCOMPARE(isSchema1(type), schema1);
    QCOMPARE(isLayer(type), layer);
    QCOMPARE(int(layerCompression(type)), compression);
}

void TestMediaTypes::acceptList()
{
    const QList<QLatin1String> types = acceptedManifestTypes();
    QVERIFY(types.contains(MediaType::OciManifest));
    QVERIFY(types.contains(MediaType::OciIndex));
    QVERIFY(types.contains(MediaType::DockerManifest));
    QVERIFY(types.contains(MediaType::DockerManifestList));
    QVERIFY(isNondistributableLayer(QString(MediaType::DockerForeignLayerGzip)));
    QVERIFY(!isNondistributableLayer(QString(MediaType::DockerLayerGzip)));
    QVERIFY(isConfig(QString(MediaType::DockerConfig)));
    QVERIFY(isConfig(QString(MediaType::OciConfig)));
    QVERIFY(!isConfig(QString(MediaType::OciEmpty)));
}

QTEST_APPLESS_MAIN(TestMediaTypes)
#include "tst_mediatypes.moc"
