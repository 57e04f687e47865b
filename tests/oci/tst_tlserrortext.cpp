// What a certificate error says: which certificate (subject and issuer) and why, so the
// certificate dialog can show it. The handshake itself is in tst_transport and, against the
// real registry over TLS, in tst_registrytreemodel.

#include "oci/transport/tlsconfig.h"
#include "support/testcerts.h"

#include <QSslCertificate>
#include <QSslError>
#include <QTest>

class tst_TlsErrorText final : public QObject
{
    Q_OBJECT

private slots:
    void namesCertificateAndReason()
    {
        const auto ca = testsupport::makeSelfSignedCertificate(QStringLiteral("Lading Test CA"), true);
        const auto server = testsupport::makeServerCertificate(ca, QStringLiteral("lading-test-registry"));
        const QSslCertificate certificate(server.certificatePem, QSsl::Pem);
        QVERIFY(!certificate.isNull());

        const QSslError untrusted(QSslError::UnableToGetLocalIssuerCertificate, certificate);
        const QString text = oci::describeSslErrors({untrusted});
        QVERIFY2(text.contains(u"lading-test-registry"), qPrintable(text));
        QVERIFY2(text.contains(u"issued by Lading Test CA"), qPrintable(text));
        QVERIFY2(text.contains(untrusted.errorString()), qPrintable(text)); // the reason

        // Several reasons are all given, each once.
        const QSslError expired(QSslError::CertificateExpired, certificate);
        const QString both = oci::describeSslErrors({untrusted, expired, untrusted});
        QVERIFY(both.contains(untrusted.errorString()));
        QVERIFY(both.contains(expired.errorString()));
        QCOMPARE(both.count(untrusted.errorString()), 1);

        // Without a certificate the reason still comes through.
        const QString bare = oci::describeSslErrors({QSslError(QSslError::HostNameMismatch)});
        QCOMPARE(bare, QSslError(QSslError::HostNameMismatch).errorString());
    }
};

QTEST_GUILESS_MAIN(tst_TlsErrorText)
#include "tst_tlserrortext.moc"
