#include "oci/client/blobupload.h"

#include "oci/client/apirequest.h"
#include "oci/client/registryclient.h"
#include "oci/transport/origin.h"
#include "oci/transport/transport.h"
#include "oci/transport/transportreply.h"

#include <QPointer>
#include <QUrlQuery>

#include <optional>
#include <utility>

namespace oci {

namespace {

constexpr QStringView kUploadUnknown = u"BLOB_UPLOAD_UNKNOWN";
constexpr QByteArrayView kOctetStream = "application/octet-stream";

QString stateName(BlobUpload::State state)
{
    switch (state) {
    case BlobUpload::State::Opening: return QStringLiteral("opening");
    case BlobUpload::State::Open: return QStringLiteral("open");
    case BlobUpload::State::Busy: return QStringLiteral("busy");
    case BlobUpload::State::Mounted: return QStringLiteral("mounted");
    case BlobUpload::State::Committed: return QStringLiteral("committed");
    case BlobUpload::State::Failed: return QStringLiteral("failed");
    }
    return {};
}

// The end of a Range header, "0-<last>" (distribution) or "bytes=0-<last>" (old docs).
std::optional<qint64> rangeLast(QByteArray value)
{
    value = value.trimmed();
    if (value.startsWith("bytes="))
        value = value.sliced(6);
    const qsizetype dash = value.indexOf('-');
    if (dash <= 0)
        return std::nullopt;
    bool firstOk = false;
    bool lastOk = false;
    const qint64 first = value.first(dash).toLongLong(&firstOk);
    const qint64 last = value.sliced(dash + 1).toLongLong(&lastOk);
    if (!firstOk || !lastOk || first != 0 || last < 0)
        return std::nullopt;
    return last;
}

// Bytes the registry holds according to `range`, or `fallback` without a usable header.
// Distribution writes "0-0" for both 0 and 1 byte received; `expected` (what we believe it
// has) decides between the two.
qint64 acknowledgedBytes(const QByteArray &range, qint64 expected, qint64 fallback)
{
    const std::optional<qint64> last = rangeLast(range);
    if (!last)
        return fallback;
    if (*last == 0)
        return qMin<qint64>(1, expected);
    return *last + 1;
}

} // namespace

struct BlobUpload::Private
{
    enum class Op { None, Open, Write, Commit, Query };

    Transport *transport = nullptr;
    RegistryConfig registry;
    QString repository;
    Digest mount;
    QString mountFrom;

    State state = State::Opening;
    Error error;
    qint64 offset = 0;
    QUrl location;
    QString uuid;
    qint64 minChunk = 0;

    Op op = Op::None;
    bool silenced = false; // abandon(): no signal after it, not even one already queued
    qint64 pending = 0; // body bytes of the request in flight
    qint64 reported = 0; // ... of which sending() has told
    Digest committing;
    OwnedRequest<TransportReply> reply;

    void send(BlobUpload *q, Op what, TransportRequest request);
    void onFinished(BlobUpload *q, TransportReply *finished);
    void finishOpen(BlobUpload *q, const TransportResponse &response);
    void finishWrite(BlobUpload *q, const TransportResponse &response);
    void finishCommit(BlobUpload *q, const TransportResponse &response);
    void finishQuery(BlobUpload *q, const TransportResponse &response);
    // Takes the answer's Location as the session URL; false (and failed) when unusable.
    // Without one, a POST fails; a PATCH or GET answer keeps the current URL.
    bool takeLocation(BlobUpload *q, const TransportResponse &response, bool required);
    void fail(BlobUpload *q, Error failure);
    // sending(pending, pending) unless progress got there already; false when a receiver
    // deleted q meanwhile.
    bool reportAllSent(BlobUpload *q);
    // failed() for a misuse or bad argument, queued, without touching the session.
    void refuse(BlobUpload *q, Error::Code code, const QString &message) const;
    Error contextual(Error failure, const QUrl &url) const;
    QString object() const
    {
        return committing.isNull() ? repository : repository + u'@' + committing.toString();
    }
    TransportRequest sessionRequest(const QByteArray &method, const QUrl &url) const;
    // PATCH / PUT ?digest= with `body`'s body or bodySource, `size` bytes.
    void writeWith(BlobUpload *q, TransportRequest body, qint64 size);
    void commitWith(BlobUpload *q, const Digest &digest, TransportRequest body, qint64 size);
};

BlobUpload::BlobUpload(std::unique_ptr<Private> d_, QObject *parent)
    : QObject(parent), d(std::move(d_))
{
}

BlobUpload::~BlobUpload() = default;

BlobUpload::State BlobUpload::state() const
{
    return d->state;
}

const Error &BlobUpload::error() const
{
    return d->error;
}

qint64 BlobUpload::offset() const
{
    return d->offset;
}

QUrl BlobUpload::location() const
{
    return d->location;
}

QString BlobUpload::uploadUuid() const
{
    return d->uuid;
}

qint64 BlobUpload::minChunkLength() const
{
    return d->minChunk;
}

bool BlobUpload::isSessionExpired(const Error &error)
{
    // A 404 on a session URL means the registry forgot the session whether or not it sent
    // a body saying BLOB_UPLOAD_UNKNOWN; another registry code there is something else.
    return error.code() == Error::Code::NotFound && error.httpStatus() == 404 &&
           (error.hasRegistryCode(kUploadUnknown) || error.registryErrors().isEmpty());
}

Error BlobUpload::Private::contextual(Error failure, const QUrl &url) const
{
    if (failure.registry().isEmpty())
        failure.withRegistry(registry.host);
    if (failure.object().isEmpty())
        failure.withObject(object());
    if (failure.url().isEmpty())
        failure.withUrl(url);
    return failure;
}

void BlobUpload::Private::refuse(BlobUpload *q, Error::Code code, const QString &message) const
{
    const Error failure = contextual(Error(code, message), location);
    QMetaObject::invokeMethod(
        q,
        [q, failure] {
            if (!q->d->silenced)
                Q_EMIT q->failed(failure);
        },
        Qt::QueuedConnection);
}

void BlobUpload::Private::fail(BlobUpload *q, Error failure)
{
    state = State::Failed;
    error = contextual(std::move(failure), location);
    const Error copy = error; // a receiver may delete q
    Q_EMIT q->failed(copy);
}

bool BlobUpload::Private::reportAllSent(BlobUpload *q)
{
    if (pending == 0 || reported == pending)
        return true;
    reported = pending;
    QPointer<BlobUpload> alive(q);
    Q_EMIT q->sending(pending, pending);
    return !alive.isNull();
}

TransportRequest BlobUpload::Private::sessionRequest(const QByteArray &method,
                                                     const QUrl &url) const
{
    TransportRequest request;
    request.method = method;
    request.url = url;
    request.scopes = QStringList{api::pushScope(repository)};
    request.object = object();
    request.maxBodyBytes = MaxErrorBodyBytes;
    request.retryable = method == "GET"; // bodies are not replayed: the caller resumes
    return request;
}

void BlobUpload::Private::send(BlobUpload *q, Op what, TransportRequest request)
{
    op = what;
    pending = request.bodySource ? request.bodySize : request.body.size();
    reported = 0;
    TransportReply *sent = transport->send(registry, std::move(request));
    reply.reset(sent);
    if (pending > 0) {
        QObject::connect(sent, &TransportReply::uploadProgress, q, [this, q](qint64 done, qint64) {
            // Qt reports 0/0 before it starts and again at the end of a body-less hop.
            if (done <= reported || done > pending)
                return;
            reported = done;
            Q_EMIT q->sending(done, pending);
        });
    }
    QObject::connect(sent, &TransportReply::finished, q, [this, q, sent] { onFinished(q, sent); });
}

void BlobUpload::Private::onFinished(BlobUpload *q, TransportReply *finished)
{
    if (reply.get() != finished)
        return;
    // Kept until this function returns: response() refers into it.
    const OwnedRequest<TransportReply> done = std::move(reply);
    const Op what = std::exchange(op, Op::None);
    if (!done->ok()) {
        Error failure = done->error();
        if (what != Op::Open && isSessionExpired(failure)) {
            const QList<RegistryErrorEntry> entries = failure.registryErrors();
            failure = Error(Error::Code::NotFound,
                            QStringLiteral("the registry no longer knows this upload session "
                                           "(it expired or the registry lost it); the upload "
                                           "has to start again"))
                          .withHttpStatus(404)
                          .withRegistryErrors(entries)
                          .withUrl(done->response().url);
        }
        fail(q, std::move(failure));
        return;
    }
    const TransportResponse &response = done->response();
    switch (what) {
    case Op::Open: finishOpen(q, response); return;
    case Op::Write: finishWrite(q, response); return;
    case Op::Commit: finishCommit(q, response); return;
    case Op::Query: finishQuery(q, response); return;
    case Op::None: return;
    }
}

bool BlobUpload::Private::takeLocation(BlobUpload *q, const TransportResponse &response,
                                       bool required)
{
    const auto refuseLocation = [&](const QString &why) {
        fail(q, Error(Error::Code::RedirectRefused, why).withUrl(response.url));
        return false;
    };
    const QByteArray raw = response.header("location").trimmed();
    if (raw.isEmpty() && !required)
        return true;
    if (raw.isEmpty())
        return refuseLocation(
            QStringLiteral("the registry answered %1 without the Location of the upload session")
                .arg(response.status));
    Result<QUrl> next =
        followLocation(response.url, raw, QStringLiteral("the upload session's Location"));
    if (!next) {
        fail(q, Error(next.error()).withUrl(response.url));
        return false;
    }
    location = next.value();
    const QByteArray uploadUuid = response.header("docker-upload-uuid").trimmed();
    if (!uploadUuid.isEmpty())
        uuid = QString::fromLatin1(uploadUuid);
    return true;
}

void BlobUpload::Private::finishOpen(BlobUpload *q, const TransportResponse &response)
{
    if (response.status == 201 && !mount.isNull()) {
        state = State::Mounted;
        committing = mount;
        Q_EMIT q->opened();
        return;
    }
    if (response.status != 202) {
        fail(q, Error(Error::Code::HttpError,
                      QStringLiteral("the registry answered %1 to the start of an upload, not "
                                     "202 Accepted")
                          .arg(response.status))
                    .withHttpStatus(response.status)
                    .withUrl(response.url));
        return;
    }
    if (!takeLocation(q, response, true))
        return;
    bool ok = false;
    const qint64 minimum = response.header("oci-chunk-min-length").trimmed().toLongLong(&ok);
    minChunk = ok && minimum > 0 ? minimum : 0;
    offset = 0;
    state = State::Open;
    Q_EMIT q->opened();
}

void BlobUpload::Private::finishWrite(BlobUpload *q, const TransportResponse &response)
{
    const qint64 expected = offset + pending;
    if (!takeLocation(q, response, false))
        return;
    const qint64 acknowledged = acknowledgedBytes(response.header("range"), expected, expected);
    if (acknowledged != expected) {
        offset = qMin(acknowledged, expected);
        fail(q, Error(Error::Code::Network,
                      QStringLiteral("the registry acknowledged %1 bytes of the upload after %2 "
                                     "were sent")
                          .arg(acknowledged)
                          .arg(expected))
                    .withUrl(response.url));
        return;
    }
    offset = expected;
    state = State::Open;
    if (!reportAllSent(q))
        return;
    Q_EMIT q->written(expected);
}

void BlobUpload::Private::finishCommit(BlobUpload *q, const TransportResponse &response)
{
    Error mismatch = api::checkStoredDigest(response, committing, QStringLiteral("blob"));
    if (mismatch.code() != Error::Code::None) {
        fail(q, std::move(mismatch));
        return;
    }
    offset += pending;
    state = State::Committed;
    const Digest digest = committing;
    if (!reportAllSent(q))
        return;
    Q_EMIT q->committed(digest);
}

void BlobUpload::Private::finishQuery(BlobUpload *q, const TransportResponse &response)
{
    if (!takeLocation(q, response, false))
        return;
    offset = acknowledgedBytes(response.header("range"), offset, 0);
    error = Error();
    state = State::Open;
    Q_EMIT q->resumed(offset);
}

void BlobUpload::write(const QByteArray &chunk)
{
    TransportRequest body;
    body.body = chunk;
    d->writeWith(this, std::move(body), chunk.size());
}

void BlobUpload::writeStreamed(std::function<QIODevice *()> source, qint64 size)
{
    TransportRequest body;
    body.bodySource = std::move(source);
    body.bodySize = size;
    d->writeWith(this, std::move(body), size);
}

void BlobUpload::Private::writeWith(BlobUpload *q, TransportRequest body, qint64 size)
{
    if (state != State::Open) {
        refuse(q, Error::Code::InvalidArgument,
               QStringLiteral("cannot write to an upload session that is %1").arg(stateName(state)));
        return;
    }
    if (size <= 0) {
        const qint64 at = offset;
        QMetaObject::invokeMethod(
            q,
            [q, at] {
                if (!q->d->silenced)
                    Q_EMIT q->written(at);
            },
            Qt::QueuedConnection);
        return;
    }
    TransportRequest request = sessionRequest("PATCH", location);
    const qint64 last = offset + size - 1;
    request.addHeader("Content-Type", kOctetStream.toByteArray());
    request.addHeader("Content-Range", QByteArray::number(offset) + '-' + QByteArray::number(last));
    request.addHeader("Content-Length", QByteArray::number(size));
    request.body = std::move(body.body);
    request.bodySource = std::move(body.bodySource);
    request.bodySize = body.bodySize;
    state = State::Busy;
    send(q, Op::Write, std::move(request));
}

void BlobUpload::commit(const Digest &digest, const QByteArray &last)
{
    TransportRequest request;
    request.body = last;
    d->commitWith(this, digest, std::move(request), last.size());
}

void BlobUpload::commitStreamed(const Digest &digest, std::function<QIODevice *()> source,
                                qint64 size)
{
    TransportRequest request;
    request.bodySource = std::move(source);
    request.bodySize = size;
    d->commitWith(this, digest, std::move(request), size);
}

void BlobUpload::Private::commitWith(BlobUpload *q, const Digest &digest, TransportRequest body,
                                     qint64 size)
{
    if (state != State::Open) {
        refuse(q, Error::Code::InvalidArgument,
               QStringLiteral("cannot commit an upload session that is %1").arg(stateName(state)));
        return;
    }
    if (digest.isNull()) {
        refuse(q, Error::Code::InvalidDigest,
               QStringLiteral("an upload is committed with the blob's digest; none given"));
        return;
    }
    committing = digest;
    // The session URL's own query (_state and the like) stays as it is; digest= joins it.
    QUrl url = location;
    QUrlQuery query(url);
    query.addQueryItem(QStringLiteral("digest"), digest.toString());
    url.setQuery(query);
    TransportRequest request = sessionRequest("PUT", url);
    request.addHeader("Content-Type", kOctetStream.toByteArray());
    if (size > 0)
        request.addHeader("Content-Range",
                          QByteArray::number(offset) + '-' + QByteArray::number(offset + size - 1));
    request.addHeader("Content-Length", QByteArray::number(size));
    request.body = std::move(body.body);
    request.bodySource = std::move(body.bodySource);
    request.bodySize = body.bodySize;
    state = State::Busy;
    send(q, Op::Commit, std::move(request));
}

void BlobUpload::queryOffset()
{
    const bool resumable = d->state == State::Open || d->state == State::Failed;
    if (!resumable || d->location.isEmpty()) {
        d->refuse(this, Error::Code::InvalidArgument,
                  QStringLiteral("cannot ask for the offset of an upload session that is %1")
                      .arg(d->location.isEmpty() ? QStringLiteral("not open yet")
                                                 : stateName(d->state)));
        return;
    }
    d->state = State::Busy;
    d->send(this, Private::Op::Query, d->sessionRequest("GET", d->location));
}

void BlobUpload::abandon()
{
    d->reply.reset();
    d->op = Private::Op::None;
    const bool live = d->state != State::Committed && d->state != State::Mounted;
    if (live && !d->location.isEmpty()) {
        // Best effort: distribution wants the delete scope for this, so a push-only token
        // gets 401; the session then simply expires. Owned by the transport, not by us.
        TransportRequest request = d->sessionRequest("DELETE", d->location);
        request.retryable = false;
        TransportReply *reply = d->transport->send(d->registry, std::move(request), d->transport);
        connect(reply, &TransportReply::finished, reply, &QObject::deleteLater);
    }
    d->state = State::Failed;
    d->error = d->contextual(Error(Error::Code::Cancelled, QStringLiteral("upload abandoned")),
                             d->location);
    d->silenced = true;
}

BlobUpload *RegistryClient::startUpload(const QString &repository, const Digest &mount,
                                        const QString &mountFrom, QObject *parent)
{
    auto d = std::make_unique<BlobUpload::Private>();
    d->transport = m_transport;
    d->registry = m_config;
    d->repository = repository;
    d->mount = mount;
    d->mountFrom = mountFrom;
    auto *upload = new BlobUpload(std::move(d), parent ? parent : this);
    BlobUpload::Private *p = upload->d.get();

    const auto refuse = [upload, p](Error error) {
        p->state = BlobUpload::State::Failed;
        p->error = p->contextual(std::move(error), {});
        const Error copy = p->error;
        QMetaObject::invokeMethod(
            upload,
            [upload, copy] {
                if (!upload->d->silenced)
                    Q_EMIT upload->failed(copy);
            },
            Qt::QueuedConnection);
        return upload;
    };
    if (Error invalid = api::checkRepository(m_config, repository);
        invalid.code() != Error::Code::None)
        return refuse(std::move(invalid));
    if (mount.isNull() != mountFrom.isEmpty())
        return refuse(api::invalidArgument(
            m_config, repository,
            QStringLiteral("a cross-repository mount needs both the digest and the source "
                           "repository")));
    if (!mountFrom.isEmpty()) {
        if (Error invalid = api::checkRepository(m_config, mountFrom);
            invalid.code() != Error::Code::None)
            return refuse(std::move(invalid));
    }

    TransportRequest request;
    request.method = "POST";
    QUrlQuery query;
    request.scopes = QStringList{api::pushScope(repository)};
    if (!mount.isNull()) {
        query.addQueryItem(QStringLiteral("mount"), mount.toString());
        query.addQueryItem(QStringLiteral("from"), mountFrom);
        if (mountFrom != repository)
            request.scopes << api::pullScope(mountFrom);
    }
    request.url = api::url(m_config, QStringLiteral("/v2/%1/blobs/uploads/").arg(repository), query);
    request.addHeader("Content-Length", "0");
    request.object = mount.isNull() ? repository : repository + u'@' + mount.toString();
    request.maxBodyBytes = MaxErrorBodyBytes;
    request.retryable = false;
    p->send(upload, BlobUpload::Private::Op::Open, std::move(request));
    return upload;
}

} // namespace oci
