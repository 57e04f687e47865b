// FileTreeProxy under QAbstractItemModelTester over a layer's tree: substring and glob
// filters (name globs, path globs with ** and classes), directories first in natural
// order, sorting by size, "only changes" before and after the markers are known.

#include "fileroles.h"
#include "filetestdata.h"
#include "filetreeproxy.h"
#include "layerfilesmodel.h"

#include <QAbstractItemModelTester>
#include <QTest>

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

QStringList paths(const QAbstractItemModel &model)
{
    QStringList out;
    collect(model, {}, out);
    return out;
}

} // namespace

class TestFileTreeProxy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void globPatterns_data()
    {
        QTest::addColumn<QString>("glob");
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("matches");
        QTest::newRow("star in name") << u"*.conf"_s << u"a.conf"_s << true;
        QTest::newRow("star stops at slash") << u"etc/*.conf"_s << u"etc/conf.d/a.conf"_s << false;
        QTest::newRow("double star crosses")
            << u"etc/**/*.conf"_s << u"etc/conf.d/a.conf"_s << true;
        QTest::newRow("double star none") << u"etc/**/passwd"_s << u"etc/passwd"_s << true;
        QTest::newRow("question") << u"?.conf"_s << u"a.conf"_s << true;
        QTest::newRow("class") << u"[ab].conf"_s << u"b.conf"_s << true;
        QTest::newRow("negated class") << u"[!ab].conf"_s << u"b.conf"_s << false;
        QTest::newRow("dot literal") << u"a.conf"_s << u"aXconf"_s << false;
        QTest::newRow("case") << u"*.CONF"_s << u"a.conf"_s << true;
        QTest::newRow("no trailing newline") << u"*.conf"_s << u"a.conf\n"_s << false;
    }

    void globPatterns()
    {
        QFETCH(QString, glob);
        QFETCH(QString, path);
        QFETCH(bool, matches);
        const QRegularExpression pattern = FileTreeProxy::globPattern(glob);
        QVERIFY(pattern.isValid());
        QCOMPARE(pattern.match(path).hasMatch(), matches);
    }

    void filtersATree()
    {
        LayerFilesModel model;
        model.clear(0);
        model.setIndex(layer0());
        FileTreeProxy proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.sort(0);
        // Directories first, then names in natural order.
        QCOMPARE(paths(proxy), QStringList({u"etc"_s, u"etc/conf.d"_s, u"etc/conf.d/a.conf"_s,
                                            u"etc/conf.d/b.conf"_s, u"etc/hosts"_s, u"etc/passwd"_s,
                                            u"usr"_s, u"usr/bin"_s, u"usr/bin/tool"_s, u"var"_s,
                                            u"var/cache"_s, u"var/cache/big"_s}));

        proxy.setPathFilter(u"*.conf"_s);
        QVERIFY(proxy.isGlob());
        QCOMPARE(paths(proxy), QStringList({u"etc"_s, u"etc/conf.d"_s, u"etc/conf.d/a.conf"_s,
                                            u"etc/conf.d/b.conf"_s}));
        proxy.setPathFilter(u"/usr/bin/t*"_s); // a leading slash is ignored
        QCOMPARE(paths(proxy), QStringList({u"usr"_s, u"usr/bin"_s, u"usr/bin/tool"_s}));
        proxy.setPathFilter(u"CACHE"_s); // plain text: anywhere, any case
        QVERIFY(!proxy.isGlob());
        QCOMPARE(paths(proxy), QStringList({u"var"_s, u"var/cache"_s, u"var/cache/big"_s}));
        proxy.setPathFilter(u"nothing-like-this"_s);
        QCOMPARE(proxy.rowCount(), 0);
        proxy.setPathFilter({});
        QCOMPARE(paths(proxy).size(), 12);

        // Sort by size: biggest first, directories by the bytes below them.
        proxy.sort(LayerFilesModel::SizeColumn, Qt::DescendingOrder);
        QCOMPARE(proxy.index(0, 0).data(FileRoles::PathRole).toString(), u"var"_s);
        QCOMPARE(proxy.index(1, 0).data(FileRoles::PathRole).toString(), u"usr"_s);
        QCOMPARE(proxy.index(2, 0).data(FileRoles::PathRole).toString(), u"etc"_s);
        const QModelIndex etc = proxy.index(2, 0);
        QCOMPARE(proxy.index(0, 0, etc).data(FileRoles::PathRole).toString(), u"etc/passwd"_s);
        QCOMPARE(proxy.index(1, 0, etc).data(FileRoles::PathRole).toString(), u"etc/hosts"_s);
        QCOMPARE(proxy.index(2, 0, etc).data(FileRoles::PathRole).toString(), u"etc/conf.d"_s);
    }

    void changesOnlyInALayer()
    {
        LayerFilesModel model;
        model.clear(2);
        FileTreeProxy proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QList<image::LayerIndex> layers = image3();
        model.setIndex(layers.at(2));
        proxy.setChangesOnly(true);
        // Markers unknown: nothing is hidden yet.
        QCOMPARE(paths(proxy).size(), 6);
        model.setMergedFilesystem(image::MergedFilesystem::build(layers));
        // etc was written again unchanged: gone; the removal and the addition stay.
        proxy.sort(0);
        QCOMPARE(paths(proxy), QStringList({u"app"_s, u"app/data.json"_s, u"var"_s, u"var/cache"_s,
                                            u"var/cache/big"_s}));
    }
};

QTEST_MAIN(TestFileTreeProxy)
#include "tst_filetreeproxy.moc"
