#include "oci/inspect/imagedetails.h"
#include "oci/inspect/tagorder.h"

#include <QTest>

using oci::TagDetails;

namespace {

TagDetails row(const QString &tag, qint64 size = -1, const QDateTime &created = {},
               const QByteArray &content = {})
{
    TagDetails details;
    details.tag = tag;
    details.details.compressedSize = size;
    details.details.created = created;
    if (!content.isEmpty())
        details.details.digest = oci::Digest::sha256Of(content);
    return details;
}

QStringList names(const QList<TagDetails> &rows)
{
    QStringList list;
    for (const TagDetails &r : rows)
        list << r.tag;
    return list;
}

QDateTime at(const char *iso)
{
    return QDateTime::fromString(QLatin1String(iso), Qt::ISODate);
}

} // namespace

class TestTagOrder final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void naturalCompare_data();
    void naturalCompare();
    void sortsByName();
    void sortsByCreatedNewestFirst();
    void sortsBySizeLargestFirst();
    void countsTagsPerDigest();
    void recognisesReferrerFallbackTags();
};

void TestTagOrder::naturalCompare_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<int>("expected");
    QTest::newRow("1.9 < 1.10") << QStringLiteral("1.9") << QStringLiteral("1.10") << -1;
    QTest::newRow("v2 < v10") << QStringLiteral("v2") << QStringLiteral("v10") << -1;
    QTest::newRow("equal") << QStringLiteral("latest") << QStringLiteral("latest") << 0;
    QTest::newRow("prefix first") << QStringLiteral("1.0") << QStringLiteral("1.0-rc1") << -1;
    QTest::newRow("letters") << QStringLiteral("alpha") << QStringLiteral("beta") << -1;
    QTest::newRow("padding ties last") << QStringLiteral("1") << QStringLiteral("01") << -1;
    QTest::newRow("big numbers") << QStringLiteral("t99999999999999999999")
                                 << QStringLiteral("t100000000000000000000") << -1;
    QTest::newRow("digits before letters") << QStringLiteral("1") << QStringLiteral("a") << -1;
}

void TestTagOrder::naturalCompare()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(int, expected);
    QCOMPARE(oci::naturalCompare(a, b), expected);
    QCOMPARE(oci::naturalCompare(b, a), -expected);
}

void TestTagOrder::sortsByName()
{
    QList<TagDetails> rows{row(QStringLiteral("1.10")), row(QStringLiteral("latest")),
                           row(QStringLiteral("1.9")), row(QStringLiteral("1.2"))};
    oci::sortTagDetails(rows, oci::TagSortKey::Name);
    QCOMPARE(names(rows), (QStringList{QStringLiteral("1.2"), QStringLiteral("1.9"),
                                       QStringLiteral("1.10"), QStringLiteral("latest")}));
}

void TestTagOrder::sortsByCreatedNewestFirst()
{
    QList<TagDetails> rows{row(QStringLiteral("old"), 1, at("2019-01-01T00:00:00Z")),
                           row(QStringLiteral("unknown")),
                           row(QStringLiteral("new"), 1, at("2024-01-01T00:00:00Z")),
                           row(QStringLiteral("b-same"), 1, at("2020-01-01T00:00:00Z")),
                           row(QStringLiteral("a-same"), 1, at("2020-01-01T00:00:00Z"))};
    oci::sortTagDetails(rows, oci::TagSortKey::Created);
    QCOMPARE(names(rows),
             (QStringList{QStringLiteral("new"), QStringLiteral("a-same"), QStringLiteral("b-same"),
                          QStringLiteral("old"), QStringLiteral("unknown")}));
}

void TestTagOrder::sortsBySizeLargestFirst()
{
    QList<TagDetails> rows{row(QStringLiteral("small"), 10), row(QStringLiteral("none")),
                           row(QStringLiteral("big"), 5000), row(QStringLiteral("zero"), 0)};
    oci::sortTagDetails(rows, oci::TagSortKey::Size);
    QCOMPARE(names(rows), (QStringList{QStringLiteral("big"), QStringLiteral("small"),
                                       QStringLiteral("zero"), QStringLiteral("none")}));
}

void TestTagOrder::countsTagsPerDigest()
{
    const QList<TagDetails> rows{
        row(QStringLiteral("a"), 1, {}, "one"), row(QStringLiteral("b"), 1, {}, "one"),
        row(QStringLiteral("c"), 1, {}, "two"), row(QStringLiteral("failed"))};
    const auto counts = oci::tagsPerDigest(rows);
    QCOMPARE(counts.size(), 2);
    QCOMPARE(counts.value(oci::Digest::sha256Of("one")), 2);
    QCOMPARE(counts.value(oci::Digest::sha256Of("two")), 1);
}

void TestTagOrder::recognisesReferrerFallbackTags()
{
    const QString hex = oci::Digest::sha256Of("x").encoded();
    QVERIFY(oci::isReferrerFallbackTag(QString(u"sha256-" + hex)));
    QVERIFY(oci::isReferrerFallbackTag(QString(u"sha256-" + hex + u".sig")));
    QVERIFY(!oci::isReferrerFallbackTag(QString(u"sha256-" + hex.left(63))));
    QVERIFY(!oci::isReferrerFallbackTag(QString(u"sha256-" + hex + u".tar")));
    QVERIFY(!oci::isReferrerFallbackTag(QStringLiteral("latest")));
    QVERIFY(!oci::isReferrerFallbackTag(QString(u"SHA256-" + hex)));
}

QTEST_GUILESS_MAIN(TestTagOrder)
#include "tst_tagorder.moc"
