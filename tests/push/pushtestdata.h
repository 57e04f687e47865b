#pragma once

// Archives for the push tests, made by real tools (skopeo from the umoci fixture) or, for the
// `docker save` layouts skopeo does not write — legacy (uncompressed `<id>/layer.tar`
// members, `repositories`) and Docker 25+ (an OCI layout of uncompressed layers plus
// manifest.json) — written here member by member.

#include "image/tartestdata.h"
#include "oci/core/digest.h"
#include "oci/manifest/mediatypes.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace pushtest {

struct LegacyArchive
{
    QByteArray tar;
    QByteArray config;
    QList<oci::Digest> diffIds;
};

// A legacy `docker save` tar: manifest.json, repositories, <configHex>.json, one folder per
// layer with an uncompressed layer.tar. `corruptLayer` >= 0 writes that layer's bytes
// changed after its diff ID was computed (a damaged archive).
inline LegacyArchive legacyDockerSave(const QList<QByteArray> &layerTars, const QString &repoTag,
                                      int corruptLayer = -1)
{
    LegacyArchive archive;
    QJsonArray diffIds;
    for (const QByteArray &layer : layerTars) {
        archive.diffIds << oci::Digest::sha256Of(layer);
        diffIds.append(archive.diffIds.constLast().toString());
    }
    archive.config = QJsonDocument(QJsonObject{
                                       {QStringLiteral("architecture"), QStringLiteral("amd64")},
                                       {QStringLiteral("os"), QStringLiteral("linux")},
                                       {QStringLiteral("config"), QJsonObject{{QStringLiteral("Cmd"), QJsonArray{QStringLiteral("/bin/sh")}}}},
                                       {QStringLiteral("rootfs"), QJsonObject{{QStringLiteral("type"), QStringLiteral("layers")},
                                                                             {QStringLiteral("diff_ids"), diffIds}}}})
                         .toJson(QJsonDocument::Compact);
    const QByteArray configName = oci::Digest::sha256Of(archive.config).encoded().toLatin1() + ".json";
    tartest::Writer writer;
    QJsonArray layerNames;
    for (int i = 0; i < layerTars.size(); ++i) {
        const QByteArray folder = archive.diffIds.at(i).encoded().toLatin1();
        QByteArray bytes = layerTars.at(i);
        if (i == corruptLayer)
            bytes[100] = char(bytes.at(100) ^ 0x20);
        writer.dir(folder + '/').file(folder + "/VERSION", "1.0").file(folder + "/layer.tar", bytes);
        layerNames.append(QString::fromLatin1(folder + "/layer.tar"));
    }
    const QString repository = repoTag.section(u':', 0, 0);
    const QString tag = repoTag.section(u':', 1);
    const QByteArray manifest =
        QJsonDocument(QJsonArray{QJsonObject{{QStringLiteral("Config"), QString::fromLatin1(configName)},
                                             {QStringLiteral("RepoTags"), QJsonArray{repoTag}},
                                             {QStringLiteral("Layers"), layerNames}}})
            .toJson(QJsonDocument::Compact);
    const QByteArray repositories =
        QJsonDocument(QJsonObject{{repository, QJsonObject{{tag, archive.diffIds.constLast().encoded()}}}})
            .toJson(QJsonDocument::Compact);
    writer.file(configName, archive.config).file("manifest.json", manifest).file("repositories", repositories);
    archive.tar = writer.finish();
    return archive;
}

// What Docker 25+ `docker save` writes (moby's tarexport): an OCI image layout whose layers
// are the uncompressed tars, named by their diff IDs, with the name in index.json's
// annotations, plus manifest.json and repositories for older readers.
inline LegacyArchive docker25Save(const QList<QByteArray> &layerTars, const QString &repoTag)
{
    LegacyArchive archive;
    QJsonArray diffIds;
    QJsonArray layers;
    QJsonArray layerPaths;
    tartest::Writer writer;
    writer.file("oci-layout", R"({"imageLayoutVersion": "1.0.0"})").dir("blobs/").dir("blobs/sha256/");
    for (const QByteArray &layer : layerTars) {
        const oci::Digest digest = oci::Digest::sha256Of(layer);
        archive.diffIds << digest;
        diffIds.append(digest.toString());
        layers.append(QJsonObject{{QStringLiteral("mediaType"), QString(oci::MediaType::OciLayer)},
                                  {QStringLiteral("digest"), digest.toString()},
                                  {QStringLiteral("size"), layer.size()}});
        const QByteArray member = "blobs/sha256/" + digest.encoded().toLatin1();
        layerPaths.append(QString::fromLatin1(member));
        writer.file(member, layer);
    }
    archive.config = QJsonDocument(QJsonObject{
                                       {QStringLiteral("architecture"), QStringLiteral("amd64")},
                                       {QStringLiteral("os"), QStringLiteral("linux")},
                                       {QStringLiteral("rootfs"), QJsonObject{{QStringLiteral("type"), QStringLiteral("layers")},
                                                                             {QStringLiteral("diff_ids"), diffIds}}}})
                         .toJson(QJsonDocument::Compact);
    const oci::Digest config = oci::Digest::sha256Of(archive.config);
    const QByteArray configMember = "blobs/sha256/" + config.encoded().toLatin1();
    const QByteArray manifest =
        QJsonDocument(QJsonObject{{QStringLiteral("schemaVersion"), 2},
                                  {QStringLiteral("mediaType"), QString(oci::MediaType::OciManifest)},
                                  {QStringLiteral("config"), QJsonObject{{QStringLiteral("mediaType"), QString(oci::MediaType::OciConfig)},
                                                                         {QStringLiteral("digest"), config.toString()},
                                                                         {QStringLiteral("size"), archive.config.size()}}},
                                  {QStringLiteral("layers"), layers}})
            .toJson(QJsonDocument::Compact);
    const oci::Digest manifestDigest = oci::Digest::sha256Of(manifest);
    const QString tag = repoTag.section(u':', 1);
    const QJsonObject annotations{{QStringLiteral("io.containerd.image.name"), QString(u"docker.io/" + repoTag)},
                                  {QStringLiteral("org.opencontainers.image.ref.name"), tag}};
    const QByteArray index =
        QJsonDocument(QJsonObject{{QStringLiteral("schemaVersion"), 2},
                                  {QStringLiteral("mediaType"), QString(oci::MediaType::OciIndex)},
                                  {QStringLiteral("manifests"),
                                   QJsonArray{QJsonObject{{QStringLiteral("mediaType"), QString(oci::MediaType::OciManifest)},
                                                          {QStringLiteral("digest"), manifestDigest.toString()},
                                                          {QStringLiteral("size"), manifest.size()},
                                                          {QStringLiteral("annotations"), annotations}}}}})
            .toJson(QJsonDocument::Compact);
    const QByteArray dockerManifest =
        QJsonDocument(QJsonArray{QJsonObject{{QStringLiteral("Config"), QString::fromLatin1(configMember)},
                                             {QStringLiteral("RepoTags"), QJsonArray{repoTag}},
                                             {QStringLiteral("Layers"), layerPaths}}})
            .toJson(QJsonDocument::Compact);
    const QByteArray repositories =
        QJsonDocument(QJsonObject{{repoTag.section(u':', 0, 0), QJsonObject{{tag, archive.diffIds.constLast().encoded()}}}})
            .toJson(QJsonDocument::Compact);
    writer.file(configMember, archive.config)
        .file("blobs/sha256/" + manifestDigest.encoded().toLatin1(), manifest)
        .file("index.json", index)
        .file("manifest.json", dockerManifest)
        .file("repositories", repositories);
    archive.tar = writer.finish();
    return archive;
}

// A layer tar of `count` files of `bytesEach` pseudo-random (poorly compressible) bytes.
inline QByteArray randomLayer(int count, int bytesEach, quint32 seed)
{
    tartest::Writer writer;
    quint32 state = seed ? seed : 1;
    for (int i = 0; i < count; ++i) {
        QByteArray content(bytesEach, Qt::Uninitialized);
        for (char &c : content) {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            c = char(state);
        }
        writer.file("data/blob-" + QByteArray::number(seed) + "-" + QByteArray::number(i), content);
    }
    return writer.finish();
}

} // namespace pushtest
