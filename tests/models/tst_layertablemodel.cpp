// LayerTableModel under QAbstractItemModelTester: layers of hand-written manifests (the
// "Created by" column from a history with empty_layer steps, out-of-step histories) and of
// images pushed to the real registry by skopeo (OCI and Docker media types).

#include "inspectorroles.h"
#include "inspectortestdata.h"
#include "layertablemodel.h"

#include "support/fixtures.h"
#include "support/registryprocess.h"

#include <QAbstractItemModelTester>
#include <QFontInfo>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace inspectortest;

namespace {

QByteArray manifestJson(const QString &layerType, int layers)
{
    QByteArray json =
        R"({"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json",)"
        R"("config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":")" +
        digestOf("config").toUtf8() + R"(","size":321},"layers":[)";
    for (int i = 0; i < layers; ++i) {
        if (i)
            json += ',';
        json += R"({"mediaType":")" + layerType.toUtf8() + R"(","digest":")" +
                digestOf(QByteArray("layer" + QByteArray::number(i)).constData()).toUtf8() +
                R"(","size":)" + QByteArray::number(1000 * (i + 1)) + '}';
    }
    return json + "]}";
}

QByteArray configJson(const QByteArray &history)
{
    return R"({"architecture":"amd64","os":"linux","rootfs":{"type":"layers","diff_ids":[]},"history":)" +
           history + '}';
}

// ADD, ENV, RUN, CMD: two steps made layers.
const QByteArray kHistory =
    "[{\"created_by\":\"ADD rootfs.tar /\"},"
    "{\"created_by\":\"/bin/sh -c #(nop)  ENV PATH=/usr/bin\",\"empty_layer\":true},"
    "{\"created_by\":\"RUN make install\"},"
    "{\"created_by\":\"/bin/sh -c #(nop)  CMD [\\\"app\\\"]\",\"empty_layer\":true}]";

const QByteArray kOneStep = "[{\"created_by\":\"only one\"}]";

} // namespace

class TestLayerTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void layersThenHistory()
    {
        LayerTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const auto document =
            parseManifest(manifestJson(u"application/vnd.oci.image.layer.v1.tar+zstd"_s, 2));
        model.setLayers(document.manifest().layers);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.columnCount(), int(LayerTableModel::ColumnCount));
        QCOMPARE(model.index(0, LayerTableModel::NumberColumn).data().toInt(), 1);
        QCOMPARE(model.index(1, LayerTableModel::DigestColumn)
                     .data(InspectorRoles::DigestRole)
                     .toString(),
                 digestOf("layer1"));
        QCOMPARE(model.index(1, LayerTableModel::DigestColumn).data().toString(),
                 document.manifest().layers.at(1).digest().shortString());
        QCOMPARE(
            model.index(1, LayerTableModel::SizeColumn).data(InspectorRoles::SizeRole).toLongLong(),
            2000);
        QCOMPARE(model.index(0, LayerTableModel::TypeColumn).data().toString(),
                 u"OCI layer, zstd"_s);
        QCOMPARE(model.index(0, LayerTableModel::TypeColumn).data(Qt::ToolTipRole).toString(),
                 u"application/vnd.oci.image.layer.v1.tar+zstd"_s);
        QVERIFY(model.index(0, LayerTableModel::CreatedByColumn).data().toString().isEmpty());
        QCOMPARE(model.index(0, 0).data(InspectorRoles::HistoryRole).toInt(), -1);

        const oci::ImageConfig config = parseConfig(configJson(kHistory));
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setHistory(config.history);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.at(0).at(0).value<QModelIndex>().column(),
                 int(LayerTableModel::CreatedByColumn));
        QCOMPARE(model.index(0, LayerTableModel::CreatedByColumn).data().toString(),
                 u"ADD rootfs.tar /"_s);
        QCOMPARE(model.index(1, LayerTableModel::CreatedByColumn).data().toString(),
                 u"RUN make install"_s);
        QCOMPARE(model.index(1, 0).data(InspectorRoles::HistoryRole).toInt(), 2);
        QVERIFY(model.layerHistory().isConsistent());
        QVERIFY(
            QFontInfo(
                model.index(0, LayerTableModel::CreatedByColumn).data(Qt::FontRole).value<QFont>())
                .fixedPitch());

        model.clear();
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(model.layer(0).isNull());
    }

    void historyShorterThanLayers()
    {
        LayerTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setLayers(
            parseManifest(manifestJson(u"application/vnd.docker.image.rootfs.diff.tar.gzip"_s, 3))
                .manifest()
                .layers);
        QCOMPARE(model.index(2, LayerTableModel::TypeColumn).data().toString(),
                 u"Docker layer, gzip"_s);
        model.setHistory(parseConfig(configJson(kOneStep)).history);
        QVERIFY(!model.layerHistory().isConsistent());
        QCOMPARE(model.index(0, LayerTableModel::CreatedByColumn).data().toString(), u"only one"_s);
        QVERIFY(model.index(2, LayerTableModel::CreatedByColumn).data().toString().isEmpty());
        QCOMPARE(model.index(2, 0).data(InspectorRoles::HistoryRole).toInt(), -1);
    }

    void imagesFromTheRegistry()
    {
        REQUIRE_REGISTRY_TOOLS();
        RegistryProcess registry;
        QVERIFY2(registry.start(), qPrintable(registry.errorString()));
        Fixtures fixtures(registry);
        ClientHarness harness(registry);
        const auto oci = fixtures.pushOciImage(u"layers/oci"_s, u"1.0"_s);
        QVERIFY_RESULT(oci);
        const auto docker = fixtures.pushDockerImage(u"layers/docker"_s, u"1.0"_s);
        QVERIFY_RESULT(docker);

        for (const SeededImage &image : {oci.value(), docker.value()}) {
            const FetchedImage fetched = fetchImage(harness.client(), image.repository, image.tag);
            QVERIFY2(fetched.error.isEmpty(), qPrintable(fetched.error));
            LayerTableModel model;
            QAbstractItemModelTester tester(&model,
                                            QAbstractItemModelTester::FailureReportingMode::QtTest);
            model.setLayers(fetched.document->manifest().layers);
            model.setHistory(fetched.config.history);

            QCOMPARE(model.rowCount(), int(image.layers.size()));
            QVERIFY(model.rowCount() >= 2);
            for (int row = 0; row < model.rowCount(); ++row) {
                const QModelIndex index = model.index(row, LayerTableModel::DigestColumn);
                QCOMPARE(index.data(InspectorRoles::DigestRole).toString(),
                         image.layers.at(row).toString());
                // The layer's history step is a step that made a layer, and the N-th such.
                const int step = index.data(InspectorRoles::HistoryRole).toInt();
                QVERIFY2(step >= 0, qPrintable(image.repository));
                QVERIFY(!fetched.config.history.at(step).emptyLayer);
                int nonEmptyBefore = 0;
                for (int i = 0; i < step; ++i)
                    nonEmptyBefore += fetched.config.history.at(i).emptyLayer ? 0 : 1;
                QCOMPARE(nonEmptyBefore, row);
                QCOMPARE(model.index(row, LayerTableModel::CreatedByColumn)
                             .data(Qt::ToolTipRole)
                             .toString(),
                         fetched.config.history.at(step).createdBy);
            }
            const QString type = model.index(0, LayerTableModel::TypeColumn).data().toString();
            QVERIFY2(type == (image.repository.endsWith(u"docker") ? u"Docker layer, gzip"_s
                                                                   : u"OCI layer, gzip"_s),
                     qPrintable(type));
        }
    }
};

QTEST_MAIN(TestLayerTableModel)
#include "tst_layertablemodel.moc"
