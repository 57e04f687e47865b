#include "image/export/exportplan.h"
#include "image/export/resolvelink.h"
#include "image/fs/mergedfilesystem.h"
#include "image/layer/layerindex.h"

#include <QTest>

using image::EntryType;

namespace {

image::LayerEntry entryOf(EntryType type, qint64 size = 0, quint32 mode = 0644)
{
    image::LayerEntry e;
    e.type = type;
    e.size = size;
    e.mode = type == EntryType::Directory ? 0755 : mode;
    return e;
}

QStringList describe(const image::ExportPlan &plan)
{
    QStringList lines;
    for (const image::ExportItem &item : plan.items) {
        QString line =
            QString::fromUtf8(item.path) + u' ' + QLatin1Char(image::entryTypeLetter(item.type));
        if (!item.linkTarget.isEmpty())
            line += u" -> " + QString::fromUtf8(item.linkTarget);
        if (item.type == EntryType::Regular)
            line += u" @" + QString::number(item.layer) + u':' + QString::number(item.ordinal);
        lines.append(line);
    }
    return lines;
}

} // namespace

class TestExportPlan final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void layerSubtreeLeavesHostileEntriesOut()
    {
        image::LayerIndexBuilder b;
        b.add(entryOf(EntryType::Directory), "app/");
        b.add(entryOf(EntryType::Regular, 5), "app/a.txt");
        b.add(entryOf(EntryType::Regular, 3), "app/../../etc/evil"); // climbs out
        b.add(entryOf(EntryType::Regular, 3), QByteArrayView("app/nul\0x", 9));
        b.add(entryOf(EntryType::Symlink), "app/out", "/etc");
        b.add(entryOf(EntryType::Regular, 4), "app/out/passwd"); // through the link
        b.add(entryOf(EntryType::Hardlink), "app/h", "app/a.txt");
        b.add(entryOf(EntryType::Hardlink), "app/far", "other/b.txt"); // target outside
        b.add(entryOf(EntryType::Regular, 7), "other/b.txt");
        b.add(entryOf(EntryType::Regular), "app/.wh.gone"); // a marker
        const image::LayerIndex index = b.finish();

        const image::ExportPlan plan = image::planLayerExport(index, index.find("app"));
        QCOMPARE(describe(plan), (QStringList{
                                     QStringLiteral("app d"),
                                     QStringLiteral("app/a.txt - @0:1"),
                                     QStringLiteral("app/out l -> /etc"),
                                     QStringLiteral("app/h h -> app/a.txt"),
                                     QStringLiteral("app/far - @0:8"),
                                 }));
        QCOMPARE(plan.totalBytes, 5 + 7);
        QCOMPARE(plan.skipped.size(), 2); // the NUL name, and app/out/passwd
        QVERIFY(plan.skipped.at(0).startsWith(u"app/nul"));
        QVERIFY(plan.skipped.at(1).contains(u"passwd"));
    }

    void mergedSubtreeNamesFromItsOwnName()
    {
        image::LayerIndexBuilder lower;
        lower.add(entryOf(EntryType::Directory), "etc");
        lower.add(entryOf(EntryType::Regular, 10), "etc/passwd");
        lower.add(entryOf(EntryType::Regular, 20), "etc/shadow");
        lower.add(entryOf(EntryType::Regular, 30), "usr/lib/libc.so"); // implied parents
        image::LayerIndexBuilder upper;
        upper.add(entryOf(EntryType::Regular), "etc/.wh.shadow");
        upper.add(entryOf(EntryType::Hardlink), "etc/passwd-", "etc/passwd");
        upper.add(entryOf(EntryType::Symlink), "etc/mtab", "/proc/mounts");
        upper.add(entryOf(EntryType::Hardlink), "usr/lib/link", "etc/passwd");
        const image::MergedFilesystem fs =
            image::MergedFilesystem::build({lower.finish(), upper.finish()});

        const image::ExportPlan etc = image::planMergedExport(fs, fs.find("etc"));
        QCOMPARE(describe(etc), (QStringList{
                                    QStringLiteral("etc d"),
                                    QStringLiteral("etc/mtab l -> /proc/mounts"),
                                    QStringLiteral("etc/passwd - @0:1"),
                                    QStringLiteral("etc/passwd- h -> etc/passwd"),
                                }));
        QCOMPARE(etc.layers.size(), 2);

        // A subtree without the hardlink's target carries the target's bytes.
        const image::ExportPlan lib = image::planMergedExport(fs, fs.find("usr/lib"));
        QCOMPARE(describe(lib), (QStringList{
                                    QStringLiteral("lib d"),
                                    QStringLiteral("lib/libc.so - @0:3"),
                                    QStringLiteral("lib/link - @0:1"),
                                }));
        QCOMPARE(lib.totalBytes, 40);

        // The root: members named from the top.
        const image::ExportPlan root = image::planMergedExport(fs, fs.root());
        QVERIFY(describe(root).contains(QStringLiteral("usr d")));
        QVERIFY(describe(root).contains(QStringLiteral("etc/passwd - @0:1")));
    }

    void symlinksResolveInsideTheImage()
    {
        image::LayerIndexBuilder b;
        b.add(entryOf(EntryType::Regular, 3), "etc/real");
        b.add(entryOf(EntryType::Symlink), "etc/rel", "real");
        b.add(entryOf(EntryType::Symlink), "etc/abs", "/etc/real");
        b.add(entryOf(EntryType::Symlink), "etc/climb", "../../../../etc/rel");
        b.add(entryOf(EntryType::Symlink), "loop1", "loop2");
        b.add(entryOf(EntryType::Symlink), "loop2", "loop1");
        b.add(entryOf(EntryType::Symlink), "dangling", "/nowhere");
        const image::MergedFilesystem fs = image::MergedFilesystem::build({b.finish()});
        const int real = fs.find("etc/real");
        QVERIFY(real > 0);
        QCOMPARE(image::resolveSymlink(fs, fs.find("etc/rel")), real);
        QCOMPARE(image::resolveSymlink(fs, fs.find("etc/abs")), real);
        QCOMPARE(image::resolveSymlink(fs, fs.find("etc/climb")), real); // clamped at the root
        QCOMPARE(image::resolveSymlink(fs, fs.find("loop1")), -1);
        QCOMPARE(image::resolveSymlink(fs, fs.find("dangling")), -1);
        QCOMPARE(image::resolveSymlink(fs, real), real);
    }
};

QTEST_GUILESS_MAIN(TestExportPlan)
#include "tst_exportplan.moc"
