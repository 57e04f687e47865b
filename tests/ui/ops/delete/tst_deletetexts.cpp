// DeletePlanText and DeleteSummaryText: a plan's sentences over hand-built scans (a shared
// image, referrers left without their image, platform images of a deleted index that
// stay) and a run's summary in words for each kind of outcome.

#include "ops/delete/deleteplantext.h"
#include "ops/delete/deletesummarytext.h"

#include "ops/journal/deletesummary.h"
#include "ops/plan/deletionplanner.h"

#include "scanbuilder.h"

#include <QTest>

using Result = ops::DeleteOutcome::Result;

namespace {

ops::DeletePlan planned(const ops::RepositoryScan &scan, const QStringList &tags, ops::DeleteMode mode)
{
    const auto made = ops::planDeletion(scan, tags, mode);
    if (!made)
        qFatal("plan: %s", qPrintable(made.error().describe()));
    return made.value();
}

ops::DeleteOutcome outcome(Result result, ops::DeleteStep::Kind kind, const QStringList &tags)
{
    ops::DeleteOutcome made;
    made.result = result;
    made.kind = kind;
    made.digest = oci::Digest::sha256Of("image");
    made.tags = tags;
    return made;
}

} // namespace

class TestDeleteTexts final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sharedImage()
    {
        ScanBuilder builder;
        const oci::Digest image = builder.image(QStringLiteral("one"));
        builder.tags({QStringLiteral("1.1"), QStringLiteral("latest"), QStringLiteral("stable")}, image);
        builder.tag(QStringLiteral("other"), builder.image(QStringLiteral("two")));
        const QStringList selected{QStringLiteral("latest")};
        QCOMPARE(DeletePlanText::sharingTags(builder.scan, selected),
                 (QStringList{QStringLiteral("1.1"), QStringLiteral("stable")}));

        const ops::DeletePlan tagOnly = planned(builder.scan, selected, ops::DeleteMode::TagOnly);
        QStringList lines = DeletePlanText::sentences(tagOnly, selected);
        QCOMPARE(lines.size(), 2);
        QVERIFY2(lines.at(0).endsWith(u" will be deleted from registry.example:5000/team/app."), qPrintable(lines.at(0)));
        QVERIFY2(lines.at(1).startsWith(u"'latest' shares its image with ") && lines.at(1).endsWith(u", which stay: only the tag is removed."),
                 qPrintable(lines.at(1)));
        QVERIFY(lines.at(1).contains(u"'1.1'") && lines.at(1).contains(u"'stable'") && !lines.at(1).contains(u"'other'"));

        const ops::DeletePlan image2 = planned(builder.scan, selected, ops::DeleteMode::Image);
        lines = DeletePlanText::sentences(image2, selected);
        QCOMPARE(lines.size(), 2);
        QVERIFY2(lines.at(1).contains(u" go too: they are on the same image (" + image.shortString() + u") as the selected tag."),
                 qPrintable(lines.at(1)));

        QVERIFY(DeletePlanText::untagMethod().contains(u"tag API"));
        QCOMPARE(DeletePlanText::headline(ops::DeletePlan()), QStringLiteral("Nothing will be deleted."));
    }

    void referrersAndIndexChildren()
    {
        ScanBuilder builder;
        const oci::Digest subject = builder.image(QStringLiteral("signed"));
        builder.tag(QStringLiteral("signed"), subject);
        const oci::Digest sbom = builder.artifact(QStringLiteral("sbom"), subject);
        builder.referrers(subject, {sbom}, false);
        const oci::Digest amd = builder.image(QStringLiteral("amd"));
        const oci::Digest arm = builder.image(QStringLiteral("arm"));
        builder.tag(QStringLiteral("multi"), builder.index({amd, arm}));
        builder.tag(QStringLiteral("amd-only"), amd);

        const QStringList selected{QStringLiteral("signed"), QStringLiteral("multi")};
        const ops::DeletePlan plan = planned(builder.scan, selected, ops::DeleteMode::Image);
        QCOMPARE(plan.orphanedReferrers.size(), 1);
        QCOMPARE(plan.sharedChildren, QList<oci::Digest>{amd});
        const QStringList lines = DeletePlanText::sentences(plan, selected);
        QCOMPARE(lines.size(), 3);
        QVERIFY2(lines.at(1).contains(u"(signatures, SBOMs, attestations) will be left without their image"), qPrintable(lines.at(1)));
        QVERIFY2(lines.at(2).contains(u"of a deleted index stay, because other tags still use"), qPrintable(lines.at(2)));
    }

    void outcomes()
    {
        using Kind = ops::DeleteStep::Kind;
        ops::DeleteOutcome removed = outcome(Result::Deleted, Kind::RemoveTag, {QStringLiteral("latest")});
        removed.method = QStringLiteral("tag API");
        QCOMPARE(DeleteSummaryText::outcome(removed), QStringLiteral("Removed the tag 'latest' with the registry's tag API."));
        const oci::Digest throwaway = oci::Digest::sha256Of("throwaway");
        removed.method = u"throwaway manifest " + throwaway.toString();
        QCOMPARE(DeleteSummaryText::outcome(removed),
                 QString(u"Removed the tag 'latest' by pointing it at a throwaway manifest (" + throwaway.shortString()
                         + u") and deleting that."));

        const ops::DeleteOutcome image = outcome(Result::Deleted, Kind::DeleteManifest, {QStringLiteral("1.1"), QStringLiteral("latest")});
        QCOMPARE(DeleteSummaryText::outcome(image),
                 QString(u"Deleted '1.1', 'latest' and their image " + image.digest.shortString() + u"."));

        ops::DeleteOutcome refused = outcome(Result::Failed, Kind::RemoveTag, {QStringLiteral("latest")});
        refused.error = oci::Error(oci::Error::Code::Unsupported, QStringLiteral("405"));
        QCOMPARE(DeleteSummaryText::outcome(refused), QString(u"Not deleted: the tag 'latest'. " + DeleteSummaryText::refusal()));
        ops::DeleteOutcome failed = outcome(Result::Failed, Kind::RemoveTag, {QStringLiteral("rc")});
        failed.reason = QStringLiteral("The registry answered 500.");
        QCOMPARE(DeleteSummaryText::outcome(failed), QStringLiteral("Not deleted: the tag 'rc'. The registry answered 500."));
        ops::DeleteOutcome skipped = outcome(Result::Skipped, Kind::RemoveTag, {QStringLiteral("moved")});
        skipped.reason = QStringLiteral("It moved since the plan.");
        QCOMPARE(DeleteSummaryText::outcome(skipped), QStringLiteral("Skipped the tag 'moved': It moved since the plan."));
        const ops::DeleteOutcome notRun = outcome(Result::NotRun, Kind::DeleteManifest, {});
        QCOMPARE(DeleteSummaryText::outcome(notRun), QString(u"Not run: the image " + notRun.digest.shortString() + u"."));

        ops::DeleteSummary summary;
        summary.registry = QStringLiteral("registry.example:5000");
        summary.repository = QStringLiteral("team/app");
        summary.outcomes = {refused};
        QCOMPARE(DeleteSummaryText::headline(summary), QStringLiteral("Nothing was deleted: registry.example:5000 refused to delete."));
        summary.outcomes = {refused, failed};
        QCOMPARE(DeleteSummaryText::headline(summary), QStringLiteral("Nothing was deleted from registry.example:5000/team/app."));
        summary.outcomes = {notRun};
        summary.cancelled = true;
        QCOMPARE(DeleteSummaryText::headline(summary), QStringLiteral("Stopped before anything was deleted from registry.example:5000/team/app."));
        summary.cancelled = false;
        summary.outcomes = {removed, image, skipped, failed, notRun};
        QVERIFY2(DeleteSummaryText::headline(summary).endsWith(u" deleted from registry.example:5000/team/app. Not everything was done: see below."),
                 qPrintable(DeleteSummaryText::headline(summary)));
        QCOMPARE(summary.deletedTags().size(), 3);
        QVERIFY2(DeleteSummaryText::counts(summary).startsWith(u"2 step(s) done, 1 skipped, 1 failed, 1 not run"),
                 qPrintable(DeleteSummaryText::counts(summary)));
        summary.changedTags = QStringList{QStringLiteral("rc")};
        QVERIFY(DeleteSummaryText::headline(summary).startsWith(u"Nothing was deleted: the repository changed"));
    }
};

QTEST_MAIN(TestDeleteTexts)
#include "tst_deletetexts.moc"
