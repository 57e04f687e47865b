#include "oci/client/manifestdeletejob.h"

#include "oci/client/apirequest.h"
#include "oci/client/registryclient.h"
#include "oci/core/reference.h"
#include "oci/transport/transport.h"
#include "oci/transport/transportreply.h"

namespace oci {

struct ManifestDeleteJob::Private
{
    QString repository;
    QString reference;
    bool tag = false;
    int status = 0;
    OwnedRequest<TransportReply> reply;
};

ManifestDeleteJob::ManifestDeleteJob(std::unique_ptr<Private> d_, QObject *parent)
    : Job(parent), d(std::move(d_))
{
}

ManifestDeleteJob::~ManifestDeleteJob() = default;

const QString &ManifestDeleteJob::repository() const
{
    return d->repository;
}

const QString &ManifestDeleteJob::reference() const
{
    return d->reference;
}

bool ManifestDeleteJob::isTag() const
{
    return d->tag;
}

int ManifestDeleteJob::httpStatus() const
{
    return d->status;
}

void ManifestDeleteJob::abort()
{
    d->reply.reset();
}

namespace {

// A refusal to delete is said as one, whatever status the registry chose for it; the
// status and the registry's own words stay in the error (describe() shows them).
Error refusalOrAsIs(Error error, bool tag)
{
    const int status = error.httpStatus();
    const bool refused = status == 405 || error.hasRegistryCode(u"UNSUPPORTED");
    const bool tagRefused = tag && status == 400 && !refused;
    if (!refused && !tagRefused)
        return error;
    const QString message = tagRefused
        ? QStringLiteral("the registry does not allow deleting tags (it deletes manifests by "
                         "digest only, with every tag on them)")
        : QStringLiteral("the registry does not allow deleting (deletion is disabled on it, "
                         "as in distribution without storage.delete.enabled, or not offered)");
    Error refusal(Error::Code::Unsupported, message);
    refusal.withHttpStatus(status)
        .withRegistryErrors(error.registryErrors())
        .withRegistry(error.registry())
        .withObject(error.object())
        .withUrl(error.url());
    return refusal;
}

} // namespace

ManifestDeleteJob *RegistryClient::deleteManifest(const QString &repository,
                                                  const QString &reference)
{
    auto d = std::make_unique<ManifestDeleteJob::Private>();
    d->repository = repository;
    d->reference = reference;
    d->tag = !reference.contains(u':');
    const QString object = repository + (d->tag ? u':' : u'@') + reference;
    auto *job = new ManifestDeleteJob(std::move(d), this);

    if (const Error invalid = api::checkRepository(m_config, repository);
        invalid.code() != Error::Code::None) {
        job->finishWithError(invalid);
        return job;
    }
    if (job->d->tag) {
        if (!Reference::isValidTag(reference)) {
            job->finishWithError(api::invalidArgument(
                m_config, object,
                QStringLiteral("'%1' is not a valid tag").arg(reference.left(200))));
            return job;
        }
    } else if (const Result<Digest> digest = Digest::parse(reference); !digest) {
        job->finishWithError(Error(digest.error()).withRegistry(m_config.host).withObject(object));
        return job;
    }

    TransportRequest request;
    request.method = "DELETE";
    request.url =
        api::url(m_config, QStringLiteral("/v2/%1/manifests/%2").arg(repository, reference));
    // Docker Hub and older distribution look at Accept to resolve what is deleted.
    request.addHeader("Accept", api::manifestAcceptHeader());
    request.scopes = QStringList{api::deleteScope(repository)};
    request.object = object;
    request.maxBodyBytes = MaxErrorBodyBytes;
    request.retryable = false; // a lost answer may hide a deletion: the caller checks
    TransportReply *reply = m_transport->send(m_config, std::move(request));
    job->d->reply.reset(reply);
    connect(reply, &TransportReply::finished, job, [job, reply] {
        if (job->d->reply.get() != reply)
            return;
        const OwnedRequest<TransportReply> done = std::move(job->d->reply);
        job->d->status = done->response().status;
        if (done->ok())
            job->finishSuccessfully();
        else
            job->finishWithError(refusalOrAsIs(done->error(), job->d->tag));
    });
    return job;
}

} // namespace oci
