// The main window's operations on tags, offscreen, against the real registry: the tag
// table's selection drives Add Tags… / Copy To… / Delete… (one tag, several), the actions
// open their dialogs for the selection, tag rows dropped on a repository open the copy
// dialog aimed there, and a retag through the window shows the new tag in the table.

#include "mainwindow.h"
#include "registrytreemodel.h"
#include "repositorypage.h"
#include "roles.h"
#include "tagtablemodel.h"
#include "tagtableproxymodel.h"
#include "tagtableview.h"

#include "diff/comparewindow.h"
#include "diff/imagepairdialog.h"
#include "image/diff/job/imagediff.h"
#include "ops/delete/deletedialog.h"
#include "ops/journal/journalwindow.h"
#include "ops/transfer/addtagsdialog.h"
#include "ops/transfer/copydialog.h"
#include "ops/transfer/tagdragpayload.h"

#include "support/fixtures.h"
#include "support/registryprocess.h"
#include "support/signalwait.h"

#include <QAction>
#include <QItemSelectionModel>
#include <QMimeData>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace Qt::StringLiterals;

class TestMainWindowOps final : public QObject
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
        for (const QString &tag : {u"1.0"_s, u"1.1"_s, u"latest"_s})
            QVERIFY_RESULT(fixtures.pushOciImage(u"ops/app"_s, tag));
        QVERIFY_RESULT(fixtures.pushOciImage(u"ops/other"_s, u"keep"_s));
        QVERIFY_RESULT(fixtures.pushOciImage(u"ops/compare"_s, u"a"_s));
        QVERIFY_RESULT(fixtures.pushOciImage(u"ops/compare"_s, u"b"_s));
    }

    void actionsFollowTheSelection()
    {
        MainWindow window(m_dir.filePath(u"selection.ini"_s));
        QVERIFY(showTags(window, u"ops/app"_s, 3));
        select(window, {u"1.0"_s, u"latest"_s});
        QCOMPARE(window.repositoryPage()->selectedTags(), (QStringList{u"1.0"_s, u"latest"_s}));
        QVERIFY(window.deleteTagsAction()->isEnabled());
        QCOMPARE(window.deleteTagsAction()->text(), u"&Delete 2 Tags…"_s);
        QVERIFY(window.copyTagsAction()->isEnabled());
        QVERIFY(!window.addTagsAction()->isEnabled()); // one image at a time
        select(window, {u"1.1"_s});
        QVERIFY(window.addTagsAction()->isEnabled());
        QCOMPARE(window.deleteTagsAction()->text(), u"&Delete…"_s);
        QVERIFY(window.cleanUpAction()->isEnabled());
        // Delete works from the table's keyboard focus only (a text field keeps its key).
        QCOMPARE(window.deleteTagsAction()->shortcutContext(), Qt::WidgetShortcut);
        QVERIFY(window.repositoryPage()->view()->actions().contains(window.deleteTagsAction()));

        // Listing the tags again (after a deletion, say) resets the table and its selection
        // without selectionChanged: nothing stays offered for rows that are gone.
        select(window, {u"1.0"_s, u"latest"_s});
        QVERIFY(window.deleteTagsAction()->isEnabled());
        window.repositoryPage()->reload();
        QVERIFY(window.repositoryPage()->selectedTags().isEmpty());
        QVERIFY(!window.deleteTagsAction()->isEnabled());
        QVERIFY(!window.copyTagsAction()->isEnabled());
    }

    void deleteOpensThePlanForTheSelection()
    {
        MainWindow window(m_dir.filePath(u"delete.ini"_s));
        QVERIFY(showTags(window, u"ops/app"_s, 3));
        select(window, {u"1.1"_s, u"latest"_s});
        window.deleteTagsAction()->trigger();
        auto *dialog = window.findChild<DeleteDialog *>();
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        QCOMPARE(dialog->selectedTags(), (QStringList{u"1.1"_s, u"latest"_s}));
        QVERIFY(!dialog->selectsEveryTag());
        dialog->reject();
    }

    void tagsDroppedOnARepositoryOpenTheCopyDialog()
    {
        MainWindow window(m_dir.filePath(u"drop.ini"_s));
        QVERIFY(showTags(window, u"ops/app"_s, 3));
        const QModelIndex other = window.model()->repositoryIndex(m_registry.host(), u"ops/other"_s);
        QVERIFY(other.isValid());
        window.tree()->scrollTo(window.toView(other));
        std::unique_ptr<QMimeData> mime(
            TagDragPayload::encode(m_registry.host(), u"ops/app"_s, {u"1.1"_s}));
        QVERIFY(drop(window, other, mime.get()));
        auto *dialog = window.findChild<CopyDialog *>();
        QVERIFY(dialog);
        QCOMPARE(dialog->targetHost(), m_registry.host());
        QCOMPARE(dialog->targetRepository(), u"ops/other"_s);
        QCOMPARE(dialog->targetTag(), u"1.1"_s);
        QVERIFY(dialog->isSameRegistry());
        dialog->reject();

        // A file is not a tag: the push path still takes it (and plain text is refused).
        QMimeData text;
        text.setText(m_registry.host() + u"/ops/app:1.1"_s);
        QVERIFY(!drop(window, other, &text));
    }

    void addedTagsShowUpInTheTable()
    {
        MainWindow window(m_dir.filePath(u"retag.ini"_s));
        QVERIFY(showTags(window, u"ops/app"_s, 3));
        select(window, {u"1.1"_s});
        window.addTagsAction()->trigger();
        auto *dialog = window.findChild<AddTagsDialog *>();
        QVERIFY(dialog);
        dialog->setTagsText(u"stable"_s);
        QVERIFY(testsupport::waitFor(dialog, &AddTagsDialog::stateChanged, [&] {
            return dialog->state() == AddTagsDialog::State::Ready;
        }, 30000));
        dialog->accept();
        TagTableModel *tags = window.repositoryPage()->model();
        QVERIFY(QTest::qWaitFor([&] { return rowOf(tags, u"stable"_s) >= 0; }, 30000));
        QCOMPARE(tags->rowCount(), 4);
        Fixtures fixtures(m_registry);
        const auto listed = fixtures.skopeoListTags(u"ops/app"_s);
        QVERIFY_RESULT(listed);
        QVERIFY(listed.value().contains(u"stable"_s));
    }

    void twoSelectedTagsCompare()
    {
        MainWindow window(m_dir.filePath(u"compare.ini"_s));
        QVERIFY(showTags(window, u"ops/compare"_s, 2));
        select(window, {u"a"_s});
        QCOMPARE(window.compareAction()->text(), u"Co&mpare With…"_s);
        window.compareAction()->trigger();
        auto *pair = window.findChild<ImagePairDialog *>();
        QVERIFY(pair);
        QCOMPARE(pair->firstText(), QString(m_registry.host() + u"/ops/compare:a"_s));
        pair->reject();

        select(window, {u"a"_s, u"b"_s});
        QVERIFY(window.compareAction()->isEnabled());
        QCOMPARE(window.compareAction()->text(), u"Co&mpare"_s);
        window.compareAction()->trigger();
        auto *compare = window.findChild<CompareWindow *>();
        QVERIFY(compare);
        QVERIFY(compare->isVisible());
        QVERIFY(testsupport::waitFor(compare, &CompareWindow::finished,
                                     [&] { return compare->result() != nullptr; }, 60000));
        // The fixture pushes one image under every tag: the same digest, nothing differs.
        QVERIFY(compare->result()->noDifferences());
        compare->close();
    }

    void oneJournalWindow()
    {
        MainWindow window(m_dir.filePath(u"journal.ini"_s));
        JournalWindow *journal = window.showJournal();
        QVERIFY(journal);
        QVERIFY(journal->isVisible());
        QCOMPARE(window.showJournal(), journal);
        journal->close(); // deletes itself
        QVERIFY(QTest::qWaitFor([&] { return window.findChild<JournalWindow *>() == nullptr; }, 5000));
        QVERIFY(window.showJournal() != nullptr);
    }

private:
    bool showTags(MainWindow &window, const QString &repository, int count)
    {
        RegistryEntry entry;
        entry.config = m_registry.registryConfig();
        window.resize(1200, 800);
        window.show();
        if (!QTest::qWaitForWindowExposed(&window))
            return false;
        window.expandInTree(window.addRegistry(entry));
        QModelIndex row;
        if (!QTest::qWaitFor([&] {
                row = window.model()->repositoryIndex(m_registry.host(), repository);
                return row.isValid();
            }, 30000)) {
            return false;
        }
        window.selectInTree(row);
        TagTableModel *tags = window.repositoryPage()->model();
        return QTest::qWaitFor([&] { return tags->rowCount() == count; }, 30000);
    }

    static int rowOf(const TagTableModel *tags, const QString &tag)
    {
        for (int row = 0; row < tags->rowCount(); ++row) {
            if (tags->index(row, 0).data(ModelRoles::TagRole).toString() == tag)
                return row;
        }
        return -1;
    }

    static void select(MainWindow &window, const QStringList &tagsToSelect)
    {
        TagTableView *view = window.repositoryPage()->view();
        TagTableProxyModel *proxy = window.repositoryPage()->proxy();
        view->clearSelection();
        for (const QString &tag : tagsToSelect) {
            const int source = rowOf(window.repositoryPage()->model(), tag);
            const QModelIndex index = proxy->mapFromSource(window.repositoryPage()->model()->index(source, 0));
            view->selectionModel()->setCurrentIndex(
                index, QItemSelectionModel::Select | QItemSelectionModel::Rows);
        }
    }

    static bool drop(MainWindow &window, const QModelIndex &modelIndex, QMimeData *mime)
    {
        QWidget *viewport = window.tree()->viewport();
        const QRect rect = window.tree()->visualRect(window.toView(modelIndex));
        if (!rect.isValid())
            return false;
        QDragEnterEvent enter(rect.center(), Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(viewport, &enter);
        if (!enter.isAccepted())
            return false;
        QDropEvent dropEvent(QPointF(rect.center()), Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(viewport, &dropEvent);
        return dropEvent.isAccepted();
    }

    RegistryProcess m_registry;
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestMainWindowOps)
#include "tst_mainwindowops.moc"
