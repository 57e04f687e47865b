#include "imagesamples.h"

#include "image/diff/config/configdiff.h"
#include "image/diff/config/imagesummary.h"
#include "image/diff/config/layeralignment.h"
#include "image/reader/imagelayers.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using samples::LayerSpec;

namespace {

const LayerSpec base{1, 1, 29'000'000, QStringLiteral("/bin/sh -c #(nop) ADD file:1c2d in / ")};
const LayerSpec app{3, 3, 2'500'000, QStringLiteral("COPY server /app/server # buildkit")};
const LayerSpec curl{5, 5, 1'234'567, QStringLiteral("RUN /bin/sh -c apt-get install -y curl # buildkit")};

image::SummarySide sideOf(const samples::Image &image)
{
    return image::summarySide(oci::Digest::sha256Of(image.manifestBytes), image.manifest, &image.config);
}

image::ImageSummary summaryOf(const samples::Image &a, const samples::Image &b)
{
    const image::LayerAlignment layers =
        image::alignLayers(image::layerFacts(a.manifest.layers, &a.config),
                           image::layerFacts(b.manifest.layers, &b.config));
    const image::ConfigDiff config = image::diffConfigs(a.config, b.config, a.configBytes, b.configBytes);
    return image::summarizeImages(sideOf(a), sideOf(b), layers, config);
}

} // namespace

class TestImageSummary final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sameImage()
    {
        const samples::Image image = samples::imageOf({base, app});
        const image::ImageSummary summary = summaryOf(image, image);
        QVERIFY(summary.sameDigest);
        QVERIFY(summary.sameConfig);
        QVERIFY(summary.noDifferences());
        QCOMPARE(summary.platformA, QStringLiteral("linux/arm64/v8"));
        QCOMPARE(summary.createdA, QDateTime(QDate(2024, 2, 3), QTime(10, 11, 12, 500), Qt::UTC));
        QCOMPARE(summary.layerCountA, 2);
        QCOMPARE(summary.sharedLayers, 2);
        QVERIFY(!summary.filesCompared());
        const QString digest = oci::Digest::sha256Of(image.manifestBytes).shortString();
        QCOMPARE(summary.describe(), (QStringList{u"digest: same " + digest,
                                                  QStringLiteral("compressed: 31.50 MB → 31.50 MB (+0 bytes)"),
                                                  QStringLiteral("layers: 2 → 2, 2 shared"),
                                                  QStringLiteral("config keys changed: 0")}));
    }

    void layerAppendedAndEnvChanged()
    {
        const samples::Image a = samples::imageOf({base, app});
        const samples::Image b = samples::imageOf({base, app, curl}, [](QJsonObject &run) {
            run.insert(QLatin1String("Env"), QJsonArray{QStringLiteral("PATH=/usr/bin")});
        });
        image::ImageSummary summary = summaryOf(a, b);
        QVERIFY(!summary.sameDigest);
        QVERIFY(!summary.sameConfig);
        QVERIFY(!summary.noDifferences());
        QCOMPARE(summary.layerCountB, 3);
        QCOMPARE(summary.sharedLayers, 2);
        QCOMPARE(summary.compressedDelta(), 1'234'567);
        QVERIFY(!summary.uncompressedDelta());
        // PATH changed, APP_ENV removed; the history gained a step.
        QCOMPARE(summary.configKeysChanged, 3);
        summary.filesAdded = 2;
        summary.filesRemoved = 0;
        summary.filesChanged = 5;
        QCOMPARE(summary.describe(),
                 (QStringList{u"digest: " + oci::Digest::sha256Of(a.manifestBytes).shortString() + u" → "
                                  + oci::Digest::sha256Of(b.manifestBytes).shortString(),
                              QStringLiteral("compressed: 31.50 MB → 32.73 MB (+1.23 MB)"),
                              QStringLiteral("layers: 2 → 3, 2 shared"),
                              QStringLiteral("files: 2 added, 0 removed, 5 changed"),
                              QStringLiteral("config keys changed: 3")}));
        const QJsonObject json = summary.toJson();
        QCOMPARE(json.value(QLatin1String("sameDigest")).toBool(true), false);
        QCOMPARE(json.value(QLatin1String("compressedDelta")).toInteger(), 1'234'567);
        QCOMPARE(json.value(QLatin1String("filesChanged")).toInt(), 5);
        QCOMPARE(json.value(QLatin1String("configKeysChanged")).toInt(), 3);
        QCOMPARE(json.value(QLatin1String("createdA")).toString(), QStringLiteral("2024-02-03T10:11:12.500Z"));
        QCOMPARE(json.value(QLatin1String("noDifferences")).toBool(true), false);
        QVERIFY(!json.contains(QLatin1String("uncompressedDelta")));
    }

    // A tarball and its pushed copy: the layers gzip'ed by the push, the same config.
    void pushedCopyHasNoDifferences()
    {
        const samples::Image local = samples::imageOf({base, app});
        const samples::Image pushed = samples::imageOf({{21, base.diffId, 28'900'000, base.command},
                                                        {23, app.diffId, 2'450'000, app.command}});
        QCOMPARE(pushed.configBytes, local.configBytes);
        image::LayerAlignment layers = image::alignLayers(image::layerFacts(local.manifest.layers, &local.config),
                                                          image::layerFacts(pushed.manifest.layers, &pushed.config));
        const qint64 tars[] = {80'000'000, 6'000'000};
        for (int i = 0; i < 2; ++i) {
            layers.a[i].layer.uncompressedSize = tars[i];
            layers.b[i].layer.uncompressedSize = tars[i];
        }
        const image::ConfigDiff config = image::diffConfigs(local.config, pushed.config);
        image::ImageSummary summary = image::summarizeImages(sideOf(local), sideOf(pushed), layers, config);
        QVERIFY(!summary.sameDigest);
        QVERIFY(summary.sameConfig);
        QCOMPARE(summary.sharedLayers, 2);
        QCOMPARE(summary.uncompressedDelta(), std::optional<qint64>(0));
        QVERIFY(summary.noDifferences());
        QCOMPARE(summary.describe().at(2), QStringLiteral("uncompressed: 86.00 MB → 86.00 MB (+0 bytes)"));
        summary.filesAdded = summary.filesRemoved = summary.filesChanged = 0;
        QVERIFY(summary.noDifferences());
        summary.filesChanged = 1;
        QVERIFY(!summary.noDifferences());
    }

    void fromImageLayers()
    {
        const samples::Image image = samples::imageOf({base, app});
        image::ImageLayers layers;
        layers.manifestDigest = oci::Digest::sha256Of(image.manifestBytes);
        layers.platform = QStringLiteral("linux/arm64/v8");
        layers.layers = image.manifest.layers;
        layers.config = std::make_shared<const oci::ImageConfig>(image.config);
        QCOMPARE(image::layerFacts(layers), image::layerFacts(image.manifest.layers, &image.config));
        const image::SummarySide side = image::summarySide(layers);
        QCOMPARE(side.manifestDigest, layers.manifestDigest);
        QVERIFY(side.configDigest.isNull());
        QCOMPARE(side.platform, QStringLiteral("linux/arm64/v8"));
        QCOMPARE(side.created, image.config.created);
        const image::LayerAlignment aligned = image::alignLayers(image::layerFacts(layers), image::layerFacts(layers));
        const image::ImageSummary summary =
            image::summarizeImages(side, side, aligned, image::diffConfigs(image.config, image.config));
        QVERIFY(summary.sameDigest);
        QVERIFY(!summary.sameConfig); // not known from ImageLayers
    }
};

QTEST_GUILESS_MAIN(TestImageSummary)
#include "tst_imagesummary.moc"
