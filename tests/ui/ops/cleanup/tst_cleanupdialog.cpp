// CleanupDialog offscreen against the real registry (Debian's docker-registry, delete
// enabled), driven like a person would: the rules typed into the form, the preview's
// counts and decisions read off the screen, the run button and its confirmation clicked;
// skopeo then lists exactly the tags the preview said would stay. Also: the rules saved
// and loaded back for that repository only, a pattern that does not compile, the scan
// cancelled and run again, and the registry removed under the open dialog.
//
// LADING_SHOTS_DIR=/some/folder saves PNGs of the dialog (preview, summary) there.

#include "ops/cleanup/cleanupdialog.h"
#include "ops/cleanup/cleanuppreview.h"
#include "ops/cleanup/retentionrulesstore.h"
#include "ops/delete/deleteplanmodel.h"
#include "ops/delete/deleterunpanel.h"

#include "ops/plan/registrysbom.h"
#include "ops/plan/scanbuilder.h"

#include "oci/cachetestsupport.h"
#include "support/clientharness.h"
#include "support/fixtures.h"
#include "support/registryprocess.h"
#include "support/signalwait.h"

#include "oci/cache/contentcache.h"
#include "oci/client/registryclient.h"
#include "oci/inspect/contentfetcher.h"
#include "ops/journal/deletesummary.h"
#include "ops/journal/journal.h"

#include <QAbstractButton>
#include <QDir>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSet>
#include <QSettings>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using Fate = ops::TagFate::Fate;

namespace {

const QString Repo = u"cleanup/app"_s;
const QString OtherRepo = u"cleanup/other"_s;
const QString StopRepo = u"cleanup/stop"_s;
const QString ManyRepo = u"cleanup/many"_s;
constexpr int kManyTags = 340;
constexpr int kTimeoutMs = 30000;

// Seeded images, oldest first: created on the first of month i+1 of 2024, with their tags.
// Keep the newest 2 images and "release-.*": img4 and img5 by date, release-1 by pattern;
// dev-1 shares img1 with release-1 (Protected); the rest go.
const QList<QStringList> ImageTags = {
    {u"v1.0"_s},
    {u"dev-1"_s, u"release-1"_s},
    {u"dev-2"_s},
    {u"dev-3"_s, u"pr-3"_s},
    {u"dev-4"_s, u"latest"_s},
    {u"dev-5"_s},
};

template<typename T>
T *child(const QWidget *dialog, const QString &name)
{
    T *found = dialog->findChild<T *>(name);
    if (!found)
        qWarning("no child %s", qPrintable(name));
    return found;
}

void saveShot(QWidget *widget, const QString &name)
{
    const QString folder = qEnvironmentVariable("LADING_SHOTS_DIR");
    if (folder.isEmpty())
        return;
    QDir().mkpath(folder);
    testsupport::spin(50); // pending layout requests, as a running window would have
    widget->grab().save(folder + u'/' + name + u".png"_s);
}

QStringList tagsWithFate(const ops::DeletePlan &plan, Fate fate)
{
    QStringList tags;
    for (const ops::TagFate &tag : plan.tags) {
        if (tag.fate == fate)
            tags << tag.tag;
    }
    tags.sort();
    return tags;
}

} // namespace

class TestCleanupDialog final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void previewAndRun();
    void rulesSavedPerRepository();
    void badPatternAndCancelledScan();
    void registryRemoved();
    void closeDuringRun();
    void scanProgress();

private:
    void seedDatedImages(const QString &repository);
    CleanupDialog *openDialog(oci::RegistryClient *client, oci::ContentFetcher *fetcher,
                              const QString &repository);
    bool waitForScan(CleanupDialog *dialog);
    bool waitForPlan(CleanupDialog *dialog);

    std::unique_ptr<RegistryProcess> m_registry;
    std::unique_ptr<Fixtures> m_fixtures;
    std::unique_ptr<ClientHarness> m_harness;
    std::unique_ptr<oci::ContentCache> m_cache;
    std::unique_ptr<oci::ContentFetcher> m_fetcher;
    std::unique_ptr<QTemporaryDir> m_scratch;
    QString m_settingsFile;
    QStringList m_allTags;
};

void TestCleanupDialog::initTestCase()
{
    REQUIRE_REGISTRY_TOOLS();
    // Lists and dates as in US English, whatever the machine's locale.
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    m_registry = std::make_unique<RegistryProcess>();
    QVERIFY2(m_registry->start(), qPrintable(m_registry->errorString()));
    QVERIFY(m_registry->deleteEnabled());
    m_fixtures = std::make_unique<Fixtures>(*m_registry);
    seedDatedImages(Repo);
    if (QTest::currentTestFailed())
        return;
    seedDatedImages(StopRepo);
    if (QTest::currentTestFailed())
        return;
    for (const QStringList &tags : ImageTags)
        m_allTags << tags;
    m_allTags.sort();
    QCOMPARE(m_fixtures->skopeoListTags(Repo).valueOr({}), m_allTags);
    QVERIFY_RESULT(m_fixtures->pushOciImage(OtherRepo, u"1.0"_s));
    auto many = m_fixtures->pushOciImage(ManyRepo, u"latest"_s);
    QVERIFY_RESULT(many);
    QVERIFY_RESULT(m_fixtures->pushManyTags(many.value(), kManyTags - 1));
}

// ImageTags in `repository`: the base image's layers under configs of their own dates.
void TestCleanupDialog::seedDatedImages(const QString &repository)
{
    auto base = m_fixtures->pushOciImage(repository, u"base"_s);
    QVERIFY_RESULT(base);
    // Only the dated variants below are tagged: the base image's own tag goes.
    QNetworkAccessManager nam;
    QUrl url = m_registry->baseUrl();
    url.setPath(u"/v2/"_s + repository + u"/manifests/"_s + base->digest.toString());
    QCOMPARE(cachetest::send(nam, "DELETE", url), 202);
    for (int i = 0; i < ImageTags.size(); ++i) {
        QJsonObject config = QJsonDocument::fromJson(base->config).object();
        config.insert(
            u"created"_s,
            QDateTime(QDate(2024, i + 1, 1), QTime(12, 0), Qt::UTC).toString(Qt::ISODate));
        config.insert(u"author"_s, u"image %1"_s.arg(i)); // a digest of its own
        const QByteArray configBytes = plantest::compact(config);
        QVERIFY(cachetest::uploadBlob(*m_registry, repository, configBytes));
        QJsonObject manifest = QJsonDocument::fromJson(base->manifest).object();
        manifest.insert(
            u"config"_s,
            plantest::descriptor(u"application/vnd.oci.image.config.v1+json"_s, configBytes));
        const QByteArray manifestBytes = plantest::compact(manifest);
        for (const QString &tag : ImageTags.at(i)) {
            QVERIFY(cachetest::putManifest(*m_registry, repository, tag, plantest::OciManifestType,
                                           manifestBytes));
        }
    }
}

void TestCleanupDialog::init()
{
    if (!m_registry)
        QSKIP("no registry");
    m_harness = std::make_unique<ClientHarness>(*m_registry);
    m_cache = std::make_unique<oci::ContentCache>(oci::ContentCacheOptions{});
    m_fetcher = std::make_unique<oci::ContentFetcher>(m_harness->client(), m_cache.get());
    m_scratch = std::make_unique<QTemporaryDir>();
    QVERIFY(m_scratch->isValid());
    m_settingsFile = m_scratch->filePath(u"lading.conf"_s);
}

void TestCleanupDialog::cleanup()
{
    if (QTest::currentTestFailed() && m_registry)
        m_registry->printLogTail();
    // Dialogs delete themselves on close; those still open go before their client.
    for (QWidget *widget : QApplication::topLevelWidgets()) {
        if (qobject_cast<CleanupDialog *>(widget))
            delete widget;
    }
    m_fetcher.reset();
    m_cache.reset();
    m_harness.reset();
}

CleanupDialog *TestCleanupDialog::openDialog(oci::RegistryClient *client,
                                             oci::ContentFetcher *fetcher,
                                             const QString &repository)
{
    auto *dialog =
        new CleanupDialog(client, fetcher, m_registry->host(), repository, m_settingsFile);
    dialog->setJournal(ops::Journal(m_scratch->filePath(u"journal"_s)));
    dialog->show();
    return dialog;
}

bool TestCleanupDialog::waitForScan(CleanupDialog *dialog)
{
    return testsupport::waitFor(
        dialog, &CleanupDialog::scanFinished, [dialog] { return !dialog->isScanning(); },
        kTimeoutMs);
}

bool TestCleanupDialog::waitForPlan(CleanupDialog *dialog)
{
    return testsupport::waitFor(
        dialog, &CleanupDialog::planChanged, [dialog] { return dialog->hasPlan(); }, kTimeoutMs);
}

void TestCleanupDialog::previewAndRun()
{
    QPointer<CleanupDialog> dialog = openDialog(m_harness->client(), m_fetcher.get(), Repo);
    QVERIFY(dialog->testAttribute(Qt::WA_DeleteOnClose));
    QVERIFY(dialog->isScanning());
    QVERIFY(waitForScan(dialog));
    QVERIFY2(dialog->hasScan(), qPrintable(dialog->statusText()));
    // (The English plural forms come from lading_en.qm, which tests do not load: "9 tag(s)".)
    QVERIFY2(dialog->statusText().startsWith(u"9 tag"_s), qPrintable(dialog->statusText()));
    // No rules saved: nothing to plan yet, and the form says why.
    QVERIFY(!dialog->hasPlan());
    auto *runButton = child<QPushButton>(dialog, u"runButton"_s);
    QVERIFY(!runButton->isEnabled());
    QVERIFY(child<QLabel>(dialog, u"rulesWords"_s)->text().contains(u"at least one rule"_s));

    // Keep the newest 2 images and tags matching release-.*, typed like a person.
    auto *newest = child<QSpinBox>(dialog, u"keepNewestSpin"_s);
    newest->setFocus();
    newest->selectAll();
    QTest::keyClicks(newest, u"2"_s);
    QCOMPARE(newest->value(), 2);
    auto *keep = child<QPlainTextEdit>(dialog, u"keepPatternsEdit"_s);
    QTest::keyClicks(keep, u"release-.*"_s);
    // The plan follows after a pause: until then nothing can run.
    QVERIFY(!dialog->hasPlan());
    QVERIFY(!runButton->isEnabled());
    QVERIFY(waitForPlan(dialog));
    const QString words = child<QLabel>(dialog, u"rulesWords"_s)->text();
    QVERIFY2(words.startsWith(u"Keeps the newest 2 image"_s) &&
                 words.endsWith(u" and tags matching “release-.*”. Deletes every other tag."_s),
             qPrintable(words));

    // The preview: counts, the protected tag, the rule that decided.
    const ops::DeletePlan plan = dialog->plan();
    const QStringList previewDeleted = tagsWithFate(plan, Fate::Deleted);
    QCOMPARE(previewDeleted, (QStringList{u"dev-2"_s, u"dev-3"_s, u"pr-3"_s, u"v1.0"_s}));
    QCOMPARE(tagsWithFate(plan, Fate::Protected), QStringList{u"dev-1"_s});
    const QString counts = dialog->preview()->countsText();
    QVERIFY2(counts.startsWith(u"4 tag"_s) &&
                 counts.endsWith(u" will be deleted, 4 kept and 1 protected."_s),
             qPrintable(counts));
    const DeletePlanModel *model = dialog->preview()->model();
    QCOMPARE(model->rowCount(), 9);
    const int devOne = model->rowOf(u"dev-1"_s);
    QVERIFY(devOne >= 0);
    QCOMPARE(model->index(devOne, 0).data(DeletePlanModel::FateRole).toInt(), int(Fate::Protected));
    QVERIFY2(
        model->index(devOne, DeletePlanModel::WhyColumn).data().toString().contains(u"release-1"_s),
        qPrintable(model->index(devOne, DeletePlanModel::WhyColumn).data().toString()));
    QVERIFY(model->index(model->rowOf(u"release-1"_s), DeletePlanModel::WhyColumn)
                .data()
                .toString()
                .contains(u"release-.*"_s));

    // The filter: Protected shows dev-1 alone; Deleted the four; All again.
    const QTableView *table = dialog->preview()->table();
    QTest::mouseClick(child<QPushButton>(dialog, u"showProtectedButton"_s), Qt::LeftButton);
    QCOMPARE(table->model()->rowCount(), 1);
    QCOMPARE(table->model()->index(0, DeletePlanModel::TagColumn).data().toString(), u"dev-1"_s);
    // Its reason in full under the table once it is the current row.
    auto *view = child<QTableView>(dialog, u"planTable"_s);
    QTest::mouseClick(
        view->viewport(), Qt::LeftButton, {},
        view->visualRect(view->model()->index(0, DeletePlanModel::DecisionColumn)).center());
    const QString detail = dialog->preview()->detailText();
    QVERIFY2(detail.startsWith(u"dev-1 — "_s) && detail.contains(u"'release-1'"_s),
             qPrintable(detail));
    QCOMPARE(child<QPushButton>(dialog, u"showDeletedButton"_s)->text(), u"Deleted (4)"_s);
    QTest::mouseClick(child<QPushButton>(dialog, u"showDeletedButton"_s), Qt::LeftButton);
    QCOMPARE(table->model()->rowCount(), 4);
    QTest::mouseClick(child<QPushButton>(dialog, u"showAllButton"_s), Qt::LeftButton);
    QCOMPARE(table->model()->rowCount(), 9);
    saveShot(dialog, u"cleanup-preview"_s);

    // Run: the button names the count and the registry; the confirmation names the
    // repository too, and is window-modal.
    QVERIFY(runButton->isEnabled());
    QVERIFY2(runButton->text().startsWith(u"&Delete 4 Tag"_s) &&
                 runButton->text().endsWith(QString(u" from "_s + m_registry->host())),
             qPrintable(runButton->text()));
    QTest::mouseClick(runButton, Qt::LeftButton);
    QMessageBox *box = dialog->confirmation();
    QVERIFY(box);
    QCOMPARE(box->windowModality(), Qt::WindowModal);
    QVERIFY(box->isVisible());
    QVERIFY2(box->text().startsWith(u"Delete 4 tag"_s) &&
                 box->text().endsWith(
                     QString(u" from "_s + Repo + u" on "_s + m_registry->host() + u"?"_s)),
             qPrintable(box->text()));
    saveShot(box, u"cleanup-confirm"_s);
    // Nothing is deleted before the answer.
    QCOMPARE(m_fixtures->skopeoListTags(Repo).valueOr({}), m_allTags);
    QTest::mouseClick(box->findChild<QPushButton *>(u"confirmButton"_s), Qt::LeftButton);

    QSignalSpy finished(dialog.data(), &CleanupDialog::runFinished);
    QVERIFY(dialog->runPanel());
    QVERIFY(testsupport::waitFor(
        dialog.data(), &CleanupDialog::runFinished, [&] { return finished.count() > 0; },
        kTimeoutMs));
    const auto summary = finished.constFirst().constFirst().value<ops::DeleteSummary>();
    QVERIFY2(summary.isComplete(), qPrintable(summary.describe()));
    QStringList reported = summary.deletedTags();
    reported.sort();
    QCOMPARE(reported, previewDeleted);
    QVERIFY(dialog->runPanel()->showsGarbageCollectionReminder());
    QVERIFY(!runButton->isVisible());
    dialog->resize(dialog->width(), dialog->height()); // settle the layout for the shot
    QCoreApplication::processEvents();
    saveShot(dialog, u"cleanup-summary"_s);

    // skopeo: exactly the tags the preview said would stay are left.
    QStringList expectLeft = m_allTags;
    for (const QString &tag : previewDeleted)
        expectLeft.removeAll(tag);
    QCOMPARE(m_fixtures->skopeoListTags(Repo).valueOr({}), expectLeft);
    // The journal has an entry per step of the run.
    QCOMPARE(ops::Journal(m_scratch->filePath(u"journal"_s)).entriesOfRun(summary.run).size(),
             summary.outcomes.size());

    // The rules were saved for this repository when the run started.
    const std::optional<ops::RetentionRules> saved =
        RetentionRulesStore(m_settingsFile).load(m_registry->host(), Repo);
    QVERIFY(saved.has_value());
    QCOMPARE(saved->keepNewest, 2);
    QCOMPARE(saved->keep, QStringList{u"release-.*"_s});

    // Scan Again shows the repository as it is now: nothing more to delete.
    QTest::mouseClick(child<QPushButton>(dialog, u"rescanButton"_s), Qt::LeftButton);
    QVERIFY(!dialog->runPanel());
    QVERIFY(waitForScan(dialog));
    QVERIFY(waitForPlan(dialog));
    QCOMPARE(dialog->plan().deletedTagCount(), 0);
    QVERIFY2(dialog->preview()->countsText().startsWith(u"Nothing will be deleted: all 5 tag"_s),
             qPrintable(dialog->preview()->countsText()));
    QVERIFY(!runButton->isEnabled());
    QCOMPARE(runButton->text(), u"Nothing to Delete"_s);

    dialog->close();
    QTRY_VERIFY(dialog.isNull()); // WA_DeleteOnClose
}

void TestCleanupDialog::rulesSavedPerRepository()
{
    ops::RetentionRules rules;
    rules.keepNewest = 3;
    rules.deleteOlderThan = QDateTime(QDate(2024, 3, 15), QTime(0, 0), Qt::UTC);
    rules.deleteMatching = {u"pr-\\d+"_s, u"tmp-.*"_s};
    {
        QPointer<CleanupDialog> dialog = openDialog(m_harness->client(), m_fetcher.get(), Repo);
        dialog->setRules(rules);
        QTest::mouseClick(child<QPushButton>(dialog, u"saveRulesButton"_s), Qt::LeftButton);
        QVERIFY(child<QLabel>(dialog, u"savedLabel"_s)->text().startsWith(u"Saved"_s));
        QVERIFY(waitForScan(dialog));
        dialog->close();
        QTRY_VERIFY(dialog.isNull());
    }
    {
        // The same repository again: the form shows the saved rules.
        QPointer<CleanupDialog> dialog = openDialog(m_harness->client(), m_fetcher.get(), Repo);
        QVERIFY(dialog->rules() == rules);
        QCOMPARE(child<QSpinBox>(dialog, u"keepNewestSpin"_s)->value(), 3);
        QCOMPARE(child<QPlainTextEdit>(dialog, u"deletePatternsEdit"_s)->toPlainText(),
                 u"pr-\\d+\ntmp-.*"_s);
        QVERIFY(child<QLabel>(dialog, u"rulesWords"_s)->text().contains(u"created before"_s));
        QVERIFY(waitForScan(dialog));
        QVERIFY(waitForPlan(dialog));
        dialog->close();
        QTRY_VERIFY(dialog.isNull());
    }
    {
        // Another repository of the same registry: its own (none).
        QPointer<CleanupDialog> dialog =
            openDialog(m_harness->client(), m_fetcher.get(), OtherRepo);
        QVERIFY(dialog->rules() == ops::RetentionRules());
        QCOMPARE(child<QSpinBox>(dialog, u"keepNewestSpin"_s)->value(), 0);
        QVERIFY(waitForScan(dialog));
        QVERIFY(dialog->hasScan());
        QVERIFY(!dialog->hasPlan());
        dialog->close();
        QTRY_VERIFY(dialog.isNull());
    }
    {
        // A damaged value: the form starts empty and says so.
        QSettings settings(m_settingsFile, QSettings::IniFormat);
        settings.setValue(u"retentionRules/"_s +
                              RetentionRulesStore::keyOf(m_registry->host(), OtherRepo),
                          u"{not json"_s);
    }
    QPointer<CleanupDialog> dialog = openDialog(m_harness->client(), m_fetcher.get(), OtherRepo);
    QVERIFY(dialog->rules() == ops::RetentionRules());
    auto *note = child<QLabel>(dialog, u"rulesNote"_s);
    QVERIFY(note->isVisible());
    QVERIFY(note->text().contains(u"could not be read"_s));
    QVERIFY(waitForScan(dialog));
    dialog->close();
}

void TestCleanupDialog::badPatternAndCancelledScan()
{
    QPointer<CleanupDialog> dialog = openDialog(m_harness->client(), m_fetcher.get(), OtherRepo);
    // Cancel the scan at once: no preview, Scan Again offered.
    QVERIFY(dialog->isScanning());
    QTest::mouseClick(child<QPushButton>(dialog, u"cancelScanButton"_s), Qt::LeftButton);
    QVERIFY(!dialog->isScanning());
    QVERIFY(dialog->statusText().contains(u"cancelled"_s));
    auto *rescan = child<QPushButton>(dialog, u"rescanButton"_s);
    QVERIFY(rescan->isVisible());

    auto *keep = child<QPlainTextEdit>(dialog, u"keepPatternsEdit"_s);
    QTest::keyClicks(keep, u"v("_s);
    auto *words = child<QLabel>(dialog, u"rulesWords"_s);
    QVERIFY2(words->text().startsWith(u"The keep pattern “v(” is not a regular expression"_s),
             qPrintable(words->text()));
    QTest::mouseClick(rescan, Qt::LeftButton);
    QVERIFY(waitForScan(dialog));
    QVERIFY(dialog->hasScan());
    testsupport::spin(400); // longer than the planning pause
    QVERIFY(!dialog->hasPlan());
    QVERIFY(!child<QPushButton>(dialog, u"runButton"_s)->isEnabled());
    // Saving refuses rules that do not compile.
    QTest::mouseClick(child<QPushButton>(dialog, u"saveRulesButton"_s), Qt::LeftButton);
    QVERIFY(child<QLabel>(dialog, u"savedLabel"_s)->text().startsWith(u"Not saved"_s));
    QVERIFY(!RetentionRulesStore(m_settingsFile).load(m_registry->host(), OtherRepo).has_value());

    // Mended: a plan (one tag, the newest image: kept).
    QTest::keyClick(keep, Qt::Key_Backspace);
    QTest::keyClick(keep, Qt::Key_Backspace);
    QTest::keyClicks(keep, u"1\\..*"_s); // keeps "1.0"
    QVERIFY(waitForPlan(dialog));
    QCOMPARE(dialog->plan().deletedTagCount(), 0);
    dialog->close();
}

void TestCleanupDialog::registryRemoved()
{
    // A client of our own, deleted under the open dialog as the main window would when the
    // registry is removed (its fetcher is its child and goes with it).
    auto *client = new oci::RegistryClient(m_harness->transport(), m_registry->registryConfig());
    auto *fetcher = new oci::ContentFetcher(client, m_cache.get(), client);
    QPointer<CleanupDialog> dialog = openDialog(client, fetcher, Repo);
    ops::RetentionRules rules;
    rules.keepNewest = 1;
    dialog->setRules(rules);
    QVERIFY(waitForScan(dialog));
    QVERIFY(waitForPlan(dialog));
    delete client;
    QVERIFY(!dialog.isNull());
    QVERIFY(dialog->statusText().contains(u"was removed"_s));
    QVERIFY(!dialog->hasPlan());
    QVERIFY(!child<QPushButton>(dialog, u"runButton"_s)->isEnabled());
    QVERIFY(!child<QPushButton>(dialog, u"rescanButton"_s)->isEnabled());
    dialog->rescan(); // nothing to read from: no crash, nothing starts
    QVERIFY(!dialog->isScanning());
    saveShot(dialog, u"cleanup-removed"_s);

    // Removed mid-scan: the scan stops, the dialog says so.
    client = new oci::RegistryClient(m_harness->transport(), m_registry->registryConfig());
    fetcher = new oci::ContentFetcher(client, m_cache.get(), client);
    QPointer<CleanupDialog> second = openDialog(client, fetcher, Repo);
    QVERIFY(second->isScanning());
    delete client;
    QVERIFY(!second->isScanning());
    QVERIFY(second->statusText().contains(u"was removed"_s));
    testsupport::spin(100);
    QVERIFY(!second.isNull());
    dialog->close();
    second->close();
}

void TestCleanupDialog::closeDuringRun()
{
    // Closing while the deletion runs stops it after the step in flight and closes then:
    // the summary it ends with is what the registry shows.
    QPointer<CleanupDialog> dialog = openDialog(m_harness->client(), m_fetcher.get(), StopRepo);
    ops::RetentionRules rules;
    rules.keepNewest = 1;
    dialog->setRules(rules);
    QVERIFY(waitForScan(dialog));
    QVERIFY(waitForPlan(dialog));
    QCOMPARE(dialog->plan().steps.size(), 5); // every image but the newest, one step each
    QSignalSpy finished(dialog.data(), &CleanupDialog::runFinished);
    int finishedBeforeDestroyed = -1;
    connect(dialog.data(), &QObject::destroyed, this,
            [&] { finishedBeforeDestroyed = int(finished.count()); });
    QTest::mouseClick(child<QPushButton>(dialog, u"runButton"_s), Qt::LeftButton);
    QVERIFY(dialog->confirmation());
    QTest::mouseClick(dialog->confirmation()->findChild<QPushButton *>(u"confirmButton"_s),
                      Qt::LeftButton);
    QVERIFY(dialog->isRunning());
    // Closed as soon as the first deletion is done, from the progress bar's signal (a poll
    // could miss the run's middle: five local deletions take milliseconds).
    auto *bar = dialog->runPanel()->findChild<QProgressBar *>(u"progressBar"_s);
    QVERIFY(bar);
    QString statusAtClose;
    connect(bar, &QProgressBar::valueChanged, this, [&](int value) {
        if (value >= 1 && statusAtClose.isEmpty() && dialog) {
            dialog->close();
            statusAtClose = dialog ? dialog->statusText() : u"destroyed at once"_s;
        }
    });
    QTRY_VERIFY_WITH_TIMEOUT(dialog.isNull(), kTimeoutMs);
    QVERIFY2(statusAtClose.startsWith(u"Stopping"_s), qPrintable(statusAtClose));
    QCOMPARE(finishedBeforeDestroyed, 1);

    const auto summary = finished.constFirst().constFirst().value<ops::DeleteSummary>();
    QVERIFY2(summary.count(ops::DeleteOutcome::Result::Deleted) >= 1,
             qPrintable(summary.describe()));
    QVERIFY2(summary.count(ops::DeleteOutcome::Result::Failed) == 0,
             qPrintable(summary.describe()));
    QStringList expectLeft = m_allTags;
    for (const QString &tag : summary.deletedTags())
        expectLeft.removeAll(tag);
    QCOMPARE(m_fixtures->skopeoListTags(StopRepo).valueOr({}), expectLeft);
    // Steps not run leave their tags.
    for (const ops::DeleteOutcome &outcome : summary.outcomes) {
        if (outcome.result == ops::DeleteOutcome::Result::NotRun) {
            for (const QString &tag : outcome.tags)
                QVERIFY2(expectLeft.contains(tag), qPrintable(tag));
        }
    }
}

void TestCleanupDialog::scanProgress()
{
    // What the status line says while 340 tags are read, taken at each step of the bar.
    QPointer<CleanupDialog> dialog = openDialog(m_harness->client(), m_fetcher.get(), ManyRepo);
    auto *bar = child<QProgressBar>(dialog, u"scanProgress"_s);
    QStringList said;
    connect(bar, &QProgressBar::valueChanged, this, [&] {
        said << dialog->statusText();
        if (said.size() == 40)
            saveShot(dialog, u"cleanup-scanning"_s);
    });
    QVERIFY(bar->isVisible());
    QVERIFY(child<QPushButton>(dialog, u"cancelScanButton"_s)->isVisible());
    QVERIFY(!child<QPushButton>(dialog, u"rescanButton"_s)->isVisible());
    QVERIFY(waitForScan(dialog));
    QVERIFY(dialog->hasScan());
    QVERIFY(!bar->isVisible());
    const QRegularExpression reading(
        QRegularExpression::anchoredPattern(u"Reading (\\d+) of 340 tags…"_s));
    int readings = 0;
    int last = -1;
    for (const QString &text : std::as_const(said)) {
        const QRegularExpressionMatch match = reading.match(text);
        if (!match.hasMatch())
            continue;
        ++readings;
        const int done = match.captured(1).toInt();
        QVERIFY2(done >= last && done <= kManyTags, qPrintable(said.join(u" | "_s)));
        last = done;
    }
    QVERIFY2(readings >= 10, qPrintable(said.join(u" | "_s)));
    QVERIFY2(dialog->statusText().startsWith(u"340 tag"_s), qPrintable(dialog->statusText()));
    dialog->close();
}

QTEST_MAIN(TestCleanupDialog)
#include "tst_cleanupdialog.moc"
