#include "oci/manifest/imageindex.h"
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
} // namespace

class TestImageIndex final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void ociIndexWithAttestations();
    void dockerManifestList();
    void unknownEntryTypesTolerated();
    void invalid_data();
    void invalid();
};

void TestImageIndex::ociIndexWithAttestations()
{
    const Result<ImageIndex> index =
        ImageIndex::fromJson(object(readManifestFixture(QStringLiteral("oci-index-attestations.json"))));
    QVERIFY2(index.ok(), failureText(index).constData());
    QCOMPARE(index->mediaType, QString(MediaType::OciIndex));
    QCOMPARE(index->manifests.size(), 4);

    const QList<Descriptor> images = index->platformManifests();
    QCOMPARE(images.size(), 2);
    QCOMPARE(images.at(0).platform()->toString(), QStringLiteral("linux/amd64"));
    QCOMPARE(images.at(1).platform()->toString(), QStringLiteral("linux/arm64/v8"));

    const QList<Descriptor> attestations = index->attestations();
    QCOMPARE(attestations.size(), 2);
    QVERIFY(attestations.at(0).platform()->isUnknown());
    // Each attestation names the image it belongs to.
    QCOMPARE(attestations.at(0).attestationSubject(), images.at(0).digest());
    QCOMPARE(attestations.at(1).attestationSubject(), images.at(1).digest());
    // The amd64 entry is the manifest fixture itself.
    QVERIFY(images.at(0).digest().matches(readManifestFixture(QStringLiteral("oci-manifest.json"))));
}

void TestImageIndex::dockerManifestList()
{
    const Result<ImageIndex> index =
        ImageIndex::fromJson(object(readManifestFixture(QStringLiteral("docker-manifest-list.json"))));
    QVERIFY2(index.ok(), failureText(index).constData());
    QCOMPARE(index->mediaType, QString(MediaType::DockerManifestList));
    QCOMPARE(index->manifests.size(), 4);
    QCOMPARE(index->platformManifests().size(), 4);
    QVERIFY(index->attestations().isEmpty());
    QStringList platforms;
    for (const Descriptor &entry : index->manifests)
        platforms << entry.platform()->toString();
    QCOMPARE(platforms, (QStringList{QStringLiteral("linux/amd64"), QStringLiteral("linux/arm/v7"),
                                     QStringLiteral("linux/arm64/v8"),
                                     QStringLiteral("windows/amd64:10.0.17763.5329")}));
    QCOMPARE(index->manifests.at(3).platform()->osFeatures, QStringList{QStringLiteral("win32k")});
}

void TestImageIndex::unknownEntryTypesTolerated()
{
    const QByteArray json = R"({"schemaVersion":2,"manifests":[
        {"mediaType":"application/vnd.example.unknown.v7+json","digest":"sha256:)" + QByteArray(64, '1') + R"(","size":12},
        {"mediaType":"application/vnd.oci.image.index.v1+json","digest":"sha256:)" + QByteArray(64, '2') + R"(","size":400},
        {"mediaType":"text/plain","digest":"sha512:)" + QByteArray(128, '3') + R"(","size":0}]})";
    const Result<ImageIndex> index = ImageIndex::fromJson(object(json));
    QVERIFY2(index.ok(), failureText(index).constData());
    QCOMPARE(index->manifests.size(), 3);
    QCOMPARE(index->manifests.at(0).mediaType(), QStringLiteral("application/vnd.example.unknown.v7+json"));
    QVERIFY(isIndex(index->manifests.at(1).mediaType()));
    QCOMPARE(index->manifests.at(2).digest().algorithm(), QStringLiteral("sha512"));
    QVERIFY(!index->manifests.at(0).platform().has_value());
}

void TestImageIndex::invalid_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("problem");
    QTest::newRow("no manifests") << QByteArray(R"({"schemaVersion":2})") << QStringLiteral("manifests: missing");
    QTest::newRow("manifests null") << QByteArray(R"({"schemaVersion":2,"manifests":null})")
                                    << QStringLiteral("manifests: missing");
    QTest::newRow("schema version 3") << QByteArray(R"({"schemaVersion":3,"manifests":[]})")
                                      << QStringLiteral("schemaVersion: must be 2");
    QTest::newRow("entry without digest")
        << QByteArray(R"({"schemaVersion":2,"manifests":[{"mediaType":"a/b","size":1}]})")
        << QStringLiteral("manifests[0].digest: missing");
    QTest::newRow("entry with negative size")
        << QByteArray(R"({"schemaVersion":2,"manifests":[{"mediaType":"a/b","size":-7,"digest":"sha256:)"
                      + QByteArray(64, 'f') + R"("}]})")
        << QStringLiteral("manifests[0].size: negative");
    QTest::newRow("entry digest with ../")
        << QByteArray(R"({"schemaVersion":2,"manifests":[{"mediaType":"a/b","size":7,"digest":"sha256:../)"
                      + QByteArray(61, 'f') + R"("}]})")
        << QStringLiteral("manifests[0].digest:");
}

void TestImageIndex::invalid()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, problem);
    QVERIFY(!object(json).isEmpty());
    const Result<ImageIndex> index = ImageIndex::fromJson(object(json));
    QVERIFY(!index.ok());
    QCOMPARE(index.error().code(), Error::Code::MalformedDocument);
    QVERIFY2(index.error().message().startsWith(problem), qPrintable(index.error().message()));
}

QTEST_APPLESS_MAIN(TestImageIndex)
#include "tst_imageindex.moc"
