// The registry dialog, adding and editing: what it accepts, what it refuses and says, what it
// returns (the auth mode and the TLS choice in the entry, the secret only through password()).

#include "addregistrydialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QTemporaryFile>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

using AuthMode = oci::RegistryConfig::AuthMode;

struct DialogUnderTest
{
    explicit DialogUnderTest(const QStringList &existing = {}) : dialog(existing) { find(); }
    explicit DialogUnderTest(const RegistryEntry &entry) : dialog(entry) { find(); }

    void find()
    {
        address = dialog.findChild<QLineEdit *>(u"addressEdit"_s);
        plainHttp = dialog.findChild<QCheckBox *>(u"plainHttpCheck"_s);
        tlsSystem = dialog.findChild<QRadioButton *>(u"tlsSystemRadio"_s);
        tlsCaFile = dialog.findChild<QRadioButton *>(u"caFileRadio"_s);
        insecure = dialog.findChild<QRadioButton *>(u"insecureRadio"_s);
        insecureWarning = dialog.findChild<QLabel *>(u"insecureWarning"_s);
        caFile = dialog.findChild<QLineEdit *>(u"caFileEdit"_s);
        authDocker = dialog.findChild<QRadioButton *>(u"authDockerRadio"_s);
        authPassword = dialog.findChild<QRadioButton *>(u"authPasswordRadio"_s);
        authAnonymous = dialog.findChild<QRadioButton *>(u"authAnonymousRadio"_s);
        username = dialog.findChild<QLineEdit *>(u"usernameEdit"_s);
        password = dialog.findChild<QLineEdit *>(u"passwordEdit"_s);
        remember = dialog.findChild<QCheckBox *>(u"rememberCheck"_s);
        problem = dialog.findChild<QLabel *>(u"problemLabel"_s);
        ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    }

    void typeAddress(const QString &text)
    {
        address->selectAll();
        QTest::keyClick(address, Qt::Key_Backspace);
        QTest::keyClicks(address, text);
    }

    RegistryDialog dialog;
    QLineEdit *address = nullptr;
    QCheckBox *plainHttp = nullptr;
    QRadioButton *tlsSystem = nullptr;
    QRadioButton *tlsCaFile = nullptr;
    QRadioButton *insecure = nullptr;
    QLabel *insecureWarning = nullptr;
    QLineEdit *caFile = nullptr;
    QRadioButton *authDocker = nullptr;
    QRadioButton *authPassword = nullptr;
    QRadioButton *authAnonymous = nullptr;
    QLineEdit *username = nullptr;
    QLineEdit *password = nullptr;
    QCheckBox *remember = nullptr;
    QLabel *problem = nullptr;
    QPushButton *ok = nullptr;
};

} // namespace

class TestAddRegistryDialog final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void startsQuietAndDisabled()
    {
        DialogUnderTest t;
        QVERIFY(t.address && t.plainHttp && t.tlsSystem && t.tlsCaFile && t.insecure &&
                t.insecureWarning && t.caFile && t.authDocker && t.authPassword &&
                t.authAnonymous && t.username && t.password && t.remember && t.problem);
        QCOMPARE(t.dialog.mode(), RegistryDialog::Mode::Add);
        QVERIFY(!t.ok->isEnabled());
        // Defaults: verified HTTPS, Docker's credentials (what "docker pull" would use).
        QVERIFY(t.tlsSystem->isChecked());
        QVERIFY(t.authDocker->isChecked());
        QVERIFY(!t.username->isEnabled());
        QVERIFY(t.problem->text().isEmpty()); // nothing typed yet: no scolding
        QVERIFY(!t.dialog.problem().isEmpty());
        QCOMPARE(t.password->echoMode(), QLineEdit::Password);
    }

    void refusesWithASentence_data()
    {
        QTest::addColumn<QString>("address");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("path") << u"ghcr.io/org/image"_s << u"without a repository path"_s;
        QTest::newRow("scheme") << u"ftp://example.com"_s << u"http:// and https://"_s;
        QTest::newRow("user info") << u"https://me:pw@ghcr.io"_s << u"in their own fields"_s;
        QTest::newRow("host") << u"bad_host"_s << u"“bad_host” is not a valid host name"_s;
        QTest::newRow("port") << u"localhost:99999"_s << u"from 1 to 65535"_s;
        QTest::newRow("duplicate") << u"https://ghcr.io"_s << u"ghcr.io is already in the list"_s;
    }

    void refusesWithASentence()
    {
        QFETCH(QString, address);
        QFETCH(QString, mentions);
        DialogUnderTest t(QStringList{u"ghcr.io"_s});
        t.dialog.show();
        t.typeAddress(address);
        QVERIFY(!t.ok->isEnabled());
        QVERIFY2(t.problem->text().contains(mentions), qPrintable(t.problem->text()));
        QVERIFY(t.problem->text().endsWith(u'.'));
        // Accepting anyway keeps the dialog open.
        t.dialog.accept();
        QCOMPARE(t.dialog.result(), int(QDialog::Rejected));
        QVERIFY(t.dialog.isVisible());
    }

    void httpAddressSetsPlainHttp()
    {
        DialogUnderTest t;
        t.typeAddress(u"http://127.0.0.1:5000"_s);
        QVERIFY(t.ok->isEnabled());
        QVERIFY(t.problem->text().isEmpty());
        QVERIFY(t.plainHttp->isChecked());
        QVERIFY(!t.plainHttp->isEnabled()); // the address decides
        QVERIFY(!t.insecure->isEnabled());  // no TLS to verify
        const RegistryEntry entry = t.dialog.entry();
        QCOMPARE(entry.config.host, u"127.0.0.1:5000"_s);
        QVERIFY(entry.config.plainHttp);
        QVERIFY(!entry.config.insecureSkipTlsVerify);

        t.typeAddress(u"https://ghcr.io"_s);
        QVERIFY(!t.plainHttp->isChecked());
        QVERIFY(!t.dialog.entry().config.plainHttp);
    }

    void schemelessAddressLeavesTheChoice()
    {
        DialogUnderTest t;
        t.typeAddress(u"localhost:5000"_s);
        QVERIFY(t.plainHttp->isEnabled());
        QVERIFY(!t.dialog.entry().config.plainHttp); // https unless asked otherwise
        t.plainHttp->setChecked(true);
        QVERIFY(t.dialog.entry().config.plainHttp);
        QCOMPARE(t.dialog.entry().config.host, u"localhost:5000"_s);
    }

    void credentials()
    {
        DialogUnderTest t;
        t.typeAddress(u"registry.example.com"_s);
        QVERIFY(t.ok->isEnabled());
        QCOMPARE(t.dialog.entry().config.authMode, AuthMode::DockerCredentials);
        // Choosing a password sign-in asks for both.
        t.authPassword->setChecked(true);
        QVERIFY(t.username->isEnabled());
        QVERIFY(!t.ok->isEnabled());
        QVERIFY2(t.problem->text().contains(u"user name and a password"_s),
                 qPrintable(t.problem->text()));
        QTest::keyClicks(t.password, u"hunter2"_s);
        QVERIFY(!t.ok->isEnabled());
        QVERIFY2(t.problem->text().contains(u"user name"_s), qPrintable(t.problem->text()));
        QTest::keyClicks(t.username, u"alice"_s);
        QVERIFY(t.ok->isEnabled());
        const RegistryEntry entry = t.dialog.entry();
        QCOMPARE(entry.config.authMode, AuthMode::Password);
        QCOMPARE(entry.username, u"alice"_s);
        QCOMPARE(t.dialog.password(), u"hunter2"_s);
        QVERIFY(t.dialog.rememberPassword());
        t.remember->setChecked(false);
        QVERIFY(!t.dialog.rememberPassword());

        // Another mode drops the user name and the secret from what is returned.
        t.authAnonymous->setChecked(true);
        QVERIFY(t.ok->isEnabled());
        QCOMPARE(t.dialog.entry().config.authMode, AuthMode::Anonymous);
        QVERIFY(t.dialog.entry().username.isEmpty());
        QVERIFY(t.dialog.password().isEmpty());
        QVERIFY(!t.dialog.rememberPassword());
        t.authDocker->setChecked(true);
        QCOMPARE(t.dialog.entry().config.authMode, AuthMode::DockerCredentials);
        QVERIFY(t.dialog.password().isEmpty());
    }

    void typingAUserNameChoosesPasswordSignIn()
    {
        DialogUnderTest t;
        t.typeAddress(u"ghcr.io"_s);
        QVERIFY(t.authDocker->isChecked());
        // The fields are disabled until chosen; focusCredentials() is what "Sign In" does.
        t.dialog.focusCredentials();
        QVERIFY(t.authPassword->isChecked());
        QTest::keyClicks(t.username, u"octocat"_s);
        QTest::keyClicks(t.password, u"ghp_token"_s);
        QVERIFY(t.ok->isEnabled());
        QCOMPARE(t.dialog.password(), u"ghp_token"_s);
    }

    void caFileMustExist()
    {
        DialogUnderTest t;
        t.typeAddress(u"registry.example.com"_s);
        QVERIFY(!t.caFile->isEnabled());
        t.tlsCaFile->setChecked(true);
        QVERIFY(t.caFile->isEnabled());
        QVERIFY(!t.ok->isEnabled());
        QVERIFY2(t.problem->text().contains(u"Choose the CA file"_s),
                 qPrintable(t.problem->text()));
        t.caFile->setText(u"/nonexistent/ca.pem"_s);
        QVERIFY(!t.ok->isEnabled());
        QVERIFY2(t.problem->text().contains(u"/nonexistent/ca.pem"_s),
                 qPrintable(t.problem->text()));
        QTemporaryFile ca;
        QVERIFY(ca.open());
        t.caFile->setText(ca.fileName());
        QVERIFY(t.ok->isEnabled());
        RegistryEntry entry = t.dialog.entry();
        QCOMPARE(entry.config.caFile, ca.fileName());
        QVERIFY(!entry.config.insecureSkipTlsVerify);

        // Insecure is its own choice, with a warning that says what it means.
        QVERIFY(t.insecureWarning->isHidden());
        t.insecure->setChecked(true);
        QVERIFY(!t.insecureWarning->isHidden());
        QVERIFY(t.insecureWarning->text().contains(u"read and change"_s));
        entry = t.dialog.entry();
        QVERIFY(entry.config.insecureSkipTlsVerify);
        QVERIFY(entry.config.caFile.isEmpty());
        // Plain HTTP has no certificate at all.
        t.plainHttp->setChecked(true);
        QVERIFY(t.insecureWarning->isHidden());
        entry = t.dialog.entry();
        QVERIFY(entry.config.plainHttp);
        QVERIFY(!entry.config.insecureSkipTlsVerify);
    }

    void editKeepsHostAndRepositories()
    {
        RegistryEntry original;
        original.config.host = u"ghcr.io"_s;
        original.config.authMode = AuthMode::Password;
        original.config.caFile = QString();
        original.username = u"octocat"_s;
        original.repositories = QStringList{u"octocat/app"_s};
        DialogUnderTest t(original);
        QCOMPARE(t.dialog.mode(), RegistryDialog::Mode::Edit);
        QVERIFY(t.dialog.windowTitle().contains(u"ghcr.io"_s));
        QCOMPARE(t.address->text(), u"ghcr.io"_s);
        QVERIFY(t.address->isReadOnly());
        QVERIFY(t.authPassword->isChecked());
        QCOMPARE(t.username->text(), u"octocat"_s);
        // The stored password stays when the field is left empty for the same user.
        QVERIFY(t.ok->isEnabled());
        QVERIFY(t.password->placeholderText().contains(u"Unchanged"_s));
        QVERIFY(t.dialog.password().isEmpty());
        QCOMPARE(t.dialog.entry(), original);
        // Another user needs a password of their own.
        t.username->setText(u"hubot"_s);
        QVERIFY(!t.ok->isEnabled());
        QVERIFY2(t.problem->text().contains(u"hubot"_s), qPrintable(t.problem->text()));
        t.password->setText(u"p4ss"_s);
        QVERIFY(t.ok->isEnabled());
        // Settings change, the host and the repositories added by name stay.
        t.insecure->setChecked(true);
        const RegistryEntry edited = t.dialog.entry();
        QCOMPARE(edited.config.host, u"ghcr.io"_s);
        QCOMPARE(edited.repositories, original.repositories);
        QCOMPARE(edited.username, u"hubot"_s);
        QVERIFY(edited.config.insecureSkipTlsVerify);
    }

    void editShowsTheCurrentSettings()
    {
        QTemporaryFile ca;
        QVERIFY(ca.open());
        RegistryEntry original;
        original.config.host = u"registry.corp.example"_s;
        original.config.caFile = ca.fileName();
        original.config.authMode = AuthMode::Anonymous;
        DialogUnderTest t(original);
        QVERIFY(t.tlsCaFile->isChecked());
        QCOMPARE(t.caFile->text(), ca.fileName());
        QVERIFY(t.authAnonymous->isChecked());
        QCOMPARE(t.dialog.entry(), original);

        RegistryEntry local;
        local.config.host = u"localhost:5000"_s;
        local.config.plainHttp = true;
        DialogUnderTest plain(local);
        QVERIFY(plain.plainHttp->isChecked());
        QVERIFY(plain.plainHttp->isEnabled()); // no scheme in a read-only host: the box decides
        QVERIFY(plain.dialog.entry().config.plainHttp);
    }

    void acceptsValidInput()
    {
        DialogUnderTest t;
        t.dialog.show();
        t.typeAddress(u"quay.io"_s);
        QTest::mouseClick(t.ok, Qt::LeftButton);
        QCOMPARE(t.dialog.result(), int(QDialog::Accepted));
        QCOMPARE(t.dialog.entry().config.host, u"quay.io"_s);
    }
};

QTEST_MAIN(TestAddRegistryDialog)
#include "tst_addregistrydialog.moc"
