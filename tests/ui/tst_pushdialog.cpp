// PushDialog offscreen against the real registry (Debian's docker-registry): a legacy
// `docker save` built here (its tag from RepoTags, its plain layers to compress), the same
// after it was pushed by an image::PushJob (every blob already there, the tag staying, a
// sibling repository mounting), another image moving the tag, a file Lading refuses, umoci's
// OCI layout with several images to choose from, the repository field of a drop on a
// registry, and what Push hands over.

#include "pushdialog.h"
#include "pushplanmodel.h"

#include "pushtestdata.h"

#include "image/push/bloblocations.h"
#include "image/push/pushjob.h"
#include "image/source/localimagesource.h"
#include "support/localimagefixture.h"
#include "support/ocilayoutfixture.h"
#include "support/signalwait.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace Qt::StringLiterals;
using Fate = image::PushBlob::Fate;

namespace {

constexpr int kPlanTimeoutMs = 30000;

QStringList column(const QAbstractItemModel *model, int column)
{
    QStringList texts;
    for (int row = 0; row < model->rowCount(); ++row)
        texts << model->index(row, column).data().toString();
    return texts;
}

template<typename T>
T *child(const PushDialog &dialog, const QString &name)
{
    return dialog.findChild<T *>(name);
}

} // namespace

class TestPushDialog final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        REQUIRE_REGISTRY_TOOLS();
        QVERIFY2(m_images.startRegistry(), qPrintable(m_images.errorString()));
        QString error;
        m_fixture = OciLayoutFixture::instance(&error);
        QVERIFY2(m_fixture, qPrintable(error));
        // Two legacy saves sharing the first layer, both called lading/legacy:2.0.
        const QByteArray shared =
            tartest::Writer().dir("etc/").file("etc/hello", "hello\n").finish();
        QVERIFY(m_images.write(
            u"legacy.tar"_s,
            pushtest::legacyDockerSave({shared, pushtest::randomLayer(2, 64 * 1024, 5)},
                                       u"lading/legacy:2.0"_s)
                .tar));
        QVERIFY(m_images.write(
            u"legacy-next.tar"_s,
            pushtest::legacyDockerSave({shared, pushtest::randomLayer(2, 64 * 1024, 6)},
                                       u"lading/legacy:2.0"_s)
                .tar));
        QByteArray noise(64 * 1024, Qt::Uninitialized);
        QRandomGenerator generator(42);
        for (char &c : noise)
            c = char(generator.bounded(256));
        QVERIFY(m_images.write(u"noise.tar"_s, noise));
    }

    void legacySaveDefaultsAndCompresses()
    {
        PushDialog dialog(m_images.client(), u"dlg/legacy"_s, &m_locations,
                          path(u"legacy.tar"_s));
        // Opening runs on the pool: busy, nothing to push yet.
        QVERIFY(dialog.isBusy());
        QVERIFY(child<QProgressBar>(dialog, u"busyIndicator"_s)->isVisibleTo(&dialog));
        QVERIFY(!pushButton(dialog)->isEnabled());
        QVERIFY(waitForPlan(dialog));
        QVERIFY(!child<QProgressBar>(dialog, u"busyIndicator"_s)->isVisibleTo(&dialog));
        QVERIFY(pushButton(dialog)->isEnabled());
        QCOMPARE(dialog.windowModality(), Qt::WindowModal);

        // One image: no chooser, one tag field with the RepoTags tag.
        QCOMPARE(dialog.imageCount(), 1);
        QVERIFY(!child<QWidget>(dialog, u"imageChooser"_s)->isVisibleTo(&dialog));
        auto *tagEdit = child<QLineEdit>(dialog, u"tagEdit"_s);
        QVERIFY(tagEdit->isVisibleTo(&dialog));
        QCOMPARE(tagEdit->text(), u"2.0"_s);
        QVERIFY(child<QLabel>(dialog, u"sourceLabel"_s)->text().contains(u"docker-archive"_s));

        const image::PushPlan &plan = dialog.plan();
        QCOMPARE(plan.repository, u"dlg/legacy"_s);
        QCOMPARE(plan.targets.size(), 1);
        QCOMPARE(plan.targets.constFirst().tag, u"2.0"_s);
        QCOMPARE(plan.count(Fate::Compress), 2);
        QCOMPARE(plan.count(Fate::Upload), 1); // the config
        const QAbstractItemModel *model = child<QTableView>(dialog, u"planTable"_s)->model();
        QCOMPARE(model->rowCount(), 3);
        QCOMPARE(column(model, PushPlanModel::KindColumn),
                 (QStringList{u"Config"_s, u"Layer 1"_s, u"Layer 2"_s}));
        QCOMPARE(column(model, PushPlanModel::FateColumn),
                 (QStringList{u"Will be uploaded"_s, u"Will be gzip'ed, then uploaded"_s,
                              u"Will be gzip'ed, then uploaded"_s}));
        QCOMPARE(child<QLabel>(dialog, u"tagLinesLabel"_s)->text(), u"New tag 2.0"_s);
        QVERIFY(!child<QLabel>(dialog, u"tagLinesLabel"_s)->property("movesTag").toBool());
        QCOMPARE(child<QLabel>(dialog, u"summaryLabel"_s)->text(), PushPlanModel::summary(plan));
        QVERIFY(
            child<QLabel>(dialog, u"summaryLabel"_s)->text().startsWith(u"3 blobs: 3 to send"_s));
        QVERIFY(dialog.problem().isEmpty());
    }

    // Push hands the plan over and accepts; the test runs it as MainWindow would.
    void pushHandsOverThePlanThenItIsThere()
    {
        PushDialog dialog(m_images.client(), u"dlg/legacy"_s, &m_locations,
                          path(u"legacy.tar"_s));
        QVERIFY(waitForPlan(dialog));
        QSignalSpy requested(&dialog, &PushDialog::pushRequested);
        pushButton(dialog)->click();
        QCOMPARE(requested.size(), 1);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        const auto plan = requested.constFirst().constFirst().value<image::PushPlan>();
        QCOMPARE(plan.targetNames(), QStringList{u"dlg/legacy:2.0"_s});
        QCOMPARE(plan.blobs.size(), 3);
        QVERIFY(plan.source);

        image::PushJob job(m_images.client(), plan, &m_locations);
        QSignalSpy finished(&job, &oci::Job::finished);
        job.start();
        QVERIFY(finished.wait(120000));
        QVERIFY2(job.succeeded(), qPrintable(job.error().describe()));
        const oci::Digest pushed = job.pushedDigests().constFirst();

        // Again: everything is there (the compressed layers' digests were remembered), and
        // the tag already points at what this push would write.
        PushDialog again(m_images.client(), u"dlg/legacy"_s, &m_locations, path(u"legacy.tar"_s));
        QVERIFY(waitForPlan(again));
        QCOMPARE(again.plan().count(Fate::Present), 3);
        const QAbstractItemModel *model = child<QTableView>(again, u"planTable"_s)->model();
        QCOMPARE(column(model, PushPlanModel::FateColumn),
                 QStringList(3, u"Already in dlg/legacy"_s));
        QCOMPARE(again.plan().targets.constFirst().tagCurrent, pushed);
        QCOMPARE(PushPlanModel::expectedDigest(again.plan(), 0), pushed);
        QCOMPARE(child<QLabel>(again, u"tagLinesLabel"_s)->text(),
                 u"2.0 already points to this image; it stays"_s);
        QVERIFY(child<QLabel>(again, u"summaryLabel"_s)->text().contains(u"nothing to send"_s));

        // Another tag for the same image: a new tag, nothing to send.
        again.setTag(0, u"2.0-copy"_s);
        QVERIFY(!again.hasPlan()); // the plan shown is for the old tag
        QVERIFY(!pushButton(again)->isEnabled());
        QVERIFY(waitForPlan(again));
        QCOMPARE(again.plan().targets.constFirst().tag, u"2.0-copy"_s);
        QCOMPARE(child<QLabel>(again, u"tagLinesLabel"_s)->text(), u"New tag 2.0-copy"_s);

        // A sibling repository of the same registry mounts what dlg/legacy holds.
        PushDialog sibling(m_images.client(), u"dlg/sibling"_s, &m_locations,
                           path(u"legacy.tar"_s));
        QVERIFY(waitForPlan(sibling));
        QCOMPARE(sibling.plan().count(Fate::Mount), 3);
        QCOMPARE(
            column(child<QTableView>(sibling, u"planTable"_s)->model(), PushPlanModel::FateColumn),
            QStringList(3, u"Will be mounted from dlg/legacy"_s));

        // Another image under the same tag: the shared layer is there, the tag moves.
        PushDialog next(m_images.client(), u"dlg/legacy"_s, &m_locations,
                        path(u"legacy-next.tar"_s));
        QVERIFY(waitForPlan(next));
        QCOMPARE(next.plan().count(Fate::Present), 1);
        QCOMPARE(next.plan().count(Fate::Compress), 1);
        QCOMPARE(next.plan().count(Fate::Upload), 1);
        auto *tagLines = child<QLabel>(next, u"tagLinesLabel"_s);
        QVERIFY2(tagLines->text().contains(
                     QString(u"Moves 2.0 from "_s + pushed.shortString() + u"… to this image"_s)),
                 qPrintable(tagLines->text()));
        QVERIFY(tagLines->property("movesTag").toBool());
    }

    void refusesAFileItCannotRead()
    {
        PushDialog dialog(m_images.client(), u"dlg/noise"_s, &m_locations, path(u"noise.tar"_s));
        QVERIFY(testsupport::waitFor(&dialog, &PushDialog::stateChanged,
                                     [&] { return !dialog.isBusy(); }, kPlanTimeoutMs));
        QVERIFY(!dialog.hasPlan());
        QVERIFY(!pushButton(dialog)->isEnabled());
        const QString problem = dialog.problem();
        QVERIFY2(problem.startsWith(u"noise.tar cannot be pushed."_s), qPrintable(problem));
        QVERIFY(problem.size() > QStringLiteral("noise.tar cannot be pushed. ").size()); // and why
        QCOMPARE(child<QLabel>(dialog, u"problemLabel"_s)->text(), problem);
        QVERIFY(!child<QProgressBar>(dialog, u"busyIndicator"_s)->isVisibleTo(&dialog));
        QSignalSpy requested(&dialog, &PushDialog::pushRequested);
        dialog.accept(); // Enter on a disabled Push does nothing
        QCOMPARE(requested.size(), 0);
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
    }

    // umoci's layout: an index (multi) and its two images, also tagged on their own.
    void choosesAmongSeveralImages()
    {
        PushDialog dialog(m_images.client(), u"dlg/layout"_s, &m_locations, m_fixture->path());
        QVERIFY(waitForPlan(dialog));
        QCOMPARE(dialog.imageCount(), 3);
        QVERIFY(child<QWidget>(dialog, u"imageChooser"_s)->isVisibleTo(&dialog));
        QVERIFY(!child<QLineEdit>(dialog, u"tagEdit"_s)->isVisibleTo(&dialog));
        auto *all = child<QCheckBox>(dialog, u"allCheck"_s);
        QCOMPARE(all->checkState(), Qt::Checked);
        // Each with its own tag from the layout's ref.name.
        QStringList tags;
        int index = -1;
        for (int i = 0; i < dialog.imageCount(); ++i) {
            QVERIFY(dialog.isChosen(i));
            tags << dialog.tag(i);
            if (dialog.imageText(i).contains(u"index of 2 image"_s))
                index = i;
        }
        tags.sort();
        QCOMPARE(tags, (QStringList{u"amd64"_s, u"arm64"_s, u"multi"_s}));
        QVERIFY(index >= 0);
        QCOMPARE(dialog.tag(index), u"multi"_s);
        QCOMPARE(dialog.plan().targets.size(), 3);

        // The two images without the index: two targets, a tag line each.
        child<QCheckBox>(dialog, u"imageCheck%1"_s.arg(index))->click();
        QCOMPARE(all->checkState(), Qt::PartiallyChecked);
        QVERIFY(!child<QLineEdit>(dialog, u"imageTag%1"_s.arg(index))->isEnabled());
        QVERIFY(waitForPlan(dialog));
        const image::PushPlan &plan = dialog.plan();
        QCOMPARE(plan.targets.size(), 2);
        QStringList targetTags{plan.targets.at(0).tag, plan.targets.at(1).tag};
        targetTags.sort();
        QCOMPARE(targetTags, (QStringList{u"amd64"_s, u"arm64"_s}));
        QCOMPARE(plan.count(Fate::Upload), int(plan.blobs.size())); // compressed already
        const QStringList lines = child<QLabel>(dialog, u"tagLinesLabel"_s)->text().split(u'\n');
        QCOMPARE(lines.size(), 2);
        QVERIFY2(lines.contains(u"amd64: New tag amd64"_s), qPrintable(lines.join(u'|')));
        QVERIFY2(lines.contains(u"arm64: New tag arm64"_s), qPrintable(lines.join(u'|')));

        // Two images under one tag is refused before asking the registry.
        dialog.setTag((index + 1) % 3, u"same"_s);
        dialog.setTag((index + 2) % 3, u"same"_s);
        QVERIFY2(dialog.problem().contains(u"same"_s), qPrintable(dialog.problem()));
        QVERIFY(!pushButton(dialog)->isEnabled());
        QVERIFY(!dialog.isBusy());
        dialog.setTag((index + 2) % 3, u"not the same"_s);
        QVERIFY2(dialog.problem().contains(u"not a valid tag"_s), qPrintable(dialog.problem()));
        dialog.setTag((index + 2) % 3, u"other"_s);
        QVERIFY(dialog.problem().isEmpty());

        // None, then All again.
        all->click();
        QCOMPARE(all->checkState(), Qt::Checked);
        QVERIFY(waitForPlan(dialog));
        QCOMPARE(dialog.plan().targets.size(), 3);
        all->click();
        QCOMPARE(all->checkState(), Qt::Unchecked);
        QVERIFY(!dialog.isChosen(0));
        QVERIFY2(dialog.problem().contains(u"at least one"_s), qPrintable(dialog.problem()));
        QVERIFY(!pushButton(dialog)->isEnabled());
    }

    // Typing quickly asks the registry once, for the last text.
    void plansAgainOnceTypingStops()
    {
        PushDialog dialog(m_images.client(), u"dlg/legacy"_s, &m_locations,
                          path(u"legacy.tar"_s));
        QVERIFY(waitForPlan(dialog));
        auto *tagEdit = child<QLineEdit>(dialog, u"tagEdit"_s);
        tagEdit->clear();
        QVERIFY(dialog.problem().contains(u"Enter a tag"_s));
        QTest::keyClicks(tagEdit, u"typed"_s);
        QVERIFY(dialog.isBusy());
        QVERIFY(!dialog.hasPlan());
        // Waiting for typing to stop, not asking the registry yet: no planner runs (the busy
        // indicator shows only while one does), the status says a plan is coming.
        QVERIFY(!child<QWidget>(dialog, u"busyIndicator"_s)->isVisibleTo(&dialog));
        QCOMPARE(child<QLabel>(dialog, u"statusLabel"_s)->text(), u"Updating the plan…"_s);
        QVERIFY(waitForPlan(dialog));
        QCOMPARE(dialog.plan().targets.constFirst().tag, u"typed"_s);
        QCOMPARE(child<QLabel>(dialog, u"tagLinesLabel"_s)->text(), u"New tag typed"_s);
    }

    // A drop on a registry: the repository is asked for, from the archive's name at first.
    void asksForTheRepository()
    {
        PushDialog dialog(m_images.client(), QString(), &m_locations, path(u"legacy.tar"_s));
        auto *repository = child<QLineEdit>(dialog, u"repositoryEdit"_s);
        QVERIFY(repository);
        QVERIFY(waitForPlan(dialog));
        QCOMPARE(repository->text(), u"lading/legacy"_s);
        QCOMPARE(dialog.plan().repository, u"lading/legacy"_s);

        repository->setText(u"Not/Valid"_s);
        QVERIFY2(dialog.problem().contains(u"not a valid repository name"_s),
                 qPrintable(dialog.problem()));
        QCOMPARE(child<QLabel>(dialog, u"problemLabel"_s)->text(), dialog.problem());
        QVERIFY(!pushButton(dialog)->isEnabled());
        QVERIFY(!dialog.isBusy()); // nothing to ask the registry about
        repository->clear();
        QVERIFY(dialog.problem().contains(u"Enter the repository"_s));

        repository->setText(u"dlg/named"_s);
        QVERIFY(waitForPlan(dialog));
        QCOMPARE(dialog.plan().repository, u"dlg/named"_s);
        QCOMPARE(dialog.repository(), u"dlg/named"_s);
    }

private:
    QString path(const QString &name) const { return m_images.path(name); }

    static QPushButton *pushButton(const PushDialog &dialog)
    {
        return dialog.findChild<QPushButton *>(u"pushButton"_s);
    }

    // Runs the event loop until the dialog shows a plan.
    static bool waitForPlan(const PushDialog &dialog)
    {
        return testsupport::waitFor(&dialog, &PushDialog::stateChanged,
                                    [&] { return dialog.hasPlan(); }, kPlanTimeoutMs);
    }

    LocalImageFixture m_images{u"pushdialog"_s};
    const OciLayoutFixture *m_fixture = nullptr;
    image::BlobLocations m_locations;
};

QTEST_MAIN(TestPushDialog)
#include "tst_pushdialog.moc"
