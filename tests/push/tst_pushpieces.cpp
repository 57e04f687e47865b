// The push's pure pieces: rewriting a manifest or index for the blobs a push replaced, the
// gzip media types, BlobLocations' memory and its file, and the plan's sums.

#include "image/push/bloblocations.h"
#include "image/push/manifestwriter.h"
#include "image/push/pushplan.h"
#include "oci/manifest/manifestdocument.h"
#include "oci/manifest/mediatypes.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

QJsonObject descriptor(const QString &mediaType, const oci::Digest &digest, qint64 size)
{
    return {{u"mediaType"_s, mediaType}, {u"digest"_s, digest.toString()}, {u"size"_s, size}};
}

} // namespace

class TestPushPieces final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rewritesOnlyWhatWasReplaced()
    {
        const oci::Digest config = oci::Digest::sha256Of("config");
        const oci::Digest plain = oci::Digest::sha256Of("plain layer");
        const oci::Digest gz = oci::Digest::sha256Of("gzip layer");
        const QByteArray manifest = QJsonDocument(QJsonObject{
            {u"schemaVersion"_s, 2},
            {u"mediaType"_s, QString(oci::MediaType::DockerManifest)},
            {u"config"_s, descriptor(QString(oci::MediaType::DockerConfig), config, 6)},
            {u"layers"_s, QJsonArray{descriptor(QString(oci::MediaType::DockerLayer), plain, 11),
                                     descriptor(QString(oci::MediaType::DockerLayerGzip), gz, 10)}},
            {u"annotations"_s, QJsonObject{{u"kept"_s, u"yes"_s}}}}).toJson();

        // Nothing replaced: the very same bytes (the digest stays the archive's).
        auto same = image::rewriteManifest(manifest, {});
        QVERIFY(same.ok());
        QCOMPARE(same.value(), manifest);
        auto unrelated = image::rewriteManifest(
            manifest, {{oci::Digest::sha256Of("other"), {oci::Digest::sha256Of("x"), 1, {}}}});
        QCOMPARE(unrelated.value(), manifest);

        const oci::Digest compressed = oci::Digest::sha256Of("compressed");
        auto rewritten = image::rewriteManifest(
            manifest, {{plain, {compressed, 5, image::gzipLayerType(QString(oci::MediaType::DockerLayer))}}});
        QVERIFY(rewritten.ok());
        auto parsed = oci::ManifestDocument::parse(rewritten.value(), {});
        QVERIFY(parsed.ok());
        const oci::ImageManifest &result = parsed->manifest();
        QCOMPARE(result.layers.size(), 2);
        QCOMPARE(result.layers.at(0).digest(), compressed);
        QCOMPARE(result.layers.at(0).size(), 5);
        QCOMPARE(result.layers.at(0).mediaType(), QString(oci::MediaType::DockerLayerGzip));
        QCOMPARE(result.layers.at(1).digest(), gz);
        QCOMPARE(result.config.digest(), config);
        QCOMPARE(result.annotations.value(u"kept"_s), u"yes"_s);

        QVERIFY(!image::rewriteManifest("not json", {{plain, {compressed, 5, {}}}}).ok());
    }

    void rewritesIndexEntries()
    {
        const oci::Digest amd = oci::Digest::sha256Of("amd64");
        const oci::Digest arm = oci::Digest::sha256Of("arm64");
        const QByteArray index = QJsonDocument(QJsonObject{
            {u"schemaVersion"_s, 2},
            {u"mediaType"_s, QString(oci::MediaType::OciIndex)},
            {u"manifests"_s, QJsonArray{descriptor(QString(oci::MediaType::OciManifest), amd, 100),
                                        descriptor(QString(oci::MediaType::OciManifest), arm, 200)}}}).toJson();
        const oci::Digest newArm = oci::Digest::sha256Of("arm64, rewritten");
        auto rewritten = image::rewriteIndex(index, {{arm, {newArm, 201, {}}}});
        QVERIFY(rewritten.ok());
        auto parsed = oci::ManifestDocument::parse(rewritten.value(), {});
        QVERIFY(parsed.ok());
        QCOMPARE(parsed->index().manifests.at(0).digest(), amd);
        QCOMPARE(parsed->index().manifests.at(1).digest(), newArm);
        QCOMPARE(parsed->index().manifests.at(1).size(), 201);
        QCOMPARE(parsed->index().manifests.at(1).mediaType(), QString(oci::MediaType::OciManifest));
    }

    void gzipTypes()
    {
        QCOMPARE(image::gzipLayerType(QString(oci::MediaType::OciLayer)), QString(oci::MediaType::OciLayerGzip));
        QCOMPARE(image::gzipLayerType(QString(oci::MediaType::DockerLayer)), QString(oci::MediaType::DockerLayerGzip));
        QCOMPARE(image::gzipLayerType(QString(oci::MediaType::OciLayerGzip)), QString(oci::MediaType::OciLayerGzip));
    }

    void locationsRememberAndPersist()
    {
        const oci::Digest blob = oci::Digest::sha256Of("blob");
        image::BlobLocations locations;
        QVERIFY(locations.repositoriesWith(u"r:5000"_s, blob).isEmpty());
        locations.remember(u"r:5000"_s, u"team/a"_s, blob);
        locations.remember(u"r:5000"_s, u"team/b"_s, blob);
        locations.remember(u"other:5000"_s, u"team/c"_s, blob);
        QCOMPARE(locations.repositoriesWith(u"r:5000"_s, blob), (QStringList{u"team/b"_s, u"team/a"_s}));
        QCOMPARE(locations.repositoriesWith(u"r:5000"_s, blob, u"team/b"_s), QStringList{u"team/a"_s});
        locations.forget(u"r:5000"_s, u"team/b"_s, blob);
        QCOMPARE(locations.repositoriesWith(u"r:5000"_s, blob), QStringList{u"team/a"_s});
        const oci::Digest diffId = oci::Digest::sha256Of("plain");
        QVERIFY(!locations.compressedOf(diffId));
        locations.rememberCompressed(diffId, {blob, 42});

        QTemporaryDir dir;
        const QString file = dir.filePath(u"locations.json"_s);
        QVERIFY(locations.save(file));
        image::BlobLocations loaded;
        QVERIFY(loaded.load(file));
        QCOMPARE(loaded.repositoriesWith(u"r:5000"_s, blob), QStringList{u"team/a"_s});
        QCOMPARE(loaded.repositoriesWith(u"other:5000"_s, blob), QStringList{u"team/c"_s});
        QVERIFY(loaded.compressedOf(diffId));
        QCOMPARE(loaded.compressedOf(diffId)->digest, blob);
        QCOMPARE(loaded.compressedOf(diffId)->size, 42);
        image::BlobLocations missing;
        QVERIFY(!missing.load(dir.filePath(u"nope.json"_s)));
    }

    void planSums()
    {
        image::PushPlan plan;
        plan.repository = u"team/app"_s;
        auto blob = [](image::PushBlob::Fate fate, qint64 size) {
            image::PushBlob b;
            b.fate = fate;
            b.size = size;
            return b;
        };
        plan.blobs = {blob(image::PushBlob::Fate::Present, 10), blob(image::PushBlob::Fate::Upload, 20),
                      blob(image::PushBlob::Fate::Compress, 40), blob(image::PushBlob::Fate::Mount, 80)};
        QCOMPARE(plan.totalBytes(), 150);
        QCOMPARE(plan.bytesToSend(), 60);
        QCOMPARE(plan.count(image::PushBlob::Fate::Mount), 1);
        image::PushTarget tagged;
        tagged.tag = u"1.0"_s;
        image::PushTarget untagged;
        untagged.root = oci::Digest::sha256Of("root");
        plan.targets = {tagged, untagged};
        QCOMPARE(plan.targetNames(),
                 (QStringList{u"team/app:1.0"_s, u"team/app@"_s + untagged.root.toString()}));
    }
};

QTEST_MAIN(TestPushPieces)
#include "tst_pushpieces.moc"
