// ladingctl against a real registry (Debian docker-registry, anonymous, plain http):
// catalog, tags and manifests, with skopeo as the independent oracle for manifest bytes.

#include "ladingctlprocess.h"

#include "support/registryprocess.h"

#include "oci/core/digest.h"

#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using clitest::ladingctl;
using clitest::Run;

class TestLadingctlRegistry final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void catalog();
    void tags();
    void manifestByTag_data();
    void manifestByTag();
    void manifestByDigest();
    void manifestByTagAndDigest();
    void missingManifest();
    void missingRepository();
    void wrongScheme();

private:
    Run run(const QStringList &arguments) { return ladingctl(arguments, m_dockerConfig.path()); }
    QString ref(const QString &rest) const { return m_registry->host() + u'/' + rest; }
    static QSet<QByteArray> lineSet(const QByteArray &out);

    std::unique_ptr<RegistryProcess> m_registry;
    QTemporaryDir m_dockerConfig;
    SeededImage m_oci;
    SeededImage m_docker;
    SeededImage m_index;
    QStringList m_extraTags;
};

QSet<QByteArray> TestLadingctlRegistry::lineSet(const QByteArray &out)
{
    const QList<QByteArray> lines = out.split('\n');
    QSet<QByteArray> set(lines.begin(), lines.end());
    set.remove(QByteArray());
    return set;
}

void TestLadingctlRegistry::initTestCase()
{
    REQUIRE_REGISTRY_TOOLS();
    QVERIFY(m_dockerConfig.isValid());
    m_registry = std::make_unique<RegistryProcess>(RegistryProcess::Auth::Anonymous);
    QVERIFY2(m_registry->start(), qPrintable(m_registry->errorString()));
    Fixtures fixtures(*m_registry);
    auto oci = fixtures.pushOciImage(QStringLiteral("team/app"), QStringLiteral("1.0"));
    QVERIFY_RESULT(oci);
    m_oci = *oci;
    auto docker = fixtures.pushDockerImage(QStringLiteral("team/docker"), QStringLiteral("v2"));
    QVERIFY_RESULT(docker);
    m_docker = *docker;
    auto index = fixtures.pushIndex(QStringLiteral("multi"), QStringLiteral("latest"));
    QVERIFY_RESULT(index);
    m_index = *index;
    auto more = fixtures.pushManyTags(m_oci, 3, QStringLiteral("extra-"));
    QVERIFY_RESULT(more);
    m_extraTags = *more;
}

void TestLadingctlRegistry::catalog()
{
    const Run r = run({QStringLiteral("--plain-http"), QStringLiteral("catalog"), m_registry->host()});
    QVERIFY2(r.exitCode == 0, r.describe().constData());
    QVERIFY2(r.err.isEmpty(), r.err.constData());
    QVERIFY(r.out.endsWith('\n'));
    QCOMPARE(lineSet(r.out), (QSet<QByteArray>{"team/app", "team/docker", "multi"}));
    QCOMPARE(r.out.count('\n'), 3); // each repository once
}

void TestLadingctlRegistry::tags()
{
    const Run r = run({QStringLiteral("tags"), ref(QStringLiteral("team/app")), QStringLiteral("--plain-http")});
    QVERIFY2(r.exitCode == 0, r.describe().constData());
    QVERIFY(r.err.isEmpty());
    QSet<QByteArray> expected{"1.0"};
    for (const QString &tag : std::as_const(m_extraTags))
        expected.insert(tag.toUtf8());
    QCOMPARE(expected.size(), 4);
    QCOMPARE(lineSet(r.out), expected);
    QCOMPARE(r.out.count('\n'), 4);
}

void TestLadingctlRegistry::manifestByTag_data()
{
    QTest::addColumn<QString>("reference");
    QTest::addColumn<QByteArray>("expected");
    QTest::addColumn<QString>("digest");
    QTest::newRow("oci manifest") << m_oci.reference() << m_oci.manifest << m_oci.digest.toString();
    QTest::newRow("docker schema2") << m_docker.reference() << m_docker.manifest << m_docker.digest.toString();
    QTest::newRow("oci index") << m_index.reference() << m_index.manifest << m_index.digest.toString();
}

void TestLadingctlRegistry::manifestByTag()
{
    QFETCH(QString, reference);
    QFETCH(QByteArray, expected);
    QFETCH(QString, digest);
    QVERIFY(!expected.isEmpty());
    // skopeo's answer now, not only at seeding time: the oracle is independent of us.
    Fixtures fixtures(*m_registry);
    const auto skopeo = fixtures.skopeoInspectRaw(reference);
    QVERIFY_RESULT(skopeo);
    QCOMPARE(*skopeo, expected);

    const Run r = run({QStringLiteral("--plain-http"), QStringLiteral("manifest"), ref(reference)});
    QVERIFY2(r.exitCode == 0, r.describe().constData());
    QVERIFY(r.err.isEmpty());
    QCOMPARE(r.out, expected); // byte-exact, nothing appended
    QCOMPARE(oci::Digest::sha256Of(r.out).toString(), digest);
}

void TestLadingctlRegistry::manifestByDigest()
{
    const Run r = run({QStringLiteral("--plain-http"), QStringLiteral("manifest"),
                       ref(m_oci.repository + u'@' + m_oci.digest.toString())});
    QVERIFY2(r.exitCode == 0, r.describe().constData());
    QCOMPARE(r.out, m_oci.manifest);
}

void TestLadingctlRegistry::manifestByTagAndDigest()
{
    // name:tag@digest is fetched by digest: a tag that does not exist does not matter.
    const Run r = run({QStringLiteral("--plain-http"), QStringLiteral("manifest"),
                       ref(m_docker.repository + QStringLiteral(":no-such-tag@") + m_docker.digest.toString())});
    QVERIFY2(r.exitCode == 0, r.describe().constData());
    QCOMPARE(r.out, m_docker.manifest);
}

void TestLadingctlRegistry::missingManifest()
{
    const Run r = run({QStringLiteral("--plain-http"), QStringLiteral("manifest"),
                       ref(QStringLiteral("team/app:does-not-exist"))});
    QVERIFY2(r.exitCode == 1, r.describe().constData());
    QVERIFY(r.out.isEmpty());
    VERIFY_ONE_ERROR_LINE(r);
    QVERIFY2(r.err.startsWith("ladingctl: "), r.err.constData());
    QVERIFY2(r.err.contains("MANIFEST_UNKNOWN"), r.err.constData());
    QVERIFY2(r.err.contains(m_registry->host().toUtf8()), r.err.constData());

    // An unknown digest in a known repository, too.
    const Run d = run({QStringLiteral("--plain-http"), QStringLiteral("manifest"),
                       ref(u"team/app@" + oci::Digest::sha256Of("nothing").toString())});
    QVERIFY2(d.exitCode == 1, d.describe().constData());
    VERIFY_ONE_ERROR_LINE(d);
}

void TestLadingctlRegistry::missingRepository()
{
    const Run r = run({QStringLiteral("--plain-http"), QStringLiteral("tags"), ref(QStringLiteral("no/such/repo"))});
    QVERIFY2(r.exitCode == 1, r.describe().constData());
    QVERIFY(r.out.isEmpty());
    VERIFY_ONE_ERROR_LINE(r);
    QVERIFY2(r.err.contains("NAME_UNKNOWN"), r.err.constData());
}

void TestLadingctlRegistry::wrongScheme()
{
    // https to a plain-http registry: a clear failure, never a silent fallback to http.
    const Run r = ladingctl({QStringLiteral("catalog"), m_registry->host()}, m_dockerConfig.path(),
                            {}, 120000);
    QVERIFY2(r.exitCode == 1, r.describe().constData());
    QVERIFY(r.out.isEmpty());
    VERIFY_ONE_ERROR_LINE(r);
    QVERIFY2(r.err.contains(m_registry->host().toUtf8()), r.err.constData());
}

QTEST_GUILESS_MAIN(TestLadingctlRegistry)
#include "tst_ladingctl_registry.moc"
