// PushJob: verify, send blobs (BlobSender, a few at once), publish manifests, tags last.

#include "image/push/pushjob.h"

#include "image/push/bloblocations.h"
#include "image/push/blobsender.h"
#include "image/push/producerpool.h"
#include "image/push/pushmanifests.h"
#include "image/push/pushlookup.h"
#include "image/source/localimagesource.h"
#include "oci/client/blobupload.h"
#include "oci/client/registryclient.h"
#include "oci/core/futurecontinuation.h"
#include "oci/manifest/manifestdocument.h"

#include <QFileInfo>
#include <QPointer>
#include <QTimer>

#include <atomic>

namespace image {

namespace {

constexpr int MaxSendersAtOnce = 3;

QString blobName(const PushBlob &blob)
{
    return blob.kind == PushBlob::Kind::Config
               ? PushJob::tr("config %1").arg(blob.source.shortString())
               : PushJob::tr("layer %1").arg(blob.source.shortString());
}

} // namespace

struct PushJob::Private
{
    QPointer<oci::RegistryClient> client;
    PushPlan plan;
    BlobLocations *locations = nullptr;
    bool recheck = false; // a retry: look blobs up again before sending
    // This push's share of the producer threads, fair to the other pushes running.
    const ProducerPool::Group producerGroup = ProducerPool::newGroup();
    // Cancelled or failed: nothing more goes out (replies already queued included).
    bool stopped() const { return cancelled->load(); }
    bool started = false;
    Phase phase = Phase::Verifying;
    qint64 done = 0;
    qint64 total = 0;
    int sentBefore = 0;    // by the jobs this one retried
    int mountedBefore = 0;
    int sent = 0;
    int mounted = 0;

    // Verifying
    std::shared_ptr<std::atomic<qint64>> verified = std::make_shared<std::atomic<qint64>>(0);
    std::shared_ptr<std::atomic_bool> cancelled = std::make_shared<std::atomic_bool>(false);
    QTimer *verifyTicker = nullptr;

    // Sending
    QList<BlobState> states;
    QList<qint64> blobDone;
    QList<int> queue;
    QList<BlobSender *> senders;

    // Publishing
    QHash<oci::Digest, FinalManifest> manifests; // by the archive's digest
    int nextManifest = 0;
    int nextTag = 0;
    QPointer<oci::ManifestPutJob> put;
    QList<oci::Digest> pushed;
};

PushJob::PushJob(oci::RegistryClient *client, PushPlan plan, BlobLocations *locations,
                 QObject *parent)
    : oci::Job(parent), d(std::make_unique<Private>())
{
    d->client = client;
    d->plan = std::move(plan);
    d->locations = locations;
    d->states = QList<BlobState>(d->plan.blobs.size(), BlobState::Waiting);
    d->blobDone = QList<qint64>(d->plan.blobs.size(), 0);
    for (int i = 0; i < d->plan.blobs.size(); ++i) {
        const PushBlob &blob = d->plan.blobs.at(i);
        if (blob.fate == PushBlob::Fate::Present)
            d->states[i] = BlobState::Present;
    }
}

PushJob::~PushJob()
{
    if (!isFinished())
        abort();
}

PushJob *PushJob::retry(QObject *parent) const
{
    auto *job = new PushJob(d->client, d->plan, d->locations, parent);
    job->d->recheck = true;
    job->d->sentBefore = blobsSent();
    job->d->mountedBefore = blobsMounted();
    return job;
}

bool PushJob::isRunning() const
{
    return d->started && !isFinished();
}

const PushPlan &PushJob::plan() const
{
    return d->plan;
}

PushJob::Phase PushJob::phase() const
{
    return d->phase;
}

qint64 PushJob::bytesDone() const
{
    return d->done;
}

qint64 PushJob::bytesTotal() const
{
    return d->total;
}

PushJob::BlobState PushJob::blobState(int blob) const
{
    return d->states.value(blob, BlobState::Waiting);
}

qint64 PushJob::blobBytesDone(int blob) const
{
    return d->blobDone.value(blob, 0);
}

int PushJob::blobsSent() const
{
    return d->sentBefore + d->sent;
}

int PushJob::blobsMounted() const
{
    return d->mountedBefore + d->mounted;
}

QList<oci::Digest> PushJob::pushedDigests() const
{
    return d->pushed;
}

void PushJob::start()
{
    if (d->started || isFinished())
        return;
    d->started = true;
    if (!d->plan.source || !d->client) {
        finishWithError(oci::Error(oci::Error::Code::InvalidArgument,
                                   QStringLiteral("no image or no registry to push to")));
        return;
    }
    // Every blob is checked before a byte goes out: a damaged archive publishes nothing
    // and leaves no half-sent blob behind.
    d->phase = Phase::Verifying;
    d->total = d->plan.totalBytes();
    d->done = 0;
    Q_EMIT phaseChanged(d->phase);
    Q_EMIT message(tr("Checking %1…").arg(QFileInfo(d->plan.source->path()).fileName()));
    std::shared_ptr<std::atomic<qint64>> verified = d->verified;
    std::shared_ptr<std::atomic_bool> cancelled = d->cancelled;
    d->verifyTicker = new QTimer(this);
    d->verifyTicker->setInterval(100);
    connect(d->verifyTicker, &QTimer::timeout, this, [this] {
        d->done = d->verified->load();
        Q_EMIT progress(d->done, d->total);
    });
    d->verifyTicker->start();
    oci::whenFinished(
        this,
        LocalImageSource::verifyAsync(
            d->plan.source, [verified](qint64 done, qint64) { verified->store(done); },
            [cancelled] { return cancelled->load(); }),
        [this](const oci::Result<void> &result) {
            delete d->verifyTicker;
            d->verifyTicker = nullptr;
            if (isFinished() || d->stopped())
                return;
            if (!result.ok()) {
                finishWithError(result.error());
                return;
            }
            startSending();
        });
}

void PushJob::startSending()
{
    d->phase = Phase::Sending;
    d->total = 0;
    d->done = 0;
    for (int i = 0; i < d->plan.blobs.size(); ++i) {
        const PushBlob &blob = d->plan.blobs.at(i);
        if (blob.fate == PushBlob::Fate::Present)
            continue;
        d->queue << i;
        if (blob.fate != PushBlob::Fate::Mount)
            d->total += blob.size;
    }
    Q_EMIT phaseChanged(d->phase);
    Q_EMIT progress(0, d->total);
    pumpSenders();
}

void PushJob::pumpSenders()
{
    if (isFinished() || d->stopped())
        return;
    while (d->senders.size() < MaxSendersAtOnce && !d->queue.isEmpty()) {
        const int index = d->queue.takeFirst();
        const PushBlob &blob = d->plan.blobs.at(index);
        auto *sender = new BlobSender(d->client, d->plan.repository, d->plan.source, blob,
                                      d->recheck, d->producerGroup, this);
        d->senders << sender;
        d->states[index] = blob.fate == PushBlob::Fate::Compress ? BlobState::Compressing
                                                                 : BlobState::Sending;
        connect(sender, &BlobSender::stepChanged, this, [this, sender, index] {
            if (sender->step() == BlobSender::Step::Checking)
                d->states[index] = BlobState::Checking;
            else
                d->states[index] = d->plan.blobs.at(index).fate == PushBlob::Fate::Compress
                                       ? BlobState::Compressing
                                       : BlobState::Sending;
            Q_EMIT blobChanged(index);
        });
        connect(sender, &BlobSender::progress, this, [this, index](qint64 bytes) {
            // A sender deleted later may still deliver a queued report: not after the end.
            if (isFinished() || isCancelled() || d->plan.blobs.at(index).fate == PushBlob::Fate::Mount)
                return;
            d->done += bytes - d->blobDone.at(index);
            d->blobDone[index] = bytes;
            Q_EMIT progress(d->done, d->total);
            Q_EMIT blobChanged(index);
        });
        connect(sender, &BlobSender::done, this, [this, sender, index](BlobSender::Outcome outcome) {
            onBlobDone(sender, index, int(outcome));
        });
        connect(sender, &BlobSender::failed, this, [this, index](const oci::Error &error) {
            d->states[index] = BlobState::Failed;
            Q_EMIT blobChanged(index);
            const PushBlob &blob = d->plan.blobs.at(index);
            oci::Error named = error;
            if (named.object().isEmpty())
                named = named.withObject(blob.source.toString());
            Q_EMIT message(tr("Could not send the %1: %2").arg(blobName(blob), error.message()));
            finishWithError(named);
            abort();
        });
        Q_EMIT blobChanged(index);
        sender->start();
    }
    if (d->senders.isEmpty() && d->queue.isEmpty())
        startPublishing();
}

void PushJob::onBlobDone(BlobSender *sender, int index, int outcomeValue)
{
    d->senders.removeOne(sender);
    sender->deleteLater();
    PushBlob &blob = d->plan.blobs[index];
    blob.target = sender->target();
    blob.targetSize = sender->targetSize();
    const qint64 before = d->blobDone.at(index);
    switch (BlobSender::Outcome(outcomeValue)) {
    case BlobSender::Outcome::Sent:
        d->states[index] = BlobState::Sent;
        ++d->sent;
        break;
    case BlobSender::Outcome::Mounted:
        d->states[index] = BlobState::Mounted;
        ++d->mounted;
        Q_EMIT message(tr("Mounted the %1 from %2.").arg(blobName(blob), blob.mountFrom));
        break;
    case BlobSender::Outcome::Present:
        d->states[index] = BlobState::Present;
        Q_EMIT message(tr("The %1 is there already.").arg(blobName(blob)));
        break;
    }
    if (blob.fate != PushBlob::Fate::Mount) {
        d->done += blob.size - before;
        d->blobDone[index] = blob.size;
    }
    if (blob.fate == PushBlob::Fate::Compress && d->locations && !blob.target.isNull())
        d->locations->rememberCompressed(blob.source, {blob.target, blob.targetSize});
    Q_EMIT blobChanged(index);
    Q_EMIT progress(d->done, d->total);
    pumpSenders();
}

void PushJob::startPublishing()
{
    if (isFinished() || d->stopped() || d->phase == Phase::Publishing)
        return;
    d->phase = Phase::Publishing;
    Q_EMIT phaseChanged(d->phase);
    oci::Result<QHash<oci::Digest, FinalManifest>> manifests = finalManifests(d->plan);
    if (!manifests) {
        finishWithError(manifests.error());
        return;
    }
    d->manifests = std::move(manifests).value();
    putNextManifest();
}

void PushJob::putNextManifest()
{
    if (isFinished() || d->stopped())
        return;
    if (!d->client) {
        finishWithError(oci::Error(oci::Error::Code::Cancelled, QStringLiteral("the registry was removed")));
        return;
    }
    // First every manifest by digest (images before their index), then the tags.
    if (d->nextManifest < d->plan.manifests.size()) {
        const PushManifest &manifest = d->plan.manifests.at(d->nextManifest++);
        const auto it = d->manifests.constFind(manifest.source);
        if (it == d->manifests.cend()) {
            finishWithError(oci::Error(oci::Error::Code::InvalidArgument,
                                       QStringLiteral("the manifest of %1 is not known after sending its blobs")
                                           .arg(manifest.where)));
            return;
        }
        putManifest(it->digest.toString(), it->mediaType, it->bytes);
        return;
    }
    while (d->nextTag < d->plan.targets.size()) {
        const PushTarget &target = d->plan.targets.at(d->nextTag++);
        const FinalManifest manifest = d->manifests.value(target.root);
        d->pushed << manifest.digest;
        if (target.tag.isEmpty())
            continue;
        putManifest(target.tag, manifest.mediaType, manifest.bytes);
        return;
    }
    finishPush();
}

void PushJob::putManifest(const QString &reference, const QString &mediaType, const QByteArray &bytes)
{
    oci::ManifestPutJob *put = d->client->putManifest(d->plan.repository, reference, mediaType, bytes);
    put->setParent(this);
    d->put = put;
    connect(put, &oci::Job::finished, this, [this, put, reference] {
        put->deleteLater();
        d->put = nullptr;
        if (!put->succeeded()) {
            Q_EMIT message(tr("Could not write the manifest %1: %2").arg(reference, put->error().message()));
            finishWithError(put->error());
            d->cancelled->store(true);
            return;
        }
        putNextManifest();
    });
}

void PushJob::finishPush()
{
    d->phase = Phase::Done;
    if (d->locations) {
        for (const PushBlob &blob : std::as_const(d->plan.blobs)) {
            if (!blob.target.isNull())
                d->locations->remember(d->plan.registry, d->plan.repository, blob.target);
        }
    }
    Q_EMIT phaseChanged(d->phase);
    Q_EMIT message(tr("Pushed %1.").arg(d->plan.targetNames().join(QStringLiteral(", "))));
    finishSuccessfully();
}

void PushJob::abort()
{
    d->cancelled->store(true);
    delete d->verifyTicker;
    d->verifyTicker = nullptr;
    const QList<BlobSender *> senders = std::exchange(d->senders, {});
    for (BlobSender *sender : senders) {
        sender->disconnect(this); // what it has queued must not reach the job
        sender->deleteLater();    // it may be the one signalling now
    }
    d->queue.clear();
    delete d->put.data();
}

} // namespace image
