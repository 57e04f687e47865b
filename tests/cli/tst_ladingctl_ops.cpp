// ladingctl tag, copy, rm, cleanup and undo against the real registry (anonymous, plain
// http, deletion enabled), every result checked with skopeo: tags added and moved with the
// exact bytes; a copy within the registry mounts every blob; rm prints its plan and deletes
// nothing without --yes; removing one of two tags on a digest keeps the other; --image takes
// every tag; undo puts a deletion back byte for byte; cleanup protects a tag sharing a kept
// digest; usage errors.

#include "ladingctlprocess.h"

#include "support/fixtures.h"
#include "support/registryprocess.h"

#include <QDir>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

using clitest::Run;
using namespace Qt::StringLiterals;

class TestLadingctlOps final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        REQUIRE_REGISTRY_TOOLS();
        QVERIFY(m_dir.isValid());
        QVERIFY2(m_registry.start(), qPrintable(m_registry.errorString()));
    }

    void tagAddsAndMovesTags()
    {
        QVERIFY(seed(u"ops/tag"_s, {u"1.1"_s}, {u"2.0"_s}));
        const Run added = ctl({u"tag"_s, ref(u"ops/tag:1.1"_s), u"stable"_s, u"edge"_s});
        QVERIFY2(added.exitCode == 0, added.describe().constData());
        QVERIFY2(added.out.contains("stable               new"), added.out.constData());
        QCOMPARE(raw(u"ops/tag:stable"_s), raw(u"ops/tag:1.1"_s));
        QCOMPARE(raw(u"ops/tag:edge"_s), raw(u"ops/tag:1.1"_s));

        const QByteArray before = digestOf(u"ops/tag:1.1"_s);
        const Run moved = ctl({u"tag"_s, ref(u"ops/tag:2.0"_s), u"stable"_s});
        QVERIFY2(moved.exitCode == 0, moved.describe().constData());
        QVERIFY2(moved.out.contains(QByteArray("moved from " + before)), moved.out.constData());
        QCOMPARE(raw(u"ops/tag:stable"_s), raw(u"ops/tag:2.0"_s));

        const Run dry = ctl({u"tag"_s, ref(u"ops/tag:1.1"_s), u"never"_s, u"--dry-run"_s});
        QVERIFY2(dry.exitCode == 0, dry.describe().constData());
        QVERIFY(dry.out.contains("dry run: not written"));
        QVERIFY(raw(u"ops/tag:never"_s).isEmpty());
    }

    void copyWithinTheRegistryMounts()
    {
        QVERIFY(seed(u"ops/src"_s, {u"1.1"_s}, {}));
        const Run run = ctl({u"copy"_s, ref(u"ops/src:1.1"_s), ref(u"ops/mirror"_s)});
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        QVERIFY2(run.out.contains("0 blobs copied (0 bytes)"), run.out.constData());
        QVERIFY2(!run.out.contains(" 0 mounted"), run.out.constData());
        QCOMPARE(raw(u"ops/mirror:1.1"_s), raw(u"ops/src:1.1"_s)); // the tag defaults to the source's
    }

    void removingOneOfTwoTagsKeepsTheOtherAndUndoPutsItBack()
    {
        QVERIFY(seed(u"ops/rm"_s, {u"1.1"_s, u"latest"_s}, {}));
        const QByteArray digest = digestOf(u"ops/rm:1.1"_s);
        QCOMPARE(digestOf(u"ops/rm:latest"_s), digest);

        const Run plan = ctl({u"rm"_s, ref(u"ops/rm:latest"_s), u"--journal"_s, journal()});
        QVERIFY2(plan.exitCode == 0, plan.describe().constData());
        QVERIFY2(plan.out.contains("remove the tag latest only"), plan.out.constData());
        QVERIFY(plan.out.contains("  delete   latest"));
        QVERIFY(plan.out.contains("  keep     1.1"));
        QVERIFY(plan.out.contains("nothing was deleted"));
        QCOMPARE(digestOf(u"ops/rm:latest"_s), digest); // the plan alone deletes nothing

        const Run removed = ctl({u"rm"_s, ref(u"ops/rm:latest"_s), u"--yes"_s, u"--journal"_s, journal()});
        QVERIFY2(removed.exitCode == 0, removed.describe().constData());
        QVERIFY2(removed.out.contains("1 deleted"), removed.out.constData());
        QVERIFY(raw(u"ops/rm:latest"_s).isEmpty());
        QCOMPARE(digestOf(u"ops/rm:1.1"_s), digest);

        const Run list = ctl({u"undo"_s, u"--journal"_s, journal()});
        QVERIFY2(list.exitCode == 0, list.describe().constData());
        const QByteArray line = list.out.split('\n').constFirst();
        QVERIFY2(line.contains("removed tag ops/rm:latest"), list.out.constData());
        const QString id = QString::fromUtf8(line.left(line.indexOf(' ')));
        const Run undo = ctl({u"undo"_s, id, u"--journal"_s, journal()});
        QVERIFY2(undo.exitCode == 0, undo.describe().constData());
        QVERIFY(undo.out.contains("tags: latest"));
        QCOMPARE(digestOf(u"ops/rm:latest"_s), digest);
    }

    void removingTheImageTakesEveryTag()
    {
        QVERIFY(seed(u"ops/img"_s, {u"1.1"_s, u"latest"_s}, {u"2.0"_s}));
        const Run run = ctl({u"rm"_s, ref(u"ops/img:latest"_s), u"--image"_s, u"--yes"_s,
                             u"--journal"_s, journal()});
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        QVERIFY2(run.out.contains("delete the manifest sha256:"), run.out.constData());
        QVERIFY(raw(u"ops/img:latest"_s).isEmpty());
        QVERIFY(raw(u"ops/img:1.1"_s).isEmpty());
        QVERIFY(!raw(u"ops/img:2.0"_s).isEmpty()); // another digest: untouched
    }

    // "--image" as the value of an option that takes one (a journal folder of that name) is
    // neither rm's --image nor renamed: one tag goes, and the journal lands in "--image".
    void anOptionValueSpelledImageIsNotTheFlag()
    {
        QVERIFY(seed(u"ops/flag"_s, {u"1.1"_s, u"latest"_s}, {}));
        const QString previous = QDir::currentPath();
        QVERIFY(QDir::setCurrent(m_dir.path()));
        const auto restore = qScopeGuard([&previous] { QDir::setCurrent(previous); });
        const Run run =
            ctl({u"rm"_s, ref(u"ops/flag:latest"_s), u"--yes"_s, u"--journal"_s, u"--image"_s});
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        QVERIFY(raw(u"ops/flag:latest"_s).isEmpty());
        QVERIFY(!raw(u"ops/flag:1.1"_s).isEmpty()); // the tag alone, not the image
        QVERIFY(QDir(m_dir.filePath(u"--image"_s)).exists());
        QVERIFY(!QDir(m_dir.filePath(u"--delete-image"_s)).exists());
        const Run list = ctl({u"undo"_s, u"--journal"_s, u"--image"_s});
        QVERIFY2(list.exitCode == 0, list.describe().constData());
        QVERIFY2(list.out.contains("removed tag ops/flag:latest"), list.out.constData());
    }

    void cleanupProtectsATagSharingAKeptDigest()
    {
        QVERIFY(seed(u"ops/clean"_s, {u"1.1"_s, u"latest"_s}, {u"2.0"_s}));
        const QStringList rules{u"--keep"_s, u"1\\..*"_s, u"--journal"_s, journal()};
        const Run dry = ctl(QStringList{u"cleanup"_s, ref(u"ops/clean"_s)} + rules);
        QVERIFY2(dry.exitCode == 0, dry.describe().constData());
        QVERIFY2(dry.out.contains("  keep     1.1"), dry.out.constData());
        QVERIFY(dry.out.contains("  protect  latest"));
        QVERIFY(dry.out.contains("  delete   2.0"));
        QVERIFY(!raw(u"ops/clean:2.0"_s).isEmpty());

        const Run run = ctl(QStringList{u"cleanup"_s, ref(u"ops/clean"_s), u"--yes"_s} + rules);
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        QVERIFY(raw(u"ops/clean:2.0"_s).isEmpty());
        QVERIFY(!raw(u"ops/clean:1.1"_s).isEmpty());
        QVERIFY(!raw(u"ops/clean:latest"_s).isEmpty());
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("rm without a tag") << QStringList{u"rm"_s, ref(u"ops/rm"_s)};
        QTest::newRow("rm in two repositories")
            << QStringList{u"rm"_s, ref(u"ops/a:1"_s), ref(u"ops/b:1"_s)};
        QTest::newRow("rm by digest") << QStringList{u"rm"_s, ref(u"ops/a@sha256:"_s + QString(64, u'a'))};
        QTest::newRow("cleanup without rules") << QStringList{u"cleanup"_s, ref(u"ops/a"_s)};
        QTest::newRow("cleanup with a bad pattern")
            << QStringList{u"cleanup"_s, ref(u"ops/a"_s), u"--keep"_s, u"("_s};
        QTest::newRow("cleanup with a bad date")
            << QStringList{u"cleanup"_s, ref(u"ops/a"_s), u"--older-than"_s, u"last week"_s};
        QTest::newRow("--yes for tag") << QStringList{u"tag"_s, ref(u"ops/a:1"_s), u"b"_s, u"--yes"_s};
        QTest::newRow("tag without a new tag") << QStringList{u"tag"_s, ref(u"ops/a:1"_s)};
        QTest::newRow("copy to a digest")
            << QStringList{u"copy"_s, ref(u"ops/a:1"_s), ref(u"ops/b@sha256:"_s + QString(64, u'b'))};
    }

    void usageErrors()
    {
        QFETCH(QStringList, arguments);
        const Run run = ctl(arguments);
        QCOMPARE(run.exitCode, 2);
        VERIFY_ONE_ERROR_LINE(run);
    }

private:
    QString ref(const QString &reference) const { return m_registry.host() + u'/' + reference; }
    QString journal() const { return m_dir.filePath(u"journal"_s); }
    Run ctl(const QStringList &arguments)
    {
        return clitest::ladingctl(QStringList{u"--plain-http"_s} + arguments, m_dir.path());
    }
    // `ociTags` on the OCI image (one digest), `dockerTags` on its Docker-typed copy.
    bool seed(const QString &repository, const QStringList &ociTags, const QStringList &dockerTags)
    {
        Fixtures fixtures(m_registry);
        for (const QString &tag : ociTags) {
            if (!fixtures.pushOciImage(repository, tag))
                return false;
        }
        for (const QString &tag : dockerTags) {
            if (!fixtures.pushDockerImage(repository, tag))
                return false;
        }
        return true;
    }
    // skopeo's view: the raw manifest, empty when the tag is not there.
    QByteArray raw(const QString &reference)
    {
        Fixtures fixtures(m_registry);
        const oci::Result<QByteArray> bytes = fixtures.skopeoInspectRaw(reference);
        return bytes ? bytes.value() : QByteArray();
    }
    QByteArray digestOf(const QString &reference)
    {
        const QByteArray bytes = raw(reference);
        return bytes.isEmpty() ? QByteArray() : oci::Digest::sha256Of(bytes).toString().toUtf8();
    }

    QTemporaryDir m_dir;
    RegistryProcess m_registry;
};

QTEST_GUILESS_MAIN(TestLadingctlOps)
#include "tst_ladingctl_ops.moc"
