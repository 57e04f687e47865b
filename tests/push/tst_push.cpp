// Pushing local images to the real registry (Debian's docker-registry) and reading them back
// with skopeo: every input format (skopeo's docker-archive and oci-archive, umoci's OCI
// layout, legacy and Docker 25+ docker saves with uncompressed layers built here, a gzip'ed archive, a
// multi-arch index), in all three auth modes; then what a push must survive: a second push
// that finds everything there, a mount from a sibling repository, a damaged archive refused
// before any byte goes out, and the registry dying mid-push and coming back.

#include "pushtestdata.h"

#include "image/push/bloblocations.h"
#include "image/push/pushjob.h"
#include "image/source/localimagesource.h"
#include "oci/client/registryclient.h"
#include "oci/manifest/imageconfig.h"
#include "oci/manifest/manifestdocument.h"
#include "support/clientharness.h"
#include "support/fixtures.h"
#include "support/ocilayoutfixture.h"
#include "support/registryprocess.h"
#include "support/toolrunner.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

std::shared_ptr<const image::LocalImageSource> openSource(const QString &path)
{
    auto opened = image::LocalImageSource::open(path);
    if (!opened.ok()) {
        qWarning("%s", qPrintable(opened.error().describe()));
        return nullptr;
    }
    return opened.value();
}

// The first top-level image or index of the source.
oci::Digest firstRoot(const image::LocalImageSource &source)
{
    if (!source.indexes().isEmpty())
        return source.indexes().constFirst().digest;
    for (const image::LocalImage &image : source.images()) {
        if (image.index.isNull())
            return image.manifestDigest;
    }
    return {};
}

} // namespace

class TestPush final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        REQUIRE_REGISTRY_TOOLS();
        QVERIFY(m_dir.isValid());
        QString error;
        m_fixture = OciLayoutFixture::instance(&error);
        QVERIFY2(m_fixture, qPrintable(error));
        for (auto auth : {RegistryProcess::Auth::Anonymous, RegistryProcess::Auth::Basic,
                          RegistryProcess::Auth::Token}) {
            auto registry = std::make_unique<RegistryProcess>(auth);
            QVERIFY2(registry->start(), qPrintable(registry->errorString()));
            m_harnesses.push_back(std::make_unique<ClientHarness>(*registry));
            m_registries.push_back(std::move(registry));
        }
        // Archives of the fixture's linux/amd64 image, written by skopeo.
        const QString skopeo = testsupport::findTool(u"skopeo"_s);
        for (const auto &[transport, file] :
             {std::pair{u"docker-archive"_s, u"docker.tar"_s}, std::pair{u"oci-archive"_s, u"oci.tar"_s}}) {
            const auto copied = testsupport::runTool(
                skopeo, {u"copy"_s, m_fixture->skopeoReference(u"amd64"_s),
                         transport + u':' + path(file) + (transport == u"docker-archive" ? u":lading/fixture:1.0"_s : u":1.0"_s)},
                120000, Fixtures::toolEnvironment());
            QVERIFY2(copied.ok(), qPrintable(copied.describe()));
        }
        QVERIFY(QFile::copy(path(u"docker.tar"_s), path(u"docker-gz.tar"_s)));
        const auto gzipped = testsupport::runTool(u"gzip"_s, {u"-f"_s, path(u"docker-gz.tar"_s)});
        QVERIFY2(gzipped.ok(), qPrintable(gzipped.describe()));
        // A legacy docker save with two uncompressed layers.
        const pushtest::LegacyArchive legacy = pushtest::legacyDockerSave(
            {tartest::Writer().dir("etc/").file("etc/hello", "hello from a legacy save\n").finish(),
             pushtest::randomLayer(3, 300 * 1024, 7)},
            u"lading/legacy:2.0"_s);
        QVERIFY(writeFile(path(u"legacy.tar"_s), legacy.tar));
        // Docker 25+: the same layers in an OCI layout, uncompressed, plus manifest.json.
        const pushtest::LegacyArchive docker25 = pushtest::docker25Save(
            {tartest::Writer().dir("etc/").file("etc/hello", "hello from docker 25\n").finish(),
             pushtest::randomLayer(2, 200 * 1024, 9)},
            u"lading/d25:3.0"_s);
        QVERIFY(writeFile(path(u"docker25.tar"_s), docker25.tar));
    }

    void pushesEachFormat_data()
    {
        QTest::addColumn<int>("registry");
        QTest::addColumn<QString>("file");
        const QStringList files{u"docker.tar"_s, u"oci.tar"_s,          u"layout"_s,
                                u"legacy.tar"_s, u"docker-gz.tar.gz"_s, u"docker25.tar"_s};
        for (const QString &file : files)
            QTest::addRow("anonymous %s", qPrintable(file)) << 0 << file;
        // The other auth modes on the two paths that differ most: as-is and compressed.
        for (int registry : {1, 2}) {
            for (const QString &file : {u"oci.tar"_s, u"legacy.tar"_s})
                QTest::addRow("%s %s", registry == 1 ? "basic" : "token", qPrintable(file))
                    << registry << file;
        }
    }

    void pushesEachFormat()
    {
        QFETCH(int, registry);
        QFETCH(QString, file);
        const QString archive = file == u"layout" ? m_fixture->path() : path(file);
        std::shared_ptr<const image::LocalImageSource> source = openSource(archive);
        QVERIFY(source);
        oci::Digest root = firstRoot(*source);
        if (file == u"layout") // the layout holds amd64, arm64 and an index: the amd64 image
            root = imageNamed(*source, u"amd64"_s);
        QVERIFY(!root.isNull());
        const QString repository = u"push/"_s + QString(file).remove(u'.').remove(u'-');
        image::PushJob *job = push(registry, source, {{root, u"v1"_s}}, repository);
        QVERIFY(job);
        QVERIFY2(job->succeeded(), qPrintable(job->error().describe()));
        QCOMPARE(job->phase(), image::PushJob::Phase::Done);
        QCOMPARE(job->pushedDigests().size(), 1);
        QVERIFY(job->blobsSent() > 0);
        // skopeo reads it back, and a copy out of the registry verifies every digest.
        checkWithSkopeo(registry, repository + u":v1"_s, job->pushedDigests().constFirst(),
                        *findImage(*source, root));
        delete job;
    }

    void pushesAMultiArchIndex()
    {
        std::shared_ptr<const image::LocalImageSource> source = openSource(m_fixture->path());
        QVERIFY(source);
        QCOMPARE(source->indexes().size(), 1);
        const oci::Digest index = source->indexes().constFirst().digest;
        image::PushJob *job = push(0, source, {{index, u"multi"_s}}, u"push/multi"_s);
        QVERIFY(job);
        QVERIFY2(job->succeeded(), qPrintable(job->error().describe()));
        QCOMPARE(job->pushedDigests().constFirst(), index); // nothing to rewrite
        Fixtures fixtures(*m_registries.at(0));
        auto raw = fixtures.skopeoInspectRaw(u"push/multi:multi"_s);
        QVERIFY_RESULT(raw);
        QCOMPARE(oci::Digest::sha256Of(raw.value()), index);
        auto parsed = oci::ManifestDocument::parse(raw.value(), {});
        QVERIFY_RESULT(parsed);
        QCOMPARE(parsed->index().manifests.size(), 2);
        const QString copy = path(u"copied-multi"_s);
        const auto copied = testsupport::runTool(
            testsupport::findTool(u"skopeo"_s),
            QStringList{u"copy"_s, u"--all"_s} + fixtures.skopeoCopySourceOptions() +
                QStringList{u"docker://"_s + m_registries.at(0)->host() + u"/push/multi:multi"_s,
                            u"oci:"_s + copy + u":x"_s},
            120000, Fixtures::toolEnvironment());
        QVERIFY2(copied.ok(), qPrintable(copied.describe()));
        delete job;
    }

    // A gzip'ed layer bigger than a PATCH of old (8 MiB) goes as it is in one streamed PUT:
    // the registry's access log shows no PATCH and one committing PUT per blob sent.
    void aBlobSentAsItIsGoesInOneRequest()
    {
        const pushtest::LegacyArchive legacy =
            pushtest::legacyDockerSave({pushtest::randomLayer(3, 4 * 1024 * 1024, 11)}, u"lading/big:1"_s);
        QVERIFY(writeFile(path(u"big-legacy.tar"_s), legacy.tar));
        const auto copied = testsupport::runTool(
            testsupport::findTool(u"skopeo"_s),
            {u"copy"_s, u"docker-archive:"_s + path(u"big-legacy.tar"_s), u"oci-archive:"_s + path(u"big-oci.tar"_s) + u":1"_s},
            120000, Fixtures::toolEnvironment());
        QVERIFY2(copied.ok(), qPrintable(copied.describe()));
        std::shared_ptr<const image::LocalImageSource> source = openSource(path(u"big-oci.tar"_s));
        QVERIFY(source);
        const qsizetype logOffset = m_registries.at(0)->log().size();
        image::PushJob *job = push(0, source, {{firstRoot(*source), u"1"_s}}, u"push/one-request"_s);
        QVERIFY(job);
        QVERIFY2(job->succeeded(), qPrintable(job->error().describe()));
        QCOMPARE(job->blobsSent(), 2); // the config and the 12 MiB layer
        const QString log = QString::fromUtf8(m_registries.at(0)->log().mid(logOffset));
        QCOMPARE(log.count(u"\"PATCH /v2/push/one-request/blobs/uploads/"_s), 0);
        QCOMPARE(log.count(QRegularExpression(u"\"PUT /v2/push/one-request/blobs/uploads/[^ ]* HTTP/1.1\" 201"_s)), 2);
        checkWithSkopeo(0, u"push/one-request:1"_s, job->pushedDigests().constFirst(), *findImage(*source, firstRoot(*source)));
        delete job;
    }

    void secondPushFindsEverythingAndSiblingsMount()
    {
        std::shared_ptr<const image::LocalImageSource> source = openSource(path(u"legacy.tar"_s));
        QVERIFY(source);
        const oci::Digest root = firstRoot(*source);
        image::BlobLocations locations;
        image::PushJob *first = push(0, source, {{root, u"1"_s}}, u"again/one"_s, &locations);
        QVERIFY(first && first->succeeded());
        const oci::Digest pushed = first->pushedDigests().constFirst();
        QCOMPARE(first->blobsSent(), 3); // config and two compressed layers
        delete first;

        // The same repository: every blob is there; the compressed layers were remembered,
        // so nothing is compressed again to find that out.
        std::unique_ptr<image::PushPlanner> planner(planFor(0, source, {{root, u"2"_s}}, u"again/one"_s, &locations));
        QVERIFY(planner && planner->succeeded());
        QCOMPARE(planner->plan().count(image::PushBlob::Fate::Present), 3);
        QCOMPARE(planner->plan().bytesToSend(), 0);
        image::PushJob *again = run(0, planner->plan(), &locations);
        QVERIFY(again->succeeded());
        QCOMPARE(again->blobsSent(), 0);
        QCOMPARE(again->pushedDigests().constFirst(), pushed); // the same gzip bytes, the same digest
        delete again;

        // A sibling repository: mounted, not uploaded.
        std::unique_ptr<image::PushPlanner> sibling(planFor(0, source, {{root, u"1"_s}}, u"again/two"_s, &locations));
        QVERIFY(sibling && sibling->succeeded());
        QCOMPARE(sibling->plan().count(image::PushBlob::Fate::Mount), 3);
        image::PushJob *mounted = run(0, sibling->plan(), &locations);
        QVERIFY2(mounted->succeeded(), qPrintable(mounted->error().describe()));
        QCOMPARE(mounted->blobsSent(), 0);
        QCOMPARE(mounted->blobsMounted(), 3);
        checkWithSkopeo(0, u"again/two:1"_s, pushed, *findImage(*source, root));
        delete mounted;
    }

    void damagedArchiveSendsNothing()
    {
        const pushtest::LegacyArchive damaged = pushtest::legacyDockerSave(
            {tartest::Writer().file("a", "first layer").finish(),
             tartest::Writer().file("b", QByteArray(4000, 'b')).finish()},
            u"lading/damaged:1"_s, 1);
        QVERIFY(writeFile(path(u"damaged.tar"_s), damaged.tar));
        std::shared_ptr<const image::LocalImageSource> source = openSource(path(u"damaged.tar"_s));
        QVERIFY(source); // the structure is fine; the layer's content is not
        image::PushJob *job = push(0, source, {{firstRoot(*source), u"1"_s}}, u"damaged/image"_s);
        QVERIFY(job);
        QVERIFY(!job->succeeded());
        QCOMPARE(job->phase(), image::PushJob::Phase::Verifying);
        QCOMPARE(job->error().code(), oci::Error::Code::DigestMismatch);
        QVERIFY2(job->error().describe().contains(u"damaged.tar"_s), qPrintable(job->error().describe()));
        QCOMPARE(job->blobsSent(), 0);
        // The registry never heard of the repository.
        auto *tags = m_harnesses.at(0)->client()->tags(u"damaged/image"_s);
        QVERIFY(ClientHarness::wait(tags));
        QCOMPARE(tags->error().code(), oci::Error::Code::NotFound);
        delete tags;
        delete job;
    }

    void cancelPublishesNothing()
    {
        // Cancelled as soon as one blob landed: the others' replies may already be queued,
        // and none of them may lead on to the manifests or the tag.
        const pushtest::LegacyArchive archive = pushtest::legacyDockerSave(
            {tartest::Writer().file("one", "one").finish(), tartest::Writer().file("two", "two").finish(),
             pushtest::randomLayer(4, 1024 * 1024, 5)},
            u"lading/cancelled:1"_s);
        QVERIFY(writeFile(path(u"cancelled.tar"_s), archive.tar));
        std::shared_ptr<const image::LocalImageSource> source = openSource(path(u"cancelled.tar"_s));
        QVERIFY(source);
        std::unique_ptr<image::PushPlanner> planner(
            planFor(0, source, {{firstRoot(*source), u"1"_s}}, u"cancelled/image"_s));
        QVERIFY(planner && planner->succeeded());
        image::PushJob job(m_harnesses.at(0)->client(), planner->plan());
        connect(&job, &image::PushJob::blobChanged, &job, [&job](int blob) {
            if (job.blobState(blob) == image::PushJob::BlobState::Sent)
                job.cancel();
        });
        job.start();
        QTRY_VERIFY_WITH_TIMEOUT(job.isCancelled(), 60000);
        QTest::qWait(1500); // whatever was in flight answers meanwhile
        QVERIFY(job.phase() != image::PushJob::Phase::Publishing);
        QVERIFY(job.phase() != image::PushJob::Phase::Done);
        auto *head = m_harnesses.at(0)->client()->manifest(u"cancelled/image"_s, u"1"_s,
                                                           oci::RegistryClient::Method::Head);
        QVERIFY(ClientHarness::wait(head));
        QCOMPARE(head->error().code(), oci::Error::Code::NotFound);
        delete head;
    }

    void survivesTheRegistryDyingMidPush()
    {
        // A small layer that lands, then a big one (about 24 MiB, three chunks) during which
        // the registry goes away.
        const pushtest::LegacyArchive archive = pushtest::legacyDockerSave(
            {tartest::Writer().file("small", "small layer").finish(),
             pushtest::randomLayer(12, 2 * 1024 * 1024, 99)},
            u"lading/big:1"_s);
        QVERIFY(writeFile(path(u"big.tar"_s), archive.tar));
        std::shared_ptr<const image::LocalImageSource> source = openSource(path(u"big.tar"_s));
        QVERIFY(source);
        RegistryProcess &registry = *m_registries.at(0);
        std::unique_ptr<image::PushPlanner> planner(planFor(0, source, {{firstRoot(*source), u"1"_s}}, u"dying/image"_s));
        QVERIFY(planner && planner->succeeded());
        const image::PushPlan plan = planner->plan();
        int big = -1;
        for (int i = 0; i < plan.blobs.size(); ++i) {
            if (plan.blobs.at(i).size > 20 * 1024 * 1024)
                big = i;
        }
        QVERIFY(big >= 0);
        image::PushJob job(m_harnesses.at(0)->client(), plan);
        bool stopped = false;
        connect(&job, &image::PushJob::progress, &job, [&] {
            // Once the big layer is on its way and everything else landed.
            if (stopped || job.phase() != image::PushJob::Phase::Sending || job.blobBytesDone(big) == 0)
                return;
            for (int i = 0; i < plan.blobs.size(); ++i) {
                if (i != big && job.blobState(i) != image::PushJob::BlobState::Sent)
                    return;
            }
            stopped = true;
            registry.stop();
        });
        QSignalSpy finished(&job, &oci::Job::finished);
        job.start();
        QVERIFY(finished.wait(120000));
        QVERIFY(stopped);
        QVERIFY(!job.succeeded());
        qInfo("the push said: %s", qPrintable(job.error().describe()));
        QVERIFY(job.error().describe().contains(registry.host()));
        QCOMPARE(job.blobsSent(), int(plan.blobs.size()) - 1);

        QVERIFY2(registry.restart(), qPrintable(registry.errorString()));
        std::unique_ptr<image::PushJob> retry(job.retry());
        QSignalSpy retried(retry.get(), &oci::Job::finished);
        retry->start();
        QVERIFY(retried.wait(120000));
        QVERIFY2(retry->succeeded(), qPrintable(retry->error().describe()));
        // Only the big layer went again.
        QCOMPARE(retry->blobsSent(), int(plan.blobs.size()));
        QCOMPARE(retry->blobState(big), image::PushJob::BlobState::Sent);
        for (int i = 0; i < plan.blobs.size(); ++i) {
            if (i != big)
                QCOMPARE(retry->blobState(i), image::PushJob::BlobState::Present);
        }
        checkWithSkopeo(0, u"dying/image:1"_s, retry->pushedDigests().constFirst(),
                        *findImage(*source, firstRoot(*source)));
    }

private:
    QString path(const QString &name) const { return m_dir.filePath(name); }

    static const image::LocalImage *findImage(const image::LocalImageSource &source, const oci::Digest &digest)
    {
        for (const image::LocalImage &image : source.images()) {
            if (image.manifestDigest == digest)
                return &image;
        }
        return nullptr;
    }

    static oci::Digest imageNamed(const image::LocalImageSource &source, const QString &name)
    {
        for (const image::LocalImage &image : source.images()) {
            if (image.names.contains(name))
                return image.manifestDigest;
        }
        return {};
    }

    image::PushPlanner *planFor(int registry, std::shared_ptr<const image::LocalImageSource> source,
                                const QList<image::PushPlanner::Choice> &choices,
                                const QString &repository, image::BlobLocations *locations = nullptr)
    {
        auto *planner = image::PushPlanner::start(m_harnesses.at(registry)->client(), std::move(source),
                                                  choices, repository, locations);
        if (!ClientHarness::wait(planner))
            return nullptr;
        if (!planner->succeeded())
            qWarning("plan: %s", qPrintable(planner->error().describe()));
        return planner;
    }

    image::PushJob *run(int registry, const image::PushPlan &plan, image::BlobLocations *locations = nullptr)
    {
        auto *job = new image::PushJob(m_harnesses.at(registry)->client(), plan, locations);
        QSignalSpy finished(job, &oci::Job::finished);
        job->start();
        if (!finished.wait(180000))
            qWarning("the push did not finish");
        return job;
    }

    image::PushJob *push(int registry, std::shared_ptr<const image::LocalImageSource> source,
                         const QList<image::PushPlanner::Choice> &choices, const QString &repository,
                         image::BlobLocations *locations = nullptr)
    {
        std::unique_ptr<image::PushPlanner> planner(planFor(registry, source, choices, repository, locations));
        if (!planner || !planner->succeeded())
            return nullptr;
        return run(registry, planner->plan(), locations);
    }

    // skopeo inspect: the manifest digest and the config bytes; skopeo copy out of the
    // registry (which verifies every blob); and each layer's uncompressed content against the
    // source config's diff IDs.
    void checkWithSkopeo(int registry, const QString &reference, const oci::Digest &digest,
                         const image::LocalImage &sourceImage)
    {
        Fixtures fixtures(*m_registries.at(registry));
        auto raw = fixtures.skopeoInspectRaw(reference);
        QVERIFY_RESULT(raw);
        QCOMPARE(oci::Digest::sha256Of(raw.value()), digest);
        auto config = fixtures.skopeoInspectRaw(reference, true);
        QVERIFY_RESULT(config);
        QCOMPARE(config.value(), sourceImage.config);
        const QString copy = path(u"copied-"_s + QString(reference).replace(u'/', u'-').replace(u':', u'-'));
        const auto copied = testsupport::runTool(
            testsupport::findTool(u"skopeo"_s),
            QStringList{u"copy"_s} + fixtures.skopeoCopySourceOptions() +
                QStringList{u"docker://"_s + m_registries.at(registry)->host() + u'/' + reference,
                            u"oci:"_s + copy + u":x"_s},
            120000, Fixtures::toolEnvironment());
        QVERIFY2(copied.ok(), qPrintable(copied.describe()));
        auto manifest = oci::ManifestDocument::parse(raw.value(), {});
        QVERIFY_RESULT(manifest);
        auto parsedConfig = oci::ImageConfig::parse(config.value());
        QVERIFY_RESULT(parsedConfig);
        const QList<oci::Descriptor> layers = manifest->manifest().layers;
        QCOMPARE(layers.size(), parsedConfig->diffIds.size());
        for (int i = 0; i < layers.size(); ++i) {
            const QByteArray blob = readFile(copy + u"/blobs/sha256/"_s + layers.at(i).digest().encoded());
            QCOMPARE(oci::Digest::sha256Of(blob), layers.at(i).digest());
            const QByteArray tar = blob.startsWith("\x1f\x8b") ? tartest::filter(u"gzip"_s, {u"-dc"_s}, blob) : blob;
            QCOMPARE(oci::Digest::sha256Of(tar), parsedConfig->diffIds.at(i));
        }
    }

    QTemporaryDir m_dir;
    const OciLayoutFixture *m_fixture = nullptr;
    std::vector<std::unique_ptr<RegistryProcess>> m_registries;
    std::vector<std::unique_ptr<ClientHarness>> m_harnesses;
};

QTEST_MAIN(TestPush)
#include "tst_push.moc"
