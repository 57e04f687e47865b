// LayerFilesModel under QAbstractItemModelTester: a layer's tree filled batch by batch as
// it streams (rows inserted per grown directory), completed by the whole index, markers
// from the merged filesystem (added, modified, removed, opaque, unchanged), cells.

#include "fileroles.h"
#include "filetestdata.h"
#include "layerfilesmodel.h"

#include "image/fs/mergedfilesystem.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QElapsedTimer>
#include <QFont>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace filetest;

namespace {

QString cell(const LayerFilesModel &model, const char *path, int column)
{
    return model.indexForPath(path, column).data().toString();
}

// Every path in the model, depth first, in row order.
void collect(const QAbstractItemModel &model, const QModelIndex &parent, QStringList &out)
{
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex index = model.index(row, 0, parent);
        out << index.data(FileRoles::PathRole).toString();
        collect(model, index, out);
    }
}

} // namespace

class TestLayerFilesModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void wholeIndexAtOnce()
    {
        LayerFilesModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.clear(0);
        model.setIndex(layer0());
        QVERIFY(model.isComplete());
        QStringList paths;
        collect(model, {}, paths);
        QCOMPARE(paths, QStringList({u"etc"_s, u"etc/passwd"_s, u"etc/hosts"_s, u"etc/conf.d"_s,
                                     u"etc/conf.d/a.conf"_s, u"etc/conf.d/b.conf"_s, u"usr"_s,
                                     u"usr/bin"_s, u"usr/bin/tool"_s, u"var"_s, u"var/cache"_s,
                                     u"var/cache/big"_s}));
        QCOMPARE(model.entryCount(), 8);
        // Directory sizes are the bytes below them; implied directories have no entry.
        QCOMPARE(model.indexForPath("etc").data(FileRoles::SizeRole).toLongLong(), 180);
        QCOMPARE(model.indexForPath("usr").data(FileRoles::EntryRole).toInt(), -1);
        QCOMPARE(model.indexForPath("usr").data(FileRoles::SizeRole).toLongLong(), 1000);
        QCOMPARE(cell(model, "usr/bin/tool", LayerFilesModel::ModeColumn), u"-rwxr-xr-x"_s);
        QCOMPARE(cell(model, "etc", LayerFilesModel::ModeColumn), u"drwxr-xr-x"_s);
        QCOMPARE(cell(model, "etc/passwd", LayerFilesModel::OwnerColumn), u"root:root"_s);
        QCOMPARE(cell(model, "etc/passwd", LayerFilesModel::NameColumn), u"passwd"_s);
        QVERIFY(!cell(model, "etc/passwd", LayerFilesModel::SizeColumn).isEmpty());
        QCOMPARE(model.indexForPath("etc/passwd").data(FileRoles::OrdinalRole).toInt(), 1);
        QCOMPARE(model.indexForPath("etc/passwd").data(FileRoles::DigestRole).toString(),
                 blob(0).digest.toString());
        // No merged filesystem yet: no markers, and ChangeRole says "unknown".
        QVERIFY(!model.hasMarkers());
        QVERIFY(!model.indexForPath("etc/passwd").data(FileRoles::ChangeRole).isValid());
    }

    void streamsInBatches()
    {
        LayerFilesModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.clear(1);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

        image::LayerIndexBuilder b;
        file(b, "etc/passwd", 120);
        file(b, "usr/bin/tool2", 200, 0755);
        model.appendBatch(b.takeBatch());
        // Two top-level rows at once (etc, usr): one insertion under the root.
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(model.entryCount(), 2);
        QVERIFY(!model.isComplete());

        b.add(entry(image::EntryType::Symlink, 0, 0777), "usr/bin/link", "tool", "root", "root");
        b.add(entry(image::EntryType::Hardlink), "usr/bin/hard", "usr/bin/tool2", "root", "root");
        marker(b, "etc/.wh.hosts");
        model.appendBatch(b.takeBatch());
        // usr/bin grew by two, etc by one: one insertion each.
        QCOMPARE(inserted.size(), 3);
        QCOMPARE(model.rowCount(model.indexForPath("usr/bin")), 3);
        QCOMPARE(cell(model, "usr/bin/link", LayerFilesModel::TargetColumn), u"tool"_s);
        QCOMPARE(cell(model, "usr/bin/hard", LayerFilesModel::TargetColumn), u"usr/bin/tool2"_s);
        QCOMPARE(cell(model, "usr/bin/link", LayerFilesModel::ModeColumn), u"lrwxrwxrwx"_s);
        QCOMPARE(model.indexForPath("etc/hosts").data(FileRoles::TypeRole).toInt(),
                 int(image::EntryType::Whiteout));

        // The rest arrives only with the whole index: the model adds what it had not seen
        // and keeps its rows (no reset).
        marker(b, "etc/conf.d/.wh..wh..opq");
        file(b, "etc/conf.d/c.conf", 30);
        model.setIndex(b.finish(blob(1)));
        QCOMPARE(reset.size(), 0);
        QVERIFY(model.isComplete());
        QCOMPARE(model.entryCount(), 7);
        QCOMPARE(model.rowCount(model.indexForPath("etc")), 3);
        QCOMPARE(model.indexForPath("etc/conf.d/c.conf").data(FileRoles::OrdinalRole).toInt(), 6);
        // Rows now point into the complete index.
        QCOMPARE(model.indexForPath("usr/bin/tool2").data(FileRoles::EntryRole).toInt(), 1);
        QCOMPARE(model.index().size(), 7);

        // Markers relative to layer 0.
        model.setMergedFilesystem(image::MergedFilesystem::build({layer0(), model.index()}));
        QVERIFY(model.hasMarkers());
        QCOMPARE(cell(model, "etc/passwd", LayerFilesModel::ChangeColumn), u"Modified"_s);
        QCOMPARE(cell(model, "usr/bin/tool2", LayerFilesModel::ChangeColumn), u"Added"_s);
        QCOMPARE(cell(model, "usr/bin/link", LayerFilesModel::ChangeColumn), u"Added"_s);
        QCOMPARE(cell(model, "etc/hosts", LayerFilesModel::ChangeColumn), u"Removed"_s);
        QCOMPARE(cell(model, "etc/conf.d", LayerFilesModel::ChangeColumn), u"Opaque"_s);
        QCOMPARE(cell(model, "etc/conf.d/c.conf", LayerFilesModel::ChangeColumn), u"Added"_s);
        QCOMPARE(model.indexForPath("etc/hosts").data(FileRoles::ChangeRole).toInt(),
                 int(image::Change::Removed));

        // The headers and the Change, Size, Mode, Owner and Link target cells in every role
        // they answer (written by FileCells, shared with MergedTreeModel).
        const auto at = [&model](const char *path, int column, int role) {
            return model.indexForPath(path, column).data(role);
        };
        using M = LayerFilesModel;

        QStringList headers;
        for (int section = 0; section < model.columnCount(); ++section)
            headers << model.headerData(section, Qt::Horizontal).toString();
        QCOMPARE(headers, QStringList({u"Name"_s, u"Change"_s, u"Size"_s, u"Mode"_s, u"Owner"_s,
                                       u"Link target"_s}));
        QVERIFY(!model.headerData(0, Qt::Vertical).isValid());
        QVERIFY(!model.headerData(0, Qt::Horizontal, Qt::ToolTipRole).isValid());
        QVERIFY(!model.headerData(M::ColumnCount, Qt::Horizontal).isValid());

        QCOMPARE(at("usr/bin/tool2", M::ChangeColumn, FileRoles::SortRole).toString(), u"Added"_s);
        QCOMPARE(at("usr/bin/tool2", M::ChangeColumn, Qt::ForegroundRole).value<QColor>(),
                 QColor(0x2e, 0x9d, 0x4a));
        QCOMPARE(at("etc/hosts", M::ChangeColumn, Qt::ToolTipRole).toString(),
                 u"A whiteout: the path of the layers below is deleted."_s);

        QCOMPARE(at("usr/bin/tool2", M::SizeColumn, FileRoles::SortRole).toLongLong(), 200);
        QCOMPARE(at("usr/bin/tool2", M::SizeColumn, Qt::ToolTipRole).toString(), u"200 bytes"_s);
        QCOMPARE(at("usr/bin/tool2", M::SizeColumn, Qt::TextAlignmentRole).value<Qt::Alignment>(),
                 Qt::AlignRight | Qt::AlignVCenter);
        QCOMPARE(at("usr", M::SizeColumn, FileRoles::SortRole).toLongLong(), 200);
        QVERIFY(!at("usr", M::SizeColumn, Qt::DisplayRole).toString().isEmpty());
        QVERIFY(at("etc/hosts", M::SizeColumn, Qt::DisplayRole).toString().isEmpty());
        QVERIFY(at("usr/bin/link", M::SizeColumn, Qt::DisplayRole).toString().isEmpty());

        QCOMPARE(at("usr/bin/tool2", M::ModeColumn, FileRoles::SortRole).toString(),
                 u"-rwxr-xr-x"_s);
        QCOMPARE(at("etc/hosts", M::ModeColumn, Qt::DisplayRole).toString(), u"w---------"_s);
        QCOMPARE(at("usr/bin/link", M::ModeColumn, Qt::ToolTipRole).toString(), u"Symbolic link"_s);
        QCOMPARE(at("usr/bin/link", M::ModeColumn, Qt::FontRole).value<QFont>(),
                 QFontDatabase::systemFont(QFontDatabase::FixedFont));
        // usr is implied (no entry in the tar): a directory without a mode.
        QVERIFY(!at("usr", M::ModeColumn, Qt::DisplayRole).isValid());
        QCOMPARE(at("usr", M::ModeColumn, Qt::ToolTipRole).toString(), u"Directory"_s);

        QCOMPARE(at("usr/bin/tool2", M::OwnerColumn, FileRoles::SortRole).toString(),
                 u"root:root"_s);
        QVERIFY(!at("etc/hosts", M::OwnerColumn, Qt::DisplayRole).isValid()); // a marker
        QVERIFY(!at("usr", M::OwnerColumn, Qt::DisplayRole).isValid());

        QCOMPARE(at("usr/bin/hard", M::TargetColumn, FileRoles::SortRole).toString(),
                 u"usr/bin/tool2"_s);
        QCOMPARE(at("usr/bin/hard", M::TargetColumn, Qt::ToolTipRole).toString(),
                 u"Hard link to /usr/bin/tool2"_s);
        QCOMPARE(at("usr/bin/link", M::TargetColumn, Qt::ToolTipRole).toString(),
                 u"Symbolic link to tool"_s);
        QVERIFY(!at("usr/bin/tool2", M::TargetColumn, Qt::DisplayRole).isValid());
        QVERIFY(!at("usr/bin/tool2", M::TargetColumn, Qt::ToolTipRole).isValid());
    }

    void unchangedDirectoryAndRemovedFile()
    {
        LayerFilesModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.clear(2);
        const QList<image::LayerIndex> layers = image3();
        // Markers given before the index arrive once it is complete.
        model.setMergedFilesystem(image::MergedFilesystem::build(layers));
        QVERIFY(!model.hasMarkers());
        model.setIndex(layers.at(2));
        QVERIFY(model.hasMarkers());
        QCOMPARE(cell(model, "etc", LayerFilesModel::ChangeColumn), u"Unchanged"_s);
        QCOMPARE(cell(model, "var/cache/big", LayerFilesModel::ChangeColumn), u"Removed"_s);
        QCOMPARE(cell(model, "app/data.json", LayerFilesModel::ChangeColumn), u"Added"_s);
        QCOMPARE(model.indexForPath("var/cache/big").data(Qt::FontRole).value<QFont>().strikeOut(),
                 true);
    }

    void laterDuplicateWins()
    {
        LayerFilesModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.clear(0);
        image::LayerIndexBuilder b;
        file(b, "a/f", 10);
        model.appendBatch(b.takeBatch());
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        file(b, "a/f", 25);
        model.appendBatch(b.takeBatch());
        QCOMPARE(model.rowCount(model.indexForPath("a")), 1);
        QCOMPARE(model.entryCount(), 1);
        QCOMPARE(model.indexForPath("a/f").data(FileRoles::SizeRole).toLongLong(), 25);
        QCOMPARE(model.indexForPath("a").data(FileRoles::SizeRole).toLongLong(), 25);
        QVERIFY(changed.size() >= 2); // the file and its directory repaint
        model.setIndex(b.finish());
        QCOMPARE(model.indexForPath("a/f").data(FileRoles::EntryRole).toInt(), 1);
        QCOMPARE(model.indexForPath("a/f").data(FileRoles::SizeRole).toLongLong(), 25);
    }
};

// The longest GUI-thread step for a 100,000-entry layer, printed (the goal is ≤ 50 ms a step
// on a quiet machine): batches of 2,000 as the reader delivers them, and the whole index at
// once (a cached layer).
class TestLayerFilesScale : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void hundredThousandEntries()
    {
        image::LayerIndexBuilder b;
        QList<image::LayerIndex> batches;
        for (int d = 0; d < 1000; ++d) {
            const QByteArray folder = "usr/lib/pkg" + QByteArray::number(d);
            dir(b, QByteArray(folder + '/').constData());
            for (int f = 0; f < 99; ++f)
                file(b, QByteArray(folder + "/file" + QByteArray::number(f) + ".so").constData(),
                     f);
            if (d % 20 == 19)
                batches.append(b.takeBatch()); // 2,000 entries
        }
        batches.append(b.takeBatch());
        const image::LayerIndex whole = b.finish();
        QCOMPARE(whole.size(), 100000);

        LayerFilesModel model;
        model.clear(0);
        qint64 longest = 0;
        QElapsedTimer timer;
        for (const image::LayerIndex &batch : std::as_const(batches)) {
            timer.start();
            model.appendBatch(batch);
            longest = qMax(longest, timer.elapsed());
        }
        timer.start();
        model.setIndex(whole);
        qInfo("100,000 entries in %lld batches: longest batch %lld ms, the whole index after "
              "them %lld ms",
              qint64(batches.size()), longest, timer.elapsed());
        QCOMPARE(model.entryCount(), 100000);
        QCOMPARE(model.rowCount(model.indexForPath("usr/lib")), 1000);

        // A cached layer: the tree is prepared on a worker, the GUI thread only swaps it in.
        LayerFilesModel cached;
        cached.clear(0);
        timer.start();
        LayerFilesModel::PreparedTree tree = LayerFilesModel::prepare(whole);
        const qint64 prepared = timer.elapsed();
        timer.start();
        cached.setPrepared(0, tree);
        qInfo("100,000 entries at once: prepared in %lld ms (worker), swapped in %lld ms", prepared,
              timer.elapsed());
        QCOMPARE(cached.entryCount(), 100000);
        QCOMPARE(cached.indexForPath("usr/lib").data(FileRoles::SizeRole).toLongLong(),
                 1000LL * (98 * 99 / 2));
    }
};

int main(int argc, char **argv)
{
    QGuiApplication app(argc, argv);
    TestLayerFilesModel model;
    TestLayerFilesScale scale;
    return QTest::qExec(&model, argc, argv) | QTest::qExec(&scale, argc, argv);
}

#include "tst_layerfilesmodel.moc"
