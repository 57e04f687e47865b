// A layer first read from a local oci-archive (its blob read in place: LayerCache::addBlobFile,
// only the index goes to the store), then — after a restart, a fresh LayerCache on the same
// folder — the same layer read from the real registry skopeo pushed the archive to: the
// cached index is reused, the missing blob is downloaded and verified, and readFile gives
// the file's bytes; a local stream (the archive gzip'ed) does the same. Without any source,
// readFile names the layer whose blob is missing.
#include "image/layer/layerindex.h"
#include "image/reader/blobstore.h"
#include "image/reader/layercache.h"
#include "image/reader/layerreader.h"
#include "image/layer/bytesource.h"
#include "image/source/blobstream.h"
#include "image/source/localimagesource.h"
#include "oci/manifest/descriptor.h"
#include "oci/manifest/imagemanifest.h"
#include "support/clientharness.h"
#include "support/fixtures.h"
#include "support/registryprocess.h"
#include "support/toolrunner.h"
#include "tartestdata.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTest>

using namespace image;

namespace {

struct ReadOutcome
{
    bool succeeded = false;
    QString error;
    oci::Error::Code code = oci::Error::Code::None;
    bool fromCache = false;
    int batches = 0; // entriesAdded signals: none when the cached index is reused
    qint64 lastProgress = -1;
    LayerIndex index;
};

// Runs a reader to its end.
ReadOutcome finish(LayerReader *raw)
{
    std::unique_ptr<LayerReader> reader(raw);
    ReadOutcome outcome;
    QObject context;
    QObject::connect(reader.get(), &LayerReader::entriesAdded, &context,
                     [&outcome](const LayerIndex &) { ++outcome.batches; });
    QObject::connect(reader.get(), &LayerReader::progress, &context,
                     [&outcome](qint64 bytes, qint64) { outcome.lastProgress = bytes; });
    QSignalSpy finished(reader.get(), &oci::Job::finished);
    if (!finished.wait(60000)) {
        outcome.error = QStringLiteral("the reader did not finish");
        return outcome;
    }
    outcome.succeeded = reader->succeeded();
    if (!outcome.succeeded) {
        outcome.error = reader->error().describe();
        outcome.code = reader->error().code();
    }
    outcome.fromCache = reader->cameFromCache();
    outcome.index = reader->index();
    return outcome;
}

oci::Result<FileSlice> readBack(LayerCache &cache, const oci::Digest &layer, quint32 ordinal)
{
    QFuture<oci::Result<FileSlice>> future = cache.readFile(layer, ordinal, 0, 1 << 20);
    QElapsedTimer timer;
    timer.start();
    while (!future.isFinished() && timer.elapsed() < 10000)
        QTest::qWait(10);
    if (!future.isFinished())
        return oci::Error(oci::Error::Code::Timeout, QStringLiteral("readFile did not finish"));
    return future.result();
}

// Empty when readFile() gives usr/bin/script.sh's bytes, else what went wrong.
QString scriptProblem(LayerCache &cache, const oci::Digest &layer, quint32 ordinal)
{
    const oci::Result<FileSlice> slice = readBack(cache, layer, ordinal);
    if (!slice)
        return slice.error().describe();
    return slice->bytes == stackedimage::Script ? QString()
                                                : QStringLiteral("other bytes: ")
            + QString::fromUtf8(slice->bytes.left(80));
}

} // namespace

class TestLayerBlobRefill final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void registryReadFetchesTheBlobALocalReadLeftOut()
    {
        REQUIRE_REGISTRY_TOOLS();
        RegistryProcess registry(RegistryProcess::Auth::Anonymous);
        QVERIFY2(registry.start(), qPrintable(registry.errorString()));
        Fixtures fixtures(registry);
        auto scratch = testsupport::makeScratchDir(QStringLiteral("lading-refill"));
        QVERIFY(scratch && scratch->isValid());

        // The stacked image as an oci-archive (skopeo writes it from umoci's layout), opened
        // as the Files tab opens a local image.
        auto built = testsupport::buildUmociImage(scratch->path(), stackedimage::layerTars());
        QVERIFY_RESULT(built);
        const QString archive = scratch->filePath(QStringLiteral("image.tar"));
        const testsupport::ToolResult copied = testsupport::runTool(
            testsupport::findTool(QStringLiteral("skopeo")),
            {QStringLiteral("copy"), QStringLiteral("--quiet"), built->skopeoReference(),
             QStringLiteral("oci-archive:") + archive + u":1"},
            120000, Fixtures::toolEnvironment());
        QVERIFY2(copied.ok(), qPrintable(copied.describe()));
        auto source = LocalImageSource::open(archive);
        QVERIFY_RESULT(source);
        QCOMPARE((*source)->format(), LocalFormat::OciArchive);
        QCOMPARE((*source)->images().size(), 1);
        const QList<oci::Descriptor> layers = (*source)->images().first().manifest.manifest().layers;
        QCOMPARE(layers.size(), 3);
        const oci::Descriptor layer = layers.at(1); // adds usr/bin/script.sh
        const std::optional<BlobFileRange> range = (*source)->blobFileRange(layer.digest());
        QVERIFY(range);

        LayerCacheOptions options;
        options.directory = scratch->filePath(QStringLiteral("cache"));
        LayerIndex localIndex;
        int script = -1;
        {
            // Read in place, as ImageFilesLoader and ImageDiffJob do: the blob stays in the
            // archive, only the index goes to the store.
            LayerCache cache(options);
            cache.addBlobFile(layer.digest(), range->path, range->offset, range->size);
            const ReadOutcome local = finish(LayerReader::fromFile(
                range->path, layer.digest(), range->offset, range->size, &cache));
            QVERIFY2(local.succeeded, qPrintable(local.error));
            localIndex = local.index;
            script = localIndex.find("usr/bin/script.sh");
            QVERIFY(script >= 0);
            QVERIFY(cache.blobStore()->hasIndex(layer.digest()));
            QVERIFY(!cache.blobStore()->find(layer.digest()));
            const QString problem =
                scriptProblem(cache, layer.digest(), localIndex.at(script).ordinal);
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
        }
        const quint32 ordinal = localIndex.at(script).ordinal;

        // The same image in the registry: the same layer blobs.
        auto pushed = fixtures.pushFrom(QStringLiteral("oci-archive:") + archive + u":1",
                                        QStringLiteral("refill/test"), QStringLiteral("1"));
        QVERIFY_RESULT(pushed);
        QVERIFY(pushed->layers.contains(layer.digest()));
        ClientHarness harness(registry);
        const auto fromRegistry = [&harness, &layer](LayerCache &cache) {
            return finish(LayerReader::fromRegistry(harness.client(), QStringLiteral("refill/test"),
                                                    layer, &cache));
        };
        const auto optionsIn = [&scratch](const QString &folder) {
            LayerCacheOptions folderOptions;
            folderOptions.directory = scratch->filePath(folder);
            return folderOptions;
        };

        {
            // A restart: the index is on disk, the archive's registration is gone. With no
            // source for the blob, readFile says which layer lacks it.
            LayerCache reopened(options);
            auto missing = readBack(reopened, layer.digest(), ordinal);
            QVERIFY(!missing.ok());
            QCOMPARE(missing.error().code(), oci::Error::Code::NotFound);
            QCOMPARE(missing.error().object(), layer.digest().toString());
            QVERIFY2(missing.error().message().contains(layer.digest().toString()),
                     qPrintable(missing.error().message()));
            QVERIFY2(missing.error().message().contains(u"blob"),
                     qPrintable(missing.error().message()));

            // Where the blob cannot be had (a repository without it: as offline, or deleted),
            // the listing still comes from the cached index, and the file still cannot be read.
            const ReadOutcome unavailable = finish(LayerReader::fromRegistry(
                harness.client(), QStringLiteral("refill/absent"), layer, &reopened));
            QVERIFY2(unavailable.succeeded, qPrintable(unavailable.error));
            QVERIFY(unavailable.fromCache);
            QCOMPARE(unavailable.index.size(), localIndex.size());
            QVERIFY(!reopened.blobStore()->find(layer.digest()));
            QVERIFY(!readBack(reopened, layer.digest(), ordinal).ok());

            // Read from the registry: the index is reused (no batches), the blob comes down.
            const ReadOutcome remote = fromRegistry(reopened);
            QVERIFY2(remote.succeeded, qPrintable(remote.error));
            QVERIFY(remote.fromCache);
            QCOMPARE(remote.batches, 0);
            QCOMPARE(remote.index.size(), localIndex.size());
            QCOMPARE(remote.lastProgress, layer.size());
            QCOMPARE(reopened.blobStore()->find(layer.digest()),
                     reopened.blobStore()->pathFor(layer.digest()));
            QCOMPARE(QFileInfo(reopened.blobStore()->pathFor(layer.digest())).size(), layer.size());
            const QString problem = scriptProblem(reopened, layer.digest(), ordinal);
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
        }

        {
            // The index only in memory (a fresh store): the blob comes down too.
            LayerCache fresh(optionsIn(QStringLiteral("fresh")));
            fresh.insertIndex(localIndex);
            const ReadOutcome remote = fromRegistry(fresh);
            QVERIFY2(remote.succeeded, qPrintable(remote.error));
            QVERIFY(remote.fromCache);
            QCOMPARE(remote.batches, 0);
            QVERIFY(fresh.blobStore()->find(layer.digest()));
            const QString problem = scriptProblem(fresh, layer.digest(), ordinal);
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
        }

        {
            // A blob the cache reads in place (registered this session) is not downloaded.
            LayerCache same(optionsIn(QStringLiteral("same")));
            same.addBlobFile(layer.digest(), range->path, range->offset, range->size);
            same.insertIndex(localIndex);
            const ReadOutcome remote = fromRegistry(same);
            QVERIFY2(remote.succeeded, qPrintable(remote.error));
            QVERIFY(remote.fromCache);
            QVERIFY(!same.blobStore()->find(layer.digest()));
            const QString problem = scriptProblem(same, layer.digest(), ordinal);
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
        }

        {
            // The same archive gzip'ed (no file range: the layer is re-inflated as a stream)
            // after a restart that kept only the index: the stream's blob is copied into the
            // store, the index reused.
            QFile plain(archive);
            QVERIFY(plain.open(QIODevice::ReadOnly));
            const QString gzipped = scratch->filePath(QStringLiteral("image.tar.gz"));
            QFile packed(gzipped);
            QVERIFY(packed.open(QIODevice::WriteOnly));
            const QByteArray packedBytes = tartest::gzip(plain.readAll());
            QCOMPARE(packed.write(packedBytes), packedBytes.size());
            packed.close();
            auto gzSource = LocalImageSource::open(gzipped);
            QVERIFY_RESULT(gzSource);
            QVERIFY(!(*gzSource)->blobFileRange(layer.digest()));
            std::shared_ptr<const LocalImageSource> shared = *gzSource;
            const oci::Digest digest = layer.digest();
            const auto opener = [shared, digest]() -> oci::Result<std::unique_ptr<ByteSource>> {
                oci::Result<std::unique_ptr<BlobStream>> stream = shared->openBlob(digest);
                if (!stream)
                    return stream.error();
                return std::unique_ptr<ByteSource>(std::move(stream).value());
            };

            LayerCacheOptions streamOptions;
            streamOptions.directory = scratch->filePath(QStringLiteral("stream"));
            {
                LayerCache first(streamOptions);
                const ReadOutcome local = finish(LayerReader::fromFile(
                    range->path, digest, range->offset, range->size, &first));
                QVERIFY2(local.succeeded, qPrintable(local.error));
                QVERIFY(!first.blobStore()->find(digest));
            }
            LayerCache reopened(streamOptions);
            QVERIFY(!reopened.hasBlob(digest));
            const ReadOutcome streamed =
                finish(LayerReader::fromStream(opener, digest, layer.size(), &reopened));
            QVERIFY2(streamed.succeeded, qPrintable(streamed.error));
            QVERIFY(streamed.fromCache);
            QCOMPARE(streamed.batches, 0);
            QCOMPARE(streamed.lastProgress, layer.size());
            QVERIFY(reopened.hasBlob(digest));
            const QString problem = scriptProblem(reopened, digest, ordinal);
            QVERIFY2(problem.isEmpty(), qPrintable(problem));

            // The index in memory only: the same.
            LayerCacheOptions memoryOptions;
            memoryOptions.directory = scratch->filePath(QStringLiteral("stream-memory"));
            LayerCache memory(memoryOptions);
            memory.insertIndex(localIndex);
            const ReadOutcome again =
                finish(LayerReader::fromStream(opener, digest, layer.size(), &memory));
            QVERIFY2(again.succeeded, qPrintable(again.error));
            QCOMPARE(again.batches, 0);
            const QString memoryProblem = scriptProblem(memory, digest, ordinal);
            QVERIFY2(memoryProblem.isEmpty(), qPrintable(memoryProblem));
        }

        {
            // The download is verified though the index is cached: other bytes of the same
            // length in the registry's storage fail the read, and nothing reaches the store.
            QByteArray swapped = tartest::gzip(tartest::Writer().file("other", "not it").finish());
            QVERIFY(swapped.size() < layer.size());
            swapped.append(QByteArray(layer.size() - swapped.size(), '\0'));
            const QString encoded = layer.digest().encoded();
            QFile stored(registry.storageDir()
                         + QStringLiteral("/docker/registry/v2/blobs/sha256/%1/%2/data")
                               .arg(encoded.left(2), encoded));
            QVERIFY2(stored.open(QIODevice::WriteOnly | QIODevice::Truncate),
                     qPrintable(stored.fileName()));
            QCOMPARE(stored.write(swapped), swapped.size());
            stored.close();
            LayerCache bad(optionsIn(QStringLiteral("bad")));
            bad.insertIndex(localIndex);
            const ReadOutcome remote = fromRegistry(bad);
            QVERIFY(!remote.succeeded);
            QCOMPARE(remote.code, oci::Error::Code::DigestMismatch);
            QVERIFY(!bad.blobStore()->find(layer.digest()));
            QDir blobs(bad.options().directory + u"/sha256");
            QCOMPARE(blobs.entryList(QDir::Files | QDir::Hidden), QStringList());
        }
    }
};

QTEST_GUILESS_MAIN(TestLayerBlobRefill)
#include "tst_layerblobrefill.moc"
