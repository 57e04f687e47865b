#pragma once

#include "oci/client/job.h"
#include "oci/core/digest.h"
#include "oci/transport/registryconfig.h"

#include <QObject>
#include <QStringList>

#include <memory>

class QIODevice;

namespace oci {

class Transport;

// A manifest as fetched: the exact bytes the registry sent (empty for HEAD, unless the
// registry answered HEAD with 405 or without Docker-Content-Digest and a GET was made),
// verified against the requested digest when fetched by digest, and hashed by us when
// fetched by tag. For a HEAD by tag, `digest` is the registry's Docker-Content-Digest.
struct FetchedManifest
{
    Digest digest;
    QString mediaType; // Content-Type without parameters
    qint64 size = -1;
    QByteArray bytes;
};

class ManifestDocument;
class PingJob;
class CatalogJob;
class TagListJob;
class ManifestJob;
class BlobJob;
class BlobStatJob;
class BlobUpload;
class ManifestPutJob;
class ManifestDeleteJob;

// The Distribution API for one registry. All calls return at once with a job the caller
// owns: it starts as a child of the client (so it cannot outlive it); delete it when done
// or reparent it. Results arrive on the thread the client lives on. Invalid arguments
// (repository, tag, digest) fail the job with InvalidArgument/InvalidDigest, also queued.
// The Transport must outlive the client and its jobs.
class RegistryClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RegistryClient)

public:
    RegistryClient(Transport *transport, RegistryConfig config, QObject *parent = nullptr);
    ~RegistryClient() override;

    const RegistryConfig &config() const { return m_config; }
    Transport *transport() const { return m_transport; }

    // GET /v2/: is it a registry, and does it want credentials (it authenticates if so).
    PingJob *ping();
    // GET /v2/_catalog, following Link (same host only) with n = pageSize (<= 1000).
    CatalogJob *catalog(int pageSize = 100);
    // GET /v2/<repository>/tags/list, following Link (same host only).
    TagListJob *tags(const QString &repository, int pageSize = 1000);

    enum class Method { Get, Head };
    // GET/HEAD /v2/<repository>/manifests/<tag or digest> with the full Accept list.
    ManifestJob *manifest(const QString &repository, const QString &tagOrDigest,
                          Method method = Method::Get);
    // GET /v2/<repository>/blobs/<digest>, streamed and verified. With a sink, bytes are
    // written there as they arrive (the caller discards them if the job fails); without,
    // up to maxBufferedBytes are kept in memory.
    // `expectedSize` (the descriptor's size, -1 if unknown) is enforced while streaming.
    BlobJob *blob(const QString &repository, const Digest &digest, QIODevice *sink = nullptr,
                  qint64 maxBufferedBytes = 64 * 1024 * 1024, qint64 expectedSize = -1);

    // --- pushing (blobupload.h) -----------------------------------------------------
    // HEAD /v2/<repository>/blobs/<digest>: exists() false on 404.
    BlobStatJob *statBlob(const QString &repository, const Digest &digest);
    // POST /v2/<repository>/blobs/uploads/ (token scope: pull,push on `repository`). With
    // `mount` and `mountFrom` both set, ?mount=<digest>&from=<mountFrom> (plus pull on
    // `mountFrom`): 201 -> state Mounted; 202 -> an ordinary session (state Open), used as
    // it is. Setting only one of the two fails the session with InvalidArgument. The
    // session is the caller's: parented to `parent`, else to the client.
    BlobUpload *startUpload(const QString &repository, const Digest &mount = {},
                            const QString &mountFrom = {}, QObject *parent = nullptr);
    // PUT /v2/<repository>/manifests/<reference> (tag or digest) with Content-Type
    // `mediaType` and exactly `bytes`.
    ManifestPutJob *putManifest(const QString &repository, const QString &reference,
                                const QString &mediaType, const QByteArray &bytes);

    // --- deleting (manifestdeletejob.h) -----------------------------------------------
    // DELETE /v2/<repository>/manifests/<reference> (token scope: delete on `repository`).
    // A digest takes every tag on it along; a tag (where the registry offers it) only that
    // tag. Refusals are Error::Code::Unsupported, 404 NotFound.
    ManifestDeleteJob *deleteManifest(const QString &repository, const QString &reference);

    // Bounds of the list walks: n is clamped to MaxPageSize; a walk longer than maxPages()
    // stops with PaginationRefused.
    static constexpr int MaxPageSize = 1000;
    int maxPages() const { return m_maxPages; }
    void setMaxPages(int pages) { m_maxPages = pages; }

private:
    Transport *m_transport;
    RegistryConfig m_config;
    int m_maxPages = 10000;
};

class PingJob final : public Job
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PingJob)
public:
    ~PingJob() override;
    // "", "basic" or "bearer": what the registry asked for on /v2/.
    QString authScheme() const;
    // Private to the client: jobs are made by RegistryClient.
    struct Private;
    explicit PingJob(std::unique_ptr<Private> d, QObject *parent);

protected:
    void abort() override;

private:
    friend class RegistryClient;
    std::unique_ptr<Private> d;
};

// A paged listing (catalog or tags): one pageReceived() per page as it arrives, then
// finished().
class ListJob : public Job
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ListJob)
public:
    ~ListJob() override;
    QStringList items() const; // all pages so far
    int pagesFetched() const;
    struct Private;
Q_SIGNALS:
    void pageReceived(const QStringList &page);

protected:
    ListJob(std::unique_ptr<Private> d, QObject *parent);
    void abort() override;

private:
    friend class RegistryClient;
    std::unique_ptr<Private> d;
};

class CatalogJob final : public ListJob
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CatalogJob)
public:
    explicit CatalogJob(std::unique_ptr<Private> d, QObject *parent);
    ~CatalogJob() override;
    QStringList repositories() const { return items(); }
};

class TagListJob final : public ListJob
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TagListJob)
public:
    explicit TagListJob(std::unique_ptr<Private> d, QObject *parent);
    ~TagListJob() override;
    QStringList tags() const { return items(); }
};

class ManifestJob final : public Job
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ManifestJob)
public:
    ~ManifestJob() override;
    const FetchedManifest &manifest() const;
    // The parsed document of a GET (null for a HEAD answered without a body).
    std::shared_ptr<const ManifestDocument> document() const;
    struct Private;
    explicit ManifestJob(std::unique_ptr<Private> d, QObject *parent);

protected:
    void abort() override;

private:
    friend class RegistryClient;
    std::unique_ptr<Private> d;
};

class BlobJob final : public Job
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BlobJob)
public:
    ~BlobJob() override;
    QByteArray data() const; // when no sink was given
    qint64 bytesReceived() const;
    // The verified digest (equal to the requested one) once succeeded.
    const Digest &digest() const;
    // Flow control for a sink that cannot keep up (e.g. an upload of the same bytes): while
    // paused the body is not read — the network stack's bounded buffer fills and TCP holds
    // the registry back — and the inactivity timeout does not run. A job never paused
    // behaves as before.
    void setPaused(bool paused);
    bool isPaused() const;
    struct Private;
    explicit BlobJob(std::unique_ptr<Private> d, QObject *parent);
Q_SIGNALS:
    void progress(qint64 received, qint64 total);

protected:
    void abort() override;

private:
    friend class RegistryClient;
    std::unique_ptr<Private> d;
};

} // namespace oci
