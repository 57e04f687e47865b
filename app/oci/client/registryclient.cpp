#include "oci/client/registryclient.h"

#include "oci/client/apirequest.h"
#include "oci/client/pagedlist.h"
#include "oci/transport/transport.h"
#include "oci/transport/transportreply.h"

// The client's jobs live in their own files (manifestjob.cpp, blobjob.cpp); the small
// ones are here with the client.

namespace oci {

RegistryClient::RegistryClient(Transport *transport, RegistryConfig config, QObject *parent)
    : QObject(parent), m_transport(transport), m_config(std::move(config))
{
}

RegistryClient::~RegistryClient() = default;

// --- ping ----------------------------------------------------------------------------

struct PingJob::Private
{
    OwnedRequest<TransportReply> reply;
    QString authScheme;
};

PingJob::PingJob(std::unique_ptr<Private> d_, QObject *parent) : Job(parent), d(std::move(d_)) {}

PingJob::~PingJob() = default;

QString PingJob::authScheme() const
{
    return d->authScheme;
}

void PingJob::abort()
{
    d->reply.reset();
}

PingJob *RegistryClient::ping()
{
    auto *job = new PingJob(std::make_unique<PingJob::Private>(), this);
    TransportRequest request;
    request.url = api::url(m_config, QStringLiteral("/v2/"));
    request.addHeader("Accept", "application/json");
    request.object = QStringLiteral("/v2/");
    request.maxBodyBytes = MaxErrorBodyBytes;
    TransportReply *reply = m_transport->send(m_config, std::move(request));
    job->d->reply.reset(reply);
    connect(reply, &TransportReply::finished, job, [job, reply] {
        job->d->authScheme = reply->authScheme();
        if (reply->ok()) {
            job->finishSuccessfully();
            return;
        }
        Error error = reply->error();
        if (error.httpStatus() == 404) {
            error = Error(Error::Code::NotFound,
                          QStringLiteral("no registry API at %1 (/v2/ answered 404)")
                              .arg(reply->request().url.toDisplayString()))
                        .withHttpStatus(404)
                        .withRegistry(error.registry())
                        .withUrl(error.url());
        }
        job->finishWithError(std::move(error));
    });
    return job;
}

// --- catalog and tags ----------------------------------------------------------------

struct ListJob::Private
{
    OwnedRequest<PagedList> list;
    QStringList items;
    int pages = 0;

    // Runs the listing for `job`; the job is the context of every callback.
    static void start(ListJob *job, PagedList::Params params)
    {
        auto *list = new PagedList(std::move(params));
        job->d->list.reset(list);
        QObject::connect(list, &PagedList::pageReceived, job, [job, list](const QStringList &page) {
            job->d->items += page;
            job->d->pages = list->pagesFetched();
            Q_EMIT job->pageReceived(page);
        });
        QObject::connect(list, &PagedList::finished, job, [job, list] {
            if (list->error().code() == Error::Code::None)
                job->finishSuccessfully();
            else
                job->finishWithError(list->error());
        });
        list->start();
    }
};

ListJob::ListJob(std::unique_ptr<Private> d_, QObject *parent) : Job(parent), d(std::move(d_))
{
}

ListJob::~ListJob() = default;

QStringList ListJob::items() const
{
    return d->items;
}

int ListJob::pagesFetched() const
{
    return d->pages;
}

void ListJob::abort()
{
    d->list.reset();
}

CatalogJob::CatalogJob(std::unique_ptr<Private> d_, QObject *parent)
    : ListJob(std::move(d_), parent)
{
}

CatalogJob::~CatalogJob() = default;

TagListJob::TagListJob(std::unique_ptr<Private> d_, QObject *parent)
    : ListJob(std::move(d_), parent)
{
}

TagListJob::~TagListJob() = default;


CatalogJob *RegistryClient::catalog(int pageSize)
{
    auto *job = new CatalogJob(std::make_unique<ListJob::Private>(), this);
    PagedList::Params params;
    params.transport = m_transport;
    params.registry = m_config;
    params.path = QStringLiteral("/v2/_catalog");
    params.jsonKey = QStringLiteral("repositories");
    params.scopes = QStringList{QStringLiteral("registry:catalog:*")};
    params.object = QStringLiteral("catalog");
    params.pageSize = qBound(1, pageSize, MaxPageSize);
    params.maxPages = m_maxPages;
    ListJob::Private::start(job, std::move(params));
    return job;
}

TagListJob *RegistryClient::tags(const QString &repository, int pageSize)
{
    auto *job = new TagListJob(std::make_unique<ListJob::Private>(), this);
    const Error invalid = api::checkRepository(m_config, repository);
    if (invalid.code() != Error::Code::None) {
        job->finishWithError(invalid);
        return job;
    }
    PagedList::Params params;
    params.transport = m_transport;
    params.registry = m_config;
    params.path = QStringLiteral("/v2/%1/tags/list").arg(repository);
    params.jsonKey = QStringLiteral("tags");
    params.scopes = QStringList{api::pullScope(repository)};
    params.object = repository;
    params.pageSize = qBound(1, pageSize, MaxPageSize);
    params.maxPages = m_maxPages;
    ListJob::Private::start(job, std::move(params));
    return job;
}

} // namespace oci
