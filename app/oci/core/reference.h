#pragma once

#include "oci/core/digest.h"
#include "oci/core/result.h"

#include <QString>

namespace oci {

// An image reference "[registry[:port]/]repository[:tag][@digest]", parsed once with the
// distribution/reference grammar and normalised the way `docker pull` does: Docker Hub
// names get "docker.io" and "library/", "index.docker.io" becomes "docker.io", and a
// reference with neither tag nor digest gets the tag "latest". With both, the digest is
// what identifies the content; the tag is kept for display.
class Reference
{
public:
    Reference() = default;

    // InvalidArgument (or InvalidDigest) with a one-line reason on bad input.
    static Result<Reference> parse(QStringView text);
    // A repository only ("localhost:5000/team/app"): a tag or digest is an error and no
    // default tag is added.
    static Result<Reference> parseRepository(QStringView text);

    bool isNull() const { return m_repository.isEmpty(); }
    const QString &registry() const { return m_registry; }     // "docker.io", "localhost:5000"
    const QString &repository() const { return m_repository; } // "library/alpine"
    const QString &tag() const { return m_tag; }
    const Digest &digest() const { return m_digest; }
    bool hasTag() const { return !m_tag.isEmpty(); }
    bool hasDigest() const { return !m_digest.isNull(); }

    // "registry/repository"
    QString name() const;
    // Full normalised form: "docker.io/library/alpine:latest".
    QString toString() const;
    // Docker's short form: "alpine:latest", "user/app@sha256:...", "ghcr.io/o/r:1".
    QString familiarString() const;
    // What to ask the registry for: the digest if any, else the tag (empty for a repository).
    QString identifier() const;

    Reference withTag(const QString &tag) const;       // tag must be valid (asserted)
    Reference withDigest(const Digest &digest) const;  // keeps the tag

    // A registry as typed for "catalog": "host[:port]", "[::1]:5000", "docker.io". Returns
    // it normalised ("index.docker.io" -> "docker.io"); InvalidArgument otherwise.
    static Result<QString> parseRegistryHost(QStringView text);

    static bool isValidTag(QStringView tag);
    static bool isValidRepository(QStringView repository);

    friend bool operator==(const Reference &, const Reference &) = default;

private:
    static Result<Reference> parseImpl(QStringView text, bool repositoryOnly);

    QString m_registry;
    QString m_repository;
    QString m_tag;
    Digest m_digest;
};

inline size_t qHash(const Reference &reference, size_t seed = 0) noexcept
{
    return qHashMulti(seed, reference.registry(), reference.repository(), reference.tag(),
                      reference.digest());
}

} // namespace oci
