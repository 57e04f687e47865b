// MergedTreeModel under QAbstractItemModelTester: the filesystem after layer N of a
// hand-built three-layer image (whiteouts, an opaque directory, a symlink and a hardlink),
// the layer that last wrote each path, directory sizes, and "only what layer N changed"
// through FileTreeProxy.

#include "fileroles.h"
#include "filetestdata.h"
#include "filetreeproxy.h"
#include "layerfilesmodel.h"
#include "mergedtreemodel.h"

#include <QAbstractItemModelTester>
#include <QBrush>
#include <QGuiApplication>
#include <QPalette>
#include <QTest>
#include <QtConcurrent/QtConcurrentRun>

#include <utility>

using namespace Qt::StringLiterals;
using namespace filetest;

namespace {

void collect(const QAbstractItemModel &model, const QModelIndex &parent, QStringList &out)
{
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex index = model.index(row, 0, parent);
        out << index.data(FileRoles::PathRole).toString();
        collect(model, index, out);
    }
}

QStringList sortedPaths(const QAbstractItemModel &model)
{
    QStringList paths;
    collect(model, {}, paths);
    paths.sort();
    return paths;
}

QString cell(const MergedTreeModel &model, const char *path, int column)
{
    return model.indexForPath(path, column).data().toString();
}

} // namespace

class TestMergedTreeModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void afterTheTopLayer()
    {
        MergedTreeModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(model.isEmpty());
        // Prepared on the pool, as the Files page does.
        const QList<image::LayerIndex> layers = image3();
        MergedTreeModel::Tree tree =
            QtConcurrent::run([layers] {
                return MergedTreeModel::prepare(image::MergedFilesystem::build(layers));
            }).result();
        model.setTree(tree);
        QVERIFY(!model.isEmpty());
        QCOMPARE(sortedPaths(model),
                 QStringList({u"app"_s, u"app/data.json"_s, u"etc"_s, u"etc/conf.d"_s,
                              u"etc/conf.d/c.conf"_s, u"etc/passwd"_s, u"usr"_s, u"usr/bin"_s,
                              u"usr/bin/hard"_s, u"usr/bin/link"_s, u"usr/bin/tool"_s,
                              u"usr/bin/tool2"_s, u"var"_s, u"var/cache"_s}));
        // The layer that last wrote each path (shown 1-based).
        QCOMPARE(model.indexForPath("etc/passwd").data(FileRoles::LayerRole).toInt(), 1);
        QCOMPARE(cell(model, "etc/passwd", MergedTreeModel::LayerColumn), u"2"_s);
        QCOMPARE(cell(model, "etc/passwd", MergedTreeModel::ChangeColumn), u"Modified"_s);
        QCOMPARE(cell(model, "usr/bin/tool", MergedTreeModel::LayerColumn), u"1"_s);
        QCOMPARE(cell(model, "app/data.json", MergedTreeModel::LayerColumn), u"3"_s);
        QCOMPARE(cell(model, "app/data.json", MergedTreeModel::ChangeColumn), u"Added"_s);
        QCOMPARE(cell(model, "etc", MergedTreeModel::ChangeColumn), u"Unchanged"_s);
        QCOMPARE(cell(model, "usr/bin/link", MergedTreeModel::TargetColumn), u"tool"_s);
        QCOMPARE(cell(model, "usr/bin/link", MergedTreeModel::ModeColumn), u"lrwxrwxrwx"_s);
        // A hard link shows its target's bytes and where they are.
        const QModelIndex hard = model.indexForPath("usr/bin/hard");
        QCOMPARE(hard.data(FileRoles::SizeRole).toLongLong(), 200);
        QCOMPARE(hard.data(FileRoles::ContentLayerRole).toInt(), 1);
        QCOMPARE(hard.data(FileRoles::ContentOrdinalRole).toInt(), 1); // usr/bin/tool2
        // Directories: the bytes below them, hard-linked content once.
        QCOMPARE(model.indexForPath("usr").data(FileRoles::SizeRole).toLongLong(), 1200);
        QCOMPARE(model.indexForPath("etc").data(FileRoles::SizeRole).toLongLong(), 150);
        QCOMPARE(model.indexForPath("var/cache").data(FileRoles::SizeRole).toLongLong(), 0);
        QCOMPARE(model.indexForPath("etc/passwd").data(FileRoles::DigestRole).toString(),
                 blob(1).digest.toString());
        QVERIFY(!model.indexForPath("etc/hosts").isValid());

        model.clear();
        QVERIFY(model.isEmpty());
        QCOMPARE(model.rowCount(), 0);
    }

    void afterLayerN()
    {
        MergedTreeModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setTree(MergedTreeModel::prepare(image::MergedFilesystem::build(image3(), 0)));
        QCOMPARE(
            sortedPaths(model),
            QStringList({u"etc"_s, u"etc/conf.d"_s, u"etc/conf.d/a.conf"_s, u"etc/conf.d/b.conf"_s,
                         u"etc/hosts"_s, u"etc/passwd"_s, u"usr"_s, u"usr/bin"_s, u"usr/bin/tool"_s,
                         u"var"_s, u"var/cache"_s, u"var/cache/big"_s}));
        QCOMPARE(model.indexForPath("var").data(FileRoles::SizeRole).toLongLong(), 5000);

        model.setTree(MergedTreeModel::prepare(image::MergedFilesystem::build(image3(), 1)));
        QVERIFY(model.indexForPath("var/cache/big").isValid());
        QVERIFY(!model.indexForPath("etc/conf.d/a.conf").isValid());
        QVERIFY(!model.indexForPath("app").isValid());
        QCOMPARE(model.filesystem().layerCount(), 2);
    }

    void onlyWhatALayerChanged()
    {
        MergedTreeModel model;
        FileTreeProxy proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setTree(MergedTreeModel::prepare(image::MergedFilesystem::build(image3())));
        proxy.setChangesOnly(true, 1);
        // Layer 2's changes (0-based 1) that survive, with their directories.
        QCOMPARE(sortedPaths(proxy),
                 QStringList({u"etc"_s, u"etc/conf.d"_s, u"etc/conf.d/c.conf"_s, u"etc/passwd"_s,
                              u"usr"_s, u"usr/bin"_s, u"usr/bin/hard"_s, u"usr/bin/link"_s,
                              u"usr/bin/tool2"_s}));
        // Layer 3 rewrote etc unchanged: not a change; it added app/data.json.
        proxy.setChangesOnly(true, 2);
        QCOMPARE(sortedPaths(proxy), QStringList({u"app"_s, u"app/data.json"_s}));
        // Directories of other layers kept only as the way to a match read muted.
        proxy.setChangesOnly(true, 1);
        const QModelIndex etc = proxy.mapFromSource(model.indexForPath("etc"));
        QCOMPARE(etc.data(Qt::ForegroundRole).value<QBrush>(),
                 QGuiApplication::palette().brush(QPalette::PlaceholderText));
        const QModelIndex passwd = proxy.mapFromSource(model.indexForPath("etc/passwd"));
        QVERIFY(passwd.isValid());
        QVERIFY(passwd.data(Qt::ForegroundRole).value<QBrush>() !=
                QGuiApplication::palette().brush(QPalette::PlaceholderText));
        proxy.setChangesOnly(true, 2);
        proxy.setChangesOnly(false);
        QCOMPARE(sortedPaths(proxy).size(), 14);
        // Sorting by size puts the biggest first (descending), directories by their bytes.
        proxy.sort(MergedTreeModel::SizeColumn, Qt::DescendingOrder);
        QCOMPARE(proxy.index(0, 0).data(FileRoles::PathRole).toString(), u"usr"_s);
        QCOMPARE(proxy.index(1, 0).data(FileRoles::PathRole).toString(), u"app"_s);
    }

    // The Change, Size, Mode, Owner and Link target cells read as in the layer tree for the
    // entries the top layer wrote (FileCells writes both); the differences are the merged
    // tree's own: a Layer column, a hard link's size, no link tooltips.
    void cellsAsInTheLayerTree()
    {
        MergedTreeModel merged;
        QAbstractItemModelTester tester(&merged,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        merged.setTree(MergedTreeModel::prepare(image::MergedFilesystem::build(image3(), 1)));
        LayerFilesModel layer;
        layer.clear(1);
        layer.setIndex(layer1());
        layer.setMergedFilesystem(image::MergedFilesystem::build({layer0(), layer1()}));

        using M = MergedTreeModel;
        using L = LayerFilesModel;
        const std::pair<int, int> columns[] = {{M::ChangeColumn, L::ChangeColumn},
                                               {M::SizeColumn, L::SizeColumn},
                                               {M::ModeColumn, L::ModeColumn},
                                               {M::OwnerColumn, L::OwnerColumn},
                                               {M::TargetColumn, L::TargetColumn}};
        const int roles[] = {Qt::DisplayRole, FileRoles::SortRole, Qt::ToolTipRole,
                             Qt::FontRole,    Qt::ForegroundRole,  Qt::TextAlignmentRole};
        int compared = 0;
        for (const char *path : {"etc/passwd", "usr/bin/tool2", "usr/bin/link", "usr/bin/hard"}) {
            for (const auto &[m, l] : columns) {
                for (const int role : roles) {
                    const bool hard = qstrcmp(path, "usr/bin/hard") == 0;
                    if ((m == M::TargetColumn && role == Qt::ToolTipRole) ||
                        (m == M::SizeColumn && hard))
                        continue;
                    const QVariant mine = merged.indexForPath(path, m).data(role);
                    const QVariant theirs = layer.indexForPath(path, l).data(role);
                    QVERIFY2(mine == theirs,
                             qPrintable(QString(QString::fromLatin1(path) + u" column " +
                                                QString::number(m) + u" role " +
                                                QString::number(role))));
                    compared += mine.isValid();
                }
            }
        }
        QCOMPARE(compared, 56);

        QStringList headers;
        for (int section = 0; section < merged.columnCount(); ++section)
            headers << merged.headerData(section, Qt::Horizontal).toString();
        QCOMPARE(headers, QStringList({u"Name"_s, u"Layer"_s, u"Change"_s, u"Size"_s, u"Mode"_s,
                                       u"Owner"_s, u"Link target"_s}));
        QVERIFY(!merged.headerData(M::ColumnCount, Qt::Horizontal).isValid());
        const QModelIndex hardSize = merged.indexForPath("usr/bin/hard", M::SizeColumn);
        QCOMPARE(hardSize.data(FileRoles::SortRole).toLongLong(), 200);
        QCOMPARE(hardSize.data(Qt::ToolTipRole).toString(), u"200 bytes"_s);
        QVERIFY(
            !merged.indexForPath("usr/bin/hard", M::TargetColumn).data(Qt::ToolTipRole).isValid());
        // usr is implied (no layer declares it): a directory without a mode or owner.
        QCOMPARE(merged.indexForPath("usr", M::ModeColumn).data(Qt::ToolTipRole).toString(),
                 u"Directory"_s);
        QVERIFY(!merged.indexForPath("usr", M::OwnerColumn).data().isValid());
    }
};

QTEST_MAIN(TestMergedTreeModel)
#include "tst_mergedtreemodel.moc"
