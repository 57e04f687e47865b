// Drag and drop onto the main window, offscreen, with real QDropEvents carrying file URLs,
// against the real registry: a legacy docker save dropped on a repository opens the push
// dialog for that repository, its push runs in the jobs panel and lands (skopeo reads it
// back, the tree knows the tag); dropped on the registry, the dialog asks for a repository
// name; dropped on empty space, the image opens for a look instead. A registry removed (or
// reconnected with new settings) while a push to it runs cancels that push, says why on its
// row, offers no Retry, and publishes no tag.

#include "../push/pushtestdata.h"

#include "jobsmodel.h"
#include "jobspanel.h"
#include "localimagepage.h"
#include "mainwindow.h"
#include "pushdialog.h"
#include "registryactions.h"
#include "registrytreemodel.h"
#include "roles.h"

#include "image/push/pushjob.h"
#include "support/fixtures.h"
#include "support/registryprocess.h"

#include <QDirIterator>
#include <QDockWidget>
#include <QFile>
#include <QLineEdit>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

#include <functional>

using namespace Qt::StringLiterals;

class TestPushDrop final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        REQUIRE_REGISTRY_TOOLS();
        QVERIFY(m_dir.isValid());
        QVERIFY2(m_registry.start(), qPrintable(m_registry.errorString()));
        Fixtures fixtures(m_registry);
        QVERIFY_RESULT(fixtures.pushOciImage(u"drop/target"_s, u"old"_s));
        const pushtest::LegacyArchive archive = pushtest::legacyDockerSave(
            {tartest::Writer().dir("etc/").file("etc/dropped", "dropped on a repository\n").finish()},
            u"lading/dropped:7"_s);
        QVERIFY(writeFile(m_dir.filePath(u"dropped.tar"_s), archive.tar));
        m_config = archive.config;

        // Big enough to be caught mid-upload: 48 MiB that gzip cannot shrink.
        const pushtest::LegacyArchive big = pushtest::legacyDockerSave(
            {pushtest::randomLayer(6, BigLayerBytes / 6, 5150)}, u"lading/big:big"_s);
        QVERIFY(writeFile(m_dir.filePath(u"big.tar"_s), big.tar));
    }

    void dropOnARepositoryPushes()
    {
        MainWindow window(m_dir.filePath(u"repo.conf"_s));
        QModelIndex repository = showRegistry(window, u"drop/target"_s);
        QVERIFY(repository.isValid());

        QVERIFY(drop(window, repository, m_dir.filePath(u"dropped.tar"_s)));
        PushDialog *dialog = window.findChild<PushDialog *>();
        QVERIFY(dialog);
        QCOMPARE(dialog->repository(), u"drop/target"_s);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->hasPlan(), 30000);
        QCOMPARE(dialog->tag(0), u"7"_s); // from the archive's RepoTags
        dialog->accept();
        QCOMPARE(window.jobsModel()->jobCount(), 1);
        QVERIFY(window.jobsDock()->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(window.jobsModel()->state(0) == JobsModel::State::Done, 60000);

        Fixtures fixtures(m_registry);
        auto config = fixtures.skopeoInspectRaw(u"drop/target:7"_s, true);
        QVERIFY_RESULT(config);
        QCOMPARE(config.value(), m_config);
    }

    void dropOnTheRegistryAsksForARepository()
    {
        MainWindow window(m_dir.filePath(u"registry.conf"_s));
        const QModelIndex repository = showRegistry(window, u"drop/target"_s);
        QVERIFY(repository.isValid());
        const QModelIndex registry = window.model()->registryIndex(m_registry.host());
        QVERIFY(drop(window, registry, m_dir.filePath(u"dropped.tar"_s)));
        PushDialog *dialog = window.findChild<PushDialog *>();
        QVERIFY(dialog);
        QVERIFY(dialog->repository().isEmpty());
        auto *edit = dialog->findChild<QLineEdit *>(u"repositoryEdit"_s);
        QVERIFY(edit);
        edit->setText(u"drop/new-one"_s);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->hasPlan(), 30000);
        QCOMPARE(dialog->plan().repository, u"drop/new-one"_s);
        dialog->reject();
    }

    void dropElsewhereOpensForALook()
    {
        MainWindow window(m_dir.filePath(u"look.conf"_s));
        QVERIFY(showRegistry(window, u"drop/target"_s).isValid());
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(m_dir.filePath(u"dropped.tar"_s))});
        QWidget *viewport = window.tree()->viewport();
        const QPoint empty(viewport->width() / 2, viewport->height() - 5);
        QVERIFY(!window.tree()->indexAt(empty).isValid());
        // Qt delivers a drop to the widget that accepted the drag's enter.
        QDragEnterEvent enter(empty, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(viewport, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent dropEvent(empty, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(viewport, &dropEvent);
        QVERIFY(dropEvent.isAccepted());
        QVERIFY(!window.findChild<PushDialog *>());
        QVERIFY(window.isLocalImageShown());
        QTRY_VERIFY_WITH_TIMEOUT(window.localImagePage()->hasImage(), 30000);
    }

    void removingTheRegistryCancelsItsPushes()
    {
        MainWindow window(m_dir.filePath(u"remove.conf"_s));
        const QString host = m_registry.host();
        const QPointer<image::PushJob> job = startBigPush(window);
        QVERIFY(job);

        // The person removes the registry (and says Yes) while the big layer is on its way.
        QVERIFY2(whileSending(job, [&] {
                     window.registryActions()->removeRegistry(window.model()->registryIndex(host));
                     if (auto *question = window.findChild<QMessageBox *>())
                         question->button(QMessageBox::Yes)->click();
                 }),
                 "the push ended before it was caught sending");
        QVERIFY(!window.model()->registryIndex(host).isValid());

        JobsModel *jobs = window.jobsModel();
        QCOMPARE(jobs->state(0), JobsModel::State::Cancelled);
        QVERIFY(job->isCancelled());
        QCOMPARE(jobs->index(0, 0).data(JobsModel::MessageRole).toString(),
                 QString(host + u" was removed from the registry list"));
        QVERIFY(jobs->index(0, 0).data(Qt::ToolTipRole).toString().contains(
            QString(host + u" was removed")));
        QCOMPARE(jobs->index(0, JobsModel::StatusColumn).data().toString(),
                 QString(u"Cancelled: " + host + u" was removed from the registry list"));
        QVERIFY(!jobs->canRetry(0));
        auto *panel = window.findChild<JobsPanel *>();
        QVERIFY(panel);
        panel->view()->setCurrentIndex(jobs->index(0, 0));
        QVERIFY(!panel->retryButton()->isEnabled());
        QVERIFY(!panel->cancelButton()->isEnabled());
        QTRY_COMPARE(window.statusBar()->currentMessage(),
                     QString(u"Cancelled 1 push(es): " + host + u" was removed from the registry list."));

        expectNothingPublished(job);
    }

    void reconnectingCancelsItsPushes()
    {
        // New settings make a new client: a push on the old one stops the same way.
        MainWindow window(m_dir.filePath(u"reconnect.conf"_s));
        const QString host = m_registry.host();
        const QPointer<image::PushJob> job = startBigPush(window);
        QVERIFY(job);
        QVERIFY2(whileSending(job, [&] { window.model()->reconnect(window.model()->registryIndex(host)); }),
                 "the push ended before it was caught sending");
        QVERIFY(window.model()->registryIndex(host).isValid()); // still listed

        JobsModel *jobs = window.jobsModel();
        QCOMPARE(jobs->state(0), JobsModel::State::Cancelled);
        QCOMPARE(jobs->index(0, 0).data(JobsModel::MessageRole).toString(),
                 QString(host + u" was reconnected with new settings"));
        QVERIFY(!jobs->canRetry(0));

        expectNothingPublished(job);
    }

private:
    static constexpr qint64 BigLayerBytes = 48 << 20;

    // Shows the registry, drops big.tar on drop/target and pushes it; the job.
    image::PushJob *startBigPush(MainWindow &window)
    {
        const QModelIndex repository = showRegistry(window, u"drop/target"_s);
        if (!repository.isValid() || !drop(window, repository, m_dir.filePath(u"big.tar"_s)))
            return nullptr;
        PushDialog *dialog = window.findChild<PushDialog *>();
        if (!dialog || !QTest::qWaitFor([dialog] { return dialog->hasPlan(); }, 30000) ||
            dialog->tag(0) != u"big")
            return nullptr;
        dialog->accept();
        return window.jobsModel()->jobCount() == 1 ? window.jobsModel()->job(0) : nullptr;
    }

    // Runs `act` once, from the job's progress report, while a blob is part sent; false
    // when the push ended before that.
    static bool whileSending(image::PushJob *job, const std::function<void()> &act)
    {
        const QPointer<image::PushJob> guard(job);
        QObject context;
        bool acted = false;
        connect(job, &image::PushJob::progress, &context, [&](qint64 done, qint64 total) {
            if (acted || guard->phase() != image::PushJob::Phase::Sending || done <= 0 ||
                done >= total)
                return;
            acted = true;
            act();
        });
        (void)QTest::qWaitFor([&] { return acted || !guard || !guard->isRunning(); }, 60000);
        return acted;
    }

    static bool writeFile(const QString &path, const QByteArray &bytes)
    {
        QFile file(path);
        return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
    }

    // After a cancelled push: it sends nothing more, and the registry got no tag and no
    // whole big layer, however long a push would have taken.
    void expectNothingPublished(const image::PushJob *job)
    {
        const qint64 doneThen = job->bytesDone();
        QTest::qWait(2000); // ample for the rest of 48 MiB over loopback
        QCOMPARE(job->bytesDone(), doneThen);

        const QString tags = m_registry.storageDir() +
                             u"/docker/registry/v2/repositories/drop/target/_manifests/tags/"_s;
        QVERIFY2(QFileInfo::exists(tags + u"old"), qPrintable(tags)); // the place is right
        QVERIFY(!QFileInfo::exists(tags + u"big"));
        Fixtures fixtures(m_registry);
        QVERIFY_RESULT(fixtures.skopeoInspectRaw(u"drop/target:old"_s));
        QVERIFY(!fixtures.skopeoInspectRaw(u"drop/target:big"_s));

        QDirIterator blobs(m_registry.storageDir() + u"/docker/registry/v2/blobs"_s,
                           {u"data"_s}, QDir::Files, QDirIterator::Subdirectories);
        while (blobs.hasNext()) {
            const QFileInfo blob(blobs.next());
            QVERIFY2(blob.size() < BigLayerBytes / 2, qPrintable(blob.filePath()));
        }
    }

    // The window showing the test registry expanded down to `repository`; its row.
    QModelIndex showRegistry(MainWindow &window, const QString &repository)
    {
        RegistryEntry entry;
        entry.config = m_registry.registryConfig();
        window.resize(1200, 800);
        window.show();
        if (!QTest::qWaitForWindowExposed(&window))
            return {};
        window.expandInTree(window.addRegistry(entry));
        QModelIndex row;
        (void)QTest::qWaitFor([&] {
            row = window.model()->repositoryIndex(m_registry.host(), repository);
            return row.isValid();
        }, 30000);
        if (row.isValid())
            window.tree()->scrollTo(window.toView(row));
        return row;
    }

    bool drop(MainWindow &window, const QModelIndex &modelIndex, const QString &path)
    {
        QWidget *viewport = window.tree()->viewport();
        const QRect rect = window.tree()->visualRect(window.toView(modelIndex));
        if (!rect.isValid())
            return false;
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(path)});
        QDragEnterEvent enter(rect.center(), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(viewport, &enter);
        if (!enter.isAccepted())
            return false;
        QDropEvent dropEvent(QPointF(rect.center()), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(viewport, &dropEvent);
        return dropEvent.isAccepted();
    }

    RegistryProcess m_registry;
    QTemporaryDir m_dir;
    QByteArray m_config;
};

QTEST_MAIN(TestPushDrop)
#include "tst_pushdrop.moc"
