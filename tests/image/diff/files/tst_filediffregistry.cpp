// Two images built by umoci that differ by the known set of files (difflayers.h), pushed by
// skopeo to the real registry, read back layer by layer through LayerReader: the diff of
// their merged trees reports exactly that set, agrees with what `umoci unpack` extracted
// for each, and an image compared with itself reports nothing.
#include "image/diff/files/filediff.h"
#include "image/fs/mergedfilesystem.h"
#include "image/reader/layercache.h"
#include "image/reader/layerreader.h"
#include "oci/manifest/descriptor.h"
#include "support/clientharness.h"
#include "support/fixtures.h"
#include "support/registryprocess.h"
#include "support/toolrunner.h"
#include "difflayers.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace image;
using namespace difflayers;

namespace {

struct ReadImage
{
    QList<LayerIndex> indexes;
    int fromCache = 0; // layers the cache already had
};

// Every layer of `image` through the registry into `cache`; failures as QTest failures.
void readLayers(ClientHarness &harness, LayerCache &cache, const SeededImage &image, ReadImage *out)
{
    const QJsonArray layers =
        QJsonDocument::fromJson(image.manifest).object().value(u"layers").toArray();
    auto descriptors = oci::Descriptor::listFromJson(layers, u"layers");
    QVERIFY_RESULT(descriptors);
    for (const oci::Descriptor &layer : descriptors.value()) {
        std::unique_ptr<LayerReader> reader(
            LayerReader::fromRegistry(harness.client(), image.repository, layer, &cache));
        QSignalSpy finished(reader.get(), &oci::Job::finished);
        QVERIFY(finished.wait(60000));
        QVERIFY2(reader->succeeded(), qPrintable(reader->error().describe()));
        QCOMPARE(reader->index().digest(), layer.digest());
        out->indexes.append(reader->index());
        out->fromCache += reader->cameFromCache() ? 1 : 0;
    }
}

// What differs between two unpacked trees as umoci extracted them (rootless: owners and
// times are not kept, so only paths, types, modes, link targets and bytes are compared):
// "+ p", "- p", "~ p".
QStringList unpackedDifferences(const QString &rootA, const QString &rootB)
{
    const testsupport::Tree a = testsupport::lstatTree(rootA);
    const testsupport::Tree b = testsupport::lstatTree(rootB);
    auto bytes = [](const QString &path) {
        QFile file(path);
        return file.open(QIODevice::ReadOnly)
            ? QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256)
            : QByteArray();
    };
    QStringList out;
    for (auto it = a.cbegin(); it != a.cend(); ++it) {
        if (!b.contains(it.key())) {
            out << u"- " + it.key();
            continue;
        }
        const testsupport::TreeEntry &other = b.value(it.key());
        bool differs = it->describe() != other.describe();
        if (!differs && it->type == u"file")
            differs = bytes(rootA + u'/' + it.key()) != bytes(rootB + u'/' + it.key());
        if (differs)
            out << u"~ " + it.key();
    }
    for (auto it = b.cbegin(); it != b.cend(); ++it) {
        if (!a.contains(it.key()))
            out << u"+ " + it.key();
    }
    out.sort();
    return out;
}

} // namespace

class TestFileDiffRegistry final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void twoUmociImagesThroughTheRegistry()
    {
        REQUIRE_REGISTRY_TOOLS();
        RegistryProcess registry(RegistryProcess::Auth::Anonymous);
        QVERIFY2(registry.start(), qPrintable(registry.errorString()));
        Fixtures fixtures(registry);
        auto scratch = testsupport::makeScratchDir(QStringLiteral("lading-filediff"));
        QVERIFY(scratch && scratch->isValid());
        QVERIFY(QDir().mkpath(scratch->filePath(QStringLiteral("a"))));
        QVERIFY(QDir().mkpath(scratch->filePath(QStringLiteral("b"))));

        auto builtA = testsupport::buildUmociImage(scratch->filePath(QStringLiteral("a")), {baseLayer()});
        QVERIFY_RESULT(builtA);
        auto builtB = testsupport::buildUmociImage(scratch->filePath(QStringLiteral("b")),
                                                   {baseLayer(), changeLayer()});
        QVERIFY_RESULT(builtB);
        const QString repository = QStringLiteral("diff/files");
        auto pushedA = fixtures.pushFrom(builtA->skopeoReference(), repository, QStringLiteral("1.0"));
        QVERIFY_RESULT(pushedA);
        auto pushedB = fixtures.pushFrom(builtB->skopeoReference(), repository, QStringLiteral("1.1"));
        QVERIFY_RESULT(pushedB);
        QVERIFY(pushedA->digest != pushedB->digest);
        QCOMPARE(pushedB->layers.size(), 2);

        ClientHarness harness(registry);
        LayerCacheOptions cacheOptions;
        cacheOptions.directory = scratch->filePath(QStringLiteral("cache"));
        LayerCache cache(cacheOptions);
        ReadImage a;
        readLayers(harness, cache, *pushedA, &a);
        if (QTest::currentTestFailed())
            return;
        ReadImage b;
        readLayers(harness, cache, *pushedB, &b);
        if (QTest::currentTestFailed())
            return;
        // umoci compresses the same tar to the same blob: the shared base is read once.
        if (pushedA->layers.first() == pushedB->layers.first())
            QCOMPARE(b.fromCache, 1);

        const MergedFilesystem fsA = MergedFilesystem::build(a.indexes);
        const MergedFilesystem fsB = MergedFilesystem::build(b.indexes);
        const FileDiff diff = diffFilesystems(fsA, fsB);
        QCOMPARE(diff.describe(), expectedLines());
        QCOMPARE(diff.totals.mtimeOnly, 1);
        QCOMPARE(diff.totals.netBytes(), fsB.visibleBytes() - fsA.visibleBytes());
        QCOMPARE(diff.contentLayerDigest(diff.entries.at(diff.indexOf("usr/bin/tool")), true),
                 pushedB->layers.at(1));

        // The independent view: umoci's own unpacked trees differ in the same paths, less
        // what a rootless unpack cannot show (an owner-only change).
        QStringList listed;
        for (const FileChange &change : diff.entries) {
            if (change.kind == FileChangeKind::Changed && change.flags == FileChangeFlag::Owner)
                continue;
            const QChar sign = change.kind == FileChangeKind::Added     ? u'+'
                               : change.kind == FileChangeKind::Removed ? u'-'
                                                                        : u'~';
            listed << sign + (u' ' + QString::fromUtf8(change.path));
        }
        listed.sort();
        QCOMPARE(listed, unpackedDifferences(builtA->rootfs, builtB->rootfs));

        // An image compared with itself, read again (from the cache, under another tag).
        auto again = fixtures.pushFrom(builtB->skopeoReference(), repository, QStringLiteral("same"));
        QVERIFY_RESULT(again);
        QCOMPARE(again->digest, pushedB->digest);
        ReadImage b2;
        readLayers(harness, cache, *again, &b2);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(b2.fromCache, 2);
        FileDiffOptions all;
        all.includeMtimeOnly = true;
        const FileDiff same = diffFilesystems(fsB, MergedFilesystem::build(b2.indexes), all);
        QVERIFY2(same.entries.isEmpty(), qPrintable(same.describe().join(u'\n')));
        QVERIFY(same.isEmpty());
        QCOMPARE(same.totals.mtimeOnly, 0);
        QVERIFY(diffFilesystems(fsA, fsA, all).entries.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestFileDiffRegistry)
#include "tst_filediffregistry.moc"
