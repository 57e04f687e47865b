#include "oci/inspect/contentfetcher.h"
#include "oci/core/futurecontinuation.h"

#include "oci/cache/contentcache.h"
#include "oci/client/registryclient.h"
#include "oci/inspect/ownedjob.h"
#include "oci/manifest/manifestdocument.h"

#include <QFuture>

namespace oci {

// ---------------------------------------------------------------------------------------
// ContentJob

struct ContentJob::Private
{
    enum class Kind { Manifest, ResolveTag, Blob };

    QPointer<ContentFetcher> fetcher;
    Kind kind = Kind::Manifest;
    QString repository;
    QString reference;
    qint64 expectedSize = -1;

    Digest digest;
    QString mediaType;
    qint64 size = -1;
    QByteArray bytes;
    std::shared_ptr<const ManifestDocument> document;
    Source source = Source::None;
    bool stale = false;
    Error networkError;

    OwnedJob<ManifestJob> head;
    std::shared_ptr<ContentFetcher::Flight> flight;

    QString object() const
    {
        return repository + (reference.contains(u':') ? u'@' : u':') + reference;
    }
};

// One fetch of a digest's content that any number of jobs wait for.
struct ContentFetcher::Flight
{
    Digest digest;
    QString repository;
    bool manifest = true; // GET manifest, else GET blob
    qint64 expectedSize = -1;
    QList<QPointer<ContentJob>> waiters;
    OwnedJob<Job> network;
};

ContentJob::ContentJob(std::unique_ptr<Private> d_, QObject *parent) : Job(parent), d(std::move(d_))
{
}

ContentJob::~ContentJob()
{
    if (d->flight && d->fetcher)
        d->fetcher->leave(d->flight, this);
}

const QString &ContentJob::repository() const
{
    return d->repository;
}
const QString &ContentJob::reference() const
{
    return d->reference;
}
const Digest &ContentJob::digest() const
{
    return d->digest;
}
const QString &ContentJob::mediaType() const
{
    return d->mediaType;
}
qint64 ContentJob::size() const
{
    return d->size;
}
const QByteArray &ContentJob::bytes() const
{
    return d->bytes;
}
std::shared_ptr<const ManifestDocument> ContentJob::document() const
{
    return d->document;
}
ContentJob::Source ContentJob::source() const
{
    return d->source;
}
bool ContentJob::isStale() const
{
    return d->stale;
}
const Error &ContentJob::networkError() const
{
    return d->networkError;
}

void ContentJob::abort()
{
    d->head.reset();
    if (d->flight && d->fetcher)
        d->fetcher->leave(d->flight, this);
    d->flight.reset();
}

// ---------------------------------------------------------------------------------------
// ContentFetcher

ContentFetcher::ContentFetcher(RegistryClient *client, ContentCache *cache, QObject *parent)
    : QObject(parent), m_client(client), m_cache(cache)
{
}

ContentFetcher::~ContentFetcher()
{
    // Jobs still alive (children or reparented) find no fetcher from here on.
    for (const auto &flight : std::as_const(m_flights)) {
        flight->network.reset();
        for (const QPointer<ContentJob> &waiter : std::as_const(flight->waiters)) {
            if (waiter) {
                waiter->d->fetcher = nullptr;
                waiter->d->flight.reset();
            }
        }
    }
    m_flights.clear();
}

ContentFetcher *ContentFetcher::shared(RegistryClient *client, ContentCache *cache)
{
    const QList<ContentFetcher *> existing =
        client->findChildren<ContentFetcher *>(QString(), Qt::FindDirectChildrenOnly);
    for (ContentFetcher *fetcher : existing) {
        if (fetcher->m_cache == cache)
            return fetcher;
    }
    return new ContentFetcher(client, cache, client);
}

ContentJob *ContentFetcher::makeJob(int kind, const QString &repository, const QString &reference)
{
    auto d = std::make_unique<ContentJob::Private>();
    d->fetcher = this;
    d->kind = ContentJob::Private::Kind(kind);
    d->repository = repository;
    d->reference = reference;
    return new ContentJob(std::move(d), this);
}

ContentJob *ContentFetcher::manifest(const QString &repository, const QString &tagOrDigest)
{
    ContentJob *job = makeJob(int(ContentJob::Private::Kind::Manifest), repository, tagOrDigest);
    if (tagOrDigest.contains(u':'))
        startByDigest(job, tagOrDigest);
    else
        startHead(job);
    return job;
}

ContentJob *ContentFetcher::resolveTag(const QString &repository, const QString &tag)
{
    ContentJob *job = makeJob(int(ContentJob::Private::Kind::ResolveTag), repository, tag);
    startHead(job);
    return job;
}

ContentJob *ContentFetcher::blob(const QString &repository, const Digest &digest,
                                 qint64 expectedSize)
{
    ContentJob *job = makeJob(int(ContentJob::Private::Kind::Blob), repository, digest.toString());
    job->d->expectedSize = expectedSize;
    if (expectedSize > ContentCache::MaxItemBytes) {
        job->finishWithError(
            Error(Error::Code::SizeLimitExceeded,
                  QStringLiteral("%1 bytes is over the %2 bytes a document may have")
                      .arg(expectedSize)
                      .arg(ContentCache::MaxItemBytes))
                .withRegistry(m_client->config().host)
                .withObject(job->d->object()));
        return job;
    }
    startByDigest(job, digest.toString());
    return job;
}

void ContentFetcher::startByDigest(ContentJob *job, const QString &digestText)
{
    Result<Digest> digest = Digest::parse(digestText);
    if (!digest || !digest->isVerifiable()) {
        Error error = digest ? Error(Error::Code::InvalidDigest,
                                     QStringLiteral("cannot verify content addressed by %1")
                                         .arg(digest->algorithm()))
                             : digest.error();
        error.withRegistry(m_client->config().host).withObject(job->d->object());
        job->finishWithError(std::move(error));
        return;
    }
    job->d->digest = digest.value();
    fetchContent(job);
}

void ContentFetcher::fetchContent(ContentJob *job)
{
    const Digest &digest = job->d->digest;
    if (std::optional<CachedContent> hit = m_cache->lookup(digest)) {
        ++m_counters.cacheHits;
        complete(job, *hit, ContentJob::Source::Memory, nullptr);
        return;
    }
    std::shared_ptr<Flight> flight = m_flights.value(digest);
    if (!flight) {
        flight = std::make_shared<Flight>();
        flight->digest = digest;
        flight->repository = job->d->repository;
        flight->manifest = job->d->kind != ContentJob::Private::Kind::Blob;
        flight->expectedSize = job->d->expectedSize;
        m_flights.insert(digest, flight);
        flight->waiters.append(job);
        job->d->flight = flight;
        startFlight(flight);
        return;
    }
    flight->waiters.append(job);
    job->d->flight = flight;
}

void ContentFetcher::startFlight(const std::shared_ptr<Flight> &flight)
{
    if (!m_cache->hasDiskStore()) {
        startNetwork(flight);
        return;
    }
    std::weak_ptr<Flight> weak = flight;
    whenFinished(this, m_cache->load(flight->digest), [this, weak](std::optional<CachedContent> hit) {
        const std::shared_ptr<Flight> flight = weak.lock();
        if (!flight || m_flights.value(flight->digest) != flight)
            return; // every waiter left
        if (hit) {
            ++m_counters.cacheHits;
            deliver(flight, *hit, ContentJob::Source::Disk, nullptr);
        } else {
            startNetwork(flight);
        }
    });
}

void ContentFetcher::startNetwork(const std::shared_ptr<Flight> &flight)
{
    Job *network = nullptr;
    if (flight->manifest) {
        ++m_counters.manifestGets;
        network = m_client->manifest(flight->repository, flight->digest.toString(),
                                     RegistryClient::Method::Get);
    } else {
        ++m_counters.blobGets;
        network = m_client->blob(flight->repository, flight->digest, nullptr,
                                 ContentCache::MaxItemBytes, flight->expectedSize);
    }
    flight->network.reset(network);
    std::weak_ptr<Flight> weak = flight;
    connect(network, &Job::finished, this, [this, weak, network] {
        const std::shared_ptr<Flight> flight = weak.lock();
        if (!flight || flight->network.get() != network)
            return;
        onNetworkFinished(flight);
    });
}

void ContentFetcher::onNetworkFinished(const std::shared_ptr<Flight> &flight)
{
    Job *network = flight->network.get();
    if (!network->succeeded()) {
        const Error error = network->error();
        endFlight(flight);
        const QList<QPointer<ContentJob>> waiters = std::exchange(flight->waiters, {});
        const bool perRepository = error.code() == Error::Code::NotFound ||
                                   error.code() == Error::Code::Denied ||
                                   error.code() == Error::Code::Unauthorized;
        for (const QPointer<ContentJob> &waiter : waiters) {
            if (!waiter)
                continue;
            waiter->d->flight.reset();
            // Found in one repository is not found in another: those ask for themselves.
            if (perRepository && waiter->d->repository != flight->repository)
                fetchContent(waiter);
            else
                waiter->finishWithError(error);
        }
        return;
    }
    CachedContent content;
    content.digest = flight->digest;
    std::shared_ptr<const ManifestDocument> document;
    if (auto *manifestJob = qobject_cast<ManifestJob *>(network)) {
        content.mediaType = manifestJob->manifest().mediaType;
        content.bytes = manifestJob->manifest().bytes;
        document = manifestJob->document();
    } else if (auto *blobJob = qobject_cast<BlobJob *>(network)) {
        content.bytes = blobJob->data();
    }
    m_cache->insert(content.digest, content.mediaType, content.bytes);
    deliver(flight, content, ContentJob::Source::Network, std::move(document));
}

void ContentFetcher::deliver(const std::shared_ptr<Flight> &flight, const CachedContent &content,
                             ContentJob::Source source,
                             std::shared_ptr<const ManifestDocument> document)
{
    endFlight(flight);
    const QList<QPointer<ContentJob>> waiters = std::exchange(flight->waiters, {});
    for (const QPointer<ContentJob> &waiter : waiters) {
        if (!waiter)
            continue;
        waiter->d->flight.reset();
        complete(waiter, content, source, document);
    }
}

void ContentFetcher::endFlight(const std::shared_ptr<Flight> &flight)
{
    if (m_flights.value(flight->digest) == flight)
        m_flights.remove(flight->digest);
    flight->network.reset();
}

void ContentFetcher::leave(const std::shared_ptr<Flight> &flight, ContentJob *job)
{
    flight->waiters.removeAll(QPointer<ContentJob>(job));
    flight->waiters.removeAll(QPointer<ContentJob>());
    if (flight->waiters.isEmpty())
        endFlight(flight);
}

void ContentFetcher::complete(ContentJob *job, const CachedContent &content,
                              ContentJob::Source source,
                              std::shared_ptr<const ManifestDocument> document)
{
    ContentJob::Private *d = job->d.get();
    d->digest = content.digest;
    if (!content.mediaType.isEmpty() || d->mediaType.isEmpty())
        d->mediaType = content.mediaType;
    d->size = content.bytes.size();
    d->bytes = content.bytes;
    d->source = source;
    if (d->kind != ContentJob::Private::Kind::Blob) {
        if (!document) {
            Result<ManifestDocument> parsed = ManifestDocument::parse(content.bytes, d->mediaType);
            if (!parsed) {
                job->finishWithError(Error(parsed.error())
                                         .withRegistry(m_client->config().host)
                                         .withObject(d->object()));
                return;
            }
            document = std::make_shared<const ManifestDocument>(std::move(parsed).value());
        }
        d->document = std::move(document);
        if (!d->document->mediaType().isEmpty())
            d->mediaType = d->document->mediaType();
    }
    job->finishSuccessfully();
}

void ContentFetcher::startHead(ContentJob *job)
{
    ++m_counters.manifestHeads;
    ContentJob::Private *d = job->d.get();
    d->head.reset(m_client->manifest(d->repository, d->reference, RegistryClient::Method::Head));
    ManifestJob *head = d->head.get();
    connect(head, &Job::finished, job, [this, job, head] {
        if (job->d->head.get() != head)
            return;
        onHeadFinished(job);
    });
}

void ContentFetcher::onHeadFinished(ContentJob *job)
{
    ContentJob::Private *d = job->d.get();
    const OwnedJob<ManifestJob> head = std::move(d->head);
    if (!head->succeeded()) {
        if (head->error().isTemporary()) {
            fallBackToLastKnown(job, head->error());
            return;
        }
        job->finishWithError(head->error());
        return;
    }
    const FetchedManifest &fetched = head->manifest();
    m_cache->rememberTag(m_client->config().host, d->repository, d->reference,
                         TagRecord{fetched.digest, fetched.mediaType, fetched.size, {}});
    d->digest = fetched.digest;
    d->mediaType = fetched.mediaType;
    d->size = fetched.size;
    if (!fetched.bytes.isEmpty()) {
        // The registry needed a GET to tell the digest: the body is here already.
        ++m_counters.manifestGets;
        m_cache->insert(fetched.digest, fetched.mediaType, fetched.bytes);
        complete(job, CachedContent{fetched.digest, fetched.mediaType, fetched.bytes},
                 ContentJob::Source::Network, head->document());
        return;
    }
    if (d->kind == ContentJob::Private::Kind::ResolveTag) {
        d->source = ContentJob::Source::Network;
        job->finishSuccessfully();
        return;
    }
    fetchContent(job);
}

void ContentFetcher::fallBackToLastKnown(ContentJob *job, const Error &error)
{
    job->d->networkError = error;
    whenFinished(
        job, m_cache->lastKnownTag(m_client->config().host, job->d->repository, job->d->reference),
        [this, job, error](std::optional<TagRecord> record) {
            if (!record) {
                job->finishWithError(error);
                return;
            }
            ContentJob::Private *d = job->d.get();
            d->stale = true;
            d->digest = record->digest;
            d->mediaType = record->mediaType;
            d->size = record->size;
            if (d->kind == ContentJob::Private::Kind::ResolveTag) {
                d->source = ContentJob::Source::Memory;
                job->finishSuccessfully();
                return;
            }
            // Offline: the cache alone, never the network again.
            whenFinished(job, m_cache->load(record->digest),
                         [this, job, error](std::optional<CachedContent> hit) {
                    if (!hit) {
                        job->finishWithError(error);
                        return;
                    }
                    ++m_counters.cacheHits;
                    complete(job, *hit, ContentJob::Source::Disk, nullptr);
                });
        });
}

} // namespace oci
