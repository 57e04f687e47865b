// RetentionRules: JSON as saved per repository, read back; what is refused.

#include "ops/plan/retentionrules.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using ops::RetentionRules;

class TestRetentionRules final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip();
    void onlyTheRulesGivenAreWritten();
    void dateWithoutOffsetIsUtc();
    void refusals_data();
    void refusals();
    void patternsAreCheckedByValidate();
    void describeInCommandLineWords();
};

void TestRetentionRules::roundTrip()
{
    RetentionRules rules;
    rules.keepNewest = 10;
    rules.keep = {QStringLiteral("v\\d+\\.\\d+"), QStringLiteral("latest")};
    rules.deleteOlderThan = QDateTime(QDate(2024, 3, 1), QTime(12, 30), Qt::UTC);
    rules.deleteMatching = {QStringLiteral("tmp-.*")};
    QVERIFY(rules.validate().ok());

    const QJsonObject json = rules.toJson();
    QCOMPARE(json.value(u"version").toInt(), 1);
    QCOMPARE(json.value(u"keepNewest").toInt(), 10);
    QCOMPARE(json.value(u"deleteOlderThan").toString(), QStringLiteral("2024-03-01T12:30:00Z"));
    QCOMPARE(json.value(u"keep").toArray().size(), 2);
    QCOMPARE(json.value(u"deleteMatching").toArray().at(0).toString(), QStringLiteral("tmp-.*"));

    // Through the bytes a settings file would hold.
    const QByteArray saved = QJsonDocument(json).toJson();
    oci::Result<RetentionRules> read = RetentionRules::fromJson(QJsonDocument::fromJson(saved).object());
    QVERIFY2(read.ok(), read.ok() ? "" : qPrintable(read.error().message()));
    QVERIFY(read.value() == rules);
}

void TestRetentionRules::onlyTheRulesGivenAreWritten()
{
    RetentionRules rules;
    rules.keepNewest = 3;
    const QJsonObject json = rules.toJson();
    QCOMPARE(json.keys(), (QStringList{QStringLiteral("keepNewest"), QStringLiteral("version")}));
    QVERIFY(!rules.hasDeleteRule());
    QVERIFY(rules.hasKeepRule());
}

void TestRetentionRules::dateWithoutOffsetIsUtc()
{
    const QJsonObject json{{QStringLiteral("deleteOlderThan"), QStringLiteral("2024-01-02T03:04:05")}};
    oci::Result<RetentionRules> read = RetentionRules::fromJson(json);
    QVERIFY(read.ok());
    QCOMPARE(read->deleteOlderThan, QDateTime(QDate(2024, 1, 2), QTime(3, 4, 5), Qt::UTC));
    // With an offset, the instant is kept.
    oci::Result<RetentionRules> offset = RetentionRules::fromJson(
        QJsonObject{{QStringLiteral("deleteOlderThan"), QStringLiteral("2024-01-02T03:04:05+02:00")}});
    QVERIFY(offset.ok());
    QCOMPARE(offset->deleteOlderThan, QDateTime(QDate(2024, 1, 2), QTime(1, 4, 5), Qt::UTC));
}

void TestRetentionRules::refusals_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("nothing") << QByteArray("{}") << QStringLiteral("delete every tag");
    QTest::newRow("bad regex") << QByteArray(R"({"keep":["v("]})") << QStringLiteral("'v('");
    QTest::newRow("bad delete regex") << QByteArray(R"({"deleteMatching":["[a-"]})")
                                      << QStringLiteral("delete pattern '[a-'");
    QTest::newRow("negative") << QByteArray(R"({"keepNewest":-1})") << QStringLiteral("negative");
    QTest::newRow("fraction") << QByteArray(R"({"keepNewest":1.5})") << QStringLiteral("whole number");
    QTest::newRow("keep not a list") << QByteArray(R"({"keep":"v.*"})") << QStringLiteral("\"keep\"");
    QTest::newRow("keep holds a number") << QByteArray(R"({"keep":[1]})") << QStringLiteral("\"keep\"");
    QTest::newRow("bad date") << QByteArray(R"({"deleteOlderThan":"last tuesday"})")
                              << QStringLiteral("ISO 8601");
    QTest::newRow("date not a string") << QByteArray(R"({"deleteOlderThan":20240101})")
                                       << QStringLiteral("ISO 8601");
    QTest::newRow("newer format") << QByteArray(R"({"version":2,"keepNewest":1})")
                                  << QStringLiteral("version 2");
}

void TestRetentionRules::refusals()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, mentions);
    oci::Result<RetentionRules> read = RetentionRules::fromJson(QJsonDocument::fromJson(json).object());
    QVERIFY(!read.ok());
    QCOMPARE(read.error().code(), oci::Error::Code::InvalidArgument);
    QVERIFY2(read.error().message().contains(mentions), qPrintable(read.error().message()));
}

void TestRetentionRules::patternsAreCheckedByValidate()
{
    RetentionRules rules;
    rules.keep = {QStringLiteral("ok"), QStringLiteral("(unclosed")};
    QVERIFY(!rules.validate().ok());
    rules.keep = {QStringLiteral("ok")};
    QVERIFY(rules.validate().ok());
    // Unbalanced the other way round: valid only inside the anchoring group.
    rules.deleteMatching = {QStringLiteral("a)(b")};
    const oci::Result<void> unbalanced = rules.validate();
    QVERIFY(!unbalanced.ok());
    QVERIFY2(unbalanced.error().message().contains(u"'a)(b'"), qPrintable(unbalanced.error().message()));
}

void TestRetentionRules::describeInCommandLineWords()
{
    RetentionRules rules;
    rules.keepNewest = 5;
    rules.keep = {QStringLiteral("it's")};
    rules.deleteOlderThan = QDateTime(QDate(2024, 1, 1), QTime(0, 0), Qt::UTC);
    rules.deleteMatching = {QStringLiteral("tmp-.*")};
    QCOMPARE(rules.describe(), QStringLiteral("--keep-newest 5 --keep 'it'\\''s' --older-than "
                                              "2024-01-01T00:00:00Z --delete 'tmp-.*'"));
}

QTEST_GUILESS_MAIN(TestRetentionRules)
#include "tst_retentionrules.moc"
