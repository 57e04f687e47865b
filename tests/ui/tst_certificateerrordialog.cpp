// The certificate problem dialog: it shows which certificate and why, offers a CA file or
// insecure (with its warning), plain HTTP only for loopback registries, refuses files that
// hold no certificate, and returns the registry with the choice applied.

#include "certificateerrordialog.h"

#include "support/testcerts.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using Choice = CertificateErrorDialog::Choice;

namespace {

const QString kDetails =
    u"TLS handshake with registry.corp.example failed: certificate registry.corp.example "
    u"(issued by Corp Root CA): The issuer certificate of a locally looked up certificate "
    u"could not be found"_s;

RegistryEntry corporate()
{
    RegistryEntry entry;
    entry.config.host = u"registry.corp.example"_s;
    entry.config.authMode = oci::RegistryConfig::AuthMode::Password;
    entry.username = u"alice"_s;
    entry.repositories = QStringList{u"team/app"_s};
    return entry;
}

} // namespace

class TestCertificateErrorDialog final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

private Q_SLOTS:
    void showsWhichCertificateAndWhy()
    {
        CertificateErrorDialog dialog(corporate(), kDetails);
        QVERIFY(dialog.windowTitle().contains(u"registry.corp.example"_s));
        auto *details = dialog.findChild<QPlainTextEdit *>(u"certificateDetails"_s);
        QVERIFY(details);
        QVERIFY(details->isReadOnly());
        QCOMPARE(details->toPlainText(), kDetails);
        // Not a loopback registry: no plain HTTP way out.
        QVERIFY(!dialog.offersPlainHttp());
        QVERIFY(dialog.findChild<QRadioButton *>(u"plainHttpChoice"_s)->isHidden());
    }

    void caFileChoice()
    {
        CertificateErrorDialog dialog(corporate(), kDetails);
        dialog.show();
        QPushButton *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        auto *problem = dialog.findChild<QLabel *>(u"problemLabel"_s);
        QCOMPARE(dialog.choice(), Choice::CaFile);
        QVERIFY(!ok->isEnabled());
        QVERIFY(problem->text().isEmpty()); // nothing typed yet
        QVERIFY(ok->text().contains(u"Trust"_s));

        dialog.setCaFile(m_dir.filePath(u"missing.pem"_s));
        QVERIFY(!ok->isEnabled());
        QVERIFY2(problem->text().contains(u"does not exist"_s), qPrintable(problem->text()));

        const QString junk = m_dir.filePath(u"junk.pem"_s);
        QVERIFY(testsupport::writeFile(junk, "not a certificate\n"));
        dialog.setCaFile(junk);
        QVERIFY(!ok->isEnabled());
        QVERIFY2(problem->text().contains(u"holds no certificate"_s), qPrintable(problem->text()));
        dialog.accept();
        QVERIFY(dialog.isVisible()); // refused

        const auto ca = testsupport::makeSelfSignedCertificate(u"Corp Root CA"_s, true);
        QVERIFY(!ca.isNull());
        const QString caFile = m_dir.filePath(u"ca.pem"_s);
        QVERIFY(testsupport::writeFile(caFile, ca.certificatePem));
        dialog.setCaFile(caFile);
        QVERIFY(ok->isEnabled());
        QVERIFY(problem->text().isEmpty());
        QTest::mouseClick(ok, Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));

        const RegistryEntry entry = dialog.entry();
        QCOMPARE(entry.config.caFile, caFile);
        QVERIFY(!entry.config.insecureSkipTlsVerify);
        QVERIFY(!entry.config.plainHttp);
        // Everything else stays as it was.
        QCOMPARE(entry.username, u"alice"_s);
        QCOMPARE(entry.repositories, QStringList{u"team/app"_s});
        QCOMPARE(entry.config.authMode, oci::RegistryConfig::AuthMode::Password);
    }

    void insecureChoiceWarns()
    {
        RegistryEntry withCa = corporate();
        withCa.config.caFile = u"/old/ca.pem"_s;
        CertificateErrorDialog dialog(withCa, kDetails);
        QPushButton *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        auto *warning = dialog.findChild<QLabel *>(u"insecureWarning"_s);
        QVERIFY(warning->isHidden());
        dialog.findChild<QRadioButton *>(u"insecureChoice"_s)->setChecked(true);
        QCOMPARE(dialog.choice(), Choice::Insecure);
        QVERIFY(!warning->isHidden());
        QVERIFY(warning->text().contains(u"registry.corp.example"_s));
        QVERIFY(warning->text().contains(u"read and change"_s));
        QVERIFY(ok->isEnabled());
        QVERIFY(ok->text().contains(u"Insecurely"_s));
        const RegistryEntry entry = dialog.entry();
        QVERIFY(entry.config.insecureSkipTlsVerify);
        QVERIFY(!entry.config.plainHttp);
    }

    void loopbackMayUsePlainHttp()
    {
        RegistryEntry local;
        local.config.host = u"localhost:5000"_s;
        CertificateErrorDialog dialog(local, u"TLS handshake with localhost:5000 failed"_s);
        QVERIFY(dialog.offersPlainHttp());
        QVERIFY(!dialog.findChild<QRadioButton *>(u"plainHttpChoice"_s)->isHidden());
        dialog.setChoice(Choice::PlainHttp);
        QCOMPARE(dialog.choice(), Choice::PlainHttp);
        QVERIFY(dialog.problem().isEmpty());
        QVERIFY(dialog.entry().config.plainHttp);

        // Elsewhere the choice is not taken.
        CertificateErrorDialog remote(corporate(), kDetails);
        remote.setChoice(Choice::PlainHttp);
        QCOMPARE(remote.choice(), Choice::CaFile);
        QVERIFY(!remote.entry().config.plainHttp);
    }
};

QTEST_MAIN(TestCertificateErrorDialog)
#include "tst_certificateerrordialog.moc"
