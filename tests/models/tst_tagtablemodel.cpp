// TagTableModel and TagTableProxyModel against the real registry (Debian's docker-registry),
// always under QAbstractItemModelTester: names before details, every column for OCI,
// Docker and index images, shared digests, referrers fallback tags hidden and resolved on
// demand, visible rows first, sorting by created and size across 5,001 tags, natural
// order, the filter, and no second fetch of anything already known.

#include "tagtablefixtures.h"

#include "naturalsort.h"
#include "roles.h"
#include "tagtablemodel.h"
#include "tagtableproxymodel.h"
#include "tagtablereferrers.h"
#include "tagtabletext.h"

#include "support/clientharness.h"
#include "support/fixtures.h"
#include "support/registryprocess.h"
#include "support/registryseeder.h"

#include "oci/cache/contentcache.h"
#include "oci/inspect/contentfetcher.h"
#include "oci/inspect/imagedetails.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace Qt::StringLiterals;
using DetailsState = TagTableModel::DetailsState;
using ListingState = TagTableModel::ListingState;

namespace {

constexpr int kTimeoutMs = 120000;
constexpr int kVariants = 50;
constexpr int kTagsPerVariant = 100; // "v<i>" and "v<i>-0000" ... "v<i>-0098"

QDateTime createdOf(const QByteArray &config)
{
    return QDateTime::fromString(
               QJsonDocument::fromJson(config).object().value(u"created").toString(), Qt::ISODate)
        .toUTC();
}

QString platformOf(const QByteArray &config)
{
    const QJsonObject object = QJsonDocument::fromJson(config).object();
    QString text = object.value(u"os").toString() + u'/' + object.value(u"architecture").toString();
    if (const QString variant = object.value(u"variant").toString(); !variant.isEmpty())
        text += u'/' + variant;
    return text;
}

QVariant cell(const TagTableModel &model, const QString &tag, int column,
              int role = Qt::DisplayRole)
{
    return model.index(model.rowOfTag(tag), column).data(role);
}

DetailsState stateOf(const TagTableModel &model, int row)
{
    return model.index(row, 0).data(TagTableModel::DetailsStateRole).value<DetailsState>();
}

// Tag names in the proxy's order.
QStringList proxyOrder(const QSortFilterProxyModel &proxy)
{
    QStringList tags;
    for (int row = 0; row < proxy.rowCount(); ++row)
        tags << proxy.index(row, 0).data(ModelRoles::TagRole).toString();
    return tags;
}

// A model, its proxy and a tester on each, with a fetcher over a memory-only cache.
struct TableUnderTest
{
    explicit TableUnderTest(oci::RegistryClient *client)
        : cache(oci::ContentCacheOptions{})
        , fetcher(client, &cache)
        , modelTester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest)
        , proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest)
    {
        proxy.setSourceModel(&model);
    }

    oci::ContentCache cache;
    oci::ContentFetcher fetcher;
    TagTableModel model;
    TagTableProxyModel proxy;
    QAbstractItemModelTester modelTester;
    QAbstractItemModelTester proxyTester;
};

} // namespace

class TestTagTableModel final : public QObject
{
    Q_OBJECT

    std::unique_ptr<RegistryProcess> m_registry;
    std::unique_ptr<ClientHarness> m_harness;
    SeededImage m_oci;
    SeededImage m_docker;
    SeededImage m_index;
    oci::Digest m_referrer;
    // The big repository: every tag with its created date and size.
    struct Expected
    {
        QString tag;
        QDateTime created;
        qint64 size = 0;
        oci::Digest digest;
    };
    QList<Expected> m_many;

private Q_SLOTS:
    void initTestCase()
    {
        REQUIRE_REGISTRY_TOOLS();
        m_registry = std::make_unique<RegistryProcess>();
        QVERIFY2(m_registry->start(), qPrintable(m_registry->errorString()));
        Fixtures fixtures(*m_registry);

        // mixed/app: one of each kind, a tag sharing the index's digest, a fallback tag.
        auto oci = fixtures.pushOciImage(u"mixed/app"_s, u"oci"_s);
        QVERIFY_RESULT(oci);
        m_oci = *oci;
        auto docker = fixtures.pushDockerImage(u"mixed/app"_s, u"docker"_s);
        QVERIFY_RESULT(docker);
        m_docker = *docker;
        auto index = fixtures.pushIndex(u"mixed/app"_s, u"multi"_s);
        QVERIFY_RESULT(index);
        m_index = *index;
        RegistrySeeder seeder(*m_registry);
        QVERIFY_RESULT(seeder.linkTag(u"mixed/app"_s, u"latest"_s, m_index.digest.toString()));
        auto referrer = tagtablefixtures::pushFallbackReferrer(*m_registry, u"mixed/app"_s, m_oci);
        QVERIFY_RESULT(referrer);
        m_referrer = *referrer;

        // many/app: 50 images with their own created date and size, 100 tags each, and
        // the base image: 5,001 tags.
        auto base = fixtures.pushOciImage(u"many/app"_s, u"base"_s);
        QVERIFY_RESULT(base);
        m_many.append({base->tag, createdOf(base->config),
                       tagtablefixtures::compressedSizeOf(base->manifest), base->digest});
        QList<QDateTime> dates;
        QList<int> padding;
        QStringList tags;
        const QDateTime start(QDate(2020, 1, 1), QTime(8, 0), Qt::UTC);
        for (int i = 1; i <= kVariants; ++i) {
            dates << start.addDays((i * 37) % kVariants).addSecs(i * 61);
            padding << ((i * 13) % kVariants) * 10;
            tags << u"v"_s + QString::number(i);
        }
        auto variants = tagtablefixtures::pushDatedImages(*m_registry, *base, dates, padding, tags);
        QVERIFY_RESULT(variants);
        for (const tagtablefixtures::DatedImage &variant : *variants) {
            m_many.append(
                {variant.image.tag, variant.created, variant.compressedSize, variant.image.digest});
            auto more =
                fixtures.pushManyTags(variant.image, kTagsPerVariant - 1, variant.image.tag + u'-');
            QVERIFY_RESULT(more);
            for (const QString &tag : *more)
                m_many.append({tag, variant.created, variant.compressedSize, variant.image.digest});
        }
        QCOMPARE(m_many.size(), kVariants * kTagsPerVariant + 1);

        m_harness = std::make_unique<ClientHarness>(*m_registry, ClientHarness::Login::Anonymous);
    }

    void cleanup()
    {
        if (QTest::currentTestFailed() && m_registry)
            m_registry->printLogTail();
    }

    void namesFirstThenDetails()
    {
        if (!m_harness)
            QSKIP("needs the registry");
        TableUnderTest table(m_harness->client());
        TagTableModel &model = table.model;

        // The first rows inserted carry names only.
        bool namesBeforeDetails = false;
        QObject probe;
        connect(&model, &QAbstractItemModel::rowsInserted, &probe, [&] {
            if (model.rowCount() > 0 && model.detailsDone() == 0)
                namesBeforeDetails = stateOf(model, 0) == DetailsState::Pending &&
                                     !cell(model, model.tagAt(0), 0).toString().isEmpty();
        });
        QSignalSpy finished(&model, &TagTableModel::detailsFinished);
        model.setRepository(&table.fetcher, m_registry->host(), u"mixed/app"_s);
        QCOMPARE(model.listingState(), ListingState::Listing);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kTimeoutMs);
        QVERIFY(namesBeforeDetails);
        QCOMPARE(model.listingState(), ListingState::Listed);
        QCOMPARE(model.rowCount(), 5);

        // The OCI image.
        using C = TagTableModel;
        QCOMPARE(cell(model, u"oci"_s, C::DigestColumn, C::DigestRole).toString(),
                 m_oci.digest.toString());
        QCOMPARE(cell(model, u"oci"_s, C::DigestColumn).toString(), m_oci.digest.shortString());
        QCOMPARE(cell(model, u"oci"_s, C::TypeColumn).toString(), u"OCI image"_s);
        QCOMPARE(cell(model, u"oci"_s, C::PlatformsColumn).toString(), platformOf(m_oci.config));
        QCOMPARE(cell(model, u"oci"_s, C::SizeColumn, C::SizeRole).toLongLong(),
                 tagtablefixtures::compressedSizeOf(m_oci.manifest));
        QCOMPARE(cell(model, u"oci"_s, C::SizeColumn).toString(),
                 TagTableText::size(tagtablefixtures::compressedSizeOf(m_oci.manifest)));
        QVERIFY(createdOf(m_oci.config).isValid());
        QCOMPARE(cell(model, u"oci"_s, C::CreatedColumn, C::CreatedRole).toDateTime(),
                 createdOf(m_oci.config));
        QCOMPARE(cell(model, u"oci"_s, C::CreatedColumn).toString(),
                 TagTableText::created(createdOf(m_oci.config)));
        QCOMPARE(cell(model, u"oci"_s, C::SharedColumn).toString(), QString());
        QCOMPARE(cell(model, u"oci"_s, 0, C::GroupSizeRole).toInt(), 1);
        QVERIFY(!cell(model, u"oci"_s, 0, C::GroupColorRole).isValid());

        // The Docker image.
        QCOMPARE(cell(model, u"docker"_s, C::TypeColumn).toString(), u"Docker image"_s);
        QCOMPARE(cell(model, u"docker"_s, C::DigestColumn, C::DigestRole).toString(),
                 m_docker.digest.toString());
        QCOMPARE(cell(model, u"docker"_s, C::SizeColumn, C::SizeRole).toLongLong(),
                 tagtablefixtures::compressedSizeOf(m_docker.manifest));
        QCOMPARE(cell(model, u"docker"_s, C::CreatedColumn, C::CreatedRole).toDateTime(),
                 createdOf(m_docker.config));

        // The index: both platforms, their distinct blobs' sizes, the newest platform's date,
        // and "latest" on the same digest, grouped.
        Fixtures fixtures(*m_registry);
        QHash<QString, qint64> blobSizes;
        QDateTime newest;
        const QJsonArray entries =
            QJsonDocument::fromJson(m_index.manifest).object().value(u"manifests").toArray();
        for (const QJsonValue &entry : entries) {
            const QString child = u"mixed/app@"_s + entry.toObject().value(u"digest").toString();
            auto manifest = fixtures.skopeoInspectRaw(child);
            QVERIFY_RESULT(manifest);
            auto config = fixtures.skopeoInspectRaw(child, true);
            QVERIFY_RESULT(config);
            // Each distinct blob once: what pulling every platform transfers.
            const QJsonObject object = QJsonDocument::fromJson(*manifest).object();
            QJsonArray blobs = object.value(u"layers").toArray();
            blobs.append(object.value(u"config"));
            for (const QJsonValue &blob : std::as_const(blobs)) {
                blobSizes.insert(blob.toObject().value(u"digest").toString(),
                                 qint64(blob.toObject().value(u"size").toDouble()));
            }
            newest = std::max(newest, createdOf(*config));
        }
        qint64 indexSize = 0;
        for (const qint64 size : std::as_const(blobSizes))
            indexSize += size;
        QCOMPARE(cell(model, u"multi"_s, C::TypeColumn).toString(), u"OCI index"_s);
        QCOMPARE(cell(model, u"multi"_s, C::PlatformsColumn).toString(),
                 m_index.platforms.join(u", "_s));
        QCOMPARE(cell(model, u"multi"_s, C::SizeColumn, C::SizeRole).toLongLong(), indexSize);
        QCOMPARE(cell(model, u"multi"_s, C::CreatedColumn, C::CreatedRole).toDateTime(), newest);
        QCOMPARE(cell(model, u"multi"_s, 0, C::GroupSizeRole).toInt(), 2);
        QCOMPARE(cell(model, u"latest"_s, 0, C::GroupSizeRole).toInt(), 2);
        QCOMPARE(cell(model, u"multi"_s, C::SharedColumn).toString(), u"latest"_s);
        QCOMPARE(cell(model, u"latest"_s, C::SharedColumn).toString(), u"multi"_s);
        QVERIFY(cell(model, u"latest"_s, C::SharedColumn, Qt::ToolTipRole)
                    .toString()
                    .contains(u"multi"_s));
        QVERIFY(cell(model, u"multi"_s, 0, C::GroupColorRole).value<QColor>().isValid());
        QCOMPARE(cell(model, u"multi"_s, 0, C::GroupColorRole),
                 cell(model, u"latest"_s, 0, C::GroupColorRole));
        QVERIFY(cell(model, u"multi"_s, C::NameColumn, Qt::BackgroundRole).isValid());
        QCOMPARE(model.tagsWithDigest(m_index.digest), (QStringList{u"latest"_s, u"multi"_s}));
        QCOMPARE(model.sharedTagCount(), 2);
        QCOMPARE(cell(model, u"multi"_s, 0, ModelRoles::ReferenceRole).toString(),
                 QString(m_registry->host() + u"/mixed/app:multi"));

        // The fallback tag: hidden by the proxy, not fetched until it is wanted.
        const QString fallback = u"sha256-"_s + m_oci.digest.encoded();
        QVERIFY(cell(model, fallback, 0, C::FallbackTagRole).toBool());
        QCOMPARE(stateOf(model, model.rowOfTag(fallback)), DetailsState::Pending);
        QCOMPARE(model.detailsTotal(), 4);
        QCOMPARE(table.proxy.rowCount(), 4);
        QVERIFY(!proxyOrder(table.proxy).contains(fallback));
        table.proxy.setHideFallbackTags(false);
        QCOMPARE(table.proxy.rowCount(), 5);
        model.setResolveFallbackTags(true);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, kTimeoutMs);
        QCOMPARE(stateOf(model, model.rowOfTag(fallback)), DetailsState::Loaded);
        QCOMPARE(cell(model, fallback, C::TypeColumn).toString(), u"Referrers"_s);
        QCOMPARE(cell(model, fallback, C::PlatformsColumn).toString(), QString());
        QCOMPARE(model.detailsDone(), 5);
    }

    void missingTagFailsItsRowOnly()
    {
        if (!m_harness)
            QSKIP("needs the registry");
        // A tag whose manifest is gone (listed, but MANIFEST_UNKNOWN): that row says so.
        RegistrySeeder seeder(*m_registry);
        const QString gone =
            u"sha256:0000000000000000000000000000000000000000000000000000000000000001"_s;
        QVERIFY_RESULT(seeder.linkTag(u"broken/app"_s, u"gone"_s, gone));
        Fixtures fixtures(*m_registry);
        QVERIFY_RESULT(fixtures.pushOciImage(u"broken/app"_s, u"fine"_s));

        TableUnderTest table(m_harness->client());
        QSignalSpy finished(&table.model, &TagTableModel::detailsFinished);
        table.model.setRepository(&table.fetcher, m_registry->host(), u"broken/app"_s);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kTimeoutMs);
        QCOMPARE(table.model.rowCount(), 2);
        QCOMPARE(stateOf(table.model, table.model.rowOfTag(u"fine"_s)), DetailsState::Loaded);
        QCOMPARE(stateOf(table.model, table.model.rowOfTag(u"gone"_s)), DetailsState::Failed);
        QVERIFY(!cell(table.model, u"gone"_s, TagTableModel::DigestColumn, Qt::ToolTipRole)
                     .toString()
                     .isEmpty());
    }

    void listingFailure()
    {
        if (!m_harness)
            QSKIP("needs the registry");
        TableUnderTest table(m_harness->client());
        QSignalSpy states(&table.model, &TagTableModel::listingStateChanged);
        table.model.setRepository(&table.fetcher, m_registry->host(), u"no/such/repository"_s);
        QTRY_COMPARE_WITH_TIMEOUT(table.model.listingState(), ListingState::Failed, kTimeoutMs);
        QVERIFY(table.model.listingError().contains(u"no/such/repository"_s));
        QCOMPARE(table.model.rowCount(), 0);
    }

    void referrersOfATag()
    {
        if (!m_harness)
            QSKIP("needs the registry");
        oci::ContentCache cache{oci::ContentCacheOptions{}};
        oci::ContentFetcher fetcher(m_harness->client(), &cache);
        TagReferrersModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSubject(&fetcher, u"mixed/app"_s, u"oci"_s, m_oci.digest);
        QCOMPARE(model.state(), TagReferrersModel::State::Loading);
        QTRY_COMPARE_WITH_TIMEOUT(model.state(), TagReferrersModel::State::Loaded, kTimeoutMs);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.source(), TagReferrersModel::Source::FallbackTag);
        QCOMPARE(model.index(0, TagReferrersModel::KindColumn).data().toString(), u"SBOM"_s);
        QCOMPARE(model.index(0, TagReferrersModel::ArtifactTypeColumn).data().toString(),
                 u"application/spdx+json"_s);
        QCOMPARE(model.index(0, 0).data(TagReferrersModel::DigestRole).toString(),
                 m_referrer.toString());
        QCOMPARE(model.index(0, TagReferrersModel::CreatedColumn).data().toString(),
                 TagTableText::created(QDateTime(QDate(2024, 5, 6), QTime(7, 8, 9), Qt::UTC)));

        // Nothing refers to the Docker image: an empty list, not an error.
        model.setSubject(&fetcher, u"mixed/app"_s, u"docker"_s, m_docker.digest);
        QTRY_COMPARE_WITH_TIMEOUT(model.state(), TagReferrersModel::State::Loaded, kTimeoutMs);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.source(), TagReferrersModel::Source::None);
    }

    void visibleRowsFirst()
    {
        if (!m_harness)
            QSKIP("needs the registry");
        TableUnderTest table(m_harness->client());
        TagTableModel &model = table.model;
        model.setRepository(&table.fetcher, m_registry->host(), u"many/app"_s);
        QTRY_COMPARE_WITH_TIMEOUT(model.listingState(), ListingState::Listed, kTimeoutMs);
        QCOMPARE(model.rowCount(), int(m_many.size()));

        // The last rows listed are the last the background would reach.
        QList<int> rows;
        for (int row = model.rowCount() - 40; row < model.rowCount(); ++row)
            rows << row;
        model.prioritize(rows);
        const auto allLoaded = [&] {
            return std::all_of(rows.cbegin(), rows.cend(), [&](int row) {
                return stateOf(model, row) == DetailsState::Loaded;
            });
        };
        QTRY_VERIFY_WITH_TIMEOUT(allLoaded(), kTimeoutMs);
        const int doneThen = model.detailsDone();
        qInfo("the 40 rows asked for were ready after %d of %d tags", doneThen,
              model.detailsTotal());
        QVERIFY2(doneThen < model.detailsTotal() / 2, qPrintable(QString::number(doneThen)));
    }

    void sortAcrossAllTags()
    {
        if (!m_harness)
            QSKIP("needs the registry");
        TableUnderTest table(m_harness->client());
        TagTableModel &model = table.model;
        TagTableProxyModel &proxy = table.proxy;
        proxy.sort(TagTableModel::CreatedColumn, Qt::DescendingOrder);
        QSignalSpy finished(&model, &TagTableModel::detailsFinished);
        model.setRepository(&table.fetcher, m_registry->host(), u"many/app"_s);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kTimeoutMs);
        QCOMPARE(model.detailsDone(), int(m_many.size()));
        for (int row = 0; row < model.rowCount(); ++row)
            QCOMPARE(stateOf(model, row), DetailsState::Loaded);

        const NaturalLess natural;
        QList<Expected> expected = m_many;

        // Newest first; ties (tags of one image) in natural order of their names.
        proxy.resort();
        std::sort(expected.begin(), expected.end(), [&](const Expected &a, const Expected &b) {
            if (a.created != b.created)
                return a.created > b.created;
            return natural(a.tag, b.tag);
        });
        QStringList want;
        for (const Expected &entry : std::as_const(expected))
            want << entry.tag;
        QCOMPARE(proxyOrder(proxy), want);

        // Smallest first.
        proxy.sort(TagTableModel::SizeColumn, Qt::AscendingOrder);
        std::sort(expected.begin(), expected.end(), [&](const Expected &a, const Expected &b) {
            if (a.size != b.size)
                return a.size < b.size;
            return natural(a.tag, b.tag);
        });
        want.clear();
        for (const Expected &entry : std::as_const(expected))
            want << entry.tag;
        QCOMPARE(proxyOrder(proxy), want);

        // Names in natural order: v2 before v10, v9-0098 before v10.
        proxy.sort(TagTableModel::NameColumn, Qt::AscendingOrder);
        want.clear();
        for (const Expected &entry : std::as_const(m_many))
            want << entry.tag;
        std::sort(want.begin(), want.end(), natural);
        const QStringList order = proxyOrder(proxy);
        QCOMPARE(order, want);
        QVERIFY(order.indexOf(u"v2"_s) < order.indexOf(u"v10"_s));
        QVERIFY(order.indexOf(u"v9-0098"_s) < order.indexOf(u"v10"_s));

        // Every image's 100 tags form one group with one colour.
        const oci::Digest digest = m_many.at(1).digest;
        const QStringList group = model.tagsWithDigest(digest);
        QCOMPARE(group.size(), kTagsPerVariant);
        const QVariant colour = cell(model, group.constFirst(), 0, TagTableModel::GroupColorRole);
        QVERIFY(colour.value<QColor>().isValid());
        QCOMPARE(cell(model, group.constLast(), 0, TagTableModel::GroupColorRole), colour);
        // The first names of the others, then how many more.
        QCOMPARE(cell(model, group.constFirst(), TagTableModel::SharedColumn).toString(),
                 QString(group.at(1) + u", " + group.at(2) + u", " + group.at(3) + u" +96 more"));
        QVERIFY(cell(model, group.constFirst(), TagTableModel::SharedColumn, Qt::ToolTipRole)
                    .toString()
                    .contains(u"99"_s));

        // The filter matches names, case-insensitively.
        proxy.setFilterText(u"V1-"_s);
        QCOMPARE(proxy.rowCount(), kTagsPerVariant - 1);
        // A digest, or its beginning, shows the tags pointing there.
        QVERIFY(!proxy.filtersByDigest());
        proxy.setFilterText(digest.toString());
        QVERIFY(proxy.filtersByDigest());
        QCOMPARE(proxy.rowCount(), kTagsPerVariant);
        proxy.setFilterText(digest.shortString(16));
        QCOMPARE(proxy.rowCount(), kTagsPerVariant);
        for (int row = 0; row < proxy.rowCount(); ++row) {
            QCOMPARE(proxy.index(row, 0).data(TagTableModel::DigestRole).toString(),
                     digest.toString());
        }
        proxy.setFilterText(QString());
        QCOMPARE(proxy.rowCount(), int(m_many.size()));
    }

    void knownDetailsAreNotFetchedAgain()
    {
        if (!m_harness)
            QSKIP("needs the registry");
        TableUnderTest table(m_harness->client());
        TagTableModel &model = table.model;
        QSignalSpy finished(&model, &TagTableModel::detailsFinished);
        model.setRepository(&table.fetcher, m_registry->host(), u"many/app"_s);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kTimeoutMs);
        const oci::ContentFetcher::Counters first = table.fetcher.counters();
        // One manifest and one config per image, never per tag.
        QCOMPARE(first.manifestGets, kVariants + 1);
        QCOMPARE(first.blobGets, kVariants + 1);

        // Scrolling back over rows that are known asks nothing.
        QSignalSpy updates(&model, &TagTableModel::detailsUpdated);
        QList<int> all;
        for (int row = 0; row < model.rowCount(); ++row)
            all << row;
        model.prioritize(all);
        QTest::qWait(2 * TagTableModel::BatchIntervalMs);
        QCOMPARE(updates.size(), 0);
        QCOMPARE(table.fetcher.counters().manifestHeads, first.manifestHeads);
        QCOMPARE(table.fetcher.counters().manifestGets, first.manifestGets);

        // Reloading asks where each tag points now, but takes content from the cache.
        model.reload();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, kTimeoutMs);
        QCOMPARE(model.detailsDone(), int(m_many.size()));
        QCOMPARE(table.fetcher.counters().manifestGets, first.manifestGets);
        QCOMPARE(table.fetcher.counters().blobGets, first.blobGets);
        QVERIFY(table.fetcher.counters().manifestHeads > first.manifestHeads);
    }
};

QTEST_MAIN(TestTagTableModel)
#include "tst_tagtablemodel.moc"
