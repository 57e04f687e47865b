// RegistrySession against the real registry (token and Basic auth) in each auth mode:
// anonymous, username + password, and "use my Docker credentials" through config.json
// (inline, credsStore and credHelpers with a fake docker-credential-test helper) and
// Podman's auth.json. Runs without D-Bus, so no keychain is touched.

#include "../oci/fakecredentialhelper.h"
#include "keychaintestmode.h"

#include "registrysession.h"

#include "oci/client/registryclient.h"
#include "support/clientharness.h"
#include "support/fixtures.h"
#include "support/registryprocess.h"
#include "support/tokenserver.h"

#include <QTemporaryDir>

#include <memory>

using AuthMode = oci::RegistryConfig::AuthMode;

class tst_RegistrySessionAuth final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        KeychainTest::prepareEnvironment();
        REQUIRE_REGISTRY_TOOLS();
        m_registry = std::make_unique<RegistryProcess>(RegistryProcess::Auth::Token);
        QVERIFY2(m_registry->start(), qPrintable(m_registry->errorString()));
        Fixtures fixtures(*m_registry);
        QVERIFY_RESULT(fixtures.pushOciImage(QStringLiteral("private/app"), QStringLiteral("1.0")));
    }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_options = {};
        m_options.keychainService = KeychainTest::uniqueService();
        m_options.dockerConfigPath = path(QStringLiteral("config.json"));
        m_options.podmanAuthFiles = {path(QStringLiteral("auth.json"))};
    }

    void anonymousSendsNothingEvenWithDockerCredentials()
    {
        writeDockerAuths(m_registry->username(), m_registry->password());
        RegistrySession session(m_options);
        m_registry->tokenServer()->clearLog(); // the fixtures pushed as the test user
        const oci::Error error = fetch(session, AuthMode::Anonymous);
        QVERIFY2(error.code() == oci::Error::Code::Unauthorized
                     || error.code() == oci::Error::Code::Denied,
                 qPrintable(error.describe()));
        const auto issued = m_registry->tokenServer()->issued();
        QVERIFY(!issued.isEmpty()); // it did ask, anonymously
        for (const auto &token : issued)
            QVERIFY(token.grantType.isEmpty() && token.subject.isEmpty());
    }

    void passwordModeUsesTheTypedPassword()
    {
        writeDockerAuths(QStringLiteral("someone"), QStringLiteral("wrong")); // not consulted
        RegistrySession session(m_options);
        session.setPassword(m_registry->host(), m_registry->username(), m_registry->password());
        const oci::Error error = fetch(session, AuthMode::Password, m_registry->username());
        QVERIFY2(error.code() == oci::Error::Code::None, qPrintable(error.describe()));
    }

    void passwordModeWithAWrongPassword()
    {
        RegistrySession session(m_options);
        session.setPassword(m_registry->host(), m_registry->username(), QStringLiteral("nope"));
        const oci::Error error = fetch(session, AuthMode::Password, m_registry->username());
        QVERIFY2(error.code() == oci::Error::Code::Unauthorized, qPrintable(error.describe()));
    }

    void dockerModeInlineAuths()
    {
        writeDockerAuths(m_registry->username(), m_registry->password());
        RegistrySession session(m_options);
        const oci::Error error = fetch(session, AuthMode::DockerCredentials);
        QVERIFY2(error.code() == oci::Error::Code::None, qPrintable(error.describe()));
    }

    void dockerModeCredsStoreHelper()
    {
        FakeCredentialHelper helper;
        QVERIFY(helper.isValid());
        helper.setAnswer(m_registry->username(), m_registry->password());
        // The inline entry is wrong on purpose: the helper wins, as with the docker CLI.
        writeFile(QStringLiteral("config.json"),
                  "{\"credsStore\":\"test\",\"auths\":{\"" + m_registry->host().toUtf8()
                      + "\":{\"auth\":\"" + QByteArray("x:y").toBase64() + "\"}}}");
        RegistrySession session(m_options);
        const oci::Error error = fetch(session, AuthMode::DockerCredentials);
        QVERIFY2(error.code() == oci::Error::Code::None, qPrintable(error.describe()));
        QCOMPARE(helper.lastStdin(), m_registry->host().toUtf8());
        QVERIFY(helper.calls() >= 1);
    }

    void dockerModeMissingHelperIsExplained()
    {
        writeFile(QStringLiteral("config.json"),
                  "{\"credHelpers\":{\"" + m_registry->host().toUtf8() + "\":\"lading-missing\"}}");
        RegistrySession session(m_options);
        const oci::Error error = fetch(session, AuthMode::DockerCredentials);
        QCOMPARE(error.code(), oci::Error::Code::CredentialsUnavailable);
        QVERIFY2(error.message().contains(u"docker-credential-lading-missing"), qPrintable(error.describe()));
        QCOMPARE(error.registry(), m_registry->host());
    }

    void dockerModeFallsBackToPodman()
    {
        writeFile(QStringLiteral("auth.json"),
                  "{\"auths\":{\"" + m_registry->host().toUtf8() + "\":{\"auth\":\""
                      + (m_registry->username() + u':' + m_registry->password()).toUtf8().toBase64()
                      + "\"}}}");
        RegistrySession session(m_options);
        const oci::Error error = fetch(session, AuthMode::DockerCredentials);
        QVERIFY2(error.code() == oci::Error::Code::None, qPrintable(error.describe()));
    }

    void basicAuthRegistry()
    {
        RegistryProcess basic(RegistryProcess::Auth::Basic);
        QVERIFY2(basic.start(), qPrintable(basic.errorString()));
        RegistrySession session(m_options);
        RegistryEntry entry;
        entry.config = basic.registryConfig();
        entry.config.authMode = AuthMode::Password;
        entry.username = basic.username();
        session.setPassword(basic.host(), basic.username(), basic.password());
        {
            auto client = session.createClient(entry);
            std::unique_ptr<oci::PingJob> ping(client->ping()); // deleted before its client
            QVERIFY(ClientHarness::wait(ping.get()));
            QVERIFY2(ping->succeeded(), qPrintable(ping->error().describe()));
        }
        entry.config.authMode = AuthMode::Anonymous;
        auto client = session.createClient(entry);
        std::unique_ptr<oci::PingJob> anonymous(client->ping());
        QVERIFY(ClientHarness::wait(anonymous.get()));
        QCOMPARE(anonymous->error().code(), oci::Error::Code::Unauthorized);
    }

private:
    // Fetches private/app:1.0 with the session's credentials for `mode`; None on success.
    oci::Error fetch(RegistrySession &session, AuthMode mode, const QString &username = {})
    {
        RegistryEntry entry;
        entry.config = m_registry->registryConfig();
        entry.config.authMode = mode;
        entry.username = username;
        auto client = session.createClient(entry);
        std::unique_ptr<oci::ManifestJob> job(
            client->manifest(QStringLiteral("private/app"), QStringLiteral("1.0")));
        if (!ClientHarness::wait(job.get()))
            return oci::Error(oci::Error::Code::Timeout, QStringLiteral("the fetch did not end"));
        return job->error();
    }

    void writeDockerAuths(const QString &username, const QString &password)
    {
        writeFile(QStringLiteral("config.json"),
                  "{\"auths\":{\"" + m_registry->host().toUtf8() + "\":{\"auth\":\""
                      + (username + u':' + password).toUtf8().toBase64() + "\"}}}");
    }
    QString path(const QString &name) const { return QDir(m_dir->path()).filePath(name); }
    void writeFile(const QString &name, const QByteArray &bytes)
    {
        QFile file(path(name));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(bytes);
    }

    std::unique_ptr<RegistryProcess> m_registry;
    std::unique_ptr<QTemporaryDir> m_dir;
    RegistrySession::Options m_options;
};

QTEST_GUILESS_MAIN(tst_RegistrySessionAuth)
#include "tst_registrysessionauth.moc"
