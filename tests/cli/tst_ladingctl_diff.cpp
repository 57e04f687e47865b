// ladingctl diff against the real registry (anonymous, plain http): two umoci-built images
// that differ by the known file set (../image/diff/files/difflayers.h) and by `umoci config`
// changes; the text report (summary, config, layers, files collapsed, mtime-only counted),
// --files-only, --json, the exit status (0 same, 1 different, 2 trouble), an image against
// its copy, a tarball skopeo wrote against its pushed copy, an index platform by platform,
// and the second run of the same pair answered from the diff cache (timed).
#include "../image/diff/job/diffimages.h"
#include "ladingctlprocess.h"

#include "support/fixtures.h"
#include "support/registryprocess.h"

#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using clitest::Run;

namespace {

QStringList lines(const QByteArray &out)
{
    QStringList list = QString::fromUtf8(out).split(u'\n');
    if (!list.isEmpty() && list.last().isEmpty())
        list.removeLast();
    return list;
}

} // namespace

class TestLadingctlDiff final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<RegistryProcess> m_registry;
    std::unique_ptr<Fixtures> m_fixtures;
    std::unique_ptr<QTemporaryDir> m_scratch;
    QTemporaryDir m_dockerConfig;
    QTemporaryDir m_cacheHome;
    QString m_refA;
    QString m_refB;

    Run diff(const QStringList &arguments, const QString &cacheHome = {})
    {
        QProcessEnvironment environment;
        environment.insert(QStringLiteral("XDG_CACHE_HOME"),
                           cacheHome.isEmpty() ? m_cacheHome.path() : cacheHome);
        QStringList all{QStringLiteral("diff")};
        all << arguments << QStringLiteral("--plain-http");
        return clitest::ladingctl(all, m_dockerConfig.path(), {}, 120000, environment);
    }

    QString ref(const QString &repositoryAndTag) const
    {
        return m_registry->host() + u'/' + repositoryAndTag;
    }

private Q_SLOTS:
    void initTestCase()
    {
        REQUIRE_REGISTRY_TOOLS();
        QVERIFY(m_dockerConfig.isValid() && m_cacheHome.isValid());
        m_registry = std::make_unique<RegistryProcess>(RegistryProcess::Auth::Anonymous);
        QVERIFY2(m_registry->start(), qPrintable(m_registry->errorString()));
        m_fixtures = std::make_unique<Fixtures>(*m_registry);
        m_scratch = testsupport::makeScratchDir(QStringLiteral("lading-ctldiff"));
        QVERIFY(m_scratch && m_scratch->isValid());
        auto pushed = diffimages::buildAndPush(
            *m_fixtures, *m_scratch, QStringLiteral("cli/diff"),
            {QStringLiteral("--config.env"), QStringLiteral("MODE=prod"),
             QStringLiteral("--config.label"), QStringLiteral("version=1.1")});
        QVERIFY_RESULT(pushed);
        m_refA = ref(pushed->a.reference());
        m_refB = ref(pushed->b.reference());
    }

    void theTextReport()
    {
        const Run run = diff({m_refA, m_refB});
        QVERIFY2(!run.crashedOrTimedOut && run.exitCode == 1, run.describe().constData());
        const QStringList out = lines(run.out);
        QCOMPARE(out.value(0), u"A: " + m_refA + u' ' + out.value(0).section(u' ', 2));
        QVERIFY2(out.contains(QStringLiteral("files: 8 added, 4 removed, 8 changed")), qPrintable(out.join(u'\n')));
        // Summary first, then the sections in order.
        const qsizetype config = out.indexOf(QStringLiteral("Config:"));
        const qsizetype layers = out.indexOf(QStringLiteral("Layers:"));
        const qsizetype files = out.indexOf(QStringLiteral("Files:"));
        QVERIFY2(config > 0 && layers > config && files > layers, qPrintable(out.join(u'\n')));
        QVERIFY(out.contains(QStringLiteral("  + env MODE=prod")));
        QVERIFY(out.contains(QStringLiteral("  + label version=1.1")));
        for (const QString &line : {QStringLiteral("~ bin/sh: link target busybox → dash"),
                                    QStringLiteral("~ etc/mode.sh: mode 0644 → 0755"),
                                    QStringLiteral("+ etc/new.conf (12 B)"),
                                    QStringLiteral("- etc/old.conf"),
                                    QStringLiteral("~ usr/bin/tool: content")})
            QVERIFY2(out.indexOf(u"  " + line) > files, qPrintable(line));
        // Collapsed: the added tree is one line; the mtime-only path counted, not listed.
        QVERIFY(!out.contains(QStringLiteral("  + usr/share/doc/pkg/README (1 B)")));
        QVERIFY(out.filter(QStringLiteral("  + usr/share/")).size() == 1);
        QVERIFY(out.filter(QStringLiteral("etc/stamp")).isEmpty());
        QCOMPARE(out.last(), QStringLiteral("  (1 path differs only by mtime, not shown)"));

        // --files-only: no config nor layer section, the same files.
        const Run filesOnly = diff({m_refA, m_refB, QStringLiteral("--files-only")});
        QCOMPARE(filesOnly.exitCode, 1);
        const QStringList only = lines(filesOnly.out);
        QVERIFY(!only.contains(QStringLiteral("Config:")) && !only.contains(QStringLiteral("Layers:")));
        QCOMPARE(only.mid(only.indexOf(QStringLiteral("Files:"))), out.mid(files));
    }

    void theJson()
    {
        const Run run = diff({m_refA, m_refB, QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 1, run.describe().constData());
        const QJsonObject json = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(json.value(u"noDifferences").toBool(true), false);
        const QJsonArray platforms = json.value(u"platforms").toArray();
        QCOMPARE(platforms.size(), 1);
        const QJsonObject pair = platforms.first().toObject();
        // Every path, the mtime-only one too.
        QStringList mtimeOnly;
        for (const QJsonValue &entry : pair.value(u"files").toObject().value(u"entries").toArray()) {
            const QJsonObject object = entry.toObject();
            if (object.value(u"changes").toArray() == QJsonArray{QStringLiteral("mtime-only")})
                mtimeOnly << object.value(u"path").toString();
        }
        QCOMPARE(mtimeOnly, QStringList{QStringLiteral("etc/stamp")});
        QCOMPARE(pair.value(u"summary").toObject().value(u"filesRemoved").toInt(), 4);
        QCOMPARE(pair.value(u"configB").toObject().value(u"config").toObject().value(u"Labels")
                     .toObject().value(u"version").toString(),
                 QStringLiteral("1.1"));
        QVERIFY(pair.value(u"manifestA").toObject().contains(u"layers"));
    }

    void noDifferencesExitsZero()
    {
        auto copy = m_fixtures->pushFrom(QStringLiteral("docker://") + m_refB, QStringLiteral("cli/copy"),
                                         QStringLiteral("same"), m_fixtures->skopeoCopySourceOptions());
        QVERIFY_RESULT(copy);
        Run run = diff({m_refB, ref(copy->reference())});
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        QCOMPARE(lines(run.out).last(), QStringLiteral("no differences"));

        // A tarball skopeo wrote against its pushed copy.
        const QString file = m_scratch->filePath(QStringLiteral("b.tar"));
        QStringList arguments{QStringLiteral("copy"), QStringLiteral("--quiet")};
        arguments << m_fixtures->skopeoCopySourceOptions() << QStringLiteral("docker://") + m_refB
                  << QStringLiteral("oci-archive:") + file;
        const testsupport::ToolResult copied = testsupport::runTool(
            testsupport::findTool(QStringLiteral("skopeo")), arguments, 120000, Fixtures::toolEnvironment());
        QVERIFY2(copied.ok(), qPrintable(copied.describe()));
        run = diff({file, m_refB});
        QVERIFY2(run.exitCode == 0, QByteArray(run.describe() + run.out).constData());
        run = diff({m_refA, file, QStringLiteral("--files-only")});
        QCOMPARE(run.exitCode, 1);
    }

    void anIndexPlatformByPlatform()
    {
        auto index = m_fixtures->pushIndex(QStringLiteral("cli/multi"), QStringLiteral("1"));
        QVERIFY_RESULT(index);
        auto single = m_fixtures->pushOciImage(QStringLiteral("cli/single"), QStringLiteral("1"));
        QVERIFY_RESULT(single);
        Run run = diff({ref(index->reference()), ref(index->reference())});
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        QStringList out = lines(run.out);
        for (const QString &platform : index->platforms)
            QVERIFY2(out.contains(u"== " + platform + u" =="), qPrintable(out.join(u'\n')));

        run = diff({ref(single->reference()), ref(index->reference())});
        QCOMPARE(run.exitCode, 1);
        out = lines(run.out);
        QCOMPARE(out.filter(QStringLiteral("only in B: linux/arm64")).size(), 1);
        QVERIFY(out.contains(QStringLiteral("== linux/amd64 ==")));

        run = diff({ref(index->reference()), ref(index->reference()), QStringLiteral("--platform"),
                    QStringLiteral("linux/arm64"), QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        const QJsonArray platforms = QJsonDocument::fromJson(run.out).object().value(u"platforms").toArray();
        QCOMPARE(platforms.size(), 1);
        QVERIFY(platforms.first().toObject().value(u"platformA").toString().startsWith(u"linux/arm64"));
    }

    void theSecondRunComesFromTheCache()
    {
        QTemporaryDir cacheHome;
        QVERIFY(cacheHome.isValid());
        QElapsedTimer timer;
        timer.start();
        const Run first = diff({m_refA, m_refB, QStringLiteral("--json")}, cacheHome.path());
        const qint64 firstMs = timer.restart();
        const Run second = diff({m_refA, m_refB, QStringLiteral("--json")}, cacheHome.path());
        const qint64 secondMs = timer.elapsed();
        QCOMPARE(first.exitCode, 1);
        QCOMPARE(second.exitCode, 1);
        const auto pairOf = [](const Run &run) {
            return QJsonDocument::fromJson(run.out).object().value(u"platforms").toArray().first().toObject();
        };
        QCOMPARE(pairOf(first).value(u"fromCache").toBool(true), false);
        QCOMPARE(pairOf(second).value(u"fromCache").toBool(), true);
        QCOMPARE(pairOf(second).value(u"files"), pairOf(first).value(u"files"));
        QVERIFY(QDir(cacheHome.path()).entryList(QDir::Dirs | QDir::NoDotAndDotDot).size() > 0);
        qInfo("ladingctl diff, whole process: first %lld ms, second (from the diff cache) %lld ms",
              firstMs, secondMs);

        const Run noCache = diff({m_refA, m_refB, QStringLiteral("--json"), QStringLiteral("--no-cache")},
                                 cacheHome.path());
        QCOMPARE(pairOf(noCache).value(u"fromCache").toBool(true), false);
    }

    void trouble()
    {
        Run run = diff({m_refA, ref(QStringLiteral("cli/diff:missing"))});
        QCOMPARE(run.exitCode, 2);
        VERIFY_ONE_ERROR_LINE(run);
        run = diff({m_refA});
        QCOMPARE(run.exitCode, 2);
        VERIFY_ONE_ERROR_LINE(run);
        run = clitest::ladingctl({QStringLiteral("files"), m_refA, QStringLiteral("--files-only")},
                                 m_dockerConfig.path());
        QCOMPARE(run.exitCode, 2);
        VERIFY_ONE_ERROR_LINE(run);
    }
};

QTEST_GUILESS_MAIN(TestLadingctlDiff)
#include "tst_ladingctl_diff.moc"
