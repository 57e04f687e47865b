// LayerListModel under QAbstractItemModelTester: layers with their history commands
// (empty-layer steps skipped), reading progress, file counts and uncompressed sizes once
// read, the compression found in the bytes when the media type says otherwise, failures.

#include "fileroles.h"
#include "filetestdata.h"
#include "layerlistmodel.h"

#include "oci/manifest/descriptor.h"
#include "oci/manifest/imageconfig.h"

#include <QAbstractItemModelTester>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace filetest;

namespace {

oci::Descriptor layerDescriptor(int layer, const char *mediaType)
{
    QJsonObject object{{u"mediaType"_s, QString::fromLatin1(mediaType)},
                       {u"digest"_s, blob(layer).digest.toString()},
                       {u"size"_s, 1000 + layer}};
    return oci::Descriptor::fromJson(object).value();
}

QList<oci::HistoryEntry> history()
{
    oci::HistoryEntry add;
    add.createdBy = u"ADD rootfs.tar /"_s;
    oci::HistoryEntry env;
    env.createdBy = u"/bin/sh -c #(nop)  ENV A=b"_s;
    env.emptyLayer = true;
    oci::HistoryEntry run;
    run.createdBy = u"RUN apt-get install\n  -y thing"_s;
    return {add, env, run};
}

} // namespace

class TestLayerListModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rowsAndStates()
    {
        LayerListModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setLayers({layerDescriptor(0, "application/vnd.oci.image.layer.v1.tar+gzip"),
                         layerDescriptor(1, "application/vnd.oci.image.layer.v1.tar")},
                        history());
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, LayerListModel::NumberColumn).data().toInt(), 1);
        QCOMPARE(model.index(0, LayerListModel::CreatedByColumn).data().toString(),
                 u"ADD rootfs.tar /"_s);
        // The ENV step made no layer: the RUN step made layer 2.
        QCOMPARE(model.index(1, LayerListModel::CreatedByColumn).data().toString(),
                 u"RUN apt-get install -y thing"_s);
        QCOMPARE(model.index(1, LayerListModel::SizeColumn).data(FileRoles::SortRole).toLongLong(),
                 1001);
        QVERIFY(model.index(0, LayerListModel::UncompressedColumn).data().toString().isEmpty());
        QCOMPARE(model.state(0), LayerListModel::State::Waiting);

        model.setReading(0, 500, 1000);
        QCOMPARE(model.index(0, 0).data(LayerListModel::ProgressRole).toInt(), 500);
        model.addEntries(0, 3);
        QVERIFY(model.index(0, LayerListModel::FilesColumn)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(u"3"_s));
        model.setIndex(0, layer0());
        QCOMPARE(model.state(0), LayerListModel::State::Read);
        QCOMPARE(model.index(0, LayerListModel::FilesColumn).data().toString(), u"6"_s);
        QCOMPARE(model.index(0, LayerListModel::UncompressedColumn)
                     .data(FileRoles::SortRole)
                     .toLongLong(),
                 10240);
        QCOMPARE(model.index(0, LayerListModel::TypeColumn).data().toString(),
                 u"OCI layer, gzip"_s);
        // Layer 2 says uncompressed, the bytes are gzip: the table says so.
        model.setIndex(1, layer1());
        QCOMPARE(model.index(1, LayerListModel::TypeColumn).data().toString(),
                 u"OCI layer, uncompressed (content: gzip)"_s);

        model.setFailed(1, u"It broke."_s);
        QCOMPARE(model.index(1, LayerListModel::FilesColumn).data(Qt::ToolTipRole).toString(),
                 u"It broke."_s);
        model.setCancelled(0); // a layer read stays read
        QCOMPARE(model.state(0), LayerListModel::State::Read);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_MAIN(TestLayerListModel)
#include "tst_layerlistmodel.moc"
