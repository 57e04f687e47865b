// Authentication through RegistryClient against the real registry: Basic (htpasswd) and
// Docker token auth with the project's token server, anonymous access on token mode
// (public/ readable, the rest refused with a clear error), wrong passwords, token
// caching counted at the token server, the refresh-token POST flow, and TLS with and
// without the test CA.

#include "support/clientharness.h"
#include "support/fixtures.h"
#include "support/registryprocess.h"
#include "support/tokenserver.h"

#include "oci/auth/credentials.h"
#include "oci/client/registryclient.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

#include <memory>

namespace {

bool isRefusal(oci::Error::Code code)
{
    return code == oci::Error::Code::Unauthorized || code == oci::Error::Code::Denied;
}

// Token requests the server answered for exactly this scope.
int tokenRequestsFor(const TokenServer &server, const QString &scope)
{
    int count = 0;
    const QList<TokenServer::Issued> issued = server.issued();
    for (const TokenServer::Issued &entry : issued)
        count += entry.scopes.contains(scope) ? 1 : 0;
    return count;
}

} // namespace

class TestAuth final : public QObject
{
    Q_OBJECT

    std::unique_ptr<RegistryProcess> m_token;
    std::unique_ptr<RegistryProcess> m_basic;
    std::unique_ptr<RegistryProcess> m_tls;

    template<typename J>
    static void expectRefused(J *job, const RegistryProcess &registry, const QString &object,
                              bool allowDenied = true)
    {
        QVERIFY(ClientHarness::wait(job));
        QVERIFY(!job->succeeded());
        const oci::Error &error = job->error();
        if (allowDenied)
            QVERIFY2(isRefusal(error.code()), qPrintable(error.describe()));
        else
            QCOMPARE(error.code(), oci::Error::Code::Unauthorized);
        // A clear error: which registry, which object.
        QCOMPARE(error.registry(), registry.host());
        if (!object.isEmpty())
            QVERIFY2(error.describe().contains(object), qPrintable(error.describe()));
    }

private Q_SLOTS:
    void initTestCase()
    {
        REQUIRE_REGISTRY_TOOLS();
        m_token = std::make_unique<RegistryProcess>(RegistryProcess::Auth::Token);
        m_basic = std::make_unique<RegistryProcess>(RegistryProcess::Auth::Basic);
        m_tls = std::make_unique<RegistryProcess>(RegistryProcess::Auth::Basic, RegistryProcess::Tls::On);
        for (RegistryProcess *registry : {m_token.get(), m_basic.get(), m_tls.get()}) {
            QVERIFY2(registry->start(), qPrintable(registry->errorString()));
            Fixtures fixtures(*registry);
            QVERIFY_RESULT(fixtures.pushOciImage(QStringLiteral("public/hello"), QStringLiteral("1.0")));
            QVERIFY_RESULT(fixtures.pushOciImage(QStringLiteral("private/hello"), QStringLiteral("1.0")));
        }
    }

    void cleanup()
    {
        if (!QTest::currentTestFailed())
            return;
        for (const auto *registry : {m_token.get(), m_basic.get(), m_tls.get()}) {
            if (registry)
                registry->printLogTail(3000);
        }
    }

    // --- Token mode, anonymous ----------------------------------------------------------

    void anonymousReadsPublicRepositories()
    {
        ClientHarness harness(*m_token, ClientHarness::Login::Anonymous);
        std::unique_ptr<oci::ManifestJob> manifest(harness.client()->manifest(QStringLiteral("public/hello"), QStringLiteral("1.0")));
        QVERIFY(ClientHarness::wait(manifest.get()));
        QVERIFY2(manifest->succeeded(), qPrintable(manifest->error().describe()));
        QVERIFY(!manifest->manifest().bytes.isEmpty());
        std::unique_ptr<oci::TagListJob> tags(harness.client()->tags(QStringLiteral("public/hello")));
        QVERIFY(ClientHarness::wait(tags.get()));
        QVERIFY2(tags->succeeded(), qPrintable(tags->error().describe()));
        QCOMPARE(tags->tags(), QStringList{QStringLiteral("1.0")});
        // The tokens it got were anonymous ones.
        const QList<TokenServer::Issued> issued = m_token->tokenServer()->issued();
        QVERIFY(!issued.isEmpty());
        QVERIFY(issued.constLast().subject.isEmpty());
    }

    void anonymousIsRefusedPrivateRepositories()
    {
        ClientHarness harness(*m_token, ClientHarness::Login::Anonymous);
        std::unique_ptr<oci::ManifestJob> manifest(harness.client()->manifest(QStringLiteral("private/hello"), QStringLiteral("1.0")));
        expectRefused(manifest.get(), *m_token, QStringLiteral("private/hello"));
        std::unique_ptr<oci::TagListJob> tags(harness.client()->tags(QStringLiteral("private/hello")));
        expectRefused(tags.get(), *m_token, QStringLiteral("private/hello"));
        std::unique_ptr<oci::CatalogJob> catalog(harness.client()->catalog());
        expectRefused(catalog.get(), *m_token, QString());
    }

    // --- Wrong and missing passwords ----------------------------------------------------

    void wrongPasswordIsUnauthorized_data()
    {
        QTest::addColumn<int>("which");
        QTest::newRow("basic") << 0;
        QTest::newRow("token") << 1;
        QTest::newRow("basic-tls") << 2;
    }
    void wrongPasswordIsUnauthorized()
    {
        QFETCH(int, which);
        RegistryProcess &registry = which == 0 ? *m_basic : which == 1 ? *m_token : *m_tls;
        ClientHarness harness(registry, ClientHarness::Login::WrongPassword);
        std::unique_ptr<oci::PingJob> ping(harness.client()->ping());
        expectRefused(ping.get(), registry, QString(), false);
        std::unique_ptr<oci::ManifestJob> manifest(harness.client()->manifest(QStringLiteral("private/hello"), QStringLiteral("1.0")));
        expectRefused(manifest.get(), registry, QStringLiteral("private/hello"), false);
        if (registry.tokenServer()) {
            const QList<TokenServer::Issued> issued = registry.tokenServer()->issued();
            QVERIFY(!issued.isEmpty());
            QCOMPARE(issued.constLast().status, 401); // the token server said no, not the registry
        }
    }

    void basicWithoutCredentialsIsUnauthorized()
    {
        ClientHarness harness(*m_basic, ClientHarness::Login::Anonymous);
        std::unique_ptr<oci::ManifestJob> manifest(harness.client()->manifest(QStringLiteral("public/hello"), QStringLiteral("1.0")));
        expectRefused(manifest.get(), *m_basic, QStringLiteral("public/hello"), false);
    }

    void basicWithTheTestUser()
    {
        ClientHarness harness(*m_basic);
        std::unique_ptr<oci::PingJob> ping(harness.client()->ping());
        QVERIFY(ClientHarness::wait(ping.get()));
        QVERIFY2(ping->succeeded(), qPrintable(ping->error().describe()));
        QCOMPARE(ping->authScheme(), QStringLiteral("basic"));
        std::unique_ptr<oci::CatalogJob> catalog(harness.client()->catalog());
        QVERIFY(ClientHarness::wait(catalog.get()));
        QVERIFY2(catalog->succeeded(), qPrintable(catalog->error().describe()));
        QCOMPARE(catalog->repositories().size(), 2);
    }

    // --- Token caching ------------------------------------------------------------------

    void tokensAreCached()
    {
        TokenServer *server = m_token->tokenServer();
        ClientHarness harness(*m_token);
        const QString scope = QStringLiteral("repository:private/hello:pull");
        server->clearLog();

        std::unique_ptr<oci::ManifestJob> first(harness.client()->manifest(QStringLiteral("private/hello"), QStringLiteral("1.0")));
        QVERIFY(ClientHarness::wait(first.get()));
        QVERIFY2(first->succeeded(), qPrintable(first->error().describe()));
        QCOMPARE(tokenRequestsFor(*server, scope), 1);
        const int afterFirst = server->requestCount();

        // More reads of the same repository, one after another and several at once: no
        // new token requests.
        std::unique_ptr<oci::ManifestJob> again(harness.client()->manifest(QStringLiteral("private/hello"), QStringLiteral("1.0")));
        QVERIFY(ClientHarness::wait(again.get()));
        QVERIFY2(again->succeeded(), qPrintable(again->error().describe()));
        std::vector<std::unique_ptr<oci::Job>> parallel;
        parallel.emplace_back(harness.client()->manifest(QStringLiteral("private/hello"), QStringLiteral("1.0"), oci::RegistryClient::Method::Head));
        parallel.emplace_back(harness.client()->tags(QStringLiteral("private/hello")));
        parallel.emplace_back(harness.client()->manifest(QStringLiteral("private/hello"), first->manifest().digest.toString()));
        for (const auto &job : parallel) {
            QVERIFY(ClientHarness::wait(job.get()));
            QVERIFY2(job->succeeded(), qPrintable(job->error().describe()));
        }
        QCOMPARE(server->requestCount(), afterFirst);

        // Another repository needs its own token: exactly one more.
        std::unique_ptr<oci::ManifestJob> other(harness.client()->manifest(QStringLiteral("public/hello"), QStringLiteral("1.0")));
        QVERIFY(ClientHarness::wait(other.get()));
        QVERIFY2(other->succeeded(), qPrintable(other->error().describe()));
        QCOMPARE(server->requestCount(), afterFirst + 1);
        QCOMPARE(tokenRequestsFor(*server, QStringLiteral("repository:public/hello:pull")), 1);
        // Every token it asked for came to the test user.
        const QList<TokenServer::Issued> issued = server->issued();
        for (const TokenServer::Issued &entry : issued)
            QCOMPARE(entry.subject, m_token->username());
    }

    void tokensAreConcurrentSingleFlight()
    {
        // Several jobs on a cold cache for one scope: one token request, not one each.
        TokenServer *server = m_token->tokenServer();
        ClientHarness harness(*m_token);
        server->clearLog();
        std::vector<std::unique_ptr<oci::ManifestJob>> jobs;
        for (int i = 0; i < 4; ++i)
            jobs.emplace_back(harness.client()->manifest(QStringLiteral("private/hello"), QStringLiteral("1.0")));
        for (const auto &job : jobs) {
            QVERIFY(ClientHarness::wait(job.get()));
            QVERIFY2(job->succeeded(), qPrintable(job->error().describe()));
        }
        QCOMPARE(tokenRequestsFor(*server, QStringLiteral("repository:private/hello:pull")), 1);
    }

    void refreshTokenIsRedeemedByPost()
    {
        // An identity token (what `docker login` stores for OAuth2 registries) makes the
        // client POST grant_type=refresh_token instead of sending the password.
        TokenServer *server = m_token->tokenServer();
        QNetworkAccessManager nam;
        QUrl url = server->realm();
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("service"), server->service());
        query.addQueryItem(QStringLiteral("offline_token"), QStringLiteral("true"));
        url.setQuery(query);
        QNetworkRequest request(url);
        request.setRawHeader("Authorization", "Basic " + m_token->credentials().toUtf8().toBase64());
        QNetworkReply *reply = nam.get(request);
        QSignalSpy done(reply, &QNetworkReply::finished);
        QVERIFY(done.wait(10000));
        const QString refresh = QJsonDocument::fromJson(reply->readAll()).object().value(u"refresh_token").toString();
        delete reply;
        QVERIFY(!refresh.isEmpty());

        server->clearLog();
        oci::Credentials credentials;
        credentials.identityToken = refresh;
        ClientHarness harness(m_token->registryConfig(), credentials);
        std::unique_ptr<oci::ManifestJob> job(harness.client()->manifest(QStringLiteral("private/hello"), QStringLiteral("1.0")));
        QVERIFY(ClientHarness::wait(job.get()));
        QVERIFY2(job->succeeded(), qPrintable(job->error().describe()));
        const QList<TokenServer::Issued> issued = server->issued();
        QVERIFY(!issued.isEmpty());
        QCOMPARE(issued.constFirst().method, QByteArray("POST"));
        QCOMPARE(issued.constFirst().grantType, QStringLiteral("refresh_token"));
        QCOMPARE(issued.constFirst().subject, m_token->username());
    }

    // --- TLS ----------------------------------------------------------------------------

    void tlsWithTheCaFile()
    {
        QVERIFY(!m_tls->registryConfig().caFile.isEmpty());
        ClientHarness harness(*m_tls);
        std::unique_ptr<oci::ManifestJob> job(harness.client()->manifest(QStringLiteral("private/hello"), QStringLiteral("1.0")));
        QVERIFY(ClientHarness::wait(job.get()));
        QVERIFY2(job->succeeded(), qPrintable(job->error().describe()));
        QVERIFY(!job->manifest().bytes.isEmpty());
    }

    void tlsWithoutTheCaFileFails()
    {
        oci::RegistryConfig config = m_tls->registryConfig();
        config.caFile.clear();
        ClientHarness harness(*m_tls, config, ClientHarness::Login::TestUser);
        std::unique_ptr<oci::PingJob> ping(harness.client()->ping());
        QVERIFY(ClientHarness::wait(ping.get()));
        QVERIFY(!ping->succeeded());
        QCOMPARE(ping->error().code(), oci::Error::Code::Tls);
        QCOMPARE(ping->error().registry(), m_tls->host());
    }

    void tlsCaFileGivenAfterACertificateError()
    {
        // The same transport first fails the handshake, then is given the CA file: the
        // connection kept from the failed try must not be reused with the old settings.
        oci::RegistryConfig config = m_tls->registryConfig();
        const QString caFile = config.caFile;
        config.caFile.clear();
        ClientHarness harness(*m_tls, config, ClientHarness::Login::TestUser);
        std::unique_ptr<oci::PingJob> failing(harness.client()->ping());
        QVERIFY(ClientHarness::wait(failing.get()));
        QCOMPARE(failing->error().code(), oci::Error::Code::Tls);

        config.caFile = caFile;
        oci::RegistryClient fixed(harness.transport(), config);
        std::unique_ptr<oci::PingJob> ping(fixed.ping());
        QVERIFY(ClientHarness::wait(ping.get()));
        QVERIFY2(ping->succeeded(), qPrintable(ping->error().describe()));
    }

    void tlsInsecureWhenMarkedSo()
    {
        oci::RegistryConfig config = m_tls->registryConfig();
        config.caFile.clear();
        config.insecureSkipTlsVerify = true;
        ClientHarness harness(*m_tls, config, ClientHarness::Login::TestUser);
        std::unique_ptr<oci::PingJob> ping(harness.client()->ping());
        QVERIFY(ClientHarness::wait(ping.get()));
        QVERIFY2(ping->succeeded(), qPrintable(ping->error().describe()));
    }

    void plainHttpToATlsRegistryFails()
    {
        oci::RegistryConfig config = m_tls->registryConfig();
        config.plainHttp = true;
        ClientHarness harness(*m_tls, config, ClientHarness::Login::TestUser);
        std::unique_ptr<oci::PingJob> ping(harness.client()->ping());
        QVERIFY(ClientHarness::wait(ping.get()));
        QVERIFY(!ping->succeeded());
        QCOMPARE(ping->error().registry(), m_tls->host());
    }

    void tlsToAPlainHttpRegistrySaysSo()
    {
        // The person did not say it is plain HTTP: the registry answers the TLS hello in HTTP.
        oci::RegistryConfig config = m_basic->registryConfig();
        QVERIFY(config.plainHttp);
        config.plainHttp = false;
        ClientHarness harness(*m_basic, config, ClientHarness::Login::TestUser);
        std::unique_ptr<oci::PingJob> ping(harness.client()->ping());
        QVERIFY(ClientHarness::wait(ping.get()));
        QVERIFY(!ping->succeeded());
        QCOMPARE(ping->error().code(), oci::Error::Code::Tls);
        const QString message = ping->error().message();
        QVERIFY2(message.contains(u"plain-HTTP registry") && message.contains(m_basic->host()),
                 qPrintable(message));
    }
};

QTEST_GUILESS_MAIN(TestAuth)
#include "tst_auth.moc"
