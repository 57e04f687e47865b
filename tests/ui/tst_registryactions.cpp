// RegistryActions with its dialogs against the real registry, as a person would use them:
// adding a local registry (the scheme probe picks plain HTTP) with a password that never
// reaches the settings file, editing it, a certificate error resolved with the CA file and
// then by marking the registry insecure (badge on the node), a registry without a catalog
// whose repository is added by name, and removal. The tree is shown through the filter
// proxy and the delegate, as the main window shows it.
//
// With LADING_SCREENSHOT_DIR set, the dialogs and the tree are saved there as PNGs.

#include "addregistrydialog.h"
#include "addrepositorydialog.h"
#include "certificateerrordialog.h"
#include "registryactions.h"
#include "registryfilteredit.h"
#include "registryfilterproxy.h"
#include "registryliststore.h"
#include "registrysession.h"
#include "registrytreedelegate.h"
#include "registrytreemodel.h"
#include "registrytreeroles.h"
#include "roles.h"

#include "support/fixtures.h"
#include "support/registryprocess.h"

#include "oci/client/registryclient.h"
#include "oci/transport/transport.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QVBoxLayout>

#include <memory>

using namespace Qt::StringLiterals;
using Kind = ModelRoles::NodeKind;
using State = ModelRoles::NodeState;
using AuthMode = oci::RegistryConfig::AuthMode;

namespace {

constexpr int kLoadTimeoutMs = 60000;

State stateOf(const QModelIndex &index)
{
    return index.data(ModelRoles::StateRole).value<State>();
}

void saveScreenshot(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("LADING_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    widget->grab().save(dir + u'/' + name + u".png");
}

RegistrySession::Options sessionOptions()
{
    RegistrySession::Options options;
    options.dockerConfig = RegistrySession::DockerConfig::Ignore;
    // Never Lading's own keychain entries.
    options.keychainService = u"lading-test-registryactions"_s;
    return options;
}

// The window the actions belong to: a filter field over the tree, as in the main window.
struct Window
{
    Window()
        : session(sessionOptions())
        , model([this](const RegistryEntry &entry) { return session.createClient(entry); })
        , tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest)
    {
        tester.setUseFetchMore(false);
        oci::TransportOptions options = session.transport()->options();
        options.maxRetries = 1;
        options.transferTimeoutMs = 10000;
        session.transport()->setOptions(options);

        proxy.setSourceModel(&model);
        view = new QTreeView(&widget);
        view->setModel(&proxy);
        view->setItemDelegate(new RegistryTreeDelegate(view));
        view->setHeaderHidden(true);
        view->setUniformRowHeights(true);
        filter = new RegistryFilterEdit(&proxy, view, &widget);
        auto *layout = new QVBoxLayout(&widget);
        layout->addWidget(filter);
        layout->addWidget(view);
        widget.resize(420, 360);
        actions = std::make_unique<RegistryActions>(&model, &session, &widget);
    }

    ~Window()
    {
        // Dialogs and jobs go before the session's transport.
        actions.reset();
        view->setModel(nullptr);
    }

    template<typename Dialog>
    Dialog *openDialog()
    {
        Dialog *dialog = nullptr;
        // open() is window-modal and returns at once; the dialog shows on the next pass.
        if (!QTest::qWaitFor(
                [&] {
                    dialog = widget.findChild<Dialog *>();
                    return dialog && dialog->isVisible();
                },
                5000))
            return nullptr;
        return dialog;
    }

    void expandAll(const QModelIndex &sourceIndex)
    {
        for (QModelIndex i = proxy.mapFromSource(sourceIndex); i.isValid(); i = i.parent())
            view->expand(i);
    }

    RegistrySession session;
    RegistryTreeModel model;
    QAbstractItemModelTester tester;
    RegistryFilterProxy proxy;
    QWidget widget;
    QTreeView *view = nullptr;
    RegistryFilterEdit *filter = nullptr;
    std::unique_ptr<RegistryActions> actions;
};

QPushButton *okButton(QWidget *dialog)
{
    return dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
}

} // namespace

class TestRegistryActions final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }

    void addLocalRegistryWithAPassword()
    {
        REQUIRE_REGISTRY_TOOLS();
        RegistryProcess registry(RegistryProcess::Auth::Basic);
        QVERIFY2(registry.start(), qPrintable(registry.errorString()));
        Fixtures fixtures(registry);
        QVERIFY_RESULT(fixtures.pushOciImage(u"team/api"_s, u"1.0"_s));

        Window w;
        w.widget.show();
        QSignalSpy added(w.actions.get(), &RegistryActions::registryAdded);
        QSignalSpy listChanged(w.actions.get(), &RegistryActions::registryListChanged);
        w.actions->addRegistry();
        auto *dialog = w.openDialog<RegistryDialog>();
        QVERIFY(dialog);
        QCOMPARE(dialog->mode(), RegistryDialog::Mode::Add);

        // A loopback address without a scheme: the dialog asks, HTTPS fails, HTTP answers.
        auto *plainHttp = dialog->findChild<QCheckBox *>(u"plainHttpCheck"_s);
        QTest::keyClicks(dialog->findChild<QLineEdit *>(u"addressEdit"_s), registry.host());
        QVERIFY(!plainHttp->isChecked());
        QTRY_VERIFY_WITH_TIMEOUT(plainHttp->isChecked(), 20000);
        QVERIFY2(dialog->probeText().contains(u"plain HTTP"_s), qPrintable(dialog->probeText()));
        QVERIFY(!dialog->findChild<QLabel *>(u"probeLabel"_s)->isHidden());

        dialog->focusCredentials();
        QTest::keyClicks(dialog->findChild<QLineEdit *>(u"usernameEdit"_s), registry.username());
        QTest::keyClicks(dialog->findChild<QLineEdit *>(u"passwordEdit"_s), registry.password());
        QVERIFY(okButton(dialog)->isEnabled());
        saveScreenshot(dialog, u"registry-dialog-add"_s);
        QTest::mouseClick(okButton(dialog), Qt::LeftButton);

        QCOMPARE(added.count(), 1);
        QVERIFY(listChanged.count() >= 1);
        const QModelIndex index = added.at(0).at(0).value<QModelIndex>();
        QCOMPARE(index.model(), &w.model);
        const RegistryEntry entry = w.model.registries().constFirst();
        QCOMPARE(entry.config.host, registry.host());
        QVERIFY(entry.config.plainHttp);
        QCOMPARE(entry.config.authMode, AuthMode::Password);
        QCOMPARE(entry.username, registry.username());
        QVERIFY(w.session.hasPassword(registry.host()));
        QCOMPARE(
            index.data(RegistryTreeRoles::ConnectionRole).value<RegistryTreeRoles::Connection>(),
            RegistryTreeRoles::Connection::PlainHttp);
        QCOMPARE(RegistryTreeDelegate::badgeText(w.proxy.mapFromSource(index)), u"HTTP"_s);

        // The password signs in.
        w.expandAll(index);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(index), State::Loaded, kLoadTimeoutMs);
        QVERIFY(w.model.repositoryIndex(registry.host(), u"team/api"_s).isValid());

        // What the main window saves on registryListChanged(): the mode, never the secret.
        const RegistryListStore store(m_dir.filePath(u"added.conf"_s));
        QVERIFY(store.save(w.model.registries()).ok());
        QFile file(store.settingsFile());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray saved = file.readAll();
        QVERIFY(saved.contains(registry.host().toUtf8()));
        QVERIFY(saved.contains("auth=password"));
        QVERIFY(saved.contains(registry.username().toUtf8()));
        QVERIFY2(!saved.contains(registry.password().toUtf8()), saved.constData());
        QVERIFY(!saved.contains(registry.password().toUtf8().toBase64()));

        // Editing: anonymous now. The password is forgotten and the registry reconnects.
        w.actions->editRegistry(w.proxy.mapFromSource(index)); // a proxy index works
        auto *edit = w.openDialog<RegistryDialog>();
        QVERIFY(edit);
        QCOMPARE(edit->mode(), RegistryDialog::Mode::Edit);
        QVERIFY(edit->findChild<QCheckBox *>(u"plainHttpCheck"_s)->isChecked());
        saveScreenshot(edit, u"registry-dialog-edit"_s);
        edit->findChild<QRadioButton *>(u"authAnonymousRadio"_s)->setChecked(true);
        QTest::mouseClick(okButton(edit), Qt::LeftButton);
        QCOMPARE(w.model.registries().constFirst().config.authMode, AuthMode::Anonymous);
        QVERIFY(w.model.registries().constFirst().username.isEmpty());
        QVERIFY(!w.session.hasPassword(registry.host()));
        QTRY_VERIFY_WITH_TIMEOUT(stateOf(index) == State::Failed, kLoadTimeoutMs);
        QCOMPARE(index.data(ModelRoles::ErrorCodeRole).toInt(),
                 int(oci::Error::Code::Unauthorized));

        // Removing asks first; "Yes" removes it.
        w.actions->removeRegistry(index);
        auto *question = w.openDialog<QMessageBox>();
        QVERIFY(question);
        QVERIFY(question->text().contains(registry.host()));
        QTest::mouseClick(question->button(QMessageBox::Yes), Qt::LeftButton);
        QTRY_COMPARE(w.model.rowCount(), 0);
    }

    void certificateProblemResolved()
    {
        REQUIRE_REGISTRY_TOOLS();
        RegistryProcess registry(RegistryProcess::Auth::Anonymous, RegistryProcess::Tls::On);
        QVERIFY2(registry.start(), qPrintable(registry.errorString()));
        Fixtures fixtures(registry);
        QVERIFY_RESULT(fixtures.pushOciImage(u"secure/app"_s, u"1.0"_s));

        Window w;
        w.widget.show();
        RegistryEntry entry;
        entry.config.host = registry.host(); // https, the system's trust store only
        entry.config.authMode = AuthMode::Anonymous;
        const QModelIndex index = w.actions->applyNewRegistry(entry, QString(), false);
        w.expandAll(index);
        QTRY_VERIFY_WITH_TIMEOUT(stateOf(index) == State::Failed, kLoadTimeoutMs);
        QVERIFY(w.actions->canResolveCertificateProblem(index));
        QTest::qWait(50);
        saveScreenshot(&w.widget, u"tree-certificate-error"_s);

        // The context menu offers it.
        QMenu menu;
        w.actions->addContextMenuActions(&menu, w.proxy.mapFromSource(index));
        QStringList texts;
        const QList<QAction *> menuActions = menu.actions();
        for (const QAction *action : menuActions)
            texts << action->text();
        QVERIFY2(texts.contains(u"Resolve &Certificate Problem…"_s), qPrintable(texts.join(u'|')));
        QVERIFY(texts.contains(u"Add Re&pository…"_s));
        QVERIFY(texts.contains(u"&Edit Registry…"_s));
        QVERIFY(texts.contains(u"Re&move Registry"_s));

        // Activating the error row opens the dialog, which names the certificate.
        const QModelIndex message = w.model.index(0, 0, index);
        QCOMPARE(message.data(ModelRoles::NodeKindRole).value<Kind>(), Kind::Message);
        QVERIFY(w.actions->activate(w.proxy.mapFromSource(message)));
        auto *dialog = w.openDialog<CertificateErrorDialog>();
        QVERIFY(dialog);
        const QString details =
            dialog->findChild<QPlainTextEdit *>(u"certificateDetails"_s)->toPlainText();
        QVERIFY2(details.contains(u"issued by Lading test CA"_s), qPrintable(details));
        dialog->setCaFile(registry.caFile());
        saveScreenshot(dialog, u"certificate-dialog"_s);
        QSignalSpy listChanged(w.actions.get(), &RegistryActions::registryListChanged);
        QTest::mouseClick(okButton(dialog), Qt::LeftButton);
        QVERIFY(listChanged.count() >= 1);
        QCOMPARE(w.model.registries().constFirst().config.caFile, registry.caFile());
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(index), State::Loaded, kLoadTimeoutMs);
        QVERIFY(w.model.repositoryIndex(registry.host(), u"secure/app"_s).isValid());
        QVERIFY(!w.actions->canResolveCertificateProblem(index));

        // Without the CA file it fails again; this time: insecure, with its badge.
        entry.config.caFile.clear();
        w.actions->applyEditedRegistry(index, entry, QString(), false);
        QTRY_VERIFY_WITH_TIMEOUT(stateOf(index) == State::Failed, kLoadTimeoutMs);
        w.actions->resolveCertificateProblem(index);
        dialog = w.openDialog<CertificateErrorDialog>();
        QVERIFY(dialog);
        dialog->setChoice(CertificateErrorDialog::Choice::Insecure);
        QVERIFY(!dialog->findChild<QLabel *>(u"insecureWarning"_s)->isHidden());
        saveScreenshot(dialog, u"certificate-dialog-insecure"_s);
        QTest::mouseClick(okButton(dialog), Qt::LeftButton);
        QVERIFY(w.model.registries().constFirst().config.insecureSkipTlsVerify);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(index), State::Loaded, kLoadTimeoutMs);
        QCOMPARE(RegistryTreeDelegate::badgeText(w.proxy.mapFromSource(index)), u"insecure"_s);
        w.expandAll(w.model.repositoryIndex(registry.host(), u"secure/app"_s));
        QTest::qWait(50);
        saveScreenshot(&w.widget, u"tree-insecure-badge"_s);
    }

    void registryWithoutACatalog()
    {
        REQUIRE_REGISTRY_TOOLS();
        // Token auth: the catalog is refused to anonymous users, public/* can be pulled.
        RegistryProcess registry(RegistryProcess::Auth::Token);
        QVERIFY2(registry.start(), qPrintable(registry.errorString()));
        Fixtures fixtures(registry);
        const auto image = fixtures.pushOciImage(u"public/hello"_s, u"1.0"_s);
        QVERIFY_RESULT(image);
        QVERIFY_RESULT(fixtures.pushManyTags(*image, 11, u"v"_s));
        QVERIFY_RESULT(fixtures.pushOciImage(u"public/world"_s, u"2.0"_s));

        Window w;
        w.widget.show();
        RegistryEntry entry;
        entry.config = registry.registryConfig();
        entry.config.authMode = AuthMode::Anonymous;
        const QModelIndex index = w.actions->applyNewRegistry(entry, QString(), false);
        w.expandAll(index);
        QTRY_VERIFY_WITH_TIMEOUT(stateOf(index) == State::Unsupported, kLoadTimeoutMs);

        // Activating the explanation asks for a repository by name.
        QSignalSpy repositoryAdded(w.actions.get(), &RegistryActions::repositoryAdded);
        QVERIFY(w.actions->activate(w.proxy.mapFromSource(w.model.index(0, 0, index))));
        auto *dialog = w.openDialog<AddRepositoryDialog>();
        QVERIFY(dialog);
        QTest::keyClicks(dialog->findChild<QLineEdit *>(u"repositoryEdit"_s), u"public/hello"_s);
        saveScreenshot(dialog, u"add-repository-dialog"_s);
        QTest::mouseClick(okButton(dialog), Qt::LeftButton);
        QCOMPARE(repositoryAdded.count(), 1);
        const QModelIndex hello = repositoryAdded.at(0).at(0).value<QModelIndex>();
        QCOMPARE(hello.data(ModelRoles::RepositoryRole).toString(), u"public/hello"_s);
        QCOMPARE(w.model.registries().constFirst().repositories, QStringList{u"public/hello"_s});

        // A second by the context menu's way; the tags and their count load.
        w.actions->addRepository(index);
        dialog = w.openDialog<AddRepositoryDialog>();
        QVERIFY(dialog);
        QTest::keyClicks(dialog->findChild<QLineEdit *>(u"repositoryEdit"_s), u"public/world"_s);
        QTest::mouseClick(okButton(dialog), Qt::LeftButton);
        QCOMPARE(repositoryAdded.count(), 2);
        w.expandAll(hello);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(hello), State::Loaded, kLoadTimeoutMs);
        QCOMPARE(RegistryTreeDelegate::badgeText(w.proxy.mapFromSource(hello)), u"12"_s);
        w.view->collapse(w.proxy.mapFromSource(hello));
        const QModelIndex world = w.model.repositoryIndex(registry.host(), u"public/world"_s);
        w.model.fetchMore(world);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(world), State::Loaded, kLoadTimeoutMs);
        QTest::qWait(50);
        saveScreenshot(&w.widget, u"tree-added-by-name"_s);

        // The filter, debounced: nothing changes until the pause is over.
        QTest::keyClicks(w.filter, u"WOR"_s);
        QVERIFY(w.filter->isPending());
        QVERIFY(!w.proxy.isFiltering());
        QTRY_VERIFY(!w.filter->isPending());
        QCOMPARE(w.proxy.filterText(), u"WOR"_s);
        const QModelIndex proxyRegistry = w.proxy.index(0, 0);
        const QModelIndex proxyPublic = w.proxy.index(0, 0, proxyRegistry);
        QCOMPARE(w.proxy.rowCount(proxyPublic), 1);
        QCOMPARE(w.proxy.index(0, 0, proxyPublic).data().toString(), u"world"_s);
        QVERIFY(w.view->isExpanded(proxyPublic)); // opened down to the match
        QTest::qWait(50);
        saveScreenshot(&w.widget, u"tree-filtered"_s);
        QTest::keyClick(w.filter, Qt::Key_Escape);
        QVERIFY(w.filter->text().isEmpty());
        QVERIFY(!w.proxy.isFiltering());

        // Forgetting from the context menu of the repository.
        QMenu menu;
        w.actions->addContextMenuActions(&menu, w.proxy.mapFromSource(hello));
        QCOMPARE(menu.actions().constLast()->text(), u"&Forget Repository"_s);
        menu.actions().constLast()->trigger();
        QVERIFY(!w.model.repositoryIndex(registry.host(), u"public/hello"_s).isValid());
        QCOMPARE(w.model.registries().constFirst().repositories, QStringList{u"public/world"_s});
    }
};

QTEST_MAIN(TestRegistryActions)
#include "tst_registryactions.moc"
