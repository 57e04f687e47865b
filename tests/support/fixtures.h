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
//
// Below: the layer tests' own image (stackedimage), built from any layer tars by umoci and
// unpacked by it as the oracle of a merged tree (testsupport::buildUmociImage, lstatTree),
// then pushed with pushFrom.

#include "oci/core/digest.h"
#include "oci/core/result.h"

#include <QByteArray>
#include <QList>
#include <QMap>
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
    // skopeo copy of any image skopeo reads ("oci:<layout>:<tag>", "oci-archive:…"), read
    // back as the others.
    oci::Result<SeededImage> pushFrom(const QString &source, const QString &repository, const QString &tag,
                                      const QStringList &extraOptions = {});

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
    // `skopeo list-tags` of `repository` on this registry, sorted (empty when it has none).
    oci::Result<QStringList> skopeoListTags(const QString &repository);

    // skopeo's arguments for this registry: TLS verification or cert dir, credentials.
    QStringList skopeoDestinationOptions() const;
    QStringList skopeoSourceOptions() const;
    // The same for reading from this registry with `skopeo copy` (--src-…).
    QStringList skopeoCopySourceOptions() const;
    // An environment with HOME/XDG folders of our own: no auth.json of the person and,
    // for non-root runs, a private blob-info cache.
    static QProcessEnvironment toolEnvironment();

private:
    oci::Result<SeededImage> pushLayoutTag(const QString &layoutTag, const QString &repository,
                                           const QString &tag, const QStringList &extraOptions);
    QString dockerReference(const QString &reference) const;

    RegistryProcess &m_registry;
};

// The layer tests' image, which umoci builds from hand-made tars (gzip'ing each as it adds
// it): a base; a layer adding a symlink, a hardlink, a script, a JSON file and an absolute
// symlink; a layer deleting files, making a directory opaque and replacing a file that a
// hardlink keeps alive. Its files' bytes are here for the tests to compare.
namespace stackedimage {
// The bytes of etc/passwd, etc/config/{a,b,c}.conf (all deleted), etc/config/new.conf,
// usr/bin/tool (before and after), usr/bin/script.sh, etc/app/config.json, var/cache/big.
extern const QByteArray Passwd, ConfA, ConfB, ConfC, NewConf, Tool, NewTool, Script, Json, Big;
// usr/lib/blob.bin: 70,000 bytes, every byte value (NULs included).
QByteArray binaryBytes();
// The three layers, uncompressed.
QList<QByteArray> layerTars();
} // namespace stackedimage

namespace testsupport {
// An image that umoci built in an OCI layout, and what `umoci unpack` made of it (the
// oracle for a merged tree).
struct UmociImage
{
    QString layout; // the layout folder
    QString image;  // "<layout>:img", as umoci names it
    QString rootfs; // the unpacked bundle's rootfs

    QString skopeoReference() const { return QStringLiteral("oci:") + image; }
};

// A path of a tree as lstat() shows it, or as a test reads a merged tree: the same text from
// describe() for the same entry.
struct TreeEntry
{
    QString type;     // file, directory, symlink, other
    quint32 mode = 0; // 0 for a symlink (Linux shows 0777 whatever the tar said)
    qint64 size = 0;  // of a file
    QString link;     // of a symlink

    QString describe() const;
};
using Tree = QMap<QString, TreeEntry>; // by path relative to the root, no leading '/'

// In `directory`: umoci init, new, raw add-layer of each tar in turn, and unpack (rootless
// unless root).
oci::Result<UmociImage> buildUmociImage(const QString &directory, const QList<QByteArray> &layerTars);
// Every path under `root`, never following a symlink.
Tree lstatTree(const QString &root);
// "missing P", "P: <actual> vs umoci <expected>", "extra P": empty when the trees agree.
QStringList treeDifferences(const Tree &expected, const Tree &actual);
} // namespace testsupport
