// LocalImageSource on inputs made by the real tools — skopeo copies from the rig's registry
// to docker-archive:, oci-archive: and oci: (a multi-arch index too), umoci's layout, gzip —
// cross-checked against what `skopeo inspect --raw` reports for the source images; and
// hostile archives made by hand.

#include "support/fixtures.h"
#include "support/ocilayoutfixture.h"
#include "support/registryprocess.h"
#include "support/toolrunner.h"

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
#include <QRandomGenerator>
#include <QtTest>

#include <cstring>

using image::LocalFormat;
using image::LocalImageSource;
using oci::Error;

namespace {

// A ustar member written by hand, so hostile names and links are exactly what we say.
QByteArray tarMember(const QByteArray &name, const QByteArray &content, char type = '0',
                     const QByteArray &link = QByteArray())
{
    QByteArray header(512, '\0');
    std::memcpy(header.data(), name.constData(), size_t(qMin<qsizetype>(name.size(), 100)));
    std::memcpy(header.data() + 100, "0000644", 7);
    std::memcpy(header.data() + 108, "0000000", 7);
    std::memcpy(header.data() + 116, "0000000", 7);
    const QByteArray size = QByteArray::number(content.size(), 8).rightJustified(11, '0');
    std::memcpy(header.data() + 124, size.constData(), 11);
    std::memcpy(header.data() + 136, "00000000000", 11);
    header[156] = type;
    std::memcpy(header.data() + 157, link.constData(), size_t(qMin<qsizetype>(link.size(), 100)));
    std::memcpy(header.data() + 257, "ustar\0" "00", 8);
    std::memset(header.data() + 148, ' ', 8);
    unsigned sum = 0;
    for (char c : std::as_const(header))
        sum += static_cast<unsigned char>(c);
    const QByteArray checksum = QByteArray::number(sum, 8).rightJustified(6, '0');
    std::memcpy(header.data() + 148, checksum.constData(), 6);
    header[154] = '\0';
    QByteArray padding((512 - content.size() % 512) % 512, '\0');
    return header + content + padding;
}

QByteArray tarEnd()
{
    return QByteArray(1024, '\0');
}

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

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray json(const QJsonArray &array)
{
    return QJsonDocument(array).toJson(QJsonDocument::Compact);
}

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
    void hostile_data();
    void hostile();
    void wrongDiffId();
    void tamperedOciBlob();
    void gzipCap();
    void largeArchiveTiming();

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

    const QStringList source = m_fixtures->skopeoSourceOptions();
    const QString registry = u"docker://" + m_registry->host() + u'/';
    // --src-tls-verify style options for `copy` are spelled --src-*.
    QStringList src;
    for (const QString &option : source)
        src << QString(option).replace(QStringLiteral("--"), QStringLiteral("--src-"));
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

void TestLocalImageSource::hostile_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("problem");

    const QByteArray config = R"({"architecture":"amd64","os":"linux","rootfs":{"type":"layers","diff_ids":[]}})";
    auto dockerArchive = [&config](const QByteArray &layerMember, const QByteArray &extra) -> QByteArray {
        const QByteArray manifest = "[{\"Config\":\"config.json\",\"RepoTags\":[\"x:1\"],\"Layers\":[\"" + layerMember + "\"]}]";
        QByteArray withLayer = config;
        withLayer.replace("\"diff_ids\":[]", QByteArray("\"diff_ids\":[\"sha256:" + QByteArray(64, 'a') + "\"]"));
        return tarMember("manifest.json", manifest) + tarMember("config.json", withLayer) + extra + tarEnd();
    };

    QTest::newRow("empty file") << QByteArray() << int(Error::Code::MalformedDocument) << QStringLiteral("empty file");
    QByteArray random(4096, '\0');
    QRandomGenerator(42).fillRange(reinterpret_cast<quint32 *>(random.data()), random.size() / 4);
    random[0] = 'x'; // not a compression magic
    QTest::newRow("random bytes") << random << int(Error::Code::MalformedDocument) << QStringLiteral("not a tar archive");
    QTest::newRow("random tar") << tarMember("hello.txt", "hello\n") + tarEnd() << int(Error::Code::Unsupported)
                                << QStringLiteral("neither oci-layout nor manifest.json");
    QTest::newRow("no end-of-archive") << tarMember("hello.txt", "hello\n") << int(Error::Code::Io)
                                       << QStringLiteral("truncated");
    QTest::newRow("truncated member") << tarMember("manifest.json", QByteArray(2000, ' ')).left(1200)
                                      << int(Error::Code::Io) << QStringLiteral("truncated");
    QTest::newRow("dot-dot member") << tarMember("../evil", "x") + tarEnd() << int(Error::Code::MalformedDocument)
                                    << QStringLiteral("unsafe member name");
    QTest::newRow("dot-dot inside") << tarMember("blobs/../../evil", "x") + tarEnd()
                                    << int(Error::Code::MalformedDocument) << QStringLiteral("unsafe member name");
    QTest::newRow("absolute member") << tarMember("/etc/evil", "x") + tarEnd() << int(Error::Code::MalformedDocument)
                                     << QStringLiteral("unsafe member name");
    QTest::newRow("duplicate member") << tarMember("a", "x") + tarMember("a", "y") + tarEnd()
                                      << int(Error::Code::MalformedDocument) << QStringLiteral("appears twice");
    QTest::newRow("missing layer member") << dockerArchive("nothere.tar", {}) << int(Error::Code::NotFound)
                                          << QStringLiteral("missing member");
    QTest::newRow("symlink out, absolute") << dockerArchive("layer.tar", tarMember("layer.tar", {}, '2', "/etc/passwd"))
                                           << int(Error::Code::MalformedDocument) << QStringLiteral("symlink leaves the archive");
    QTest::newRow("symlink out, dot-dot") << dockerArchive("l/layer.tar", tarMember("l/layer.tar", {}, '2', "../../x.tar"))
                                          << int(Error::Code::MalformedDocument) << QStringLiteral("symlink leaves the archive");
    QTest::newRow("hardlink out") << dockerArchive("layer.tar", tarMember("layer.tar", {}, '1', "../x.tar"))
                                  << int(Error::Code::MalformedDocument) << QStringLiteral("hardlink leaves the archive");
    QTest::newRow("symlink cycle") << dockerArchive("a.tar", tarMember("a.tar", {}, '2', "b.tar") + tarMember("b.tar", {}, '2', "a.tar"))
                                   << int(Error::Code::MalformedDocument) << QStringLiteral("link cycle");
    QTest::newRow("layer is a folder") << dockerArchive("d", tarMember("d", {}, '5'))
                                       << int(Error::Code::MalformedDocument) << QStringLiteral("not a regular file");
    QTest::newRow("config named for another digest")
        << tarMember("manifest.json", "[{\"Config\":\"" + QByteArray(64, 'b') + ".json\",\"Layers\":[]}]")
               + tarMember(QByteArray(64, 'b') + ".json", config) + tarEnd()
        << int(Error::Code::DigestMismatch) << QStringLiteral("hashes to");
    QTest::newRow("manifest.json not JSON") << tarMember("manifest.json", "[{") + tarEnd()
                                            << int(Error::Code::MalformedDocument) << QString();
    QTest::newRow("manifest.json over the cap") << tarMember("manifest.json", QByteArray(5 * 1024 * 1024, ' ')) + tarEnd()
                                                << int(Error::Code::SizeLimitExceeded) << QStringLiteral("cap");
    QTest::newRow("oci-layout of another version")
        << tarMember("oci-layout", R"({"imageLayoutVersion":"2.0.0"})") + tarMember("index.json", "{}") + tarEnd()
        << int(Error::Code::Unsupported) << QStringLiteral("imageLayoutVersion");
    QTest::newRow("xz") << QByteArray("\xfd\x37\x7a\x58\x5a\x00rest", 10) << int(Error::Code::Unsupported)
                        << QStringLiteral("decompress it first");
}

void TestLocalImageSource::hostile()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, code);
    QFETCH(QString, problem);
    const QString file = path(QStringLiteral("hostile-%1.tar").arg(QString::fromUtf8(QTest::currentDataTag())).replace(u' ', u'-'));
    QVERIFY(writeFile(file, bytes));
    auto source = LocalImageSource::open(file);
    QVERIFY(!source.ok());
    const Error &error = source.error();
    QVERIFY2(error.object().startsWith(file), qPrintable(describe(error))); // names the file
    QVERIFY2(error.message().contains(problem), qPrintable(describe(error)));
    QCOMPARE(int(error.code()), code);

    // Gzip'ed, the same problems are found (and a cut gzip stream is truncated).
    if (!bytes.isEmpty() && bytes.at(0) != '\xfd') {
        const auto gz = testsupport::runTool(QStringLiteral("gzip"), {QStringLiteral("-c")}, 60000, {}, bytes);
        QVERIFY(gz.ok());
        QVERIFY(writeFile(file + u".gz", gz.standardOutput));
        auto gzSource = LocalImageSource::open(file + u".gz");
        QVERIFY(!gzSource.ok());
        QVERIFY2(gzSource.error().message().contains(problem), qPrintable(describe(gzSource.error())));
    }
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

void TestLocalImageSource::gzipCap()
{
    // A decompressed-size cap stops a gzip bomb.
    QByteArray zeros = tarMember("manifest.json", QByteArray(3 * 1024 * 1024, ' ')) + tarEnd();
    const auto gz = testsupport::runTool(QStringLiteral("gzip"), {QStringLiteral("-c")}, 60000, {}, zeros);
    QVERIFY(gz.ok());
    QVERIFY(gz.standardOutput.size() < 64 * 1024);
    QVERIFY(writeFile(path(QStringLiteral("bomb.tar.gz")), gz.standardOutput));
    image::LocalSourceOptions options;
    options.maxTarBytes = 1024 * 1024;
    auto source = LocalImageSource::open(path(QStringLiteral("bomb.tar.gz")), options);
    QVERIFY(!source.ok());
    QCOMPARE(source.error().code(), Error::Code::SizeLimitExceeded);
}

void TestLocalImageSource::largeArchiveTiming()
{
    // A docker-archive with one 192 MiB layer of random bytes: open and verify, printed.
    const qint64 layerBytes = 192ll * 1024 * 1024;
    const QString file = path(QStringLiteral("large.tar"));
    QFile out(file);
    QVERIFY(out.open(QIODevice::WriteOnly));
    // The layer is itself a tar of one file; it is written straight into the archive.
    const qint64 layerTarSize = 512 + layerBytes + 1024;
    oci::DigestHasher hasher;
    QByteArray layerHeader = tarMember("random.bin", QByteArray()).left(512);
    {
        const QByteArray size = QByteArray::number(layerBytes, 8).rightJustified(11, '0');
        std::memcpy(layerHeader.data() + 124, size.constData(), 11);
        std::memset(layerHeader.data() + 148, ' ', 8);
        unsigned sum = 0;
        for (char c : std::as_const(layerHeader))
            sum += static_cast<unsigned char>(c);
        const QByteArray checksum = QByteArray::number(sum, 8).rightJustified(6, '0');
        std::memcpy(layerHeader.data() + 148, checksum.constData(), 6);
        layerHeader[154] = '\0';
    }
    QByteArray outer = tarMember("layer.tar", QByteArray()).left(512);
    {
        const QByteArray size = QByteArray::number(layerTarSize, 8).rightJustified(11, '0');
        std::memcpy(outer.data() + 124, size.constData(), 11);
        std::memset(outer.data() + 148, ' ', 8);
        unsigned sum = 0;
        for (char c : std::as_const(outer))
            sum += static_cast<unsigned char>(c);
        const QByteArray checksum = QByteArray::number(sum, 8).rightJustified(6, '0');
        std::memcpy(outer.data() + 148, checksum.constData(), 6);
        outer[154] = '\0';
    }
    out.write(outer);
    out.write(layerHeader);
    hasher.addData(layerHeader);
    QByteArray chunk(4 * 1024 * 1024, Qt::Uninitialized);
    auto *random = QRandomGenerator::global();
    for (qint64 done = 0; done < layerBytes; done += chunk.size()) {
        // Half random, half zeros: compressible enough for gzip to matter.
        random->fillRange(reinterpret_cast<quint32 *>(chunk.data()), chunk.size() / 8);
        std::memset(chunk.data() + chunk.size() / 2, 0, size_t(chunk.size() / 2));
        out.write(chunk);
        hasher.addData(chunk);
    }
    out.write(QByteArray(1024, '\0'));
    hasher.addData(QByteArray(1024, '\0'));
    const oci::Digest diffId = hasher.finish();
    const QByteArray config = R"({"architecture":"amd64","os":"linux","rootfs":{"type":"layers","diff_ids":[")"
                              + diffId.toString().toUtf8() + "\"]}}";
    const QByteArray manifest = R"([{"Config":"config.json","RepoTags":["large:1"],"Layers":["layer.tar"]}])";
    out.write(tarMember("config.json", config) + tarMember("manifest.json", manifest) + tarEnd());
    out.close();

    QElapsedTimer timer;
    timer.start();
    auto source = LocalImageSource::open(file);
    const qint64 openMs = timer.elapsed();
    QVERIFY_RESULT(source);
    timer.restart();
    QVERIFY_RESULT((*source)->verifyBlobs());
    const qint64 verifyMs = timer.elapsed();

    const auto gz = testsupport::runTool(QStringLiteral("sh"), {QStringLiteral("-c"), u"gzip -1 -c '" + file + u"' > '" + file + u".gz'"}, 300000);
    QVERIFY(gz.ok());
    timer.restart();
    auto gzSource = LocalImageSource::open(file + u".gz");
    const qint64 gzOpenMs = timer.elapsed();
    QVERIFY_RESULT(gzSource);
    timer.restart();
    QVERIFY_RESULT((*gzSource)->verifyBlobs());
    const qint64 gzVerifyMs = timer.elapsed();
    qInfo("large docker-archive (%lld MiB): open %lld ms, verifyBlobs %lld ms; gzip -1'ed (%lld MiB): open %lld ms "
          "(one inflating pass), verifyBlobs %lld ms (gzip -d to /dev/null took %lld ms)",
          QFileInfo(file).size() >> 20, openMs, verifyMs, QFileInfo(file + u".gz").size() >> 20, gzOpenMs, gzVerifyMs,
          testsupport::runTool(QStringLiteral("sh"), {QStringLiteral("-c"), u"gzip -dc '" + file + u".gz' > /dev/null"}).elapsedMs);
    QFile::remove(file);
    QFile::remove(file + u".gz");
}

QTEST_GUILESS_MAIN(TestLocalImageSource)
#include "tst_localimagesource.moc"
