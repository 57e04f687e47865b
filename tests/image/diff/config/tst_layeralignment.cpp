#include "imagesamples.h"

#include "image/diff/config/layeralignment.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using image::LayerMatch;
using samples::LayerSpec;

namespace {

// Base, app and config layers as a BuildKit build of a small service writes them.
const LayerSpec base{1, 1, 29'000'000, QStringLiteral("/bin/sh -c #(nop) ADD file:1c2d in / ")};
const LayerSpec packages{2, 2, 12'000'000, QStringLiteral("RUN /bin/sh -c apt-get install -y ca-certificates # buildkit")};
const LayerSpec app{3, 3, 2'500'000, QStringLiteral("COPY server /app/server # buildkit")};
const LayerSpec settings{4, 4, 1'000, QStringLiteral("COPY settings.toml /app/ # buildkit")};
const LayerSpec curl{5, 5, 1'234'567, QStringLiteral("RUN /bin/sh -c apt-get install -y curl # buildkit")};

QList<image::LayerFacts> factsOf(const QList<LayerSpec> &layers)
{
    const samples::Image image = samples::imageOf(layers);
    return image::layerFacts(image.manifest.layers, &image.config);
}

image::LayerAlignment align(const QList<LayerSpec> &a, const QList<LayerSpec> &b)
{
    return image::alignLayers(factsOf(a), factsOf(b));
}

QString shortBlob(int blob)
{
    return samples::blobDigest(blob).first(19); // "sha256:" + 12 hex
}

} // namespace

class TestLayerAlignment final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void factsFromManifestAndConfig()
    {
        const samples::Image image = samples::imageOf({base, packages, app});
        const QList<image::LayerFacts> facts = image::layerFacts(image.manifest.layers, &image.config);
        QCOMPARE(facts.size(), 3);
        QCOMPARE(facts.at(1).digest.toString(), samples::blobDigest(2));
        QCOMPARE(facts.at(1).diffId.toString(), samples::diffIdDigest(2));
        QCOMPARE(facts.at(1).size, 12'000'000);
        QCOMPARE(facts.at(1).mediaType, QStringLiteral("application/vnd.oci.image.layer.v1.tar+gzip"));
        QCOMPARE(facts.at(1).uncompressedSize, -1);
        // The ENV step after the base made no layer: layer 1 is history entry 2.
        QCOMPARE(facts.at(1).createdBy, packages.command);
        QCOMPARE(facts.at(2).createdBy, app.command);

        // A config whose diff_ids do not match the layers gives none (they would pair wrong
        // layers); without a config only the manifest's facts.
        oci::ImageConfig wrong = image.config;
        wrong.diffIds.removeLast();
        for (const image::LayerFacts &layer : image::layerFacts(image.manifest.layers, &wrong))
            QVERIFY(layer.diffId.isNull());
        const QList<image::LayerFacts> bare = image::layerFacts(image.manifest.layers, nullptr);
        QCOMPARE(bare.at(2).digest.toString(), samples::blobDigest(3));
        QVERIFY(bare.at(2).createdBy.isEmpty());
    }

    void identicalImages()
    {
        const image::LayerAlignment layers = align({base, packages, app}, {base, packages, app});
        QVERIFY(layers.identical());
        QCOMPARE(layers.sharedLeading, 3);
        QCOMPARE(layers.sharedCount(), 3);
        QVERIFY(layers.onlyA().isEmpty());
        QVERIFY(layers.onlyB().isEmpty());
        QVERIFY(layers.moved().isEmpty());
        QCOMPARE(layers.compressedDelta(), 0);
        for (const image::AlignedLayer &layer : layers.b)
            QCOMPARE(layer.match, LayerMatch::SameDigest);
        QCOMPARE(layers.describe(), (QStringList{QStringLiteral("layers: 3 → 3, 3 shared (3 leading)"),
                                                 QStringLiteral("compressed: 43.50 MB → 43.50 MB (+0 bytes)")}));
    }

    void oneLayerAppended()
    {
        image::LayerAlignment layers = align({base, packages, app}, {base, packages, app, curl});
        QVERIFY(!layers.identical());
        QCOMPARE(layers.sharedLeading, 3);
        QCOMPARE(layers.sharedCount(), 3);
        QVERIFY(layers.onlyA().isEmpty());
        QCOMPARE(layers.onlyB(), QList<int>{3});
        QVERIFY(layers.moved().isEmpty());
        QCOMPARE(layers.compressedDelta(), 1'234'567);
        QCOMPARE(layers.b.at(3).match, LayerMatch::None);
        QCOMPARE(layers.b.at(3).counterpart, -1);
        QCOMPARE(layers.describe(),
                 (QStringList{QStringLiteral("layers: 3 → 4, 3 shared (3 leading)"),
                              QStringLiteral("compressed: 43.50 MB → 44.73 MB (+1.23 MB)"),
                              u"+ #3: " + shortBlob(5)
                                  + u" 1.23 MB RUN /bin/sh -c apt-get install -y curl # buildkit"}));

        // Uncompressed figures once every layer's size is known.
        QVERIFY(!layers.uncompressedDelta());
        const qint64 tars[] = {80'000'000, 30'000'000, 6'000'000, 3'000'000};
        for (int i = 0; i < 3; ++i)
            layers.a[i].layer.uncompressedSize = tars[i];
        QVERIFY(!layers.uncompressedDelta()); // b's last is still unknown
        QCOMPARE(layers.uncompressedSizeA(), std::optional<qint64>(116'000'000));
        for (int i = 0; i < 4; ++i)
            layers.b[i].layer.uncompressedSize = tars[i];
        QCOMPARE(layers.uncompressedDelta(), std::optional<qint64>(3'000'000));
        QCOMPARE(layers.describe().at(2), QStringLiteral("uncompressed: 116.00 MB → 119.00 MB (+3.00 MB)"));
    }

    void baseChanged()
    {
        const LayerSpec newBase{6, 6, 30'000'000, QStringLiteral("/bin/sh -c #(nop) ADD file:77ee in / ")};
        const LayerSpec newPackages{7, 7, 12'100'000, packages.command};
        const LayerSpec newApp{8, 8, 2'500'000, app.command};
        const image::LayerAlignment layers = align({base, packages, app}, {newBase, newPackages, newApp});
        QCOMPARE(layers.sharedLeading, 0);
        QCOMPARE(layers.sharedCount(), 0);
        QCOMPARE(layers.onlyA(), (QList<int>{0, 1, 2}));
        QCOMPARE(layers.onlyB(), (QList<int>{0, 1, 2}));
        QCOMPARE(layers.compressedDelta(), 1'100'000);
        QCOMPARE(layers.describe(),
                 (QStringList{QStringLiteral("layers: 3 → 3, 0 shared (0 leading)"),
                              QStringLiteral("compressed: 43.50 MB → 44.60 MB (+1.10 MB)"),
                              u"- #0: " + shortBlob(1) + u" 29.00 MB ADD file:1c2d in /",
                              u"- #1: " + shortBlob(2) + u" 12.00 MB RUN /bin/sh -c apt-get install -y ca-certificates # buildkit",
                              u"- #2: " + shortBlob(3) + u" 2.50 MB COPY server /app/server # buildkit",
                              u"+ #0: " + shortBlob(6) + u" 30.00 MB ADD file:77ee in /",
                              u"+ #1: " + shortBlob(7) + u" 12.10 MB RUN /bin/sh -c apt-get install -y ca-certificates # buildkit",
                              u"+ #2: " + shortBlob(8) + u" 2.50 MB COPY server /app/server # buildkit"}));
    }

    // The same tars gzip'ed again (another compressor or level): other blobs, same diff IDs.
    void sameContentRecompressed()
    {
        const LayerSpec packagesAgain{9, packages.diffId, 11'800'000, packages.command};
        const LayerSpec appAgain{10, app.diffId, 2'400'000, app.command};
        const image::LayerAlignment layers = align({base, packages, app}, {base, packagesAgain, appAgain});
        QVERIFY(!layers.identical());
        QCOMPARE(layers.sharedLeading, 3);
        QCOMPARE(layers.sharedCount(), 3);
        QCOMPARE(layers.a.at(0).match, LayerMatch::SameDigest);
        QCOMPARE(layers.a.at(1).match, LayerMatch::SameDiffId);
        QCOMPARE(layers.b.at(2).match, LayerMatch::SameDiffId);
        QCOMPARE(layers.recompressed(), (QList<std::pair<int, int>>{{1, 1}, {2, 2}}));
        QVERIFY(layers.onlyA().isEmpty());
        QVERIFY(layers.onlyB().isEmpty());
        QCOMPARE(layers.compressedDelta(), -300'000);
        QCOMPARE(layers.describe(),
                 (QStringList{QStringLiteral("layers: 3 → 3, 3 shared (3 leading)"),
                              QStringLiteral("compressed: 43.50 MB → 43.20 MB (-300.00 kB)"),
                              u"recompressed #1: " + shortBlob(2) + u" → " + shortBlob(9),
                              u"recompressed #2: " + shortBlob(3) + u" → " + shortBlob(10)}));
    }

    void layerMoved()
    {
        const image::LayerAlignment layers =
            align({base, packages, app, settings}, {base, app, packages, settings});
        QCOMPARE(layers.sharedLeading, 1);
        QCOMPARE(layers.sharedCount(), 4);
        QCOMPARE(layers.moved(), (QList<std::pair<int, int>>{{1, 2}, {2, 1}}));
        QCOMPARE(layers.a.at(3).counterpart, 3); // shared at its place, after the move
        QVERIFY(layers.onlyA().isEmpty());
        QVERIFY(layers.onlyB().isEmpty());
        QCOMPARE(layers.describe().mid(2),
                 (QStringList{u"moved #1 → #2: " + shortBlob(2)
                                  + u" 12.00 MB RUN /bin/sh -c apt-get install -y ca-certificates # buildkit",
                              u"moved #2 → #1: " + shortBlob(3) + u" 2.50 MB COPY server /app/server # buildkit"}));
    }

    void layerInsertedInTheMiddle()
    {
        const image::LayerAlignment layers = align({base, packages, app}, {base, curl, packages, app});
        QCOMPARE(layers.sharedLeading, 1);
        QCOMPARE(layers.onlyB(), QList<int>{1});
        QCOMPARE(layers.moved(), (QList<std::pair<int, int>>{{1, 2}, {2, 3}}));
    }

    // A layer that appears twice (an empty tar written by two steps) pairs once per copy.
    void repeatedLayersPairInOrder()
    {
        const LayerSpec empty1{11, 11, 32, QStringLiteral("WORKDIR /app")};
        const LayerSpec empty2{11, 11, 32, QStringLiteral("WORKDIR /srv")};
        const image::LayerAlignment layers =
            align({base, empty1, packages, empty2}, {base, empty1, curl, empty2});
        QCOMPARE(layers.sharedLeading, 2);
        QCOMPARE(layers.a.at(3).counterpart, 3);
        QCOMPARE(layers.onlyA(), QList<int>{2});
        QCOMPARE(layers.onlyB(), QList<int>{2});
        QVERIFY(layers.moved().isEmpty());
        // One copy only in b: its first copy pairs with a's, the second is b's alone.
        const image::LayerAlignment more = align({base, packages, empty1}, {base, empty1, app, empty2});
        QCOMPARE(more.a.at(2).counterpart, 1);
        QCOMPARE(more.onlyB(), (QList<int>{2, 3}));
    }

    // A blob found by digest wins over one that only shares the diff ID.
    void sameDigestBeforeSameDiffId()
    {
        const LayerSpec appRecompressed{12, app.diffId, 2'400'000, app.command};
        const image::LayerAlignment layers = align({base, packages, app}, {base, curl, appRecompressed, app});
        QCOMPARE(layers.a.at(2).counterpart, 3);
        QCOMPARE(layers.a.at(2).match, LayerMatch::SameDigest);
        QCOMPARE(layers.onlyB(), (QList<int>{1, 2}));
    }

    void json()
    {
        const LayerSpec appAgain{10, app.diffId, 2'400'000, app.command};
        image::LayerAlignment layers = align({base, app}, {base, appAgain, curl});
        layers.b[2].layer.uncompressedSize = 4'000'000;
        const QJsonObject json = layers.toJson();
        QCOMPARE(json.value(QLatin1String("layerCountA")).toInt(), 2);
        QCOMPARE(json.value(QLatin1String("layerCountB")).toInt(), 3);
        QCOMPARE(json.value(QLatin1String("sharedCount")).toInt(), 2);
        QCOMPARE(json.value(QLatin1String("sharedLeading")).toInt(), 2);
        QCOMPARE(json.value(QLatin1String("compressedDelta")).toInteger(), 1'134'567);
        QVERIFY(!json.contains(QLatin1String("uncompressedDelta")));
        const QJsonArray b = json.value(QLatin1String("b")).toArray();
        QCOMPARE(b.size(), 3);
        QCOMPARE(b.at(1).toObject(),
                 (QJsonObject{{QStringLiteral("index"), 1},
                              {QStringLiteral("digest"), samples::blobDigest(10)},
                              {QStringLiteral("diffId"), samples::diffIdDigest(app.diffId)},
                              {QStringLiteral("mediaType"), QStringLiteral("application/vnd.oci.image.layer.v1.tar+gzip")},
                              {QStringLiteral("size"), 2'400'000},
                              {QStringLiteral("createdBy"), app.command},
                              {QStringLiteral("match"), QStringLiteral("diffId")},
                              {QStringLiteral("counterpart"), 1}}));
        QCOMPARE(b.at(2).toObject().value(QLatin1String("match")).toString(), QStringLiteral("none"));
        QVERIFY(!b.at(2).toObject().contains(QLatin1String("counterpart")));
        QCOMPARE(b.at(2).toObject().value(QLatin1String("uncompressedSize")).toInteger(), 4'000'000);
    }

    void sizeTexts()
    {
        QCOMPARE(image::diffSizeText(999), QStringLiteral("999 bytes"));
        QCOMPARE(image::diffSizeText(1'234'567), QStringLiteral("1.23 MB"));
        QCOMPARE(image::diffSizeText(-1'200, true), QStringLiteral("-1.20 kB"));
        QCOMPARE(image::diffSizeText(-1'200), QStringLiteral("-1.20 kB"));
        QCOMPARE(image::diffSizeText(0, true), QStringLiteral("+0 bytes"));
    }

    // Pairing is hash lookups: two 5000-layer images (beyond any real image) stay quick.
    void manyLayers()
    {
        QList<image::LayerFacts> a;
        QList<image::LayerFacts> b;
        for (int i = 0; i < 5000; ++i) {
            image::LayerFacts layer;
            layer.digest = oci::Digest::sha256Of(QByteArray::number(i));
            layer.size = 10;
            a.append(layer);
            b.prepend(layer);
        }
        QElapsedTimer timer;
        timer.start();
        const image::LayerAlignment layers = image::alignLayers(a, b);
        qInfo("5000 reversed layers aligned in %lld ms", qint64(timer.elapsed()));
        QCOMPARE(layers.sharedCount(), 5000);
        QCOMPARE(layers.moved().size(), 5000);
        QCOMPARE(layers.a.at(0).counterpart, 4999);
    }
};

QTEST_GUILESS_MAIN(TestLayerAlignment)
#include "tst_layeralignment.moc"
