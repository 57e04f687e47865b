// planDeletion on hand-built scans: the shared-digest case of issue 6 in both modes, an
// index whose platform manifest another tag uses, referrers (untagged behind the
// "sha256-<hex>" tag, and tagged), the order of the steps, and refusals.

#include "scanbuilder.h"

#include "ops/plan/deletionplanner.h"

#include <QTest>

using ops::DeleteMode;
using ops::DeletePlan;
using ops::DeleteStep;
using ops::TagFate;
using plantest::fateOf;

namespace {

QStringList tagNames(const DeletePlan &plan)
{
    QStringList names;
    for (const TagFate &fate : plan.tags)
        names << fate.tag;
    return names;
}

DeletePlan planned(const ops::RepositoryScan &scan, const QStringList &tags, DeleteMode mode)
{
    oci::Result<DeletePlan> plan = ops::planDeletion(scan, tags, mode);
    if (!plan)
        qFatal("planDeletion failed: %s", qPrintable(plan.error().describe()));
    return plan.value();
}

// '1.0' alone on its image; '1.1' and 'latest' on one digest.
struct SharedDigest
{
    ScanBuilder scan;
    oci::Digest old;
    oci::Digest current;

    SharedDigest()
    {
        old = scan.image(QStringLiteral("one-oh"));
        current = scan.image(QStringLiteral("one-one"));
        scan.tag(QStringLiteral("1.0"), old);
        scan.tags({QStringLiteral("1.1"), QStringLiteral("latest")}, current);
    }
};

} // namespace

class TestDeletionPlanner final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tagOnlyOnASharedDigestKeepsTheOtherTag();
    void imageModeDeletesEveryTagOnTheDigest();
    void tagOnlyWithEveryTagOnTheDigestDeletesIt();
    void tagOnlyOfALoneTagDeletesItsManifest();
    void indexWhoseChildAnotherTagUses();
    void childOfAKeptIndexKeepsItsManifest();
    void imageModeKeepsTheOtherTagsOfAManifestAnIndexLists();
    void indexAndItsChildTogetherDeleteTheIndexFirst();
    void referrersOfADeletedSubject();
    void referrersOfASubjectThatStays();
    void taggedReferrerOfADeletedSubject();
    void selectionOrderAndDuplicates();
    void refusals();
};

void TestDeletionPlanner::tagOnlyOnASharedDigestKeepsTheOtherTag()
{
    SharedDigest repo;
    const DeletePlan plan = planned(repo.scan.scan, {QStringLiteral("latest")}, DeleteMode::TagOnly);
    QCOMPARE(plan.registry, QStringLiteral("registry.example:5000"));
    QCOMPARE(plan.repository, QStringLiteral("team/app"));
    QCOMPARE(plan.steps.size(), 1);
    QCOMPARE(plan.steps[0].kind, DeleteStep::Kind::RemoveTag);
    QCOMPARE(plan.steps[0].digest, repo.current);
    QCOMPARE(plan.steps[0].tags, QStringList{QStringLiteral("latest")});
    QCOMPARE(plan.steps[0].mediaType, QString::fromLatin1(ScanBuilder::ManifestType));
    QCOMPARE(plan.deletedTags(), QStringList{QStringLiteral("latest")});
    QCOMPARE(plan.keptTagCount(), 2);
    QCOMPARE(tagNames(plan), (QStringList{QStringLiteral("1.0"), QStringLiteral("1.1"), QStringLiteral("latest")}));

    const TagFate &latest = fateOf(plan, QStringLiteral("latest"));
    QCOMPARE(latest.fate, TagFate::Fate::Deleted);
    QCOMPARE(latest.digest, repo.current);
    QCOMPARE(latest.reason, QString(u"Selected. Only the tag is removed: " + repo.current.shortString() +
                                    u" stays for '1.1'."));
    const TagFate &other = fateOf(plan, QStringLiteral("1.1"));
    QCOMPARE(other.fate, TagFate::Fate::Kept);
    QCOMPARE(other.reason, QString(u"Not selected. 'latest' on the same manifest (" +
                                   repo.current.shortString() + u") is removed on its own; this tag stays."));
    QCOMPARE(fateOf(plan, QStringLiteral("1.0")).reason, QStringLiteral("Not selected."));
    QVERIFY(plan.orphanedReferrers.isEmpty());
    QVERIFY(plan.sharedChildren.isEmpty());
}

void TestDeletionPlanner::imageModeDeletesEveryTagOnTheDigest()
{
    SharedDigest repo;
    const DeletePlan plan = planned(repo.scan.scan, {QStringLiteral("latest")}, DeleteMode::Image);
    QCOMPARE(plan.steps.size(), 1);
    QCOMPARE(plan.steps[0].kind, DeleteStep::Kind::DeleteManifest);
    QCOMPARE(plan.steps[0].digest, repo.current);
    QCOMPARE(plan.steps[0].tags, (QStringList{QStringLiteral("1.1"), QStringLiteral("latest")}));
    QCOMPARE(plan.deletedTagCount(), 2);
    QCOMPARE(plan.keptTagCount(), 1);
    const QString consequence = u"The manifest " + repo.current.shortString() +
                                u" is deleted, and with it every tag on it: '1.1' and 'latest'.";
    QCOMPARE(fateOf(plan, QStringLiteral("latest")).reason,
             QString(u"Selected: the image " + repo.current.shortString() + u" is to be deleted. " + consequence));
    const TagFate &withIt = fateOf(plan, QStringLiteral("1.1"));
    QCOMPARE(withIt.fate, TagFate::Fate::Deleted);
    QCOMPARE(withIt.reason, QString(u"Not selected, but on the same image as 'latest', which is selected for "
                                    u"deletion with every tag on it. " + consequence));
    QCOMPARE(fateOf(plan, QStringLiteral("1.0")).fate, TagFate::Fate::Kept);
}

void TestDeletionPlanner::tagOnlyWithEveryTagOnTheDigestDeletesIt()
{
    SharedDigest repo;
    const DeletePlan plan =
        planned(repo.scan.scan, {QStringLiteral("latest"), QStringLiteral("1.1")}, DeleteMode::TagOnly);
    QCOMPARE(plan.steps.size(), 1);
    QCOMPARE(plan.steps[0].kind, DeleteStep::Kind::DeleteManifest);
    QCOMPARE(plan.steps[0].tags, (QStringList{QStringLiteral("1.1"), QStringLiteral("latest")}));
    const QString reason = fateOf(plan, QStringLiteral("1.1")).reason;
    QVERIFY2(reason.startsWith(u"Selected, like every other tag on " + repo.current.shortString() + u'.'),
             qPrintable(reason));
    QVERIFY2(reason.endsWith(u"every tag on it: '1.1' and 'latest'."), qPrintable(reason));
}

void TestDeletionPlanner::tagOnlyOfALoneTagDeletesItsManifest()
{
    SharedDigest repo;
    const DeletePlan plan = planned(repo.scan.scan, {QStringLiteral("1.0")}, DeleteMode::TagOnly);
    QCOMPARE(plan.steps.size(), 1);
    QCOMPARE(plan.steps[0].kind, DeleteStep::Kind::DeleteManifest);
    QCOMPARE(plan.steps[0].digest, repo.old);
    QCOMPARE(fateOf(plan, QStringLiteral("1.0")).reason,
             QString(u"Selected. The manifest " + repo.old.shortString() +
                     u" is deleted; no other tag points to it."));
}

void TestDeletionPlanner::indexWhoseChildAnotherTagUses()
{
    ScanBuilder scan;
    const oci::Digest amd64 = scan.image(QStringLiteral("amd64"));
    const oci::Digest arm64 = scan.image(QStringLiteral("arm64"));
    const oci::Digest multi = scan.index({amd64, arm64});
    scan.tag(QStringLiteral("multi"), multi);
    scan.tag(QStringLiteral("amd64-only"), amd64);
    const DeletePlan plan = planned(scan.scan, {QStringLiteral("multi")}, DeleteMode::Image);
    QCOMPARE(plan.steps.size(), 1);
    QCOMPARE(plan.steps[0].kind, DeleteStep::Kind::DeleteManifest);
    QCOMPARE(plan.steps[0].digest, multi);
    QCOMPARE(plan.steps[0].mediaType, QString::fromLatin1(ScanBuilder::IndexType));
    // arm64 is used by no other tag: the registry keeps it untagged, nothing to list.
    QCOMPARE(plan.sharedChildren, QList<oci::Digest>{amd64});
    const TagFate &kept = fateOf(plan, QStringLiteral("amd64-only"));
    QCOMPARE(kept.fate, TagFate::Fate::Kept);
    QCOMPARE(kept.reason, QString(u"Not selected. Its manifest " + amd64.shortString() +
                                  u" is also listed by the index 'multi', which is deleted; the registry "
                                  u"keeps the manifest for this tag."));
}

void TestDeletionPlanner::childOfAKeptIndexKeepsItsManifest()
{
    ScanBuilder scan;
    const oci::Digest amd64 = scan.image(QStringLiteral("amd64"));
    const oci::Digest multi = scan.index({amd64});
    scan.tag(QStringLiteral("multi"), multi);
    scan.tag(QStringLiteral("amd64-only"), amd64);
    // Deleting amd64's manifest would break 'multi': only the tag goes, in both modes.
    for (const DeleteMode mode : {DeleteMode::Image, DeleteMode::TagOnly}) {
        const DeletePlan plan = planned(scan.scan, {QStringLiteral("amd64-only")}, mode);
        QCOMPARE(plan.steps.size(), 1);
        QCOMPARE(plan.steps[0].kind, DeleteStep::Kind::RemoveTag);
        QCOMPARE(plan.steps[0].digest, amd64);
        QCOMPARE(plan.deletedTags(), QStringList{QStringLiteral("amd64-only")});
        QVERIFY(plan.sharedChildren.isEmpty());
        const QString reason = fateOf(plan, QStringLiteral("amd64-only")).reason;
        QVERIFY2(reason.endsWith(u"Only the tag is removed: the index 'multi', which stays, lists " +
                                 amd64.shortString() + u", so the manifest stays."),
                 qPrintable(reason));
        QCOMPARE(fateOf(plan, QStringLiteral("multi")).fate, TagFate::Fate::Kept);
    }
}

void TestDeletionPlanner::imageModeKeepsTheOtherTagsOfAManifestAnIndexLists()
{
    ScanBuilder scan;
    const oci::Digest amd64 = scan.image(QStringLiteral("amd64"));
    scan.tag(QStringLiteral("multi"), scan.index({amd64}));
    scan.tags({QStringLiteral("amd64-only"), QStringLiteral("amd64-also")}, amd64);
    // The image cannot go, so taking 'amd64-also' with it would remove a tag for nothing.
    const DeletePlan plan = planned(scan.scan, {QStringLiteral("amd64-only")}, DeleteMode::Image);
    QCOMPARE(plan.steps.size(), 1);
    QCOMPARE(plan.steps[0].kind, DeleteStep::Kind::RemoveTag);
    QCOMPARE(plan.steps[0].tags, QStringList{QStringLiteral("amd64-only")});
    QCOMPARE(fateOf(plan, QStringLiteral("amd64-only")).reason,
             QString(u"Selected. Its image cannot be deleted while an index that stays lists it, so only "
                     u"the selected tags go. Only the tag is removed: " + amd64.shortString() +
                     u" stays for 'amd64-also'."));
    QCOMPARE(fateOf(plan, QStringLiteral("amd64-also")).fate, TagFate::Fate::Kept);
    // Deleting the index too: the image goes, with both its tags, after the index.
    const DeletePlan both =
        planned(scan.scan, {QStringLiteral("amd64-only"), QStringLiteral("multi")}, DeleteMode::Image);
    QCOMPARE(both.steps.size(), 2);
    QCOMPARE(both.steps[1].kind, DeleteStep::Kind::DeleteManifest);
    QCOMPARE(both.steps[1].tags, (QStringList{QStringLiteral("amd64-only"), QStringLiteral("amd64-also")}));
}

void TestDeletionPlanner::indexAndItsChildTogetherDeleteTheIndexFirst()
{
    ScanBuilder scan;
    const oci::Digest amd64 = scan.image(QStringLiteral("amd64"));
    const oci::Digest multi = scan.index({amd64});
    scan.tag(QStringLiteral("amd64-only"), amd64);
    scan.tag(QStringLiteral("multi"), multi);
    const DeletePlan plan =
        planned(scan.scan, {QStringLiteral("amd64-only"), QStringLiteral("multi")}, DeleteMode::Image);
    QCOMPARE(plan.steps.size(), 2);
    QCOMPARE(plan.steps[0].digest, multi);
    QCOMPARE(plan.steps[1].digest, amd64);
    QCOMPARE(plan.steps[1].kind, DeleteStep::Kind::DeleteManifest);
    QVERIFY(plan.sharedChildren.isEmpty());
    QCOMPARE(plan.keptTagCount(), 0);
}

void TestDeletionPlanner::referrersOfADeletedSubject()
{
    SharedDigest repo;
    const oci::Digest sbom = repo.scan.artifact(QStringLiteral("sbom"), repo.current);
    const oci::Digest list = repo.scan.referrers(repo.current, {sbom});
    const QString fallback = u"sha256-" + repo.current.encoded();

    const DeletePlan plan = planned(repo.scan.scan, {QStringLiteral("latest")}, DeleteMode::Image);
    QCOMPARE(plan.steps.size(), 2);
    QCOMPARE(plan.steps[0].digest, repo.current);
    // The referrers list goes after its subject: never a subject without its list.
    QCOMPARE(plan.steps[1].kind, DeleteStep::Kind::DeleteManifest);
    QCOMPARE(plan.steps[1].digest, list);
    QCOMPARE(plan.steps[1].tags, QStringList{fallback});
    QCOMPARE(plan.orphanedReferrers.size(), 1);
    QCOMPARE(plan.orphanedReferrers[0].digest(), sbom);
    const TagFate &follower = fateOf(plan, fallback);
    QCOMPARE(follower.fate, TagFate::Fate::Deleted);
    QCOMPARE(follower.reason,
             QString(u"The referrers list (tag schema) of " + repo.current.shortString() +
                     u" ('1.1' and 'latest'), whose manifest this plan deletes: it goes with it. The manifest " +
                     list.shortString() + u" is deleted; no other tag points to it."));
    QCOMPARE(plan.deletedTagCount(), 3);
}

void TestDeletionPlanner::referrersOfASubjectThatStays()
{
    SharedDigest repo;
    const oci::Digest sbom = repo.scan.artifact(QStringLiteral("sbom"), repo.current);
    repo.scan.referrers(repo.current, {sbom});
    const QString fallback = u"sha256-" + repo.current.encoded();
    const DeletePlan plan = planned(repo.scan.scan, {QStringLiteral("latest")}, DeleteMode::TagOnly);
    QCOMPARE(plan.steps.size(), 1);
    QCOMPARE(plan.steps[0].kind, DeleteStep::Kind::RemoveTag);
    QVERIFY(plan.orphanedReferrers.isEmpty());
    const TagFate &list = fateOf(plan, fallback);
    QCOMPARE(list.fate, TagFate::Fate::Kept);
    QCOMPARE(list.reason, QString(u"Not selected. It is the referrers list of " +
                                  repo.current.shortString() + u", which stays."));
}

void TestDeletionPlanner::taggedReferrerOfADeletedSubject()
{
    SharedDigest repo;
    const oci::Digest sbom = repo.scan.artifact(QStringLiteral("sbom"), repo.current);
    repo.scan.tag(QStringLiteral("sbom"), sbom);
    // The registry's referrers API lists it (no fallback tag).
    repo.scan.referrers(repo.current, {sbom}, false);
    const DeletePlan plan = planned(repo.scan.scan, {QStringLiteral("1.1")}, DeleteMode::Image);
    QCOMPARE(plan.steps.size(), 1);
    QCOMPARE(plan.orphanedReferrers.size(), 1);
    QCOMPARE(plan.orphanedReferrers[0].digest(), sbom);
    const TagFate &referrer = fateOf(plan, QStringLiteral("sbom"));
    QCOMPARE(referrer.fate, TagFate::Fate::Kept);
    QCOMPARE(referrer.reason, QString(u"Not selected. It refers to " + repo.current.shortString() +
                                      u", which this plan deletes: it will refer to nothing."));

    // Deleting the referrer with its subject: it is deleted, not orphaned.
    const DeletePlan both =
        planned(repo.scan.scan, {QStringLiteral("1.1"), QStringLiteral("sbom")}, DeleteMode::Image);
    QCOMPARE(both.steps.size(), 2);
    QVERIFY(both.orphanedReferrers.isEmpty());
}

void TestDeletionPlanner::selectionOrderAndDuplicates()
{
    SharedDigest repo;
    const QStringList selection{QStringLiteral("latest"), QStringLiteral("1.0"), QStringLiteral("latest")};
    const DeletePlan plan = planned(repo.scan.scan, selection, DeleteMode::TagOnly);
    QCOMPARE(plan.steps.size(), 2);
    QCOMPARE(plan.steps[0].tags, QStringList{QStringLiteral("latest")});
    QCOMPARE(plan.steps[1].tags, QStringList{QStringLiteral("1.0")});
    // The same input gives the same plan.
    const DeletePlan again = planned(repo.scan.scan, selection, DeleteMode::TagOnly);
    QCOMPARE(again.steps.size(), plan.steps.size());
    for (qsizetype i = 0; i < plan.tags.size(); ++i) {
        QCOMPARE(again.tags[i].tag, plan.tags[i].tag);
        QCOMPARE(again.tags[i].reason, plan.tags[i].reason);
        QCOMPARE(ops::englishText(plan.tags[i].reasons), plan.tags[i].reason);
    }
}

void TestDeletionPlanner::refusals()
{
    SharedDigest repo;
    oci::Result<DeletePlan> unknown =
        ops::planDeletion(repo.scan.scan, {QStringLiteral("2.0")}, DeleteMode::TagOnly);
    QVERIFY(!unknown);
    QCOMPARE(unknown.error().code(), oci::Error::Code::InvalidArgument);
    QCOMPARE(unknown.error().object(), QStringLiteral("team/app:2.0"));

    // A tag the scan could not read might share the digest: no plan.
    oci::TagDetails broken;
    broken.tag = QStringLiteral("broken");
    broken.error = oci::Error(oci::Error::Code::ServerError, QStringLiteral("HTTP 500"));
    repo.scan.scan.tags << broken;
    oci::Result<DeletePlan> partial =
        ops::planDeletion(repo.scan.scan, {QStringLiteral("1.0")}, DeleteMode::TagOnly);
    QVERIFY(!partial);
    QVERIFY2(partial.error().message().contains(u"'broken'"), qPrintable(partial.error().message()));
    QCOMPARE(partial.error().object(), QStringLiteral("team/app:broken"));
}

QTEST_GUILESS_MAIN(TestDeletionPlanner)
#include "tst_deletionplanner.moc"
