// ImageDiffJob against reality: two images built by umoci that differ by the known set of
// files (../files/difflayers.h) and by config changes made with `umoci config`, pushed by
// skopeo to the real registry; the same image against itself; a tarball skopeo wrote
// (oci-archive and docker-archive) against its pushed copy; a two-platform index
// platform by platform; and the second diff of a pair from the cache, timed.
#include "image/diff/job/imagediffcache.h"
#include "image/diff/job/imagediffjob.h"
#include "image/diff/files/filedifffilter.h"
#include "image/reader/layercache.h"
#include "oci/cache/contentcache.h"
#include "oci/inspect/contentfetcher.h"
#include "support/clientharness.h"
#include "support/fixtures.h"
#include "support/registryprocess.h"
#include "support/toolrunner.h"
#include "diffimages.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QFuture>
#include <QJsonArray>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace image;

namespace {

// "env:added:MODE" for each config change: what the test expects, in diffConfigs' order.
QStringList changeKeys(const ConfigDiff &diff)
{
    QStringList keys;
    for (const ConfigChange &change : diff.changes)
        keys << configFieldName(change.field) + u':' + configChangeKindName(change.kind) + u':'
                    + change.key;
    return keys;
}

} // namespace

class TestImageDiffJob final : public QObject
{
    Q_OBJECT

private:
    diffimages::Rig m_rig;

    DiffImageRef registryRef(const SeededImage &image) const
    {
        return DiffImageRef::fromRegistry(m_rig.fetcher.get(), image.repository, image.tag,
                                          image.reference());
    }

    // Runs a job to the end; the result, or a QTest failure.
    std::optional<ImageDiff> run(const DiffImageRef &a, const DiffImageRef &b,
                                 ImageDiffOptions options = {}, ImageDiffProgress *last = nullptr,
                                 LayerCache *layers = nullptr)
    {
        std::unique_ptr<ImageDiffJob> job(ImageDiffJob::start(
            a, b, layers ? layers : m_rig.layers.get(), std::move(options)));
        QList<ImageDiffProgress> seen;
        connect(job.get(), &ImageDiffJob::progress, this,
                [&seen](const ImageDiffProgress &p) { seen << p; });
        if (!ClientHarness::wait(job.get(), 120000)) {
            qWarning("the diff did not finish");
            return std::nullopt;
        }
        if (!job->succeeded()) {
            qWarning("%s", qPrintable(job->error().describe()));
            return std::nullopt;
        }
        if (last && !seen.isEmpty())
            *last = seen.last();
        return job->result();
    }

private Q_SLOTS:
    void initTestCase()
    {
        REQUIRE_REGISTRY_TOOLS();
        // B's config: a variable, a label, the user and the working directory.
        QVERIFY2(m_rig.start(QStringLiteral("lading-diffjob"), QStringLiteral("diff/job"),
                             {QStringLiteral("--config.env"), QStringLiteral("MODE=prod"),
                              QStringLiteral("--config.label"), QStringLiteral("version=1.1"),
                              QStringLiteral("--config.user"), QStringLiteral("app"),
                              QStringLiteral("--config.workingdir"), QStringLiteral("/srv")}),
                 qPrintable(m_rig.error));
    }

    void cleanupTestCase()
    {
        m_rig.stop();
    }

    void theKnownSetThroughTheRegistry()
    {
        ImageDiffProgress progress;
        const std::optional<ImageDiff> diff = run(registryRef(m_rig.a), registryRef(m_rig.b), {}, &progress);
        QVERIFY(diff);
        QCOMPARE(diff->digestA, m_rig.a.digest);
        QCOMPARE(diff->digestB, m_rig.b.digest);
        QVERIFY(!diff->noDifferences());
        QVERIFY(diff->platformsOnlyInA.isEmpty() && diff->platformsOnlyInB.isEmpty());
        QCOMPARE(diff->platforms.size(), 1);
        const PlatformDiff &pair = diff->platforms.first();
        QVERIFY(!pair.fromCache);

        // Files: exactly the set; the mtime-only path listed in the raw diff, hidden by the
        // default filter and counted.
        QCOMPARE(filtered(pair.files, FileDiffFilter()).describe(), difflayers::expectedLines());
        QCOMPARE(pair.files.totals.mtimeOnly, 1);
        const int stamp = pair.files.indexOf("etc/stamp");
        QVERIFY(stamp >= 0);
        QVERIFY(pair.files.entries.at(stamp).isMtimeOnly());

        // Config: what umoci config changed, plus B's extra history entry.
        QCOMPARE(changeKeys(pair.config), (QStringList{QStringLiteral("env:added:MODE"),
                                                       QStringLiteral("label:added:version"),
                                                       QStringLiteral("user:added:"),
                                                       QStringLiteral("workingDir:added:")}));
        QVERIFY(pair.config.historyChanged());

        // Layers: the base shared (and read once: 2 distinct blobs for 3 layers), B's top
        // layer its own.
        QCOMPARE(pair.layers.sharedLeading, 1);
        QCOMPARE(pair.layers.onlyB(), QList<int>{1});
        QVERIFY(pair.layers.onlyA().isEmpty());
        QCOMPARE(progress.layersTotal, 2);
        QCOMPARE(progress.layersDone, 2);
        QCOMPARE(progress.stage, ImageDiffProgress::Stage::Done);
        QVERIFY(progress.bytesDone > 0);
        QCOMPARE(progress.bytesDone, progress.bytesTotal);

        // The summary and the documents as fetched.
        QCOMPARE(pair.summary.filesAdded, pair.files.totals.added);
        QCOMPARE(pair.summary.filesRemoved, 4); // etc/old.conf, var/old/ and its two files
        QCOMPARE(pair.summary.configKeysChanged, pair.config.changedKeyCount());
        QVERIFY(pair.summary.uncompressedSizeA.has_value());
        QCOMPARE(pair.manifestA, m_rig.a.manifest);
        QCOMPARE(pair.manifestB, m_rig.b.manifest);
        QCOMPARE(pair.configA, m_rig.a.config);
        QCOMPARE(pair.configB, m_rig.b.config);

        // The report and the JSON hold the same.
        const QStringList report = describeImageDiff(*diff);
        QVERIFY(report.contains(QStringLiteral("Files:")));
        QVERIFY(report.contains(QStringLiteral("  + etc/new.conf (12 B)")));
        QVERIFY(report.contains(QStringLiteral("  (1 path differs only by mtime, not shown)")));
        QVERIFY(!report.contains(QStringLiteral("no differences")));
        const QJsonObject json = diff->toJson();
        QCOMPARE(json.value(u"noDifferences").toBool(true), false);
        const QJsonObject first = json.value(u"platforms").toArray().first().toObject();
        QCOMPARE(first.value(u"configB").toObject().value(u"config").toObject().value(u"User").toString(),
                 QStringLiteral("app"));
    }

    void anImageWithItselfHasNoDifferences()
    {
        auto again = m_rig.fixtures->pushFrom(QStringLiteral("docker://") + m_rig.registry->host() + u"/"
                                              + m_rig.b.reference(),
                                          QStringLiteral("diff/other"), QStringLiteral("copy"),
                                          m_rig.fixtures->skopeoCopySourceOptions());
        QVERIFY_RESULT(again);
        const std::optional<ImageDiff> diff = run(registryRef(m_rig.b), registryRef(*again));
        QVERIFY(diff);
        QVERIFY(diff->noDifferences());
        QCOMPARE(diff->platforms.size(), 1);
        QVERIFY(diff->platforms.first().files.entries.isEmpty());
        QVERIFY(diff->platforms.first().config.isEmpty());
        QCOMPARE(describeImageDiff(*diff).last(), QStringLiteral("no differences"));
    }

    void aTarballAgainstItsPushedCopy_data()
    {
        QTest::addColumn<QString>("transport");
        QTest::newRow("oci-archive") << QStringLiteral("oci-archive");
        QTest::newRow("docker-archive") << QStringLiteral("docker-archive");
        QTest::newRow("oci-archive, gzip'ed") << QStringLiteral("oci-archive.gz");
    }

    void aTarballAgainstItsPushedCopy()
    {
        QFETCH(QString, transport);
        const bool gzipped = transport.endsWith(u".gz");
        if (gzipped)
            transport.chop(3);
        QString file = m_rig.scratch->filePath(transport + (gzipped ? u"-gz.tar" : u".tar"));
        QStringList arguments{QStringLiteral("copy"), QStringLiteral("--quiet")};
        arguments << m_rig.fixtures->skopeoCopySourceOptions()
                  << QStringLiteral("docker://") + m_rig.registry->host() + u'/' + m_rig.b.reference() << transport + u':' + file
                         + (transport == u"docker-archive" ? QStringLiteral(":diff/job:1.1") : QString());
        const testsupport::ToolResult copied = testsupport::runTool(
            testsupport::findTool(QStringLiteral("skopeo")), arguments, 120000,
            Fixtures::toolEnvironment());
        QVERIFY2(copied.ok(), qPrintable(copied.describe()));
        if (gzipped) {
            const testsupport::ToolResult zipped = testsupport::runTool(
                testsupport::findTool(QStringLiteral("gzip")), {file});
            QVERIFY2(zipped.ok(), qPrintable(zipped.describe()));
            file += u".gz";
        }
        const std::optional<LocalReference> local = parseLocalReference(file);
        QVERIFY(local);
        // A cache of this test's own: the file's layers are read from it, not found cached.
        LayerCacheOptions layerOptions;
        layerOptions.directory = m_rig.scratch->filePath(u"layers-" + QFileInfo(file).fileName());
        LayerCache layers(layerOptions);

        for (const bool localFirst : {true, false}) {
            const DiffImageRef tarball = DiffImageRef::fromLocal(*local);
            const std::optional<ImageDiff> diff =
                localFirst ? run(tarball, registryRef(m_rig.b), {}, nullptr, &layers)
                           : run(registryRef(m_rig.b), tarball, {}, nullptr, &layers);
            QVERIFY(diff);
            QVERIFY2(diff->noDifferences(), qPrintable(describeImageDiff(*diff).join(u'\n')));
            QCOMPARE(diff->platforms.size(), 1);
            QVERIFY(diff->platforms.first().files.entries.isEmpty());
            QVERIFY(diff->platforms.first().summary.sameConfig);
        }
        // And against A: the known set again, read from the file; a changed file's bytes
        // read back on either side through the cache.
        // (A folder of its own: an index on disk whose layer was read from a file has no blob
        // in the store, and a registry read finding that index would not fetch it.)
        layerOptions.directory += u"-a";
        LayerCache againstA(layerOptions);
        const std::optional<ImageDiff> diff =
            run(registryRef(m_rig.a), DiffImageRef::fromLocal(*local), {}, nullptr, &againstA);
        QVERIFY(diff);
        const FileDiff &files = diff->platforms.first().files;
        QCOMPARE(filtered(files, FileDiffFilter()).describe(), difflayers::expectedLines());
        const FileChange &tool = files.entries.at(files.indexOf("usr/bin/tool"));
        for (const bool sideB : {false, true}) {
            QFuture<oci::Result<FileSlice>> read =
                againstA.readFile(files.contentLayerDigest(tool, sideB),
                                  (sideB ? tool.b : tool.a).ordinal, 0, 1024);
            QTRY_VERIFY_WITH_TIMEOUT(read.isFinished(), 20000);
            const oci::Result<FileSlice> slice = read.result();
            QVERIFY2(slice.ok(), slice.ok() ? "" : qPrintable(slice.error().describe()));
            QCOMPARE(slice->bytes, sideB ? QByteArray("tool v2\n") : QByteArray("tool v1\n"));
        }
    }

    void anIndexPlatformByPlatform()
    {
        auto index = m_rig.fixtures->pushIndex(QStringLiteral("diff/multi"), QStringLiteral("1"));
        QVERIFY_RESULT(index);
        auto single = m_rig.fixtures->pushOciImage(QStringLiteral("diff/single"), QStringLiteral("1"));
        QVERIFY_RESULT(single);
        QCOMPARE(index->platforms.size(), 2);

        // The index against itself: every platform paired, none differs.
        std::optional<ImageDiff> diff = run(registryRef(*index), registryRef(*index));
        QVERIFY(diff);
        QVERIFY(diff->indexA && diff->indexB);
        QCOMPARE(diff->platforms.size(), 2);
        QStringList paired;
        for (const PlatformDiff &pair : diff->platforms) {
            QCOMPARE(pair.platformA, pair.platformB);
            QVERIFY(pair.noDifferences());
            paired << pair.platformA;
        }
        QCOMPARE(paired, index->platforms);
        QVERIFY(diff->noDifferences());

        // A single linux/amd64 image against the index: that platform paired, the other
        // listed as B's alone.
        diff = run(registryRef(*single), registryRef(*index));
        QVERIFY(diff);
        QCOMPARE(diff->platforms.size(), 1);
        QCOMPARE(diff->platforms.first().platformB, QStringLiteral("linux/amd64"));
        QVERIFY(diff->platformsOnlyInA.isEmpty());
        QCOMPARE(diff->platformsOnlyInB.size(), 1);
        QVERIFY(diff->platformsOnlyInB.first().startsWith(u"linux/arm64"));
        QVERIFY(!diff->noDifferences());
        QVERIFY(describeImageDiff(*diff).contains(u"only in B: " + diff->platformsOnlyInB.first()));

        // A single linux/arm64 image (no variant) against the index's linux/arm64/v8: paired
        // by os/arch, the only arm64 on each side.
        const QString armDir = m_rig.scratch->filePath(QStringLiteral("arm"));
        QVERIFY(QDir().mkpath(armDir));
        auto arm = testsupport::buildUmociImage(armDir, {difflayers::baseLayer()});
        QVERIFY_RESULT(arm);
        const testsupport::ToolResult configured = testsupport::runTool(
            testsupport::findTool(QStringLiteral("umoci")),
            {QStringLiteral("config"), QStringLiteral("--image"), arm->image,
             QStringLiteral("--no-history"), QStringLiteral("--os"), QStringLiteral("linux"),
             QStringLiteral("--architecture"), QStringLiteral("arm64")},
            120000, Fixtures::toolEnvironment());
        QVERIFY2(configured.ok(), qPrintable(configured.describe()));
        auto pushedArm = m_rig.fixtures->pushFrom(arm->skopeoReference(), QStringLiteral("diff/arm"),
                                                  QStringLiteral("1"));
        QVERIFY_RESULT(pushedArm);
        const QString armVariant = index->platforms.filter(u"linux/arm64").value(0);
        QVERIFY2(armVariant.count(u'/') == 2, qPrintable(index->platforms.join(u", ")));
        diff = run(registryRef(*index), registryRef(*pushedArm));
        QVERIFY(diff);
        QCOMPARE(diff->platforms.size(), 1);
        QCOMPARE(diff->platforms.first().platformA, armVariant);
        QCOMPARE(diff->platforms.first().platformB, QStringLiteral("linux/arm64"));
        QCOMPARE(diff->platformsOnlyInA, QStringList{QStringLiteral("linux/amd64")});
        QVERIFY(describeImageDiff(*diff).contains(u"== " + armVariant + u" ↔ linux/arm64 =="));

        // One platform asked for.
        ImageDiffOptions options;
        options.platform = QStringLiteral("linux/arm64");
        diff = run(registryRef(*index), registryRef(*index), options);
        QVERIFY(diff);
        QCOMPARE(diff->platforms.size(), 1);
        QVERIFY(diff->platforms.first().platformA.startsWith(u"linux/arm64"));
        options.platform = QStringLiteral("windows/amd64");
        std::unique_ptr<ImageDiffJob> job(
            ImageDiffJob::start(registryRef(*index), registryRef(*index), m_rig.layers.get(), options));
        QVERIFY(ClientHarness::wait(job.get()));
        QVERIFY(!job->succeeded());
        QVERIFY2(job->error().describe().contains(u"windows/amd64"), qPrintable(job->error().describe()));
    }

    void theSecondDiffComesFromTheCache()
    {
        const QString folder = m_rig.scratch->filePath(QStringLiteral("diffs"));
        ImageDiffOptions options;
        options.cache = std::make_shared<ImageDiffCache>(folder);
        QElapsedTimer timer;
        timer.start();
        std::optional<ImageDiff> first = run(registryRef(m_rig.a), registryRef(m_rig.b), options);
        const qint64 firstMs = timer.elapsed();
        QVERIFY(first);
        QVERIFY(!first->platforms.first().fromCache);
        QCOMPARE(options.cache->memoryCount(), 1);

        timer.restart();
        std::optional<ImageDiff> memory = run(registryRef(m_rig.a), registryRef(m_rig.b), options);
        const qint64 memoryMs = timer.elapsed();
        QVERIFY(memory);
        QVERIFY(memory->platforms.first().fromCache);

        // A new cache over the same folder: what a second ladingctl run finds on disk.
        options.cache = std::make_shared<ImageDiffCache>(folder);
        QCOMPARE(options.cache->memoryCount(), 0);
        timer.restart();
        std::optional<ImageDiff> disk = run(registryRef(m_rig.a), registryRef(m_rig.b), options);
        const qint64 diskMs = timer.elapsed();
        QVERIFY(disk);
        QVERIFY(disk->platforms.first().fromCache);
        // The whole result survives the round trip.
        QCOMPARE(serializePlatformDiff(disk->platforms.first()),
                 serializePlatformDiff(first->platforms.first()));
        QCOMPARE(disk->toJson().value(u"platforms").toArray().first().toObject().value(u"files"),
                 first->toJson().value(u"platforms").toArray().first().toObject().value(u"files"));
        QCOMPARE(describeImageDiff(*disk), describeImageDiff(*first));
        // The other direction is another diff.
        std::optional<ImageDiff> reverse = run(registryRef(m_rig.b), registryRef(m_rig.a), options);
        QVERIFY(reverse);
        QVERIFY(!reverse->platforms.first().fromCache);
        qInfo("diff computed (layers in the layer cache) %lld ms; from the memory cache %lld ms; "
              "from the disk cache %lld ms",
              firstMs, memoryMs, diskMs);

        // A damaged file is a miss, not a wrong answer.
        const QStringList files = QDir(folder).entryList({QStringLiteral("*.diff")}, QDir::Files);
        QCOMPARE(files.size(), 2);
        for (const QString &name : files) {
            QFile file(folder + u'/' + name);
            QVERIFY(file.open(QIODevice::ReadWrite));
            file.resize(file.size() / 2);
        }
        options.cache = std::make_shared<ImageDiffCache>(folder);
        std::optional<ImageDiff> damaged = run(registryRef(m_rig.a), registryRef(m_rig.b), options);
        QVERIFY(damaged);
        QVERIFY(!damaged->platforms.first().fromCache);
        QCOMPARE(describeImageDiff(*damaged), describeImageDiff(*first));
    }

    void cancelIsSilent()
    {
        auto *job = ImageDiffJob::start(registryRef(m_rig.a), registryRef(m_rig.b), nullptr, {}, this);
        QSignalSpy finished(job, &oci::Job::finished);
        job->cancel();
        job->cancel();
        QVERIFY(!finished.wait(500));
        QVERIFY(job->isCancelled());
        delete job;
    }
};

QTEST_GUILESS_MAIN(TestImageDiffJob)
#include "tst_imagediffjob.moc"
