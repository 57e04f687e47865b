#include "oci/transport/registryconfig.h"

#include <QTest>

using oci::RegistryConfig;
using AuthMode = oci::RegistryConfig::AuthMode;

class tst_RegistryConfig final : public QObject
{
    Q_OBJECT

private slots:
    void authModeNamesRoundTrip_data()
    {
        QTest::addColumn<AuthMode>("mode");
        QTest::addColumn<QString>("name");
        QTest::newRow("anonymous") << AuthMode::Anonymous << QStringLiteral("anonymous");
        QTest::newRow("password") << AuthMode::Password << QStringLiteral("password");
        QTest::newRow("docker") << AuthMode::DockerCredentials << QStringLiteral("docker");
    }
    void authModeNamesRoundTrip()
    {
        QFETCH(AuthMode, mode);
        QFETCH(QString, name);
        QCOMPARE(oci::authModeName(mode), name);
        QCOMPARE(oci::authModeFromName(name), std::optional<AuthMode>(mode));
        QCOMPARE(oci::authModeFromName(QString(u' ' + name.toUpper() + u' ')),
                 std::optional<AuthMode>(mode));
    }

    void unknownNamesAreRejected()
    {
        QVERIFY(!oci::authModeFromName(u"").has_value());
        QVERIFY(!oci::authModeFromName(u"basic").has_value());
        QVERIFY(!oci::authModeFromName(u"docker-credentials").has_value());
    }

    void legacyEntries()
    {
        QCOMPARE(oci::authModeForLegacyEntry(QString()), AuthMode::DockerCredentials);
        QCOMPARE(oci::authModeForLegacyEntry(QStringLiteral("alice")), AuthMode::Password);
    }

    void defaultsToDockerCredentials()
    {
        // Like before auth modes existed: a registry added by host alone uses Docker's login.
        QCOMPARE(RegistryConfig().authMode, AuthMode::DockerCredentials);
    }

    void baseUrl()
    {
        RegistryConfig config;
        config.host = QStringLiteral("docker.io");
        QCOMPARE(config.baseUrl(), QUrl(QStringLiteral("https://registry-1.docker.io/")));
        config.host = QStringLiteral("localhost:5000");
        config.plainHttp = true;
        QCOMPARE(config.baseUrl(), QUrl(QStringLiteral("http://localhost:5000/")));
        config.host = QStringLiteral("[::1]:5001");
        QCOMPARE(config.baseUrl().port(), 5001);
        QCOMPARE(config.baseUrl().host(), QStringLiteral("::1"));
    }
};

QTEST_GUILESS_MAIN(tst_RegistryConfig)
#include "tst_registryconfig.moc"
