#pragma once

#include "ops/deleteplan.h"

#include "oci/client/job.h"

#include <QString>

#include <memory>

namespace oci {
class ContentFetcher;
class Digest;
} // namespace oci

namespace ops {

// Scans one repository for a deletion plan: every tag (all pages of the tag list), each
// resolved to its details by oci::DetailsResolver (HEAD per tag, then each manifest and
// config once per digest through the fetcher's content cache, at most maxConcurrent
// requests at a time), then the referrers of each distinct digest (the referrers API, or
// the "sha256-<hex>" tag where the registry has none; once a registry shows it has no API,
// only digests whose fallback tag is in the tag list are asked).
//
// A scan is all or nothing: a tag whose details cannot be read, an answer that only the
// cache could give (the registry unreachable), or a referrers list that cannot be read
// fails the job with an error naming the tag or digest. A plan computed from a partial
// scan could delete a tag by surprise.
//
// Progress is per phase: ListingTags (tags listed so far, total 0: unknown), ResolvingTags
// (tags resolved of all), FindingReferrers (digests asked of those to ask).
//
//     auto *scan = ops::RepositoryScanJob::start(fetcher, u"team/app"_s, this);
//     connect(scan, &ops::RepositoryScanJob::progress, this, &Page::showProgress);
//     connect(scan, &oci::Job::finished, this, [scan] {
//         scan->deleteLater();
//         if (scan->succeeded())
//             plan(scan->scan()); // ops::planDeletion / ops::planRetention
//         else
//             report(scan->error());
//     });
class RepositoryScanJob final : public oci::Job
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RepositoryScanJob)

public:
    enum class Phase { ListingTags, ResolvingTags, FindingReferrers, Done };
    Q_ENUM(Phase)

    struct Options
    {
        int maxConcurrent = 8; // requests in flight (details and referrers)
    };

    // Starts at once; finished() comes later (never from this call). `fetcher` (and its
    // client) must outlive the job.
    static RepositoryScanJob *start(oci::ContentFetcher *fetcher, const QString &repository,
                                    QObject *parent = nullptr);
    static RepositoryScanJob *start(oci::ContentFetcher *fetcher, const QString &repository,
                                    Options options, QObject *parent = nullptr);
    ~RepositoryScanJob() override;

    const QString &repository() const;
    Phase phase() const;
    // The scan: complete once succeeded(); partial (and not for planning) before.
    const RepositoryScan &scan() const;

Q_SIGNALS:
    void phaseChanged(ops::RepositoryScanJob::Phase phase);
    void progress(int done, int total);

protected:
    void abort() override;

private:
    struct Private;
    RepositoryScanJob(std::unique_ptr<Private> d, QObject *parent);
    void listTags();
    void onTagsListed();
    void resolveTags();
    void onTagResolved(const oci::TagDetails &row);
    void onResolverIdle();
    void findReferrers();
    void pumpReferrers();
    void onReferrers(const oci::Digest &subject);
    void setPhase(Phase phase);
    void fail(oci::Error error);
    bool fetcherGone();

    std::unique_ptr<Private> d;
};

} // namespace ops
