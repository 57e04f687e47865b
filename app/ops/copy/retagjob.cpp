#include "ops/copy/retagjob.h"

#include "oci/client/blobupload.h"
#include "oci/client/registryclient.h"
#include "oci/core/reference.h"
#include "oci/manifest/manifestdocument.h"

#include <QPointer>
#include <QSet>

namespace ops {

struct RetagJob::Private
{
    QPointer<oci::RegistryClient> client; // should outlive the job; gone, it fails it
    QString host;
    QString repository;
    QString source;
    bool dryRun = false;
    oci::Digest expected;

    oci::Digest digest;
    QString mediaType;
    QByteArray bytes;
    QList<TagChange> changes;
    QList<QPointer<oci::Job>> inFlight;
    int nextHead = 0;
    int headsLeft = 0;
    int nextPut = 0;
    bool started = false;
    bool stopped = false;

    void onFetched(RetagJob *q, oci::ManifestJob *job);
    void pumpHeads(RetagJob *q);
    void onHead(RetagJob *q, oci::ManifestJob *job, int index);
    void putNext(RetagJob *q);
    void fail(RetagJob *q, oci::Error error);
    void track(oci::Job *job);
    void untrack(oci::Job *job);
};

RetagJob::RetagJob(oci::RegistryClient *client, QString repository, QString source,
                   QStringList tags, QObject *parent)
    : Job(parent), d(std::make_unique<Private>())
{
    d->client = client;
    d->host = client->config().host;
    connect(client, &QObject::destroyed, this, [this] {
        // Our requests went with it: fail instead of waiting for them forever.
        d->fail(this, oci::Error(oci::Error::Code::Cancelled,
                                 QStringLiteral("the connection to the registry is gone"))
                          .withObject(d->repository + u':' + d->source));
    });
    d->repository = std::move(repository);
    d->source = std::move(source);
    for (const QString &tag : std::as_const(tags))
        d->changes.append(TagChange{tag, TagChange::Kind::New, {}, false});
}

RetagJob::~RetagJob()
{
    abort();
}

void RetagJob::setDryRun(bool dryRun)
{
    d->dryRun = dryRun;
}

void RetagJob::setExpectedDigest(const oci::Digest &digest)
{
    d->expected = digest;
}

const oci::Digest &RetagJob::digest() const
{
    return d->digest;
}

const QString &RetagJob::mediaType() const
{
    return d->mediaType;
}

const QList<TagChange> &RetagJob::changes() const
{
    return d->changes;
}

void RetagJob::Private::track(oci::Job *job)
{
    inFlight.append(job); // the client's child: it goes with its client
}

void RetagJob::Private::untrack(oci::Job *job)
{
    inFlight.removeOne(job);
    job->deleteLater();
}

void RetagJob::abort()
{
    d->stopped = true;
    const QList<QPointer<oci::Job>> running = std::exchange(d->inFlight, {});
    for (const QPointer<oci::Job> &job : running) {
        if (job) {
            job->cancel();
            job->deleteLater();
        }
    }
}

void RetagJob::Private::fail(RetagJob *q, oci::Error error)
{
    if (stopped)
        return;
    if (error.registry().isEmpty())
        error.withRegistry(host);
    q->abort();
    q->finishWithError(std::move(error));
}

void RetagJob::start()
{
    if (d->started)
        return;
    d->started = true;
    const QString object = d->repository + u':' + d->source;
    if (!d->client) {
        d->fail(this, oci::Error(oci::Error::Code::Cancelled,
                                 QStringLiteral("the connection to the registry is gone"))
                          .withObject(object));
        return;
    }
    if (d->changes.isEmpty()) {
        d->fail(this, oci::Error(oci::Error::Code::InvalidArgument, QStringLiteral("no tag given"))
                          .withObject(object));
        return;
    }
    QSet<QString> seen;
    for (const TagChange &change : std::as_const(d->changes)) {
        if (!oci::Reference::isValidTag(change.tag)) {
            d->fail(this,
                    oci::Error(oci::Error::Code::InvalidArgument,
                               QStringLiteral("'%1' is not a valid tag").arg(change.tag.left(200)))
                        .withObject(object));
            return;
        }
        if (seen.contains(change.tag)) {
            d->fail(this, oci::Error(oci::Error::Code::InvalidArgument,
                                     QStringLiteral("the tag '%1' is given twice").arg(change.tag))
                              .withObject(object));
            return;
        }
        seen.insert(change.tag);
    }
    oci::ManifestJob *fetch = d->client->manifest(d->repository, d->source);
    d->track(fetch);
    connect(fetch, &oci::Job::finished, this, [this, fetch] { d->onFetched(this, fetch); });
}

void RetagJob::Private::onFetched(RetagJob *q, oci::ManifestJob *job)
{
    untrack(job);
    if (!job->succeeded()) {
        fail(q, job->error());
        return;
    }
    const oci::FetchedManifest &fetched = job->manifest();
    const QString object = repository + u'@' + fetched.digest.toString();
    if (!expected.isNull() && fetched.digest != expected) {
        fail(q, oci::Error(oci::Error::Code::DigestMismatch,
                           QStringLiteral("'%1' is now %2, not %3 as expected: it moved meanwhile")
                               .arg(source, fetched.digest.toString(), expected.toString()))
                    .withObject(repository + u':' + source));
        return;
    }
    const std::shared_ptr<const oci::ManifestDocument> document = job->document();
    if (document && document->kind() == oci::ManifestDocument::Kind::Schema1) {
        fail(q, oci::Error(oci::Error::Code::UnsupportedMediaType,
                           QStringLiteral("a schema 1 manifest names its tag inside its signed "
                                          "bytes: it cannot be retagged without changing it"))
                    .withObject(object));
        return;
    }
    if (fetched.bytes.isEmpty() || fetched.mediaType.isEmpty()) {
        fail(q, oci::Error(oci::Error::Code::MalformedDocument,
                           QStringLiteral("the registry sent the manifest without %1")
                               .arg(fetched.bytes.isEmpty() ? QStringLiteral("a body")
                                                            : QStringLiteral("a media type")))
                    .withObject(object));
        return;
    }
    digest = fetched.digest;
    mediaType = fetched.mediaType;
    bytes = fetched.bytes;
    headsLeft = int(changes.size());
    pumpHeads(q);
}

void RetagJob::Private::pumpHeads(RetagJob *q)
{
    while (!stopped && inFlight.size() < MaxInFlight && nextHead < changes.size()) {
        const int index = nextHead++;
        oci::ManifestJob *head =
            client->manifest(repository, changes.at(index).tag, oci::RegistryClient::Method::Head);
        track(head);
        QObject::connect(head, &oci::Job::finished, q,
                         [this, q, head, index] { onHead(q, head, index); });
    }
}

void RetagJob::Private::onHead(RetagJob *q, oci::ManifestJob *job, int index)
{
    untrack(job);
    TagChange &change = changes[index];
    if (job->succeeded()) {
        const oci::Digest current = job->manifest().digest;
        if (current == digest) {
            change.kind = TagChange::Kind::Unchanged;
            change.applied = true;
        } else {
            change.kind = TagChange::Kind::Moved;
            change.from = current;
        }
    } else if (job->error().httpStatus() == 404) {
        change.kind = TagChange::Kind::New;
    } else {
        fail(q, job->error());
        return;
    }
    Q_EMIT q->changed(index);
    if (stopped)
        return;
    if (--headsLeft > 0) {
        pumpHeads(q);
        return;
    }
    if (dryRun) {
        stopped = true;
        q->finishSuccessfully();
        return;
    }
    putNext(q);
}

void RetagJob::Private::putNext(RetagJob *q)
{
    while (nextPut < changes.size() && changes.at(nextPut).kind == TagChange::Kind::Unchanged)
        ++nextPut;
    if (nextPut >= changes.size()) {
        stopped = true;
        q->finishSuccessfully();
        return;
    }
    const int index = nextPut++;
    oci::ManifestPutJob *put =
        client->putManifest(repository, changes.at(index).tag, mediaType, bytes);
    track(put);
    QObject::connect(put, &oci::Job::finished, q, [this, q, put, index] {
        untrack(put);
        if (!put->succeeded()) {
            fail(q, put->error());
            return;
        }
        // The client checked the registry's Docker-Content-Digest against the bytes it sent;
        // those bytes are the fetched ones, so the digest must be the same.
        if (put->digest().algorithm() == digest.algorithm() && put->digest() != digest) {
            fail(q, oci::Error(oci::Error::Code::DigestMismatch,
                               QStringLiteral("the tag was stored as %1, not as %2")
                                   .arg(put->digest().toString(), digest.toString()))
                        .withObject(repository + u':' + changes.at(index).tag));
            return;
        }
        changes[index].applied = true;
        Q_EMIT q->changed(index);
        if (!stopped)
            putNext(q);
    });
}

} // namespace ops
