// PushPlanModel under QAbstractItemModelTester with plans made by hand: the rows and cells
// (layer numbers, digests, sizes, fates), the summary line, the tag lines (new, moved, the
// same), and the digest a target will have, over a legacy `docker save` opened for real.

#include "pushplanmodel.h"

#include "image/source/localchoices.h"

#include "pushtestdata.h"

#include "image/source/localimagesource.h"
#include "support/localimagefixture.h"

#include <QAbstractItemModelTester>
#include <QLocale>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using Fate = image::PushBlob::Fate;

namespace {

oci::Digest digestOf(const QByteArray &bytes)
{
    return oci::Digest::sha256Of(bytes);
}

image::PushBlob blob(image::PushBlob::Kind kind, const QByteArray &content, qint64 size, Fate fate)
{
    image::PushBlob entry;
    entry.kind = kind;
    entry.source = digestOf(content);
    entry.target = fate == Fate::Compress ? oci::Digest() : entry.source;
    entry.size = size;
    entry.targetSize = fate == Fate::Compress ? -1 : size;
    entry.mediaType = kind == image::PushBlob::Kind::Config
                          ? u"application/vnd.oci.image.config.v1+json"_s
                          : u"application/vnd.oci.image.layer.v1.tar+gzip"_s;
    entry.fate = fate;
    return entry;
}

// Config present, layer 1 mounted, layer 2 uploaded, layer 3 to compress: 4 blobs.
image::PushPlan handMadePlan()
{
    image::PushPlan plan;
    plan.registry = u"localhost:5000"_s;
    plan.repository = u"team/app"_s;
    plan.blobs << blob(image::PushBlob::Kind::Config, "config", 1200, Fate::Present);
    image::PushBlob mounted = blob(image::PushBlob::Kind::Layer, "base", 30'000'000, Fate::Mount);
    mounted.mountFrom = u"team/base"_s;
    plan.blobs << mounted;
    plan.blobs << blob(image::PushBlob::Kind::Layer, "app", 5'000'000, Fate::Upload);
    image::PushBlob plain = blob(image::PushBlob::Kind::Layer, "plain", 40'300'000, Fate::Compress);
    plain.mediaType = u"application/vnd.docker.image.rootfs.diff.tar"_s;
    plan.blobs << plain;
    image::PushTarget target;
    target.root = digestOf("manifest");
    target.tag = u"1.0"_s;
    plan.targets << target;
    return plan;
}

QString cell(const QAbstractItemModel &model, int row, int column, int role = Qt::DisplayRole)
{
    return model.data(model.index(row, column), role).toString();
}

} // namespace

class TestPushPlanModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void emptyUntilAPlan()
    {
        PushPlanModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.columnCount(), int(PushPlanModel::ColumnCount));
        QVERIFY(!model.hasPlan());
        QVERIFY(model.summary().isEmpty());
        QCOMPARE(model.headerData(PushPlanModel::FateColumn, Qt::Horizontal).toString(),
                 u"What happens"_s);
    }

    void rowsAndCells()
    {
        PushPlanModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        const image::PushPlan plan = handMadePlan();
        model.setPlan(plan);
        QCOMPARE(reset.size(), 1);
        QVERIFY(model.hasPlan());
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.rowCount(model.index(0, 0)), 0); // a table, no children

        QCOMPARE(cell(model, 0, PushPlanModel::KindColumn), u"Config"_s);
        QCOMPARE(cell(model, 1, PushPlanModel::KindColumn), u"Layer 1"_s);
        QCOMPARE(cell(model, 3, PushPlanModel::KindColumn), u"Layer 3"_s);
        QCOMPARE(cell(model, 3, PushPlanModel::KindColumn, Qt::ToolTipRole),
                 u"application/vnd.docker.image.rootfs.diff.tar"_s);

        // Short digest, the full one as tooltip; an uncompressed layer shows its diff ID.
        QCOMPARE(cell(model, 2, PushPlanModel::DigestColumn), digestOf("app").shortString());
        QCOMPARE(cell(model, 2, PushPlanModel::DigestColumn, Qt::ToolTipRole),
                 digestOf("app").toString());
        QCOMPARE(cell(model, 3, PushPlanModel::DigestColumn), digestOf("plain").shortString());
        QVERIFY(cell(model, 3, PushPlanModel::DigestColumn, Qt::ToolTipRole)
                    .contains(u"uncompressed"_s));
        QCOMPARE(cell(model, 3, PushPlanModel::DigestColumn, PushPlanModel::DigestRole),
                 digestOf("plain").toString());

        QCOMPARE(cell(model, 1, PushPlanModel::SizeColumn),
                 QLocale().formattedDataSize(30'000'000, 1));
        QCOMPARE(model.data(model.index(1, 0), PushPlanModel::SizeRole).toLongLong(), 30'000'000);
        QVERIFY(cell(model, 1, PushPlanModel::SizeColumn, Qt::ToolTipRole)
                    .contains(QLocale().toString(30'000'000)));

        QCOMPARE(cell(model, 0, PushPlanModel::FateColumn), u"Already in team/app"_s);
        QCOMPARE(cell(model, 1, PushPlanModel::FateColumn), u"Will be mounted from team/base"_s);
        QCOMPARE(cell(model, 2, PushPlanModel::FateColumn), u"Will be uploaded"_s);
        QCOMPARE(cell(model, 3, PushPlanModel::FateColumn),
                 u"Will be gzip'ed, then uploaded"_s);
        QCOMPARE(model.data(model.index(3, 0), PushPlanModel::FateRole).toInt(),
                 int(Fate::Compress));

        model.clear();
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!model.hasPlan());
    }

    void aCompressedLayerShowsItsRegistryDigest()
    {
        image::PushPlan plan = handMadePlan();
        plan.blobs[3].target = digestOf("gzip'ed plain");
        plan.blobs[3].targetSize = 12'000'000;
        plan.blobs[3].fate = Fate::Present;
        PushPlanModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPlan(plan);
        QCOMPARE(cell(model, 3, PushPlanModel::DigestColumn),
                 digestOf("gzip'ed plain").shortString());
        const QString toolTip = cell(model, 3, PushPlanModel::DigestColumn, Qt::ToolTipRole);
        QVERIFY2(toolTip.contains(digestOf("plain").toString()), qPrintable(toolTip));
        QVERIFY(cell(model, 3, PushPlanModel::SizeColumn, Qt::ToolTipRole)
                    .contains(QLocale().toString(12'000'000)));
        QCOMPARE(cell(model, 3, PushPlanModel::FateColumn), u"Already in team/app"_s);
    }

    void summary()
    {
        const image::PushPlan plan = handMadePlan();
        QCOMPARE(PushPlanModel::summary(plan),
                 QString(u"4 blobs: 1 already there, 1 mounted, 2 to send ("_s +
                         QLocale().formattedDataSize(45'300'000, 1) + u')'));
        image::PushPlan there = plan;
        for (image::PushBlob &entry : there.blobs)
            entry.fate = Fate::Present;
        QCOMPARE(PushPlanModel::summary(there), u"4 blobs: 4 already there, nothing to send"_s);
        image::PushPlan one;
        one.blobs << plan.blobs.at(2);
        QCOMPARE(
            PushPlanModel::summary(one),
            QString(u"1 blob: 1 to send ("_s + QLocale().formattedDataSize(5'000'000, 1) + u')'));
    }

    void tagLines()
    {
        image::PushPlan plan = handMadePlan();
        QCOMPARE(PushPlanModel::tagText(plan, 0), u"New tag 1.0"_s);
        QVERIFY(!PushPlanModel::movesTag(plan, 0));
        // Without a source the pushed digest is unknown: an existing tag counts as moving.
        const oci::Digest old = digestOf("old manifest");
        plan.targets[0].tagCurrent = old;
        QVERIFY(PushPlanModel::movesTag(plan, 0));
        QCOMPARE(PushPlanModel::tagText(plan, 0),
                 QString(u"Moves 1.0 from "_s + old.shortString() + u"… to this image"_s));
        plan.targets[0].tag.clear();
        QVERIFY(!PushPlanModel::movesTag(plan, 0));
        QVERIFY(PushPlanModel::tagText(plan, 0).contains(u"digest"_s));
        QVERIFY(PushPlanModel::tagText(plan, 5).isEmpty());
    }

    // The digest a target will have, over a legacy `docker save` opened for real: its
    // manifest is Lading's, with plain layers that are gzip'ed on the way.
    void expectedDigestOfALegacySave()
    {
        LocalImageFixture images(u"pushplanmodel"_s);
        QVERIFY(images.isValid());
        const pushtest::LegacyArchive archive = pushtest::legacyDockerSave(
            {tartest::Writer().file("a", "first layer").finish(),
             tartest::Writer().file("b", QByteArray(3000, 'b')).finish()},
            u"lading/legacy:2.0"_s);
        QVERIFY2(images.write(u"legacy.tar"_s, archive.tar), qPrintable(images.errorString()));
        auto opened = images.open(u"legacy.tar"_s);
        QVERIFY_OK(opened);
        const std::shared_ptr<const image::LocalImageSource> source = opened.value();
        QCOMPARE(source->images().size(), 1);
        const image::LocalImage &local = source->images().constFirst();
        QCOMPARE(image::tagFromNames(local.names), u"2.0"_s);
        QCOMPARE(image::repositoryFromNames(local.names), u"lading/legacy"_s);

        // The plan PushPlanner makes of it: the config as it is, the layers to compress.
        image::PushPlan plan;
        plan.source = source;
        plan.repository = u"lading/legacy"_s;
        image::PushManifest manifest;
        manifest.source = local.manifestDigest;
        const oci::ImageManifest &parsed = local.manifest.manifest();
        image::PushBlob config;
        config.kind = image::PushBlob::Kind::Config;
        config.source = config.target = parsed.config.digest();
        config.size = config.targetSize = parsed.config.size();
        config.fate = Fate::Upload;
        plan.blobs << config;
        manifest.blobs << 0;
        for (const oci::Descriptor &layer : parsed.layers) {
            image::PushBlob entry;
            entry.source = layer.digest();
            entry.size = layer.size();
            entry.mediaType = layer.mediaType();
            entry.fate = Fate::Compress;
            manifest.blobs << int(plan.blobs.size());
            plan.blobs << entry;
        }
        plan.manifests << manifest;
        image::PushTarget target;
        target.root = local.manifestDigest;
        target.tag = u"2.0"_s;
        plan.targets << target;

        // Compressed digests not known yet: nor is the manifest's.
        QVERIFY(PushPlanModel::expectedDigest(plan, 0).isNull());
        // Known (an earlier push remembered them): the rewritten manifest's, not the archive's.
        plan.blobs[1].target = digestOf("gz 1");
        plan.blobs[1].targetSize = 40;
        plan.blobs[2].target = digestOf("gz 2");
        plan.blobs[2].targetSize = 50;
        const oci::Digest expected = PushPlanModel::expectedDigest(plan, 0);
        QVERIFY(!expected.isNull());
        QVERIFY(expected != local.manifestDigest);
        plan.blobs[2].target = digestOf("gz 2, other");
        QVERIFY(PushPlanModel::expectedDigest(plan, 0) != expected);
        plan.blobs[2].target = digestOf("gz 2");
        QCOMPARE(PushPlanModel::expectedDigest(plan, 0), expected);

        // The tag already points there: it stays; elsewhere: it moves.
        plan.targets[0].tagCurrent = expected;
        QVERIFY(!PushPlanModel::movesTag(plan, 0));
        QCOMPARE(PushPlanModel::tagText(plan, 0), u"2.0 already points to this image; it stays"_s);
        plan.targets[0].tagCurrent = local.manifestDigest;
        QVERIFY(PushPlanModel::movesTag(plan, 0));

        // Nothing replaced (blobs pushed as they are): the archive's own manifest digest.
        for (int i = 1; i < plan.blobs.size(); ++i) {
            plan.blobs[i].target = plan.blobs.at(i).source;
            plan.blobs[i].targetSize = plan.blobs.at(i).size;
        }
        QCOMPARE(PushPlanModel::expectedDigest(plan, 0), local.manifestDigest);
    }

    void namesToTagsAndRepositories_data()
    {
        QTest::addColumn<QStringList>("names");
        QTest::addColumn<QString>("tag");
        QTest::addColumn<QString>("repository");
        QTest::newRow("RepoTags") << QStringList{u"lading/legacy:2.0"_s} << u"2.0"_s
                                  << u"lading/legacy"_s;
        QTest::newRow("containerd name")
            << QStringList{u"docker.io/library/alpine:3.19"_s} << u"3.19"_s << u"library/alpine"_s;
        QTest::newRow("ref.name tag") << QStringList{u"1.0"_s} << u"1.0"_s << QString();
        QTest::newRow("host with port")
            << QStringList{u"localhost:5000/team/app:7"_s} << u"7"_s << u"team/app"_s;
        QTest::newRow("no tag") << QStringList{u"localhost:5000/team/app"_s} << QString()
                                << u"team/app"_s;
        QTest::newRow("first with a tag")
            << QStringList{u"example.com/x/y"_s, u"edge"_s} << u"edge"_s << u"x/y"_s;
        QTest::newRow("invalid") << QStringList{u"Team/App:-bad"_s} << QString() << QString();
        QTest::newRow("none") << QStringList() << QString() << QString();
    }

    void namesToTagsAndRepositories()
    {
        QFETCH(QStringList, names);
        QFETCH(QString, tag);
        QFETCH(QString, repository);
        QCOMPARE(image::tagFromNames(names), tag);
        QCOMPARE(image::repositoryFromNames(names), repository);
    }
};

QTEST_MAIN(TestPushPlanModel)
#include "tst_pushplanmodel.moc"
