// ImageFilesLoader on a local OCI layout written here: an image whose manifest lists the
// same layer blob twice (builders write identical layers for steps that change nothing) is
// read once, and both rows get the index; the merged filesystem and waste come out.

#include "imagefilesloader.h"

#include "image/reader/layercache.h"
#include "image/source/localimagesource.h"
#include "image/tartestdata.h"
#include "oci/core/digest.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

QString blobPath(const QString &layout, const oci::Digest &digest)
{
    return layout + u"/blobs/sha256/" + digest.encoded();
}

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QJsonObject descriptor(const QString &mediaType, const oci::Digest &digest, qint64 size)
{
    return {{u"mediaType"_s, mediaType}, {u"digest"_s, digest.toString()}, {u"size"_s, size}};
}

const QString LayerType = u"application/vnd.oci.image.layer.v1.tar+gzip"_s;

} // namespace

class TestImageFilesLoader final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aRepeatedLayerIsReadOnce()
    {
        QTemporaryDir dir;
        const QString layout = dir.filePath(u"layout"_s);
        const QByteArray baseTar = tartest::Writer().file("etc/base", "base").finish();
        const QByteArray sameTar = tartest::Writer().file("etc/same", "same layer").finish();
        const QByteArray base = tartest::gzip(baseTar);
        const QByteArray same = tartest::gzip(sameTar);
        QVERIFY(!base.isEmpty() && !same.isEmpty());
        const oci::Digest baseDigest = oci::Digest::sha256Of(base);
        const oci::Digest sameDigest = oci::Digest::sha256Of(same);
        const QString baseDiff = oci::Digest::sha256Of(baseTar).toString();
        const QString sameDiff = oci::Digest::sha256Of(sameTar).toString();
        const QByteArray config = json(QJsonObject{
            {u"architecture"_s, u"amd64"_s},
            {u"os"_s, u"linux"_s},
            {u"rootfs"_s, QJsonObject{{u"type"_s, u"layers"_s},
                                      {u"diff_ids"_s, QJsonArray{baseDiff, sameDiff, sameDiff}}}}});
        const oci::Digest configDigest = oci::Digest::sha256Of(config);
        const QByteArray manifest = json(QJsonObject{
            {u"schemaVersion"_s, 2},
            {u"mediaType"_s, u"application/vnd.oci.image.manifest.v1+json"_s},
            {u"config"_s, descriptor(u"application/vnd.oci.image.config.v1+json"_s, configDigest, config.size())},
            {u"layers"_s, QJsonArray{descriptor(LayerType, baseDigest, base.size()),
                                     descriptor(LayerType, sameDigest, same.size()),
                                     descriptor(LayerType, sameDigest, same.size())}}});
        const oci::Digest manifestDigest = oci::Digest::sha256Of(manifest);
        const QByteArray index = json(QJsonObject{
            {u"schemaVersion"_s, 2},
            {u"manifests"_s, QJsonArray{descriptor(u"application/vnd.oci.image.manifest.v1+json"_s,
                                                   manifestDigest, manifest.size())}}});
        QVERIFY(writeFile(layout + u"/oci-layout"_s, json(QJsonObject{{u"imageLayoutVersion"_s, u"1.0.0"_s}})));
        QVERIFY(writeFile(layout + u"/index.json"_s, index));
        QVERIFY(writeFile(blobPath(layout, manifestDigest), manifest));
        QVERIFY(writeFile(blobPath(layout, configDigest), config));
        QVERIFY(writeFile(blobPath(layout, baseDigest), base));
        QVERIFY(writeFile(blobPath(layout, sameDigest), same));

        auto opened = image::LocalImageSource::open(layout);
        QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(opened.error().describe()));
        std::shared_ptr<const image::LocalImageSource> source = opened.value();
        QCOMPARE(source->images().size(), 1);
        const QList<oci::Descriptor> layers = source->images().constFirst().manifest.manifest().layers;
        QCOMPARE(layers.size(), 3);

        image::LayerCache cache{image::LayerCacheOptions()};
        ImageFilesLoader loader;
        loader.setImage(LayerOrigin::localImage(source), layers, &cache);
        QSignalSpy started(&loader, &ImageFilesLoader::layerStarted);
        QSignalSpy read(&loader, &ImageFilesLoader::layerRead);
        QSignalSpy result(&loader, &ImageFilesLoader::imageResultReady);
        loader.start(2); // the second copy first: its twin must then wait for it
        QVERIFY(result.wait(30000));
        QCOMPARE(read.size(), 3);
        QCOMPARE(started.size(), 2); // the repeated blob once
        QList<int> startedLayers;
        for (const QList<QVariant> &args : std::as_const(started))
            startedLayers << args.at(0).toInt();
        QVERIFY(startedLayers.contains(2));
        QVERIFY(!startedLayers.contains(1));
        QVERIFY(loader.allRead());
        QCOMPARE(loader.index(1).size(), loader.index(2).size());
        QCOMPARE(loader.index(1).digest(), sameDigest);
        QVERIFY(!loader.isRunning());
        // The merged tree holds both layers' files; the repeat wastes nothing new (each
        // byte once: the surviving copy is not waste, the overwritten one is).
        QVERIFY(loader.filesystem().find("etc/base") >= 0);
        QVERIFY(loader.filesystem().find("etc/same") >= 0);
        QCOMPARE(loader.waste().wastedBytes, qint64(QByteArray("same layer").size()));
    }
};

QTEST_MAIN(TestImageFilesLoader)
#include "tst_imagefilesloader.moc"
