// The Add Registry dialog: what it accepts, what it refuses and says, what it returns.

#include "addregistrydialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTemporaryFile>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

struct DialogUnderTest
{
    explicit DialogUnderTest(const QStringList &existing = {}) : dialog(existing)
    {
        address = dialog.findChild<QLineEdit *>(u"addressEdit"_s);
        plainHttp = dialog.findChild<QCheckBox *>(u"plainHttpCheck"_s);
        insecure = dialog.findChild<QCheckBox *>(u"insecureCheck"_s);
        caFile = dialog.findChild<QLineEdit *>(u"caFileEdit"_s);
        username = dialog.findChild<QLineEdit *>(u"usernameEdit"_s);
        password = dialog.findChild<QLineEdit *>(u"passwordEdit"_s);
        problem = dialog.findChild<QLabel *>(u"problemLabel"_s);
        ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    }

    void typeAddress(const QString &text)
    {
        address->selectAll();
        QTest::keyClick(address, Qt::Key_Backspace);
        QTest::keyClicks(address, text);
    }

    AddRegistryDialog dialog;
    QLineEdit *address = nullptr;
    QCheckBox *plainHttp = nullptr;
    QCheckBox *insecure = nullptr;
    QLineEdit *caFile = nullptr;
    QLineEdit *username = nullptr;
    QLineEdit *password = nullptr;
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
        QVERIFY(t.address && t.plainHttp && t.insecure && t.caFile && t.username && t.password &&
                t.problem);
        QVERIFY(!t.ok->isEnabled());
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
        DialogUnderTest t({u"ghcr.io"_s});
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
        QTest::keyClicks(t.password, u"hunter2"_s);
        QVERIFY(!t.ok->isEnabled());
        QVERIFY2(t.problem->text().contains(u"user name"_s), qPrintable(t.problem->text()));
        QTest::keyClicks(t.username, u"alice"_s);
        QVERIFY(t.ok->isEnabled());
        QCOMPARE(t.dialog.entry().username, u"alice"_s);
        QCOMPARE(t.dialog.password(), u"hunter2"_s);
    }

    void caFileMustExist()
    {
        DialogUnderTest t;
        t.typeAddress(u"registry.example.com"_s);
        t.caFile->setText(u"/nonexistent/ca.pem"_s);
        QVERIFY(!t.ok->isEnabled());
        QVERIFY2(t.problem->text().contains(u"/nonexistent/ca.pem"_s),
                 qPrintable(t.problem->text()));
        QTemporaryFile ca;
        QVERIFY(ca.open());
        t.caFile->setText(ca.fileName());
        QVERIFY(t.ok->isEnabled());
        t.insecure->setChecked(true);
        const RegistryEntry entry = t.dialog.entry();
        QCOMPARE(entry.config.caFile, ca.fileName());
        QVERIFY(entry.config.insecureSkipTlsVerify);
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
