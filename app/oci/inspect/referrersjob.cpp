#include "oci/inspect/referrersjob.h"

#include "oci/client/apirequest.h"
#include "oci/client/registryclient.h"
#include "oci/inspect/contentfetcher.h"
#include "oci/inspect/ownedjob.h"
#include "oci/manifest/manifestdocument.h"
#include "oci/manifest/mediatypes.h"
#include "oci/transport/linkheader.h"
#include "oci/transport/ownedrequest.h"
#include "oci/transport/transport.h"
#include "oci/transport/transportreply.h"

#include <QPointer>
#include <QSet>
#include <QUrlQuery>

namespace oci {

namespace {
// A referrers list longer than this many pages is refused like any other endless walk.
constexpr int MaxReferrerPages = 100;
} // namespace

struct ReferrersJob::Private
{
    QPointer<ContentFetcher> fetcher;
    QString repository;
    Digest subject;
    QString artifactType;
    QList<Descriptor> referrers;
    Source source = Source::None;
    bool stale = false;
    OwnedRequest<TransportReply> reply;
    OwnedJob<ContentJob> fallback;
    QSet<QUrl> visited;

    void fetchPage(ReferrersJob *job, const QUrl &url);
    void onPage(ReferrersJob *job, TransportReply *reply);
    void startFallback(ReferrersJob *job);
    void onFallback(ReferrersJob *job);
    void add(const QList<Descriptor> &entries, bool filteredByServer);
    Error contextual(Error error) const;
};

ReferrersJob::ReferrersJob(std::unique_ptr<Private> d_, QObject *parent)
    : Job(parent), d(std::move(d_))
{
}

ReferrersJob::~ReferrersJob() = default;

const Digest &ReferrersJob::subject() const
{
    return d->subject;
}
const QList<Descriptor> &ReferrersJob::referrers() const
{
    return d->referrers;
}
ReferrersJob::Source ReferrersJob::source() const
{
    return d->source;
}
bool ReferrersJob::isStale() const
{
    return d->stale;
}

QString ReferrersJob::fallbackTag(const Digest &subject)
{
    return subject.algorithm() + u'-' + subject.encoded();
}

void ReferrersJob::abort()
{
    d->reply.reset();
    d->fallback.reset();
}

Error ReferrersJob::Private::contextual(Error error) const
{
    if (fetcher && error.registry().isEmpty())
        error.withRegistry(fetcher->client()->config().host);
    if (error.object().isEmpty())
        error.withObject(repository + u'@' + subject.toString());
    return error;
}

void ReferrersJob::Private::add(const QList<Descriptor> &entries, bool filteredByServer)
{
    for (const Descriptor &entry : entries) {
        if (!artifactType.isEmpty() && !filteredByServer && entry.artifactType() != artifactType)
            continue;
        referrers.append(entry);
    }
}

void ReferrersJob::Private::fetchPage(ReferrersJob *job, const QUrl &url)
{
    visited.insert(url);
    ++fetcher->m_counters.referrersGets;
    TransportRequest request;
    request.url = url;
    request.addHeader("Accept", QByteArray(MediaType::OciIndex.data(), MediaType::OciIndex.size()));
    request.scopes = QStringList{api::pullScope(repository)};
    request.object = repository + u'@' + subject.toString();
    request.maxBodyBytes = ManifestDocument::MaxSize;
    RegistryClient *client = fetcher->client();
    TransportReply *sent = client->transport()->send(client->config(), std::move(request));
    reply.reset(sent);
    QObject::connect(sent, &TransportReply::finished, job,
                     [this, job, sent] { onPage(job, sent); });
}

void ReferrersJob::Private::onPage(ReferrersJob *job, TransportReply *finished)
{
    if (reply.get() != finished)
        return;
    const OwnedRequest<TransportReply> done = std::move(reply);
    if (!fetcher) {
        job->finishWithError(Error(Error::Code::Cancelled, QStringLiteral("the fetcher is gone")));
        return;
    }
    if (!done->ok()) {
        const int status = done->error().httpStatus();
        // No referrers API here (distribution 2.x answers 404): the tag scheme instead.
        if (referrers.isEmpty() && visited.size() == 1 &&
            (status == 404 || status == 405 || status == 400)) {
            startFallback(job);
            return;
        }
        job->finishWithError(contextual(done->error()));
        return;
    }
    const TransportResponse &response = done->response();
    Result<ManifestDocument> parsed = ManifestDocument::parse(
        response.body, QString::fromLatin1(response.header("content-type")));
    if (!parsed || !parsed->isIndex()) {
        job->finishWithError(
            contextual(parsed ? Error(Error::Code::MalformedDocument,
                                      QStringLiteral("the referrers answer is not an image index"))
                              : parsed.error()));
        return;
    }
    const bool filtered = response.header("oci-filters-applied").contains("artifactType");
    add(parsed->index().manifests, filtered);
    source = Source::Api;
    const QUrl next = parseNextLink(response.header("link"), response.url);
    if (next.isValid()) {
        const QUrl base = fetcher->client()->config().baseUrl();
        if (next.scheme() != base.scheme() || next.host() != base.host() ||
            next.port() != base.port()) {
            job->finishWithError(
                contextual(Error(Error::Code::PaginationRefused,
                                 QStringLiteral("the next page is on another host"))));
            return;
        }
        if (visited.contains(next) || visited.size() >= MaxReferrerPages) {
            job->finishWithError(
                contextual(Error(Error::Code::PaginationRefused,
                                 QStringLiteral("the referrers list does not end"))));
            return;
        }
        fetchPage(job, next);
        return;
    }
    job->finishSuccessfully();
}

void ReferrersJob::Private::startFallback(ReferrersJob *job)
{
    fallback.reset(fetcher->manifest(repository, fallbackTag(subject)));
    ContentJob *started = fallback.get();
    QObject::connect(started, &Job::finished, job, [this, job, started] {
        if (fallback.get() == started)
            onFallback(job);
    });
}

void ReferrersJob::Private::onFallback(ReferrersJob *job)
{
    const OwnedJob<ContentJob> done = std::move(fallback);
    if (!done->succeeded()) {
        if (done->error().code() == Error::Code::NotFound) {
            source = Source::None; // no fallback tag: nothing refers to it
            job->finishSuccessfully();
            return;
        }
        job->finishWithError(contextual(done->error()));
        return;
    }
    const std::shared_ptr<const ManifestDocument> document = done->document();
    if (!document || !document->isIndex()) {
        job->finishWithError(contextual(
            Error(Error::Code::MalformedDocument,
                  QStringLiteral("the tag %1 is not an image index").arg(fallbackTag(subject)))));
        return;
    }
    add(document->index().manifests, false);
    source = Source::FallbackTag;
    stale = done->isStale();
    job->finishSuccessfully();
}

ReferrersJob *ContentFetcher::referrers(const QString &repository, const Digest &subject,
                                        const QString &artifactType)
{
    auto d = std::make_unique<ReferrersJob::Private>();
    d->fetcher = this;
    d->repository = repository;
    d->subject = subject;
    d->artifactType = artifactType;
    auto *job = new ReferrersJob(std::move(d), this);
    ReferrersJob::Private *p = job->d.get();
    const RegistryConfig &config = m_client->config();
    if (const Error invalid = api::checkRepository(config, repository);
        invalid.code() != Error::Code::None) {
        job->finishWithError(invalid);
        return job;
    }
    if (subject.isNull()) {
        job->finishWithError(
            api::invalidArgument(config, repository, QStringLiteral("no subject digest given")));
        return job;
    }
    QUrlQuery query;
    if (!artifactType.isEmpty())
        query.addQueryItem(QStringLiteral("artifactType"), artifactType);
    p->fetchPage(job,
                 api::url(config,
                          QStringLiteral("/v2/%1/referrers/%2").arg(repository, subject.toString()),
                          query));
    return job;
}

} // namespace oci
