#include "oci/manifest/platform.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using oci::Platform;

namespace {
QJsonObject object(const char *json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}
} // namespace

class TestPlatform final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void toString_data();
    void toString();
    void fromJson();
    void wrongTypes_data();
    void wrongTypes();
    void unknownIsAttestationShape();
};

void TestPlatform::toString_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("expected");
    QTest::newRow("amd64") << QByteArray(R"({"os":"linux","architecture":"amd64"})")
                           << QStringLiteral("linux/amd64");
    QTest::newRow("arm64 v8") << QByteArray(R"({"os":"linux","architecture":"arm64","variant":"v8"})")
                              << QStringLiteral("linux/arm64/v8");
    QTest::newRow("windows")
        << QByteArray(R"({"os":"windows","architecture":"amd64","os.version":"10.0.17763.5329"})")
        << QStringLiteral("windows/amd64:10.0.17763.5329");
    QTest::newRow("attestation") << QByteArray(R"({"os":"unknown","architecture":"unknown"})")
                                 << QStringLiteral("unknown/unknown");
}

void TestPlatform::toString()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, expected);
    const auto platform = Platform::fromJson(QJsonDocument::fromJson(json).object());
    QVERIFY(platform.ok());
    QCOMPARE(platform->toString(), expected);
}

void TestPlatform::fromJson()
{
    const auto platform = Platform::fromJson(object(
        R"({"os":"windows","architecture":"amd64","os.version":"10.0","os.features":["win32k"],"extra":1})"));
    QVERIFY(platform.ok());
    QCOMPARE(platform->os, QStringLiteral("windows"));
    QCOMPARE(platform->architecture, QStringLiteral("amd64"));
    QCOMPARE(platform->osVersion, QStringLiteral("10.0"));
    QCOMPARE(platform->osFeatures, QStringList{QStringLiteral("win32k")});
    QVERIFY(!platform->isNull());
    QVERIFY(!platform->isUnknown());
    QVERIFY(Platform().isNull());
}

void TestPlatform::wrongTypes_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("path");
    QTest::newRow("os number") << QByteArray(R"({"os":1,"architecture":"amd64"})") << QStringLiteral("platform.os");
    QTest::newRow("features not a list") << QByteArray(R"({"os.features":"win32k"})")
                                         << QStringLiteral("platform.os.features");
    QTest::newRow("feature not a string") << QByteArray(R"({"os.features":[1]})")
                                          << QStringLiteral("platform.os.features[0]");
}

void TestPlatform::wrongTypes()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, path);
    const auto platform = Platform::fromJson(QJsonDocument::fromJson(json).object());
    QVERIFY(!platform.ok());
    QCOMPARE(platform.error().code(), oci::Error::Code::MalformedDocument);
    QVERIFY2(platform.error().message().startsWith(path + u':'), qPrintable(platform.error().message()));
}

void TestPlatform::unknownIsAttestationShape()
{
    Platform platform;
    platform.os = QStringLiteral("unknown");
    platform.architecture = QStringLiteral("unknown");
    QVERIFY(platform.isUnknown());
    platform.architecture = QStringLiteral("amd64");
    QVERIFY(!platform.isUnknown());
}

QTEST_APPLESS_MAIN(TestPlatform)
#include "tst_platform.moc"
