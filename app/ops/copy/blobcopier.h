#pragma once

#include "oci/core/error.h"
#include "oci/manifest/descriptor.h"
#include "ops/copy/copyerror.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <memory>

namespace oci {
class BlobJob;
class BlobStatJob;
class BlobUpload;
class RegistryClient;
} // namespace oci

namespace ops {

class BlobPipe;
struct BufferMeter;

// Where a copy reads and writes. The clients should outlive the copy; one deleted
// meanwhile fails it (Cancelled, "the connection … is gone") instead of leaving it hanging.
struct CopyEndpoints
{
    QPointer<oci::RegistryClient> source;
    QString sourceRepository;
    QPointer<oci::RegistryClient> target;
    QString targetRepository;
    // Same registry (same host): blobs are mounted instead of streamed.
    bool sameRegistry = false;
};

// Copies one blob: HEAD on the target (there already: Present); on the same registry a
// cross-repository mount (201: Mounted; a 202 is an ordinary session, used as it is); else
// the blob streams from the source into one PUT on the target through a BlobPipe — no
// disk, bounded memory, the download paused while the upload is behind. Digests are checked
// on both sides: the download hashes what it reads, the registry what it stores.
//
//     auto *copier = new BlobCopier(endpoints, layer, meter, this);
//     connect(copier, &BlobCopier::done, this, [copier] {
//         show(copier->outcome());
//         copier->deleteLater();
//     });
//     copier->start();
class BlobCopier final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BlobCopier)

public:
    enum class Outcome { Running, Present, Mounted, Copied, Failed };
    enum class Step { Waiting, Checking, Mounting, Streaming, Done };

    // The pipe asks the download to pause when it holds this much.
    static constexpr qint64 PipeHighWater = 4 * 1024 * 1024;
    // What one copier buffers at most: the high water plus one read of the network stack
    // (HopSession's 4 MiB read buffer for streamed bodies).
    static constexpr qint64 MaxBufferedBytes = PipeHighWater + 4 * 1024 * 1024;

    BlobCopier(CopyEndpoints endpoints, oci::Descriptor blob, std::shared_ptr<BufferMeter> meter,
               QObject *parent = nullptr);
    ~BlobCopier() override;

    void start();
    // Stops everything: the download, the upload session (abandoned). No signal after it.
    void cancel();

    const oci::Descriptor &blob() const { return m_blob; }
    Outcome outcome() const { return m_outcome; }
    Step step() const { return m_step; }
    // Body bytes sent to the target so far (streamed blobs only).
    qint64 bytesSent() const { return m_sent; }
    int pauses() const; // times the download was paused for the upload
    qint64 peakBuffered() const;
    // When Failed: the side that failed, and the error (registry and object of that side,
    // the message saying what was being done).
    CopySide failedSide() const { return m_failedSide; }
    const oci::Error &error() const { return m_error; }

Q_SIGNALS:
    void stepChanged();
    void progress(qint64 sent, qint64 total);
    void done();

private:
    void onChecked();
    void onOpened();
    void stream();
    void onDownloadFinished();
    void onCommitted();
    void finish(Outcome outcome);
    void fail(CopySide side, const oci::Error &error);
    void setStep(Step step);
    void stopAll();
    void connectionGone(CopySide side);

    CopyEndpoints m_endpoints;
    QString m_sourceHost; // for errors, also once a client is gone
    QString m_targetHost;
    oci::Descriptor m_blob;
    std::shared_ptr<BufferMeter> m_meter;
    Outcome m_outcome = Outcome::Running;
    Step m_step = Step::Waiting;
    CopySide m_failedSide = CopySide::None;
    oci::Error m_error;
    qint64 m_sent = 0;
    bool m_cancelled = false;
    bool m_committed = false;
    QPointer<oci::BlobStatJob> m_stat;
    QPointer<oci::BlobUpload> m_upload;
    QPointer<oci::BlobJob> m_download;
    QPointer<BlobPipe> m_pipe;
};

} // namespace ops
