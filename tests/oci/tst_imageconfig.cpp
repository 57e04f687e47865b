#include "oci/manifest/imageconfig.h"

#include "manifesttestdata.h"

#include <QTest>

using namespace oci;

class TestImageConfig final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void ociConfig();
    void dockerConfig();
    void minimalAndNulls();
    void commandAsString();
    void invalid_data();
    void invalid();
    void sizeCap();
};

void TestImageConfig::ociConfig()
{
    const Result<ImageConfig> config = ImageConfig::parse(readManifestFixture(QStringLiteral("oci-config.json")));
    QVERIFY2(config.ok(), failureText(config).constData());
    QCOMPARE(config->platform.toString(), QStringLiteral("linux/arm64/v8"));
    // Go writes nanoseconds; the timestamp must still parse (to milliseconds).
    QVERIFY(config->created.isValid());
    QCOMPARE(config->created, QDateTime(QDate(2024, 3, 14), QTime(9, 26, 53, 358), Qt::UTC));
    QCOMPARE(config->author, QStringLiteral("Lading fixtures"));
    QCOMPARE(config->user, QStringLiteral("1000:1000"));
    QCOMPARE(config->exposedPorts, (QStringList{QStringLiteral("53/udp"), QStringLiteral("8080/tcp")}));
    QCOMPARE(config->env.size(), 2);
    QCOMPARE(config->env.at(1), QStringLiteral("APP_HOME=/srv/app"));
    QCOMPARE(config->entrypoint, (QStringList{QStringLiteral("/usr/bin/tini"), QStringLiteral("--")}));
    QCOMPARE(config->cmd.size(), 3);
    QCOMPARE(config->volumes, QStringList{QStringLiteral("/var/lib/app")});
    QCOMPARE(config->workingDir, QStringLiteral("/srv/app"));
    QCOMPARE(config->labels.value(QStringLiteral("org.opencontainers.image.version")), QStringLiteral("1.4.2"));
    QCOMPARE(config->stopSignal, QStringLiteral("SIGTERM"));

    QCOMPARE(config->history.size(), 4);
    QVERIFY(!config->history.at(0).emptyLayer);
    QVERIFY(config->history.at(1).emptyLayer);
    QCOMPARE(config->history.at(1).created, QDateTime(QDate(2024, 2, 27), QTime(18, 52, 59, 300), Qt::UTC));
    QCOMPARE(config->history.at(2).comment, QStringLiteral("buildkit.dockerfile.v0"));
    QVERIFY(config->history.at(2).createdBy.startsWith(u"COPY /out/server"));

    QCOMPARE(config->rootfsType, QStringLiteral("layers"));
    QCOMPARE(config->diffIds.size(), 2);
    QCOMPARE(config->diffIds.at(0).algorithm(), QStringLiteral("sha256"));
    // Layers that made a filesystem change line up with diff_ids.
    qsizetype layerSteps = 0;
    for (const HistoryEntry &entry : config->history)
        layerSteps += entry.emptyLayer ? 0 : 1;
    QCOMPARE(layerSteps, config->diffIds.size());
}

void TestImageConfig::dockerConfig()
{
    const Result<ImageConfig> config =
        ImageConfig::parse(readManifestFixture(QStringLiteral("docker-config.json")));
    QVERIFY2(config.ok(), failureText(config).constData());
    QCOMPARE(config->platform.toString(), QStringLiteral("linux/amd64"));
    QCOMPARE(config->cmd, QStringList{QStringLiteral("bash")});
    // "Entrypoint": null, "Volumes": null, "Labels": null read as empty.
    QVERIFY(config->entrypoint.isEmpty());
    QVERIFY(config->volumes.isEmpty());
    QVERIFY(config->labels.isEmpty());
    QCOMPARE(config->history.size(), 2);
    QCOMPARE(config->diffIds.size(), 1);
}

void TestImageConfig::minimalAndNulls()
{
    const Result<ImageConfig> config = ImageConfig::parse(
        R"({"architecture":"amd64","os":"linux","config":null,"history":null,"created":"garbage","rootfs":{"type":"layers","diff_ids":[]}})");
    QVERIFY2(config.ok(), failureText(config).constData());
    QVERIFY(!config->created.isValid());
    QVERIFY(config->history.isEmpty());
    QVERIFY(config->diffIds.isEmpty());
    QVERIFY(ImageConfig::parse("{}").ok());
}

void TestImageConfig::commandAsString()
{
    // Docker's strslice: a lone string is a one-element command.
    const Result<ImageConfig> config =
        ImageConfig::parse(R"({"config":{"Cmd":"/bin/sh -c true","Entrypoint":["a"]}})");
    QVERIFY(config.ok());
    QCOMPARE(config->cmd, QStringList{QStringLiteral("/bin/sh -c true")});
    QCOMPARE(config->entrypoint, QStringList{QStringLiteral("a")});
}

void TestImageConfig::invalid_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("problem");
    QTest::newRow("duplicate Env")
        << QByteArray(R"({"config":{"Env":["A=1"],"Env":["A=2"]}})") << QStringLiteral("duplicate");
    QTest::newRow("not an object") << QByteArray("[]") << QStringLiteral("JSON object");
    QTest::newRow("trailing garbage") << QByteArray("{}}") << QStringLiteral("trailing");
    QTest::newRow("env not strings") << QByteArray(R"({"config":{"Env":[1]}})")
                                     << QStringLiteral("config.Env[0]: must be a string");
    QTest::newRow("labels not strings") << QByteArray(R"({"config":{"Labels":{"a":{}}}})")
                                        << QStringLiteral("config.Labels.a: must be a string");
    QTest::newRow("os not a string") << QByteArray(R"({"os":7})") << QStringLiteral("os: must be a string");
    QTest::newRow("bad diff id")
        << QByteArray(R"({"rootfs":{"type":"layers","diff_ids":["sha256:)" + QByteArray(64, 'a') + R"(","sha256:xyz"]}})")
        << QStringLiteral("rootfs.diff_ids[1]:");
    QTest::newRow("history entry not an object") << QByteArray(R"({"history":["x"]})")
                                                 << QStringLiteral("history[0]: must be an object");
    QTest::newRow("empty_layer not a bool") << QByteArray(R"({"history":[{"empty_layer":"yes"}]})")
                                            << QStringLiteral("history[0].empty_layer: must be true or false");
}

void TestImageConfig::invalid()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, problem);
    const Result<ImageConfig> config = ImageConfig::parse(json);
    QVERIFY(!config.ok());
    QCOMPARE(config.error().code(), Error::Code::MalformedDocument);
    QVERIFY2(config.error().message().contains(problem), qPrintable(config.error().message()));
}

void TestImageConfig::sizeCap()
{
    // Exactly at the cap is read; one byte more is refused before any parsing.
    QByteArray atCap = R"({"author":")";
    atCap += QByteArray(ImageConfig::MaxSize - atCap.size() - 2, 'x');
    atCap += "\"}";
    QCOMPARE(atCap.size(), ImageConfig::MaxSize);
    QVERIFY(ImageConfig::parse(atCap).ok());
    const Result<ImageConfig> over = ImageConfig::parse(atCap + ' ');
    QVERIFY(!over.ok());
    QCOMPARE(over.error().code(), Error::Code::SizeLimitExceeded);
}

QTEST_APPLESS_MAIN(TestImageConfig)
#include "tst_imageconfig.moc"
