#include "support/fixtures.h"

#include "support/ocilayoutfixture.h"
#include "support/registryprocess.h"
#include "support/registryseeder.h"
#include "support/toolrunner.h"

#include "image/tartestdata.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <memory>

#include <sys/stat.h>
#include <unistd.h>

namespace {

oci::Error fixtureError(const QString &message)
{
    return oci::Error(oci::Error::Code::Io, message);
}

QString platformString(const QJsonObject &platform)
{
    QString text = platform.value(u"os").toString() + u'/' + platform.value(u"architecture").toString();
    const QString variant = platform.value(u"variant").toString();
    if (!variant.isEmpty())
        text += u'/' + variant;
    return text;
}

// skopeo's options for `registry`'s TLS and credentials, spelt with `prefix`: "--" for
// inspect, "--dest-" and "--src-" for copy.
QStringList skopeoOptions(const RegistryProcess &registry, QStringView prefix)
{
    QStringList options;
    if (registry.isTls())
        options << prefix + u"cert-dir" << registry.certDir();
    else
        options << prefix + u"tls-verify=false";
    if (registry.auth() != RegistryProcess::Auth::Anonymous)
        options << prefix + u"creds" << registry.credentials();
    return options;
}

} // namespace

Fixtures::Fixtures(RegistryProcess &registry)
    : m_registry(registry)
{
}

QProcessEnvironment Fixtures::toolEnvironment()
{
    static std::unique_ptr<QTemporaryDir> home;
    if (!home)
        home = testsupport::makeScratchDir(QStringLiteral("lading-tool-home"));
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    const QString path = home->path();
    env.insert(QStringLiteral("HOME"), path);
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), path);
    env.insert(QStringLiteral("XDG_DATA_HOME"), path + QStringLiteral("/share"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), path + QStringLiteral("/config"));
    env.insert(QStringLiteral("DOCKER_CONFIG"), path + QStringLiteral("/docker"));
    env.remove(QStringLiteral("REGISTRY_AUTH_FILE"));
    return env;
}

QString Fixtures::dockerReference(const QString &reference) const
{
    return QStringLiteral("docker://") + m_registry.host() + u'/' + reference;
}

QStringList Fixtures::skopeoDestinationOptions() const
{
    return skopeoOptions(m_registry, u"--dest-");
}

QStringList Fixtures::skopeoSourceOptions() const
{
    return skopeoOptions(m_registry, u"--");
}

QStringList Fixtures::skopeoCopySourceOptions() const
{
    return skopeoOptions(m_registry, u"--src-");
}

oci::Result<QByteArray> Fixtures::skopeoInspectRaw(const QString &reference, bool config)
{
    QStringList arguments{QStringLiteral("inspect")};
    if (config)
        arguments << QStringLiteral("--config");
    arguments << QStringLiteral("--raw") << skopeoSourceOptions() << dockerReference(reference);
    const auto result = testsupport::runTool(testsupport::findTool(QStringLiteral("skopeo")), arguments,
                                             60000, toolEnvironment());
    if (!result.ok() || result.standardOutput.isEmpty())
        return fixtureError(result.describe());
    return result.standardOutput;
}

oci::Result<QStringList> Fixtures::skopeoListTags(const QString &repository)
{
    const QStringList arguments =
        QStringList{QStringLiteral("list-tags")} + skopeoSourceOptions() + QStringList{dockerReference(repository)};
    const auto result = testsupport::runTool(testsupport::findTool(QStringLiteral("skopeo")), arguments,
                                             60000, toolEnvironment());
    if (!result.ok())
        return fixtureError(result.describe());
    QStringList tags;
    const QJsonArray list = QJsonDocument::fromJson(result.standardOutput).object().value(u"Tags").toArray();
    for (const QJsonValue &tag : list)
        tags << tag.toString();
    tags.sort();
    return tags;
}

oci::Result<SeededImage> Fixtures::pushLayoutTag(const QString &layoutTag, const QString &repository,
                                                 const QString &tag, const QStringList &extraOptions)
{
    QString error;
    const OciLayoutFixture *layout = OciLayoutFixture::instance(&error);
    if (!layout)
        return fixtureError(QStringLiteral("building the umoci layout failed: ") + error);
    return pushFrom(layout->skopeoReference(layoutTag), repository, tag, extraOptions);
}

oci::Result<SeededImage> Fixtures::pushFrom(const QString &source, const QString &repository, const QString &tag,
                                            const QStringList &extraOptions)
{
    const QString reference = repository + u':' + tag;
    QStringList arguments{QStringLiteral("copy"), QStringLiteral("--quiet")};
    arguments << extraOptions << skopeoDestinationOptions() << source << dockerReference(reference);
    const auto copied = testsupport::runTool(testsupport::findTool(QStringLiteral("skopeo")), arguments,
                                             120000, toolEnvironment());
    if (!copied.ok())
        return fixtureError(copied.describe());

    // skopeo sometimes exits 0 on errors: read it back to be sure it is there.
    auto raw = skopeoInspectRaw(reference);
    if (!raw)
        return raw.error();
    SeededImage image;
    image.repository = repository;
    image.tag = tag;
    image.manifest = raw.value();
    image.digest = oci::Digest::sha256Of(image.manifest);
    const QJsonObject manifest = QJsonDocument::fromJson(image.manifest).object();
    // mediaType is optional in OCI documents (umoci leaves it out); the registry then
    // serves the OCI type matching the shape, as we record here.
    image.mediaType = manifest.value(u"mediaType").toString();
    if (image.mediaType.isEmpty()) {
        image.mediaType = manifest.contains(u"manifests")
            ? QStringLiteral("application/vnd.oci.image.index.v1+json")
            : QStringLiteral("application/vnd.oci.image.manifest.v1+json");
    }
    if (manifest.contains(u"manifests")) {
        const QJsonArray entries = manifest.value(u"manifests").toArray();
        for (const QJsonValue &entry : entries)
            image.platforms << platformString(entry.toObject().value(u"platform").toObject());
        return image;
    }
    auto configDigest = oci::Digest::parse(manifest.value(u"config").toObject().value(u"digest").toString());
    if (!configDigest)
        return fixtureError(QStringLiteral("no config digest in ") + QString::fromUtf8(image.manifest));
    image.configDigest = configDigest.value();
    const QJsonArray layers = manifest.value(u"layers").toArray();
    for (const QJsonValue &layer : layers) {
        auto digest = oci::Digest::parse(layer.toObject().value(u"digest").toString());
        if (!digest)
            return fixtureError(QStringLiteral("bad layer digest in ") + QString::fromUtf8(image.manifest));
        image.layers.append(digest.value());
    }
    auto config = skopeoInspectRaw(reference, true);
    if (!config)
        return config.error();
    image.config = config.value();
    return image;
}

oci::Result<SeededImage> Fixtures::pushOciImage(const QString &repository, const QString &tag)
{
    return pushLayoutTag(QStringLiteral("amd64"), repository, tag, {});
}

oci::Result<SeededImage> Fixtures::pushDockerImage(const QString &repository, const QString &tag)
{
    return pushLayoutTag(QStringLiteral("amd64"), repository, tag, {QStringLiteral("--format"), QStringLiteral("v2s2")});
}

oci::Result<SeededImage> Fixtures::pushIndex(const QString &repository, const QString &tag)
{
    auto image = pushLayoutTag(QStringLiteral("multi"), repository, tag, {QStringLiteral("--all")});
    if (image && image->platforms.size() != 2)
        return fixtureError(QStringLiteral("skopeo copy --all did not push a two-platform index: ")
                            + QString::fromUtf8(image->manifest));
    return image;
}

oci::Result<QStringList> Fixtures::pushManyTags(const SeededImage &image, int count, const QString &prefix,
                                                SeedPath path)
{
    QStringList tags;
    QList<RegistrySeeder::Request> requests;
    RegistrySeeder seeder(m_registry);
    const int width = qMax(4, int(QString::number(qMax(count - 1, 0)).size()));
    for (int i = 0; i < count; ++i) {
        const QString tag = prefix + QStringLiteral("%1").arg(i, width, 10, QLatin1Char('0'));
        tags << tag;
        if (path == SeedPath::Storage) {
            auto linked = seeder.linkTag(image.repository, tag, image.digest.toString());
            if (!linked)
                return linked.error();
        } else {
            requests.append({"PUT", "/v2/" + image.repository.toUtf8() + "/manifests/" + tag.toUtf8(),
                             image.mediaType.toUtf8(), image.manifest, 201, image.repository, QString()});
        }
    }
    auto ran = seeder.run(requests);
    if (!ran)
        return ran.error();
    return tags;
}

oci::Result<QStringList> Fixtures::pushManyRepositories(const SeededImage &image, const QString &prefix,
                                                        int count, const QString &tag, SeedPath path)
{
    if (image.configDigest.isNull())
        return fixtureError(QStringLiteral("pushManyRepositories needs an image, not an index"));
    QStringList repositories;
    QList<RegistrySeeder::Request> mounts;
    QList<RegistrySeeder::Request> manifests;
    QStringList blobs{image.configDigest.toString()};
    for (const oci::Digest &layer : image.layers)
        blobs << layer.toString();
    RegistrySeeder seeder(m_registry);
    for (int i = 0; i < count; ++i) {
        const QString repository = prefix + QStringLiteral("%1").arg(i, 3, 10, QLatin1Char('0'));
        repositories << repository;
        if (path == SeedPath::Storage) {
            auto linked = seeder.linkRepository(repository, blobs, image.digest.toString());
            if (linked)
                linked = seeder.linkTag(repository, tag, image.digest.toString());
            if (!linked)
                return linked.error();
            continue;
        }
        for (const QString &blob : std::as_const(blobs)) {
            mounts.append({"POST",
                           "/v2/" + repository.toUtf8() + "/blobs/uploads/?mount=" + blob.toUtf8()
                               + "&from=" + image.repository.toUtf8(),
                           {}, {}, 201, repository, image.repository});
        }
        manifests.append({"PUT", "/v2/" + repository.toUtf8() + "/manifests/" + tag.toUtf8(),
                          image.mediaType.toUtf8(), image.manifest, 201, repository, QString()});
    }
    auto mounted = seeder.run(mounts);
    if (!mounted)
        return mounted.error();
    auto put = seeder.run(manifests);
    if (!put)
        return put.error();
    return repositories;
}

const QByteArray stackedimage::Passwd = "root:x:0:0::/root:/bin/sh\n";
const QByteArray stackedimage::ConfA = "a=1\n";
const QByteArray stackedimage::ConfB = "b=22\n";
const QByteArray stackedimage::ConfC = "c=333\n";
const QByteArray stackedimage::NewConf = "new\n";
const QByteArray stackedimage::NewTool = "replaced\n";
const QByteArray stackedimage::Script = "#!/bin/sh\necho hello from lading\n";
const QByteArray stackedimage::Json = "{\"name\": \"lading\", \"layers\": 3}\n";
const QByteArray stackedimage::Tool = QByteArray(3000, 't');
const QByteArray stackedimage::Big = QByteArray(20000, 'B');

QByteArray stackedimage::binaryBytes()
{
    QByteArray bytes;
    for (int i = 0; i < 70000; ++i)
        bytes.append(char((i * 7 + i / 256) & 0xff));
    return bytes;
}

QList<QByteArray> stackedimage::layerTars()
{
    tartest::Writer base;
    base.dir("etc/").file("etc/passwd", Passwd)
        .dir("etc/config/").file("etc/config/a.conf", ConfA).file("etc/config/b.conf", ConfB)
        .dir("etc/config/sub/").file("etc/config/sub/c.conf", ConfC)
        .dir("usr/").dir("usr/bin/").file("usr/bin/tool", Tool, 0755)
        .dir("usr/lib/").file("usr/lib/blob.bin", binaryBytes())
        .dir("var/").dir("var/cache/").file("var/cache/big", Big);
    tartest::Writer adds;
    adds.dir("usr/bin/")
        .symlink("usr/bin/link", "tool")
        .hardlink("usr/bin/hard", "usr/bin/tool")
        .file("usr/bin/script.sh", Script, 0755)
        .dir("etc/app/")
        .file("etc/app/config.json", Json, 0600)
        .symlink("etc/app/abs", "/usr/bin/script.sh");
    tartest::Writer deletes;
    deletes.dir("etc/")
        .file("etc/.wh.passwd", "")
        .dir("etc/config/")
        .file("etc/config/.wh..wh..opq", "")
        .file("etc/config/new.conf", NewConf)
        .file("var/cache/.wh.big", "")
        .file("usr/bin/tool", NewTool, 0755);
    return {base.finish(), adds.finish(), deletes.finish()};
}

namespace testsupport {

QString TreeEntry::describe() const
{
    return QStringLiteral("%1 %2 %3 %4").arg(type).arg(mode, 4, 8, QLatin1Char('0')).arg(size).arg(link);
}

oci::Result<UmociImage> buildUmociImage(const QString &directory, const QList<QByteArray> &layerTars)
{
    const QString umoci = findTool(QStringLiteral("umoci"));
    auto run = [&umoci](const QStringList &arguments) {
        return runTool(umoci, arguments, 120000, Fixtures::toolEnvironment());
    };
    UmociImage built;
    built.layout = directory + QStringLiteral("/layout");
    built.image = built.layout + QStringLiteral(":img");
    ToolResult result = run({QStringLiteral("init"), QStringLiteral("--layout"), built.layout});
    if (result.ok())
        result = run({QStringLiteral("new"), QStringLiteral("--image"), built.image});
    for (qsizetype i = 0; result.ok() && i < layerTars.size(); ++i) {
        const QString tarPath = directory + QStringLiteral("/layer%1.tar").arg(i);
        QFile file(tarPath);
        if (!file.open(QIODevice::WriteOnly) || file.write(layerTars[i]) != layerTars[i].size())
            return fixtureError(QStringLiteral("cannot write ") + tarPath);
        file.close();
        result = run({QStringLiteral("raw"), QStringLiteral("add-layer"), QStringLiteral("--image"), built.image,
                      tarPath});
    }
    const QString bundle = directory + QStringLiteral("/bundle");
    QStringList unpack{QStringLiteral("unpack"), QStringLiteral("--image"), built.image, bundle};
    if (::geteuid() != 0)
        unpack.insert(1, QStringLiteral("--rootless"));
    if (result.ok())
        result = run(unpack);
    if (!result.ok())
        return fixtureError(result.describe());
    built.rootfs = bundle + QStringLiteral("/rootfs");
    return built;
}

Tree lstatTree(const QString &root)
{
    Tree entries;
    QDirIterator it(root, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QByteArray native = QFile::encodeName(path);
        struct stat st;
        if (::lstat(native.constData(), &st) != 0)
            continue;
        TreeEntry entry;
        entry.mode = st.st_mode & 07777;
        if (S_ISDIR(st.st_mode)) {
            entry.type = QStringLiteral("directory");
        } else if (S_ISLNK(st.st_mode)) {
            entry.type = QStringLiteral("symlink");
            entry.mode = 0;
            QByteArray buffer(4096, '\0');
            const ssize_t n = ::readlink(native.constData(), buffer.data(), size_t(buffer.size()));
            entry.link = QString::fromUtf8(buffer.first(qMax<ssize_t>(0, n)));
        } else if (S_ISREG(st.st_mode)) {
            entry.type = QStringLiteral("file");
            entry.size = st.st_size;
        } else {
            entry.type = QStringLiteral("other");
        }
        entries.insert(path.mid(root.size() + 1), entry);
    }
    return entries;
}

QStringList treeDifferences(const Tree &expected, const Tree &actual)
{
    QStringList differences;
    for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
        const auto found = actual.constFind(it.key());
        if (found == actual.cend())
            differences << u"missing " + it.key();
        else if (found->describe() != it->describe())
            differences << it.key() + u": " + found->describe() + u" vs umoci " + it->describe();
    }
    for (auto it = actual.cbegin(); it != actual.cend(); ++it) {
        if (!expected.contains(it.key()))
            differences << u"extra " + it.key();
    }
    return differences;
}

} // namespace testsupport
