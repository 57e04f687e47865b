#include "oci/client/apirequest.h"
#include "oci/client/registryclient.h"
#include "oci/transport/transport.h"
#include "oci/transport/transportreply.h"

#include <QIODevice>
#include <QPointer>

namespace oci {

struct BlobJob::Private
{
    Transport *transport = nullptr;
    RegistryConfig registry;
    QString repository;
    Digest requested;
    QString object;
    QPointer<QIODevice> sink;
    bool hasSink = false;
    qint64 maxBuffered = 0;
    qint64 expectedSize = -1;
    qint64 total = -1;
    qint64 received = 0;
    bool paused = false;
    QByteArray data;
    std::unique_ptr<DigestHasher> hasher;
    OwnedRequest<TransportReply> reply;

    void start(BlobJob *job);
    void onStarted(BlobJob *job);
    void onData(BlobJob *job, const QByteArray &chunk);
    void onFinished(BlobJob *job);
    void fail(BlobJob *job, Error error);
};

BlobJob::BlobJob(std::unique_ptr<Private> d_, QObject *parent) : Job(parent), d(std::move(d_)) {}

BlobJob::~BlobJob() = default;

QByteArray BlobJob::data() const
{
    return d->data;
}

qint64 BlobJob::bytesReceived() const
{
    return d->received;
}

const Digest &BlobJob::digest() const
{
    return d->requested;
}

void BlobJob::setPaused(bool paused)
{
    d->paused = paused;
    if (d->reply)
        d->reply->setReadPaused(paused);
}

bool BlobJob::isPaused() const
{
    return d->paused;
}

void BlobJob::abort()
{
    d->reply.reset();
}

void BlobJob::Private::fail(BlobJob *job, Error error)
{
    const QUrl url = reply ? reply->response().url : QUrl();
    reply.reset(); // stop the transfer now
    if (error.registry().isEmpty())
        error.withRegistry(registry.host);
    if (error.object().isEmpty())
        error.withObject(object);
    if (error.url().isEmpty())
        error.withUrl(url);
    data.clear();
    job->finishWithError(std::move(error));
}

void BlobJob::Private::start(BlobJob *job)
{
    hasher = std::make_unique<DigestHasher>(requested.algorithm());
    TransportRequest request;
    request.url =
        api::url(registry, QStringLiteral("/v2/%1/blobs/%2").arg(repository, requested.toString()));
    request.scopes = QStringList{api::pullScope(repository)};
    request.object = object;
    request.streamBody = true;
    TransportReply *sent = transport->send(registry, std::move(request));
    reply.reset(sent);
    QObject::connect(sent, &TransportReply::responseStarted, job, [this, job] { onStarted(job); });
    QObject::connect(sent, &TransportReply::bodyData, job,
                     [this, job](const QByteArray &chunk) { onData(job, chunk); });
    QObject::connect(sent, &TransportReply::finished, job, [this, job] { onFinished(job); });
}

void BlobJob::Private::onStarted(BlobJob *job)
{
    const qint64 declared = reply->response().contentLength();
    if (expectedSize >= 0 && declared >= 0 && declared != expectedSize) {
        fail(job, Error(Error::Code::SizeLimitExceeded,
                        QStringLiteral("the blob is %1 bytes according to the server, but its "
                                       "descriptor says %2")
                            .arg(declared)
                            .arg(expectedSize)));
        return;
    }
    if (!hasSink && declared > maxBuffered) {
        fail(job, Error(Error::Code::SizeLimitExceeded,
                        QStringLiteral("the blob is %1 bytes, over the in-memory limit of %2")
                            .arg(declared)
                            .arg(maxBuffered)));
        return;
    }
    total = expectedSize >= 0 ? expectedSize : declared;
}

void BlobJob::Private::onData(BlobJob *job, const QByteArray &chunk)
{
    received += chunk.size();
    if (expectedSize >= 0 && received > expectedSize) {
        fail(job, Error(Error::Code::SizeLimitExceeded,
                        QStringLiteral("the blob is longer than its descriptor's size of %1 bytes")
                            .arg(expectedSize)));
        return;
    }
    hasher->addData(chunk);
    if (hasSink) {
        if (!sink || sink->write(chunk) != chunk.size()) {
            fail(job,
                 Error(Error::Code::Io, QStringLiteral("cannot write the blob: %1")
                                            .arg(sink ? sink->errorString()
                                                      : QStringLiteral("the output is gone"))));
            return;
        }
    } else {
        if (received > maxBuffered) {
            fail(job,
                 Error(Error::Code::SizeLimitExceeded,
                       QStringLiteral("the blob is larger than the in-memory limit of %1 bytes")
                           .arg(maxBuffered)));
            return;
        }
        data += chunk;
    }
    Q_EMIT job->progress(received, total);
}

void BlobJob::Private::onFinished(BlobJob *job)
{
    if (!reply)
        return;
    if (!reply->ok()) {
        fail(job, reply->error());
        return;
    }
    if (expectedSize >= 0 && received != expectedSize) {
        fail(job, Error(Error::Code::Network, QStringLiteral("the blob ended after %1 of %2 bytes")
                                                  .arg(received)
                                                  .arg(expectedSize)));
        return;
    }
    const Digest actual = hasher->finish();
    if (actual != requested) {
        fail(job, Error(Error::Code::DigestMismatch,
                        QStringLiteral("the blob's content hashes to %1, not the requested %2")
                            .arg(actual.toString(), requested.toString())));
        return;
    }
    reply.reset();
    job->finishSuccessfully();
}

BlobJob *RegistryClient::blob(const QString &repository, const Digest &digest, QIODevice *sink,
                              qint64 maxBufferedBytes, qint64 expectedSize)
{
    auto d = std::make_unique<BlobJob::Private>();
    d->transport = m_transport;
    d->registry = m_config;
    d->repository = repository;
    d->requested = digest;
    d->object = repository + u'@' + digest.toString();
    d->sink = sink;
    d->hasSink = sink != nullptr;
    d->maxBuffered = maxBufferedBytes;
    d->expectedSize = expectedSize;
    auto *job = new BlobJob(std::move(d), this);
    BlobJob::Private *p = job->d.get();
    if (const Error invalid = api::checkRepository(m_config, repository);
        invalid.code() != Error::Code::None) {
        job->finishWithError(invalid);
        return job;
    }
    if (digest.isNull() || !digest.isVerifiable()) {
        job->finishWithError(api::invalidArgument(
            m_config, p->object,
            digest.isNull()
                ? QStringLiteral("no digest given")
                : QStringLiteral("cannot verify content addressed by %1 (unsupported algorithm)")
                      .arg(digest.algorithm())));
        return job;
    }
    p->start(job);
    return job;
}

} // namespace oci
