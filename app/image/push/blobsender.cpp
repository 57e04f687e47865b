#include "image/push/blobsender.h"

#include "image/push/blobproducer.h"
#include "image/source/localimagesource.h"
#include "oci/client/blobupload.h"
#include "oci/client/registryclient.h"

namespace image {

BlobSender::BlobSender(oci::RegistryClient *client, const QString &repository,
                       std::shared_ptr<const LocalImageSource> source, const PushBlob &blob,
                       bool recheck, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_repository(repository)
    , m_source(std::move(source))
    , m_blob(blob)
    , m_recheck(recheck)
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
        const qint64 done = m_chunkStart + (m_chunkEnd - m_chunkStart) * sent / total;
        if (done > m_sourceDone) {
            m_sourceDone = done;
            Q_EMIT progress(m_sourceDone);
        }
    });
    connect(m_upload, &oci::BlobUpload::committed, this, [this](const oci::Digest &) {
        m_busy = false;
        m_finished = true;
        m_succeeded = true;
        m_blob.target = m_producer->digest();
        m_blob.targetSize = m_producer->size();
        m_sourceDone = m_blob.size;
        Q_EMIT progress(m_sourceDone);
        Q_EMIT done(Outcome::Sent);
    });
    if (mount)
        return; // the producer starts only if the mount turns into an upload
    m_producer = new BlobProducer(m_source, m_blob.source,
                                  m_blob.fate == PushBlob::Fate::Compress, this);
    connect(m_producer, &BlobProducer::available, this, &BlobSender::pump);
    connect(m_producer, &BlobProducer::failed, this, &BlobSender::fail);
    m_producer->start();
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
    if (!m_producer) {
        // The registry answered the mount with an upload session (202): send it there, as
        // it is in the archive or gzip'ed as planned.
        m_producer = new BlobProducer(m_source, m_blob.source,
                                      m_blob.fate == PushBlob::Fate::Compress ||
                                          (m_blob.target != m_blob.source && m_blob.kind == PushBlob::Kind::Layer),
                                      this);
        connect(m_producer, &BlobProducer::available, this, &BlobSender::pump);
        connect(m_producer, &BlobProducer::failed, this, &BlobSender::fail);
        m_producer->start();
    }
    pump();
}

void BlobSender::pump()
{
    if (m_finished || m_busy || !m_upload || m_upload->state() != oci::BlobUpload::State::Open)
        return;
    std::optional<BlobProducer::Chunk> chunk = m_producer->take();
    if (!chunk)
        return;
    m_busy = true;
    m_chunkStart = m_sourceDone;
    m_chunkEnd = chunk->sourceOffset;
    if (chunk->last) {
        // A blob that compressed to another digest than planned (an earlier igzip) is still
        // fine: the manifest takes whatever digest was committed.
        m_upload->commit(m_producer->digest(), chunk->bytes);
    } else {
        m_upload->write(chunk->bytes);
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
