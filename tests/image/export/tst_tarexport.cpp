#include "image/export/exportpaths.h"
#include "image/export/outputfile.h"
#include "image/export/tarexport.h"

#include "layerfixture.h"

#include <QTest>

using image::EntryType;

class TestTarExport final : public QObject
{
    Q_OBJECT

private:
    // What planLayerExport makes of the fixture's `dir`: parents first, hardlink last.
    image::ExportPlan dirPlan() const
    {
        image::ExportPlan plan;
        plan.layers = {m_layer.digest};
        plan.items = {
            m_layer.item("dir", EntryType::Directory, 0755),
            m_layer.item("dir/hello.txt", EntryType::Regular, 0644, 6),
            m_layer.item("dir/run.sh", EntryType::Regular, 0755, 18),
            m_layer.item("dir/big.bin", EntryType::Regular, 0644, 3 * 1024 * 1024 + 17),
            m_layer.item("dir/sub", EntryType::Directory, 0755),
            m_layer.item("dir/sub/empty", EntryType::Regular, 0644, 0),
            m_layer.item("dir/link", EntryType::Symlink, 0777, 0, "hello.txt"),
            m_layer.item("dir/out", EntryType::Symlink, 0777, 0, "/etc"),
            m_layer.item("dir/hard", EntryType::Hardlink, 0644, 0, "dir/hello.txt"),
        };
        for (const image::ExportItem &item : std::as_const(plan.items))
            plan.totalBytes += item.type == EntryType::Regular ? item.size : 0;
        return plan;
    }

    fixture::Layer m_layer;

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_layer.make()); }

    void directoryRoundTrips()
    {
        QTemporaryDir out;
        qint64 lastProgress = 0;
        image::ExportCallbacks callbacks;
        callbacks.progress = [&](qint64 done, qint64 total) {
            QVERIFY(done <= total);
            lastProgress = done;
        };
        const auto result = image::writeTar(dirPlan(), m_layer.locator(), out.path(),
                                            QStringLiteral("dir.tar"), false, callbacks);
        QVERIFY2(result, fixture::why(result).constData());
        QCOMPARE(result->members, 9);
        QCOMPARE(result->bytes, dirPlan().totalBytes);
        QCOMPARE(lastProgress, dirPlan().totalBytes);
        QCOMPARE(result->path, out.filePath(QStringLiteral("dir.tar")));
        QCOMPARE(fixture::entriesIn(out.path()), QStringList{QStringLiteral("dir.tar")});

        // tar -tvf names every member with its type, mode and link.
        const QString listing = QString::fromUtf8(
            fixture::run(QStringLiteral("tar"), {QStringLiteral("-tvf"), result->path}));
        QVERIFY2(listing.contains(u"lrwxrwxrwx") && listing.contains(u"dir/out -> /etc") &&
                     listing.contains(u"dir/link -> hello.txt") &&
                     listing.contains(u"dir/hard link to dir/hello.txt") &&
                     listing.contains(u"-rwxr-xr-x") && listing.contains(u"drwxr-xr-x"),
                 qPrintable(listing));
        QCOMPARE(listing.count(u'\n'), 9);

        // Unpacked, it is the same tree GNU tar packed: bytes, modes, links, the hardlink.
        const QString mine = out.filePath(QStringLiteral("mine"));
        const QString theirs = out.filePath(QStringLiteral("theirs"));
        QVERIFY(QDir().mkpath(mine) && QDir().mkpath(theirs));
        fixture::run(QStringLiteral("tar"),
                     {QStringLiteral("-xf"), result->path, QStringLiteral("-C"), mine});
        fixture::run(QStringLiteral("tar"),
                     {QStringLiteral("-xzf"), m_layer.blob, QStringLiteral("-C"), theirs});
        const QStringList expected = fixture::describeTree(theirs);
        QCOMPARE(expected.size(), 9);
        QCOMPARE(fixture::describeTree(mine), expected);
    }

    void hostileMembersStayInside()
    {
        QTemporaryDir tmp;
        const QString target = tmp.filePath(QStringLiteral("target"));
        const QString outside = tmp.filePath(QStringLiteral("outside"));
        QVERIFY(QDir().mkpath(target) && QDir().mkpath(outside));

        image::ExportPlan plan;
        plan.layers = {m_layer.digest};
        const quint32 hello = m_layer.ordinals.value("dir/hello.txt");
        auto regular = [&](const QByteArray &name) {
            image::ExportItem item = m_layer.item(name, EntryType::Regular, 0644, 6);
            item.ordinal = hello;
            return item;
        };
        plan.items = {
            regular("../evil"),
            regular("/abs/evil"), // made relative: abs/evil
            regular(QByteArray("nul\0/../../evil", 15)),
            regular("a/../../evil2"),
            m_layer.item("out", EntryType::Symlink, 0777, 0, "../../outside"),
            regular("out/planted"), // would be written through the link
            m_layer.item("up", EntryType::Symlink, 0777, 0, "/"),
            regular("up/tmp/planted2"),
            m_layer.item("h", EntryType::Hardlink, 0644, 0, "../evil"),
            m_layer.item("h2", EntryType::Hardlink, 0644, 0, "out/planted"),
            regular("ok.txt"),
        };
        const auto result =
            image::writeTar(plan, m_layer.locator(), target, QStringLiteral("hostile.tar"), false);
        QVERIFY2(result, fixture::why(result).constData());
        QCOMPARE(result->skipped.size(), 7);

        const QByteArray listing =
            fixture::run(QStringLiteral("tar"), {QStringLiteral("-tf"), result->path});
        QStringList names = QString::fromUtf8(listing).split(u'\n', Qt::SkipEmptyParts);
        names.sort();
        QCOMPARE(names, (QStringList{QStringLiteral("abs/evil"), QStringLiteral("ok.txt"),
                                     QStringLiteral("out"), QStringLiteral("up")}));
        // The symlinks are in the tar as symlinks, targets as written.
        const QByteArray verbose =
            fixture::run(QStringLiteral("tar"), {QStringLiteral("-tvf"), result->path});
        QVERIFY(verbose.contains("out -> ../../outside") && verbose.contains("up -> /"));

        // Unpacked in the target folder: nothing lands anywhere else.
        const QString unpack = target + u"/unpack";
        QVERIFY(QDir().mkpath(unpack));
        fixture::run(QStringLiteral("tar"),
                     {QStringLiteral("-xf"), result->path, QStringLiteral("-C"), unpack});
        QCOMPARE(fixture::entriesIn(outside), QStringList());
        QCOMPARE(fixture::entriesIn(tmp.path()),
                 (QStringList{QStringLiteral("outside"), QStringLiteral("target")}));
        QCOMPARE(fixture::entriesIn(target),
                 (QStringList{QStringLiteral("hostile.tar"), QStringLiteral("unpack")}));
        QVERIFY(!QFileInfo::exists(QStringLiteral("/tmp/planted2")));
        QVERIFY(!QFileInfo::exists(QStringLiteral("/evil")));
    }

    void cancelLeavesNothing()
    {
        QTemporaryDir out;
        int calls = 0;
        image::ExportCallbacks callbacks;
        callbacks.progress = [&](qint64, qint64) {
            ++calls;
        };
        callbacks.cancelled = [&] {
            return calls > 0;
        }; // cancel after the first chunk
        const auto result = image::writeTar(dirPlan(), m_layer.locator(), out.path(),
                                            QStringLiteral("dir.tar"), false, callbacks);
        QVERIFY(!result);
        QCOMPARE(result.error().code(), oci::Error::Code::Cancelled);
        QVERIFY(calls > 0);
        QCOMPARE(fixture::entriesIn(out.path()), QStringList()); // no .part file either

        const auto file = image::saveFile(dirPlan(), 3, m_layer.locator(), out.path(),
                                          QStringLiteral("big.bin"), false, callbacks);
        QVERIFY(!file);
        QCOMPARE(file.error().code(), oci::Error::Code::Cancelled);
        QCOMPARE(fixture::entriesIn(out.path()), QStringList());
    }

    void brokenBlobLeavesNothing()
    {
        QTemporaryDir out;
        const QString junk = out.filePath(QStringLiteral("junk"));
        QVERIFY(fixture::writeFile(junk, QByteArray(4096, 'x')));
        const image::BlobLocator locate =
            [&](const oci::Digest &) -> oci::Result<image::BlobLocation> {
            return image::BlobLocation{junk};
        };
        const QString target = out.filePath(QStringLiteral("t"));
        QVERIFY(QDir().mkpath(target));
        const auto result =
            image::writeTar(dirPlan(), locate, target, QStringLiteral("dir.tar"), false);
        QVERIFY(!result);
        QCOMPARE(fixture::entriesIn(target), QStringList());
    }

    void savesOneFile()
    {
        QTemporaryDir out;
        const image::ExportPlan plan = dirPlan();
        const auto script = image::saveFile(plan, 2, m_layer.locator(), out.path(),
                                            image::safeFileName("dir/run.sh"), false);
        QVERIFY2(script, fixture::why(script).constData());
        QFile file(out.filePath(QStringLiteral("run.sh")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("#!/bin/sh\necho hi\n"));
        QCOMPARE(file.permissions() & QFile::ExeOwner, QFile::ExeOwner);

        const auto big = image::saveFile(plan, 3, m_layer.locator(), out.path(),
                                         QStringLiteral("big.bin"), false);
        QVERIFY(big);
        QCOMPARE(big->bytes, 3 * 1024 * 1024 + 17);
        QCOMPARE(QFileInfo(out.filePath(QStringLiteral("big.bin"))).size(), big->bytes);
        QCOMPARE(QFileInfo(out.filePath(QStringLiteral("big.bin"))).permissions() & QFile::ExeOwner,
                 QFile::Permissions());

        // Not a regular file: refused.
        QVERIFY(
            !image::saveFile(plan, 6, m_layer.locator(), out.path(), QStringLiteral("l"), false));
        QCOMPARE(fixture::entriesIn(out.path()).size(), 2);
    }

    void hostileFileNamesStayInside()
    {
        QTemporaryDir tmp;
        const QString target = tmp.filePath(QStringLiteral("target"));
        QVERIFY(QDir().mkpath(target));
        const image::ExportPlan plan = dirPlan();
        for (const QString &name : {QStringLiteral("../evil"), QStringLiteral("/tmp/evil"),
                                    QStringLiteral(".."), QStringLiteral("a/b")}) {
            const auto r = image::saveFile(plan, 1, m_layer.locator(), target, name, false);
            QVERIFY(!r);
            QCOMPARE(r.error().code(), oci::Error::Code::InvalidArgument);
        }
        const auto r = image::saveFile(plan, 1, m_layer.locator(), target,
                                       image::safeFileName("../../evil"), false);
        QVERIFY(r);
        QCOMPARE(fixture::entriesIn(target), QStringList{QStringLiteral("evil")});
        QCOMPARE(fixture::entriesIn(tmp.path()), QStringList{QStringLiteral("target")});
    }

    void neverOverwritesWithoutAsking()
    {
        QTemporaryDir tmp;
        const QString target = tmp.filePath(QStringLiteral("target"));
        const QString victim = tmp.filePath(QStringLiteral("victim"));
        QVERIFY(QDir().mkpath(target));
        QVERIFY(fixture::writeFile(victim, "precious"));
        QVERIFY(fixture::writeFile(target + u"/hello.txt", "mine"));
        // A symlink at the destination pointing out of the folder.
        QVERIFY(QFile::link(victim, target + u"/link.txt"));

        const image::ExportPlan plan = dirPlan();
        auto r =
            image::saveFile(plan, 1, m_layer.locator(), target, QStringLiteral("hello.txt"), false);
        QVERIFY(!r);
        QVERIFY(r.error().message().contains(u"exists"));
        r = image::saveFile(plan, 1, m_layer.locator(), target, QStringLiteral("link.txt"), false);
        QVERIFY(!r);
        QCOMPARE(fixture::entriesIn(target),
                 (QStringList{QStringLiteral("hello.txt"), QStringLiteral("link.txt")}));

        // Asked and allowed: replaced. The symlink itself is replaced, never written through.
        r = image::saveFile(plan, 1, m_layer.locator(), target, QStringLiteral("link.txt"), true);
        QVERIFY2(r, fixture::why(r).constData());
        QVERIFY(!QFileInfo(target + u"/link.txt").isSymLink());
        QFile saved(target + u"/link.txt");
        QVERIFY(saved.open(QIODevice::ReadOnly));
        QCOMPARE(saved.readAll(), QByteArray("hello\n"));
        QFile precious(victim);
        QVERIFY(precious.open(QIODevice::ReadOnly));
        QCOMPARE(precious.readAll(), QByteArray("precious"));

        const auto tar =
            image::writeTar(plan, m_layer.locator(), target, QStringLiteral("hello.txt"), false);
        QVERIFY(!tar);
        QFile mine(target + u"/hello.txt");
        QVERIFY(mine.open(QIODevice::ReadOnly));
        QCOMPARE(mine.readAll(), QByteArray("mine"));
        QCOMPARE(fixture::entriesIn(target).size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestTarExport)
#include "tst_tarexport.moc"
