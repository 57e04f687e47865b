// ladingctl's command line: help, version, usage errors and network failures, run as a
// real process. No registry needed.

#include "ladingctlprocess.h"
#include "support/closedport.h"

#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using clitest::ladingctl;
using clitest::Run;

class TestLadingctlUsage final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void help();
    void version();
    void usageErrors_data();
    void usageErrors();
    void emptyPasswordOnStdin();
    void unreachableRegistry_data();
    void unreachableRegistry();

private:
    static void verifyOneErrorLine(const Run &run, int exitCode, const QByteArray &contains);
    QTemporaryDir m_dockerConfig; // empty: no credentials
};

void TestLadingctlUsage::initTestCase()
{
    QVERIFY(m_dockerConfig.isValid());
    QVERIFY2(QFile::exists(QStringLiteral(LADINGCTL_PATH)), LADINGCTL_PATH);
}

void TestLadingctlUsage::verifyOneErrorLine(const Run &run, int exitCode, const QByteArray &contains)
{
    QVERIFY2(!run.crashedOrTimedOut, run.describe().constData());
    QVERIFY2(run.exitCode == exitCode, run.describe().constData());
    QVERIFY2(run.out.isEmpty(), run.describe().constData());
    VERIFY_ONE_ERROR_LINE(run);
    QVERIFY2(run.err.contains(contains), run.describe().constData());
}

void TestLadingctlUsage::help()
{
    const Run run = ladingctl({QStringLiteral("--help")}, m_dockerConfig.path());
    QVERIFY2(run.exitCode == 0, run.describe().constData());
    QVERIFY(run.err.isEmpty());
    for (const char *word : {"catalog REGISTRY", "tags REPOSITORY", "manifest REFERENCE", "--username",
                             "--password-stdin", "--ca-file", "--insecure", "--plain-http", "--version",
                             "inspect REFERENCE", "--details", "--sort", "--json", "--no-cache",
                             "--concurrency", "layers REFERENCE", "files REFERENCE",
                             "cat REFERENCE PATH", "waste REFERENCE", "--platform", "--layer",
                             "--merged", "--changed", "PATH:NAME", "linux/amd64"})
        QVERIFY2(run.out.contains(word), word);
}

void TestLadingctlUsage::version()
{
    const Run run = ladingctl({QStringLiteral("--version")}, m_dockerConfig.path());
    QVERIFY2(run.exitCode == 0, run.describe().constData());
    QCOMPARE(run.out, QByteArray("ladingctl " LADING_VERSION "\n"));
}

void TestLadingctlUsage::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("contains");
    const auto l = [](std::initializer_list<const char *> args) {
        QStringList list;
        for (const char *a : args)
            list << QString::fromUtf8(a);
        return list;
    };
    QTest::newRow("nothing") << QStringList() << QByteArray("missing command");
    QTest::newRow("unknown command") << l({"pull", "alpine"}) << QByteArray("unknown command \"pull\"");
    QTest::newRow("missing target") << l({"manifest"}) << QByteArray("missing argument");
    QTest::newRow("extra argument") << l({"tags", "a/b", "c"}) << QByteArray("unexpected argument");
    QTest::newRow("unknown option") << l({"--frobnicate", "catalog", "localhost:5000"})
                                    << QByteArray("frobnicate");
    QTest::newRow("bad reference") << l({"manifest", "localhost:5000/Team/App:1"})
                                   << QByteArray("invalid reference");
    QTest::newRow("bad tag") << l({"manifest", "localhost:5000/team/app:-x"})
                             << QByteArray("invalid reference");
    QTest::newRow("bad digest") << l({"manifest", "localhost:5000/team/app@sha256:abc"})
                                << QByteArray("invalid reference");
    QTest::newRow("bare hex") << l({"manifest", "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"})
                              << QByteArray("image ID");
    QTest::newRow("tags with a tag") << l({"tags", "localhost:5000/team/app:1"})
                                     << QByteArray("without a tag");
    QTest::newRow("catalog of a URL") << l({"catalog", "https://localhost:5000"})
                                      << QByteArray("invalid registry");
    QTest::newRow("catalog with a path") << l({"catalog", "localhost:5000/team"})
                                         << QByteArray("invalid registry");
    QTest::newRow("username without password")
        << l({"--username", "me", "catalog", "localhost:5000"}) << QByteArray("--password-stdin");
    QTest::newRow("password without username")
        << l({"--password-stdin", "catalog", "localhost:5000"}) << QByteArray("--username");
    QTest::newRow("ca-file without value") << l({"catalog", "localhost:5000", "--ca-file"})
                                           << QByteArray("ca-file");
    QTest::newRow("inspect without target") << l({"inspect"}) << QByteArray("missing argument");
    QTest::newRow("inspect bad reference") << l({"inspect", "localhost:5000/Team/App"})
                                           << QByteArray("invalid reference");
    QTest::newRow("details for manifest") << l({"manifest", "localhost:5000/a/b:1", "--details"})
                                          << QByteArray("--details is for the tags command");
    QTest::newRow("sort created without details") << l({"tags", "localhost:5000/a/b", "--sort", "created"})
                                                  << QByteArray("--sort created needs --details");
    QTest::newRow("unknown sort key") << l({"tags", "localhost:5000/a/b", "--details", "--sort", "age"})
                                      << QByteArray("unknown sort key \"age\"");
    QTest::newRow("sort for inspect") << l({"inspect", "localhost:5000/a/b:1", "--sort", "size"})
                                      << QByteArray("--sort is for the tags command");
    QTest::newRow("json without details") << l({"tags", "localhost:5000/a/b", "--json"})
                                          << QByteArray("--json needs tags --details");
    QTest::newRow("json for cat") << l({"cat", "localhost:5000/a/b:1", "etc/passwd", "--json"})
                                  << QByteArray("--json is for tags --details, layers");
    QTest::newRow("cat without path") << l({"cat", "localhost:5000/a/b:1"})
                                      << QByteArray("missing argument for \"cat\"");
    QTest::newRow("files, two targets") << l({"files", "localhost:5000/a/b:1", "x"})
                                        << QByteArray("unexpected argument \"x\"");
    QTest::newRow("layer for waste") << l({"waste", "localhost:5000/a/b:1", "--layer", "1"})
                                     << QByteArray("--layer, --merged and --changed are for the files");
    QTest::newRow("negative layer") << l({"files", "localhost:5000/a/b:1", "--layer", "-1"})
                                    << QByteArray("--layer needs a layer number");
    QTest::newRow("platform for tags") << l({"tags", "localhost:5000/a/b", "--platform", "linux/amd64"})
                                       << QByteArray("--platform is for layers");
    QTest::newRow("bad platform") << l({"layers", "localhost:5000/a/b:1", "--platform", "amd64"})
                                  << QByteArray("--platform needs OS/ARCH");
    QTest::newRow("bad image reference") << l({"layers", "Not A Reference"})
                                         << QByteArray("nor is it a file or folder here");
    QTest::newRow("concurrency zero") << l({"tags", "localhost:5000/a/b", "--details", "--concurrency", "0"})
                                      << QByteArray("--concurrency needs a number");
    QTest::newRow("concurrency text") << l({"tags", "localhost:5000/a/b", "--details", "--concurrency", "x"})
                                      << QByteArray("--concurrency needs a number");
}

void TestLadingctlUsage::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, contains);
    verifyOneErrorLine(ladingctl(arguments, m_dockerConfig.path()), 2, contains);
}

void TestLadingctlUsage::emptyPasswordOnStdin()
{
    const Run run = ladingctl({QStringLiteral("--username"), QStringLiteral("me"),
                               QStringLiteral("--password-stdin"), QStringLiteral("catalog"),
                               QStringLiteral("localhost:5000")},
                              m_dockerConfig.path(), QByteArray("\n"));
    verifyOneErrorLine(run, 2, "no password");
}

void TestLadingctlUsage::unreachableRegistry_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QString>("command");
    QTest::newRow("catalog, http") << QStringList{QStringLiteral("--plain-http")} << QStringLiteral("catalog");
    QTest::newRow("manifest, https") << QStringList() << QStringLiteral("manifest");
    QTest::newRow("inspect, http, nothing cached")
        << QStringList{QStringLiteral("--plain-http"), QStringLiteral("--no-cache")} << QStringLiteral("inspect");
}

void TestLadingctlUsage::unreachableRegistry()
{
    QFETCH(QStringList, options);
    QFETCH(QString, command);
    // A bound port that never listens: connection refused, and no parallel test can take it.
    const ClosedPort closed;
    QVERIFY(closed.isValid());
    const QString host = QStringLiteral("127.0.0.1:%1").arg(closed.port());

    const QString target = command == u"catalog" ? host : host + QStringLiteral("/team/app:1");
    const Run run = ladingctl(options + QStringList{command, target}, m_dockerConfig.path(), {}, 120000);
    verifyOneErrorLine(run, 1, host.toUtf8());
}

QTEST_GUILESS_MAIN(TestLadingctlUsage)
#include "tst_ladingctl_usage.moc"
