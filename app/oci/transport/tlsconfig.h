#pragma once

#include "oci/core/result.h"

#include <QList>
#include <QSslConfiguration>

class QSslError;

namespace oci {

struct RegistryConfig;

// Extra CA certificates from a PEM (or DER) file; Tls error when unreadable or empty.
Result<QList<QSslCertificate>> loadCaCertificates(const QString &path);

// The TLS settings of one registry: the system trust store plus `extraCas`, and no peer
// verification when the person marked that registry insecure. Never applied globally.
QSslConfiguration makeSslConfiguration(const RegistryConfig &config,
                                       const QList<QSslCertificate> &extraCas);

// "certificate CN=a (issued by CN=b): The certificate is self-signed, and untrusted; ..."
QString describeSslErrors(const QList<QSslError> &errors);

} // namespace oci
