#include "support/testcerts.h"

#include <QFile>

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>

namespace testsupport {

namespace {

struct Free
{
    void operator()(EVP_PKEY *p) const { EVP_PKEY_free(p); }
    void operator()(X509 *p) const { X509_free(p); }
    void operator()(BIO *p) const { BIO_free(p); }
    void operator()(EVP_MD_CTX *p) const { EVP_MD_CTX_free(p); }
    void operator()(X509_EXTENSION *p) const { X509_EXTENSION_free(p); }
};
template<typename T>
using Ptr = std::unique_ptr<T, Free>;

QByteArray bioBytes(BIO *bio)
{
    char *data = nullptr;
    const long len = BIO_get_mem_data(bio, &data);
    return QByteArray(data, static_cast<qsizetype>(len));
}

bool addExtension(X509 *cert, X509 *issuer, int nid, const char *value)
{
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
    Ptr<X509_EXTENSION> ext(X509V3_EXT_conf_nid(nullptr, &ctx, nid, value));
    return ext && X509_add_ext(cert, ext.get(), -1) == 1;
}

Ptr<X509> newCertificate(EVP_PKEY *key, const QString &commonName)
{
    Ptr<X509> cert(X509_new());
    if (!cert)
        return {};
    X509_set_version(cert.get(), 2);
    // A random serial: browsers and Go reject two certificates with one issuer+serial.
    unsigned char serial[16];
    RAND_bytes(serial, sizeof serial);
    serial[0] &= 0x7f;
    BIGNUM *bn = BN_bin2bn(serial, sizeof serial, nullptr);
    BN_to_ASN1_INTEGER(bn, X509_get_serialNumber(cert.get()));
    BN_free(bn);
    // Valid from an hour ago: clocks of the registry and the test agree, but be lenient.
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600);
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), 7L * 24 * 3600);
    X509_set_pubkey(cert.get(), key);
    X509_NAME *name = X509_get_subject_name(cert.get());
    const QByteArray cn = commonName.toUtf8();
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8,
                               reinterpret_cast<const unsigned char *>(cn.constData()),
                               static_cast<int>(cn.size()), -1, 0);
    return cert;
}

CertificateAndKey finish(X509 *cert, EVP_PKEY *key)
{
    CertificateAndKey out;
    Ptr<BIO> certBio(BIO_new(BIO_s_mem()));
    Ptr<BIO> keyBio(BIO_new(BIO_s_mem()));
    if (!certBio || !keyBio || PEM_write_bio_X509(certBio.get(), cert) != 1
        || PEM_write_bio_PrivateKey(keyBio.get(), key, nullptr, nullptr, 0, nullptr, nullptr) != 1)
        return {};
    unsigned char *der = nullptr;
    const int derLen = i2d_X509(cert, &der);
    if (derLen <= 0)
        return {};
    out.certificateDer = QByteArray(reinterpret_cast<const char *>(der), derLen);
    OPENSSL_free(der);
    out.certificatePem = bioBytes(certBio.get());
    out.privateKeyPem = bioBytes(keyBio.get());
    return out;
}

Ptr<EVP_PKEY> readKey(const QByteArray &pem)
{
    Ptr<BIO> bio(BIO_new_mem_buf(pem.constData(), static_cast<int>(pem.size())));
    return Ptr<EVP_PKEY>(bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr) : nullptr);
}

Ptr<X509> readCertificate(const QByteArray &pem)
{
    Ptr<BIO> bio(BIO_new_mem_buf(pem.constData(), static_cast<int>(pem.size())));
    return Ptr<X509>(bio ? PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr) : nullptr);
}

} // namespace

CertificateAndKey makeSelfSignedCertificate(const QString &commonName, bool isCa)
{
    Ptr<EVP_PKEY> key(EVP_RSA_gen(2048));
    if (!key)
        return {};
    Ptr<X509> cert = newCertificate(key.get(), commonName);
    if (!cert)
        return {};
    X509_set_issuer_name(cert.get(), X509_get_subject_name(cert.get()));
    const bool extOk = isCa
        ? addExtension(cert.get(), cert.get(), NID_basic_constraints, "critical,CA:TRUE")
              && addExtension(cert.get(), cert.get(), NID_key_usage, "critical,keyCertSign,cRLSign")
              && addExtension(cert.get(), cert.get(), NID_subject_key_identifier, "hash")
        : addExtension(cert.get(), cert.get(), NID_basic_constraints, "critical,CA:FALSE")
              && addExtension(cert.get(), cert.get(), NID_key_usage, "critical,digitalSignature");
    if (!extOk || X509_sign(cert.get(), key.get(), EVP_sha256()) == 0)
        return {};
    return finish(cert.get(), key.get());
}

CertificateAndKey makeServerCertificate(const CertificateAndKey &ca, const QString &commonName)
{
    Ptr<X509> caCert = readCertificate(ca.certificatePem);
    Ptr<EVP_PKEY> caKey = readKey(ca.privateKeyPem);
    Ptr<EVP_PKEY> key(EVP_RSA_gen(2048));
    if (!caCert || !caKey || !key)
        return {};
    Ptr<X509> cert = newCertificate(key.get(), commonName);
    if (!cert)
        return {};
    X509_set_issuer_name(cert.get(), X509_get_subject_name(caCert.get()));
    const bool extOk =
        addExtension(cert.get(), caCert.get(), NID_basic_constraints, "critical,CA:FALSE")
        && addExtension(cert.get(), caCert.get(), NID_key_usage, "critical,digitalSignature,keyEncipherment")
        && addExtension(cert.get(), caCert.get(), NID_ext_key_usage, "serverAuth")
        && addExtension(cert.get(), caCert.get(), NID_subject_alt_name, "IP:127.0.0.1,DNS:localhost")
        && addExtension(cert.get(), caCert.get(), NID_authority_key_identifier, "keyid:always");
    if (!extOk || X509_sign(cert.get(), caKey.get(), EVP_sha256()) == 0)
        return {};
    return finish(cert.get(), key.get());
}

QByteArray signRs256(const QByteArray &privateKeyPem, QByteArrayView data)
{
    Ptr<EVP_PKEY> key = readKey(privateKeyPem);
    Ptr<EVP_MD_CTX> ctx(EVP_MD_CTX_new());
    if (!key || !ctx || EVP_DigestSignInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key.get()) != 1)
        return {};
    size_t len = 0;
    const auto *in = reinterpret_cast<const unsigned char *>(data.data());
    if (EVP_DigestSign(ctx.get(), nullptr, &len, in, static_cast<size_t>(data.size())) != 1)
        return {};
    QByteArray signature(static_cast<qsizetype>(len), Qt::Uninitialized);
    if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char *>(signature.data()), &len, in,
                       static_cast<size_t>(data.size())) != 1)
        return {};
    signature.truncate(static_cast<qsizetype>(len));
    return signature;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return file.write(bytes) == bytes.size() && file.flush();
}

} // namespace testsupport
