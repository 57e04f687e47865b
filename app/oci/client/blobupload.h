#pragma once

#include "oci/client/job.h"
#include "oci/core/digest.h"
#include "oci/core/error.h"

#include <QByteArray>
#include <QObject>
#include <QUrl>

#include <functional>
#include <memory>

class QIODevice;

namespace oci {

class RegistryClient;

// HEAD /v2/<name>/blobs/<digest>: is the blob in this repository, and how big. A 404 is a
// success with exists() false; anything else unexpected is an error.
class BlobStatJob final : public Job
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BlobStatJob)
public:
    ~BlobStatJob() override;
    bool exists() const;
    qint64 size() const; // Content-Length when it exists, else -1
    struct Private;
    explicit BlobStatJob(std::unique_ptr<Private> d, QObject *parent);

protected:
    void abort() override;

private:
    friend class RegistryClient;
    std::unique_ptr<Private> d;
};

// PUT /v2/<name>/manifests/<tag or digest> with the bytes as they are and the media type as
// Content-Type. digest() is the sha256 of the bytes; a Docker-Content-Digest answer that
// differs fails the job (DigestMismatch).
class ManifestPutJob final : public Job
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ManifestPutJob)
public:
    ~ManifestPutJob() override;
    const Digest &digest() const;
    struct Private;
    explicit ManifestPutJob(std::unique_ptr<Private> d, QObject *parent);

protected:
    void abort() override;

private:
    friend class RegistryClient;
    std::unique_ptr<Private> d;
};

// One blob upload session (distribution spec, "pushing blobs"): opened by a POST — or by a
// cross-repository mount attempt, whose 201 means the blob is there (mounted) and whose 202
// is an ordinary session to use, never re-POSTed — then chunks PATCHed in order with
// Content-Range "<first>-<last>", then committed by PUT <location>?digest=<digest>.
// Every answer's Location replaces the previous one (resolved against the URL that sent it,
// its query kept intact); credentials go only to the registry's origin (the Transport's rule).
//
// One operation at a time: call write()/commit()/queryOffset() only in state Open. Each ends
// with exactly one signal (written/committed/resumed, or failed), never from inside the call.
// A failed operation leaves the session Failed; queryOffset() may still be called on a Failed
// session that has a location, to learn what the registry kept (resume after a dropped
// connection): it answers resumed() and the session is Open again at that offset. A call in
// the wrong state is answered by failed() (InvalidArgument) and changes nothing.
// PATCH and PUT bodies are not replayed by the transport (they are not idempotent).
// A 404 on the session (BLOB_UPLOAD_UNKNOWN: it expired or the registry restarted without
// it) fails with an error for which isSessionExpired() is true: start again with a POST.
// Deleting the object aborts what is in flight; abandon() also DELETEs the session (best
// effort, in the background) and silences the object (Failed, Cancelled, no more signals).
class BlobUpload final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BlobUpload)

public:
    enum class State { Opening, Open, Busy, Mounted, Committed, Failed };
    Q_ENUM(State)

    ~BlobUpload() override;

    State state() const;
    const Error &error() const; // when Failed
    qint64 offset() const;      // bytes the registry acknowledged so far
    QUrl location() const;      // the current session URL (empty before the POST answered)
    QString uploadUuid() const; // Docker-Upload-UUID of the last answer, if any
    // OCI-Chunk-Min-Length of the POST answer (0 when not given): every chunk but the
    // last should be at least this long.
    qint64 minChunkLength() const;

    // The registry no longer knows the session (404 on PATCH/PUT/GET): restart from POST.
    static bool isSessionExpired(const Error &error);

    void write(const QByteArray &chunk);
    // write() of `size` bytes streamed from a device `source` makes (once per attempt; see
    // TransportRequest::bodySource).
    void writeStreamed(std::function<QIODevice *()> source, qint64 size);
    void commit(const Digest &digest, const QByteArray &last = {});
    // Commits with the rest of the blob, `size` bytes, streamed in the PUT from a device
    // `source` makes (once per attempt; see TransportRequest::bodySource): a blob too big to
    // hold goes in one request instead of many PATCHes.
    void commitStreamed(const Digest &digest, std::function<QIODevice *()> source, qint64 size);
    void queryOffset();
    void abandon();

    struct Private;
    explicit BlobUpload(std::unique_ptr<Private> d, QObject *parent);

Q_SIGNALS:
    void opened();                              // state Open or Mounted
    void written(qint64 offset);                // a PATCH was acknowledged
    void committed(const oci::Digest &digest);  // the PUT was acknowledged: the blob is there
    void resumed(qint64 offset);                // queryOffset() answered
    void failed(const oci::Error &error);
    // Bytes of the current request's body sent so far (for smooth progress): rising, and
    // sending(total, total) always comes before the written()/committed() of that request.
    // Bytes sent are not bytes kept: only offset()/written() say what the registry has.
    void sending(qint64 sent, qint64 total);

private:
    friend class RegistryClient;
    std::unique_ptr<Private> d;
};

} // namespace oci
