// DeleteDialog driven like a person would against docker-registry 2.8 (delete enabled, and
// once disabled): it reads every tag, shows the plan, deletes only when its button is
// pressed, and skopeo sees exactly what the summary says. The shared-digest case: '1.1' and
// 'latest' on one image; "this tag only" keeps '1.1', "the image" takes both.

#include "deletetestsupport.h"

#include "ops/delete/deletedialog.h"
#include "ops/delete/deleteplanmodel.h"
#include "ops/delete/deleteplanview.h"
#include "ops/delete/deleterunpanel.h"
#include "ops/delete/deletesummarytext.h"

#include "support/signalwait.h"

#include <QLabel>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace deletetest;
using Step = DeleteDialog::Step;

namespace {

bool waitForStep(DeleteDialog *dialog, Step step)
{
    return testsupport::waitFor(dialog, &DeleteDialog::stepChanged,
                                [dialog, step] { return dialog->step() == step; }, 60000);
}

// Waits for the plan; false (with the dialog's problem) otherwise.
bool waitForPlan(DeleteDialog *dialog)
{
    testsupport::waitFor(dialog, &DeleteDialog::stepChanged,
                         [dialog] { return dialog->step() != Step::Scanning; }, 60000);
    if (dialog->step() != Step::Plan)
        qWarning("no plan: %s", qPrintable(dialog->problemText()));
    return dialog->step() == Step::Plan;
}

// What a person sees: the views lay their items out once events are processed.
void grabAfterLayout(QWidget *widget, const QString &path)
{
    QTest::qWait(50);
    widget->grab().save(path);
}

QPushButton *closeButton(DeleteDialog *dialog)
{
    return dialog->findChild<QPushButton *>(QStringLiteral("closeButton"));
}

// Closes the dialog and lets it delete itself; true when it did.
bool closeAndGone(DeleteDialog *dialog)
{
    QPointer<DeleteDialog> guard(dialog);
    closeButton(dialog)->click();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    return guard.isNull();
}

} // namespace

class TestDeleteDialog final : public QObject
{
    Q_OBJECT

    std::unique_ptr<Registry> m_registry;

    DeleteDialog *newDialog(const QString &repository, const QStringList &tags, Registry *registry = nullptr)
    {
        Registry *r = registry ? registry : m_registry.get();
        auto *dialog = new DeleteDialog(r->client(), r->fetcher(), r->host(), repository, tags);
        dialog->setJournal(r->journal());
        dialog->open();
        return dialog;
    }

private Q_SLOTS:
    void initTestCase()
    {
        REQUIRE_REGISTRY_TOOLS();
        QString why;
        m_registry = Registry::started(true, &why);
        QVERIFY2(m_registry, qPrintable(why));
    }

    void cleanupTestCase() { m_registry.reset(); }

    // ['latest'], "Delete this tag only": after the button, '1.1' is there and 'latest' not.
    void tagOnlyKeepsTheOtherTag()
    {
        const QString repo = QStringLiteral("dialog/tagonly");
        const SeededImage image = seed(m_registry->process(), m_registry->client(), repo,
                                       {QStringLiteral("1.1"), QStringLiteral("latest")});
        QVERIFY(!image.digest.isNull());
        QVERIFY(pushVariant(m_registry->client(), image, QStringLiteral("0.9"), QStringLiteral("old")).bytes.size() > 0);

        DeleteDialog *dialog = newDialog(repo, {QStringLiteral("latest")});
        QVERIFY(dialog->testAttribute(Qt::WA_DeleteOnClose));
        QCOMPARE(dialog->windowModality(), Qt::WindowModal);
        QCOMPARE(dialog->step(), Step::Scanning);
        QVERIFY(!dialog->deleteButton()->isEnabled());
        grabAfterLayout(dialog, QStringLiteral("/tmp/delete-dialog-scan.png"));
        QVERIFY(waitForPlan(dialog));

        // The plan, before anything is touched.
        QVERIFY(dialog->offersModeChoice());
        QCOMPARE(dialog->mode(), ops::DeleteMode::TagOnly);
        auto *tagOnly = dialog->findChild<QRadioButton *>(QStringLiteral("tagOnlyButton"));
        auto *wholeImage = dialog->findChild<QRadioButton *>(QStringLiteral("imageButton"));
        QVERIFY(tagOnly->isChecked());
        QCOMPARE(tagOnly->text(), QStringLiteral("Delete this &tag only"));
        QVERIFY2(wholeImage->text().startsWith(u"Delete the &image (and its 1 other tag"), qPrintable(wholeImage->text()));
        const QString planText = dialog->planView()->planText();
        QVERIFY2(planText.contains(u"'latest' shares its image with '1.1', which stays: only the tag is removed."),
                 qPrintable(planText));
        QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("methodLabel"))->text().contains(u"throwaway manifest"));
        QCOMPARE(dialog->plan().deletedTags(), QStringList{QStringLiteral("latest")});
        // The table shows what changes: 'latest' deleted, '1.1' kept; '0.9' only without the filter.
        const QAbstractItemModel *table = dialog->planView()->table()->model();
        QCOMPARE(table->rowCount(), 2);
        QCOMPARE(table->index(0, DeletePlanModel::TagColumn).data().toString(), QStringLiteral("latest"));
        QCOMPARE(table->index(0, DeletePlanModel::DecisionColumn).data().toString(), QStringLiteral("Deleted"));
        QCOMPARE(table->index(1, DeletePlanModel::DecisionColumn).data().toString(), QStringLiteral("Kept"));
        dialog->planView()->setShowOnlyChanges(false);
        QCOMPARE(table->rowCount(), 3);
        dialog->planView()->setShowOnlyChanges(true);

        // The button names the count and the registry; it is not the default.
        QPushButton *button = dialog->deleteButton();
        QVERIFY(button->isEnabled());
        QVERIFY2(button->text().startsWith(u"&Delete 1 Tag"), qPrintable(button->text()));
        QVERIFY2(button->text().endsWith(QString(u" from " + m_registry->host())), qPrintable(button->text()));
        QVERIFY(!button->isDefault());
        QVERIFY(!button->autoDefault());
        QVERIFY(closeButton(dialog)->isDefault());
        QCOMPARE(m_registry->tags(repo), (QStringList{QStringLiteral("0.9"), QStringLiteral("1.1"), QStringLiteral("latest")}));
        grabAfterLayout(dialog, QStringLiteral("/tmp/delete-dialog-plan.png"));

        QSignalSpy deleted(dialog, &DeleteDialog::deleted);
        button->click();
        QVERIFY(waitForStep(dialog, Step::Summary));
        QCOMPARE(deleted.size(), 1);
        QCOMPARE(dialog->runPanel()->summary().deletedTags(), QStringList{QStringLiteral("latest")});
        QVERIFY(dialog->runPanel()->outcomeTexts().constFirst().contains(u"throwaway manifest"));
        QVERIFY(dialog->runPanel()->showsGarbageCollectionReminder());
        QCOMPARE(closeButton(dialog)->text(), QStringLiteral("&Close"));
        grabAfterLayout(dialog, QStringLiteral("/tmp/delete-dialog-summary.png"));

        QCOMPARE(m_registry->tags(repo), (QStringList{QStringLiteral("0.9"), QStringLiteral("1.1")}));
        QCOMPARE(skopeoRaw(m_registry->process(), repo + QStringLiteral(":1.1")), image.manifest);

        // "Open Journal…" asks for the journal window and closes this one.
        QSignalSpy journal(dialog, &DeleteDialog::journalRequested);
        QPointer<DeleteDialog> guard(dialog);
        dialog->findChild<QPushButton *>(QStringLiteral("journalButton"))->click();
        QCOMPARE(journal.size(), 1);
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        QVERIFY(guard.isNull());
    }

    // "Delete the image (and its 1 other tag)": both tags go, the plan is made again first.
    void imageTakesEveryTagOnIt()
    {
        const QString repo = QStringLiteral("dialog/image");
        const SeededImage image = seed(m_registry->process(), m_registry->client(), repo,
                                       {QStringLiteral("1.1"), QStringLiteral("latest")});
        QVERIFY(!image.digest.isNull());
        QVERIFY(pushVariant(m_registry->client(), image, QStringLiteral("0.9"), QStringLiteral("old")).bytes.size() > 0);

        // A mode chosen while the tags are read is the one the plan uses.
        DeleteDialog *early = newDialog(repo, {QStringLiteral("latest")});
        early->setMode(ops::DeleteMode::Image);
        QVERIFY(waitForPlan(early));
        QCOMPARE(early->plan().deletedTagCount(), 2);
        QVERIFY(closeAndGone(early));

        DeleteDialog *dialog = newDialog(repo, {QStringLiteral("latest")});
        QVERIFY(waitForPlan(dialog));
        dialog->findChild<QRadioButton *>(QStringLiteral("imageButton"))->click();
        QCOMPARE(dialog->mode(), ops::DeleteMode::Image);
        QStringList going = dialog->plan().deletedTags();
        going.sort();
        QCOMPARE(going, (QStringList{QStringLiteral("1.1"), QStringLiteral("latest")}));
        QVERIFY2(dialog->planView()->planText().contains(u"'1.1' goes too"), qPrintable(dialog->planView()->planText()));
        QVERIFY2(dialog->deleteButton()->text().startsWith(u"&Delete 2 Tag"), qPrintable(dialog->deleteButton()->text()));
        QVERIFY(dialog->deleteButton()->text().endsWith(QString(u" from " + m_registry->host())));
        // Back and forth: the plan follows.
        dialog->findChild<QRadioButton *>(QStringLiteral("tagOnlyButton"))->click();
        QCOMPARE(dialog->plan().deletedTags(), QStringList{QStringLiteral("latest")});
        dialog->setMode(ops::DeleteMode::Image);
        QVERIFY(dialog->findChild<QRadioButton *>(QStringLiteral("imageButton"))->isChecked());
        QCOMPARE(dialog->plan().deletedTagCount(), 2);

        dialog->deleteButton()->click();
        QVERIFY(waitForStep(dialog, Step::Summary));
        QCOMPARE(dialog->runPanel()->summary().deletedDigests(), QList<oci::Digest>{image.digest});
        QCOMPARE(m_registry->tags(repo), QStringList{QStringLiteral("0.9")});
        QVERIFY(skopeoRaw(m_registry->process(), repo + u'@' + image.digest.toString()).isEmpty());
        QVERIFY(closeAndGone(dialog));
    }

    // Enter does not delete: Cancel is the default button.
    void enterCancels()
    {
        const QString repo = QStringLiteral("dialog/enter");
        QVERIFY(!seed(m_registry->process(), m_registry->client(), repo, {QStringLiteral("only")}).digest.isNull());
        QPointer<DeleteDialog> dialog = newDialog(repo, {QStringLiteral("only")});
        QVERIFY(waitForPlan(dialog));
        QVERIFY(!dialog->offersModeChoice());
        QTest::keyClick(dialog, Qt::Key_Return);
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        QVERIFY(dialog.isNull());
        QCOMPARE(m_registry->tags(repo), QStringList{QStringLiteral("only")});
    }

    // Every tag of a repository at once.
    void everyTagOfTheRepository()
    {
        const QString repo = QStringLiteral("dialog/all");
        const SeededImage image = seed(m_registry->process(), m_registry->client(), repo, {QStringLiteral("base"), QStringLiteral("latest")});
        QVERIFY(!image.digest.isNull());
        QCOMPARE(pushVariants(m_registry->client(), image, 3).size(), 3);

        DeleteDialog *dialog = DeleteDialog::forRepository(m_registry->client(), m_registry->fetcher(),
                                                           m_registry->host(), repo);
        dialog->setJournal(m_registry->journal());
        dialog->open();
        QVERIFY(dialog->selectsEveryTag());
        QVERIFY(waitForPlan(dialog));
        QCOMPARE(dialog->selectedTags().size(), 5);
        QVERIFY(!dialog->offersModeChoice()); // every tag is selected: nothing is shared
        QCOMPARE(dialog->plan().deletedTagCount(), 5);
        QVERIFY2(dialog->deleteButton()->text().startsWith(u"&Delete 5 Tag"), qPrintable(dialog->deleteButton()->text()));
        dialog->deleteButton()->click();
        QVERIFY(waitForStep(dialog, Step::Summary));
        QCOMPARE(dialog->runPanel()->summary().deletedTags().size(), 5);
        grabAfterLayout(dialog, QStringLiteral("/tmp/delete-dialog-all.png"));
        QCOMPARE(m_registry->tags(repo), QStringList());
        QVERIFY(closeAndGone(dialog));
    }

    // Closing while deleting asks; "Stop Deleting" stops before what is left.
    void closingWhileRunningAsksToStop()
    {
        const QString repo = QStringLiteral("dialog/stop");
        const SeededImage image = seed(m_registry->process(), m_registry->client(), repo, {QStringLiteral("base")});
        QVERIFY(!image.digest.isNull());
        QCOMPARE(pushVariants(m_registry->client(), image, 3).size(), 3);
        DeleteDialog *dialog = newDialog(repo, {QStringLiteral("v0"), QStringLiteral("v1"), QStringLiteral("v2")});
        QVERIFY(waitForPlan(dialog));
        dialog->deleteButton()->click();
        QCOMPARE(dialog->step(), Step::Running);
        QCOMPARE(closeButton(dialog)->text(), QStringLiteral("&Stop"));
        dialog->reject(); // the window's close button, Escape
        auto *question = dialog->findChild<QMessageBox *>(QStringLiteral("stopQuestion"));
        QVERIFY(question);
        QVERIFY(question->isVisible());
        QVERIFY(dialog->isVisible());
        question->findChild<QPushButton *>(QStringLiteral("stopButton"))->click();
        QVERIFY(waitForStep(dialog, Step::Summary));
        const ops::DeleteSummary &summary = dialog->runPanel()->summary();
        QVERIFY(summary.cancelled);
        const int deleted = summary.count(ops::DeleteOutcome::Result::Deleted);
        QCOMPARE(summary.count(ops::DeleteOutcome::Result::NotRun), 3 - deleted);
        QCOMPARE(m_registry->tags(repo).size(), 4 - deleted);
        QVERIFY(closeAndGone(dialog));
    }

    // The registry removed from Lading while the plan is on screen: nothing can be deleted.
    void clientRemovedBeforeDeleting()
    {
        Registry other;
        QString why;
        QVERIFY2(other.start(&why), qPrintable(why));
        const QString repo = QStringLiteral("dialog/gone");
        QVERIFY(!seed(other.process(), other.client(), repo, {QStringLiteral("1.1"), QStringLiteral("latest")}).digest.isNull());
        DeleteDialog *dialog = newDialog(repo, {QStringLiteral("latest")}, &other);
        QVERIFY(waitForPlan(dialog));
        other.dropClient();
        QCOMPARE(dialog->step(), Step::Failed);
        QVERIFY2(dialog->problemText().contains(u"registry was removed"), qPrintable(dialog->problemText()));
        QVERIFY(!dialog->deleteButton()->isEnabled());
        QCOMPARE(other.tags(repo), (QStringList{QStringLiteral("1.1"), QStringLiteral("latest")}));
        QVERIFY(closeAndGone(dialog));

        // And while it is scanning.
        Registry third;
        QVERIFY2(third.start(&why), qPrintable(why));
        DeleteDialog *scanning = newDialog(repo, {QStringLiteral("latest")}, &third);
        third.dropClient();
        QVERIFY(waitForStep(scanning, Step::Failed));
        QVERIFY2(scanning->problemText().contains(u"registry was removed"), qPrintable(scanning->problemText()));
        QVERIFY(closeAndGone(scanning));
    }

    // A tag put on the image after the scan: nothing runs, "Scan Again" plans anew with it.
    void repositoryChangedSinceTheScan()
    {
        const QString repo = QStringLiteral("dialog/changed");
        const SeededImage image = seed(m_registry->process(), m_registry->client(), repo,
                                       {QStringLiteral("1.1"), QStringLiteral("latest")});
        QVERIFY(!image.digest.isNull());
        DeleteDialog *dialog = newDialog(repo, {QStringLiteral("latest")});
        QVERIFY(waitForPlan(dialog));
        QVERIFY(dialog->rescanButton()->isHidden());
        QVERIFY(putTags(m_registry->client(), repo, image.mediaType, image.manifest, {QStringLiteral("extra")}));

        dialog->deleteButton()->click();
        QVERIFY(waitForStep(dialog, Step::Summary));
        const ops::DeleteSummary first = dialog->runPanel()->summary();
        QCOMPARE(first.changedTags, QStringList{QStringLiteral("extra")});
        QVERIFY(first.deletedTags().isEmpty());
        QVERIFY2(dialog->runPanel()->headlineText().startsWith(u"Nothing was deleted: the repository changed since it was read."),
                 qPrintable(dialog->runPanel()->headlineText()));
        QCOMPARE(m_registry->tags(repo), (QStringList{QStringLiteral("1.1"), QStringLiteral("extra"), QStringLiteral("latest")}));
        QVERIFY(!dialog->rescanButton()->isHidden());

        dialog->rescanButton()->click();
        QCOMPARE(dialog->step(), Step::Scanning);
        QVERIFY(dialog->deleteButton()->isVisible());
        QVERIFY(waitForPlan(dialog));
        const QString planText = dialog->planView()->planText();
        QVERIFY2(planText.contains(u"'latest' shares its image with ") && planText.contains(u"'extra'")
                     && planText.contains(u", which stay: only the tag is removed."),
                 qPrintable(planText));
        dialog->deleteButton()->click();
        QVERIFY(waitForStep(dialog, Step::Summary));
        QCOMPARE(dialog->runPanel()->summary().deletedTags(), QStringList{QStringLiteral("latest")});
        QVERIFY(dialog->rescanButton()->isHidden());
        QCOMPARE(m_registry->tags(repo), (QStringList{QStringLiteral("1.1"), QStringLiteral("extra")}));
        QVERIFY(closeAndGone(dialog));
    }

    // A selected tag that is gone by the time of the scan is named; the rest is planned.
    void tagGoneMeanwhileIsNamed()
    {
        const QString repo = QStringLiteral("dialog/meanwhile");
        QVERIFY(!seed(m_registry->process(), m_registry->client(), repo, {QStringLiteral("here")}).digest.isNull());
        DeleteDialog *dialog = newDialog(repo, {QStringLiteral("here"), QStringLiteral("gone")});
        QVERIFY(waitForPlan(dialog));
        QCOMPARE(dialog->selectedTags(), QStringList{QStringLiteral("here")});
        QVERIFY2(dialog->planView()->planText().contains(u"Not in the repository any more (deleted meanwhile?): 'gone'."),
                 qPrintable(dialog->planView()->planText()));
        QVERIFY(closeAndGone(dialog));
    }

    // distribution without delete: the refusal in words, nothing shown as deleted.
    void registryThatRefuses()
    {
        Registry refusing(false);
        QString why;
        QVERIFY2(refusing.start(&why), qPrintable(why));
        const QString repo = QStringLiteral("dialog/refuse");
        QVERIFY(!seed(refusing.process(), refusing.client(), repo, {QStringLiteral("1.1"), QStringLiteral("latest")}).digest.isNull());
        DeleteDialog *dialog = newDialog(repo, {QStringLiteral("latest")}, &refusing);
        QVERIFY(waitForPlan(dialog));
        QVERIFY(dialog->deleteButton()->text().endsWith(QString(u" from " + refusing.host())));
        dialog->deleteButton()->click();
        QVERIFY(waitForStep(dialog, Step::Summary));
        const DeleteRunPanel *panel = dialog->runPanel();
        QVERIFY(panel->summary().deletedTags().isEmpty());
        QCOMPARE(panel->headlineText(), QString(u"Nothing was deleted: " + refusing.host() + u" refused to delete."));
        QVERIFY(panel->outcomeTexts().constFirst().contains(DeleteSummaryText::refusal()));
        QVERIFY(!panel->showsGarbageCollectionReminder());
        QCOMPARE(refusing.tags(repo), (QStringList{QStringLiteral("1.1"), QStringLiteral("latest")}));
        grabAfterLayout(dialog, QStringLiteral("/tmp/delete-dialog-refused.png"));
        QVERIFY(closeAndGone(dialog));
    }
};

QTEST_MAIN(TestDeleteDialog)
#include "tst_deletedialog.moc"
