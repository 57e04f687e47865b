#pragma once

#include "image/push/producerpool.h"
#include "image/push/pushplan.h"
#include "oci/core/error.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPointer>

#include <memory>

namespace oci {
class BlobUpload;
class RegistryClient;
} // namespace oci

namespace image {

class BlobProducer;
class LocalImageSource;

// Sends one blob of a push: mounts it when the plan says another repository has it (a 202
// answer becomes the upload session), else opens an upload session and sends it. A blob sent
// as it is in the archive streams in the one committing PUT (ProducedBody); a plain layer is
// gzip'ed on a worker (BlobProducer) while the session opens, PATCHed chunk after chunk as
// the compressed bytes come, and committed with their digest. With `recheck`, a
// blob whose registry digest is known is looked up first (a retried push skips what landed).
// Its producers share the worker threads with other pushes' as `producerGroup` (ProducerPool).
class BlobSender final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BlobSender)

public:
    enum class Outcome { Sent, Mounted, Present };
    static constexpr qint64 SegmentBytes = 32 * 1024 * 1024; // a PATCH of gzip'ed output
    enum class Step { Checking, Opening, Sending };

    BlobSender(oci::RegistryClient *client, const QString &repository,
               std::shared_ptr<const LocalImageSource> source, const PushBlob &blob, bool recheck,
               ProducerPool::Group producerGroup = 0, QObject *parent = nullptr);
    ~BlobSender() override;

    void start();
    Step step() const { return m_step; }
    qint64 sourceBytesDone() const { return m_sourceDone; }
    // The blob as the registry has it (after done()).
    const oci::Digest &target() const { return m_blob.target; }
    qint64 targetSize() const { return m_blob.targetSize; }

Q_SIGNALS:
    void progress(qint64 sourceBytesDone);
    void stepChanged();
    void done(image::BlobSender::Outcome outcome);
    void failed(const oci::Error &error);

private:
    void check();
    void open(bool mount);
    void onOpened();
    bool compresses() const;
    void startProducer();
    void sendStreamed();
    void pump();
    void fail(const oci::Error &error);

    QPointer<oci::RegistryClient> m_client;
    QString m_repository;
    std::shared_ptr<const LocalImageSource> m_source;
    PushBlob m_blob;
    bool m_recheck;
    ProducerPool::Group m_producerGroup;
    Step m_step = Step::Opening;
    oci::BlobUpload *m_upload = nullptr;
    BlobProducer *m_producer = nullptr;
    bool m_busy = false;
    bool m_finished = false;
    bool m_succeeded = false; // committed or mounted
    qint64 m_sourceDone = 0;
    qint64 m_chunkStart = 0; // archive bytes acknowledged before the request in flight
    qint64 m_chunkEnd = 0;   // ... and once it is
    QList<QByteArray> m_segment; // gzip'ed pieces gathering for the next PATCH, not joined
    qint64 m_segmentBytes = 0;
    qint64 m_segmentEnd = 0; // archive bytes consumed once m_segment is sent
    bool m_segmentLast = false;
};

} // namespace image
