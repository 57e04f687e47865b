#include "oci/client/apirequest.h"
#include "oci/client/blobupload.h"
#include "oci/client/registryclient.h"
#include "oci/core/reference.h"
#include "oci/transport/transport.h"
#include "oci/transport/transportreply.h"

namespace oci {

struct ManifestPutJob::Private
{
    OwnedRequest<TransportReply> reply;
    Digest digest;
};

ManifestPutJob::ManifestPutJob(std::unique_ptr<Private> d_, QObject *parent)
    : Job(parent), d(std::move(d_))
{
}

ManifestPutJob::~ManifestPutJob() = default;

const Digest &ManifestPutJob::digest() const
{
    return d->digest;
}

void ManifestPutJob::abort()
{
    d->reply.reset();
}

ManifestPutJob *RegistryClient::putManifest(const QString &repository, const QString &reference,
                                            const QString &mediaType, const QByteArray &bytes)
{
    auto *job = new ManifestPutJob(std::make_unique<ManifestPutJob::Private>(), this);
    const bool byDigest = reference.contains(u':');
    const QString object = repository + (byDigest ? u'@' : u':') + reference;
    const auto refuse = [&](Error::Code code, const QString &message) {
        job->finishWithError(Error(code, message).withRegistry(m_config.host).withObject(object));
        return job;
    };
    if (const Error invalid = api::checkRepository(m_config, repository);
        invalid.code() != Error::Code::None) {
        job->finishWithError(invalid);
        return job;
    }
    if (mediaType.isEmpty())
        return refuse(Error::Code::InvalidArgument,
                      QStringLiteral("a manifest is PUT with its media type; none given"));
    if (bytes.isEmpty())
        return refuse(Error::Code::InvalidArgument, QStringLiteral("the manifest is empty"));
    if (bytes.size() > MaxManifestBytes)
        return refuse(Error::Code::SizeLimitExceeded,
                      QStringLiteral("the manifest is %1 bytes, over the limit of %2")
                          .arg(bytes.size())
                          .arg(MaxManifestBytes));
    if (byDigest) {
        const Result<Digest> named = Digest::parse(reference);
        if (!named)
            return refuse(named.error().code(), named.error().message());
        DigestHasher hasher(named->algorithm());
        if (!hasher.isValid())
            return refuse(Error::Code::InvalidDigest,
                          QStringLiteral("cannot compute a %1 digest").arg(named->algorithm()));
        hasher.addData(bytes);
        const Digest actual = hasher.finish();
        if (actual != named.value())
            return refuse(Error::Code::DigestMismatch,
                          QStringLiteral("the manifest hashes to %1, not to the digest it is "
                                         "PUT under")
                              .arg(actual.toString()));
        job->d->digest = actual;
    } else {
        if (!Reference::isValidTag(reference))
            return refuse(Error::Code::InvalidArgument,
                          QStringLiteral("'%1' is not a valid tag").arg(reference.left(200)));
        job->d->digest = Digest::sha256Of(bytes);
    }

    TransportRequest request;
    request.method = "PUT";
    request.url =
        api::url(m_config, QStringLiteral("/v2/%1/manifests/%2").arg(repository, reference));
    request.addHeader("Content-Type", mediaType.toUtf8());
    request.body = bytes;
    request.scopes = QStringList{api::pushScope(repository)};
    request.object = object;
    request.maxBodyBytes = MaxErrorBodyBytes;
    request.retryable = false;
    TransportReply *reply = m_transport->send(m_config, std::move(request));
    job->d->reply.reset(reply);
    connect(reply, &TransportReply::finished, job, [job, reply, object, host = m_config.host] {
        if (job->d->reply.get() != reply)
            return;
        const OwnedRequest<TransportReply> done = std::move(job->d->reply);
        if (!done->ok()) {
            job->finishWithError(done->error());
            return;
        }
        // The registry stores the exact bytes: its digest of them must be ours.
        Error mismatch = api::checkStoredDigest(done->response(), job->d->digest,
                                                QStringLiteral("manifest"));
        if (mismatch.code() != Error::Code::None) {
            job->finishWithError(mismatch.withRegistry(host).withObject(object));
            return;
        }
        job->finishSuccessfully();
    });
    return job;
}

} // namespace oci
