#include "oci/core/digest.h"

#include <QRegularExpression>

#include <openssl/evp.h>

namespace oci {

namespace {

const QRegularExpression &digestPattern()
{
    // image-spec descriptor.md: algorithm-component ([+._-] algorithm-component)* ":" encoded
    // anchoredPattern (\A...\z): '$' would also match before a trailing newline.
    static const QRegularExpression pattern(QRegularExpression::anchoredPattern(
        QStringLiteral("([a-z0-9]+(?:[+._-][a-z0-9]+)*):([a-zA-Z0-9=_-]+)")));
    return pattern;
}

const EVP_MD *evpFor(QStringView algorithm)
{
    if (algorithm == u"sha256")
        return EVP_sha256();
    if (algorithm == u"sha512")
        return EVP_sha512();
    return nullptr;
}

qsizetype hexLengthFor(QStringView algorithm)
{
    if (algorithm == u"sha256")
        return 64;
    if (algorithm == u"sha512")
        return 128;
    return -1;
}

bool isLowerHex(QStringView text)
{
    for (QChar c : text) {
        if (!((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f')))
            return false;
    }
    return true;
}

} // namespace

Digest::Digest(QString algorithm, QString encoded)
    : m_algorithm(std::move(algorithm))
    , m_encoded(std::move(encoded))
{}

Result<Digest> Digest::parse(QStringView text)
{
    if (text.size() > 1024)
        return Error(Error::Code::InvalidDigest, QStringLiteral("digest is too long"));
    const auto match = digestPattern().match(text.toString());
    if (!match.hasMatch()) {
        return Error(Error::Code::InvalidDigest,
                     QStringLiteral("'%1' is not a digest (algorithm:hex)").arg(text));
    }
    QString algorithm = match.captured(1);
    QString encoded = match.captured(2);
    const qsizetype expectedLength = hexLengthFor(algorithm);
    if (expectedLength > 0 && (encoded.size() != expectedLength || !isLowerHex(encoded))) {
        return Error(Error::Code::InvalidDigest,
                     QStringLiteral("'%1' is not a valid %2 digest (%3 lower-case hex digits expected)")
                         .arg(text, algorithm)
                         .arg(expectedLength));
    }
    return Digest(std::move(algorithm), std::move(encoded));
}

Digest Digest::sha256Of(QByteArrayView bytes)
{
    DigestHasher hasher(u"sha256");
    hasher.addData(bytes);
    return hasher.finish();
}

QString Digest::toString() const
{
    if (isNull())
        return {};
    return m_algorithm + QLatin1Char(':') + m_encoded;
}

QString Digest::shortString(int hexChars) const
{
    if (isNull())
        return {};
    return m_algorithm + QLatin1Char(':') + m_encoded.left(hexChars);
}

bool Digest::isVerifiable() const
{
    return evpFor(m_algorithm) != nullptr;
}

bool Digest::matches(QByteArrayView bytes) const
{
    if (!isVerifiable())
        return false;
    DigestHasher hasher(m_algorithm);
    hasher.addData(bytes);
    return hasher.finish() == *this;
}

struct DigestHasher::State
{
    EVP_MD_CTX *context = nullptr;
    ~State() { EVP_MD_CTX_free(context); }
};

DigestHasher::DigestHasher(QStringView algorithm)
    : m_algorithm(algorithm.toString())
{
    const EVP_MD *md = evpFor(algorithm);
    if (!md)
        return;
    auto state = std::make_unique<State>();
    state->context = EVP_MD_CTX_new();
    if (state->context && EVP_DigestInit_ex(state->context, md, nullptr) == 1)
        m_state = std::move(state);
}

DigestHasher::~DigestHasher() = default;

bool DigestHasher::isValid() const
{
    return m_state != nullptr;
}

void DigestHasher::addData(QByteArrayView bytes)
{
    if (!m_state || bytes.isEmpty())
        return;
    EVP_DigestUpdate(m_state->context, bytes.data(), static_cast<size_t>(bytes.size()));
    m_bytes += bytes.size();
}

Digest DigestHasher::finish()
{
    if (!m_state)
        return {};
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    const bool done = EVP_DigestFinal_ex(m_state->context, out, &length) == 1;
    m_state.reset();
    if (!done)
        return {};
    const QByteArray hex = QByteArray(reinterpret_cast<const char *>(out), static_cast<qsizetype>(length)).toHex();
    return Digest(m_algorithm, QString::fromLatin1(hex));
}

} // namespace oci
