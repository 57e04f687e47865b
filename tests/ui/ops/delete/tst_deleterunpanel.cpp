// DeleteRunPanel against docker-registry 2.8: progress while it runs, the summary in words
// (the tag removed by a throwaway manifest, the reminder, Open Journal…), a registry that
// refuses deletion (said plainly, nothing shown as deleted, the tags still there), and the
// client removed mid-run. skopeo is the witness.

#include "deletetestsupport.h"

#include "ops/delete/deleterunpanel.h"
#include "ops/delete/deletesummarytext.h"
#include "ops/journal/deleterun.h"

#include "support/signalwait.h"

#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace deletetest;

namespace {

bool waitFinished(DeleteRunPanel *panel)
{
    return testsupport::waitFor(panel, &DeleteRunPanel::finished, [panel] { return panel->isFinished(); }, 60000);
}

} // namespace

class TestDeleteRunPanel final : public QObject
{
    Q_OBJECT

    std::unique_ptr<Registry> m_registry;

private Q_SLOTS:
    void initTestCase()
    {
        REQUIRE_REGISTRY_TOOLS();
        QString why;
        m_registry = Registry::started(true, &why);
        QVERIFY2(m_registry, qPrintable(why));
    }

    void cleanupTestCase() { m_registry.reset(); }

    // 'latest' alone of the two tags on one image: removed, '1.1' stays.
    void removesATagAndSaysHow()
    {
        const QString repo = QStringLiteral("panel/shared");
        const SeededImage image = seed(m_registry->process(), m_registry->client(), repo,
                                       {QStringLiteral("1.1"), QStringLiteral("latest")});
        QVERIFY(!image.digest.isNull());
        const ops::DeletePlan plan = m_registry->plan(repo, {QStringLiteral("latest")}, ops::DeleteMode::TagOnly);
        QCOMPARE(plan.deletedTags(), QStringList{QStringLiteral("latest")});

        DeleteRunPanel panel;
        panel.resize(640, 360);
        QSignalSpy finished(&panel, &DeleteRunPanel::finished);
        QSignalSpy journal(&panel, &DeleteRunPanel::journalRequested);
        panel.start(m_registry->client(), plan, m_registry->journal());
        QVERIFY(panel.isRunning());
        QCOMPARE(panel.progressText(), QStringLiteral("Deleting 1 of 1…"));
        QVERIFY(!panel.findChild<QPushButton *>(QStringLiteral("stopButton"))->isHidden());
        QVERIFY(waitFinished(&panel));
        QCOMPARE(finished.size(), 1);
        const auto summary = finished.constFirst().constFirst().value<ops::DeleteSummary>();
        QCOMPARE(summary.deletedTags(), QStringList{QStringLiteral("latest")});
        QVERIFY(!panel.isRunning());

        // (The English plural forms come from lading_en.qm, which tests do not load.)
        QVERIFY2(panel.headlineText().startsWith(u"1 tag"), qPrintable(panel.headlineText()));
        QVERIFY2(panel.headlineText().endsWith(QString(u" deleted from " + m_registry->host() + u"/" + repo + u".")),
                 qPrintable(panel.headlineText()));
        const QStringList outcomes = panel.outcomeTexts();
        QCOMPARE(outcomes.size(), 1);
        QVERIFY2(outcomes.constFirst().startsWith(u"Removed the tag 'latest' by pointing it at a throwaway manifest (sha256:"),
                 qPrintable(outcomes.constFirst()));
        QVERIFY(panel.showsGarbageCollectionReminder());
        auto *reminder = panel.findChild<QLabel *>(QStringLiteral("reminderLabel"));
        QCOMPARE(reminder->text(), DeleteSummaryText::garbageCollectionReminder());
        QVERIFY(reminder->text().contains(u"garbage collection"));
        auto *journalButton = panel.findChild<QPushButton *>(QStringLiteral("journalButton"));
        QVERIFY(!journalButton->isHidden());
        journalButton->click();
        QCOMPARE(journal.size(), 1);
        // The journal has the run's entry.
        QCOMPARE(m_registry->journal().entriesOfRun(summary.run).size(), 1);

        QCOMPARE(m_registry->tags(repo), QStringList{QStringLiteral("1.1")});
        QCOMPARE(skopeoRaw(m_registry->process(), repo + QStringLiteral(":1.1")), image.manifest);
        panel.grab().save(QStringLiteral("/tmp/delete-runpanel.png"));
    }

    // Several steps: the bar counts them, Stop ends the run after the step under way.
    void stopEndsAfterTheStepUnderWay()
    {
        const QString repo = QStringLiteral("panel/stop");
        const SeededImage image = seed(m_registry->process(), m_registry->client(), repo, {QStringLiteral("base")});
        QVERIFY(!image.digest.isNull());
        const QList<Pushed> variants = pushVariants(m_registry->client(), image, 4);
        QCOMPARE(variants.size(), 4);
        const ops::DeletePlan plan = m_registry->plan(
            repo, {QStringLiteral("v0"), QStringLiteral("v1"), QStringLiteral("v2"), QStringLiteral("v3")},
            ops::DeleteMode::Image);
        QCOMPARE(plan.steps.size(), 4);

        DeleteRunPanel panel;
        panel.start(m_registry->client(), plan, m_registry->journal());
        QCOMPARE(panel.progressText(), QStringLiteral("Deleting 1 of 4…"));
        // Stop while the first step is under way: it finishes, the other three do not run.
        auto *run = panel.findChild<ops::DeleteRun *>();
        QVERIFY(run);
        QSignalSpy started(run, &ops::DeleteRun::stepStarted);
        QVERIFY(started.wait(30000));
        QVERIFY(panel.findChild<QLabel *>(QStringLiteral("stepLabel"))->text().startsWith(u"Now: 'v0' and its image sha256:"));
        panel.findChild<QPushButton *>(QStringLiteral("stopButton"))->click();
        QVERIFY(waitFinished(&panel));
        const ops::DeleteSummary &summary = panel.summary();
        QVERIFY(summary.cancelled);
        const int deleted = summary.count(ops::DeleteOutcome::Result::Deleted);
        QCOMPARE(deleted, 1);
        QCOMPARE(summary.count(ops::DeleteOutcome::Result::NotRun), 3);
        QVERIFY(panel.findChild<QLabel *>(QStringLiteral("countsLabel"))->text().contains(u"Stopped on request."));
        QVERIFY2(panel.outcomeTexts().constLast().startsWith(u"Not run: 'v3' and its image sha256:"), qPrintable(panel.outcomeTexts().constLast()));
        // What the summary says is what the registry has.
        QCOMPARE(m_registry->tags(repo).size(), 1 + 4 - deleted);
    }

    // distribution without delete: the refusal in words, nothing deleted, tags all there.
    void refusalIsSaidPlainly()
    {
        Registry refusing(false);
        QString why;
        QVERIFY2(refusing.start(&why), qPrintable(why));
        const QString repo = QStringLiteral("panel/refuse");
        const SeededImage image = seed(refusing.process(), refusing.client(), repo,
                                       {QStringLiteral("1.1"), QStringLiteral("latest")});
        QVERIFY(!image.digest.isNull());
        const ops::DeletePlan plan = refusing.plan(repo, {QStringLiteral("latest")}, ops::DeleteMode::Image);
        QCOMPARE(plan.deletedTagCount(), 2);

        DeleteRunPanel panel;
        panel.resize(640, 360);
        panel.start(refusing.client(), plan, refusing.journal());
        QVERIFY(waitFinished(&panel));
        QVERIFY(panel.summary().deletedTags().isEmpty());
        QCOMPARE(panel.headlineText(), QString(u"Nothing was deleted: " + refusing.host() + u" refused to delete."));
        QCOMPARE(panel.outcomeTexts().size(), 1);
        QVERIFY2(panel.outcomeTexts().constFirst().contains(DeleteSummaryText::refusal()), qPrintable(panel.outcomeTexts().constFirst()));
        QVERIFY2(panel.outcomeTexts().constFirst().startsWith(u"Not deleted: 'latest', '1.1' and their image sha256:")
                     || panel.outcomeTexts().constFirst().startsWith(u"Not deleted: '1.1', 'latest' and their image sha256:"),
                 qPrintable(panel.outcomeTexts().constFirst()));
        QVERIFY(!panel.showsGarbageCollectionReminder());
        QVERIFY(panel.findChild<QPushButton *>(QStringLiteral("journalButton"))->isHidden());
        QCOMPARE(refusing.tags(repo), (QStringList{QStringLiteral("1.1"), QStringLiteral("latest")}));
        panel.grab().save(QStringLiteral("/tmp/delete-runpanel-refused.png"));
    }

    // The registry removed from Lading while deleting: the panel stops and says so.
    void clientRemovedMidRun()
    {
        Registry other;
        QString why;
        QVERIFY2(other.start(&why), qPrintable(why));
        const QString repo = QStringLiteral("panel/gone");
        const SeededImage image = seed(other.process(), other.client(), repo, {QStringLiteral("1.1"), QStringLiteral("latest")});
        QVERIFY(!image.digest.isNull());
        const ops::DeletePlan plan = other.plan(repo, {QStringLiteral("latest")}, ops::DeleteMode::TagOnly);

        DeleteRunPanel panel;
        QSignalSpy finished(&panel, &DeleteRunPanel::finished);
        panel.start(other.client(), plan, other.journal());
        other.dropClient();
        QVERIFY(waitFinished(&panel));
        QCOMPARE(finished.size(), 1);
        QVERIFY(panel.headlineText().contains(u"registry was removed"));
        QVERIFY(!panel.isRunning());
        QTest::qWait(50); // nothing left to crash on
    }
};

QTEST_MAIN(TestDeleteRunPanel)
#include "tst_deleterunpanel.moc"
