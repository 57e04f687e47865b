#include "oci/client/apirequest.h"
#include "oci/client/blobupload.h"
#include "oci/client/registryclient.h"
#include "oci/transport/transport.h"
#include "oci/transport/transportreply.h"

namespace oci {

struct BlobStatJob::Private
{
    OwnedRequest<TransportReply> reply;
    bool exists = false;
    qint64 size = -1;
};

BlobStatJob::BlobStatJob(std::unique_ptr<Private> d_, QObject *parent)
    : Job(parent), d(std::move(d_))
{
}

BlobStatJob::~BlobStatJob() = default;

bool BlobStatJob::exists() const
{
    return d->exists;
}

qint64 BlobStatJob::size() const
{
    return d->size;
}

void BlobStatJob::abort()
{
    d->reply.reset();
}

BlobStatJob *RegistryClient::statBlob(const QString &repository, const Digest &digest)
{
    auto *job = new BlobStatJob(std::make_unique<BlobStatJob::Private>(), this);
    const QString object = repository + u'@' + digest.toString();
    if (const Error invalid = api::checkRepository(m_config, repository);
        invalid.code() != Error::Code::None) {
        job->finishWithError(invalid);
        return job;
    }
    if (digest.isNull()) {
        job->finishWithError(api::invalidArgument(m_config, object, QStringLiteral("no digest given")));
        return job;
    }
    TransportRequest request;
    request.method = "HEAD";
    request.url =
        api::url(m_config, QStringLiteral("/v2/%1/blobs/%2").arg(repository, digest.toString()));
    request.scopes = QStringList{api::pullScope(repository)};
    request.object = object;
    TransportReply *reply = m_transport->send(m_config, std::move(request));
    job->d->reply.reset(reply);
    connect(reply, &TransportReply::finished, job, [job, reply] {
        if (job->d->reply.get() != reply)
            return;
        const OwnedRequest<TransportReply> done = std::move(job->d->reply);
        if (done->ok()) {
            job->d->exists = true;
            job->d->size = done->response().contentLength();
            job->finishSuccessfully();
        } else if (done->error().httpStatus() == 404) {
            job->finishSuccessfully(); // not in this repository: an answer, not a failure
        } else {
            job->finishWithError(done->error());
        }
    });
    return job;
}

} // namespace oci
