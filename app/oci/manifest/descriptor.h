#pragma once

#include "oci/core/digest.h"
#include "oci/core/result.h"
#include "oci/manifest/platform.h"

#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

class QJsonArray;
class QJsonObject;

namespace oci {

// A content descriptor (image-spec descriptor.md): what a manifest or index points to.
// Immutable once parsed: the digest is valid, the size is not negative.
class Descriptor
{
public:
    // Recommended cap on the entries of one manifest or index (oci-client-notes §1.9).
    static constexpr qsizetype MaxListLength = 10000;

    Descriptor() = default;

    // `where` names the descriptor in error messages ("layers[2]").
    static Result<Descriptor> fromJson(const QJsonObject &object, QStringView where = u"descriptor");

    // An array of descriptors ("layers", "manifests"); more than MaxListLength entries is
    // SizeLimitExceeded.
    static Result<QList<Descriptor>> listFromJson(const QJsonArray &array, QStringView where);

    bool isNull() const { return m_digest.isNull(); }

    const QString &mediaType() const { return m_mediaType; }
    const Digest &digest() const { return m_digest; }
    qint64 size() const { return m_size; }
    // Foreign layers name other hosts here. Informational only: never followed with
    // registry credentials (CVE-2020-15157).
    const QStringList &urls() const { return m_urls; }
    const QMap<QString, QString> &annotations() const { return m_annotations; }
    QString annotation(const QString &key) const { return m_annotations.value(key); }
    const std::optional<Platform> &platform() const { return m_platform; }
    const QString &artifactType() const { return m_artifactType; }

    // A buildx attestation entry of an index (annotation vnd.docker.reference.type =
    // attestation-manifest); attestationSubject() is the digest of the image it describes.
    bool isAttestation() const;
    Digest attestationSubject() const;

    friend bool operator==(const Descriptor &, const Descriptor &) = default;

private:
    QString m_mediaType;
    Digest m_digest;
    qint64 m_size = 0;
    QStringList m_urls;
    QMap<QString, QString> m_annotations;
    std::optional<Platform> m_platform;
    QString m_artifactType;
};

} // namespace oci
