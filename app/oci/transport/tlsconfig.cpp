#include "oci/transport/tlsconfig.h"

#include "oci/transport/registryconfig.h"

#include <QFile>
#include <QSslError>

namespace oci {

Result<QList<QSslCertificate>> loadCaCertificates(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return Error(
            Error::Code::Tls,
            QStringLiteral("cannot read the CA file %1: %2").arg(path, file.errorString()));
    }
    // A CA bundle is small; 16 MiB keeps a wrong path (a disk image) from being slurped.
    const QByteArray bytes = file.read(16 * 1024 * 1024);
    QList<QSslCertificate> certificates = QSslCertificate::fromData(bytes, QSsl::Pem);
    if (certificates.isEmpty())
        certificates = QSslCertificate::fromData(bytes, QSsl::Der);
    if (certificates.isEmpty()) {
        return Error(Error::Code::Tls,
                     QStringLiteral("the CA file %1 holds no PEM or DER certificate").arg(path));
    }
    return certificates;
}

QSslConfiguration makeSslConfiguration(const RegistryConfig &config,
                                       const QList<QSslCertificate> &extraCas)
{
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    if (!extraCas.isEmpty())
        ssl.addCaCertificates(extraCas);
    if (config.insecureSkipTlsVerify)
        ssl.setPeerVerifyMode(QSslSocket::VerifyNone);
    return ssl;
}

QString describeSslErrors(const QList<QSslError> &errors)
{
    QStringList parts;
    for (const QSslError &error : errors) {
        QString part;
        const QSslCertificate certificate = error.certificate();
        if (!certificate.isNull()) {
            part = QStringLiteral("certificate %1 (issued by %2): ")
                       .arg(certificate.subjectDisplayName(), certificate.issuerDisplayName());
        }
        part += error.errorString();
        if (!parts.contains(part))
            parts << part;
    }
    return parts.join(QStringLiteral("; "));
}

} // namespace oci
