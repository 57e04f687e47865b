// ladingctl push against the real registry (basic auth, plain http): the plan printed with
// --dry-run sends nothing; a legacy docker save with plain layers is pushed gzip'ed and
// skopeo reads the image back; pushing again finds everything there; a second repository
// mounts; a file with several images wants --image or --all; usage errors.

#include "../push/pushtestdata.h"
#include "ladingctlprocess.h"

#include "support/ocilayoutfixture.h"
#include "support/registryprocess.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using clitest::Run;
using namespace Qt::StringLiterals;

class TestLadingctlPush final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        REQUIRE_REGISTRY_TOOLS();
        QVERIFY(m_dir.isValid());
        QVERIFY2(m_registry.start(), qPrintable(m_registry.errorString()));
        const pushtest::LegacyArchive archive = pushtest::legacyDockerSave(
            {tartest::Writer().dir("etc/").file("etc/motd", "pushed by ladingctl\n").finish(),
             pushtest::randomLayer(2, 200 * 1024, 3)},
            u"lading/cli:3.1"_s);
        QFile file(m_dir.filePath(u"legacy.tar"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(archive.tar);
        file.close();
        m_config = archive.config;
    }

    void dryRunSendsNothing()
    {
        const Run run = push({m_dir.filePath(u"legacy.tar"_s), ref(u"cli/dry"_s), u"--dry-run"_s});
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        QVERIFY2(run.out.contains("cli/dry:3.1 (lading/cli:3.1): new tag"), run.out.constData());
        QCOMPARE(run.out.count("compress (gzip), upload"), 2);
        QVERIFY(run.out.contains("3 blobs: 3 to send"));
        const Run tags = clitest::ladingctl(credentials() + QStringList{u"tags"_s, ref(u"cli/dry"_s)}, m_dir.path(),
                                            m_registry.password().toUtf8());
        QCOMPARE(tags.exitCode, 1); // the repository does not exist
    }

    void pushesAndSkopeoReadsItBack()
    {
        const Run run = push({m_dir.filePath(u"legacy.tar"_s), ref(u"cli/app:1.0"_s)});
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        QVERIFY2(run.out.contains(QByteArray("pushed " + m_registry.host().toUtf8() + "/cli/app:1.0@sha256:")),
                 run.out.constData());
        QVERIFY(run.out.contains("3 blobs sent, 0 mounted"));
        Fixtures fixtures(m_registry);
        auto config = fixtures.skopeoInspectRaw(u"cli/app:1.0"_s, true);
        QVERIFY_RESULT(config);
        QCOMPARE(config.value(), m_config);

        // Again: everything is there (the gzip'ed layers are remembered by diff ID).
        const Run again = push({m_dir.filePath(u"legacy.tar"_s), ref(u"cli/app:1.0"_s)});
        QVERIFY2(again.exitCode == 0, again.describe().constData());
        QVERIFY2(again.out.contains("3 present"), again.out.constData());
        QVERIFY(again.out.contains("0 blobs sent"));
        // Another repository: mounted.
        const Run sibling = push({m_dir.filePath(u"legacy.tar"_s), ref(u"cli/other"_s)});
        QVERIFY2(sibling.exitCode == 0, sibling.describe().constData());
        QVERIFY2(sibling.out.contains("0 blobs sent, 3 mounted"), sibling.out.constData());
    }

    void severalImagesNeedAChoice()
    {
        QString error;
        const OciLayoutFixture *fixture = OciLayoutFixture::instance(&error);
        QVERIFY2(fixture, qPrintable(error));
        const Run ambiguous = push({fixture->path(), ref(u"cli/layout"_s), u"--dry-run"_s});
        QCOMPARE(ambiguous.exitCode, 1);
        VERIFY_ONE_ERROR_LINE(ambiguous);
        QVERIFY(ambiguous.err.contains("--image"));
        const Run chosen = push({fixture->path(), ref(u"cli/layout"_s), u"--image"_s, u"arm64"_s});
        QVERIFY2(chosen.exitCode == 0, chosen.describe().constData());
        QVERIFY2(chosen.out.contains("cli/layout:arm64"), chosen.out.constData());
    }

    void refusesBadInput()
    {
        QFile junk(m_dir.filePath(u"junk.tar"_s));
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write(QByteArray(3000, 'j'));
        junk.close();
        const Run run = push({m_dir.filePath(u"junk.tar"_s), ref(u"cli/junk"_s)});
        QCOMPARE(run.exitCode, 1);
        VERIFY_ONE_ERROR_LINE(run);
        QVERIFY(run.err.contains("junk.tar"));
        const Run digest = clitest::ladingctl({u"push"_s, m_dir.filePath(u"legacy.tar"_s),
                                               ref(u"cli/app@sha256:"_s + QString(64, u'a'))},
                                              m_dir.path());
        QCOMPARE(digest.exitCode, 2);
        const Run flag = clitest::ladingctl({u"layers"_s, m_dir.filePath(u"legacy.tar"_s), u"--dry-run"_s},
                                            m_dir.path());
        QCOMPARE(flag.exitCode, 2);
    }

private:
    QString ref(const QString &repository) const { return m_registry.host() + u'/' + repository; }
    QStringList credentials() const
    {
        return {u"--plain-http"_s, u"--username"_s, m_registry.username(), u"--password-stdin"_s};
    }
    Run push(const QStringList &arguments)
    {
        return clitest::ladingctl(credentials() + QStringList{u"push"_s} + arguments, m_dir.path(),
                                  m_registry.password().toUtf8(), 120000);
    }

    RegistryProcess m_registry{RegistryProcess::Auth::Basic};
    QTemporaryDir m_dir;
    QByteArray m_config;
};

QTEST_MAIN(TestLadingctlPush)
#include "tst_ladingctl_push.moc"
