// FileDiffModel under QAbstractItemModelTester: the diff of two merged filesystems built
// from tar layers written in the test (tests/image/diff/files/difflayers.h: the issue's set
// of added, removed and changed paths) shown as a tree; the change in words, sizes,
// deltas and modes; filters applied by rebuilding from the unfiltered diff; sorting with
// persistent indexes kept; 100,000 paths loaded, sorted and filtered (timed, printed).

#include "diff/diffcells.h"
#include "diff/diffroles.h"
#include "diff/filediffmodel.h"

#include "image/diff/files/filediff.h"
#include "image/diff/files/filedifffilter.h"
#include "image/fs/mergedfilesystem.h"
#include "image/layer/bytesource.h"
#include "image/layer/layerstream.h"

#include "../../image/diff/files/difflayers.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using image::FileChange;
using image::FileDiff;
using image::FileDiffFilter;

namespace {

image::LayerIndex readTar(const QByteArray &tar)
{
    image::MemorySource source(tar);
    image::ReadOptions options;
    options.hashContents = true;
    auto index = image::readLayerIndex(source, oci::Digest::sha256Of(tar), options);
    if (!index.ok())
        qFatal("layer not read: %s", qPrintable(index.error().describe()));
    return *index;
}

// base → base + the issue's set of changes.
FileDiff sampleDiff(bool includeMtimeOnly = false)
{
    const image::LayerIndex base = readTar(difflayers::baseLayer());
    const image::LayerIndex change = readTar(difflayers::changeLayer());
    const image::MergedFilesystem a = image::MergedFilesystem::build({base});
    const image::MergedFilesystem b = image::MergedFilesystem::build({base, change});
    image::FileDiffOptions options;
    options.includeMtimeOnly = includeMtimeOnly;
    return image::diffFilesystems(a, b, options);
}

QStringList names(const QAbstractItemModel &model, const QModelIndex &parent = {})
{
    QStringList out;
    for (int row = 0; row < model.rowCount(parent); ++row)
        out << model.index(row, FileDiffModel::PathColumn, parent).data().toString();
    return out;
}

QString cell(const FileDiffModel &model, const char *path, int column, int role = Qt::DisplayRole)
{
    const QModelIndex index = model.indexOfPath(path);
    if (!index.isValid())
        return u"(not shown)"_s;
    return index.siblingAtColumn(column).data(role).toString();
}

qint64 topLevelDeltaSum(const QAbstractItemModel &model)
{
    qint64 sum = 0;
    for (int row = 0; row < model.rowCount(); ++row)
        sum += model.index(row, 0).data(DiffRoles::DeltaRole).toLongLong();
    return sum;
}

} // namespace

class TestFileDiffModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void emptyModel()
    {
        FileDiffModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.columnCount(), int(FileDiffModel::ColumnCount));
        QCOMPARE(model.headerData(FileDiffModel::DeltaColumn, Qt::Horizontal).toString(), u"Delta"_s);
        QVERIFY(!model.indexOfPath("etc").isValid());
        model.sort(FileDiffModel::DeltaColumn);
        QCOMPARE(model.rowCount(), 0);
    }

    void theIssuesSetAsATree()
    {
        FileDiffModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const FileDiff diff = sampleDiff();
        model.setDiff(diff);

        // Directories as parents; folders above changes stand as plain rows.
        QCOMPARE(names(model), (QStringList{u"bin"_s, u"etc"_s, u"opt"_s, u"usr"_s, u"var"_s}));
        const QModelIndex usr = model.indexOfPath("usr");
        QCOMPARE(names(model, usr), (QStringList{u"bin"_s, u"share"_s}));
        QCOMPARE(names(model, model.indexOfPath("usr/bin")),
                 (QStringList{u"a"_s, u"b"_s, u"grow"_s, u"tool"_s}));
        QCOMPARE(names(model, model.indexOfPath("usr/share/doc/pkg")), (QStringList{u"LICENSE"_s, u"README"_s}));
        QCOMPARE(names(model, model.indexOfPath("var/old")), (QStringList{u"x"_s, u"y"_s}));
        QCOMPARE(usr.data(DiffRoles::ChangeIndexRole).toInt(), -1);
        QVERIFY(model.changeAt(usr) == nullptr);
        QCOMPARE(cell(model, "usr", FileDiffModel::ChangeColumn), QString());
        QVERIFY(usr.data(DiffRoles::IsDirectoryRole).toBool());
        QCOMPARE(usr.data(DiffRoles::PathRole).toString(), u"usr"_s);

        // The change in words, flags included.
        QCOMPARE(cell(model, "bin/dash", FileDiffModel::ChangeColumn), u"Added"_s);
        QCOMPARE(cell(model, "etc/old.conf", FileDiffModel::ChangeColumn), u"Removed"_s);
        QCOMPARE(cell(model, "bin/sh", FileDiffModel::ChangeColumn), u"Changed: link target"_s);
        QCOMPARE(cell(model, "etc/mode.sh", FileDiffModel::ChangeColumn), u"Changed: mode"_s);
        QCOMPARE(cell(model, "etc/owned", FileDiffModel::ChangeColumn), u"Changed: owner"_s);
        QCOMPARE(cell(model, "opt/thing", FileDiffModel::ChangeColumn), u"Changed: type, mode"_s);
        QCOMPARE(cell(model, "usr/bin/grow", FileDiffModel::ChangeColumn), u"Changed: content, size"_s);
        QCOMPARE(cell(model, "usr/bin/tool", FileDiffModel::ChangeColumn), u"Changed: content"_s);
        QCOMPARE(cell(model, "usr/share", FileDiffModel::ChangeColumn), u"Added"_s);
        QCOMPARE(model.indexOfPath("usr/bin/tool").siblingAtColumn(FileDiffModel::ChangeColumn)
                     .data(Qt::ForegroundRole).value<QColor>(),
                 DiffCells::kindColour(DiffCells::Kind::Changed));
        QCOMPARE(model.indexOfPath("var/old").siblingAtColumn(FileDiffModel::ChangeColumn)
                     .data(Qt::ForegroundRole).value<QColor>(),
                 DiffCells::kindColour(DiffCells::Kind::Removed));
        QVERIFY(cell(model, "bin/sh", FileDiffModel::ChangeColumn, Qt::ToolTipRole)
                    .contains(u"Link target: busybox \u2192 dash"_s));
        QVERIFY(cell(model, "etc/owned", FileDiffModel::ChangeColumn, Qt::ToolTipRole)
                    .contains(u"Owner: 0:0 \u2192 1000:1000"_s));
        QVERIFY(cell(model, "var/old", FileDiffModel::ChangeColumn, Qt::ToolTipRole).contains(u"Only in A"_s));

        // Sizes, deltas (folders: the net change below), modes A → B.
        QCOMPARE(cell(model, "usr/bin/grow", FileDiffModel::SizeAColumn), DiffCells::size(1229));
        QCOMPARE(cell(model, "usr/bin/grow", FileDiffModel::SizeBColumn), DiffCells::size(1536));
        QCOMPARE(cell(model, "usr/bin/grow", FileDiffModel::DeltaColumn), DiffCells::delta(307));
        QCOMPARE(cell(model, "bin/dash", FileDiffModel::SizeAColumn), QString());
        QCOMPARE(cell(model, "bin/dash", FileDiffModel::SizeBColumn), DiffCells::size(4));
        QCOMPARE(cell(model, "etc/old.conf", FileDiffModel::DeltaColumn), DiffCells::delta(-4));
        QCOMPARE(cell(model, "etc/mode.sh", FileDiffModel::DeltaColumn), QString());
        QCOMPARE(cell(model, "usr", FileDiffModel::DeltaColumn), DiffCells::delta(1 + 307 + 2 + 1));
        QCOMPARE(cell(model, "var", FileDiffModel::DeltaColumn), DiffCells::delta(-3));
        QCOMPARE(topLevelDeltaSum(model), diff.totals.netBytes());
        QCOMPARE(cell(model, "etc/mode.sh", FileDiffModel::ModeColumn), u"-rw-r--r-- \u2192 -rwxr-xr-x"_s);
        QCOMPARE(cell(model, "opt/thing", FileDiffModel::ModeColumn), u"-rw-r--r-- \u2192 drwxr-xr-x"_s);
        QCOMPARE(cell(model, "bin/dash", FileDiffModel::ModeColumn), u"-rwxr-xr-x"_s);

        // What the window needs to open a text diff: the change and whether it has bytes.
        const QModelIndex tool = model.indexOfPath("usr/bin/tool");
        const FileChange *change = model.changeAt(tool);
        QVERIFY(change);
        QCOMPARE(change->path, "usr/bin/tool"_ba);
        QCOMPARE(&model.diff().entries.at(tool.data(DiffRoles::ChangeIndexRole).toInt()), change);
        QCOMPARE(tool.data(DiffRoles::RawPathRole).toByteArray(), "usr/bin/tool"_ba);
        QVERIFY(tool.data(DiffRoles::HasContentRole).toBool());
        QVERIFY(model.indexOfPath("var/old/x").data(DiffRoles::HasContentRole).toBool());
        QVERIFY(!model.indexOfPath("bin/sh").data(DiffRoles::HasContentRole).toBool());
        QVERIFY(!model.indexOfPath("usr/nothing").isValid());
    }

    void filtersRebuildFromTheUnfilteredDiff()
    {
        FileDiffModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setDiff(sampleDiff(true));
        // mtime-only paths hidden by default.
        QVERIFY(!model.indexOfPath("etc/stamp").isValid());
        QCOMPARE(model.diff().totals.mtimeOnly, 1);

        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        FileDiffFilter noise;
        noise.hideMtimeOnly = false;
        model.setFilter(noise);
        QCOMPARE(reset.size(), 1);
        const QModelIndex stamp = model.indexOfPath("etc/stamp");
        QCOMPARE(stamp.siblingAtColumn(FileDiffModel::ChangeColumn).data().toString(), u"Modification time only"_s);
        QVERIFY(!stamp.data(DiffRoles::DiffersRole).toBool());
        QCOMPARE(stamp.data(DiffRoles::KindRole).toInt(), int(DiffCells::Kind::Same));

        model.setFilter(FileDiffFilter::onlyChanged());
        QCOMPARE(names(model), (QStringList{u"bin"_s, u"etc"_s, u"opt"_s, u"usr"_s}));
        QCOMPARE(names(model, model.indexOfPath("etc")), (QStringList{u"mode.sh"_s, u"owned"_s}));
        QCOMPARE(names(model, model.indexOfPath("usr")), (QStringList{u"bin"_s}));
        QCOMPARE(model.unfilteredDiff().totals.added, 8);

        FileDiffFilter glob;
        glob.includeGlobs = {"usr/**"};
        glob.excludeGlobs = {"*.conf", "LICENSE"};
        model.setFilter(glob);
        QCOMPARE(names(model), (QStringList{u"usr"_s}));
        QCOMPARE(names(model, model.indexOfPath("usr/share/doc/pkg")), (QStringList{u"README"_s}));
        QCOMPARE(topLevelDeltaSum(model), model.diff().totals.netBytes());

        model.setFilter(FileDiffFilter());
        QCOMPARE(names(model).size(), 5);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void sortingKeepsPersistentIndexes()
    {
        FileDiffModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setDiff(sampleDiff());
        const QPersistentModelIndex tool(model.indexOfPath("usr/bin/tool"));
        const QPersistentModelIndex var(model.indexOfPath("var").siblingAtColumn(FileDiffModel::DeltaColumn));

        // Net change per top-level folder: usr +311, etc +8, bin +4, var −3, opt −4.
        model.sort(FileDiffModel::DeltaColumn, Qt::DescendingOrder);
        QCOMPARE(names(model), (QStringList{u"usr"_s, u"etc"_s, u"bin"_s, u"var"_s, u"opt"_s}));
        QCOMPARE(tool.data(DiffRoles::RawPathRole).toByteArray(), "usr/bin/tool"_ba);
        QCOMPARE(tool.parent().data().toString(), u"bin"_s);
        QCOMPARE(var.row(), 3);
        QCOMPARE(var.column(), int(FileDiffModel::DeltaColumn));

        model.sort(FileDiffModel::PathColumn, Qt::DescendingOrder);
        QCOMPARE(names(model), (QStringList{u"var"_s, u"usr"_s, u"opt"_s, u"etc"_s, u"bin"_s}));
        QCOMPARE(var.row(), 0);
        QCOMPARE(tool.row(), 0); // tool, grow, b, a

        // Size in B; a hardlink shows its target's size; ties by name. Kept across a filter.
        model.sort(FileDiffModel::SizeBColumn, Qt::AscendingOrder);
        QCOMPARE(names(model, model.indexOfPath("usr/bin")), (QStringList{u"a"_s, u"b"_s, u"tool"_s, u"grow"_s}));
        model.setFilter(FileDiffFilter::onlyChanged());
        QCOMPARE(names(model, model.indexOfPath("usr/bin")), (QStringList{u"a"_s, u"b"_s, u"tool"_s, u"grow"_s}));
        model.sort(FileDiffModel::ChangeColumn, Qt::AscendingOrder);
        QCOMPARE(names(model, model.indexOfPath("etc")), (QStringList{u"mode.sh"_s, u"owned"_s}));
    }

    // 100,000 paths: loading is one pass, sorting and filtering stay quick. Timed, printed.
    void aHundredThousandPaths()
    {
        constexpr int Dirs = 100;
        constexpr int Files = 1000;
        FileDiff diff;
        diff.entries.reserve(Dirs * (Files + 1));
        for (int d = 0; d < Dirs; ++d) {
            const QByteArray dir = "srv/d" + QByteArray::number(100 + d);
            FileChange folder;
            folder.path = dir;
            folder.kind = image::FileChangeKind::Added;
            folder.b.type = image::EntryType::Directory;
            folder.b.mode = 0755;
            diff.entries.append(folder);
            for (int f = 0; f < Files; ++f) {
                FileChange file;
                file.path = dir + "/f" + QByteArray::number(10000 + f);
                file.kind = f % 3 == 0 ? image::FileChangeKind::Changed : image::FileChangeKind::Added;
                file.flags = file.kind == image::FileChangeKind::Changed
                                 ? image::FileChangeFlags(image::FileChangeFlag::Content | image::FileChangeFlag::Size)
                                 : image::FileChangeFlags();
                file.a.type = file.b.type = image::EntryType::Regular;
                file.a.mode = file.b.mode = 0644;
                file.a.size = f;
                file.b.size = f + (d % 7);
                file.sizeDelta = file.kind == image::FileChangeKind::Added ? file.b.size : file.b.size - file.a.size;
                diff.entries.append(file);
            }
        }
        // totals and collapsing as the library computes them.
        diff = image::filtered(diff, FileDiffFilter());

        FileDiffModel model;
        QElapsedTimer timer;
        timer.start();
        model.setDiff(diff);
        const qint64 loadMs = timer.elapsed();
        QCOMPARE(model.rowCount(), 1);
        const QModelIndex srv = model.index(0, 0);
        QCOMPARE(model.rowCount(srv), Dirs);
        QCOMPARE(model.rowCount(model.index(0, 0, srv)), Files);
        QCOMPARE(topLevelDeltaSum(model), diff.totals.netBytes());

        timer.restart();
        model.sort(FileDiffModel::DeltaColumn, Qt::DescendingOrder);
        const QModelIndex first = model.index(0, 0, model.index(0, 0));
        const QModelIndex biggest = model.index(0, 0, first);
        const qint64 sortMs = timer.elapsed();
        // f998 is the last added file (every third is changed) of a folder with d % 7 == 6.
        QCOMPARE(biggest.data(DiffRoles::DeltaRole).toLongLong(), qint64(Files - 2 + 6));

        timer.restart();
        FileDiffFilter glob;
        glob.includeGlobs = {"srv/d1[0-4]*/**"};
        model.setFilter(glob);
        const qint64 filterMs = timer.elapsed();
        QCOMPARE(model.rowCount(model.index(0, 0)), 50);

        timer.restart();
        model.setFilter(FileDiffFilter::onlyChanged());
        const qint64 changedMs = timer.elapsed();
        QCOMPARE(model.rowCount(model.index(0, 0)), Dirs);
        QCOMPARE(model.diff().entries.size(), Dirs * ((Files + 2) / 3));
        qInfo("FileDiffModel, %lld paths: load %lld ms, sort by delta (one folder shown) %lld ms, "
              "glob filter %lld ms, only changed %lld ms",
              qint64(diff.entries.size()), loadMs, sortMs, filterMs, changedMs);
    }
};

QTEST_MAIN(TestFileDiffModel)
#include "tst_filediffmodel.moc"
