#include "oci/auth/dockerconfig.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using oci::Credentials;
using oci::DockerConfigCredentialProvider;
using oci::Error;
using oci::parseDockerConfigAuths;

namespace {

// Takes a QByteArray so QStringBuilder expressions convert.
oci::Result<oci::DockerConfigAuths> parseConfig(const QByteArray &json)
{
    return oci::parseDockerConfigAuths(json);
}

QByteArray b64(const QByteArray &plain)
{
    return plain.toBase64();
}

// Calls lookup and insists that the callback ran exactly once, synchronously.
oci::Result<Credentials> lookupNow(const oci::CredentialProvider &provider, const QString &host)
{
    int calls = 0;
    oci::Result<Credentials> out = Error(Error::Code::None, QStringLiteral("not called"));
    provider.lookup(host, [&](oci::Result<Credentials> r) {
        ++calls;
        out = std::move(r);
    });
    if (calls != 1)
        return Error(Error::Code::None, QStringLiteral("callback ran %1 times").arg(calls));
    return out;
}

} // namespace

class TestDockerConfig final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void authField();
    void passwordWithColonAndTrailingNul();
    void authWithoutColon();
    void invalidBase64();
    void emptyUsername();
    void usernamePasswordFields();
    void authWinsOverFields();
    void identityAndRegistryToken();
    void dockerHubKeys_data();
    void dockerHubKeys();
    void canonicalHubKeyWins();
    void hostPortKeys();
    void pseudoAndNamespacedKeysIgnored();
    void markerEntriesAreAnonymous();
    void malformedFile();
    void providerReadsDockerConfigEnv();
    void providerMissingFileIsAnonymous();
    void providerBrokenFileIsError();
    void providerBadEntryIsErrorForThatHostOnly();
    void providerSeesEdits();
    void defaultPathWithoutEnvUsesHome();

private:
    void writeConfig(const QByteArray &json);
    std::unique_ptr<QTemporaryDir> m_dir;
    QByteArray m_savedDockerConfig;
    bool m_hadDockerConfig = false;
};

void TestDockerConfig::init()
{
    m_hadDockerConfig = qEnvironmentVariableIsSet("DOCKER_CONFIG");
    m_savedDockerConfig = qgetenv("DOCKER_CONFIG");
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    // Never the real ~/.docker: every test points DOCKER_CONFIG at its own folder.
    qputenv("DOCKER_CONFIG", QFile::encodeName(m_dir->path()));
}

void TestDockerConfig::cleanup()
{
    if (m_hadDockerConfig)
        qputenv("DOCKER_CONFIG", m_savedDockerConfig);
    else
        qunsetenv("DOCKER_CONFIG");
    m_dir.reset();
}

void TestDockerConfig::writeConfig(const QByteArray &json)
{
    QFile file(m_dir->filePath(QStringLiteral("config.json")));
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(json), json.size());
}

void TestDockerConfig::authField()
{
    const auto auths = parseConfig(
        R"({"auths":{"ghcr.io":{"auth":")" + b64("alice:s3cret") + R"("}}})");
    QVERIFY(auths.ok());
    const Credentials c = auths->credentials.value(QStringLiteral("ghcr.io"));
    QCOMPARE(c.username, QStringLiteral("alice"));
    QCOMPARE(c.password, QStringLiteral("s3cret"));
    QVERIFY(auths->problems.isEmpty());
}

void TestDockerConfig::passwordWithColonAndTrailingNul()
{
    const QByteArray plain = QByteArray("bob:pa:ss$+w\xc3\xb6rd") + QByteArray(2, '\0');
    const auto auths = parseConfig(R"({"auths":{"r.io":{"auth":")" + b64(plain) + R"("}}})");
    QVERIFY(auths.ok());
    const Credentials c = auths->credentials.value(QStringLiteral("r.io"));
    QCOMPARE(c.username, QStringLiteral("bob"));
    QCOMPARE(c.password, QString::fromUtf8("pa:ss$+w\xc3\xb6rd"));
}

void TestDockerConfig::authWithoutColon()
{
    const auto auths = parseConfig(R"({"auths":{"r.io":{"auth":")" + b64("nocolon") + R"("}}})");
    QVERIFY(auths.ok());
    QVERIFY(!auths->credentials.contains(QStringLiteral("r.io")));
    QVERIFY(auths->problems.value(QStringLiteral("r.io")).contains(u"':'"));
}

void TestDockerConfig::invalidBase64()
{
    const auto auths = parseConfig(R"({"auths":{"r.io":{"auth":"%%%not base64%%%"},"ok.io":{"auth":")"
                                              + b64("u:p") + R"("}}})");
    QVERIFY(auths.ok());
    QVERIFY(auths->problems.value(QStringLiteral("r.io")).contains(u"base64"));
    QCOMPARE(auths->credentials.value(QStringLiteral("ok.io")).username, QStringLiteral("u"));
}

void TestDockerConfig::emptyUsername()
{
    const auto auths = parseConfig(R"({"auths":{"r.io":{"auth":")" + b64(":pw") + R"("}}})");
    QVERIFY(auths.ok());
    QVERIFY(auths->problems.value(QStringLiteral("r.io")).contains(u"empty user"));
}

void TestDockerConfig::usernamePasswordFields()
{
    const auto auths = parseConfig(R"({"auths":{"r.io":{"username":"carol","password":"pw"}}})");
    QVERIFY(auths.ok());
    const Credentials c = auths->credentials.value(QStringLiteral("r.io"));
    QCOMPARE(c.username, QStringLiteral("carol"));
    QCOMPARE(c.password, QStringLiteral("pw"));
}

void TestDockerConfig::authWinsOverFields()
{
    const auto auths = parseConfig(R"({"auths":{"r.io":{"auth":")" + b64("a:b")
                                              + R"(","username":"x","password":"y"}}})");
    QVERIFY(auths.ok());
    QCOMPARE(auths->credentials.value(QStringLiteral("r.io")).username, QStringLiteral("a"));
    QCOMPARE(auths->credentials.value(QStringLiteral("r.io")).password, QStringLiteral("b"));
}

void TestDockerConfig::identityAndRegistryToken()
{
    const auto auths = parseConfig(
        R"({"auths":{"acr.io":{"auth":")" + b64("00000000-0000-0000-0000-000000000000:")
        + R"(","identitytoken":"refresh-xyz"},"tok.io":{"registrytoken":"bearer-abc"}}})");
    QVERIFY(auths.ok());
    const Credentials acr = auths->credentials.value(QStringLiteral("acr.io"));
    QCOMPARE(acr.identityToken, QStringLiteral("refresh-xyz"));
    QCOMPARE(acr.username, QStringLiteral("00000000-0000-0000-0000-000000000000"));
    QVERIFY(acr.password.isEmpty());
    const Credentials tok = auths->credentials.value(QStringLiteral("tok.io"));
    QCOMPARE(tok.registryToken, QStringLiteral("bearer-abc"));
    QVERIFY(!tok.isAnonymous());
    QVERIFY(tok.username.isEmpty());
}

void TestDockerConfig::dockerHubKeys_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("lookupHost");
    QTest::newRow("v1 key, docker.io") << QStringLiteral("https://index.docker.io/v1/") << QStringLiteral("docker.io");
    QTest::newRow("v1 key, index.docker.io") << QStringLiteral("https://index.docker.io/v1/") << QStringLiteral("index.docker.io");
    QTest::newRow("v1 key, registry-1") << QStringLiteral("https://index.docker.io/v1/") << QStringLiteral("registry-1.docker.io");
    QTest::newRow("docker.io key") << QStringLiteral("docker.io") << QStringLiteral("docker.io");
    QTest::newRow("registry-1 key") << QStringLiteral("registry-1.docker.io") << QStringLiteral("docker.io");
    QTest::newRow("index key no scheme") << QStringLiteral("index.docker.io") << QStringLiteral("docker.io");
    QTest::newRow("v2 key") << QStringLiteral("https://index.docker.io/v2/") << QStringLiteral("docker.io");
}

void TestDockerConfig::dockerHubKeys()
{
    QFETCH(QString, key);
    QFETCH(QString, lookupHost);
    writeConfig(R"({"auths":{")" + key.toUtf8() + R"(":{"auth":")" + b64("hub:pw") + R"("}}})");
    const DockerConfigCredentialProvider provider;
    const auto c = lookupNow(provider, lookupHost);
    QVERIFY(c.ok());
    QCOMPARE(c->username, QStringLiteral("hub"));
    QCOMPARE(c->password, QStringLiteral("pw"));
    // Docker Hub credentials are not handed to another registry.
    const auto other = lookupNow(provider, QStringLiteral("ghcr.io"));
    QVERIFY(other.ok());
    QVERIFY(other->isAnonymous());
}

void TestDockerConfig::canonicalHubKeyWins()
{
    // Both orders of appearance: Docker's own key wins over an alias.
    for (const QByteArray &json :
         {QByteArray(R"({"auths":{"docker.io":{"auth":")" + b64("alias:1") + R"("},"https://index.docker.io/v1/":{"auth":")" + b64("canon:2") + R"("}}})"),
          QByteArray(R"({"auths":{"https://index.docker.io/v1/":{"auth":")" + b64("canon:2") + R"("},"registry-1.docker.io":{"auth":")" + b64("alias:1") + R"("}}})")}) {
        const auto auths = parseConfig(json);
        QVERIFY(auths.ok());
        QCOMPARE(auths->credentials.value(QStringLiteral("docker.io")).username, QStringLiteral("canon"));
    }
    // A canonical `{}` marker does not hide an alias that has credentials.
    const auto marker = parseConfig(
        R"({"auths":{"https://index.docker.io/v1/":{},"docker.io":{"auth":")" + b64("alias:1") + R"("}}})");
    QVERIFY(marker.ok());
    QCOMPARE(marker->credentials.value(QStringLiteral("docker.io")).username, QStringLiteral("alias"));
}

void TestDockerConfig::hostPortKeys()
{
    writeConfig(R"({"auths":{"localhost:5000":{"auth":")" + b64("a:1") + R"("},)"
                R"("https://myreg:5000/v2/":{"auth":")" + b64("b:2") + R"("},)"
                R"("http://Plain.Example:8080":{"auth":")" + b64("c:3") + R"("},)"
                R"("[::1]:5001":{"auth":")" + b64("d:4") + R"("}}})");
    const DockerConfigCredentialProvider provider;
    QCOMPARE(lookupNow(provider, QStringLiteral("localhost:5000"))->username, QStringLiteral("a"));
    QCOMPARE(lookupNow(provider, QStringLiteral("myreg:5000"))->username, QStringLiteral("b"));
    QCOMPARE(lookupNow(provider, QStringLiteral("plain.example:8080"))->username, QStringLiteral("c"));
    QCOMPARE(lookupNow(provider, QStringLiteral("[::1]:5001"))->username, QStringLiteral("d"));
    // The port is part of the identity.
    QVERIFY(lookupNow(provider, QStringLiteral("localhost"))->isAnonymous());
    QVERIFY(lookupNow(provider, QStringLiteral("localhost:5001"))->isAnonymous());
    QVERIFY(lookupNow(provider, QStringLiteral("myreg"))->isAnonymous());
}

void TestDockerConfig::pseudoAndNamespacedKeysIgnored()
{
    const auto auths = parseConfig(
        R"({"auths":{"https://index.docker.io/v1/access-token":{"auth":")" + b64("tok:x")
        + R"("},"https://index.docker.io/v1/refresh-token":{"auth":")" + b64("ref:y")
        + R"("},"quay.io/org/repo":{"auth":")" + b64("ns:z") + R"("},"/v2/":{"auth":")" + b64("e:e")
        + R"("}}})");
    QVERIFY(auths.ok());
    QVERIFY(auths->credentials.isEmpty());
    QVERIFY(auths->problems.isEmpty());
}

void TestDockerConfig::markerEntriesAreAnonymous()
{
    // With credsStore/credHelpers the helper answers instead: tst_credentialhelper.
    writeConfig(R"({"auths":{"localhost:5001":{},"gcr.io":{}}})");
    const DockerConfigCredentialProvider provider;
    const auto c = lookupNow(provider, QStringLiteral("localhost:5001"));
    QVERIFY(c.ok());
    QVERIFY(c->isAnonymous());
    QVERIFY(lookupNow(provider, QStringLiteral("gcr.io"))->isAnonymous());
}

void TestDockerConfig::malformedFile()
{
    QVERIFY(!parseConfig("{not json").ok());
    QVERIFY(!parseConfig("[]").ok());
    QCOMPARE(parseConfig("{not json").error().code(), Error::Code::CredentialsUnavailable);
    // No `auths`, or `auths` of the wrong type: nothing, but not an error.
    QVERIFY(parseConfig("{}")->credentials.isEmpty());
    QVERIFY(parseConfig(R"({"auths":[1,2]})")->credentials.isEmpty());
    QVERIFY(parseConfig(R"({"auths":{"r.io":"str","s.io":{"auth":5}}})")->credentials.isEmpty());
}

void TestDockerConfig::providerReadsDockerConfigEnv()
{
    writeConfig(R"({"auths":{"ghcr.io":{"auth":")" + b64("env:pw") + R"("}}})");
    QCOMPARE(DockerConfigCredentialProvider::defaultConfigPath(),
             QDir(m_dir->path()).filePath(QStringLiteral("config.json")));
    const DockerConfigCredentialProvider provider;
    QCOMPARE(provider.configPath(), DockerConfigCredentialProvider::defaultConfigPath());
    const auto c = lookupNow(provider, QStringLiteral("GHCR.IO"));
    QVERIFY(c.ok());
    QCOMPARE(c->username, QStringLiteral("env"));

    // An explicit path beats the environment.
    QTemporaryDir other;
    QFile file(other.filePath(QStringLiteral("x.json")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"auths":{"ghcr.io":{"auth":")" + b64("explicit:pw") + R"("}}})");
    file.close();
    const DockerConfigCredentialProvider explicitProvider(file.fileName());
    QCOMPARE(lookupNow(explicitProvider, QStringLiteral("ghcr.io"))->username, QStringLiteral("explicit"));
}

void TestDockerConfig::providerMissingFileIsAnonymous()
{
    const DockerConfigCredentialProvider provider; // DOCKER_CONFIG points at an empty folder
    const auto c = lookupNow(provider, QStringLiteral("ghcr.io"));
    QVERIFY(c.ok());
    QVERIFY(c->isAnonymous());
}

void TestDockerConfig::providerBrokenFileIsError()
{
    writeConfig("{\"auths\": {");
    const DockerConfigCredentialProvider provider;
    const auto c = lookupNow(provider, QStringLiteral("ghcr.io"));
    QVERIFY(!c.ok());
    QCOMPARE(c.error().code(), Error::Code::CredentialsUnavailable);
    QVERIFY(c.error().message().contains(u"config.json"));
    QCOMPARE(c.error().registry(), QStringLiteral("ghcr.io"));
}

void TestDockerConfig::providerBadEntryIsErrorForThatHostOnly()
{
    writeConfig(R"({"auths":{"bad.io":{"auth":"@@@"},"good.io":{"auth":")" + b64("g:1") + R"("}}})");
    const DockerConfigCredentialProvider provider;
    const auto bad = lookupNow(provider, QStringLiteral("bad.io"));
    QVERIFY(!bad.ok());
    QCOMPARE(bad.error().code(), Error::Code::CredentialsUnavailable);
    QVERIFY(bad.error().message().contains(u"bad.io"));
    QCOMPARE(lookupNow(provider, QStringLiteral("good.io"))->username, QStringLiteral("g"));
    QVERIFY(lookupNow(provider, QStringLiteral("other.io"))->isAnonymous());
}

void TestDockerConfig::providerSeesEdits()
{
    writeConfig(R"({"auths":{"r.io":{"auth":")" + b64("one:1") + R"("}}})");
    const DockerConfigCredentialProvider provider;
    QCOMPARE(lookupNow(provider, QStringLiteral("r.io"))->username, QStringLiteral("one"));
    writeConfig(R"({"auths":{"r.io":{"auth":")" + b64("two:2") + R"("}}})");
    QCOMPARE(lookupNow(provider, QStringLiteral("r.io"))->username, QStringLiteral("two"));
}

void TestDockerConfig::defaultPathWithoutEnvUsesHome()
{
    qunsetenv("DOCKER_CONFIG");
    QCOMPARE(DockerConfigCredentialProvider::defaultConfigPath(),
             QDir::home().filePath(QStringLiteral(".docker/config.json")));
    qputenv("DOCKER_CONFIG", "");
    QCOMPARE(DockerConfigCredentialProvider::defaultConfigPath(),
             QDir::home().filePath(QStringLiteral(".docker/config.json")));
    // Only the path is computed: nothing under the real home is read here.
}

QTEST_GUILESS_MAIN(TestDockerConfig)
#include "tst_dockerconfig.moc"
