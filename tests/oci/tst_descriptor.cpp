#include "oci/manifest/descriptor.h"
#include "oci/manifest/mediatypes.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include "manifesttestdata.h"

#include <QTest>

using namespace oci;

namespace {

const QString Hex64 = QStringLiteral("6b86b273ff34fce19d6b804eff5a3f5747ada4eaa22f1d49c01e52ddb7875b4b");

QJsonObject object(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).object();
}

QByteArray descriptorJson(const QString &digest, const QByteArray &size)
{
    return R"({"mediaType":"application/vnd.oci.image.layer.v1.tar+gzip","digest":")"
           + digest.toUtf8() + R"(","size":)" + size + '}';
}

} // namespace

class TestDescriptor final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fullDescriptor();
    void invalid_data();
    void invalid();
    void unknownAlgorithmParses();
    void attestation();
    void list();
    void listCap();
};

void TestDescriptor::fullDescriptor()
{
    const QByteArray json = R"({
        "mediaType": "application/vnd.docker.image.rootfs.foreign.diff.tar.gzip",
        "digest": "sha256:)" + Hex64.toUtf8() + R"(",
        "size": 1718332879,
        "urls": ["https://mcr.microsoft.com/v2/windows/servercore/blobs/sha256:)" + Hex64.toUtf8() + R"("],
        "annotations": {"org.opencontainers.image.title": "base.tar.gz"},
        "platform": {"os": "windows", "architecture": "amd64"},
        "artifactType": "application/vnd.example+type"
    })";
    const Result<Descriptor> descriptor = Descriptor::fromJson(object(json));
    QVERIFY2(descriptor.ok(), failureText(descriptor).constData());
    QCOMPARE(descriptor->mediaType(), QString(MediaType::DockerForeignLayerGzip));
    QCOMPARE(descriptor->digest().toString(), u"sha256:" + Hex64);
    QCOMPARE(descriptor->size(), 1718332879);
    QCOMPARE(descriptor->urls().size(), 1);
    QCOMPARE(descriptor->annotation(QStringLiteral("org.opencontainers.image.title")),
             QStringLiteral("base.tar.gz"));
    QVERIFY(descriptor->platform().has_value());
    QCOMPARE(descriptor->platform()->toString(), QStringLiteral("windows/amd64"));
    QCOMPARE(descriptor->artifactType(), QStringLiteral("application/vnd.example+type"));
    QVERIFY(!descriptor->isNull());
    QVERIFY(!descriptor->isAttestation());
    QVERIFY(Descriptor().isNull());

    const Result<Descriptor> big = Descriptor::fromJson(object(descriptorJson(u"sha256:" + Hex64, "9007199254740991")));
    QVERIFY(big.ok());
    QCOMPARE(big->size(), Q_INT64_C(9007199254740991));
}

void TestDescriptor::invalid_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("problem");
    const QString good = u"sha256:" + Hex64;
    QTest::newRow("negative size") << descriptorJson(good, "-1") << QStringLiteral("descriptor.size: negative");
    QTest::newRow("fractional size") << descriptorJson(good, "1.5") << QStringLiteral("descriptor.size: must be a whole number");
    QTest::newRow("size as string") << descriptorJson(good, "\"12\"") << QStringLiteral("descriptor.size: must be a number");
    QTest::newRow("size huge") << descriptorJson(good, "1e300") << QStringLiteral("descriptor.size: must be a whole number");
    QTest::newRow("size missing")
        << QByteArray(R"({"mediaType":"a/b","digest":")" + good.toUtf8() + R"("})") << QStringLiteral("descriptor.size: missing");
    QTest::newRow("size null") << descriptorJson(good, "null") << QStringLiteral("descriptor.size: missing");
    QTest::newRow("upper-case hex") << descriptorJson(u"sha256:" + Hex64.toUpper(), "1") << QStringLiteral("descriptor.digest:");
    QTest::newRow("63 hex") << descriptorJson(u"sha256:" + Hex64.left(63), "1") << QStringLiteral("descriptor.digest:");
    QTest::newRow("65 hex") << descriptorJson(u"sha256:" + Hex64 + u"0", "1") << QStringLiteral("descriptor.digest:");
    QTest::newRow("path traversal") << descriptorJson(QStringLiteral("sha256:../../../etc/passwd"), "1")
                                    << QStringLiteral("descriptor.digest:");
    QTest::newRow("traversal after hex") << descriptorJson(u"sha256:" + Hex64 + u"/../x", "1")
                                         << QStringLiteral("descriptor.digest:");
    QTest::newRow("no algorithm") << descriptorJson(Hex64, "1") << QStringLiteral("descriptor.digest:");
    QTest::newRow("digest missing") << QByteArray(R"({"mediaType":"a/b","size":1})") << QStringLiteral("descriptor.digest: missing");
    QTest::newRow("digest number") << QByteArray(R"({"mediaType":"a/b","size":1,"digest":5})")
                                   << QStringLiteral("descriptor.digest: must be a string");
    QTest::newRow("media type missing") << QByteArray(R"({"digest":")" + good.toUtf8() + R"(","size":1})")
                                        << QStringLiteral("descriptor.mediaType: missing");
    QTest::newRow("media type empty") << QByteArray(R"({"mediaType":"","digest":")" + good.toUtf8() + R"(","size":1})")
                                      << QStringLiteral("descriptor.mediaType: empty");
    QTest::newRow("url not a string")
        << QByteArray(R"({"mediaType":"a/b","digest":")" + good.toUtf8() + R"(","size":1,"urls":[{}]})")
        << QStringLiteral("descriptor.urls[0]: must be a string");
    QTest::newRow("annotation not a string")
        << QByteArray(R"({"mediaType":"a/b","digest":")" + good.toUtf8() + R"(","size":1,"annotations":{"k":1}})")
        << QStringLiteral("descriptor.annotations.k: must be a string");
    QTest::newRow("platform not an object")
        << QByteArray(R"({"mediaType":"a/b","digest":")" + good.toUtf8() + R"(","size":1,"platform":"linux"})")
        << QStringLiteral("descriptor.platform: must be an object");
    QTest::newRow("platform member wrong")
        << QByteArray(R"({"mediaType":"a/b","digest":")" + good.toUtf8() + R"(","size":1,"platform":{"os":[]}})")
        << QStringLiteral("descriptor.platform.os: must be a string");
}

void TestDescriptor::invalid()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, problem);
    QVERIFY(!object(json).isEmpty());
    const Result<Descriptor> descriptor = Descriptor::fromJson(object(json));
    QVERIFY(!descriptor.ok());
    QCOMPARE(descriptor.error().code(), Error::Code::MalformedDocument);
    QVERIFY2(descriptor.error().message().startsWith(problem), qPrintable(descriptor.error().message()));
}

void TestDescriptor::unknownAlgorithmParses()
{
    // Grammar-valid digests of other algorithms parse, but cannot be verified.
    const Result<Descriptor> descriptor =
        Descriptor::fromJson(object(descriptorJson(QStringLiteral("blake3:abcdef0123"), "10")));
    QVERIFY(descriptor.ok());
    QVERIFY(!descriptor->digest().isVerifiable());
}

void TestDescriptor::attestation()
{
    const QByteArray json = R"({"mediaType":"application/vnd.oci.image.manifest.v1+json",
        "digest":"sha256:)" + Hex64.toUtf8() + R"(","size":839,
        "annotations":{"vnd.docker.reference.digest":"sha256:)" + QByteArray(64, 'a') + R"(",
                       "vnd.docker.reference.type":"attestation-manifest"},
        "platform":{"architecture":"unknown","os":"unknown"}})";
    const Result<Descriptor> descriptor = Descriptor::fromJson(object(json));
    QVERIFY(descriptor.ok());
    QVERIFY(descriptor->isAttestation());
    QCOMPARE(descriptor->attestationSubject().toString(), u"sha256:" + QString(64, u'a'));
    QVERIFY(descriptor->platform()->isUnknown());
}

void TestDescriptor::list()
{
    QJsonArray array;
    array.append(object(descriptorJson(u"sha256:" + Hex64, "1")));
    array.append(object(descriptorJson(u"sha256:" + QString(64, u'b'), "2")));
    const auto descriptors = Descriptor::listFromJson(array, u"layers");
    QVERIFY(descriptors.ok());
    QCOMPARE(descriptors->size(), 2);
    QCOMPARE(descriptors->at(1).size(), 2);

    array.append(object(descriptorJson(u"sha256:" + QString(64, u'c'), "-3")));
    const auto negative = Descriptor::listFromJson(array, u"layers");
    QVERIFY(!negative.ok());
    QVERIFY2(negative.error().message().startsWith(u"layers[2].size: negative"),
             qPrintable(negative.error().message()));

    QJsonArray notObjects{1, 2};
    const auto wrong = Descriptor::listFromJson(notObjects, u"manifests");
    QVERIFY(!wrong.ok());
    QVERIFY(wrong.error().message().startsWith(u"manifests[0]: must be an object"));
}

void TestDescriptor::listCap()
{
    const QJsonObject one = object(descriptorJson(u"sha256:" + Hex64, "1"));
    QJsonArray array;
    for (qsizetype i = 0; i < Descriptor::MaxListLength; ++i)
        array.append(one);
    QVERIFY(Descriptor::listFromJson(array, u"layers").ok());
    array.append(one);
    const auto tooMany = Descriptor::listFromJson(array, u"layers");
    QVERIFY(!tooMany.ok());
    QCOMPARE(tooMany.error().code(), Error::Code::SizeLimitExceeded);
}

QTEST_APPLESS_MAIN(TestDescriptor)
#include "tst_descriptor.moc"
