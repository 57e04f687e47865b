#include "fakecredentialhelper.h"

#include "oci/auth/authfile.h"
#include "oci/auth/credentialhelper.h"
#include "oci/auth/podmanauth.h"

#include <QTest>

#include <memory>

using oci::Credentials;
using oci::Error;
using oci::PodmanAuthCredentialProvider;

namespace {

QByteArray b64(const QByteArray &plain)
{
    return plain.toBase64();
}

QByteArray authEntry(const QByteArray &key, const QByteArray &userPass)
{
    return '"' + key + "\":{\"auth\":\"" + b64(userPass) + "\"}";
}

QByteArray authsJson(const QByteArrayList &entries)
{
    return "{\"auths\":{" + entries.join(',') + "}}";
}

// Runs a lookup to its end (a helper answers later).
oci::Result<Credentials> lookup(const oci::CredentialProvider &provider, const QString &host)
{
    std::optional<oci::Result<Credentials>> out;
    provider.lookup(host, [&](oci::Result<Credentials> result) { out = std::move(result); });
    if (!QTest::qWaitFor([&] { return out.has_value(); }, 5000))
        return Error(Error::Code::Timeout, QStringLiteral("no answer"));
    return *out;
}

QString failure(const oci::Result<Credentials> &result)
{
    return result.ok() ? QString() : result.error().message();
}

// Saves and restores the environment variables the default paths depend on.
class EnvGuard
{
public:
    explicit EnvGuard(QList<const char *> names)
        : m_names(std::move(names))
    {
        for (const char *name : m_names)
            m_saved.append(qEnvironmentVariableIsSet(name) ? std::optional<QByteArray>(qgetenv(name))
                                                           : std::nullopt);
    }
    ~EnvGuard()
    {
        for (qsizetype i = 0; i < m_names.size(); ++i) {
            if (m_saved[i])
                qputenv(m_names[i], *m_saved[i]);
            else
                qunsetenv(m_names[i]);
        }
    }
    Q_DISABLE_COPY_MOVE(EnvGuard)

private:
    QList<const char *> m_names;
    QList<std::optional<QByteArray>> m_saved;
};

} // namespace

class tst_PodmanAuth final : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
    }

    void defaultFilesWithRegistryAuthFile()
    {
        EnvGuard env({"REGISTRY_AUTH_FILE", "XDG_RUNTIME_DIR", "XDG_CONFIG_HOME"});
        qputenv("REGISTRY_AUTH_FILE", "/custom/auth.json");
        qputenv("XDG_RUNTIME_DIR", "/run/user/4242");
        qputenv("XDG_CONFIG_HOME", "/cfg");
        // REGISTRY_AUTH_FILE takes the runtime file's place, as in containers/image.
        QCOMPARE(PodmanAuthCredentialProvider::defaultAuthFiles(),
                 QStringList({u"/custom/auth.json"_qs, u"/cfg/containers/auth.json"_qs}));
    }

    void defaultFilesWithRuntimeDir()
    {
        EnvGuard env({"REGISTRY_AUTH_FILE", "XDG_RUNTIME_DIR", "XDG_CONFIG_HOME", "HOME"});
        qunsetenv("REGISTRY_AUTH_FILE");
        qputenv("XDG_RUNTIME_DIR", "/run/user/4242");
        qunsetenv("XDG_CONFIG_HOME");
        qputenv("HOME", QFile::encodeName(m_dir->path()));
        QCOMPARE(PodmanAuthCredentialProvider::defaultAuthFiles(),
                 QStringList({u"/run/user/4242/containers/auth.json"_qs,
                              QDir(m_dir->path()).filePath(u".config/containers/auth.json"_qs)}));
    }

    void defaultFilesWithoutRuntimeDir()
    {
        EnvGuard env({"REGISTRY_AUTH_FILE", "XDG_RUNTIME_DIR", "XDG_CONFIG_HOME"});
        qunsetenv("REGISTRY_AUTH_FILE");
        qunsetenv("XDG_RUNTIME_DIR");
        qputenv("XDG_CONFIG_HOME", "/cfg");
        const QStringList files = PodmanAuthCredentialProvider::defaultAuthFiles();
        QCOMPARE(files.size(), 2);
        QVERIFY(files[0].startsWith(u"/run/containers/"));
        QVERIFY(files[0].endsWith(u"/auth.json"));
        QCOMPARE(files[1], u"/cfg/containers/auth.json"_qs);
    }

    void defaultProviderReadsTheEnvironment()
    {
        EnvGuard env({"REGISTRY_AUTH_FILE", "XDG_RUNTIME_DIR", "XDG_CONFIG_HOME"});
        const QString runtime = path(u"runtime"_qs);
        const QString config = path(u"config"_qs);
        qunsetenv("REGISTRY_AUTH_FILE");
        qputenv("XDG_RUNTIME_DIR", QFile::encodeName(runtime));
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(config));
        write(runtime + u"/containers/auth.json", authsJson({authEntry("a.io", "runtime:1")}));
        write(config + u"/containers/auth.json",
              authsJson({authEntry("a.io", "config:1"), authEntry("b.io", "config:2")}));
        const PodmanAuthCredentialProvider provider;
        QCOMPARE(lookup(provider, u"a.io"_qs)->username, u"runtime"_qs);
        QCOMPARE(lookup(provider, u"b.io"_qs)->username, u"config"_qs);
        QVERIFY(lookup(provider, u"c.io"_qs)->isAnonymous());

        qputenv("REGISTRY_AUTH_FILE", QFile::encodeName(path(u"override.json"_qs)));
        write(path(u"override.json"_qs), authsJson({authEntry("c.io", "override:3")}));
        const PodmanAuthCredentialProvider overridden;
        QCOMPARE(lookup(overridden, u"c.io"_qs)->username, u"override"_qs);
        QCOMPARE(lookup(overridden, u"a.io"_qs)->username, u"config"_qs); // runtime file skipped
    }

    void hostKeys_data()
    {
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<QString>("host");
        QTest::newRow("bare") << QByteArray("quay.io") << u"quay.io"_qs;
        QTest::newRow("port") << QByteArray("localhost:5000") << u"localhost:5000"_qs;
        QTest::newRow("scheme") << QByteArray("https://quay.io") << u"quay.io"_qs;
        QTest::newRow("hub") << QByteArray("docker.io") << u"registry-1.docker.io"_qs;
        QTest::newRow("hub legacy") << QByteArray("https://index.docker.io/v1/") << u"docker.io"_qs;
    }
    void hostKeys()
    {
        QFETCH(QByteArray, key);
        QFETCH(QString, host);
        write(path(u"auth.json"_qs), authsJson({authEntry(key, "user:pw")}));
        const PodmanAuthCredentialProvider provider({path(u"auth.json"_qs)});
        const auto result = lookup(provider, host);
        QVERIFY2(result.ok(), qPrintable(failure(result)));
        QCOMPARE(result->username, u"user"_qs);
        QCOMPARE(result->password, u"pw"_qs);
    }

    void namespacedKeysStandInForTheHost()
    {
        write(path(u"auth.json"_qs),
              authsJson({authEntry("quay.io/org/repo", "deep:1"), authEntry("quay.io/org", "org:2"),
                         authEntry("quay.io/zzz", "zzz:3"), authEntry("ghcr.io/x/y", "ghcr:4")}));
        const PodmanAuthCredentialProvider provider({path(u"auth.json"_qs)});
        // The shortest key wins ("quay.io/zzz" and "quay.io/org" tie on length: sort order).
        QCOMPARE(lookup(provider, u"quay.io"_qs)->username, u"org"_qs);
        QCOMPARE(lookup(provider, u"ghcr.io"_qs)->username, u"ghcr"_qs);
        QVERIFY(lookup(provider, u"other.io"_qs)->isAnonymous());
    }

    void hostKeyBeatsNamespacedKeys()
    {
        write(path(u"auth.json"_qs),
              authsJson({authEntry("quay.io/org", "org:1"), authEntry("quay.io", "host:2")}));
        const PodmanAuthCredentialProvider provider({path(u"auth.json"_qs)});
        QCOMPARE(lookup(provider, u"quay.io"_qs)->username, u"host"_qs);
    }

    void namespacedKeysAreParsedApart()
    {
        const auto file = oci::parseAuthFile(
            authsJson({authEntry("quay.io/org", "org:1"), authEntry("https://quay.io/org", "x:1"),
                       authEntry("https://index.docker.io/v1/access-token", "t:1")}));
        QVERIFY(file.ok());
        QVERIFY(file->credentials.isEmpty()); // none of them is a host key
        QCOMPARE(file->namespaced.size(), 1);
        QCOMPARE(file->namespaced[0].key, u"quay.io/org"_qs);
        QCOMPARE(file->namespaced[0].host, u"quay.io"_qs);
    }

    void firstFileWithAnEntryWins()
    {
        write(path(u"one.json"_qs), authsJson({authEntry("a.io", "one:1")}));
        write(path(u"two.json"_qs), authsJson({authEntry("a.io", "two:1"), authEntry("b.io", "two:2")}));
        const PodmanAuthCredentialProvider provider(
            {path(u"missing.json"_qs), path(u"one.json"_qs), path(u"two.json"_qs)});
        QCOMPARE(lookup(provider, u"a.io"_qs)->username, u"one"_qs);
        QCOMPARE(lookup(provider, u"b.io"_qs)->username, u"two"_qs);
    }

    void brokenFileCountsOnlyWhenNothingElseAnswers()
    {
        write(path(u"broken.json"_qs), "{\"auths\": {");
        write(path(u"good.json"_qs), authsJson({authEntry("a.io", "good:1")}));
        const PodmanAuthCredentialProvider provider({path(u"broken.json"_qs), path(u"good.json"_qs)});
        QCOMPARE(lookup(provider, u"a.io"_qs)->username, u"good"_qs);
        const auto missing = lookup(provider, u"b.io"_qs);
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().code(), Error::Code::CredentialsUnavailable);
        QVERIFY(missing.error().message().contains(path(u"broken.json"_qs)));
        QCOMPARE(missing.error().registry(), u"b.io"_qs);
    }

    void badEntryIsAnError()
    {
        write(path(u"auth.json"_qs), "{\"auths\":{\"a.io\":{\"auth\":\"@@@\"}}}");
        const PodmanAuthCredentialProvider provider({path(u"auth.json"_qs)});
        const auto result = lookup(provider, u"a.io"_qs);
        QVERIFY(!result.ok());
        QVERIFY(result.error().message().contains(u"base64"));
    }

    void identityToken()
    {
        write(path(u"auth.json"_qs), "{\"auths\":{\"a.io\":{\"identitytoken\":\"idt\"}}}");
        const PodmanAuthCredentialProvider provider({path(u"auth.json"_qs)});
        QCOMPARE(lookup(provider, u"a.io"_qs)->identityToken, u"idt"_qs);
    }

    void credHelpersInAuthJson()
    {
        FakeCredentialHelper fake;
        QVERIFY(fake.isValid());
        oci::CredentialHelperOptions options;
        options.cacheSeconds = 0;
        auto helpers = std::make_shared<oci::CredentialHelper>(options);
        write(path(u"one.json"_qs), "{\"credHelpers\":{\"a.io\":\"test\"}," + authsJson({authEntry("a.io", "inline:1")}).mid(1));
        write(path(u"two.json"_qs), authsJson({authEntry("a.io", "later:1")}));
        const PodmanAuthCredentialProvider provider({path(u"one.json"_qs), path(u"two.json"_qs)}, helpers);
        QCOMPARE(lookup(provider, u"a.io"_qs)->username, u"alice"_qs);
        QCOMPARE(fake.lastStdin(), QByteArray("a.io"));
        // The helper has nothing: the next file answers, as in containers/image.
        fake.setMode("notfound");
        QCOMPARE(lookup(provider, u"a.io"_qs)->username, u"later"_qs);
        fake.setMode("fail");
        const auto failed = lookup(provider, u"a.io"_qs);
        QVERIFY(!failed.ok());
        QVERIFY(failed.error().message().contains(u"docker-credential-test"));
        QVERIFY(failed.error().message().contains(path(u"one.json"_qs)));
    }

private:
    QString path(const QString &name) const { return QDir(m_dir->path()).filePath(name); }
    static void write(const QString &filePath, const QByteArray &bytes)
    {
        QDir().mkpath(QFileInfo(filePath).absolutePath());
        QFile file(filePath);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(bytes);
    }

    std::unique_ptr<QTemporaryDir> m_dir;
};

QTEST_GUILESS_MAIN(tst_PodmanAuth)
#include "tst_podmanauth.moc"
