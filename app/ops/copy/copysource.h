#pragma once

#include "oci/client/job.h"
#include "oci/core/digest.h"
#include "oci/manifest/descriptor.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <memory>

namespace oci {
class ContentFetcher;
}

namespace ops {

// One manifest or index of a copy, exactly as the source serves it (the bytes are what
// the digest is over).
struct CopyManifest
{
    oci::Digest digest;
    QString mediaType;
    QByteArray bytes;
    bool isReferrer = false; // a referrer of a copied manifest (or part of one)
};

// The referrers of one copied manifest, as the source listed them.
struct ReferrerList
{
    oci::Digest subject;
    QList<oci::Descriptor> referrers;
};

// Everything a copy of one image moves, read from the source before anything is written.
struct CopySource
{
    oci::Digest root;
    QString rootMediaType;
    // In the order they are PUT: an index after all its manifests, a referrer after its
    // subject. The root is among them.
    QList<CopyManifest> manifests;
    QList<oci::Descriptor> blobs; // configs and layers, each once, in order of first use
    // Non-distributable (foreign) layers with URLs: not in registries, not copied (as skopeo).
    QList<oci::Descriptor> skippedBlobs;
    QList<ReferrerList> referrers; // only subjects that have some
    int platformCount = 0;         // image manifests in the root's tree

    qint64 blobBytes() const;
    const CopyManifest *manifest(const oci::Digest &digest) const;
};

// Reads an image from the source through its ContentFetcher (verified, cached by digest):
// the manifest or index by tag or digest, every manifest of an index (all platforms, also
// attestations), and with `withReferrers` the referrers of each of them (the referrers API,
// else the fallback tag) and theirs, MaxReferrerDepth deep. Manifests of a kind whose blobs
// Lading cannot know (schema 1, artifact manifests, unknown types) fail the walk with
// UnsupportedMediaType rather than make an incomplete copy. Errors name the source and
// the manifest.
//
//     auto *walk = new SourceWalkJob(fetcher, u"team/app"_s, u"1.0"_s, true, this);
//     connect(walk, &oci::Job::finished, this, [walk] {
//         if (walk->succeeded())
//             use(walk->result());
//     });
//     walk->start();
class SourceWalkJob final : public oci::Job
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SourceWalkJob)

public:
    static constexpr int MaxReferrerDepth = 2; // referrers of referrers, not further
    static constexpr int MaxInFlight = 4;

    SourceWalkJob(oci::ContentFetcher *fetcher, QString repository, QString reference,
                  bool withReferrers, QObject *parent = nullptr);
    ~SourceWalkJob() override;

    void start();
    const CopySource &result() const; // once succeeded

protected:
    void abort() override;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace ops
