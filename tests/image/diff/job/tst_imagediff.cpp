// The job's values without a registry: one platform pair compared from layers written as
// tar (../files/difflayers.h) and read by the layer reader, the text report and JSON, the
// binary form the disk cache keeps (exact round trip, damaged forms refused), and
// ImageDiffCache's memory and disk bounds.
#include "image/diff/files/filedifffilter.h"
#include "image/diff/job/comparepair.h"
#include "image/diff/job/imagediffcache.h"
#include "image/layer/bytesource.h"
#include "image/layer/layerstream.h"
#include "oci/manifest/imageconfig.h"
#include "../files/difflayers.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace image;

namespace {

LayerIndex readTar(const QByteArray &tar)
{
    MemorySource source(tar);
    auto index = readLayerIndex(source, oci::Digest::sha256Of(tar), ReadOptions());
    if (!index.ok()) {
        qCritical("layer not read: %s", qPrintable(index.error().describe()));
        return {};
    }
    return *index;
}

QByteArray configJson(const QStringList &env, int layers)
{
    QJsonArray diffIds;
    QJsonArray history;
    for (int i = 0; i < layers; ++i) {
        diffIds.append(oci::Digest::sha256Of(QByteArray::number(i)).toString());
        history.append(QJsonObject{{QStringLiteral("created_by"), QStringLiteral("step %1").arg(i)}});
    }
    const QJsonObject config{
        {QStringLiteral("architecture"), QStringLiteral("amd64")},
        {QStringLiteral("os"), QStringLiteral("linux")},
        {QStringLiteral("config"), QJsonObject{{QStringLiteral("Env"), QJsonArray::fromStringList(env)}}},
        {QStringLiteral("rootfs"), QJsonObject{{QStringLiteral("type"), QStringLiteral("layers")},
                                               {QStringLiteral("diff_ids"), diffIds}}},
        {QStringLiteral("history"), history}};
    return QJsonDocument(config).toJson(QJsonDocument::Compact);
}

// One side of a pair: its layers as tar, its config's variables.
void fillSide(const QList<QByteArray> &tars, const QStringList &env, ImageLayers &image,
              QList<LayerIndex> &indexes, QByteArray &manifest, QByteArray &config)
{
    config = configJson(env, int(tars.size()));
    QJsonArray layers;
    for (const QByteArray &tar : tars) {
        layers.append(QJsonObject{{QStringLiteral("mediaType"),
                                   QStringLiteral("application/vnd.oci.image.layer.v1.tar")},
                                  {QStringLiteral("digest"), oci::Digest::sha256Of(tar).toString()},
                                  {QStringLiteral("size"), tar.size()}});
        indexes.append(readTar(tar));
    }
    manifest = QJsonDocument(QJsonObject{{QStringLiteral("schemaVersion"), 2},
                                         {QStringLiteral("layers"), layers}})
                   .toJson(QJsonDocument::Compact);
    auto descriptors = oci::Descriptor::listFromJson(layers, u"layers");
    QVERIFY(descriptors.ok());
    image.layers = descriptors.value();
    image.manifestDigest = oci::Digest::sha256Of(manifest);
    image.platform = QStringLiteral("linux/amd64");
    auto parsed = oci::ImageConfig::parse(config);
    QVERIFY(parsed.ok());
    image.config = std::make_shared<const oci::ImageConfig>(parsed.value());
}

PairInput knownPair()
{
    PairInput input;
    fillSide({difflayers::baseLayer()}, {QStringLiteral("PATH=/bin")}, input.a, input.indexesA,
             input.manifestA, input.configA);
    fillSide({difflayers::baseLayer(), difflayers::changeLayer()},
             {QStringLiteral("PATH=/bin"), QStringLiteral("MODE=prod")}, input.b, input.indexesB,
             input.manifestB, input.configB);
    return input;
}

ImageDiff wrap(const PlatformDiff &pair)
{
    ImageDiff diff;
    diff.labelA = QStringLiteral("a");
    diff.labelB = QStringLiteral("b");
    diff.digestA = pair.summary.digestA;
    diff.digestB = pair.summary.digestB;
    diff.platforms << pair;
    return diff;
}

} // namespace

class TestImageDiff final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aPairCompared()
    {
        const PairInput input = knownPair();
        const PlatformDiff pair = comparePair(input);
        QCOMPARE(filtered(pair.files, FileDiffFilter()).describe(), difflayers::expectedLines());
        QCOMPARE(pair.files.totals.mtimeOnly, 1);
        QVERIFY(pair.files.entries.at(pair.files.indexOf("etc/stamp")).isMtimeOnly());
        QCOMPARE(pair.config.changes.size(), 1);
        QCOMPARE(pair.config.changes.first().key, QStringLiteral("MODE"));
        QCOMPARE(pair.layers.onlyB(), QList<int>{1});
        QCOMPARE(pair.layers.a.first().layer.uncompressedSize, input.indexesA.first().tarBytes());
        QCOMPARE(pair.summary.filesAdded, pair.files.totals.added);
        QCOMPARE(pair.summary.filesChanged, pair.files.totals.changed);
        QCOMPARE(pair.summary.digestA, input.a.manifestDigest);
        QVERIFY(!pair.summary.sameConfig);
        QCOMPARE(pair.configB, input.configB);
        QVERIFY(!pair.noDifferences());

        // The same side twice: nothing, not even mtime.
        PairInput same = input;
        same.b = input.a;
        same.indexesB = input.indexesA;
        same.manifestB = input.manifestA;
        same.configB = input.configA;
        const PlatformDiff none = comparePair(same);
        QVERIFY(none.noDifferences());
        QVERIFY(none.files.entries.isEmpty());
        QVERIFY(none.summary.sameConfig);
        QCOMPARE(describeImageDiff(wrap(none)).last(), QStringLiteral("no differences"));
    }

    void theReport()
    {
        ImageDiff diff = wrap(comparePair(knownPair()));
        diff.platformsOnlyInB << QStringLiteral("linux/arm64/v8");
        const QStringList lines = describeImageDiff(diff);
        QCOMPARE(lines.at(0), u"A: a " + diff.digestA.shortString());
        QCOMPARE(lines.at(2), QStringLiteral("only in B: linux/arm64/v8"));
        QCOMPARE(lines.at(3), QStringLiteral("== linux/amd64 =="));
        QVERIFY(lines.contains(QStringLiteral("Config:")));
        QVERIFY(lines.contains(QStringLiteral("  + env MODE=prod")));
        QVERIFY(lines.contains(QStringLiteral("Layers:")));
        QCOMPARE(lines.last(), QStringLiteral("  (1 path differs only by mtime, not shown)"));
        // Collapsed: the files under the added usr/share/ are on its line.
        QVERIFY(!lines.contains(QStringLiteral("  + usr/share/doc/pkg/README (1 B)")));

        DiffReportOptions filesOnly;
        filesOnly.filesOnly = true;
        filesOnly.collapse = false;
        filesOnly.showMtimeOnly = true;
        const QStringList files = describeImageDiff(diff, filesOnly);
        QVERIFY(!files.contains(QStringLiteral("Config:")));
        QVERIFY(files.contains(QStringLiteral("  + usr/share/doc/pkg/README (1 B)")));
        QCOMPARE(files.filter(QStringLiteral("etc/stamp")).size(), 1);

        const QJsonObject json = diff.toJson();
        QCOMPARE(json.value(u"platformsOnlyInB").toArray().size(), 1);
        QCOMPARE(json.value(u"noDifferences").toBool(true), false);
        const QJsonObject pair = json.value(u"platforms").toArray().first().toObject();
        QVERIFY(pair.contains(u"config") && pair.contains(u"layers") && pair.contains(u"files"));
        QCOMPARE(pair.value(u"configB").toObject().value(u"config").toObject().value(u"Env").toArray().size(), 2);
        const QJsonObject small = diff.toJson(true).value(u"platforms").toArray().first().toObject();
        QVERIFY(!small.contains(u"config") && !small.contains(u"manifestA"));
        QCOMPARE(small.value(u"files"), pair.value(u"files"));
    }

    void theBinaryFormRoundTrips()
    {
        const PlatformDiff pair = comparePair(knownPair());
        const QByteArray bytes = serializePlatformDiff(pair);
        const std::optional<PlatformDiff> back = deserializePlatformDiff(bytes);
        QVERIFY(back);
        QCOMPARE(serializePlatformDiff(*back), bytes);
        QCOMPARE(back->files.describe(), pair.files.describe());
        QCOMPARE(back->files.toJson(), pair.files.toJson());
        QCOMPARE(back->config.changes, pair.config.changes);
        QCOMPARE(back->config.history, pair.config.history);
        QCOMPARE(back->layers.a, pair.layers.a);
        QCOMPARE(back->layers.b, pair.layers.b);
        QCOMPARE(back->summary.toJson(), pair.summary.toJson());
        QCOMPARE(back->manifestB, pair.manifestB);
        QCOMPARE(back->configA, pair.configA);
        const int tool = pair.files.indexOf("usr/bin/tool");
        QCOMPARE(back->files.entries.at(tool).b.hash, pair.files.entries.at(tool).b.hash);
        QCOMPARE(back->files.entries.at(tool).b.ordinal, pair.files.entries.at(tool).b.ordinal);

        QVERIFY(!deserializePlatformDiff(bytes.left(bytes.size() / 2)));
        QVERIFY(!deserializePlatformDiff(bytes + "x"));
        QByteArray otherVersion = bytes;
        otherVersion[7] = char(otherVersion[7] + 1);
        QVERIFY(!deserializePlatformDiff(otherVersion));
        QVERIFY(!deserializePlatformDiff({}));
    }

    void theCacheBounds()
    {
        QTemporaryDir folder;
        QVERIFY(folder.isValid());
        const PlatformDiff pair = comparePair(knownPair());
        const auto digest = [](int i) { return oci::Digest::sha256Of(QByteArray::number(i)); };
        // Entries keyed by their own summary digests, as the job stores them.
        const auto entry = [&](int i) {
            PlatformDiff copy = pair;
            copy.summary.digestA = digest(i);
            copy.summary.digestB = digest(i + 100);
            return std::make_shared<const PlatformDiff>(copy);
        };
        ImageDiffCache cache(folder.path(), 2, 3);
        for (int i = 0; i < 4; ++i)
            cache.insert(digest(i), digest(i + 100), entry(i));
        QCOMPARE(cache.memoryCount(), 2);
        QCOMPARE(QDir(folder.path()).entryList({QStringLiteral("*.diff")}, QDir::Files).size(), 3);
        QVERIFY(cache.find(digest(3), digest(103)));           // memory
        QVERIFY(!cache.find(digest(103), digest(3)));          // the other direction
        auto fromDisk = cache.find(digest(1), digest(101));     // evicted from memory, on disk
        QVERIFY(fromDisk);
        QCOMPARE(fromDisk->files.describe(), pair.files.describe());

        ImageDiffCache memoryOnly({}, 1);
        memoryOnly.insert(digest(1), digest(101), entry(1));
        memoryOnly.insert(digest(2), digest(102), entry(2));
        QVERIFY(!memoryOnly.find(digest(1), digest(101)));
        QVERIFY(memoryOnly.find(digest(2), digest(102)));

        // A file answering for another pair (copied over) is not believed.
        ImageDiffCache fresh(folder.path());
        const QStringList files = QDir(folder.path()).entryList({QStringLiteral("*.diff")}, QDir::Files);
        for (const QString &name : files)
            QFile::remove(folder.filePath(name));
        cache.insert(digest(7), digest(107), entry(1));
        const QStringList written = QDir(folder.path()).entryList({QStringLiteral("*.diff")}, QDir::Files);
        QCOMPARE(written.size(), 1);
        QVERIFY(!fresh.find(digest(7), digest(107)));
    }
};

QTEST_GUILESS_MAIN(TestImageDiff)
#include "tst_imagediff.moc"
