#include "fakecredentialhelper.h"

#include "oci/auth/credentialhelper.h"
#include "oci/auth/dockerconfig.h"

#include <QElapsedTimer>
#include <QTest>

#include <memory>
#include <optional>

using oci::CredentialHelper;
using oci::CredentialHelperOptions;
using oci::Credentials;
using oci::DockerConfigCredentialProvider;
using oci::Error;

namespace {

// Collects the answers of one or more lookups.
struct Answers
{
    QList<oci::Result<Credentials>> results;
    oci::CredentialsCallback callback()
    {
        return [this](oci::Result<Credentials> result) { results.append(std::move(result)); };
    }
};

CredentialHelperOptions fastOptions()
{
    CredentialHelperOptions options;
    options.timeoutMs = 500; // the hang tests stay fast
    options.cacheSeconds = 0;
    return options;
}

// For QVERIFY2, which evaluates its message even when the check passes.
QString failure(const oci::Result<Credentials> &result)
{
    return result.ok() ? QString() : result.error().message();
}

QByteArray b64(const QByteArray &plain)
{
    return plain.toBase64();
}

} // namespace

class tst_CredentialHelper final : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_fake = std::make_unique<FakeCredentialHelper>();
        QVERIFY(m_fake->isValid());
    }
    void cleanup() { m_fake.reset(); }

    void serverUrls_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<QString>("serverUrl");
        QTest::newRow("hub") << u"docker.io"_qs << u"https://index.docker.io/v1/"_qs;
        QTest::newRow("hub api host") << u"registry-1.docker.io"_qs << u"https://index.docker.io/v1/"_qs;
        QTest::newRow("hub index") << u"index.docker.io"_qs << u"https://index.docker.io/v1/"_qs;
        QTest::newRow("port") << u"localhost:5000"_qs << u"localhost:5000"_qs;
        QTest::newRow("plain") << u"ghcr.io"_qs << u"ghcr.io"_qs;
    }
    void serverUrls()
    {
        QFETCH(QString, host);
        QFETCH(QString, serverUrl);
        QCOMPARE(CredentialHelper::serverUrlFor(host), serverUrl);
    }

    void helperNames()
    {
        QCOMPARE(CredentialHelper::programName(u"ecr-login"), u"docker-credential-ecr-login"_qs);
        QVERIFY(CredentialHelper::isValidHelperName(u"desktop"));
        QVERIFY(CredentialHelper::isValidHelperName(u"ecr-login"));
        QVERIFY(CredentialHelper::isValidHelperName(u"pass_2.0"));
        QVERIFY(!CredentialHelper::isValidHelperName(u""));
        QVERIFY(!CredentialHelper::isValidHelperName(u"../evil"));
        QVERIFY(!CredentialHelper::isValidHelperName(u"a b"));
        QVERIFY(!CredentialHelper::isValidHelperName(u"x;rm"));
        QVERIFY(!CredentialHelper::isValidHelperName(u"-flag"));
    }

    void parseOutput()
    {
        auto plain = CredentialHelper::parseGetOutput(R"({"ServerURL":"r","Username":"u","Secret":"p"})");
        QVERIFY(plain.ok());
        QCOMPARE(plain->username, u"u"_qs);
        QCOMPARE(plain->password, u"p"_qs);
        auto token = CredentialHelper::parseGetOutput(R"({"Username":"<token>","Secret":"t"})");
        QVERIFY(token.ok());
        QVERIFY(token->username.isEmpty());
        QVERIFY(token->password.isEmpty());
        QCOMPARE(token->identityToken, u"t"_qs);
        QVERIFY(!CredentialHelper::parseGetOutput("[]").ok());
        QVERIFY(!CredentialHelper::parseGetOutput("").ok());
        QVERIFY(!CredentialHelper::parseGetOutput(R"({"Username":1})").ok());
    }

    void success()
    {
        CredentialHelper helper(fastOptions());
        Answers answers;
        helper.get(u"test"_qs, u"localhost:5000"_qs, answers.callback());
        QVERIFY(answers.results.isEmpty()); // a process: never synchronous
        QTRY_COMPARE(answers.results.size(), 1);
        QVERIFY(answers.results[0].ok());
        QCOMPARE(answers.results[0]->username, u"alice"_qs);
        QCOMPARE(answers.results[0]->password, u"s3cret"_qs);
        QCOMPARE(m_fake->lastStdin(), QByteArray("localhost:5000"));
        QCOMPARE(m_fake->lastArguments(), QByteArray("get\n"));
    }

    void dockerHubIsAskedByItsIndexUrl()
    {
        CredentialHelper helper(fastOptions());
        Answers answers;
        helper.get(u"test"_qs, u"docker.io"_qs, answers.callback());
        QTRY_COMPARE(answers.results.size(), 1);
        QVERIFY(answers.results[0].ok());
        QCOMPARE(m_fake->lastStdin(), QByteArray("https://index.docker.io/v1/"));
    }

    void tokenUsername()
    {
        m_fake->setMode("token");
        CredentialHelper helper(fastOptions());
        Answers answers;
        helper.get(u"test"_qs, u"ghcr.io"_qs, answers.callback());
        QTRY_COMPARE(answers.results.size(), 1);
        QVERIFY(answers.results[0].ok());
        QCOMPARE(answers.results[0]->identityToken, u"refresh-me"_qs);
        QVERIFY(answers.results[0]->username.isEmpty());
        QVERIFY(answers.results[0]->password.isEmpty());
    }

    void notFoundIsAnonymous()
    {
        for (const QByteArray &mode : {QByteArray("notfound"), QByteArray("empty")}) {
            m_fake->setMode(mode);
            CredentialHelper helper(fastOptions());
            Answers answers;
            helper.get(u"test"_qs, u"ghcr.io"_qs, answers.callback());
            QTRY_COMPARE(answers.results.size(), 1);
            QVERIFY2(answers.results[0].ok(), mode.constData());
            QVERIFY(answers.results[0]->isAnonymous());
        }
    }

    void garbage_data()
    {
        QTest::addColumn<QByteArray>("mode");
        QTest::addColumn<QString>("expected");
        QTest::newRow("not json") << QByteArray("garbage") << u"not the expected JSON"_qs;
        QTest::newRow("wrong types") << QByteArray("wrongtypes") << u"not a string"_qs;
        QTest::newRow("exit code") << QByteArray("fail") << u"exit code 3"_qs;
        QTest::newRow("stderr") << QByteArray("stderronly") << u"helper broke on stderr"_qs;
    }
    void garbage()
    {
        QFETCH(QByteArray, mode);
        QFETCH(QString, expected);
        m_fake->setMode(mode);
        CredentialHelper helper(fastOptions());
        Answers answers;
        helper.get(u"test"_qs, u"ghcr.io"_qs, answers.callback());
        QTRY_COMPARE(answers.results.size(), 1);
        QVERIFY(!answers.results[0].ok());
        const Error &error = answers.results[0].error();
        QCOMPARE(error.code(), Error::Code::CredentialsUnavailable);
        QVERIFY2(error.message().contains(u"docker-credential-test"), qPrintable(error.message()));
        QVERIFY2(error.message().contains(expected), qPrintable(error.message()));
    }

    void failureMessageIsShown()
    {
        m_fake->setMode("fail");
        CredentialHelper helper(fastOptions());
        Answers answers;
        helper.get(u"test"_qs, u"ghcr.io"_qs, answers.callback());
        QTRY_COMPARE(answers.results.size(), 1);
        QVERIFY(answers.results[0].error().message().contains(u"keychain is locked"));
    }

    void jsonOnFailureIsNotRepeated()
    {
        // The helper's stdout may hold a secret: only plain error text goes into messages.
        m_fake->setMode("failjson");
        CredentialHelper helper(fastOptions());
        Answers answers;
        helper.get(u"test"_qs, u"ghcr.io"_qs, answers.callback());
        QTRY_COMPARE(answers.results.size(), 1);
        QVERIFY(!answers.results[0].ok());
        QVERIFY(answers.results[0].error().message().contains(u"exit code 2"));
        QVERIFY(!answers.results[0].error().message().contains(u"must-not-leak"));
    }

    void missingHelper()
    {
        CredentialHelper helper(fastOptions());
        Answers answers;
        helper.get(u"lading-no-such-helper"_qs, u"ghcr.io"_qs, answers.callback());
        QCOMPARE(answers.results.size(), 1); // known at once: nothing to start
        QVERIFY(!answers.results[0].ok());
        const QString message = answers.results[0].error().message();
        QCOMPARE(answers.results[0].error().code(), Error::Code::CredentialsUnavailable);
        QVERIFY(message.contains(u"docker-credential-lading-no-such-helper"));
        QVERIFY(message.contains(u"not found on PATH"));
        QVERIFY(message.contains(u"install it"));
    }

    void invalidHelperNameIsNotRun()
    {
        CredentialHelper helper(fastOptions());
        Answers answers;
        helper.get(u"../test"_qs, u"ghcr.io"_qs, answers.callback());
        QCOMPARE(answers.results.size(), 1);
        QVERIFY(!answers.results[0].ok());
        QCOMPARE(m_fake->calls(), 0);
    }

    void notExecutableHelper()
    {
        QFile::setPermissions(QDir(m_fake->dir()).filePath(u"docker-credential-test"_qs),
                              QFile::ReadOwner | QFile::WriteOwner);
        CredentialHelper helper(fastOptions());
        Answers answers;
        helper.get(u"test"_qs, u"ghcr.io"_qs, answers.callback());
        QTRY_COMPARE(answers.results.size(), 1);
        QVERIFY(!answers.results[0].ok());
        QVERIFY(answers.results[0].error().message().contains(u"docker-credential-test"));
    }

    void hangIsStoppedByTheTimeout_data()
    {
        QTest::addColumn<QByteArray>("mode");
        QTest::newRow("helper sleeps") << QByteArray("hang");
        QTest::newRow("helper's child sleeps") << QByteArray("hangchild");
    }
    void hangIsStoppedByTheTimeout()
    {
        QFETCH(QByteArray, mode);
        m_fake->setMode(mode);
        CredentialHelper helper(fastOptions());
        Answers answers;
        QElapsedTimer clock;
        clock.start();
        helper.get(u"test"_qs, u"ghcr.io"_qs, answers.callback());
        QTRY_COMPARE_WITH_TIMEOUT(answers.results.size(), 1, 5000);
        QVERIFY(clock.elapsed() >= 450);
        QVERIFY2(clock.elapsed() < 4000, qPrintable(QString::number(clock.elapsed())));
        QVERIFY(!answers.results[0].ok());
        QVERIFY2(answers.results[0].error().message().contains(u"did not answer within 0.5 s"),
                 qPrintable(failure(answers.results[0])));
        // Nothing more arrives once the killed helper is gone.
        QTest::qWait(200);
        QCOMPARE(answers.results.size(), 1);
    }

    void hugeOutputIsCut()
    {
        m_fake->setMode("huge");
        CredentialHelper helper(fastOptions());
        Answers answers;
        helper.get(u"test"_qs, u"ghcr.io"_qs, answers.callback());
        QTRY_COMPARE(answers.results.size(), 1);
        QVERIFY(!answers.results[0].ok());
        QVERIFY2(answers.results[0].error().message().contains(u"more than 64 KiB"),
                 qPrintable(failure(answers.results[0])));
        QTest::qWait(100);
        QCOMPARE(answers.results.size(), 1);
    }

    void concurrentLookupsShareOneRun()
    {
        m_fake->setMode("slow");
        CredentialHelper helper(fastOptions());
        Answers answers;
        for (int i = 0; i < 5; ++i)
            helper.get(u"test"_qs, u"ghcr.io"_qs, answers.callback());
        QTRY_COMPARE(answers.results.size(), 5);
        for (const auto &result : std::as_const(answers.results))
            QCOMPARE(result->username, u"slow"_qs);
        QCOMPARE(m_fake->calls(), 1);
    }

    void answersAreCachedBriefly()
    {
        CredentialHelperOptions options = fastOptions();
        options.cacheSeconds = 60;
        CredentialHelper helper(options);
        Answers answers;
        helper.get(u"test"_qs, u"ghcr.io"_qs, answers.callback());
        QTRY_COMPARE(answers.results.size(), 1);
        helper.get(u"test"_qs, u"ghcr.io"_qs, answers.callback());
        QCOMPARE(answers.results.size(), 2); // from the cache, at once
        QCOMPARE(answers.results[1]->username, u"alice"_qs);
        QCOMPARE(m_fake->calls(), 1);
        // Another registry is another question.
        helper.get(u"test"_qs, u"quay.io"_qs, answers.callback());
        QTRY_COMPARE(answers.results.size(), 3);
        QCOMPARE(m_fake->calls(), 2);
        helper.clearCache();
        helper.get(u"test"_qs, u"ghcr.io"_qs, answers.callback());
        QTRY_COMPARE(answers.results.size(), 4);
        QCOMPARE(m_fake->calls(), 3);
    }

    void failuresAreNotCached()
    {
        CredentialHelperOptions options = fastOptions();
        options.cacheSeconds = 60;
        CredentialHelper helper(options);
        m_fake->setMode("fail");
        Answers answers;
        helper.get(u"test"_qs, u"ghcr.io"_qs, answers.callback());
        QTRY_COMPARE(answers.results.size(), 1);
        QVERIFY(!answers.results[0].ok());
        m_fake->setMode("ok"); // fixed meanwhile: the next lookup sees it
        helper.get(u"test"_qs, u"ghcr.io"_qs, answers.callback());
        QTRY_COMPARE(answers.results.size(), 2);
        QVERIFY(answers.results[1].ok());
    }

    void destroyedWhileRunning()
    {
        m_fake->setMode("hang");
        Answers answers;
        {
            CredentialHelper helper(fastOptions());
            helper.get(u"test"_qs, u"ghcr.io"_qs, answers.callback());
            QTRY_COMPARE(m_fake->calls(), 1);
        }
        QTest::qWait(700); // past the timeout: the dropped callback must not run
        QVERIFY(answers.results.isEmpty());
    }

    // --- DockerConfigCredentialProvider: docker CLI precedence --------------------------

    void precedence_data()
    {
        QTest::addColumn<QByteArray>("config");
        QTest::addColumn<QByteArray>("mode");
        QTest::addColumn<QString>("host");
        QTest::addColumn<QString>("username");
        QTest::addColumn<int>("helperCalls");

        // moc reads "//" inside a raw string as a comment: plain literals where URLs occur.
        const QByteArray inlineAuth = "\"auths\":{\"r.io\":{\"auth\":\"" + b64("inline:pw")
                                      + "\"},\"localhost:5000\":{\"auth\":\"" + b64("local:pw")
                                      + "\"}}";
        QTest::newRow("credHelpers beats credsStore and auths")
            << QByteArray(R"({"credHelpers":{"r.io":"test"},"credsStore":"lading-missing",)" + inlineAuth + "}")
            << QByteArray("ok") << u"r.io"_qs << u"alice"_qs << 1;
        QTest::newRow("credsStore beats auths")
            << QByteArray(R"({"credsStore":"test",)" + inlineAuth + "}") << QByteArray("ok")
            << u"r.io"_qs << u"alice"_qs << 1;
        QTest::newRow("helper's not-found hides inline auth")
            << QByteArray(R"({"credsStore":"test",)" + inlineAuth + "}") << QByteArray("notfound")
            << u"r.io"_qs << QString() << 1;
        QTest::newRow("credHelpers of another host: auths")
            << QByteArray(R"({"credHelpers":{"other.io":"test"},)" + inlineAuth + "}")
            << QByteArray("ok") << u"r.io"_qs << u"inline"_qs << 0;
        QTest::newRow("credHelpers host with port")
            << QByteArray(R"({"credHelpers":{"localhost:5000":"test"},)" + inlineAuth + "}")
            << QByteArray("ok") << u"localhost:5000"_qs << u"alice"_qs << 1;
        QTest::newRow("credHelpers port differs")
            << QByteArray(R"({"credHelpers":{"localhost:5001":"test"},)" + inlineAuth + "}")
            << QByteArray("ok") << u"localhost:5000"_qs << u"local"_qs << 0;
        QTest::newRow("credHelpers hub key names docker.io")
            << QByteArray("{\"credHelpers\":{\"https://index.docker.io/v1/\":\"test\"}}")
            << QByteArray("ok") << u"docker.io"_qs << u"alice"_qs << 1;
        QTest::newRow("no helper: auths")
            << QByteArray(R"({)" + inlineAuth + "}") << QByteArray("ok") << u"r.io"_qs
            << u"inline"_qs << 0;
    }
    void precedence()
    {
        QFETCH(QByteArray, config);
        QFETCH(QByteArray, mode);
        QFETCH(QString, host);
        QFETCH(QString, username);
        QFETCH(int, helperCalls);
        m_fake->setMode(mode);
        const QString path = writeConfig(config);
        const DockerConfigCredentialProvider provider(path, std::make_shared<CredentialHelper>(fastOptions()));
        Answers answers;
        provider.lookup(host, answers.callback());
        QTRY_COMPARE(answers.results.size(), 1);
        QVERIFY2(answers.results[0].ok(), qPrintable(failure(answers.results[0])));
        QCOMPARE(answers.results[0]->username, username);
        QCOMPARE(m_fake->calls(), helperCalls);
    }

    void helperKeepsInlineRegistryToken()
    {
        // As the docker CLI: the helper's answer replaces user, password and identity
        // token; an inline registrytoken stays.
        m_fake->setMode("notfound");
        const QString path = writeConfig(
            R"({"credsStore":"test","auths":{"r.io":{"registrytoken":"bearer-x","identitytoken":"idt"}}})");
        const DockerConfigCredentialProvider provider(path, std::make_shared<CredentialHelper>(fastOptions()));
        Answers answers;
        provider.lookup(u"r.io"_qs, answers.callback());
        QTRY_COMPARE(answers.results.size(), 1);
        QCOMPARE(answers.results[0]->registryToken, u"bearer-x"_qs);
        QVERIFY(answers.results[0]->identityToken.isEmpty());
    }

    void missingHelperNamesTheSetting()
    {
        const QString path = writeConfig(R"({"credsStore":"lading-missing","auths":{"r.io":{}}})");
        const DockerConfigCredentialProvider provider(path, std::make_shared<CredentialHelper>(fastOptions()));
        Answers answers;
        provider.lookup(u"r.io"_qs, answers.callback());
        QCOMPARE(answers.results.size(), 1);
        QVERIFY(!answers.results[0].ok());
        const Error &error = answers.results[0].error();
        QCOMPARE(error.code(), Error::Code::CredentialsUnavailable);
        QCOMPARE(error.registry(), u"r.io"_qs);
        QVERIFY(error.message().contains(u"docker-credential-lading-missing"));
        QVERIFY(error.message().contains(u"\"credsStore\""));
        QVERIFY(error.message().contains(path));

        const QString helpersPath = writeConfig(R"({"credHelpers":{"gcr.io":"lading-missing"}})");
        const DockerConfigCredentialProvider helpers(helpersPath, std::make_shared<CredentialHelper>(fastOptions()));
        Answers more;
        helpers.lookup(u"gcr.io"_qs, more.callback());
        QCOMPARE(more.results.size(), 1);
        QVERIFY(more.results[0].error().message().contains(u"\"credHelpers\" for gcr.io"));
    }

    void failingHelperIsAnError()
    {
        m_fake->setMode("hang");
        const QString path = writeConfig(R"({"credsStore":"test"})");
        const DockerConfigCredentialProvider provider(path, std::make_shared<CredentialHelper>(fastOptions()));
        Answers answers;
        provider.lookup(u"r.io"_qs, answers.callback());
        QTRY_COMPARE_WITH_TIMEOUT(answers.results.size(), 1, 5000);
        QVERIFY(!answers.results[0].ok());
        QVERIFY(answers.results[0].error().message().contains(u"did not answer"));
    }

private:
    QString writeConfig(const QByteArray &json)
    {
        const QString path = QDir(m_fake->dir()).filePath(QStringLiteral("config-%1.json").arg(++m_configs));
        QFile file(path);
        if (file.open(QIODevice::WriteOnly))
            file.write(json);
        return path;
    }

    std::unique_ptr<FakeCredentialHelper> m_fake;
    int m_configs = 0;
};

QTEST_GUILESS_MAIN(tst_CredentialHelper)
#include "tst_credentialhelper.moc"
