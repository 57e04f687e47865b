// The remembered registry list: round trip, hand-edited files, and no password, ever.

#include "registryliststore.h"

#include <QFile>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestRegistryListStore final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString file(const QString &name) const { return m_dir.filePath(name); }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }

    void defaultFileFollowsTestMode()
    {
        const QString path = RegistryListStore::defaultSettingsFile();
        QVERIFY2(path.endsWith(u"/lading.conf"_s), qPrintable(path));
        QVERIFY2(path.contains(u".qttest"_s), qPrintable(path));
    }

    void roundTrip()
    {
        RegistryEntry ghcr;
        ghcr.config.host = u"ghcr.io"_s;
        ghcr.config.authMode = oci::RegistryConfig::AuthMode::Password;
        ghcr.username = u"octocat"_s;
        ghcr.repositories = QStringList{u"octocat/app"_s};
        RegistryEntry local;
        local.config.host = u"localhost:5000"_s;
        local.config.plainHttp = true;
        local.config.authMode = oci::RegistryConfig::AuthMode::Anonymous;
        RegistryEntry corporate;
        corporate.config.host = u"registry.corp.example"_s;
        corporate.config.insecureSkipTlsVerify = true;
        corporate.config.caFile = u"/etc/ssl/corp-ca.pem"_s;
        RegistryEntry hub;
        hub.config.host = u"docker.io"_s;
        hub.repositories = QStringList{u"library/debian"_s, u"library/alpine"_s, u"grafana/loki"_s};

        const RegistryListStore store(file(u"roundtrip.conf"_s));
        QVERIFY(store.save({ghcr, local, corporate, hub}).ok());
        const QList<RegistryEntry> loaded = RegistryListStore(file(u"roundtrip.conf"_s)).load();
        QCOMPARE(loaded.size(), 4);
        QVERIFY(loaded.at(0) == ghcr);
        QVERIFY(loaded.at(1) == local);
        QVERIFY(loaded.at(2) == corporate);
        QVERIFY(loaded.at(3) == hub);
        QCOMPARE(loaded.at(0).config.authMode, oci::RegistryConfig::AuthMode::Password);
        QCOMPARE(loaded.at(1).config.authMode, oci::RegistryConfig::AuthMode::Anonymous);
        QCOMPARE(loaded.at(2).config.authMode, oci::RegistryConfig::AuthMode::DockerCredentials);
        QCOMPARE(loaded.at(3).repositories,
                 (QStringList{u"library/debian"_s, u"library/alpine"_s, u"grafana/loki"_s}));
        QCOMPARE(loaded.at(0).repositories, QStringList{u"octocat/app"_s});
        QVERIFY(loaded.at(1).repositories.isEmpty());

        // Saving fewer entries forgets the rest.
        QVERIFY(store.save({local}).ok());
        QCOMPARE(store.load().size(), 1);
        QVERIFY(store.load().constFirst() == local);
    }

    void fileHoldsNoPassword()
    {
        // The entry type has no password at all; this checks the file too, in case a
        // later change smuggles one in.
        const QString password = u"s3cret-Pa55-never-on-disk"_s;
        RegistryEntry entry;
        entry.config.host = u"registry.example.com"_s;
        entry.config.authMode = oci::RegistryConfig::AuthMode::Password;
        entry.username = u"alice"_s;
        const RegistryListStore store(file(u"nopassword.conf"_s));
        QVERIFY(store.save({entry}).ok());

        QFile saved(store.settingsFile());
        QVERIFY(saved.open(QIODevice::ReadOnly));
        const QByteArray bytes = saved.readAll();
        QVERIFY(bytes.contains("alice"));
        QVERIFY(bytes.contains("registry.example.com"));
        QVERIFY(!bytes.contains(password.toUtf8()));
        QVERIFY(!bytes.toLower().contains("secret"));
        // Only the known keys: the mode is named ("auth=password"), the secret has no key.
        QSettings settings(store.settingsFile(), QSettings::IniFormat);
        settings.beginReadArray(u"registries"_s);
        settings.setArrayIndex(0);
        const QStringList keys = settings.childKeys();
        settings.endArray();
        const QStringList known{u"host"_s, u"plainHttp"_s, u"insecure"_s,    u"caFile"_s,
                                u"auth"_s, u"username"_s,  u"repositories"_s};
        for (const QString &key : keys)
            QVERIFY2(known.contains(key), qPrintable(key));
        QVERIFY(keys.contains(u"auth"_s));
        QCOMPARE(settings.value(u"registries/1/auth"_s).toString(), u"password"_s);
    }

    void handEditedFile()
    {
        const QString path = file(u"edited.conf"_s);
        {
            QSettings settings(path, QSettings::IniFormat);
            settings.beginWriteArray(u"registries"_s, 4);
            settings.setArrayIndex(0);
            settings.setValue(u"host"_s, u" quay.io "_s);
            settings.setArrayIndex(1);
            settings.setValue(u"host"_s, QString()); // blank: dropped
            settings.setArrayIndex(2);
            settings.setValue(u"host"_s, u"quay.io"_s); // duplicate: dropped
            settings.setValue(u"plainHttp"_s, true);
            settings.setArrayIndex(3);
            settings.setValue(u"host"_s, u"localhost:5000"_s);
            settings.setValue(u"plainHttp"_s, u"true"_s);
            settings.setValue(u"username"_s, u"bob"_s); // saved before auth modes existed
            settings.setValue(u"repositories"_s, QStringList{u"a/b"_s, QString(), u"a/b"_s});
            settings.endArray();
        }
        const QList<RegistryEntry> loaded = RegistryListStore(path).load();
        QCOMPARE(loaded.size(), 2);
        // Without an auth mode: Docker's credentials, or a password where a user was named.
        QCOMPARE(loaded.at(0).config.authMode, oci::RegistryConfig::AuthMode::DockerCredentials);
        QCOMPARE(loaded.at(1).config.authMode, oci::RegistryConfig::AuthMode::Password);
        QCOMPARE(loaded.at(1).repositories, QStringList{u"a/b"_s}); // blanks, duplicates dropped
        QCOMPARE(loaded.at(0).config.host, u"quay.io"_s);
        QVERIFY(!loaded.at(0).config.plainHttp);
        QCOMPARE(loaded.at(1).config.host, u"localhost:5000"_s);
        QVERIFY(loaded.at(1).config.plainHttp);
    }

    void missingFileIsEmpty()
    {
        QVERIFY(RegistryListStore(file(u"does-not-exist.conf"_s)).load().isEmpty());
    }

    void unwritableFileFails()
    {
        const RegistryListStore store(u"/proc/lading-cannot-write-here/lading.conf"_s);
        RegistryEntry entry;
        entry.config.host = u"ghcr.io"_s;
        QVERIFY(!store.save({entry}).ok());
    }
};

QTEST_GUILESS_MAIN(TestRegistryListStore)
#include "tst_registryliststore.moc"
