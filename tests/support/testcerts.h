#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace testsupport {

// A certificate and its private key, made in-process with OpenSSL for one test run.
struct CertificateAndKey
{
    QByteArray certificatePem;
    QByteArray certificateDer;
    QByteArray privateKeyPem; // PKCS#8, unencrypted
    bool isNull() const { return certificatePem.isEmpty(); }
};

// A self-signed RSA-2048 certificate. With `isCa` it may sign others (the TLS test CA);
// without, it is a plain signing certificate (the token server's key).
CertificateAndKey makeSelfSignedCertificate(const QString &commonName, bool isCa);

// A server certificate for 127.0.0.1 and localhost (subjectAltName), signed by `ca`.
CertificateAndKey makeServerCertificate(const CertificateAndKey &ca, const QString &commonName);

// RSASSA-PKCS1-v1_5 with SHA-256 over `data` (JWT "RS256"); empty on failure.
QByteArray signRs256(const QByteArray &privateKeyPem, QByteArrayView data);

// Writes bytes to a file (0600); false on any error.
bool writeFile(const QString &path, const QByteArray &bytes);

} // namespace testsupport
