#pragma once

#include "oci/client/job.h"
#include "oci/core/digest.h"
#include "oci/manifest/descriptor.h"

#include <QList>
#include <QString>

#include <memory>

namespace oci {

// The referrers of one manifest (OCI distribution-spec 1.1): signatures, SBOMs,
// attestations. Made by ContentFetcher::referrers(). Asks GET /v2/<name>/referrers/<digest>
// first (following Link pages); a 404 (or 405/400: no referrers API) falls back to the
// "sha256-<hex>" tag's index; no such tag means no referrers. Each descriptor has
// mediaType, digest, size, artifactType and annotations as the registry listed them.
class ReferrersJob final : public Job
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReferrersJob)

public:
    enum class Source { None, Api, FallbackTag };

    ~ReferrersJob() override;

    const Digest &subject() const;
    const QList<Descriptor> &referrers() const;
    // Api: the registry's referrers API answered. FallbackTag: from the tag's index.
    // None: neither had anything (an empty list, not an error).
    Source source() const;
    // The fallback tag's index came from the cache's last answer (registry unreachable).
    bool isStale() const;

    // "sha256-<hex>" for sha256:<hex> (other algorithms likewise).
    static QString fallbackTag(const Digest &subject);

    struct Private;
    ReferrersJob(std::unique_ptr<Private> d, QObject *parent);

protected:
    void abort() override;

private:
    friend class ContentFetcher;
    std::unique_ptr<Private> d;
};

} // namespace oci
