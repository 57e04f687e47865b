#pragma once

#include "oci/core/result.h"

#include <QByteArrayView>
#include <QHashFunctions>
#include <QString>

#include <memory>

namespace oci {

// A content digest "algorithm:encoded", validated once at parse time (image-spec grammar).
// sha256 and sha512 are verifiable; other algorithms that match the grammar parse but
// are reported as unverifiable.
class Digest
{
public:
    Digest() = default;

    static Result<Digest> parse(QStringView text);
    static Digest sha256Of(QByteArrayView bytes);

    bool isNull() const { return m_algorithm.isEmpty(); }
    const QString &algorithm() const { return m_algorithm; }
    const QString &encoded() const { return m_encoded; }
    QString toString() const;
    // "sha256:0123456789ab": for tables; never use it to address content.
    QString shortString(int hexChars = 12) const;

    bool isVerifiable() const;
    // Hashes `bytes` with this digest's algorithm and compares.
    bool matches(QByteArrayView bytes) const;

    friend bool operator==(const Digest &a, const Digest &b) = default;

private:
    friend class DigestHasher;
    Digest(QString algorithm, QString encoded);

    QString m_algorithm;
    QString m_encoded;
};

inline size_t qHash(const Digest &digest, size_t seed = 0) noexcept
{
    return qHashMulti(seed, digest.algorithm(), digest.encoded());
}

// Streaming hash through OpenSSL EVP. Not copyable; feed it chunks, then finish() once.
class DigestHasher
{
public:
    // Supported: "sha256", "sha512". An unsupported algorithm gives a hasher whose
    // isValid() is false and whose finish() returns a null Digest.
    explicit DigestHasher(QStringView algorithm = u"sha256");
    ~DigestHasher();
    DigestHasher(const DigestHasher &) = delete;
    DigestHasher &operator=(const DigestHasher &) = delete;

    bool isValid() const;
    void addData(QByteArrayView bytes);
    qint64 bytesHashed() const { return m_bytes; }
    Digest finish();

private:
    struct State;
    std::unique_ptr<State> m_state;
    QString m_algorithm;
    qint64 m_bytes = 0;
};

} // namespace oci
