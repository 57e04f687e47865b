// ladingctl layers / files / cat / waste against the real registry (anonymous, plain http)
// and on the same image saved by skopeo as docker-archive and oci-archive, and as the OCI
// layout umoci built. The image: a base layer; a layer adding a symlink, a hardlink, a
// script and a JSON file; a layer deleting files, making a directory opaque and replacing
// a file that a hardlink keeps alive. The oracles: `umoci unpack` of the same layout (lstat
// of every path), the bytes the test wrote, and waste totals computed by hand. Hostile
// layers (a truncated gzip stream, bytes that do not match their digest, a corrupt local
// layer) end in one error
// line and exit status 1.

#include "../image/tartestdata.h"
#include "../oci/cachetestsupport.h"
#include "ladingctlprocess.h"

#include "support/fixtures.h"
#include "support/registryprocess.h"

#include "oci/core/digest.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using clitest::Run;
using tartest::Writer;
using namespace stackedimage;
using testsupport::Tree;
using testsupport::TreeEntry;

namespace {

const QString Repo = QStringLiteral("layers/test");
// `files --json` as the same map: a hardlink is a file on disk (same inode as its target).
Tree fromJson(const QByteArray &bytes)
{
    Tree entries;
    const QJsonArray array = QJsonDocument::fromJson(bytes).array();
    for (const QJsonValue &value : array) {
        const QJsonObject object = value.toObject();
        TreeEntry info;
        info.type = object.value(u"type").toString();
        info.mode = object.value(u"mode").toString().toUInt(nullptr, 8);
        info.size = qint64(object.value(u"size").toDouble());
        if (info.type == u"hardlink")
            info.type = QStringLiteral("file");
        if (info.type == u"symlink") {
            info.link = object.value(u"linkTarget").toString();
            info.mode = 0;
        }
        if (info.type == u"directory")
            info.size = 0;
        entries.insert(object.value(u"path").toString(), info);
    }
    return entries;
}

QJsonObject parseObject(const QByteArray &bytes)
{
    return QJsonDocument::fromJson(bytes).object();
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QJsonObject descriptor(const QString &mediaType, const QByteArray &bytes)
{
    return QJsonObject{{QStringLiteral("mediaType"), mediaType},
                       {QStringLiteral("digest"), oci::Digest::sha256Of(bytes).toString()},
                       {QStringLiteral("size"), bytes.size()}};
}

} // namespace

class TestLadingctlLayers final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void layersTable();
    void mergedFilesEqualUmociUnpack();
    void layerViewMarksChanges();
    void mergedChangedShowsTopLayerOnly();
    void catGivesExactBytes();
    void catErrors();
    void wasteMatchesHandComputedTotals();
    void localSourcesGiveTheSameOutput_data();
    void localSourcesGiveTheSameOutput();
    void secondRunUsesTheLayerCache();
    void noCacheLeavesNothing();
    void hostileLayersFailInOneLine_data();
    void hostileLayersFailInOneLine();
    void layerOutOfRange();
    void indexPlatforms();

private:
    Run run(const QStringList &arguments, const QString &cacheHome = {});
    Run registryRun(const QString &command, const QStringList &extra = {},
                    const QString &reference = {});
    bool tool(const QString &name, const QStringList &arguments);
    bool pushHandMadeImage(const QString &tag, const QByteArray &layer, const QString &mediaType);
    QString registryRef(const QString &tag = QStringLiteral("1")) const
    {
        return m_registry->host() + u'/' + Repo + u':' + tag;
    }

    std::unique_ptr<RegistryProcess> m_registry;
    std::unique_ptr<QTemporaryDir> m_scratch;
    QTemporaryDir m_dockerConfig;
    QTemporaryDir m_cacheHome;
    QString m_layout;  // the umoci layout, image "img"
    QString m_rootfs;  // umoci unpack of it
    QString m_dockerArchive;
    QString m_ociArchive;
    QString m_badLayout; // a copy of the layout with one layer's gzip trailer changed
    oci::Digest m_badDigest;
    SeededImage m_index; // two platforms: linux/amd64, linux/arm64/v8
};

Run TestLadingctlLayers::run(const QStringList &arguments, const QString &cacheHome)
{
    QProcessEnvironment cache;
    cache.insert(QStringLiteral("XDG_CACHE_HOME"), cacheHome.isEmpty() ? m_cacheHome.path() : cacheHome);
    return clitest::ladingctl(arguments, m_dockerConfig.path(), {}, 120000, cache);
}

Run TestLadingctlLayers::registryRun(const QString &command, const QStringList &extra,
                                     const QString &reference)
{
    QStringList arguments{command, reference.isEmpty() ? registryRef() : reference};
    arguments << extra << QStringLiteral("--plain-http");
    return run(arguments);
}

bool TestLadingctlLayers::tool(const QString &name, const QStringList &arguments)
{
    const testsupport::ToolResult r = testsupport::runTool(testsupport::findTool(name), arguments,
                                                           120000, Fixtures::toolEnvironment());
    if (!r.ok())
        qWarning("%s", qPrintable(r.describe()));
    return r.ok();
}

// One layer and a config naming it, PUT over the HTTP API: layers no tool would write.
bool TestLadingctlLayers::pushHandMadeImage(const QString &tag, const QByteArray &layer,
                                            const QString &mediaType)
{
    const QByteArray config = compact(QJsonObject{
        {QStringLiteral("architecture"), QStringLiteral("amd64")},
        {QStringLiteral("os"), QStringLiteral("linux")},
        {QStringLiteral("rootfs"),
         QJsonObject{{QStringLiteral("type"), QStringLiteral("layers")},
                     {QStringLiteral("diff_ids"),
                      QJsonArray{oci::Digest::sha256Of(layer).toString()}}}}});
    const QByteArray manifest = compact(QJsonObject{
        {QStringLiteral("schemaVersion"), 2},
        {QStringLiteral("mediaType"), QStringLiteral("application/vnd.oci.image.manifest.v1+json")},
        {QStringLiteral("config"),
         descriptor(QStringLiteral("application/vnd.oci.image.config.v1+json"), config)},
        {QStringLiteral("layers"), QJsonArray{descriptor(mediaType, layer)}}});
    return cachetest::uploadBlob(*m_registry, Repo, config)
           && cachetest::uploadBlob(*m_registry, Repo, layer)
           && cachetest::putManifest(*m_registry, Repo, tag,
                                     "application/vnd.oci.image.manifest.v1+json", manifest);
}

void TestLadingctlLayers::initTestCase()
{
    REQUIRE_REGISTRY_TOOLS();
    QVERIFY(m_dockerConfig.isValid());
    QVERIFY(m_cacheHome.isValid());
    m_registry = std::make_unique<RegistryProcess>(RegistryProcess::Auth::Anonymous);
    QVERIFY2(m_registry->start(), qPrintable(m_registry->errorString()));
    Fixtures fixtures(*m_registry);
    m_scratch = testsupport::makeScratchDir(QStringLiteral("lading-cli-layers"));
    QVERIFY(m_scratch && m_scratch->isValid());

    // The image: umoci gzips each hand-made tar as it adds it.
    auto built = testsupport::buildUmociImage(m_scratch->path(), layerTars());
    QVERIFY_RESULT(built);
    m_layout = built->layout;
    m_rootfs = built->rootfs;
    const QString image = built->image;

    // To the registry, and saved as both archive kinds by skopeo.
    QVERIFY_RESULT(fixtures.pushFrom(built->skopeoReference(), Repo, QStringLiteral("1")));
    QStringList copy{QStringLiteral("copy"), QStringLiteral("--quiet")};
    m_dockerArchive = m_scratch->filePath(QStringLiteral("image-docker.tar"));
    m_ociArchive = m_scratch->filePath(QStringLiteral("image-oci.tar"));
    QVERIFY(tool(QStringLiteral("skopeo"),
                 QStringList(copy) << (QStringLiteral("oci:") + image)
                                   << (u"docker-archive:" + m_dockerArchive + u':' + Repo
                                       + QStringLiteral(":1"))));
    QVERIFY(tool(QStringLiteral("skopeo"), QStringList(copy) << (QStringLiteral("oci:") + image)
                                                             << (u"oci-archive:" + m_ociArchive
                                                                 + QStringLiteral(":1"))));

    auto pushedIndex = fixtures.pushIndex(QStringLiteral("layers/multi"), QStringLiteral("1"));
    QVERIFY_RESULT(pushedIndex);
    m_index = *pushedIndex;

    // Hostile: a gzip stream cut in half, and a plain tar layer whose bytes the registry's
    // storage then swaps for others of the same length (a digest mismatch on the wire).
    QByteArray gz = tartest::gzip(Writer().file("f", QByteArray(50000, 'x')).finish());
    QVERIFY(!gz.isEmpty());
    QVERIFY(pushHandMadeImage(QStringLiteral("truncated"), gz.first(gz.size() / 2),
                              QStringLiteral("application/vnd.oci.image.layer.v1.tar+gzip")));
    const QByteArray good = Writer().file("f", QByteArray(5000, 'a')).finish();
    QByteArray other = Writer().file("f", QByteArray(5000, 'b')).finish();
    QCOMPARE(other.size(), good.size());
    QVERIFY(pushHandMadeImage(QStringLiteral("baddigest"), good,
                              QStringLiteral("application/vnd.oci.image.layer.v1.tar")));
    m_badDigest = oci::Digest::sha256Of(good);
    const QString data = m_registry->storageDir()
                         + QStringLiteral("/docker/registry/v2/blobs/sha256/%1/%2/data")
                               .arg(m_badDigest.encoded().left(2), m_badDigest.encoded());
    QFile stored(data);
    QVERIFY2(stored.open(QIODevice::WriteOnly | QIODevice::Truncate), qPrintable(data));
    stored.write(other);
    stored.close();

    // The layout again, its top layer's bytes changed in place (the gzip CRC catches it).
    m_badLayout = m_scratch->filePath(QStringLiteral("badlayout"));
    QVERIFY(tool(QStringLiteral("cp"), {QStringLiteral("-r"), m_layout, m_badLayout}));
    const QJsonObject index =
        parseObject([&] {
            QFile f(m_badLayout + QStringLiteral("/index.json"));
            return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        }());
    const QString manifestDigest =
        index.value(u"manifests").toArray().first().toObject().value(u"digest").toString();
    QFile manifestFile(m_badLayout + u"/blobs/sha256/" + manifestDigest.mid(7));
    QVERIFY(manifestFile.open(QIODevice::ReadOnly));
    const QString layerDigest = parseObject(manifestFile.readAll())
                                    .value(u"layers").toArray().last().toObject()
                                    .value(u"digest").toString();
    QFile layerFile(m_badLayout + u"/blobs/sha256/" + layerDigest.mid(7));
    QVERIFY(layerFile.open(QIODevice::ReadWrite));
    QByteArray bytes = layerFile.readAll();
    bytes[bytes.size() - 3] = char(bytes[bytes.size() - 3] ^ 0x55); // in the gzip trailer
    layerFile.seek(0);
    layerFile.write(bytes);
    layerFile.close();
}

void TestLadingctlLayers::layersTable()
{
    const Run text = registryRun(QStringLiteral("layers"));
    QVERIFY2(text.exitCode == 0, text.describe().constData());
    QList<QByteArray> lines = text.out.split('\n');
    QVERIFY(lines.last().isEmpty());
    lines.removeLast();
    QCOMPARE(lines.size(), 4); // header + 3 layers
    QVERIFY(lines.first().startsWith("#  DIGEST"));
    QVERIFY2(lines.at(1).contains("gzip") && lines.at(1).contains("umoci raw add-layer"),
             lines.at(1).constData());

    const Run json = registryRun(QStringLiteral("layers"), {QStringLiteral("--json")});
    QVERIFY2(json.exitCode == 0, json.describe().constData());
    const QJsonArray layers = QJsonDocument::fromJson(json.out).array();
    QCOMPARE(layers.size(), 3);
    const QList<QByteArray> tars = layerTars();
    const QList<int> files{7, 2, 2}; // regular files per layer (the hardlink is none)
    for (int i = 0; i < 3; ++i) {
        const QJsonObject layer = layers.at(i).toObject();
        QCOMPARE(layer.value(u"index").toInt(), i);
        QCOMPARE(layer.value(u"compression").toString(), QStringLiteral("gzip"));
        QCOMPARE(qint64(layer.value(u"uncompressedSize").toDouble()), qint64(tars.at(i).size()));
        QCOMPARE(layer.value(u"files").toInt(), files.at(i));
        QVERIFY(layer.value(u"digest").toString().startsWith(u"sha256:"));
    }
}

void TestLadingctlLayers::mergedFilesEqualUmociUnpack()
{
    const Run r = registryRun(QStringLiteral("files"), {QStringLiteral("--merged"), QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, r.describe().constData());
    QVERIFY2(r.err.isEmpty(), r.err.constData());
    const Tree actual = fromJson(r.out);
    const Tree expected = testsupport::lstatTree(m_rootfs);
    const QStringList differences = testsupport::treeDifferences(expected, actual);
    QVERIFY2(differences.isEmpty(), qPrintable(differences.join(u'\n')));
    QCOMPARE(expected.size(), 16);

    // The text form: one line per path, the same paths, links spelled out.
    const Run text = registryRun(QStringLiteral("files"));
    QVERIFY2(text.exitCode == 0, text.describe().constData());
    const QList<QByteArray> lines = text.out.trimmed().split('\n');
    QCOMPARE(lines.size(), actual.size());
    QVERIFY2(text.out.contains("usr/bin/link -> tool\n"), text.out.constData());
    QVERIFY2(text.out.contains("usr/bin/hard link to usr/bin/tool\n"), text.out.constData());
    QVERIFY2(text.out.contains("etc/app/abs -> /usr/bin/script.sh\n"), text.out.constData());
    // type, mode, size, layer, change, path
    bool sawScript = false;
    for (const QByteArray &line : lines) {
        const QList<QByteArray> cells = line.simplified().split(' ');
        if (cells.value(5) == "usr/bin/script.sh") {
            QCOMPARE(cells.mid(0, 5), (QList<QByteArray>{"-", "0755", QByteArray::number(Script.size()),
                                                        "1", "added"}));
            sawScript = true;
        }
        if (cells.value(5) == "usr/bin/tool")
            QCOMPARE(cells.mid(0, 5), (QList<QByteArray>{"-", "0755", "9", "2", "modified"}));
    }
    QVERIFY(sawScript);
}

void TestLadingctlLayers::layerViewMarksChanges()
{
    const Run r = registryRun(QStringLiteral("files"), {QStringLiteral("--layer"), QStringLiteral("2")});
    QVERIFY2(r.exitCode == 0, r.describe().constData());
    QHash<QByteArray, QList<QByteArray>> byPath;
    for (const QByteArray &line : r.out.trimmed().split('\n')) {
        const QList<QByteArray> cells = line.simplified().split(' ');
        QVERIFY2(cells.size() >= 6, line.constData());
        QCOMPARE(cells.at(3), QByteArray("2"));
        byPath.insert(cells.at(5) + ' ' + cells.at(0), cells);
    }
    QCOMPARE(byPath.value("etc/passwd w").value(4), QByteArray("removed"));
    QCOMPARE(byPath.value("var/cache/big w").value(4), QByteArray("removed"));
    QCOMPARE(byPath.value("etc/config o").value(4), QByteArray("opaque"));
    QCOMPARE(byPath.value("etc/config/new.conf -").value(4), QByteArray("added"));
    QCOMPARE(byPath.value("usr/bin/tool -").value(4), QByteArray("modified"));
    QCOMPARE(byPath.value("etc d").value(4), QByteArray("unchanged"));
    QCOMPARE(byPath.size(), 7);

    // --changed drops what was rewritten as it was (etc, etc/config as directories).
    const Run changed = registryRun(QStringLiteral("files"),
                                    {QStringLiteral("--layer"), QStringLiteral("2"),
                                     QStringLiteral("--changed")});
    QVERIFY2(changed.exitCode == 0, changed.describe().constData());
    QVERIFY2(!changed.out.contains("unchanged"), changed.out.constData());
    QCOMPARE(changed.out.trimmed().split('\n').size(), 5);

    // The base layer as its own list: archive order, all added.
    const Run base = registryRun(QStringLiteral("files"), {QStringLiteral("--layer"), QStringLiteral("0"),
                                                           QStringLiteral("--json")});
    QVERIFY2(base.exitCode == 0, base.describe().constData());
    const QJsonArray entries = QJsonDocument::fromJson(base.out).array();
    QCOMPARE(entries.size(), 15);
    QCOMPARE(entries.first().toObject().value(u"path").toString(), QStringLiteral("etc"));
    for (const QJsonValue &entry : entries)
        QCOMPARE(entry.toObject().value(u"change").toString(), QStringLiteral("added"));
}

void TestLadingctlLayers::mergedChangedShowsTopLayerOnly()
{
    const Run r = registryRun(QStringLiteral("files"), {QStringLiteral("--merged"), QStringLiteral("--changed")});
    QVERIFY2(r.exitCode == 0, r.describe().constData());
    QStringList paths;
    for (const QByteArray &line : r.out.trimmed().split('\n')) {
        const QList<QByteArray> cells = line.simplified().split(' ');
        paths << QString::fromUtf8(cells.at(0) + ' ' + cells.at(4) + ' ' + cells.at(5));
    }
    // Added/modified by layer 2, then what it removed (whiteouts and the opaque directory).
    QCOMPARE(paths, (QStringList{QStringLiteral("- added etc/config/new.conf"),
                                 QStringLiteral("- modified usr/bin/tool"),
                                 QStringLiteral("w removed etc/config/a.conf"),
                                 QStringLiteral("w removed etc/config/b.conf"),
                                 QStringLiteral("w removed etc/config/sub"),
                                 QStringLiteral("w removed etc/config/sub/c.conf"),
                                 QStringLiteral("w removed etc/passwd"),
                                 QStringLiteral("w removed var/cache/big")}));

    // The filesystem after layer 1: passwd and the old config are still there.
    const Run after1 = registryRun(QStringLiteral("files"), {QStringLiteral("--merged"), QStringLiteral("--layer"),
                                                             QStringLiteral("1"), QStringLiteral("--json")});
    QVERIFY2(after1.exitCode == 0, after1.describe().constData());
    const Tree tree = fromJson(after1.out);
    QVERIFY(tree.contains(QStringLiteral("etc/passwd")));
    QVERIFY(tree.contains(QStringLiteral("etc/config/sub/c.conf")));
    QVERIFY(!tree.contains(QStringLiteral("etc/config/new.conf")));
    QCOMPARE(tree.value(QStringLiteral("usr/bin/tool")).size, Tool.size());
}

void TestLadingctlLayers::catGivesExactBytes()
{
    const QList<std::pair<QString, QByteArray>> files{
        {QStringLiteral("usr/bin/script.sh"), Script},
        {QStringLiteral("/etc/app/config.json"), Json},
        {QStringLiteral("usr/bin/tool"), NewTool},
        {QStringLiteral("usr/bin/hard"), Tool},       // the old content, kept by the hardlink
        {QStringLiteral("usr/lib/blob.bin"), binaryBytes()},
        {QStringLiteral("etc/app/abs"), Script},      // absolute symlink, from the image root
        {QStringLiteral("usr/bin/link"), NewTool},    // relative symlink
        {QStringLiteral("etc/config/new.conf"), NewConf},
    };
    for (const auto &[path, bytes] : files) {
        const Run r = registryRun(QStringLiteral("cat"), {path});
        QVERIFY2(r.exitCode == 0, r.describe().constData());
        QVERIFY2(r.err.isEmpty(), r.err.constData());
        QVERIFY2(r.out == bytes, qPrintable(path));
        QCOMPARE(r.out, bytes);
    }
}

void TestLadingctlLayers::catErrors()
{
    for (const QString &path : {QStringLiteral("etc/passwd"), QStringLiteral("etc/config/a.conf"),
                                QStringLiteral("usr/bin"), QStringLiteral("nothing/here")}) {
        const Run r = registryRun(QStringLiteral("cat"), {path});
        QVERIFY2(r.exitCode == 1, r.describe().constData());
        QVERIFY2(r.out.isEmpty(), r.out.constData());
        VERIFY_ONE_ERROR_LINE(r);
        QVERIFY2(r.err.contains(path.toUtf8()), r.err.constData());
    }
}

void TestLadingctlLayers::wasteMatchesHandComputedTotals()
{
    const Run r = registryRun(QStringLiteral("waste"), {QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, r.describe().constData());
    const QJsonObject waste = parseObject(r.out);
    // Every regular file of every layer ships once (the hardlink has no bytes of its own).
    const qint64 total = Passwd.size() + ConfA.size() + ConfB.size() + ConfC.size() + Tool.size()
                         + binaryBytes().size() + Big.size() + Script.size() + Json.size()
                         + NewConf.size() + NewTool.size();
    // Gone: passwd and big (whiteouts), a, b and c (opaque). The old tool survives through
    // its hardlink usr/bin/hard: not waste.
    const qint64 wasted = Passwd.size() + ConfA.size() + ConfB.size() + ConfC.size() + Big.size();
    QCOMPARE(qint64(waste.value(u"totalBytes").toDouble()), total);
    QCOMPARE(qint64(waste.value(u"wastedBytes").toDouble()), wasted);
    QCOMPARE(qint64(waste.value(u"visibleBytes").toDouble()), total - wasted);
    QVERIFY(qAbs(waste.value(u"efficiency").toDouble() - double(total - wasted) / double(total)) < 1e-9);
    const QJsonArray paths = waste.value(u"paths").toArray();
    QCOMPARE(paths.size(), 5);
    QCOMPARE(paths.first().toObject().value(u"path").toString(), QStringLiteral("var/cache/big"));
    QCOMPARE(qint64(paths.first().toObject().value(u"wastedBytes").toDouble()), qint64(Big.size()));

    const Run text = registryRun(QStringLiteral("waste"));
    QVERIFY2(text.exitCode == 0, text.describe().constData());
    QVERIFY2(text.out.contains(QByteArray("Wasted bytes:    " + QByteArray::number(wasted) + " bytes")),
             text.out.constData());
    QVERIFY2(text.out.contains("var/cache/big  (layer 0 deleted by layer 2)"), text.out.constData());
}

void TestLadingctlLayers::localSourcesGiveTheSameOutput_data()
{
    QTest::addColumn<QString>("reference");
    QTest::newRow("docker-archive") << QString();
    QTest::newRow("oci-archive") << QString();
    QTest::newRow("oci-layout") << QString();
    QTest::newRow("docker-archive:name") << QString();
}

void TestLadingctlLayers::localSourcesGiveTheSameOutput()
{
    const QString tag = QString::fromLatin1(QTest::currentDataTag());
    const QString reference = tag == u"docker-archive" ? m_dockerArchive
                              : tag == u"oci-archive"  ? m_ociArchive
                              : tag == u"oci-layout"   ? QString(m_layout + QStringLiteral(":img"))
                                                       : QString(m_dockerArchive + u':' + Repo + QStringLiteral(":1"));
    const QList<QStringList> commands{
        {QStringLiteral("files")},
        {QStringLiteral("files"), QStringLiteral("--json")},
        {QStringLiteral("files"), QStringLiteral("--layer"), QStringLiteral("2")},
        {QStringLiteral("files"), QStringLiteral("--merged"), QStringLiteral("--changed")},
        {QStringLiteral("waste")},
        {QStringLiteral("cat"), QStringLiteral("usr/lib/blob.bin")},
        {QStringLiteral("cat"), QStringLiteral("usr/bin/hard")},
    };
    for (const QStringList &command : commands) {
        const Run remote = registryRun(command.first(), command.mid(1));
        QVERIFY2(remote.exitCode == 0, remote.describe().constData());
        QStringList arguments{command.first(), reference};
        arguments << command.mid(1);
        const Run local = run(arguments);
        QVERIFY2(local.exitCode == 0, local.describe().constData());
        QVERIFY2(local.err.isEmpty(), local.err.constData());
        QVERIFY2(local.out == remote.out,
                 qPrintable(local.commandLine + u'\n' + QString::fromUtf8(local.out.left(2000))
                            + QStringLiteral("\nvs the registry:\n")
                            + QString::fromUtf8(remote.out.left(2000))));
    }
    // The layers are the same tars, whatever the archive did to their compression.
    const Run layers = run({QStringLiteral("layers"), reference, QStringLiteral("--json")});
    QVERIFY2(layers.exitCode == 0, layers.describe().constData());
    const QJsonArray array = QJsonDocument::fromJson(layers.out).array();
    QCOMPARE(array.size(), 3);
    const QList<QByteArray> tars = layerTars();
    for (int i = 0; i < 3; ++i)
        QCOMPARE(qint64(array.at(i).toObject().value(u"uncompressedSize").toDouble()),
                 qint64(tars.at(i).size()));
}

void TestLadingctlLayers::secondRunUsesTheLayerCache()
{
    QTemporaryDir cacheHome;
    QVERIFY(cacheHome.isValid());
    const QStringList arguments{QStringLiteral("cat"), registryRef(), QStringLiteral("usr/bin/script.sh"),
                                QStringLiteral("--plain-http")};
    const Run first = run(arguments, cacheHome.path());
    QVERIFY2(first.exitCode == 0, first.describe().constData());
    // The three layer blobs are on disk, by digest.
    int blobs = 0;
    QDirIterator it(cacheHome.path(), QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (path.contains(u"/layers/sha256/"))
            ++blobs;
    }
    QCOMPARE(blobs, 3);
    // The second run asks the registry for the manifest, never for a layer blob again.
    const qsizetype logOffset = m_registry->log().size();
    const Run second = run(arguments, cacheHome.path());
    QVERIFY2(second.exitCode == 0, second.describe().constData());
    QCOMPARE(second.out, Script);
    QCOMPARE(cachetest::countRequests(*m_registry, logOffset, QStringLiteral("GET"),
                                      QStringLiteral("/v2/.*/blobs/.*")),
             0);
    // Without the cache, the layers come again.
    const qsizetype noCacheOffset = m_registry->log().size();
    QStringList noCache = arguments;
    noCache << QStringLiteral("--no-cache");
    const Run third = run(noCache, cacheHome.path());
    QVERIFY2(third.exitCode == 0, third.describe().constData());
    QVERIFY(cachetest::countRequests(*m_registry, noCacheOffset, QStringLiteral("GET"),
                                     QStringLiteral("/v2/.*/blobs/.*"))
            >= 3);
}

void TestLadingctlLayers::noCacheLeavesNothing()
{
    QTemporaryDir cacheHome;
    QVERIFY(cacheHome.isValid());
    const Run r = run({QStringLiteral("cat"), registryRef(), QStringLiteral("usr/bin/script.sh"),
                       QStringLiteral("--plain-http"), QStringLiteral("--no-cache")},
                      cacheHome.path());
    QVERIFY2(r.exitCode == 0, r.describe().constData());
    QCOMPARE(r.out, Script);
    QDirIterator it(cacheHome.path(), QDir::Files, QDirIterator::Subdirectories);
    QVERIFY2(!it.hasNext(), qPrintable(it.hasNext() ? it.next() : QString()));
}

void TestLadingctlLayers::hostileLayersFailInOneLine_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("truncated gzip") << QStringLiteral("truncated") << QByteArray("layer 0");
    QTest::newRow("bad digest") << QStringLiteral("baddigest") << QByteArray("layer 0");
    QTest::newRow("local corrupt gzip") << QStringLiteral("local") << QByteArray("layer 2");
}

void TestLadingctlLayers::hostileLayersFailInOneLine()
{
    QFETCH(QString, kind);
    QFETCH(QByteArray, expected);
    for (const QString &command : {QStringLiteral("files"), QStringLiteral("layers"),
                                   QStringLiteral("waste")}) {
        const Run r = kind == u"local"
                          ? run({command, m_badLayout + QStringLiteral(":img")})
                          : registryRun(command, {}, registryRef(kind));
        QVERIFY2(!r.crashedOrTimedOut, r.describe().constData());
        QVERIFY2(r.exitCode == 1, r.describe().constData());
        QVERIFY2(r.out.isEmpty(), r.out.constData());
        VERIFY_ONE_ERROR_LINE(r);
        QVERIFY2(r.err.contains(expected), r.err.constData());
        if (kind == u"baddigest")
            QVERIFY2(r.err.contains(m_badDigest.toString().toUtf8()), r.err.constData());
    }
}

void TestLadingctlLayers::layerOutOfRange()
{
    const Run r = registryRun(QStringLiteral("files"), {QStringLiteral("--layer"), QStringLiteral("3")});
    QCOMPARE(r.exitCode, 1);
    VERIFY_ONE_ERROR_LINE(r);
    QVERIFY2(r.err.contains("3 layers"), r.err.constData());
    const Run usage = registryRun(QStringLiteral("files"), {QStringLiteral("--layer"), QStringLiteral("x")});
    QCOMPARE(usage.exitCode, 2);
    VERIFY_ONE_ERROR_LINE(usage);
    const Run missing = run({QStringLiteral("files"), QStringLiteral("./no-such-image.tar")});
    QCOMPARE(missing.exitCode, 1);
    VERIFY_ONE_ERROR_LINE(missing);
}

void TestLadingctlLayers::indexPlatforms()
{
    Fixtures fixtures(*m_registry);
    const QString reference = m_registry->host() + QStringLiteral("/layers/multi:1");
    // The layers skopeo reads for each platform's manifest are the ones ladingctl lists.
    const QJsonArray manifests = parseObject(m_index.manifest).value(u"manifests").toArray();
    QHash<QString, QStringList> layersOf;
    for (const QJsonValue &entry : manifests) {
        const QJsonObject object = entry.toObject();
        const QJsonObject platform = object.value(u"platform").toObject();
        QString name = platform.value(u"os").toString() + u'/'
                       + platform.value(u"architecture").toString();
        if (platform.contains(u"variant"))
            name += u'/' + platform.value(u"variant").toString();
        auto raw = fixtures.skopeoInspectRaw(QStringLiteral("layers/multi@")
                                             + object.value(u"digest").toString());
        QVERIFY_RESULT(raw);
        for (const QJsonValue &layer : parseObject(*raw).value(u"layers").toArray())
            layersOf[name] << layer.toObject().value(u"digest").toString();
    }
    QCOMPARE(layersOf.size(), 2);
    const auto listed = [this, &reference](const QStringList &extra) {
        const Run r = registryRun(QStringLiteral("layers"),
                                  QStringList(extra) << QStringLiteral("--json"), reference);
        QStringList digests;
        if (r.exitCode != 0)
            qWarning("%s", r.describe().constData());
        for (const QJsonValue &layer : QJsonDocument::fromJson(r.out).array())
            digests << layer.toObject().value(u"digest").toString();
        return digests;
    };
    QCOMPARE(listed({}), layersOf.value(QStringLiteral("linux/amd64"))); // the default
    QCOMPARE(listed({QStringLiteral("--platform"), QStringLiteral("linux/arm64")}),
             layersOf.value(QStringLiteral("linux/arm64/v8")));
    const Run missing = registryRun(QStringLiteral("files"),
                                    {QStringLiteral("--platform"), QStringLiteral("linux/s390x")},
                                    reference);
    QCOMPARE(missing.exitCode, 1);
    VERIFY_ONE_ERROR_LINE(missing);
    QVERIFY2(missing.err.contains("linux/amd64, linux/arm64/v8"), missing.err.constData());
}

QTEST_GUILESS_MAIN(TestLadingctlLayers)
#include "tst_ladingctl_layers.moc"
