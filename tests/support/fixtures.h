#pragma once

// Fixture images in a running RegistryProcess, made by independent tools: umoci builds
// the images (OciLayoutFixture), skopeo pushes them and reads them back. Bulk fixtures
// (thousands of tags, hundreds of repositories) reuse a pushed image: by default as link
// files in the registry's storage (milliseconds), or over HTTP with manifest PUTs and
// cross-repository blob mounts (seconds per thousand).
//
//     Fixtures fixtures(registry);
//     auto image = fixtures.pushOciImage(u"library/hello"_s, u"1.0"_s);
//     QVERIFY_RESULT(image);
//     image->digest;   // sha256 of the manifest bytes skopeo read back from the registry
//
// Seed once per test executable (initTestCase): the registry keeps it for every test.

#include "oci/core/digest.h"
#include "oci/core/result.h"

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

class RegistryProcess;

namespace testsupport {
// The error text of a failed Result, empty for a good one (QVERIFY2 evaluates its message
// even when the check passes, and error() of a good Result is not an Error).
template<typename T>
QByteArray failureText(const oci::Result<T> &result)
{
    return result.ok() ? QByteArray() : result.error().describe().toUtf8();
}
} // namespace testsupport

// QVERIFY that a Result holds a value, with its error as the message.
#define QVERIFY_RESULT(result) QVERIFY2((result).ok(), testsupport::failureText(result).constData())

struct SeededImage
{
    QString repository;
    QString tag;
    oci::Digest digest;      // of `manifest`, as the registry serves it
    QString mediaType;       // the manifest's mediaType field
    QByteArray manifest;     // raw bytes, read back by `skopeo inspect --raw`
    oci::Digest configDigest; // null for an index
    QByteArray config;       // raw config bytes (`skopeo inspect --config --raw`); empty for an index
    QList<oci::Digest> layers; // null for an index
    QStringList platforms;   // "linux/amd64", "linux/arm64/v8" for an index

    QString reference() const { return repository + u':' + tag; }
};

class Fixtures final
{
public:
    // How bulk fixtures get in: link files in the registry's storage (fast, the default)
    // or the HTTP API (what a client would do; 1-2.5 ms of registry CPU per manifest).
    enum class SeedPath { Storage, Http };

    explicit Fixtures(RegistryProcess &registry);

    // skopeo copy of the umoci-built linux/amd64 image: OCI media types.
    oci::Result<SeededImage> pushOciImage(const QString &repository, const QString &tag);
    // The same with `--format v2s2`: Docker schema2 media types.
    oci::Result<SeededImage> pushDockerImage(const QString &repository, const QString &tag);
    // `skopeo copy --all` of the two-platform OCI index.
    oci::Result<SeededImage> pushIndex(const QString &repository, const QString &tag);

    // PUTs `image`'s manifest under `count` more tags "<prefix>0000"... in its repository.
    // Returns the tag names.
    oci::Result<QStringList> pushManyTags(const SeededImage &image, int count,
                                          const QString &prefix = QStringLiteral("t"),
                                          SeedPath path = SeedPath::Storage);
    // Makes `count` repositories "<prefix>000"... holding `image` (blobs mounted from its
    // repository, manifest PUT) under `tag`. Returns the repository names.
    oci::Result<QStringList> pushManyRepositories(const SeededImage &image, const QString &prefix,
                                                  int count, const QString &tag = QStringLiteral("latest"),
                                                  SeedPath path = SeedPath::Storage);

    // `skopeo inspect --raw` (or `--config --raw`) of repository:tag-or-@digest, with this
    // registry's TLS and credentials. The independent oracle for digests.
    oci::Result<QByteArray> skopeoInspectRaw(const QString &reference, bool config = false);

    // skopeo's arguments for this registry: TLS verification or cert dir, credentials.
    QStringList skopeoDestinationOptions() const;
    QStringList skopeoSourceOptions() const;
    // The same for reading from this registry with `skopeo copy` (--src-…).
    QStringList skopeoCopySourceOptions() const;
    // An environment with HOME/XDG folders of our own: no auth.json of the person and,
    // for non-root runs, a private blob-info cache.
    static QProcessEnvironment toolEnvironment();

private:
    oci::Result<SeededImage> push(const QString &layoutTag, const QString &repository,
                                  const QString &tag, const QStringList &extraOptions);
    QString dockerReference(const QString &reference) const;

    RegistryProcess &m_registry;
};
