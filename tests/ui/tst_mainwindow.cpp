// Smoke test of the main window on the offscreen platform against the real registry: the
// empty state, a registry added with a password, a repository's tag table with details,
// a tag opened in the inspector from the table and from the tree, the list and the
// splitter remembered, the password not.

#include "mainwindow.h"
#include "manifestpanel.h"
#include "registryfilteredit.h"
#include "registrytreemodel.h"
#include "registrytreeroles.h"
#include "repositorypage.h"
#include "roles.h"
#include "tagtablemodel.h"
#include "tagtablereferrers.h"
#include "tagtableview.h"

#include "support/fixtures.h"
#include "support/registryprocess.h"

#include <QFile>
#include <QMenuBar>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

#include <memory>

using namespace Qt::StringLiterals;
using State = ModelRoles::NodeState;

namespace {

constexpr int kLoadTimeoutMs = 60000;

State stateOf(const QModelIndex &index)
{
    return index.data(ModelRoles::StateRole).value<State>();
}

QStringList menuTitles(const QMenuBar *bar)
{
    QStringList titles;
    const QList<QAction *> actions = bar->actions();
    for (const QAction *action : actions)
        titles << action->text();
    return titles;
}

} // namespace

class TestMainWindow final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<RegistryProcess> m_registry;
    SeededImage m_image;

    QString settingsFile() const { return m_dir.filePath(u"lading.conf"_s); }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }

    void emptyState()
    {
        MainWindow window(m_dir.filePath(u"empty.conf"_s));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(!window.hasRegistries());
        auto *central = qobject_cast<QStackedWidget *>(window.centralWidget());
        QVERIFY(central);
        QCOMPARE(central->currentWidget()->objectName(), u"emptyState"_s);
        QCOMPARE(menuTitles(window.menuBar()), (QStringList{u"&File"_s, u"&View"_s, u"&Tags"_s, u"&Help"_s}));
        QVERIFY(!window.grab().isNull());
    }

    void browseToAManifest()
    {
        REQUIRE_REGISTRY_TOOLS();
        m_registry = std::make_unique<RegistryProcess>(RegistryProcess::Auth::Basic);
        QVERIFY2(m_registry->start(), qPrintable(m_registry->errorString()));
        Fixtures fixtures(*m_registry);
        const auto image = fixtures.pushOciImage(u"demo/apps/web"_s, u"2.0"_s);
        QVERIFY_RESULT(image);
        m_image = *image;

        MainWindow window(settingsFile());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        RegistryEntry entry;
        entry.config = m_registry->registryConfig();
        entry.config.authMode = oci::RegistryConfig::AuthMode::Password;
        entry.username = m_registry->username();
        const QModelIndex registry = window.addRegistry(entry, m_registry->password());
        auto *central = qobject_cast<QStackedWidget *>(window.centralWidget());
        QCOMPARE(central->currentWidget()->objectName(), u"mainSplitter"_s);

        // Expanding in the view loads; the password from this session is used.
        window.expandInTree(registry);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(registry), State::Loaded, kLoadTimeoutMs);
        const QModelIndex repository =
            window.model()->repositoryIndex(m_registry->host(), u"demo/apps/web"_s);
        QVERIFY(repository.isValid());
        window.expandInTree(repository.parent().parent());
        window.expandInTree(repository.parent());
        // The tree filters as you type; selecting a row the filter hides clears it.
        RegistryFilterEdit *filter = window.treeFilterEdit();
        filter->setText(u"apps/w"_s);
        filter->applyNow();
        QVERIFY(window.toView(repository).isValid());
        filter->setText(u"no such thing"_s);
        filter->applyNow();
        QVERIFY(!window.toView(repository).isValid());

        // Selecting a repository shows its tag table, details included.
        window.selectInTree(repository);
        QVERIFY(filter->text().isEmpty());
        QCOMPARE(window.currentTreeIndex(), QModelIndex(repository));
        QVERIFY(window.isRepositoryShown());
        RepositoryPage *page = window.repositoryPage();
        QCOMPARE(page->repository(), u"demo/apps/web"_s);
        TagTableModel *tags = page->model();
        QTRY_VERIFY_WITH_TIMEOUT(!tags->isLoadingDetails() && tags->rowCount() == 1,
                                 kLoadTimeoutMs);
        const int row = tags->rowOfTag(u"2.0"_s);
        QCOMPARE(tags->index(row, TagTableModel::DigestColumn).data().toString(),
                 m_image.digest.shortString());
        QCOMPARE(tags->index(row, TagTableModel::TypeColumn).data().toString(), u"OCI image"_s);
        QVERIFY(!tags->index(row, TagTableModel::CreatedColumn).data().toString().isEmpty());
        QVERIFY(page->view()->isVisible());
        QCOMPARE(repository.data(RegistryTreeRoles::TagCountRole).toInt(), 1);

        // Selecting the tag in the table opens it in the inspector.
        ManifestPanel *panel = window.manifestPanel();
        QVERIFY(page->view()->selectTag(u"2.0"_s));
        QTRY_VERIFY_WITH_TIMEOUT(panel->isManifestShown(), kLoadTimeoutMs);
        const QString reference = m_registry->host() + u"/demo/apps/web:2.0";
        QCOMPARE(panel->reference(), reference);
        QCOMPARE(panel->digest(), m_image.digest.toString());
        const QString text = panel->manifestText();
        QVERIFY2(text.contains(u"\"schemaVersion\": 2"_s), qPrintable(text));
        QVERIFY2(text.contains(m_image.configDigest.toString()), qPrintable(text));
        QTRY_COMPARE_WITH_TIMEOUT(page->referrers()->state(), TagReferrersModel::State::Loaded,
                                  kLoadTimeoutMs);
        QCOMPARE(page->referrers()->rowCount(), 0);

        // A tag chosen in the tree is selected in the table.
        page->view()->clearSelection();
        page->view()->setCurrentIndex(QModelIndex());
        window.expandInTree(repository);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(repository), State::Loaded, kLoadTimeoutMs);
        const QModelIndex tag =
            window.model()->tagIndex(m_registry->host(), u"demo/apps/web"_s, u"2.0"_s);
        QVERIFY(tag.isValid());
        window.selectInTree(tag);
        QCOMPARE(page->currentTag(), u"2.0"_s);
        QTRY_VERIFY_WITH_TIMEOUT(panel->isManifestShown(), kLoadTimeoutMs);

        // Selecting a registry shows a hint instead.
        window.selectInTree(registry);
        QVERIFY(!window.isRepositoryShown());
        QVERIFY(!window.hintText().isEmpty());

        window.findChild<QSplitter *>(u"mainSplitter"_s)->setSizes({300, 700});
        window.close(); // saves the window state
        QVERIFY(!window.grab().isNull());

        // Removing the registry (not saved: the next test reads the list) lets go of the
        // repository and its requests before its client goes.
        window.selectInTree(repository);
        QVERIFY(window.isRepositoryShown());
        window.model()->removeRegistry(registry);
        QVERIFY(page->repository().isEmpty());
        QVERIFY(!window.isRepositoryShown());
        QCOMPARE(tags->rowCount(), 0);
    }

    void rememberedWithoutPassword()
    {
        if (!m_registry)
            QSKIP("needs browseToAManifest");
        QFile file(settingsFile());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray saved = file.readAll();
        QVERIFY(saved.contains(m_registry->host().toUtf8()));
        QVERIFY(saved.contains(m_registry->username().toUtf8()));
        QVERIFY(!saved.contains(m_registry->password().toUtf8()));

        MainWindow window(settingsFile());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.hasRegistries());
        QCOMPARE(window.findChild<QSplitter *>(u"mainSplitter"_s)->sizes().constFirst(), 300);

        // The password lived only as long as the previous window's session.
        const QModelIndex registry = window.model()->registryIndex(m_registry->host());
        QVERIFY(registry.isValid());
        window.expandInTree(registry);
        QTRY_VERIFY_WITH_TIMEOUT(stateOf(registry) != State::Loading &&
                                     stateOf(registry) != State::NotLoaded,
                                 kLoadTimeoutMs);
        QCOMPARE(stateOf(registry), State::Failed);
        QCOMPARE(registry.data(ModelRoles::ErrorCodeRole).toInt(),
                 int(oci::Error::Code::Unauthorized));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
