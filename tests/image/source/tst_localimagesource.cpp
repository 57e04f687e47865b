// LocalImageSource on inputs made by the real tools — skopeo copies from the rig's registry
// to docker-archive:, oci-archive: and oci: (a multi-arch index too), umoci's layout, gzip —
// cross-checked against what `skopeo inspect --raw` reports for the source images; and
// hostile archives made by hand.

#include "support/fixtures.h"
#include "support/ocilayoutfixture.h"
#include "support/registryprocess.h"
#include "support/toolrunner.h"
#include "tartestwriter.h"

#include "image/layer/layerstream.h"
#include "image/source/blobstream.h"
#include "image/source/localimagesource.h"
#include "oci/manifest/imageconfig.h"
#include "oci/manifest/mediatypes.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>


using image::LocalFormat;
using image::LocalImageSource;
using oci::Error;

using namespace tartest;

namespace {

// The whole blob through BlobStream (verified), or the error.
oci::Result<QByteArray> streamBlob(const LocalImageSource &source, const oci::Digest &digest)
{
    auto stream = source.openBlob(digest);
    if (!stream)
        return stream.error();
    QByteArray bytes;
    for (;;) {
        auto chunk = (*stream)->read();
        if (!chunk)
            return chunk.error();
        if (chunk->isEmpty())
            return bytes;
        bytes.append(*chunk);
    }
}

QString describe(const oci::Error &error)
{
    return error.describe();
}

} // namespace

class TestLocalImageSource final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void ociLayoutFolder();
    void ociArchive();
    void multiArchLayout();
    void umociLayout();
    void dockerArchive();
    void gzipDockerArchive();
    void severalImagesInOneArchive();
    void dockerOciArchive();
    void openAsync();
    void wrongDiffId();
    void tamperedOciBlob();

private:
    QString path(const QString &name) const { return m_scratch->path() + u'/' + name; }
    bool skopeoCopy(const QStringList &arguments);
    bool untar(const QString &archive, const QString &folder);
    QByteArray docker25Archive(QString *error);
    void checkAgainst(const image::LocalImage &image, const SeededImage &seeded);

    std::unique_ptr<RegistryProcess> m_registry;
    std::unique_ptr<Fixtures> m_fixtures;
    std::unique_ptr<QTemporaryDir> m_scratch;
    SeededImage m_oci;
    SeededImage m_docker;
    SeededImage m_index;
};

bool TestLocalImageSource::skopeoCopy(const QStringList &arguments)
{
    const auto result = testsupport::runTool(testsupport::findTool(QStringLiteral("skopeo")),
                                             QStringList{QStringLiteral("copy")} + arguments, 120000,
                                             Fixtures::toolEnvironment());
    if (!result.ok())
        qWarning("%s", qPrintable(result.describe()));
    return result.ok();
}

bool TestLocalImageSource::untar(const QString &archive, const QString &folder)
{
    QDir().mkpath(folder);
    const auto result = testsupport::runTool(QStringLiteral("tar"),
                                             {QStringLiteral("-xf"), archive, QStringLiteral("-C"), folder});
    if (!result.ok())
        qWarning("%s", qPrintable(result.describe()));
    return result.ok();
}

void TestLocalImageSource::initTestCase()
{
    REQUIRE_REGISTRY_TOOLS();
    m_registry = std::make_unique<RegistryProcess>();
    QVERIFY2(m_registry->start(), qPrintable(m_registry->errorString()));
    m_fixtures = std::make_unique<Fixtures>(*m_registry);
    auto oci = m_fixtures->pushOciImage(QStringLiteral("local/oci"), QStringLiteral("1.0"));
    QVERIFY_RESULT(oci);
    m_oci = *oci;
    auto docker = m_fixtures->pushDockerImage(QStringLiteral("local/docker"), QStringLiteral("1.0"));
    QVERIFY_RESULT(docker);
    m_docker = *docker;
    auto index = m_fixtures->pushIndex(QStringLiteral("local/multi"), QStringLiteral("1.0"));
    QVERIFY_RESULT(index);
    m_index = *index;
    m_scratch = testsupport::makeScratchDir(QStringLiteral("lading-localsource"));
    QVERIFY(m_scratch->isValid());

    const QString registry = u"docker://" + m_registry->host() + u'/';
    const QStringList src = m_fixtures->skopeoCopySourceOptions();
    QVERIFY(skopeoCopy(src + QStringList{registry + m_docker.reference(),
                                         u"docker-archive:" + path(QStringLiteral("docker.tar")) + u":local/docker:1.0",
                                         QStringLiteral("--additional-tag"), QStringLiteral("local/docker:extra")}));
    QVERIFY(skopeoCopy(src + QStringList{registry + m_oci.reference(),
                                         u"docker-archive:" + path(QStringLiteral("oci-as-docker.tar")) + u":local/second:2.0"}));
    QVERIFY(skopeoCopy(src + QStringList{registry + m_oci.reference(), u"oci-archive:" + path(QStringLiteral("oci.tar")) + u":1.0"}));
    QVERIFY(skopeoCopy(src + QStringList{registry + m_oci.reference(), u"oci:" + path(QStringLiteral("layout")) + u":1.0"}));
    QVERIFY(skopeoCopy(src + QStringList{QStringLiteral("--all"), registry + m_index.reference(),
                                         u"oci:" + path(QStringLiteral("multi")) + u":1.0"}));
}

void TestLocalImageSource::checkAgainst(const image::LocalImage &image, const SeededImage &seeded)
{
    QCOMPARE(image.manifestDigest, seeded.digest);
    QCOMPARE(image.manifest.bytes(), seeded.manifest);
    QCOMPARE(image.config, seeded.config);
    QCOMPARE(image.manifest.manifest().config.digest(), seeded.configDigest);
    QList<oci::Digest> layers;
    for (const oci::Descriptor &layer : image.manifest.manifest().layers)
        layers.append(layer.digest());
    QCOMPARE(layers, seeded.layers);
}

void TestLocalImageSource::ociLayoutFolder()
{
    auto source = LocalImageSource::open(path(QStringLiteral("layout")));
    QVERIFY_RESULT(source);
    const LocalImageSource &s = **source;
    QCOMPARE(s.format(), LocalFormat::OciLayout);
    QCOMPARE(s.images().size(), 1);
    const image::LocalImage &image = s.images().first();
    QVERIFY(image.names.contains(QStringLiteral("1.0")));
    QVERIFY(!image.synthesised);
    checkAgainst(image, m_oci);
    // Every blob reads back verified, and file ranges point at the layout's blob files.
    for (const oci::Descriptor &layer : image.manifest.manifest().layers) {
        auto bytes = streamBlob(s, layer.digest());
        QVERIFY_RESULT(bytes);
        QCOMPARE(bytes->size(), layer.size());
        const auto range = s.blobFileRange(layer.digest());
        QVERIFY(range.has_value());
        QCOMPARE(range->offset, 0);
        QCOMPARE(readFile(range->path), *bytes);
    }
    QVERIFY_RESULT(s.verifyBlobs());

    // The folder tarred by hand (`tar -czf x.tgz -C layout .`: "./" names, gzip'ed) is an oci-archive.
    const QString tgz = path(QStringLiteral("layout.tgz"));
    const auto tar = testsupport::runTool(QStringLiteral("tar"), {QStringLiteral("-czf"), tgz, QStringLiteral("-C"),
                                                                  path(QStringLiteral("layout")), QStringLiteral(".")});
    QVERIFY2(tar.ok(), qPrintable(tar.describe()));
    auto archived = LocalImageSource::open(tgz);
    QVERIFY_RESULT(archived);
    QCOMPARE((*archived)->format(), LocalFormat::OciArchive);
    QVERIFY((*archived)->isGzipCompressed());
    checkAgainst((*archived)->images().first(), m_oci);
    QVERIFY_RESULT((*archived)->verifyBlobs());
}

void TestLocalImageSource::ociArchive()
{
    auto source = LocalImageSource::open(path(QStringLiteral("oci.tar")));
    QVERIFY_RESULT(source);
    const LocalImageSource &s = **source;
    QCOMPARE(s.format(), LocalFormat::OciArchive);
    QVERIFY(!s.isGzipCompressed());
    QCOMPARE(s.images().size(), 1);
    QVERIFY(s.images().first().names.contains(QStringLiteral("1.0")));
    checkAgainst(s.images().first(), m_oci);
    // Members are read in place: the range in the tar holds exactly the blob.
    const oci::Descriptor layer = s.images().first().manifest.manifest().layers.last();
    const auto range = s.blobFileRange(layer.digest());
    QVERIFY(range.has_value());
    QCOMPARE(range->path, path(QStringLiteral("oci.tar")));
    QVERIFY(range->offset > 0);
    QFile tar(range->path);
    QVERIFY(tar.open(QIODevice::ReadOnly));
    QVERIFY(tar.seek(range->offset));
    QVERIFY(layer.digest().matches(tar.read(range->size)));
    QVERIFY_RESULT(s.verifyBlobs());
    // A BlobStream is the layer reader's ByteSource: the layer's files, read in place.
    auto stream = s.openBlob(layer.digest());
    QVERIFY_RESULT(stream);
    auto index = image::readLayerIndex(**stream, layer.digest());
    QVERIFY_RESULT(index);
    QVERIFY(index->fileCount() > 0);
    QVERIFY((*stream)->atEnd());
}

void TestLocalImageSource::multiArchLayout()
{
    auto source = LocalImageSource::open(path(QStringLiteral("multi")));
    QVERIFY_RESULT(source);
    const LocalImageSource &s = **source;
    QCOMPARE(s.indexes().size(), 1);
    const image::LocalIndex &index = s.indexes().first();
    QCOMPARE(index.digest, m_index.digest);
    QCOMPARE(index.document.bytes(), m_index.manifest);
    QVERIFY(index.names.contains(QStringLiteral("1.0")));
    QVERIFY(index.missingManifests.isEmpty());
    QCOMPARE(s.images().size(), index.document.index().manifests.size());
    QStringList platforms;
    for (const image::LocalImage &image : s.images()) {
        QCOMPARE(image.index, index.digest);
        QVERIFY(image.platform.has_value());
        platforms.append(image.platform->toString());
        // Each platform's manifest and config as the registry has them.
        const QString reference = m_index.repository + u'@' + image.manifestDigest.toString();
        auto raw = m_fixtures->skopeoInspectRaw(reference);
        QVERIFY_RESULT(raw);
        QCOMPARE(image.manifest.bytes(), *raw);
        auto config = m_fixtures->skopeoInspectRaw(reference, true);
        QVERIFY_RESULT(config);
        QCOMPARE(image.config, *config);
    }
    platforms.sort();
    QStringList expected = m_index.platforms;
    expected.sort();
    QCOMPARE(platforms, expected);
    QVERIFY_RESULT(s.verifyBlobs());
}

void TestLocalImageSource::umociLayout()
{
    QString error;
    const OciLayoutFixture *layout = OciLayoutFixture::instance(&error);
    QVERIFY2(layout, qPrintable(error));
    auto source = LocalImageSource::open(layout->path());
    QVERIFY_RESULT(source);
    const LocalImageSource &s = **source;
    QCOMPARE(s.format(), LocalFormat::OciLayout);
    QStringList names;
    for (const image::LocalImage &image : s.images())
        names += image.names;
    QVERIFY2(names.contains(QStringLiteral("amd64")) && names.contains(QStringLiteral("arm64")),
             qPrintable(names.join(u',')));
    QCOMPARE(s.indexes().size(), 1);
    QVERIFY(s.indexes().first().names.contains(QStringLiteral("multi")));
    // The amd64 image is the one pushed as local/oci: same manifest digest.
    bool found = false;
    for (const image::LocalImage &image : s.images()) {
        if (image.names.contains(QStringLiteral("amd64"))) {
            found = true;
            QCOMPARE(image.manifestDigest, m_oci.digest);
            QCOMPARE(image.config, m_oci.config);
        }
    }
    QVERIFY(found);
    QVERIFY_RESULT(s.verifyBlobs());
}

void TestLocalImageSource::dockerArchive()
{
    const QString file = path(QStringLiteral("docker.tar"));
    auto source = LocalImageSource::open(file);
    QVERIFY_RESULT(source);
    const LocalImageSource &s = **source;
    QCOMPARE(s.format(), LocalFormat::DockerArchive);
    QCOMPARE(s.images().size(), 1);
    const image::LocalImage &image = s.images().first();
    QVERIFY(image.synthesised);
    QVERIFY2(image.names.contains(QStringLiteral("docker.io/local/docker:1.0"))
                 && image.names.contains(QStringLiteral("docker.io/local/docker:extra")),
             qPrintable(image.names.join(u',')));
    // The config is the registry image's config, byte for byte; layers are the diff_ids.
    QCOMPARE(image.config, m_docker.config);
    auto config = oci::ImageConfig::parse(image.config);
    QVERIFY_RESULT(config);
    const oci::ImageManifest &manifest = image.manifest.manifest();
    QCOMPARE(manifest.config.digest(), m_docker.configDigest);
    QCOMPARE(manifest.layers.size(), config->diffIds.size());
    QCOMPARE(image.diffIds, config->diffIds);
    // What skopeo synthesises for the same archive: same config and layer digests and sizes.
    const auto raw = testsupport::runTool(testsupport::findTool(QStringLiteral("skopeo")),
                                          {QStringLiteral("inspect"), QStringLiteral("--raw"), u"docker-archive:" + file},
                                          60000, Fixtures::toolEnvironment());
    QVERIFY2(raw.ok(), qPrintable(raw.describe()));
    auto skopeoManifest = oci::ManifestDocument::parse(raw.standardOutput, QString());
    QVERIFY_RESULT(skopeoManifest);
    QCOMPARE(skopeoManifest->manifest().config.digest(), manifest.config.digest());
    QCOMPARE(skopeoManifest->manifest().config.size(), manifest.config.size());
    QCOMPARE(skopeoManifest->manifest().layers.size(), manifest.layers.size());
    for (qsizetype i = 0; i < manifest.layers.size(); ++i) {
        QCOMPARE(manifest.layers.at(i).digest(), config->diffIds.at(i));
        QCOMPARE(manifest.layers.at(i).mediaType(), QString(oci::MediaType::DockerLayer));
        QCOMPARE(skopeoManifest->manifest().layers.at(i).digest(), manifest.layers.at(i).digest());
        QCOMPARE(skopeoManifest->manifest().layers.at(i).size(), manifest.layers.at(i).size());
    }
    QCOMPARE(image.manifestDigest, oci::Digest::sha256Of(image.manifest.bytes()));
    QVERIFY_RESULT(s.verifyBlobs());
    auto layer = streamBlob(s, manifest.layers.first().digest());
    QVERIFY_RESULT(layer);
    QVERIFY(config->diffIds.first().matches(*layer));
}

void TestLocalImageSource::gzipDockerArchive()
{
    const QString plain = path(QStringLiteral("docker.tar"));
    const QString gz = path(QStringLiteral("docker.tar.gz"));
    const auto gzip = testsupport::runTool(QStringLiteral("gzip"), {QStringLiteral("-kf"), plain});
    QVERIFY2(gzip.ok(), qPrintable(gzip.describe()));
    auto plainSource = LocalImageSource::open(plain);
    QVERIFY_RESULT(plainSource);
    auto source = LocalImageSource::open(gz);
    QVERIFY_RESULT(source);
    const LocalImageSource &s = **source;
    QVERIFY(s.isGzipCompressed());
    QCOMPARE(s.format(), LocalFormat::DockerArchive);
    QCOMPARE(s.images().size(), 1);
    QCOMPARE(s.images().first().manifest.bytes(), (*plainSource)->images().first().manifest.bytes());
    QCOMPARE(s.images().first().config, m_docker.config);
    QVERIFY(!s.blobFileRange(s.images().first().diffIds.first()).has_value());
    for (const oci::Digest &digest : s.blobs()) {
        auto a = streamBlob(s, digest);
        QVERIFY_RESULT(a);
        auto b = streamBlob(**plainSource, digest);
        QVERIFY_RESULT(b);
        QCOMPARE(*a, *b);
    }
    qint64 last = 0;
    QVERIFY_RESULT(s.verifyBlobs([&last](qint64 done, qint64) { last = done; }));
    qint64 total = 0;
    for (const oci::Digest &digest : s.blobs())
        total += s.blobSize(digest);
    QCOMPARE(last, total);

    // Two gzip members one after the other (pigz, `cat a.gz b.gz`) are one stream.
    const QByteArray tarBytes = readFile(plain);
    const auto first = testsupport::runTool(QStringLiteral("gzip"), {QStringLiteral("-c")}, 60000, {}, tarBytes.left(5000));
    const auto second = testsupport::runTool(QStringLiteral("gzip"), {QStringLiteral("-c")}, 60000, {}, tarBytes.mid(5000));
    QVERIFY(first.ok() && second.ok());
    QVERIFY(writeFile(path(QStringLiteral("multimember.tar.gz")), first.standardOutput + second.standardOutput));
    auto multi = LocalImageSource::open(path(QStringLiteral("multimember.tar.gz")));
    QVERIFY_RESULT(multi);
    QVERIFY_RESULT((*multi)->verifyBlobs());
}

void TestLocalImageSource::severalImagesInOneArchive()
{
    // Two skopeo docker-archives merged into one, as `docker save a b` writes it.
    const QString folder = path(QStringLiteral("merged"));
    QVERIFY(untar(path(QStringLiteral("docker.tar")), folder));
    QVERIFY(untar(path(QStringLiteral("oci-as-docker.tar")), path(QStringLiteral("merged-b"))));
    const QJsonArray a = QJsonDocument::fromJson(readFile(folder + u"/manifest.json")).array();
    const QJsonArray b = QJsonDocument::fromJson(readFile(path(QStringLiteral("merged-b/manifest.json")))).array();
    QCOMPARE(a.size(), 1);
    QCOMPARE(b.size(), 1);
    QByteArray tar;
    QJsonArray both = a;
    both.append(b.first());
    tar += tarMember("manifest.json", json(both));
    QStringList members;
    for (const QJsonArray &list : {a, b}) {
        const QJsonObject entry = list.first().toObject();
        members << entry.value(QLatin1String("Config")).toString();
        for (const QJsonValue &layer : entry.value(QLatin1String("Layers")).toArray())
            members << layer.toString();
    }
    members.removeDuplicates();
    for (const QString &member : std::as_const(members)) {
        QByteArray content = readFile(folder + u'/' + member);
        if (content.isEmpty())
            content = readFile(path(QStringLiteral("merged-b/")) + member);
        QVERIFY2(!content.isEmpty(), qPrintable(member));
        tar += tarMember(member.toUtf8(), content);
    }
    tar += tarEnd();
    QVERIFY(writeFile(path(QStringLiteral("two.tar")), tar));

    auto source = LocalImageSource::open(path(QStringLiteral("two.tar")));
    QVERIFY_RESULT(source);
    const LocalImageSource &s = **source;
    QCOMPARE(s.images().size(), 2);
    QVERIFY(s.images().at(0).names.contains(QStringLiteral("docker.io/local/docker:1.0")));
    QCOMPARE(s.images().at(1).names, QStringList{QStringLiteral("docker.io/local/second:2.0")});
    QCOMPARE(s.images().at(0).config, m_docker.config);
    QCOMPARE(s.images().at(1).config, m_oci.config);
    QVERIFY_RESULT(s.verifyBlobs());
}

QByteArray TestLocalImageSource::docker25Archive(QString *error)
{
    // What Docker 25+ `docker save` writes (moby tarexport): an OCI layout with uncompressed
    // layers named by their diff_ids, plus manifest.json and repositories.
    const QString folder = path(QStringLiteral("merged"));
    const QJsonObject entry = QJsonDocument::fromJson(readFile(folder + u"/manifest.json")).array().first().toObject();
    const QByteArray config = readFile(folder + u'/' + entry.value(QLatin1String("Config")).toString());
    if (config.isEmpty()) {
        *error = QStringLiteral("no config in the extracted docker-archive");
        return {};
    }
    const oci::Digest configDigest = oci::Digest::sha256Of(config);
    QByteArray tar = tarMember("blobs/", {}, '5') + tarMember("blobs/sha256/", {}, '5');
    tar += tarMember("blobs/sha256/" + configDigest.encoded().toUtf8(), config);
    QJsonArray layers;
    QJsonArray layerPaths;
    for (const QJsonValue &layer : entry.value(QLatin1String("Layers")).toArray()) {
        const QByteArray bytes = readFile(folder + u'/' + layer.toString());
        const oci::Digest digest = oci::Digest::sha256Of(bytes);
        tar += tarMember("blobs/sha256/" + digest.encoded().toUtf8(), bytes);
        layers.append(QJsonObject{{QStringLiteral("mediaType"), QString(oci::MediaType::OciLayer)},
                                  {QStringLiteral("digest"), digest.toString()},
                                  {QStringLiteral("size"), bytes.size()}});
        layerPaths.append(QString(u"blobs/sha256/" + digest.encoded()));
    }
    const QByteArray manifest = json(QJsonObject{
        {QStringLiteral("schemaVersion"), 2},
        {QStringLiteral("mediaType"), QString(oci::MediaType::OciManifest)},
        {QStringLiteral("config"), QJsonObject{{QStringLiteral("mediaType"), QString(oci::MediaType::OciConfig)},
                                               {QStringLiteral("digest"), configDigest.toString()},
                                               {QStringLiteral("size"), config.size()}}},
        {QStringLiteral("layers"), layers}});
    const oci::Digest manifestDigest = oci::Digest::sha256Of(manifest);
    tar += tarMember("blobs/sha256/" + manifestDigest.encoded().toUtf8(), manifest);
    const QJsonObject annotations{{QStringLiteral("io.containerd.image.name"), QStringLiteral("docker.io/local/d25:1.0")},
                                  {QStringLiteral("org.opencontainers.image.ref.name"), QStringLiteral("1.0")}};
    tar += tarMember("index.json", json(QJsonObject{
        {QStringLiteral("schemaVersion"), 2},
        {QStringLiteral("mediaType"), QString(oci::MediaType::OciIndex)},
        {QStringLiteral("manifests"), QJsonArray{QJsonObject{{QStringLiteral("mediaType"), QString(oci::MediaType::OciManifest)},
                                                             {QStringLiteral("digest"), manifestDigest.toString()},
                                                             {QStringLiteral("size"), manifest.size()},
                                                             {QStringLiteral("annotations"), annotations}}}}}));
    tar += tarMember("manifest.json", json(QJsonArray{QJsonObject{
        {QStringLiteral("Config"), QString(u"blobs/sha256/" + configDigest.encoded())},
        {QStringLiteral("RepoTags"), QJsonArray{QStringLiteral("local/d25:1.0")}},
        {QStringLiteral("Layers"), layerPaths}}}));
    tar += tarMember("oci-layout", R"({"imageLayoutVersion": "1.0.0"})");
    tar += tarMember("repositories", R"({"local/d25":{"1.0":"x"}})");
    return tar + tarEnd();
}

void TestLocalImageSource::dockerOciArchive()
{
    QString error;
    if (!QFile::exists(path(QStringLiteral("merged/manifest.json"))))
        QVERIFY(untar(path(QStringLiteral("docker.tar")), path(QStringLiteral("merged"))));
    const QByteArray tar = docker25Archive(&error);
    QVERIFY2(!tar.isEmpty(), qPrintable(error));
    QVERIFY(writeFile(path(QStringLiteral("docker25.tar")), tar));
    auto source = LocalImageSource::open(path(QStringLiteral("docker25.tar")));
    QVERIFY_RESULT(source);
    const LocalImageSource &s = **source;
    QCOMPARE(s.format(), LocalFormat::DockerOciArchive);
    QCOMPARE(s.images().size(), 1);
    const image::LocalImage &image = s.images().first();
    QVERIFY(!image.synthesised);
    QVERIFY2(image.names.contains(QStringLiteral("local/d25:1.0")) && image.names.contains(QStringLiteral("docker.io/local/d25:1.0")),
             qPrintable(image.names.join(u',')));
    QCOMPARE(image.config, m_docker.config);
    QCOMPARE(image.diffIds.size(), image.manifest.manifest().layers.size());
    for (qsizetype i = 0; i < image.diffIds.size(); ++i)
        QCOMPARE(image.manifest.manifest().layers.at(i).digest(), image.diffIds.at(i));
    QVERIFY_RESULT(s.verifyBlobs());

}

void TestLocalImageSource::openAsync()
{
    QObject context;
    bool done = false;
    QString format;
    LocalImageSource::openAsync(path(QStringLiteral("oci.tar")))
        .then(&context, [&](oci::Result<std::shared_ptr<const LocalImageSource>> result) {
            QVERIFY(QThread::currentThread() == context.thread());
            if (result)
                format = image::localFormatName((*result)->format());
            done = true;
        });
    QTRY_VERIFY(done);
    QCOMPARE(format, QStringLiteral("oci-archive"));

    auto source = LocalImageSource::open(path(QStringLiteral("oci.tar")));
    QVERIFY_RESULT(source);
    auto future = LocalImageSource::verifyAsync(*source);
    QTRY_VERIFY(future.isFinished());
    QVERIFY_RESULT(future.result());
}

void TestLocalImageSource::wrongDiffId()
{
    // A docker-archive whose layer is not the tar its config's diff_id names: open() reads
    // documents only, so the read is where it is refused — and verifyBlobs() before a push.
    const QString folder = path(QStringLiteral("merged"));
    if (!QFile::exists(folder + u"/manifest.json"))
        QVERIFY(untar(path(QStringLiteral("docker.tar")), folder));
    const QJsonObject entry = QJsonDocument::fromJson(readFile(folder + u"/manifest.json")).array().first().toObject();
    const QString configName = entry.value(QLatin1String("Config")).toString();
    const QString layerName = entry.value(QLatin1String("Layers")).toArray().first().toString();
    QByteArray layer = readFile(folder + u'/' + layerName);
    QVERIFY(layer.size() > 1024);
    layer[600] = char(layer.at(600) ^ 0x01); // a byte of the first file's content
    QByteArray tar = tarMember("manifest.json", readFile(folder + u"/manifest.json"))
                     + tarMember(configName.toUtf8(), readFile(folder + u'/' + configName))
                     + tarMember(layerName.toUtf8(), layer);
    const QJsonArray otherLayers = entry.value(QLatin1String("Layers")).toArray();
    for (qsizetype i = 1; i < otherLayers.size(); ++i) {
        const QString name = otherLayers.at(i).toString();
        if (name != layerName)
            tar += tarMember(name.toUtf8(), readFile(folder + u'/' + name));
    }
    tar += tarEnd();
    const QString file = path(QStringLiteral("wrong-diffid.tar"));
    QVERIFY(writeFile(file, tar));
    auto source = LocalImageSource::open(file);
    QVERIFY_RESULT(source);
    auto verified = (*source)->verifyBlobs();
    QVERIFY(!verified.ok());
    QCOMPARE(verified.error().code(), Error::Code::DigestMismatch);
    QVERIFY2(verified.error().message().contains(QStringLiteral("rootfs.diff_ids[0]")), qPrintable(describe(verified.error())));
    QCOMPARE(verified.error().object(), file + u": " + layerName);
    auto streamed = streamBlob(**source, (*source)->images().first().diffIds.first());
    QVERIFY(!streamed.ok());
    QCOMPARE(streamed.error().code(), Error::Code::DigestMismatch);

    // The same, gzip'ed: verifyBlobs walks the stream once.
    const auto gz = testsupport::runTool(QStringLiteral("gzip"), {QStringLiteral("-kf"), file});
    QVERIFY(gz.ok());
    auto gzSource = LocalImageSource::open(file + u".gz");
    QVERIFY_RESULT(gzSource);
    auto gzVerified = (*gzSource)->verifyBlobs();
    QVERIFY(!gzVerified.ok());
    QCOMPARE(gzVerified.error().code(), Error::Code::DigestMismatch);

    // A truncated gzip stream is refused at open.
    const QByteArray gzBytes = readFile(file + u".gz");
    QVERIFY(writeFile(file + u".cut.gz", gzBytes.left(gzBytes.size() - 20)));
    auto cut = LocalImageSource::open(file + u".cut.gz");
    QVERIFY(!cut.ok());
    QVERIFY2(cut.error().message().contains(QStringLiteral("truncated")), qPrintable(describe(cut.error())));

    // And a docker-archive cut in the middle of its layer.
    const QByteArray plain = readFile(path(QStringLiteral("docker.tar")));
    QVERIFY(writeFile(path(QStringLiteral("docker-cut.tar")), plain.left(plain.size() / 2)));
    auto half = LocalImageSource::open(path(QStringLiteral("docker-cut.tar")));
    QVERIFY(!half.ok());
    QVERIFY2(half.error().message().contains(QStringLiteral("truncated")), qPrintable(describe(half.error())));
}

void TestLocalImageSource::tamperedOciBlob()
{
    // A copy of the skopeo layout with one byte of a layer changed: the read is refused.
    const QString copy = path(QStringLiteral("layout-tampered"));
    const auto cp = testsupport::runTool(QStringLiteral("cp"), {QStringLiteral("-r"), path(QStringLiteral("layout")), copy});
    QVERIFY(cp.ok());
    const oci::Digest layer = m_oci.layers.first();
    const QString blob = copy + u"/blobs/sha256/" + layer.encoded();
    QByteArray bytes = readFile(blob);
    bytes[bytes.size() / 2] = char(bytes.at(bytes.size() / 2) ^ 0x40);
    QVERIFY(writeFile(blob, bytes));
    auto source = LocalImageSource::open(copy);
    QVERIFY_RESULT(source);
    auto streamed = streamBlob(**source, layer);
    QVERIFY(!streamed.ok());
    QCOMPARE(streamed.error().code(), Error::Code::DigestMismatch);
    QVERIFY(streamed.error().object().endsWith(u"blobs/sha256/" + layer.encoded()));

    // A blob shorter than its descriptor is refused at open; a tampered config too.
    QVERIFY(writeFile(blob, bytes.left(bytes.size() - 1)));
    auto shorter = LocalImageSource::open(copy);
    QVERIFY(!shorter.ok());
    QVERIFY2(shorter.error().message().contains(QStringLiteral("bytes")), qPrintable(describe(shorter.error())));
    QVERIFY(writeFile(blob, readFile(path(QStringLiteral("layout/blobs/sha256/")) + layer.encoded())));
    const QString config = copy + u"/blobs/sha256/" + m_oci.configDigest.encoded();
    QByteArray configBytes = readFile(config);
    configBytes.replace("amd64", "AMD64");
    QVERIFY(writeFile(config, configBytes));
    auto badConfig = LocalImageSource::open(copy);
    QVERIFY(!badConfig.ok());
    QCOMPARE(badConfig.error().code(), Error::Code::DigestMismatch);

    // A symlinked blob in a layout folder is refused (it could point anywhere on disk).
    QVERIFY(writeFile(config, readFile(path(QStringLiteral("layout/blobs/sha256/")) + m_oci.configDigest.encoded())));
    QVERIFY(QFile::remove(blob));
    QVERIFY(QFile::link(path(QStringLiteral("layout/blobs/sha256/")) + layer.encoded(), blob));
    auto linked = LocalImageSource::open(copy);
    QVERIFY(!linked.ok());
    QVERIFY2(linked.error().message().contains(QStringLiteral("symlink")), qPrintable(describe(linked.error())));

    // A folder that is not a layout.
    auto notLayout = LocalImageSource::open(m_scratch->path());
    QVERIFY(!notLayout.ok());
    QCOMPARE(notLayout.error().code(), Error::Code::Unsupported);
}

QTEST_GUILESS_MAIN(TestLocalImageSource)
#include "tst_localimagesource.moc"
