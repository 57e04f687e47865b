#include "oci/client/apirequest.h"
#include "oci/client/registryclient.h"
#include "oci/core/reference.h"
#include "oci/manifest/manifestdocument.h"
#include "oci/manifest/mediatypes.h"
#include "oci/transport/transport.h"
#include "oci/transport/transportreply.h"

namespace oci {

struct ManifestJob::Private
{
    Transport *transport = nullptr;
    RegistryConfig registry;
    QString repository;
    QString reference; // tag or digest text
    Digest requested;  // set when the reference is a digest
    QString object;    // "repo:tag" / "repo@digest"
    RegistryClient::Method method = RegistryClient::Method::Get;
    OwnedRequest<TransportReply> reply;
    FetchedManifest result;
    std::shared_ptr<const ManifestDocument> document;

    void send(ManifestJob *job, RegistryClient::Method how);
    void onFinished(ManifestJob *job, TransportReply *finished);
    void finishHead(ManifestJob *job, const TransportResponse &response);
    void finishGet(ManifestJob *job, const TransportResponse &response);
    Error contextual(Error error, const QUrl &url) const;
};

ManifestJob::ManifestJob(std::unique_ptr<Private> d_, QObject *parent)
    : Job(parent), d(std::move(d_))
{
}

ManifestJob::~ManifestJob() = default;

const FetchedManifest &ManifestJob::manifest() const
{
    return d->result;
}

std::shared_ptr<const ManifestDocument> ManifestJob::document() const
{
    return d->document;
}

void ManifestJob::abort()
{
    d->reply.reset();
}

Error ManifestJob::Private::contextual(Error error, const QUrl &url) const
{
    if (error.registry().isEmpty())
        error.withRegistry(registry.host);
    if (error.object().isEmpty())
        error.withObject(object);
    if (error.url().isEmpty())
        error.withUrl(url);
    return error;
}

void ManifestJob::Private::send(ManifestJob *job, RegistryClient::Method how)
{
    TransportRequest request;
    request.method = how == RegistryClient::Method::Head ? "HEAD" : "GET";
    request.url =
        api::url(registry, QStringLiteral("/v2/%1/manifests/%2").arg(repository, reference));
    request.addHeader("Accept", api::manifestAcceptHeader());
    request.scopes = QStringList{api::pullScope(repository)};
    request.object = object;
    request.maxBodyBytes = ManifestDocument::MaxSize;
    TransportReply *sent = transport->send(registry, std::move(request));
    reply.reset(sent);
    QObject::connect(sent, &TransportReply::finished, job,
                     [this, job, sent] { onFinished(job, sent); });
}

void ManifestJob::Private::onFinished(ManifestJob *job, TransportReply *finished)
{
    if (reply.get() != finished)
        return;
    const OwnedRequest<TransportReply> done = std::move(reply);
    const bool head = done->request().method == "HEAD";
    if (!done->ok()) {
        if (head && done->error().httpStatus() == 405) {
            send(job, RegistryClient::Method::Get); // some registries refuse HEAD on manifests
            return;
        }
        job->finishWithError(done->error());
        return;
    }
    if (head)
        finishHead(job, done->response());
    else
        finishGet(job, done->response());
}

void ManifestJob::Private::finishHead(ManifestJob *job, const TransportResponse &response)
{
    const Result<Digest> claimed =
        Digest::parse(QString::fromLatin1(response.header("docker-content-digest").trimmed()));
    // Without a usable Docker-Content-Digest (optional before OCI 1.1), or one that
    // disagrees with the digest we asked for, only a GET can tell.
    if (!claimed || (!requested.isNull() && claimed.value() != requested)) {
        send(job, RegistryClient::Method::Get);
        return;
    }
    result.digest = requested.isNull() ? claimed.value() : requested;
    result.mediaType = stripParameters(QString::fromLatin1(response.header("content-type")));
    result.size = response.contentLength();
    result.bytes.clear();
    job->finishSuccessfully();
}

void ManifestJob::Private::finishGet(ManifestJob *job, const TransportResponse &response)
{
    const QByteArray &bytes = response.body;
    if (!requested.isNull()) {
        // By digest: the bytes must hash to it; Docker-Content-Digest is not trusted.
        if (!requested.matches(bytes)) {
            DigestHasher hasher(requested.algorithm());
            hasher.addData(bytes);
            job->finishWithError(contextual(
                Error(Error::Code::DigestMismatch,
                      QStringLiteral(
                          "the registry sent a manifest whose digest is %1, not the requested %2")
                          .arg(hasher.finish().toString(), requested.toString())),
                response.url));
            return;
        }
        result.digest = requested;
    } else {
        result.digest = Digest::sha256Of(bytes);
    }
    const QString contentType = QString::fromLatin1(response.header("content-type"));
    Result<ManifestDocument> parsed = ManifestDocument::parse(bytes, contentType);
    if (!parsed) {
        job->finishWithError(contextual(parsed.error(), response.url));
        return;
    }
    document = std::make_shared<const ManifestDocument>(std::move(parsed).value());
    result.mediaType =
        document->mediaType().isEmpty() ? stripParameters(contentType) : document->mediaType();
    result.size = bytes.size();
    result.bytes = bytes;
    job->finishSuccessfully();
}

ManifestJob *RegistryClient::manifest(const QString &repository, const QString &tagOrDigest,
                                      Method method)
{
    auto d = std::make_unique<ManifestJob::Private>();
    d->transport = m_transport;
    d->registry = m_config;
    d->repository = repository;
    d->reference = tagOrDigest;
    d->method = method;
    const bool byDigest = tagOrDigest.contains(u':');
    d->object = repository + (byDigest ? u'@' : u':') + tagOrDigest;
    auto *job = new ManifestJob(std::move(d), this);
    ManifestJob::Private *p = job->d.get();

    if (const Error invalid = api::checkRepository(m_config, repository);
        invalid.code() != Error::Code::None) {
        job->finishWithError(invalid);
        return job;
    }
    if (byDigest) {
        Result<Digest> digest = Digest::parse(tagOrDigest);
        if (!digest) {
            job->finishWithError(p->contextual(digest.error(), {}));
            return job;
        }
        if (!digest->isVerifiable()) {
            job->finishWithError(p->contextual(
                Error(
                    Error::Code::InvalidDigest,
                    QStringLiteral("cannot verify content addressed by %1 (unsupported algorithm)")
                        .arg(digest->algorithm())),
                {}));
            return job;
        }
        p->requested = digest.value();
    } else if (!Reference::isValidTag(tagOrDigest)) {
        job->finishWithError(api::invalidArgument(
            m_config, p->object,
            QStringLiteral("'%1' is not a valid tag").arg(tagOrDigest.left(200))));
        return job;
    }
    p->send(job, method);
    return job;
}

} // namespace oci
