#pragma once

#include "oci/client/job.h"
#include "oci/core/digest.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <memory>

namespace oci {

class ContentCache;
class ContentFetcher;
class ManifestDocument;
struct CachedContent;
class ReferrersJob;
class RegistryClient;

// The result of a ContentFetcher request; an owned Job (cancel() idempotent, finished()
// queued, once). Parented to the fetcher; delete it when done.
class ContentJob final : public Job
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ContentJob)

public:
    enum class Source { None, Memory, Disk, Network };

    ~ContentJob() override;

    const QString &repository() const;
    const QString &reference() const; // the tag or digest asked for
    const Digest &digest() const;
    const QString &mediaType() const;
    qint64 size() const;
    // The verified bytes (empty for resolveTag() when HEAD answered).
    const QByteArray &bytes() const;
    // For manifests: the parsed document (null for resolveTag() without a body, and for
    // blobs).
    std::shared_ptr<const ManifestDocument> document() const;
    // Where the content came from.
    Source source() const;
    // The tag's digest is the cache's last known answer because the registry could not
    // be asked: show it, and say it may be out of date. networkError() says why.
    bool isStale() const;
    const Error &networkError() const;

    struct Private;
    ContentJob(std::unique_ptr<Private> d, QObject *parent);

protected:
    void abort() override;

private:
    friend class ContentFetcher;
    std::unique_ptr<Private> d;
};

// Fetches manifests and small blobs (configs) of one registry THROUGH the ContentCache:
// - by digest: memory, then disk, then the registry (then stored): never a request for
//   something cached;
// - by tag: the registry (a tag moves), and when it cannot be reached, the cache's last
//   known digest for the tag and that content, flagged stale();
// - single flight: while a digest is being fetched, other jobs for it wait for that fetch.
// Share one fetcher per RegistryClient (the single flight works per fetcher). The client
// and cache must outlive the fetcher.
//
//     auto *job = fetcher->manifest(u"team/app"_s, u"1.0"_s);
//     connect(job, &oci::Job::finished, this, [job] {
//         if (job->succeeded()) show(job->document(), job->isStale());
//         job->deleteLater();
//     });
class ContentFetcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ContentFetcher)

public:
    ContentFetcher(RegistryClient *client, ContentCache *cache, QObject *parent = nullptr);
    ~ContentFetcher() override;

    // The fetcher of `client` over `cache`: the one made earlier by this function, else a
    // new one, a child of the client. Lets the tag table and the inspector share one
    // single flight per registry.
    static ContentFetcher *shared(RegistryClient *client, ContentCache *cache);

    RegistryClient *client() const { return m_client; }
    ContentCache *cache() const { return m_cache; }

    // The manifest or index by tag or digest, with its bytes and parsed document.
    ContentJob *manifest(const QString &repository, const QString &tagOrDigest);
    // Only what a tag points to now (digest, media type, size): HEAD, no body unless the
    // registry needs a GET to tell. Offline: the last known answer, stale.
    ContentJob *resolveTag(const QString &repository, const QString &tag);
    // A small blob (a config: at most ContentCache::MaxItemBytes) by digest.
    ContentJob *blob(const QString &repository, const Digest &digest, qint64 expectedSize = -1);
    // The referrers of `subject`: GET /v2/<name>/referrers/<digest> where the registry
    // has it, else the "sha256-<hex>" fallback tag's index.
    ReferrersJob *referrers(const QString &repository, const Digest &subject,
                            const QString &artifactType = {});

    // Network requests made so far, by kind (for tests and the benchmark).
    struct Counters
    {
        int manifestHeads = 0;
        int manifestGets = 0;
        int blobGets = 0;
        int referrersGets = 0;
        int cacheHits = 0; // memory or disk
    };
    const Counters &counters() const { return m_counters; }

private:
    friend class ContentJob;
    friend class ReferrersJob;
    struct Flight;

    ContentJob *makeJob(int kind, const QString &repository, const QString &reference);
    void startByDigest(ContentJob *job, const QString &digestText);
    // Memory, else join or start the digest's flight (disk, then the registry).
    void fetchContent(ContentJob *job);
    void startFlight(const std::shared_ptr<Flight> &flight);
    void startNetwork(const std::shared_ptr<Flight> &flight);
    void onNetworkFinished(const std::shared_ptr<Flight> &flight);
    void deliver(const std::shared_ptr<Flight> &flight, const CachedContent &content,
                 ContentJob::Source source, std::shared_ptr<const ManifestDocument> document);
    void endFlight(const std::shared_ptr<Flight> &flight);
    void leave(const std::shared_ptr<Flight> &flight, ContentJob *job);
    void complete(ContentJob *job, const CachedContent &content, ContentJob::Source source,
                  std::shared_ptr<const ManifestDocument> document);
    void startHead(ContentJob *job);
    void onHeadFinished(ContentJob *job);
    void fallBackToLastKnown(ContentJob *job, const Error &error);

    RegistryClient *m_client;
    ContentCache *m_cache;
    QHash<Digest, std::shared_ptr<Flight>> m_flights;
    Counters m_counters;
};

} // namespace oci
