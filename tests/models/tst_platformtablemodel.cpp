// PlatformTableModel under QAbstractItemModelTester: the entries of hand-written indexes
// (attestations named for their subject, unknown/unknown without annotations, nested
// indexes, artifacts) and of indexes in the real registry, one pushed by skopeo and one
// with a buildx-style attestation entry.

#include "inspectorroles.h"
#include "inspectortestdata.h"
#include "platformtablemodel.h"

#include "support/fixtures.h"
#include "support/registryprocess.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace inspectortest;

namespace {

QByteArray entry(const char *label, const QByteArray &mediaType, const QByteArray &platform,
                 const QByteArray &extra = {})
{
    // (Plain literals: moc 6.4 misreads raw strings with an odd number of quotes.)
    QByteArray json = "{\"mediaType\":\"" + mediaType + "\",\"digest\":\"" +
                      digestOf(label).toUtf8() + "\",\"size\":" + QByteArray::number(500);
    if (!platform.isEmpty())
        json += R"(,"platform":)" + platform;
    return json + extra + '}';
}

// Two images, an attestation for the first, one for an image not in the index, an
// unknown/unknown entry without annotations, a nested index and an artifact.
QByteArray indexJson()
{
    const QByteArray manifest = "application/vnd.oci.image.manifest.v1+json";
    const QByteArray attestationFor =
        ",\"annotations\":{\"vnd.docker.reference.type\":\"attestation-manifest\","
        "\"vnd.docker.reference.digest\":\"";
    return R"({"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[)" +
           entry("amd64", manifest, R"({"os":"linux","architecture":"amd64"})") + ',' +
           entry("arm64", manifest, R"({"os":"linux","architecture":"arm64","variant":"v8"})") +
           ',' +
           entry("att-amd64", manifest, R"({"os":"unknown","architecture":"unknown"})",
                 attestationFor + digestOf("amd64").toUtf8() + "\"}") +
           ',' +
           entry("att-gone", manifest, R"({"os":"unknown","architecture":"unknown"})",
                 attestationFor + digestOf("elsewhere").toUtf8() + "\"}") +
           ',' + entry("mystery", manifest, R"({"os":"unknown","architecture":"unknown"})") + ',' +
           entry("nested", "application/vnd.oci.image.index.v1+json", {}) + ',' +
           entry("sbom", manifest, {}, R"(,"artifactType":"application/spdx+json")") + "]}";
}

} // namespace

class TestPlatformTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void entriesOfAnIndex()
    {
        const oci::ManifestDocument document = parseManifest(indexJson());

        PlatformTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setEntries(document.index().manifests);
        QCOMPARE(model.rowCount(), 7);
        QCOMPARE(model.columnCount(), int(PlatformTableModel::ColumnCount));

        const auto text = [&](int row, int column) {
            return model.index(row, column).data().toString();
        };
        QCOMPARE(text(0, PlatformTableModel::PlatformColumn), u"linux/amd64"_s);
        QCOMPARE(text(1, PlatformTableModel::PlatformColumn), u"linux/arm64/v8"_s);
        QCOMPARE(text(0, PlatformTableModel::KindColumn), u"Image"_s);
        QCOMPARE(text(2, PlatformTableModel::PlatformColumn), u"Attestation for linux/amd64"_s);
        QCOMPARE(text(2, PlatformTableModel::KindColumn), u"Attestation"_s);
        QVERIFY(model.index(2, 0).data(InspectorRoles::AttestationRole).toBool());
        QVERIFY(!model.index(0, 0).data(InspectorRoles::AttestationRole).toBool());
        QCOMPARE(text(3, PlatformTableModel::PlatformColumn),
                 u"Attestation for "_s +
                     oci::Digest::parse(digestOf("elsewhere")).value().shortString());
        QCOMPARE(text(4, PlatformTableModel::PlatformColumn), u"unknown/unknown"_s);
        QCOMPARE(text(4, PlatformTableModel::KindColumn), u"Not an image"_s);
        QCOMPARE(text(5, PlatformTableModel::KindColumn), u"Index"_s);
        QCOMPARE(text(5, PlatformTableModel::PlatformColumn), u"Any platform"_s);
        QCOMPARE(text(6, PlatformTableModel::KindColumn), u"Artifact"_s);
        QCOMPARE(model.index(6, PlatformTableModel::KindColumn).data(Qt::ToolTipRole).toString(),
                 u"application/spdx+json"_s);
        QCOMPARE(text(0, PlatformTableModel::TypeColumn), u"OCI image manifest"_s);
        QCOMPARE(model.index(1, PlatformTableModel::DigestColumn)
                     .data(InspectorRoles::DigestRole)
                     .toString(),
                 digestOf("arm64"));
        QCOMPARE(model.index(1, PlatformTableModel::SizeColumn)
                     .data(InspectorRoles::SortRole)
                     .toLongLong(),
                 500);
        QCOMPARE(model.firstImageRow(), 0);

        model.setEntries(document.index().manifests.mid(2));
        QCOMPARE(model.firstImageRow(), -1);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void indexesInTheRegistry()
    {
        REQUIRE_REGISTRY_TOOLS();
        RegistryProcess registry(RegistryProcess::Auth::Token);
        QVERIFY2(registry.start(), qPrintable(registry.errorString()));
        Fixtures fixtures(registry);
        ClientHarness harness(registry);
        const auto index = fixtures.pushIndex(u"multi/app"_s, u"1.0"_s);
        QVERIFY_RESULT(index);

        FetchedImage fetched = fetchImage(harness.client(), index->repository, index->tag);
        QVERIFY2(fetched.error.isEmpty(), qPrintable(fetched.error));
        QVERIFY(fetched.document->isIndex());
        PlatformTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setEntries(fetched.document->index().manifests);
        QStringList platforms;
        for (int row = 0; row < model.rowCount(); ++row)
            platforms << model.platformText(row);
        QCOMPARE(platforms, index->platforms);

        const auto attested =
            pushAttestedIndex(registry, harness.client(), index.value(), u"attested"_s);
        QVERIFY_RESULT(attested);
        fetched = fetchImage(harness.client(), index->repository, u"attested"_s);
        QVERIFY2(fetched.error.isEmpty(), qPrintable(fetched.error));
        QCOMPARE(fetched.document->bytes(), attested->bytes);
        model.setEntries(fetched.document->index().manifests);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.platformText(2), u"Attestation for "_s + attested->subjectPlatform);
        QCOMPARE(model.index(2, 0).data(InspectorRoles::DigestRole).toString(),
                 attested->attestation.toString());
        QVERIFY(model.index(2, 0).data(InspectorRoles::AttestationRole).toBool());
        QCOMPARE(model.platformText(0), index->platforms.first());
    }
};

QTEST_MAIN(TestPlatformTableModel)
#include "tst_platformtablemodel.moc"
