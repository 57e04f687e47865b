#include "ops/plan/repositoryscanjob.h"

#include "oci/client/registryclient.h"
#include "oci/inspect/contentfetcher.h"
#include "oci/inspect/detailsresolver.h"
#include "oci/inspect/ownedjob.h"
#include "oci/inspect/referrersjob.h"

#include <QPointer>
#include <QSet>

#include <algorithm>
#include <vector>

namespace ops {

namespace {

// The cause's code and HTTP details under a message that says what the scan was doing.
oci::Error scanError(const oci::Error &cause, const QString &message, const QString &registry,
                     const QString &object)
{
    oci::Error error(cause.code() == oci::Error::Code::None ? oci::Error::Code::Network
                                                            : cause.code(),
                     message);
    error.withHttpStatus(cause.httpStatus())
        .withRegistryErrors(cause.registryErrors())
        .withRegistry(cause.registry().isEmpty() ? registry : cause.registry())
        .withObject(object)
        .withUrl(cause.url())
        .withRetryAfter(cause.retryAfterSeconds());
    return error;
}

const QString PlanNeedsAll = QStringLiteral("a deletion plan needs every tag of the repository");

} // namespace

struct RepositoryScanJob::Private
{
    QPointer<oci::ContentFetcher> fetcher;
    QString repository;
    Options options;
    Phase phase = Phase::ListingTags;
    RepositoryScan scan;
    bool over = false; // failed or done: late callbacks are dropped

    oci::OwnedJob<oci::TagListJob> tagList;
    QStringList tags;
    QSet<QString> tagSet;
    std::unique_ptr<oci::DetailsResolver> resolver;

    QList<oci::Digest> toAsk; // referrers: subjects in the order of their first tag
    qsizetype nextToAsk = 0;
    int referrersDone = 0;
    bool apiKnown = false; // the first answer told whether the registry has the API
    std::vector<oci::OwnedJob<oci::ReferrersJob>> running;

    QString host() const { return fetcher ? fetcher->client()->config().host : QString(); }
    QString firstTagOn(const oci::Digest &digest) const
    {
        const QStringList on = scan.tagsOn(digest);
        return on.isEmpty() ? QString() : on.constFirst();
    }
};

RepositoryScanJob *RepositoryScanJob::start(oci::ContentFetcher *fetcher, const QString &repository,
                                            QObject *parent)
{
    return start(fetcher, repository, Options{}, parent);
}

RepositoryScanJob *RepositoryScanJob::start(oci::ContentFetcher *fetcher, const QString &repository,
                                            Options options, QObject *parent)
{
    auto d = std::make_unique<Private>();
    d->fetcher = fetcher;
    d->repository = repository;
    d->options = options;
    d->options.maxConcurrent = std::max(1, options.maxConcurrent);
    d->scan.repository = repository;
    auto *job = new RepositoryScanJob(std::move(d), parent);
    // The contract says they outlive the job; if not, its requests went with the client:
    // fail now rather than wait for answers that cannot come.
    const auto lost = [job] {
        if (!job->isFinished())
            job->fail(oci::Error(oci::Error::Code::Cancelled,
                                 QStringLiteral("the registry connection is gone"))
                          .withObject(job->d->repository));
    };
    if (fetcher) {
        connect(fetcher, &QObject::destroyed, job, lost);
        if (fetcher->client())
            connect(fetcher->client(), &QObject::destroyed, job, lost);
    }
    job->listTags();
    return job;
}

RepositoryScanJob::RepositoryScanJob(std::unique_ptr<Private> d_, QObject *parent)
    : Job(parent), d(std::move(d_))
{
}

RepositoryScanJob::~RepositoryScanJob()
{
    abort();
}

const QString &RepositoryScanJob::repository() const
{
    return d->repository;
}

RepositoryScanJob::Phase RepositoryScanJob::phase() const
{
    return d->phase;
}

const RepositoryScan &RepositoryScanJob::scan() const
{
    return d->scan;
}

void RepositoryScanJob::abort()
{
    d->over = true;
    d->tagList.reset();
    if (d->resolver)
        d->resolver->cancel();
    d->running.clear();
}

void RepositoryScanJob::setPhase(Phase phase)
{
    if (d->phase == phase)
        return;
    d->phase = phase;
    Q_EMIT phaseChanged(phase);
}

void RepositoryScanJob::fail(oci::Error error)
{
    abort();
    finishWithError(std::move(error));
}

bool RepositoryScanJob::fetcherGone()
{
    if (d->fetcher)
        return false;
    // The contract says it outlives the job; if not, fail rather than crash.
    fail(oci::Error(oci::Error::Code::Cancelled, QStringLiteral("the registry connection is gone"))
             .withObject(d->repository));
    return true;
}

void RepositoryScanJob::listTags()
{
    if (fetcherGone())
        return;
    d->scan.registry = d->host();
    d->tagList.reset(d->fetcher->client()->tags(d->repository, oci::RegistryClient::MaxPageSize));
    oci::TagListJob *listing = d->tagList.get();
    connect(listing, &oci::ListJob::pageReceived, this, [this, listing] {
        Q_EMIT progress(int(listing->items().size()), 0);
    });
    connect(listing, &oci::Job::finished, this, [this] { onTagsListed(); });
}

void RepositoryScanJob::onTagsListed()
{
    const oci::OwnedJob<oci::TagListJob> listing = std::move(d->tagList);
    if (d->over || !listing)
        return;
    if (!listing->succeeded()) {
        fail(listing->error());
        return;
    }
    for (const QString &tag : listing->tags()) {
        if (!d->tagSet.contains(tag)) {
            d->tagSet.insert(tag);
            d->tags << tag;
        }
    }
    resolveTags();
}

void RepositoryScanJob::resolveTags()
{
    setPhase(Phase::ResolvingTags);
    if (d->tags.isEmpty()) {
        findReferrers();
        return;
    }
    Q_EMIT progress(0, int(d->tags.size()));
    if (fetcherGone())
        return;
    d->resolver = std::make_unique<oci::DetailsResolver>(d->fetcher, d->repository);
    oci::DetailsResolver *resolver = d->resolver.get();
    resolver->setMaxConcurrent(d->options.maxConcurrent);
    connect(resolver, &oci::DetailsResolver::tagResolved, this,
            [this](const oci::TagDetails &row) { onTagResolved(row); });
    connect(resolver, &oci::DetailsResolver::progress, this, [this](int done, int total) {
        if (!d->over)
            Q_EMIT progress(done, total);
    });
    connect(resolver, &oci::DetailsResolver::idle, this, [this] { onResolverIdle(); });
    resolver->request(d->tags, oci::DetailsResolver::Priority::Background);
}

void RepositoryScanJob::onTagResolved(const oci::TagDetails &row)
{
    if (d->over)
        return;
    const QString object = d->repository + u':' + row.tag;
    if (row.error.code() != oci::Error::Code::None) {
        fail(scanError(row.error,
                       QStringLiteral("the tag '%1' could not be read (%2); %3")
                           .arg(row.tag, row.error.message(), PlanNeedsAll),
                       d->host(), object));
        return;
    }
    if (row.stale) {
        fail(scanError(row.networkError,
                       QStringLiteral("the registry could not be asked where the tag '%1' points "
                                      "now (%2), and a remembered answer is not enough: %3")
                           .arg(row.tag, row.networkError.message(), PlanNeedsAll),
                       d->host(), object));
    }
}

void RepositoryScanJob::onResolverIdle()
{
    if (d->over || d->resolver->done() < int(d->tags.size()))
        return;
    const QHash<QString, oci::TagDetails> &results = d->resolver->results();
    for (const QString &tag : std::as_const(d->tags)) {
        const auto row = results.constFind(tag);
        if (row == results.cend()) {
            fail(oci::Error(oci::Error::Code::NotFound,
                            QStringLiteral("the tag '%1' got no details; %2").arg(tag, PlanNeedsAll))
                     .withRegistry(d->host())
                     .withObject(d->repository + u':' + tag));
            return;
        }
        d->scan.tags << row.value();
    }
    findReferrers();
}

void RepositoryScanJob::findReferrers()
{
    setPhase(Phase::FindingReferrers);
    QSet<oci::Digest> listed;
    for (const oci::TagDetails &row : std::as_const(d->scan.tags)) {
        if (!listed.contains(row.details.digest)) {
            listed.insert(row.details.digest);
            d->toAsk << row.details.digest;
        }
    }
    Q_EMIT progress(0, int(d->toAsk.size()));
    pumpReferrers();
}

void RepositoryScanJob::pumpReferrers()
{
    if (d->over)
        return;
    if (d->referrersDone == d->toAsk.size()) {
        d->over = true;
        setPhase(Phase::Done);
        finishSuccessfully();
        return;
    }
    if (fetcherGone())
        return;
    // The first answer alone: it tells whether the registry has the referrers API.
    const qsizetype limit = d->apiKnown ? d->options.maxConcurrent : 1;
    while (qsizetype(d->running.size()) < limit && d->nextToAsk < d->toAsk.size()) {
        const oci::Digest subject = d->toAsk.at(d->nextToAsk++);
        oci::ReferrersJob *job = d->fetcher->referrers(d->repository, subject);
        d->running.emplace_back(job);
        connect(job, &oci::Job::finished, this, [this, subject] { onReferrers(subject); });
    }
}

void RepositoryScanJob::onReferrers(const oci::Digest &subject)
{
    if (d->over)
        return;
    const auto it = std::find_if(d->running.begin(), d->running.end(),
                                 [&](const auto &job) { return job->subject() == subject; });
    if (it == d->running.end())
        return;
    const oci::OwnedJob<oci::ReferrersJob> job = std::move(*it);
    d->running.erase(it);
    if (!job->succeeded() || job->isStale()) {
        const QString object = d->repository + u'@' + subject.toString();
        const QString tag = d->firstTagOn(subject); // a scan of the tags, once, to fail
        const oci::Error &cause = job->error();
        const QString why = job->succeeded()
                                ? QStringLiteral("the registry could not be asked; only a "
                                                 "remembered answer is known")
                                : cause.message();
        fail(scanError(cause,
                       QStringLiteral("the referrers of %1 (tag '%2') could not be listed (%3); "
                                      "a deletion plan must know what refers to what it deletes")
                           .arg(subject.shortString(), tag, why),
                       d->host(), object));
        return;
    }
    if (!job->referrers().isEmpty())
        d->scan.referrers.insert(subject, job->referrers());
    ++d->referrersDone;
    if (!d->apiKnown) {
        d->apiKnown = true;
        if (job->source() != oci::ReferrersJob::Source::Api) {
            // No referrers API: only the "sha256-<hex>" tags hold referrers, and the tag
            // list says which exist. Asking for the others would be two 404s each.
            QList<oci::Digest> remaining;
            for (qsizetype i = d->nextToAsk; i < d->toAsk.size(); ++i) {
                if (d->tagSet.contains(oci::ReferrersJob::fallbackTag(d->toAsk.at(i))))
                    remaining << d->toAsk.at(i);
            }
            d->toAsk = d->toAsk.first(d->nextToAsk) + remaining;
        }
    }
    Q_EMIT progress(d->referrersDone, int(d->toAsk.size()));
    pumpReferrers();
}

} // namespace ops
