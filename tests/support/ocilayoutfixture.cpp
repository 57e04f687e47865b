#include "support/ocilayoutfixture.h"

#include "support/testcerts.h"
#include "support/toolrunner.h"

#include "oci/core/digest.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QUuid>

#include <memory>
#include <unistd.h>

namespace {

bool writeText(const QString &path, const QByteArray &text, bool executable = false)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(text) != text.size())
        return false;
    file.close();
    if (executable) {
        file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
                            | QFileDevice::ReadGroup | QFileDevice::ExeGroup | QFileDevice::ReadOther
                            | QFileDevice::ExeOther);
    }
    return true;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QString blobPath(const QString &layout, const QString &digest)
{
    return layout + QStringLiteral("/blobs/sha256/") + digest.mid(7);
}

// The index.json entry for `tag`, or an empty object.
QJsonObject layoutEntry(const QString &layout, const QString &tag)
{
    const QJsonArray manifests =
        QJsonDocument::fromJson(readAll(layout + QStringLiteral("/index.json"))).object().value(u"manifests").toArray();
    for (const QJsonValue &value : manifests) {
        const QJsonObject entry = value.toObject();
        if (entry.value(u"annotations").toObject().value(u"org.opencontainers.image.ref.name").toString() == tag)
            return entry;
    }
    return {};
}

} // namespace

const OciLayoutFixture *OciLayoutFixture::instance(QString *error)
{
    // Built once per process and kept (with its folder) until the process ends.
    static std::unique_ptr<QTemporaryDir> dir;
    static std::unique_ptr<OciLayoutFixture> fixture;
    static QString buildError;
    if (!fixture && buildError.isEmpty()) {
        dir = testsupport::makeScratchDir(QStringLiteral("lading-layout"));
        auto made = std::unique_ptr<OciLayoutFixture>(new OciLayoutFixture);
        if (!dir->isValid())
            buildError = QStringLiteral("cannot create a temporary folder");
        else if (made->build(dir->path(), &buildError))
            fixture = std::move(made);
    }
    if (!fixture && error)
        *error = buildError;
    return fixture.get();
}

QString OciLayoutFixture::skopeoReference(const QString &tag) const
{
    return QStringLiteral("oci:") + m_path + u':' + tag;
}

QStringList OciLayoutFixture::mergedFiles()
{
    return {QStringLiteral("etc/hello.txt"),          QStringLiteral("etc/lading-fixture-id"),
            QStringLiteral("etc/layer2.txt"),         QStringLiteral("etc/os-release"),
            QStringLiteral("usr/bin/hello"),          QStringLiteral("usr/bin/hi"),
            QStringLiteral("usr/share/doc/lading/README")};
}

bool OciLayoutFixture::build(const QString &root, QString *error)
{
    m_path = root + QStringLiteral("/layout");
    m_buildId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString umoci = testsupport::findTool(QStringLiteral("umoci"));
    const QString bundle = root + QStringLiteral("/bundle");
    const QString image = m_path + QStringLiteral(":amd64");
    // unpack needs root unless told to map ownership to the caller; repack takes the
    // mapping from the bundle's umoci.json and has no such flag.
    const QStringList rootless = ::geteuid() == 0 ? QStringList() : QStringList{QStringLiteral("--rootless")};

    auto run = [&](const QStringList &arguments) {
        const auto result = testsupport::runTool(umoci, arguments, 60000);
        if (!result.ok())
            *error = result.describe();
        return result.ok();
    };

    if (!run({QStringLiteral("init"), QStringLiteral("--layout"), m_path})
        || !run({QStringLiteral("new"), QStringLiteral("--image"), image})
        || !run({QStringLiteral("config"), QStringLiteral("--image"), image,
                 QStringLiteral("--architecture"), QStringLiteral("amd64"), QStringLiteral("--os"),
                 QStringLiteral("linux"), QStringLiteral("--config.cmd"), QStringLiteral("/usr/bin/hello"),
                 QStringLiteral("--config.env"), QStringLiteral("GREETING=hello"),
                 QStringLiteral("--config.label"), QStringLiteral("org.opencontainers.image.title=lading-fixture"),
                 QStringLiteral("--author"), QStringLiteral("Lading tests")})
        || !run(QStringList{QStringLiteral("unpack")} + rootless
                + QStringList{QStringLiteral("--image"), image, bundle}))
        return false;

    // Layer 1: a few files, a symlink, and one file the next layer deletes.
    const QString rootfs = bundle + QStringLiteral("/rootfs/");
    QByteArray readme;
    for (int i = 0; i < 200; ++i)
        readme += "Lading fixture line " + QByteArray::number(i) + ": a bill of lading lists the cargo.\n";
    bool written = writeText(rootfs + QStringLiteral("etc/hello.txt"), "hello from layer 1\n")
        && writeText(rootfs + QStringLiteral("etc/os-release"), "NAME=\"Lading fixture\"\nID=lading\n")
        && writeText(rootfs + QStringLiteral("etc/lading-fixture-id"), m_buildId.toUtf8() + '\n')
        && writeText(rootfs + QStringLiteral("usr/bin/hello"), "#!/bin/sh\necho \"$GREETING from Lading\"\n", true)
        && writeText(rootfs + QStringLiteral("usr/share/doc/lading/README"), readme)
        && writeText(rootfs + QStringLiteral("var/lib/doomed.txt"), "deleted by layer 2\n")
        && QFile::link(QStringLiteral("hello"), rootfs + QStringLiteral("usr/bin/hi"));
    if (!written) {
        *error = QStringLiteral("cannot write the fixture rootfs");
        return false;
    }
    if (!run({QStringLiteral("repack"), QStringLiteral("--refresh-bundle"), QStringLiteral("--image"), image, bundle}))
        return false;

    // Layer 2: overwrite, delete (a whiteout), add.
    written = writeText(rootfs + QStringLiteral("etc/hello.txt"), "hello from layer 2\n")
        && QFile::remove(rootfs + QStringLiteral("var/lib/doomed.txt"))
        && writeText(rootfs + QStringLiteral("etc/layer2.txt"), "added by layer 2\n");
    if (!written) {
        *error = QStringLiteral("cannot change the fixture rootfs");
        return false;
    }
    if (!run({QStringLiteral("repack"), QStringLiteral("--image"), image, bundle}))
        return false;

    // The arm64 twin: same layers, its own config.
    if (!run({QStringLiteral("config"), QStringLiteral("--image"), image, QStringLiteral("--tag"),
              QStringLiteral("arm64"), QStringLiteral("--architecture"), QStringLiteral("arm64"),
              QStringLiteral("--config.label"), QStringLiteral("org.example.variant=arm64")}))
        return false;
    if (!run({QStringLiteral("gc"), QStringLiteral("--layout"), m_path}))
        return false;

    // The index over both, added to the layout by hand.
    const QJsonObject amd64 = layoutEntry(m_path, QStringLiteral("amd64"));
    const QJsonObject arm64 = layoutEntry(m_path, QStringLiteral("arm64"));
    if (amd64.isEmpty() || arm64.isEmpty()) {
        *error = QStringLiteral("umoci left no amd64/arm64 entries in index.json");
        return false;
    }
    auto platformEntry = [](QJsonObject entry, const QJsonObject &platform) {
        entry.remove(QStringLiteral("annotations"));
        entry.insert(QStringLiteral("platform"), platform);
        return entry;
    };
    const QJsonObject index{
        {QStringLiteral("schemaVersion"), 2},
        {QStringLiteral("mediaType"), QStringLiteral("application/vnd.oci.image.index.v1+json")},
        {QStringLiteral("manifests"),
         QJsonArray{platformEntry(amd64, QJsonObject{{QStringLiteral("architecture"), QStringLiteral("amd64")},
                                                     {QStringLiteral("os"), QStringLiteral("linux")}}),
                    platformEntry(arm64, QJsonObject{{QStringLiteral("architecture"), QStringLiteral("arm64")},
                                                     {QStringLiteral("os"), QStringLiteral("linux")},
                                                     {QStringLiteral("variant"), QStringLiteral("v8")}})}}};
    const QByteArray indexBytes = QJsonDocument(index).toJson(QJsonDocument::Compact);
    const QString indexDigest = oci::Digest::sha256Of(indexBytes).toString();
    if (!testsupport::writeFile(blobPath(m_path, indexDigest), indexBytes)) {
        *error = QStringLiteral("cannot write the index blob");
        return false;
    }
    QJsonObject layoutIndex = QJsonDocument::fromJson(readAll(m_path + QStringLiteral("/index.json"))).object();
    QJsonArray entries = layoutIndex.value(u"manifests").toArray();
    entries.append(QJsonObject{
        {QStringLiteral("mediaType"), QStringLiteral("application/vnd.oci.image.index.v1+json")},
        {QStringLiteral("digest"), indexDigest},
        {QStringLiteral("size"), indexBytes.size()},
        {QStringLiteral("annotations"),
         QJsonObject{{QStringLiteral("org.opencontainers.image.ref.name"), QStringLiteral("multi")}}}});
    layoutIndex.insert(QStringLiteral("manifests"), entries);
    if (!testsupport::writeFile(m_path + QStringLiteral("/index.json"),
                                QJsonDocument(layoutIndex).toJson(QJsonDocument::Compact))) {
        *error = QStringLiteral("cannot write index.json");
        return false;
    }
    return true;
}
