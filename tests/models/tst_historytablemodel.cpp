// HistoryTableModel under QAbstractItemModelTester: which steps made which layers (the
// N-th non-empty step made layer N), steps that made none, a config opened without its
// manifest, and the history of images skopeo pushed to the real registry.

#include "historytablemodel.h"
#include "inspectorroles.h"
#include "inspectortestdata.h"

#include "support/fixtures.h"
#include "support/registryprocess.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace inspectortest;

namespace {

const QByteArray kConfig =
    R"({"architecture":"arm64","os":"linux",)"
    R"("rootfs":{"type":"layers","diff_ids":[]},"history":[)"
    R"({"created":"2024-05-01T10:00:00Z","created_by":"ADD rootfs.tar /","comment":"base"},)"
    R"({"created":"2024-05-01T10:00:01Z","created_by":"/bin/sh -c #(nop)  ENV A=1","empty_layer":true},)"
    R"({"created":"2024-05-01T10:00:02Z","created_by":"RUN apk add curl","author":"ops"}]})";

QList<oci::Descriptor> twoLayers()
{
    const QByteArray json =
        R"({"schemaVersion":2,"config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":")" +
        digestOf("c").toUtf8() +
        R"(","size":10},"layers":[)"
        R"({"mediaType":"application/vnd.oci.image.layer.v1.tar+gzip","digest":")" +
        digestOf("l0").toUtf8() +
        R"(","size":2048},)"
        R"({"mediaType":"application/vnd.oci.image.layer.v1.tar+gzip","digest":")" +
        digestOf("l1").toUtf8() + R"(","size":4096}]})";
    return parseManifest(json).manifest().layers;
}

} // namespace

class TestHistoryTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void stepsAndLayers()
    {
        HistoryTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setHistory(parseConfig(kConfig).history, twoLayers());
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.columnCount(), int(HistoryTableModel::ColumnCount));

        QCOMPARE(model.index(0, HistoryTableModel::LayerColumn).data().toString(), u"1"_s);
        QCOMPARE(model.index(1, HistoryTableModel::LayerColumn).data().toString(), u"—"_s);
        QCOMPARE(model.index(2, HistoryTableModel::LayerColumn).data().toString(), u"2"_s);
        QCOMPARE(model.index(2, 0).data(InspectorRoles::LayerRole).toInt(), 1);
        QCOMPARE(model.index(1, 0).data(InspectorRoles::LayerRole).toInt(), -1);
        QCOMPARE(model.index(2, 0).data(InspectorRoles::DigestRole).toString(), digestOf("l1"));
        QVERIFY(model.index(1, 0).data(InspectorRoles::DigestRole).toString().isEmpty());
        QCOMPARE(model.index(2, 0).data(InspectorRoles::SizeRole).toLongLong(), 4096);
        QVERIFY(!model.index(2, HistoryTableModel::SizeColumn).data().toString().isEmpty());
        QVERIFY(model.index(1, HistoryTableModel::SizeColumn).data().toString().isEmpty());

        QCOMPARE(model.index(1, HistoryTableModel::CreatedByColumn).data().toString(),
                 u"ENV A=1"_s);
        QCOMPARE(model.index(0, HistoryTableModel::CommentColumn).data().toString(), u"base"_s);
        QCOMPARE(model.index(0, HistoryTableModel::CreatedColumn)
                     .data(InspectorRoles::SortRole)
                     .toDateTime(),
                 QDateTime(QDate(2024, 5, 1), QTime(10, 0), Qt::UTC));
        QVERIFY(!model.index(0, HistoryTableModel::CreatedColumn).data().toString().isEmpty());
        const QString tip = model.index(2, 0).data(Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(u"RUN apk add curl"_s) && tip.contains(u"ops"_s), qPrintable(tip));
        QVERIFY(model.index(1, 0).data(Qt::ToolTipRole).toString().contains(u"no layer"_s));
        // Steps without a layer read quieter; the others keep the view's colour.
        QVERIFY(model.index(1, 0).data(Qt::ForegroundRole).isValid());
        QVERIFY(!model.index(0, 0).data(Qt::ForegroundRole).isValid());

        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void configWithoutManifest()
    {
        HistoryTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setHistory(parseConfig(kConfig).history, {});
        QCOMPARE(model.index(2, HistoryTableModel::LayerColumn).data().toString(), u"2"_s);
        QVERIFY(model.index(2, HistoryTableModel::SizeColumn).data().toString().isEmpty());
        QVERIFY(model.layerHistory().isConsistent());
    }

    void historyOfRegistryImages()
    {
        REQUIRE_REGISTRY_TOOLS();
        RegistryProcess registry(RegistryProcess::Auth::Basic);
        QVERIFY2(registry.start(), qPrintable(registry.errorString()));
        Fixtures fixtures(registry);
        ClientHarness harness(registry);
        const auto image = fixtures.pushDockerImage(u"history/app"_s, u"v1"_s);
        QVERIFY_RESULT(image);
        const FetchedImage fetched = fetchImage(harness.client(), image->repository, image->tag);
        QVERIFY2(fetched.error.isEmpty(), qPrintable(fetched.error));

        HistoryTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setHistory(fetched.config.history, fetched.document->manifest().layers);
        QCOMPARE(model.rowCount(), int(fetched.config.history.size()));
        // Every layer is claimed by exactly one step, in order; the other steps made none.
        QList<int> layers;
        for (int row = 0; row < model.rowCount(); ++row) {
            const int layer = model.index(row, 0).data(InspectorRoles::LayerRole).toInt();
            QCOMPARE(layer < 0, fetched.config.history.at(row).emptyLayer);
            if (layer >= 0) {
                layers << layer;
                QCOMPARE(model.index(row, 0).data(InspectorRoles::DigestRole).toString(),
                         image->layers.at(layer).toString());
            }
        }
        QList<int> expected;
        for (int i = 0; i < image->layers.size(); ++i)
            expected << i;
        QCOMPARE(layers, expected);
    }
};

QTEST_MAIN(TestHistoryTableModel)
#include "tst_historytablemodel.moc"
