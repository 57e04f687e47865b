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

// A manifest as fetched: the exact bytes the registry sent (empty for HEAD), verified
// against the requested digest when fetched by digest, and hashed by us when fetched by tag.
struct FetchedManifest
{
    Digest digest;
    QString mediaType; // Content-Type without parameters
    qint64 size = -1;
    QByteArray bytes;
};

class PingJob;
class CatalogJob;
class TagListJob;
class ManifestJob;
class BlobJob;

// The Distribution API for one registry. All calls return at once with a job the caller
// owns (parent it or delete it); results arrive on the thread the client lives on.
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
    BlobJob *blob(const QString &repository, const Digest &digest, QIODevice *sink = nullptr,
                  qint64 maxBufferedBytes = 64 * 1024 * 1024);

private:
    Transport *m_transport;
    RegistryConfig m_config;
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
    std::unique_ptr<Private> d;
};

class CatalogJob final : public Job
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CatalogJob)
public:
    ~CatalogJob() override;
    QStringList repositories() const; // all pages so far
    struct Private;
    explicit CatalogJob(std::unique_ptr<Private> d, QObject *parent);
Q_SIGNALS:
    void pageReceived(const QStringList &repositories);
protected:
    void abort() override;
private:
    std::unique_ptr<Private> d;
};

class TagListJob final : public Job
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TagListJob)
public:
    ~TagListJob() override;
    QStringList tags() const; // all pages so far
    struct Private;
    explicit TagListJob(std::unique_ptr<Private> d, QObject *parent);
Q_SIGNALS:
    void pageReceived(const QStringList &tags);
protected:
    void abort() override;
private:
    std::unique_ptr<Private> d;
};

class ManifestJob final : public Job
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ManifestJob)
public:
    ~ManifestJob() override;
    const FetchedManifest &manifest() const;
    struct Private;
    explicit ManifestJob(std::unique_ptr<Private> d, QObject *parent);
protected:
    void abort() override;
private:
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
    struct Private;
    explicit BlobJob(std::unique_ptr<Private> d, QObject *parent);
Q_SIGNALS:
    void progress(qint64 received, qint64 total);
protected:
    void abort() override;
private:
    std::unique_ptr<Private> d;
};

} // namespace oci
