#include "keychaintestmode.h"

#include "keychainstore.h"
#include "registryliststore.h"
#include "registrysession.h"

#include "oci/auth/credentials.h"
#include "oci/client/registryclient.h"
#include "oci/transport/transport.h"

#include <QDir>
#include <QSignalSpy>

#include <memory>
#include <optional>

using AuthMode = oci::RegistryConfig::AuthMode;
using oci::Credentials;

namespace {

RegistryEntry entryFor(const QString &host, AuthMode mode, const QString &username = {})
{
    RegistryEntry entry;
    entry.config.host = host;
    entry.config.authMode = mode;
    entry.username = username;
    return entry;
}

QByteArray b64(const QByteArray &plain)
{
    return plain.toBase64();
}

// What the transport would be given for `host`.
oci::Result<Credentials> lookup(const RegistrySession &session, const QString &host)
{
    std::optional<oci::Result<Credentials>> out;
    session.transport()->credentialProvider()->lookup(
        host, [&](oci::Result<Credentials> result) { out = std::move(result); });
    if (!QTest::qWaitFor([&] { return out.has_value(); }, 30000))
        return oci::Error(oci::Error::Code::Timeout, QStringLiteral("no answer"));
    return *out;
}

} // namespace

class tst_RegistrySession final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { KeychainTest::prepareEnvironment(); }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        // Docker has credentials for every test host; Podman for one more.
        writeFile(u"docker/config.json"_qs,
                  "{\"auths\":{\"anon.io\":{\"auth\":\"" + b64("docker-user:docker-pw")
                      + "\"},\"pass.io\":{\"auth\":\"" + b64("docker-user:docker-pw")
                      + "\"},\"docker.io\":{\"auth\":\"" + b64("hub-user:hub-pw")
                      + "\"},\"unknown.io\":{\"auth\":\"" + b64("docker-user:docker-pw") + "\"}}}");
        writeFile(u"containers/auth.json"_qs,
                  "{\"auths\":{\"podman.io\":{\"auth\":\"" + b64("podman-user:podman-pw") + "\"}}}");
        m_options.dockerConfig = RegistrySession::DockerConfig::Use;
        m_options.keychainService = KeychainTest::uniqueService();
        m_options.dockerConfigPath = path(u"docker/config.json"_qs);
        m_options.podmanAuthFiles = {path(u"containers/auth.json"_qs)};
    }

    void anonymousSendsNothing()
    {
        RegistrySession session(m_options);
        session.setRegistry(entryFor(u"anon.io"_qs, AuthMode::Anonymous, u"alice"_qs));
        session.setPassword(u"anon.io"_qs, u"alice"_qs, u"typed"_qs);
        const auto result = lookup(session, u"anon.io"_qs);
        QVERIFY(result.ok());
        QVERIFY(result->isAnonymous()); // neither the typed password nor Docker's
    }

    void passwordModeUsesTheTypedPasswordOnly()
    {
        RegistrySession session(m_options);
        session.setRegistry(entryFor(u"pass.io"_qs, AuthMode::Password, u"alice"_qs));
        // Nothing typed (and no keychain here): nothing, not Docker's credentials.
        if (!KeychainTest::withSecretService())
            QVERIFY(lookup(session, u"pass.io"_qs)->isAnonymous());
        session.setPassword(u"pass.io"_qs, u"alice"_qs, u"typed"_qs);
        QVERIFY(session.hasPassword(u"pass.io"_qs));
        const auto result = lookup(session, u"pass.io"_qs);
        QCOMPARE(result->username, u"alice"_qs);
        QCOMPARE(result->password, u"typed"_qs);
    }

    void dockerModeReadsDockerThenPodman()
    {
        RegistrySession session(m_options);
        session.setRegistry(entryFor(u"anon.io"_qs, AuthMode::DockerCredentials));
        session.setRegistry(entryFor(u"podman.io"_qs, AuthMode::DockerCredentials));
        session.setRegistry(entryFor(u"docker.io"_qs, AuthMode::DockerCredentials));
        QCOMPARE(lookup(session, u"anon.io"_qs)->username, u"docker-user"_qs);
        QCOMPARE(lookup(session, u"podman.io"_qs)->username, u"podman-user"_qs);
        QCOMPARE(lookup(session, u"registry-1.docker.io"_qs)->username, u"hub-user"_qs);
        QVERIFY(lookup(session, u"nothing.io"_qs)->isAnonymous());
        // A password typed for the registry (sign-in after a 401) comes first.
        session.setPassword(u"anon.io"_qs, u"alice"_qs, u"typed"_qs);
        QCOMPARE(lookup(session, u"anon.io"_qs)->password, u"typed"_qs);
    }

    void dockerConfigIgnored()
    {
        RegistrySession::Options options = m_options;
        options.dockerConfig = RegistrySession::DockerConfig::Ignore;
        RegistrySession session(options);
        session.setRegistry(entryFor(u"anon.io"_qs, AuthMode::DockerCredentials));
        QVERIFY(lookup(session, u"anon.io"_qs)->isAnonymous());
        QVERIFY(lookup(session, u"podman.io"_qs)->isAnonymous());
    }

    void unregisteredHostsUseDockerCredentials()
    {
        RegistrySession session(m_options);
        QCOMPARE(lookup(session, u"unknown.io"_qs)->username, u"docker-user"_qs);
    }

    void createClientRegistersTheEntry()
    {
        RegistrySession session(m_options);
        auto client = session.createClient(entryFor(u"anon.io"_qs, AuthMode::Anonymous));
        QVERIFY(client);
        QVERIFY(lookup(session, u"anon.io"_qs)->isAnonymous());
        client = session.createClient(entryFor(u"anon.io"_qs, AuthMode::DockerCredentials));
        QCOMPARE(lookup(session, u"anon.io"_qs)->username, u"docker-user"_qs);
    }

    void passwordOfAnotherUserIsNotSent()
    {
        RegistrySession session(m_options);
        session.setPassword(u"pass.io"_qs, u"alice"_qs, u"alices-pw"_qs);
        session.setRegistry(entryFor(u"pass.io"_qs, AuthMode::Password, u"bob"_qs));
        if (!KeychainTest::withSecretService())
            QVERIFY(lookup(session, u"pass.io"_qs)->isAnonymous());
        // Signing in as someone else moves the registry to that user.
        session.setPassword(u"pass.io"_qs, u"carol"_qs, u"carols-pw"_qs);
        QCOMPARE(lookup(session, u"pass.io"_qs)->username, u"carol"_qs);
    }

    void forgetAndRemove()
    {
        RegistrySession session(m_options);
        session.setRegistry(entryFor(u"pass.io"_qs, AuthMode::Password, u"alice"_qs));
        session.setPassword(u"pass.io"_qs, u"alice"_qs, u"typed"_qs);
        session.forget(u"pass.io"_qs);
        QVERIFY(!session.hasPassword(u"pass.io"_qs));
        session.setPassword(u"pass.io"_qs, u"alice"_qs, u"typed"_qs);
        session.setPassword(u"pass.io"_qs, u"alice"_qs, QString()); // empty: forget
        QVERIFY(!session.hasPassword(u"pass.io"_qs));
        session.setPassword(u"pass.io"_qs, u"alice"_qs, u"typed"_qs);
        session.removeRegistry(u"pass.io"_qs);
        QVERIFY(!session.hasPassword(u"pass.io"_qs));
        // Unregistered now: Docker's credentials, as for any unknown host.
        QCOMPARE(lookup(session, u"pass.io"_qs)->username, u"docker-user"_qs);
    }

    // --- keychain ------------------------------------------------------------------------

    void withoutKeychainThePersonIsTold()
    {
        KEYCHAIN_REQUIRE_NO_DBUS();
        RegistrySession session(m_options);
        QSignalSpy unavailable(&session, &RegistrySession::keychainUnavailable);
        QSignalSpy stored(&session, &RegistrySession::passwordStored);
        session.setRegistry(entryFor(u"pass.io"_qs, AuthMode::Password, u"alice"_qs));
        session.setPassword(u"pass.io"_qs, u"alice"_qs, u"typed"_qs, RegistrySession::Remember::InKeychain);
        QVERIFY(stored.wait(30000));
        QCOMPARE(stored.at(0).at(0).toString(), u"pass.io"_qs);
        QCOMPARE(stored.at(0).at(1).toBool(), false);
        QVERIFY(!stored.at(0).at(2).toString().isEmpty());
        QCOMPARE(unavailable.size(), 1);
        QCOMPARE(unavailable.at(0).at(0).toString(), KeychainStore::sessionOnlyNotice());
        QVERIFY(!session.isKeychainAvailable());
        // Still usable for the rest of the session.
        QCOMPARE(lookup(session, u"pass.io"_qs)->password, u"typed"_qs);
    }

    void passwordIsNeverInTheSettingsFile()
    {
        const QString settingsFile = path(u"lading.conf"_qs);
        const QString password = u"Pa55-" + QUuid::createUuid().toString(QUuid::WithoutBraces);
        RegistrySession session(m_options);
        QSignalSpy stored(&session, &RegistrySession::passwordStored);
        const RegistryEntry entry = entryFor(u"pass.io"_qs, AuthMode::Password, u"alice"_qs);
        session.setRegistry(entry);
        session.setPassword(u"pass.io"_qs, u"alice"_qs, password, RegistrySession::Remember::InKeychain);
        RegistryListStore store(settingsFile);
        QVERIFY(store.save({entry}).ok());
        QVERIFY(stored.wait(30000));
        QVERIFY(store.save({entry}).ok()); // again, after the keychain answered

        QFile file(settingsFile);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray settings = file.readAll();
        QVERIFY(settings.contains("pass.io")); // the file is the one written
        QVERIFY(settings.contains("alice"));
        QVERIFY(!settings.contains(password.toUtf8()));
        QVERIFY(!settings.contains(b64(password.toUtf8())));
        QVERIFY(!settings.contains(b64("alice:" + password.toUtf8())));
        // Nothing else in the folder has it either.
        const QStringList files = QDir(m_dir->path()).entryList(QDir::Files);
        for (const QString &name : files) {
            QFile other(path(name));
            QVERIFY(other.open(QIODevice::ReadOnly));
            QVERIFY2(!other.readAll().contains(password.toUtf8()), qPrintable(name));
        }
        // What was saved comes back with its auth mode, for the next run.
        const QList<RegistryEntry> loaded = store.load();
        QCOMPARE(loaded.size(), 1);
        QCOMPARE(loaded.at(0).config.authMode, AuthMode::Password);
        QCOMPARE(loaded.at(0).username, u"alice"_qs);
        if (KeychainTest::withSecretService())
            QVERIFY(session.keychain()->isAvailable());
        session.forget(u"pass.io"_qs);
    }

    void passwordComesBackFromTheKeychainNextRun()
    {
        KEYCHAIN_REQUIRE_SECRET_SERVICE();
        const RegistryEntry entry = entryFor(u"pass.io"_qs, AuthMode::Password, u"alice"_qs);
        {
            RegistrySession session(m_options);
            QSignalSpy stored(&session, &RegistrySession::passwordStored);
            session.setRegistry(entry);
            session.setPassword(u"pass.io"_qs, u"alice"_qs, u"kept"_qs,
                                RegistrySession::Remember::InKeychain);
            QVERIFY(stored.wait(30000));
            QVERIFY2(stored.at(0).at(1).toBool(), qPrintable(stored.at(0).at(2).toString()));
        }
        {
            // "Lading restarted": nothing in memory, the entry as loaded from the settings.
            RegistrySession session(m_options);
            session.setRegistry(entry);
            QVERIFY(!session.hasPassword(u"pass.io"_qs));
            const auto result = lookup(session, u"pass.io"_qs);
            QCOMPARE(result->username, u"alice"_qs);
            QCOMPARE(result->password, u"kept"_qs);
            QVERIFY(session.hasPassword(u"pass.io"_qs));
            // Another user of the same registry has no entry.
            session.setRegistry(entryFor(u"pass.io"_qs, AuthMode::Password, u"bob"_qs));
            QVERIFY(lookup(session, u"pass.io"_qs)->isAnonymous());
            // Docker mode with a user name finds it as well, before Docker's config.
            session.setRegistry(entryFor(u"pass.io"_qs, AuthMode::DockerCredentials, u"alice"_qs));
            QCOMPARE(lookup(session, u"pass.io"_qs)->password, u"kept"_qs);
            session.removeRegistry(u"pass.io"_qs);
        }
        {
            // Removing the registry removed the keychain entry.
            RegistrySession session(m_options);
            session.setRegistry(entry);
            QVERIFY(lookup(session, u"pass.io"_qs)->isAnonymous());
        }
    }

private:
    QString path(const QString &name) const { return QDir(m_dir->path()).filePath(name); }
    void writeFile(const QString &name, const QByteArray &bytes)
    {
        QDir().mkpath(QFileInfo(path(name)).absolutePath());
        QFile file(path(name));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(bytes);
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    RegistrySession::Options m_options;
};

QTEST_GUILESS_MAIN(tst_RegistrySession)
#include "tst_registrysession.moc"
