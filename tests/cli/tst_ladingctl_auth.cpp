// ladingctl with credentials and TLS against real registries: Basic auth over plain
// http (options, Docker config.json, Podman auth.json), token auth, and Basic over TLS (--ca-file, --insecure).

#include "ladingctlprocess.h"

#include "support/registryprocess.h"
#include "support/tokenserver.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using clitest::ladingctl;
using clitest::Run;

class TestLadingctlAuth final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void basicWithoutCredentials();
    void basicWithPasswordStdin();
    void basicWrongPassword();
    void basicFromDockerConfig();
    void brokenDockerConfig();
    void basicFromPodmanAuth();
    void tokenAuth();
    void tokenAnonymousDenied();
    void tlsWithCaFile();
    void tlsWithoutCaFileFails();
    void tlsInsecure();
    void missingCaFile();

private:
    QString writeDockerConfig(QTemporaryDir &dir, const QByteArray &json);

    std::unique_ptr<RegistryProcess> m_basic;
    std::unique_ptr<RegistryProcess> m_token;
    std::unique_ptr<RegistryProcess> m_tls;
    SeededImage m_basicImage;
    SeededImage m_tokenImage;
    SeededImage m_tlsImage;
    QTemporaryDir m_emptyConfig;
};

void TestLadingctlAuth::initTestCase()
{
    REQUIRE_REGISTRY_TOOLS();
    QVERIFY(m_emptyConfig.isValid());
    m_basic = std::make_unique<RegistryProcess>(RegistryProcess::Auth::Basic);
    QVERIFY2(m_basic->start(), qPrintable(m_basic->errorString()));
    Fixtures basicFixtures(*m_basic);
    auto basicImage = basicFixtures.pushOciImage(QStringLiteral("private/app"), QStringLiteral("1"));
    QVERIFY_RESULT(basicImage);
    m_basicImage = *basicImage;

    m_token = std::make_unique<RegistryProcess>(RegistryProcess::Auth::Token);
    QVERIFY2(m_token->start(), qPrintable(m_token->errorString()));
    Fixtures tokenFixtures(*m_token);
    auto tokenImage = tokenFixtures.pushDockerImage(QStringLiteral("secure/app"), QStringLiteral("v1"));
    QVERIFY_RESULT(tokenImage);
    m_tokenImage = *tokenImage;

    m_tls = std::make_unique<RegistryProcess>(RegistryProcess::Auth::Basic, RegistryProcess::Tls::On);
    QVERIFY2(m_tls->start(), qPrintable(m_tls->errorString()));
    Fixtures tlsFixtures(*m_tls);
    auto tlsImage = tlsFixtures.pushIndex(QStringLiteral("private/app"), QStringLiteral("multi"));
    QVERIFY_RESULT(tlsImage);
    m_tlsImage = *tlsImage;
}

QString TestLadingctlAuth::writeDockerConfig(QTemporaryDir &dir, const QByteArray &json)
{
    QFile file(dir.filePath(QStringLiteral("config.json")));
    if (!file.open(QIODevice::WriteOnly) || file.write(json) != json.size())
        return {};
    return dir.path();
}

void TestLadingctlAuth::basicWithoutCredentials()
{
    const Run r = ladingctl({QStringLiteral("--plain-http"), QStringLiteral("manifest"),
                             m_basic->host() + u'/' + m_basicImage.reference()},
                            m_emptyConfig.path());
    QVERIFY2(r.exitCode == 1, r.describe().constData());
    QVERIFY(r.out.isEmpty());
    VERIFY_ONE_ERROR_LINE(r);
    QVERIFY2(r.err.contains("401") || r.err.toLower().contains("unauthorized"), r.err.constData());
}

void TestLadingctlAuth::basicWithPasswordStdin()
{
    const QString password = m_basic->password();
    const Run r = ladingctl({QStringLiteral("--plain-http"), QStringLiteral("--username"), m_basic->username(),
                             QStringLiteral("--password-stdin"), QStringLiteral("manifest"),
                             m_basic->host() + u'/' + m_basicImage.reference()},
                            m_emptyConfig.path(), password.toUtf8() + '\n');
    QVERIFY2(r.exitCode == 0, r.describe().constData());
    QCOMPARE(r.out, m_basicImage.manifest);
    Fixtures fixtures(*m_basic);
    const auto skopeo = fixtures.skopeoInspectRaw(m_basicImage.reference());
    QVERIFY_RESULT(skopeo);
    QCOMPARE(r.out, *skopeo);

    const Run catalog = ladingctl({QStringLiteral("catalog"), m_basic->host(), QStringLiteral("--plain-http"),
                                   QStringLiteral("--username"), m_basic->username(),
                                   QStringLiteral("--password-stdin")},
                                  m_emptyConfig.path(), password.toUtf8());
    QVERIFY2(catalog.exitCode == 0, catalog.describe().constData());
    QCOMPARE(catalog.out, QByteArray("private/app\n"));
}

void TestLadingctlAuth::basicWrongPassword()
{
    const Run r = ladingctl({QStringLiteral("--plain-http"), QStringLiteral("--username"), m_basic->username(),
                             QStringLiteral("--password-stdin"), QStringLiteral("tags"),
                             m_basic->host() + QStringLiteral("/private/app")},
                            m_emptyConfig.path(), QByteArray("Xq7-not-the-password"));
    QVERIFY2(r.exitCode == 1, r.describe().constData());
    QVERIFY(r.out.isEmpty());
    VERIFY_ONE_ERROR_LINE(r);
    QVERIFY2(!r.err.contains("Xq7-not-the-password"), "no secret in messages");
}

void TestLadingctlAuth::basicFromDockerConfig()
{
    QTemporaryDir dir;
    const QByteArray auth = (m_basic->username() + u':' + m_basic->password()).toUtf8().toBase64();
    // The key as `docker login` writes it for a host:port registry, with a scheme and path.
    const QString path = writeDockerConfig(
        dir, R"({"auths":{"http://)" + m_basic->host().toUtf8() + R"(/v2/":{"auth":")" + auth + R"("}}})");
    QVERIFY(!path.isEmpty());
    const Run r = ladingctl({QStringLiteral("--plain-http"), QStringLiteral("tags"),
                             m_basic->host() + QStringLiteral("/private/app")},
                            path);
    QVERIFY2(r.exitCode == 0, r.describe().constData());
    QCOMPARE(r.out, QByteArray("1\n"));

    // Explicit options beat config.json.
    const Run wrong = ladingctl({QStringLiteral("--plain-http"), QStringLiteral("--username"), QStringLiteral("nobody"),
                                 QStringLiteral("--password-stdin"), QStringLiteral("tags"),
                                 m_basic->host() + QStringLiteral("/private/app")},
                                path, QByteArray("nope"));
    QVERIFY2(wrong.exitCode == 1, wrong.describe().constData());
}

void TestLadingctlAuth::brokenDockerConfig()
{
    QTemporaryDir dir;
    const QString path = writeDockerConfig(dir, "{\"auths\": {");
    QVERIFY(!path.isEmpty());
    const Run r = ladingctl({QStringLiteral("--plain-http"), QStringLiteral("tags"),
                             m_basic->host() + QStringLiteral("/private/app")},
                            path);
    QVERIFY2(r.exitCode == 1, r.describe().constData());
    VERIFY_ONE_ERROR_LINE(r);
    QVERIFY2(r.err.contains("config.json"), r.err.constData());
}

void TestLadingctlAuth::basicFromPodmanAuth()
{
    // `podman login` writes host-keyed entries to auth.json; REGISTRY_AUTH_FILE points at it
    // the way it does for podman and skopeo. An empty Docker config comes first in the chain.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString authFile = dir.filePath(QStringLiteral("auth.json"));
    QFile file(authFile);
    QVERIFY(file.open(QIODevice::WriteOnly));
    const QByteArray auth = (m_basic->username() + u':' + m_basic->password()).toUtf8().toBase64();
    file.write(R"({"auths":{")" + m_basic->host().toUtf8() + R"(":{"auth":")" + auth + R"("}}})");
    file.close();
    QProcessEnvironment podman;
    podman.insert(QStringLiteral("REGISTRY_AUTH_FILE"), authFile);

    const Run r = ladingctl({QStringLiteral("--plain-http"), QStringLiteral("tags"),
                             m_basic->host() + QStringLiteral("/private/app")},
                            m_emptyConfig.path(), {}, 60000, podman);
    QVERIFY2(r.exitCode == 0, r.describe().constData());
    QCOMPARE(r.out, QByteArray("1\n"));

    // Without the file the same command is refused: the credentials came from it.
    QVERIFY(QFile::remove(authFile));
    const Run without = ladingctl({QStringLiteral("--plain-http"), QStringLiteral("tags"),
                                   m_basic->host() + QStringLiteral("/private/app")},
                                  m_emptyConfig.path(), {}, 60000, podman);
    QVERIFY2(without.exitCode == 1, without.describe().constData());
}

void TestLadingctlAuth::tokenAuth()
{
    // rig's token server speaks http only, so the token registry is plain http too
    // (an https registry must not send credentials to an http realm).
    const int tokensBefore = m_token->tokenServer()->requestCount();
    const Run r = ladingctl({QStringLiteral("--plain-http"), QStringLiteral("--username"), m_token->username(),
                             QStringLiteral("--password-stdin"), QStringLiteral("manifest"),
                             m_token->host() + u'/' + m_tokenImage.reference()},
                            m_emptyConfig.path(), m_token->password().toUtf8());
    QVERIFY2(r.exitCode == 0, r.describe().constData());
    QCOMPARE(r.out, m_tokenImage.manifest);
    QVERIFY(m_token->tokenServer()->requestCount() > tokensBefore);
    const auto issued = m_token->tokenServer()->issued();
    QCOMPARE(issued.last().subject, m_token->username());

    const Run tags = ladingctl({QStringLiteral("--plain-http"), QStringLiteral("--username"), m_token->username(),
                                QStringLiteral("--password-stdin"), QStringLiteral("tags"),
                                m_token->host() + QStringLiteral("/secure/app")},
                               m_emptyConfig.path(), m_token->password().toUtf8());
    QVERIFY2(tags.exitCode == 0, tags.describe().constData());
    QCOMPARE(tags.out, QByteArray("v1\n"));

    const Run catalog = ladingctl({QStringLiteral("--plain-http"), QStringLiteral("--username"), m_token->username(),
                                   QStringLiteral("--password-stdin"), QStringLiteral("catalog"), m_token->host()},
                                  m_emptyConfig.path(), m_token->password().toUtf8());
    QVERIFY2(catalog.exitCode == 0, catalog.describe().constData());
    QCOMPARE(catalog.out, QByteArray("secure/app\n"));
}

void TestLadingctlAuth::tokenAnonymousDenied()
{
    // Anonymous users get pull only under public/: secure/app is refused, in one line.
    const Run r = ladingctl({QStringLiteral("--plain-http"), QStringLiteral("manifest"),
                             m_token->host() + u'/' + m_tokenImage.reference()},
                            m_emptyConfig.path());
    QVERIFY2(r.exitCode == 1, r.describe().constData());
    QVERIFY(r.out.isEmpty());
    VERIFY_ONE_ERROR_LINE(r);
    QVERIFY2(r.err.contains(m_token->host().toUtf8()), r.err.constData());
}

void TestLadingctlAuth::tlsWithCaFile()
{
    const Run r = ladingctl({QStringLiteral("--ca-file"), m_tls->caFile(), QStringLiteral("--username"),
                             m_tls->username(), QStringLiteral("--password-stdin"), QStringLiteral("manifest"),
                             m_tls->host() + u'/' + m_tlsImage.reference()},
                            m_emptyConfig.path(), m_tls->password().toUtf8());
    QVERIFY2(r.exitCode == 0, r.describe().constData());
    QCOMPARE(r.out, m_tlsImage.manifest);
    Fixtures fixtures(*m_tls);
    const auto skopeo = fixtures.skopeoInspectRaw(m_tlsImage.reference());
    QVERIFY_RESULT(skopeo);
    QCOMPARE(r.out, *skopeo);
}

void TestLadingctlAuth::tlsWithoutCaFileFails()
{
    const Run r = ladingctl({QStringLiteral("--username"), m_tls->username(), QStringLiteral("--password-stdin"),
                             QStringLiteral("manifest"), m_tls->host() + u'/' + m_tlsImage.reference()},
                            m_emptyConfig.path(), m_tls->password().toUtf8());
    QVERIFY2(r.exitCode == 1, r.describe().constData());
    QVERIFY(r.out.isEmpty());
    VERIFY_ONE_ERROR_LINE(r);
    QVERIFY2(r.err.toLower().contains("tls") || r.err.toLower().contains("certificate"), r.err.constData());
}

void TestLadingctlAuth::tlsInsecure()
{
    const Run r = ladingctl({QStringLiteral("--insecure"), QStringLiteral("--username"), m_tls->username(),
                             QStringLiteral("--password-stdin"), QStringLiteral("manifest"),
                             m_tls->host() + u'/' + m_tlsImage.repository + u'@' + m_tlsImage.digest.toString()},
                            m_emptyConfig.path(), m_tls->password().toUtf8());
    QVERIFY2(r.exitCode == 0, r.describe().constData());
    QCOMPARE(r.out, m_tlsImage.manifest);
}

void TestLadingctlAuth::missingCaFile()
{
    const Run r = ladingctl({QStringLiteral("--ca-file"), QStringLiteral("/nonexistent/ca.pem"), QStringLiteral("tags"),
                             m_tls->host() + QStringLiteral("/private/app")},
                            m_emptyConfig.path());
    QVERIFY2(r.exitCode == 1, r.describe().constData());
    VERIFY_ONE_ERROR_LINE(r);
    QVERIFY2(r.err.contains("/nonexistent/ca.pem"), r.err.constData());
}

QTEST_GUILESS_MAIN(TestLadingctlAuth)
#include "tst_ladingctl_auth.moc"
