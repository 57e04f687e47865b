// WasteModel under QAbstractItemModelTester: the wasted space of the hand-built image,
// checked against totals worked out by hand (each byte once; the surviving copy and the
// hard link are not waste).

#include "fileroles.h"
#include "filetestdata.h"
#include "wastemodel.h"

#include "image/fs/wastereport.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace filetest;

class TestWasteModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void wasteOfThreeLayers()
    {
        WasteModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(model.summaryText().isEmpty());
        model.setReport(image::WasteReport::compute(image::MergedFilesystem::build(image3())));
        QVERIFY(model.hasReport());
        // Shipped: 6180 (layer 1) + 350 (layer 2; the hard link once) + 300 (layer 3).
        QCOMPARE(model.report().totalBytes, 6830);
        // Visible: passwd 120, tool 1000, tool2 200, c.conf 30, data.json 300.
        QCOMPARE(model.report().visibleBytes, 1650);
        QCOMPARE(model.report().wastedBytes, 5180);
        // big 5000, passwd 100, hosts 50, b.conf 20, a.conf 10: largest first.
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(model.index(0, WasteModel::PathColumn).data().toString(), u"/var/cache/big"_s);
        QCOMPARE(model.index(0, 0).data(FileRoles::SizeRole).toLongLong(), 5000);
        QCOMPARE(model.index(0, WasteModel::LayersColumn).data().toString(),
                 u"layer 1, deleted by layer 3"_s);
        QCOMPARE(model.index(1, WasteModel::PathColumn).data().toString(), u"/etc/passwd"_s);
        QCOMPARE(model.index(1, WasteModel::LayersColumn).data().toString(),
                 u"layer 1, overwritten by layer 2"_s);
        QCOMPARE(model.index(1, WasteModel::CopiesColumn).data().toInt(), 1);
        QCOMPARE(model.index(4, 0).data(FileRoles::RawPathRole).toByteArray(),
                 QByteArray("etc/conf.d/a.conf"));
        // Efficiency: 1650 of 6830 bytes survive.
        QCOMPARE(model.report().efficiency, 1650.0 / 6830.0);
        QVERIFY2(model.summaryText().contains(u"24.2 %"_s), qPrintable(model.summaryText()));
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_MAIN(TestWasteModel)
#include "tst_wastemodel.moc"
