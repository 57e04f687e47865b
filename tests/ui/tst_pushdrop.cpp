// Drag and drop onto the main window, offscreen, with real QDropEvents carrying file URLs,
// against the real registry: a legacy docker save dropped on a repository opens the push
// dialog for that repository, its push runs in the jobs panel and lands (skopeo reads it
// back, the tree knows the tag); dropped on the registry, the dialog asks for a repository
// name; dropped on empty space, the image opens for a look instead.

#include "../push/pushtestdata.h"

#include "jobsmodel.h"
#include "localimagepage.h"
#include "mainwindow.h"
#include "pushdialog.h"
#include "registrytreemodel.h"
#include "roles.h"

#include "image/push/pushjob.h"
#include "support/fixtures.h"
#include "support/registryprocess.h"

#include <QDockWidget>
#include <QFile>
#include <QLineEdit>
#include <QMimeData>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

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
        QFile file(m_dir.filePath(u"dropped.tar"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(archive.tar);
        file.close();
        m_config = archive.config;
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

private:
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
