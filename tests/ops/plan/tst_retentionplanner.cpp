// planRetention on hand-built scans: a repository of a few hundred tags with varied created
// dates (made deterministically here, with what each rule should decide worked out by the
// test on its own), shared digests, referrers that protect their subjects, referrers tags
// that follow them, index children, and the small cases one at a time.

#include "scanbuilder.h"

#include "ops/plan/retentionplanner.h"
#include "ops/plan/retentionrules.h"

#include <QRegularExpression>
#include <QSet>
#include <QTest>

using ops::DeletePlan;
using ops::DeleteStep;
using ops::RetentionRules;
using ops::TagFate;
using plantest::fateOf;

namespace {

const QDateTime Base(QDate(2024, 1, 1), QTime(0, 0), Qt::UTC);

QString iso(const QDateTime &date)
{
    return date.toString(Qt::ISODate);
}

DeletePlan planned(const ops::RepositoryScan &scan, const RetentionRules &rules)
{
    oci::Result<DeletePlan> plan = ops::planRetention(scan, rules);
    if (!plan)
        qFatal("planRetention failed: %s", qPrintable(plan.error().describe()));
    return plan.value();
}

int countFate(const DeletePlan &plan, TagFate::Fate fate)
{
    return int(std::count_if(plan.tags.cbegin(), plan.tags.cend(),
                             [fate](const TagFate &tag) { return tag.fate == fate; }));
}

} // namespace

class TestRetentionPlanner final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void severalHundredTags();
    void sharedDigestWithAKeptTagIsProtected();
    void onlyKeepRulesDeleteTheRest();
    void imagesWithoutADateCountAsTheOldest();
    void patternsMatchWholeTags();
    void protectionSpreadsThroughReferrers();
    void indexChildren();
    void refusals();
};

// 300 images with created dates in a shuffled order (image i is (i * 97) % 300 days after
// 2024-01-01; every 17th from 5 on has no date), each tagged by turns "v1.<i>", "dev-<i>",
// "tmp-<i>"; every 20th also "stable-<i>". Every 30th from 7 on has an SBOM tagged
// "sbom-<i>" listed by its "sha256-<hex>" tag; every 40th from 13 on has an untagged SBOM
// behind its "sha256-<hex>" tag. 343 tags.
void TestRetentionPlanner::severalHundredTags()
{
    constexpr int Images = 300;
    ScanBuilder scan;
    QList<oci::Digest> digests;
    QHash<QString, int> imageOf;       // tag -> image (sbom and fallback tags: their subject)
    QSet<QString> sbomTags, fallbackTags;
    const auto dayOf = [](int i) { return (i * 97) % Images; };
    const auto dated = [](int i) { return i % 17 != 5; };
    for (int i = 0; i < Images; ++i) {
        const QDateTime created = dated(i) ? Base.addDays(dayOf(i)) : QDateTime();
        const oci::Digest digest = scan.image(QStringLiteral("image-%1").arg(i), created);
        digests << digest;
        static const char *const prefixes[] = {"v1.", "dev-", "tmp-"};
        const QString name = QString::fromLatin1(prefixes[i % 3]) + QString::number(i);
        scan.tag(name, digest);
        imageOf.insert(name, i);
        if (i % 20 == 0) {
            scan.tag(QStringLiteral("stable-%1").arg(i), digest);
            imageOf.insert(QStringLiteral("stable-%1").arg(i), i);
        }
        if (i % 30 == 7) {
            const oci::Digest sbom = scan.artifact(QStringLiteral("sbom-%1").arg(i), digest);
            scan.tag(QStringLiteral("sbom-%1").arg(i), sbom);
            sbomTags << QStringLiteral("sbom-%1").arg(i);
            imageOf.insert(QStringLiteral("sbom-%1").arg(i), i);
            scan.referrers(digest, {sbom});
        }
        if (i % 40 == 13)
            scan.referrers(digest, {scan.artifact(QStringLiteral("untagged-sbom-%1").arg(i), digest)});
        if (i % 30 == 7 || i % 40 == 13) {
            const QString fallback = u"sha256-" + digest.encoded();
            fallbackTags << fallback;
            imageOf.insert(fallback, i);
        }
    }
    QCOMPARE(scan.scan.tags.size(), 343);

    RetentionRules rules;
    rules.keepNewest = 25;
    rules.keep = {QStringLiteral("v1\\.\\d*0")};
    rules.deleteOlderThan = Base.addDays(150);
    rules.deleteMatching = {QStringLiteral("tmp-.*")};
    const DeletePlan plan = planned(scan.scan, rules);

    // The newest 25 images: the dated ones with the latest days (SBOMs have no date).
    QList<int> byDate;
    for (int i = 0; i < Images; ++i) {
        if (dated(i))
            byDate << i;
    }
    std::sort(byDate.begin(), byDate.end(), [&](int a, int b) { return dayOf(a) > dayOf(b); });
    const QSet<int> newest(byDate.cbegin(), byDate.cbegin() + 25);

    // What each rule decides, worked out tag by tag.
    enum class Rule { KeepPattern, Newest, OlderThan, DeletePattern, NoDeleteRule, Follows };
    QHash<QString, Rule> rule;
    QHash<int, QStringList> tagsOfImage; // image tags (not sbom, not fallback)
    for (const oci::TagDetails &row : std::as_const(scan.scan.tags)) {
        const QString &tag = row.tag;
        const int i = imageOf.value(tag);
        if (fallbackTags.contains(tag)) {
            rule.insert(tag, Rule::Follows);
        } else if (sbomTags.contains(tag)) {
            rule.insert(tag, Rule::NoDeleteRule); // no date, no delete pattern
        } else {
            tagsOfImage[i] << tag;
            if (tag.startsWith(u"v1.") && i % 10 == 0)
                rule.insert(tag, Rule::KeepPattern);
            else if (newest.contains(i))
                rule.insert(tag, Rule::Newest);
            else if (dated(i) && dayOf(i) < 150)
                rule.insert(tag, Rule::OlderThan);
            else if (tag.startsWith(u"tmp-"))
                rule.insert(tag, Rule::DeletePattern);
            else
                rule.insert(tag, Rule::NoDeleteRule);
        }
    }
    const auto candidate = [&](const QString &tag) {
        return rule.value(tag) == Rule::OlderThan || rule.value(tag) == Rule::DeletePattern;
    };

    int expectDeleted = 0, expectProtected = 0, expectKept = 0;
    QSet<oci::Digest> expectDeletedManifests;
    for (int i = 0; i < Images; ++i) {
        const QStringList tags = tagsOfImage.value(i);
        QStringList staying;
        for (const QString &tag : tags) {
            if (!candidate(tag))
                staying << tag;
        }
        const bool hasSbom = i % 30 == 7;
        const bool imageGoes = staying.isEmpty() && !hasSbom;
        for (const QString &tag : tags) {
            const TagFate &fate = fateOf(plan, tag);
            const QString digest = digests[i].shortString();
            QCOMPARE(fate.digest, digests[i]);
            // The sentences the GUI translates say what ladingctl prints.
            QCOMPARE(ops::englishText(fate.reasons), fate.reason);
            if (!candidate(tag)) {
                ++expectKept;
                QCOMPARE(fate.fate, TagFate::Fate::Kept);
                switch (rule.value(tag)) {
                case Rule::KeepPattern:
                    QCOMPARE(fate.reason, QStringLiteral("Kept: matches the keep pattern 'v1\\.\\d*0'."));
                    break;
                case Rule::Newest:
                    QCOMPARE(fate.reason, QString(u"Kept: its image is one of the newest 25 (created " +
                                                  iso(Base.addDays(dayOf(i))) + u")."));
                    break;
                default:
                    QCOMPARE(fate.reason,
                             dated(i) ? QString(u"Kept: no delete rule applies. Created " +
                                                iso(Base.addDays(dayOf(i))) + u", not before " +
                                                iso(rules.deleteOlderThan) +
                                                u". It matches no delete pattern.")
                                      : QStringLiteral("Kept: no delete rule applies. It has no created "
                                                       "date, so 'older than' does not apply. It "
                                                       "matches no delete pattern."));
                }
                continue;
            }
            const QString why = rule.value(tag) == Rule::OlderThan
                                    ? QString(u"created " + iso(Base.addDays(dayOf(i))) + u", before " +
                                              iso(rules.deleteOlderThan) + u" (rule: delete tags older than " +
                                              iso(rules.deleteOlderThan) + u")")
                                    : QStringLiteral("matches the delete pattern 'tmp-.*'");
            if (!staying.isEmpty()) {
                ++expectProtected;
                QCOMPARE(fate.fate, TagFate::Fate::Protected);
                QCOMPARE(fate.reason, QString(u"Protected: it shares " + digest + u" with '" +
                                              staying.constFirst() + u"', which is kept. Otherwise it would "
                                              u"be deleted: " + why + u'.'));
            } else if (hasSbom) {
                ++expectProtected;
                QCOMPARE(fate.fate, TagFate::Fate::Protected);
                QCOMPARE(fate.reason, QString(u"Protected: its image " + digest + u" is the subject of 'sbom-" +
                                              QString::number(i) + u"', a referrer which is kept. Otherwise it "
                                              u"would be deleted: " + why + u'.'));
            } else {
                ++expectDeleted;
                QCOMPARE(fate.fate, TagFate::Fate::Deleted);
                QVERIFY2(fate.reason.startsWith(u"Deleted: " + why + u'.'), qPrintable(fate.reason));
                QVERIFY(imageGoes);
            }
        }
        if (imageGoes && !tags.isEmpty())
            expectDeletedManifests.insert(digests[i]);
        const QString fallback = u"sha256-" + digests[i].encoded();
        if (fallbackTags.contains(fallback)) {
            const TagFate &fate = fateOf(plan, fallback);
            if (imageGoes) {
                ++expectDeleted;
                QCOMPARE(fate.fate, TagFate::Fate::Deleted);
                QVERIFY2(fate.reason.startsWith(u"The referrers list (tag schema) of " + digests[i].shortString()),
                         qPrintable(fate.reason));
                expectDeletedManifests.insert(fate.digest);
            } else {
                ++expectKept;
                QCOMPARE(fate.fate, TagFate::Fate::Kept);
                QVERIFY2(fate.reason.startsWith(u"Kept: a referrers list (tag schema) is not decided by the rules"),
                         qPrintable(fate.reason));
            }
        }
    }
    for (const QString &tag : std::as_const(sbomTags)) {
        ++expectKept;
        QCOMPARE(fateOf(plan, tag).fate, TagFate::Fate::Kept);
    }

    QCOMPARE(plan.tags.size(), 343);
    QCOMPARE(expectDeleted + expectKept + expectProtected, 343);
    QCOMPARE(countFate(plan, TagFate::Fate::Deleted), expectDeleted);
    QCOMPARE(countFate(plan, TagFate::Fate::Protected), expectProtected);
    QCOMPARE(countFate(plan, TagFate::Fate::Kept), expectKept);
    // The data set reaches every branch.
    QVERIFY(expectDeleted > 100);
    QVERIFY(expectProtected >= 5);
    QVERIFY(std::count(rule.cbegin(), rule.cend(), Rule::Newest) >= 20);

    // One DeleteManifest step per image that goes entirely (no shared digest goes halfway).
    QSet<oci::Digest> stepped;
    for (const DeleteStep &step : plan.steps) {
        QCOMPARE(step.kind, DeleteStep::Kind::DeleteManifest);
        stepped.insert(step.digest);
    }
    QCOMPARE(plan.steps.size(), expectDeletedManifests.size());
    QCOMPARE(stepped, expectDeletedManifests);
    // Untagged SBOMs whose subject goes are orphaned; tagged ones protect theirs.
    for (const oci::Descriptor &referrer : plan.orphanedReferrers)
        QCOMPARE(referrer.artifactType(), QStringLiteral("application/spdx+json"));
    QVERIFY(!plan.orphanedReferrers.isEmpty());

    // The same scan and rules: the same plan.
    const DeletePlan again = planned(scan.scan, rules);
    QCOMPARE(again.steps.size(), plan.steps.size());
    for (qsizetype i = 0; i < plan.steps.size(); ++i)
        QCOMPARE(again.steps[i].digest, plan.steps[i].digest);
    for (qsizetype i = 0; i < plan.tags.size(); ++i)
        QCOMPARE(again.tags[i].reason, plan.tags[i].reason);
}

void TestRetentionPlanner::sharedDigestWithAKeptTagIsProtected()
{
    ScanBuilder scan;
    const oci::Digest current = scan.image(QStringLiteral("one-one"), Base);
    const oci::Digest old = scan.image(QStringLiteral("one-oh"), Base.addDays(-10));
    scan.tags({QStringLiteral("1.1"), QStringLiteral("latest")}, current);
    scan.tag(QStringLiteral("1.0"), old);
    RetentionRules rules;
    rules.keep = {QStringLiteral("1\\.1")};
    rules.deleteMatching = {QStringLiteral("latest"), QStringLiteral("1\\.0")};
    const DeletePlan plan = planned(scan.scan, rules);
    const TagFate &latest = fateOf(plan, QStringLiteral("latest"));
    QCOMPARE(latest.fate, TagFate::Fate::Protected);
    QCOMPARE(latest.reason, QString(u"Protected: it shares " + current.shortString() +
                                    u" with '1.1', which is kept. Otherwise it would be deleted: matches the "
                                    u"delete pattern 'latest'."));
    QCOMPARE(latest.reasons.size(), 2);
    QCOMPARE(latest.reasons[0].why, ops::TagReason::Why::ProtectedSharesWithKept);
    QCOMPARE(latest.reasons[0].args, (QList<QStringList>{{current.shortString()}, {QStringLiteral("'1.1'")}}));
    QCOMPARE(latest.reasons[1].why, ops::TagReason::Why::OtherwiseByPattern);
    QCOMPARE(plan.steps.size(), 1);
    QCOMPARE(plan.steps[0].kind, DeleteStep::Kind::DeleteManifest);
    QCOMPARE(plan.steps[0].digest, old);
    QCOMPARE(plan.deletedTags(), QStringList{QStringLiteral("1.0")});
    QCOMPARE(plan.keptTagCount(), 2);
}

void TestRetentionPlanner::onlyKeepRulesDeleteTheRest()
{
    ScanBuilder scan;
    for (int i = 0; i < 5; ++i)
        scan.tag(QStringLiteral("b%1").arg(i), scan.image(QString::number(i), Base.addDays(i)));
    RetentionRules rules;
    rules.keepNewest = 2;
    const DeletePlan plan = planned(scan.scan, rules);
    QCOMPARE(plan.deletedTags(), (QStringList{QStringLiteral("b0"), QStringLiteral("b1"), QStringLiteral("b2")}));
    QCOMPARE(fateOf(plan, QStringLiteral("b4")).reason,
             QString(u"Kept: its image is one of the newest 2 (created " + iso(Base.addDays(4)) + u")."));
    QVERIFY(fateOf(plan, QStringLiteral("b0"))
                .reason.startsWith(QStringLiteral("Deleted: no rule keeps it (with no delete rule given, "
                                                  "every tag that is not kept goes). Its image is not one "
                                                  "of the newest 2.")));
    QCOMPARE(plan.steps.size(), 3);
}

void TestRetentionPlanner::imagesWithoutADateCountAsTheOldest()
{
    ScanBuilder scan;
    scan.tag(QStringLiteral("undated-b"), scan.image(QStringLiteral("ub")));
    scan.tag(QStringLiteral("dated-old"), scan.image(QStringLiteral("old"), Base.addYears(-5)));
    scan.tag(QStringLiteral("undated-a"), scan.image(QStringLiteral("ua")));
    scan.tag(QStringLiteral("dated-new"), scan.image(QStringLiteral("new"), Base));
    RetentionRules rules;
    rules.keepNewest = 3; // both dated ones, then the first undated by name
    rules.deleteOlderThan = Base.addYears(10);
    const DeletePlan plan = planned(scan.scan, rules);
    QCOMPARE(fateOf(plan, QStringLiteral("undated-a")).reason,
             QStringLiteral("Kept: its image is one of the newest 3 (it has no created date, which counts as "
                            "the oldest)."));
    QCOMPARE(fateOf(plan, QStringLiteral("dated-old")).fate, TagFate::Fate::Kept);
    // Not among the newest, but 'older than' cannot apply without a date.
    const TagFate &undated = fateOf(plan, QStringLiteral("undated-b"));
    QCOMPARE(undated.fate, TagFate::Fate::Kept);
    QCOMPARE(undated.reason,
             QStringLiteral("Kept: no delete rule applies. It has no created date, so 'older than' does "
                            "not apply."));
    rules.deleteOlderThan = QDateTime();
    const DeletePlan onlyNewest = planned(scan.scan, rules);
    QCOMPARE(onlyNewest.deletedTags(), QStringList{QStringLiteral("undated-b")});
    QVERIFY(fateOf(onlyNewest, QStringLiteral("undated-b"))
                .reason.startsWith(QStringLiteral("Deleted: no rule keeps it (with no delete rule given, "
                                                  "every tag that is not kept goes). Its image is not one "
                                                  "of the newest 3 (it has no created date, which counts "
                                                  "as the oldest).")));
}

void TestRetentionPlanner::patternsMatchWholeTags()
{
    ScanBuilder scan;
    for (const QString &tag : {QStringLiteral("v1"), QStringLiteral("v10"), QStringLiteral("tmp"),
                               QStringLiteral("tmp-1")})
        scan.tag(tag, scan.image(tag, Base));
    RetentionRules rules;
    rules.keep = {QStringLiteral("v1")};
    rules.deleteMatching = {QStringLiteral("tmp"), QStringLiteral("v1.")};
    const DeletePlan plan = planned(scan.scan, rules);
    QCOMPARE(fateOf(plan, QStringLiteral("v1")).fate, TagFate::Fate::Kept);
    QCOMPARE(fateOf(plan, QStringLiteral("v10")).reason,
             QStringLiteral("Deleted: matches the delete pattern 'v1.'. The manifest ") +
                 fateOf(plan, QStringLiteral("v10")).digest.shortString() +
                 QStringLiteral(" is deleted; no other tag points to it."));
    QCOMPARE(fateOf(plan, QStringLiteral("tmp")).fate, TagFate::Fate::Deleted);
    QCOMPARE(fateOf(plan, QStringLiteral("tmp-1")).fate, TagFate::Fate::Kept);
}

void TestRetentionPlanner::protectionSpreadsThroughReferrers()
{
    // image <- signature 'sig' <- attestation 'att': 'att' is kept, so 'sig' stays, so the
    // image stays, though the rules name both.
    ScanBuilder scan;
    const oci::Digest image = scan.image(QStringLiteral("app"), Base.addYears(-3));
    const oci::Digest signature = scan.artifact(QStringLiteral("sig"), image);
    const oci::Digest attestation = scan.artifact(QStringLiteral("att"), signature);
    scan.tag(QStringLiteral("app-old"), image);
    scan.tag(QStringLiteral("sig"), signature);
    scan.tag(QStringLiteral("att"), attestation);
    RetentionRules rules;
    rules.keep = {QStringLiteral("att")};
    rules.deleteMatching = {QStringLiteral("sig"), QStringLiteral("app-.*")};
    const DeletePlan plan = planned(scan.scan, rules);
    QVERIFY(plan.isEmpty());
    QCOMPARE(fateOf(plan, QStringLiteral("sig")).reason,
             QString(u"Protected: its image " + signature.shortString() +
                     u" is the subject of 'att', a referrer which is kept. Otherwise it would be deleted: "
                     u"matches the delete pattern 'sig'."));
    QCOMPARE(fateOf(plan, QStringLiteral("app-old")).reason,
             QString(u"Protected: its image " + image.shortString() +
                     u" is the subject of 'sig', a referrer which is protected. Otherwise it would be "
                     u"deleted: matches the delete pattern 'app-.*'."));
}

void TestRetentionPlanner::indexChildren()
{
    ScanBuilder scan;
    const oci::Digest amd64 = scan.image(QStringLiteral("amd64"), Base);
    const oci::Digest arm64 = scan.image(QStringLiteral("arm64"), Base);
    const oci::Digest multi = scan.index({amd64, arm64}, Base);
    scan.tag(QStringLiteral("multi"), multi);
    scan.tag(QStringLiteral("amd64"), amd64);

    // The index stays: the platform's own tag goes, its manifest stays in the index.
    RetentionRules keepIndex;
    keepIndex.keep = {QStringLiteral("multi")};
    const DeletePlan tagOnly = planned(scan.scan, keepIndex);
    QCOMPARE(tagOnly.steps.size(), 1);
    QCOMPARE(tagOnly.steps[0].kind, DeleteStep::Kind::RemoveTag);
    QCOMPARE(tagOnly.steps[0].tags, QStringList{QStringLiteral("amd64")});
    QVERIFY(fateOf(tagOnly, QStringLiteral("amd64")).reason.endsWith(u"Only the tag is removed: the index 'multi', which stays, lists " + amd64.shortString() + u", so the manifest stays."));

    // The platform's tag stays: the index goes, and its shared child is listed.
    RetentionRules keepPlatform;
    keepPlatform.keep = {QStringLiteral("amd64")};
    const DeletePlan index = planned(scan.scan, keepPlatform);
    QCOMPARE(index.steps.size(), 1);
    QCOMPARE(index.steps[0].kind, DeleteStep::Kind::DeleteManifest);
    QCOMPARE(index.steps[0].digest, multi);
    QCOMPARE(index.sharedChildren, QList<oci::Digest>{amd64});
}

void TestRetentionPlanner::refusals()
{
    ScanBuilder scan;
    scan.tag(QStringLiteral("a"), scan.image(QStringLiteral("a")));
    oci::Result<DeletePlan> none = ops::planRetention(scan.scan, RetentionRules{});
    QVERIFY(!none);
    QVERIFY2(none.error().message().contains(u"every tag"), qPrintable(none.error().message()));
    RetentionRules bad;
    bad.deleteMatching = {QStringLiteral("(")};
    QVERIFY(!ops::planRetention(scan.scan, bad));
    oci::TagDetails broken;
    broken.tag = QStringLiteral("b");
    scan.scan.tags << broken; // no digest
    RetentionRules rules;
    rules.keepNewest = 1;
    oci::Result<DeletePlan> partial = ops::planRetention(scan.scan, rules);
    QVERIFY(!partial);
    QVERIFY2(partial.error().message().contains(u"'b'"), qPrintable(partial.error().message()));
}

QTEST_GUILESS_MAIN(TestRetentionPlanner)
#include "tst_retentionplanner.moc"
