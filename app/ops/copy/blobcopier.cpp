#include "ops/copy/blobcopier.h"

#include "ops/copy/blobpipe.h"

#include "oci/client/blobupload.h"
#include "oci/client/registryclient.h"

namespace ops {

BlobCopier::BlobCopier(CopyEndpoints endpoints, oci::Descriptor blob,
                       std::shared_ptr<BufferMeter> meter, QObject *parent)
    : QObject(parent)
    , m_endpoints(std::move(endpoints))
    , m_blob(std::move(blob))
    , m_meter(std::move(meter))
{
    if (m_endpoints.source) {
        m_sourceHost = m_endpoints.source->config().host;
        connect(m_endpoints.source, &QObject::destroyed, this,
                [this] { connectionGone(CopySide::Source); });
    }
    if (m_endpoints.target) {
        m_targetHost = m_endpoints.target->config().host;
        connect(m_endpoints.target, &QObject::destroyed, this,
                [this] { connectionGone(CopySide::Target); });
    }
}

BlobCopier::~BlobCopier()
{
    m_cancelled = true;
    stopAll();
    // The requests are their clients' children (they go with their client); ours to delete.
    if (m_download)
        m_download->deleteLater();
    if (m_upload)
        m_upload->deleteLater();
}

void BlobCopier::connectionGone(CopySide side)
{
    // Its requests went with it, silently: say so instead of waiting for them forever.
    fail(side, oci::Error(oci::Error::Code::Cancelled,
                          QStringLiteral("the connection to the registry is gone")));
}

int BlobCopier::pauses() const
{
    return m_pipe ? m_pipe->pauses() : 0;
}

qint64 BlobCopier::peakBuffered() const
{
    return m_pipe ? m_pipe->peakBuffered() : 0;
}

void BlobCopier::setStep(Step step)
{
    if (m_step == step)
        return;
    m_step = step;
    Q_EMIT stepChanged();
}

void BlobCopier::start()
{
    setStep(Step::Checking);
    if (!m_endpoints.source || !m_endpoints.target) {
        connectionGone(m_endpoints.source ? CopySide::Target : CopySide::Source);
        return;
    }
    m_stat = m_endpoints.target->statBlob(m_endpoints.targetRepository, m_blob.digest());
    connect(m_stat, &oci::Job::finished, this, &BlobCopier::onChecked);
}

void BlobCopier::onChecked()
{
    oci::BlobStatJob *stat = m_stat;
    m_stat = nullptr;
    stat->deleteLater();
    if (!stat->succeeded()) {
        fail(CopySide::Target, stat->error());
        return;
    }
    if (stat->exists()) {
        finish(Outcome::Present);
        return;
    }
    if (!m_endpoints.source || !m_endpoints.target)
        return; // connectionGone() told
    const bool mount = m_endpoints.sameRegistry;
    setStep(mount ? Step::Mounting : Step::Streaming);
    m_upload = m_endpoints.target->startUpload(m_endpoints.targetRepository,
                                               mount ? m_blob.digest() : oci::Digest(),
                                               mount ? m_endpoints.sourceRepository : QString());
    connect(m_upload, &oci::BlobUpload::opened, this, &BlobCopier::onOpened);
    connect(m_upload, &oci::BlobUpload::committed, this, &BlobCopier::onCommitted);
    connect(m_upload, &oci::BlobUpload::failed, this,
            [this](const oci::Error &error) { fail(CopySide::Target, error); });
    connect(m_upload, &oci::BlobUpload::sending, this, [this](qint64 sent, qint64) {
        m_sent = sent;
        Q_EMIT progress(m_sent, m_blob.size());
    });
}

void BlobCopier::onOpened()
{
    if (m_upload->state() == oci::BlobUpload::State::Mounted) {
        finish(Outcome::Mounted);
        return;
    }
    stream();
}

void BlobCopier::stream()
{
    setStep(Step::Streaming);
    const qint64 size = m_blob.size();
    if (size == 0) {
        m_upload->commit(m_blob.digest()); // the registry checks the digest of nothing
        return;
    }
    m_pipe = new BlobPipe(size, PipeHighWater, m_meter, this);
    m_download =
        m_endpoints.source->blob(m_endpoints.sourceRepository, m_blob.digest(), m_pipe, 0, size);
    connect(m_pipe, &BlobPipe::pressureChanged, m_download, &oci::BlobJob::setPaused);
    connect(m_download, &oci::Job::finished, this, &BlobCopier::onDownloadFinished);
    m_upload->commitStreamed(
        m_blob.digest(),
        [pipe = QPointer<BlobPipe>(m_pipe)]() -> QIODevice * {
            return pipe ? pipe->openReader() : nullptr;
        },
        size);
}

void BlobCopier::onDownloadFinished()
{
    if (!m_download->succeeded()) {
        fail(CopySide::Source, m_download->error());
        return;
    }
    m_pipe->finish(); // verified: the withheld last byte may go
}

void BlobCopier::onCommitted()
{
    m_committed = true;
    // The pipe withholds the last byte until the download verified the digest, so a commit
    // implies it; a zero-length blob has no download.
    if (m_download && !m_download->succeeded()) {
        fail(CopySide::Source, oci::Error(oci::Error::Code::DigestMismatch,
                                          QStringLiteral("the upload ended before the download "
                                                         "was verified")));
        return;
    }
    m_sent = m_blob.size();
    finish(Outcome::Copied);
}

void BlobCopier::fail(CopySide side, const oci::Error &error)
{
    if (m_outcome != Outcome::Running || m_cancelled)
        return;
    m_failedSide = side;
    const bool source = side == CopySide::Source;
    m_error = copyError(side, source ? m_sourceHost : m_targetHost,
                        source ? m_endpoints.sourceRepository : m_endpoints.targetRepository,
                        u"blob " + m_blob.digest().toString(), m_blob.digest().toString(), error);
    stopAll();
    finish(Outcome::Failed);
}

void BlobCopier::finish(Outcome outcome)
{
    m_outcome = outcome;
    if (m_pipe && outcome != Outcome::Copied)
        m_pipe->fail(QStringLiteral("the copy of the blob stopped"));
    setStep(Step::Done);
    Q_EMIT done();
}

void BlobCopier::stopAll()
{
    if (m_stat) {
        m_stat->cancel();
        m_stat->deleteLater();
        m_stat = nullptr;
    }
    if (m_download && !m_download->isFinished())
        m_download->cancel();
    if (m_upload && !m_committed && m_upload->state() != oci::BlobUpload::State::Mounted) {
        m_upload->abandon(); // the registry drops the session (best effort)
        m_upload->deleteLater();
        m_upload = nullptr;
    }
    if (m_pipe)
        m_pipe->fail(QStringLiteral("the copy of the blob stopped"));
}

void BlobCopier::cancel()
{
    if (m_cancelled)
        return;
    m_cancelled = true;
    if (m_outcome != Outcome::Running)
        return;
    stopAll();
    m_outcome = Outcome::Failed;
    m_error = oci::Error(oci::Error::Code::Cancelled, QStringLiteral("cancelled"));
}

} // namespace ops
