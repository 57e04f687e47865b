#include "image/push/blobsender.h"

#include "image/push/blobproducer.h"
#include "image/push/chunklistdevice.h"
#include "image/push/producedbody.h"
#include "image/source/localimagesource.h"
#include "oci/client/blobupload.h"
#include "oci/client/registryclient.h"

namespace image {

BlobSender::BlobSender(oci::RegistryClient *client, const QString &repository,
                       std::shared_ptr<const LocalImageSource> source, const PushBlob &blob,
                       bool recheck, ProducerPool::Group producerGroup, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_repository(repository)
    , m_source(std::move(source))
    , m_blob(blob)
    , m_recheck(recheck)
    , m_producerGroup(producerGroup)
{
}

BlobSender::~BlobSender()
{
    // A session that will not be committed goes now, not when the registry expires it.
    if (m_upload && !m_succeeded)
        m_upload->abandon();
}

void BlobSender::start()
{
    if (!m_client) {
        fail(oci::Error(oci::Error::Code::Cancelled, QStringLiteral("the registry was removed")));
        return;
    }
    if (m_recheck && !m_blob.target.isNull()) {
        check();
        return;
    }
    open(m_blob.fate == PushBlob::Fate::Mount && !m_blob.target.isNull());
}

void BlobSender::check()
{
    m_step = Step::Checking;
    Q_EMIT stepChanged();
    oci::BlobStatJob *stat = m_client->statBlob(m_repository, m_blob.target);
    stat->setParent(this);
    connect(stat, &oci::Job::finished, this, [this, stat] {
        stat->deleteLater();
        if (stat->succeeded() && stat->exists()) {
            m_blob.targetSize = stat->size() >= 0 ? stat->size() : m_blob.targetSize;
            m_finished = true;
            m_sourceDone = m_blob.size;
            Q_EMIT done(Outcome::Present);
            return;
        }
        // A failed HEAD is not fatal: the upload will tell.
        if (!m_client) {
            fail(oci::Error(oci::Error::Code::Cancelled, QStringLiteral("the registry was removed")));
            return;
        }
        open(m_blob.fate == PushBlob::Fate::Mount);
    });
}

void BlobSender::open(bool mount)
{
    m_step = Step::Opening;
    Q_EMIT stepChanged();
    m_upload = mount ? m_client->startUpload(m_repository, m_blob.target, m_blob.mountFrom, this)
                     : m_client->startUpload(m_repository, {}, {}, this);
    connect(m_upload, &oci::BlobUpload::opened, this, &BlobSender::onOpened);
    connect(m_upload, &oci::BlobUpload::failed, this, &BlobSender::fail);
    connect(m_upload, &oci::BlobUpload::written, this, [this](qint64) {
        if (m_finished)
            return;
        m_busy = false;
        m_sourceDone = m_chunkEnd;
        Q_EMIT progress(m_sourceDone);
        pump();
    });
    connect(m_upload, &oci::BlobUpload::sending, this, [this](qint64 sent, qint64 total) {
        if (m_finished || total <= 0)
            return;
        // Smooth progress inside a chunk: the archive bytes it carries, in proportion.
        // In double: the product of two byte counts overflows qint64 past a few GB.
        const qint64 done = m_chunkStart + qint64(double(m_chunkEnd - m_chunkStart) * double(sent) / double(total));
        if (done > m_sourceDone) {
            m_sourceDone = done;
            Q_EMIT progress(m_sourceDone);
        }
    });
    connect(m_upload, &oci::BlobUpload::committed, this, [this](const oci::Digest &) {
        m_busy = false;
        m_finished = true;
        m_succeeded = true;
        m_blob.target = m_producer ? m_producer->digest() : m_blob.source;
        m_blob.targetSize = m_producer ? m_producer->size() : m_blob.size;
        m_sourceDone = m_blob.size;
        Q_EMIT progress(m_sourceDone);
        Q_EMIT done(Outcome::Sent);
    });
    // A blob sent as it is streams in the committing PUT once the session is open; a layer
    // to gzip starts now, while the session opens (unless a mount makes it unnecessary).
    if (!mount && compresses())
        startProducer();
}

bool BlobSender::compresses() const
{
    // A 202 to a mount of a layer whose registry digest differs from the archive's means the
    // registry wants the gzip'ed blob the earlier push made: compress it again.
    return m_blob.fate == PushBlob::Fate::Compress ||
           (m_blob.kind == PushBlob::Kind::Layer && !m_blob.target.isNull() &&
            m_blob.target != m_blob.source);
}

void BlobSender::startProducer()
{
    m_producer = new BlobProducer(m_source, m_blob.source, true, m_producerGroup, this);
    connect(m_producer, &BlobProducer::available, this, &BlobSender::pump);
    connect(m_producer, &BlobProducer::failed, this, &BlobSender::fail);
    m_producer->start();
}

void BlobSender::sendStreamed()
{
    // Its size and digest are known: the whole blob in one request. Each attempt (a fresh
    // token, a redirect) reads the archive again from the start.
    m_busy = true;
    m_chunkStart = 0;
    m_chunkEnd = m_blob.size;
    QPointer<BlobSender> self(this);
    m_upload->commitStreamed(
        m_blob.source,
        [self, source = m_source, blob = m_blob.source, group = m_producerGroup]() -> QIODevice * {
            auto *body = new ProducedBody(source, blob, group);
            if (self)
                connect(body, &ProducedBody::failed, self.data(), &BlobSender::fail);
            return body;
        },
        m_blob.size);
}

void BlobSender::onOpened()
{
    if (m_upload->state() == oci::BlobUpload::State::Mounted) {
        m_finished = true;
        m_succeeded = true;
        m_sourceDone = m_blob.size;
        Q_EMIT done(Outcome::Mounted);
        return;
    }
    m_step = Step::Sending;
    Q_EMIT stepChanged();
    if (!compresses()) {
        sendStreamed();
        return;
    }
    // A mount answered with an upload session (202) starts its producer only now.
    if (!m_producer)
        startProducer();
    pump();
}

void BlobSender::pump()
{
    if (m_finished || m_busy || !m_upload || m_upload->state() != oci::BlobUpload::State::Open)
        return;
    // The producer's chunks gather into requests of SegmentBytes (or the registry's
    // OCI-Chunk-Min-Length, if larger): fewer PATCHes, which registries take faster.
    const qint64 segment = qMax(SegmentBytes, m_upload->minChunkLength());
    while (!m_segmentLast && m_segmentBytes < segment) {
        std::optional<BlobProducer::Chunk> chunk = m_producer->take();
        if (!chunk)
            return; // more comes with available()
        m_segmentBytes += chunk->bytes.size();
        m_segment << std::move(chunk->bytes);
        m_segmentEnd = chunk->sourceOffset;
        m_segmentLast = chunk->last;
    }
    m_busy = true;
    m_chunkStart = m_sourceDone;
    m_chunkEnd = m_segmentEnd;
    const qint64 size = std::exchange(m_segmentBytes, 0);
    auto source = [pieces = std::exchange(m_segment, {})]() -> QIODevice * {
        return new ChunkListDevice(pieces);
    };
    if (m_segmentLast) {
        // A blob that compressed to another digest than planned (an earlier igzip) is still
        // fine: the manifest takes whatever digest was committed.
        m_upload->commitStreamed(m_producer->digest(), std::move(source), size);
    } else {
        m_upload->writeStreamed(std::move(source), size);
    }
}

void BlobSender::fail(const oci::Error &error)
{
    if (m_finished)
        return;
    m_finished = true;
    if (m_upload && m_upload->state() != oci::BlobUpload::State::Failed)
        m_upload->abandon();
    if (m_producer)
        m_producer->deleteLater(); // stops the worker (it may be the one signalling now)
    m_producer = nullptr;
    Q_EMIT failed(error);
}

} // namespace image
