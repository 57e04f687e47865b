#include "ops/copy/copyjob.h"

#include "ops/copy/blobcopier.h"
#include "ops/copy/blobpipe.h"
#include "ops/copy/copysource.h"
#include "ops/copy/referrersindex.h"

#include "oci/client/blobupload.h"
#include "oci/client/registryclient.h"
#include "oci/inspect/contentfetcher.h"
#include "oci/inspect/referrersjob.h"

#include <QPointer>

namespace ops {

namespace {

bool sameRegistry(const oci::RegistryClient *a, const oci::RegistryClient *b)
{
    return a == b || (a->config().host.compare(b->config().host, Qt::CaseInsensitive) == 0 &&
                      a->config().plainHttp == b->config().plainHttp);
}

} // namespace

struct CopyJob::Private
{
    struct BlobEntry
    {
        oci::Descriptor descriptor;
        BlobState state = BlobState::Waiting;
        qint64 done = 0;
        QPointer<BlobCopier> copier;
    };
    // One write of the publishing phase, run in order.
    struct Step
    {
        enum class Kind { PutManifest, Referrers, HeadTag, PutTag };
        Kind kind = Kind::PutManifest;
        int index = 0; // into source.manifests or source.referrers
    };

    // Both should outlive the job; one gone meanwhile fails it (connectionGone()).
    QPointer<oci::ContentFetcher> sourceFetcher;
    QPointer<oci::ContentFetcher> targetFetcher;
    QString sourceHost;
    QString targetHost;
    CopyRequest request;
    CopyEndpoints endpoints;
    Phase phase = Phase::Waiting;
    std::shared_ptr<BufferMeter> meter = std::make_shared<BufferMeter>();
    QPointer<SourceWalkJob> walk;
    CopySource source;
    QList<BlobEntry> blobs;
    int nextBlob = 0;
    int running = 0;
    Counters counters;
    QList<Step> steps;
    int nextStep = 0;
    QPointer<oci::Job> current; // the publishing step's request
    oci::Digest previousTag;
    CopySide failedSide = CopySide::None;
    bool stopped = false;

    void setPhase(CopyJob *q, Phase next);
    void onRead(CopyJob *q);
    void pumpBlobs(CopyJob *q);
    void onBlobStep(CopyJob *q, int index);
    void onBlobDone(CopyJob *q, int index);
    void startPublishing(CopyJob *q);
    void runStep(CopyJob *q);
    void putManifest(CopyJob *q, const QString &reference, const QString &mediaType,
                     const QByteArray &bytes, const oci::Digest &expected, const QString &what);
    void onReferrersListed(CopyJob *q, oci::ReferrersJob *job, int index);
    void fail(CopyJob *q, CopySide side, oci::Error error);
    void connectionGone(CopyJob *q, CopySide side);
    void stopAll();
    void emitProgress(CopyJob *q);
    qint64 bytesDone() const;
};

CopyJob::CopyJob(oci::ContentFetcher *source, oci::ContentFetcher *target, CopyRequest request,
                 QObject *parent)
    : Job(parent), d(std::make_unique<Private>())
{
    d->sourceFetcher = source;
    d->targetFetcher = target;
    d->request = std::move(request);
    d->request.parallelBlobs = qBound(1, d->request.parallelBlobs, 16);
    d->endpoints.source = source->client();
    d->endpoints.sourceRepository = d->request.sourceRepository;
    d->endpoints.target = target->client();
    d->endpoints.targetRepository = d->request.targetRepository;
    d->endpoints.sameRegistry = sameRegistry(source->client(), target->client());
    d->sourceHost = source->client()->config().host;
    d->targetHost = target->client()->config().host;
    const auto watch = [this](QObject *object, CopySide side) {
        connect(object, &QObject::destroyed, this, [this, side] { d->connectionGone(this, side); });
    };
    watch(source, CopySide::Source);
    watch(source->client(), CopySide::Source);
    watch(target, CopySide::Target);
    watch(target->client(), CopySide::Target);
}

void CopyJob::Private::connectionGone(CopyJob *q, CopySide side)
{
    // The requests went with their client; without this the job would wait for them forever.
    const bool fromSource = side == CopySide::Source;
    fail(q, side,
         copyError(side, fromSource ? sourceHost : targetHost,
                   fromSource ? request.sourceRepository : request.targetRepository,
                   QStringLiteral("the image"),
                   fromSource ? request.sourceReference : request.targetTag,
                   oci::Error(oci::Error::Code::Cancelled,
                              QStringLiteral("the connection to the registry is gone"))));
}

CopyJob::~CopyJob()
{
    d->stopped = true;
    d->stopAll();
}

const CopyRequest &CopyJob::request() const
{
    return d->request;
}

bool CopyJob::isSameRegistry() const
{
    return d->endpoints.sameRegistry;
}

CopyJob::Phase CopyJob::phase() const
{
    return d->phase;
}

const CopySource &CopyJob::source() const
{
    return d->source;
}

oci::Digest CopyJob::digest() const
{
    return d->source.root;
}

int CopyJob::blobCount() const
{
    return int(d->blobs.size());
}

const oci::Descriptor &CopyJob::blob(int index) const
{
    return d->blobs.at(index).descriptor;
}

CopyJob::BlobState CopyJob::blobState(int index) const
{
    return d->blobs.at(index).state;
}

qint64 CopyJob::blobBytesDone(int index) const
{
    return d->blobs.at(index).done;
}

qint64 CopyJob::Private::bytesDone() const
{
    qint64 total = 0;
    for (const BlobEntry &entry : blobs)
        total += entry.done;
    return total;
}

qint64 CopyJob::bytesDone() const
{
    return d->bytesDone();
}

qint64 CopyJob::bytesTotal() const
{
    return d->source.blobBytes();
}

const CopyJob::Counters &CopyJob::counters() const
{
    return d->counters;
}

oci::Digest CopyJob::previousTagDigest() const
{
    return d->previousTag;
}

qint64 CopyJob::bufferedBytes() const
{
    return d->meter->current;
}

qint64 CopyJob::peakBufferedBytes() const
{
    return d->meter->peak;
}

qint64 CopyJob::maxBufferedBytes() const
{
    return d->request.parallelBlobs * BlobCopier::MaxBufferedBytes;
}

CopySide CopyJob::failedSide() const
{
    return d->failedSide;
}

void CopyJob::Private::setPhase(CopyJob *q, Phase next)
{
    phase = next;
    Q_EMIT q->phaseChanged(next);
}

void CopyJob::Private::emitProgress(CopyJob *q)
{
    Q_EMIT q->progress(bytesDone(), source.blobBytes());
}

void CopyJob::start()
{
    if (d->phase != Phase::Waiting)
        return;
    const auto invalid = [this](const QString &why) {
        d->stopped = true;
        finishWithError(oci::Error(oci::Error::Code::InvalidArgument, why));
    };
    if (d->request.sourceRepository.isEmpty() || d->request.sourceReference.isEmpty() ||
        d->request.targetRepository.isEmpty()) {
        invalid(QStringLiteral("a copy needs a source repository and reference and a target "
                               "repository"));
        return;
    }
    if (d->endpoints.sameRegistry && d->request.sourceRepository == d->request.targetRepository &&
        d->request.targetTag.isEmpty()) {
        invalid(QStringLiteral("the source and the target are the same; give another "
                               "repository or a tag"));
        return;
    }
    if (!d->sourceFetcher || !d->targetFetcher || !d->endpoints.source || !d->endpoints.target) {
        d->connectionGone(this, d->sourceFetcher && d->endpoints.source ? CopySide::Target
                                                                        : CopySide::Source);
        return;
    }
    d->setPhase(this, Phase::Reading);
    d->walk = new SourceWalkJob(d->sourceFetcher, d->request.sourceRepository,
                                d->request.sourceReference, d->request.withReferrers, this);
    connect(d->walk, &oci::Job::finished, this, [this] { d->onRead(this); });
    d->walk->start();
}

void CopyJob::Private::onRead(CopyJob *q)
{
    SourceWalkJob *done = walk;
    walk = nullptr;
    done->deleteLater();
    if (!done->succeeded()) {
        fail(q, CopySide::Source, done->error());
        return;
    }
    source = done->result();
    for (const oci::Descriptor &blob : std::as_const(source.blobs))
        blobs.append(BlobEntry{blob, BlobState::Waiting, 0, nullptr});
    counters.blobsSkipped = int(source.skippedBlobs.size());
    Q_EMIT q->message(QStringLiteral("Read %1 manifest(s) and %2 blob(s) from %3/%4")
                          .arg(source.manifests.size())
                          .arg(source.blobs.size())
                          .arg(sourceHost, endpoints.sourceRepository));
    setPhase(q, Phase::Copying);
    emitProgress(q);
    pumpBlobs(q);
}

void CopyJob::Private::pumpBlobs(CopyJob *q)
{
    while (!stopped && running < request.parallelBlobs && nextBlob < blobs.size()) {
        const int index = nextBlob++;
        auto *copier = new BlobCopier(endpoints, blobs.at(index).descriptor, meter, q);
        blobs[index].copier = copier;
        ++running;
        QObject::connect(copier, &BlobCopier::stepChanged, q,
                         [this, q, index] { onBlobStep(q, index); });
        QObject::connect(copier, &BlobCopier::progress, q, [this, q, index](qint64 sent, qint64) {
            blobs[index].done = sent;
            emitProgress(q);
        });
        QObject::connect(copier, &BlobCopier::done, q, [this, q, index] { onBlobDone(q, index); });
        copier->start();
    }
    if (!stopped && running == 0 && nextBlob == blobs.size())
        startPublishing(q);
}

void CopyJob::Private::onBlobStep(CopyJob *q, int index)
{
    BlobEntry &entry = blobs[index];
    if (!entry.copier)
        return;
    switch (entry.copier->step()) {
    case BlobCopier::Step::Checking:
        entry.state = BlobState::Checking;
        break;
    case BlobCopier::Step::Mounting:
        entry.state = BlobState::Mounting;
        break;
    case BlobCopier::Step::Streaming:
        entry.state = BlobState::Streaming;
        break;
    case BlobCopier::Step::Waiting:
    case BlobCopier::Step::Done:
        return; // onBlobDone() tells
    }
    Q_EMIT q->blobChanged(index);
}

void CopyJob::Private::onBlobDone(CopyJob *q, int index)
{
    BlobEntry &entry = blobs[index];
    BlobCopier *copier = entry.copier;
    if (!copier)
        return;
    entry.copier = nullptr;
    copier->deleteLater();
    --running;
    counters.downloadPauses += copier->pauses();
    const QString digest = entry.descriptor.digest().toString();
    switch (copier->outcome()) {
    case BlobCopier::Outcome::Present:
        entry.state = BlobState::Present;
        ++counters.blobsPresent;
        break;
    case BlobCopier::Outcome::Mounted:
        entry.state = BlobState::Mounted;
        ++counters.blobsMounted;
        Q_EMIT q->message(
            QStringLiteral("Mounted %1 from %2").arg(digest, endpoints.sourceRepository));
        break;
    case BlobCopier::Outcome::Copied:
        entry.state = BlobState::Copied;
        ++counters.blobsCopied;
        counters.bytesCopied += entry.descriptor.size();
        Q_EMIT q->message(
            QStringLiteral("Copied %1 (%2 bytes)").arg(digest).arg(entry.descriptor.size()));
        break;
    case BlobCopier::Outcome::Running:
    case BlobCopier::Outcome::Failed:
        entry.state = BlobState::Failed;
        Q_EMIT q->blobChanged(index);
        fail(q, copier->failedSide(), copier->error());
        return;
    }
    entry.done = entry.descriptor.size();
    Q_EMIT q->blobChanged(index);
    emitProgress(q);
    pumpBlobs(q);
}

void CopyJob::Private::startPublishing(CopyJob *q)
{
    setPhase(q, Phase::Publishing);
    const bool tagged = !request.targetTag.isEmpty();
    bool rootHasReferrers = false;
    for (const ReferrerList &list : std::as_const(source.referrers))
        rootHasReferrers = rootHasReferrers || list.subject == source.root;
    for (int i = 0; i < source.manifests.size(); ++i) {
        // A tagged root goes once, under its tag, last; by digest too only when referrers
        // should find their subject before the tag is there.
        if (source.manifests.at(i).digest == source.root && tagged && !rootHasReferrers)
            continue;
        steps.append(Step{Step::Kind::PutManifest, i});
    }
    for (int i = 0; i < source.referrers.size(); ++i)
        steps.append(Step{Step::Kind::Referrers, i});
    if (tagged) {
        steps.append(Step{Step::Kind::HeadTag, 0});
        steps.append(Step{Step::Kind::PutTag, 0});
    }
    runStep(q);
}

void CopyJob::Private::putManifest(CopyJob *q, const QString &reference, const QString &mediaType,
                                   const QByteArray &bytes, const oci::Digest &expected,
                                   const QString &what)
{
    oci::ManifestPutJob *put =
        endpoints.target->putManifest(request.targetRepository, reference, mediaType, bytes);
    current = put;
    QObject::connect(put, &oci::Job::finished, q, [this, q, put, reference, expected, what] {
        current = nullptr;
        put->deleteLater();
        if (!put->succeeded()) {
            fail(q, CopySide::Target,
                 copyError(CopySide::Target, targetHost, request.targetRepository, what, reference,
                           put->error()));
            return;
        }
        // By tag the client hashes what it sent and checks the registry's digest; that it is
        // the source's digest too is checked here (the bytes were not changed on the way).
        if (!expected.isNull() && expected.algorithm() == put->digest().algorithm() &&
            put->digest() != expected) {
            fail(q, CopySide::Target,
                 copyError(CopySide::Target, targetHost, request.targetRepository, what, reference,
                           oci::Error(oci::Error::Code::DigestMismatch,
                                      QStringLiteral("stored as %1, not as the source's %2")
                                          .arg(put->digest().toString(), expected.toString()))));
            return;
        }
        ++counters.manifestsPut;
        ++nextStep;
        runStep(q);
    });
}

void CopyJob::Private::runStep(CopyJob *q)
{
    if (stopped)
        return;
    if (nextStep >= steps.size()) {
        setPhase(q, Phase::Done);
        Q_EMIT q->message(
            request.targetTag.isEmpty()
                ? QStringLiteral("Copied %1 to %2/%3")
                      .arg(source.root.toString(), targetHost, request.targetRepository)
                : QStringLiteral("Copied %1 to %2/%3:%4")
                      .arg(source.root.toString(), targetHost, request.targetRepository,
                           request.targetTag));
        stopped = true;
        q->finishSuccessfully();
        return;
    }
    const Step step = steps.at(nextStep);
    switch (step.kind) {
    case Step::Kind::PutManifest: {
        const CopyManifest &manifest = source.manifests.at(step.index);
        if (manifest.isReferrer)
            ++counters.referrersCopied;
        putManifest(q, manifest.digest.toString(), manifest.mediaType, manifest.bytes,
                    manifest.digest, u"manifest " + manifest.digest.toString());
        return;
    }
    case Step::Kind::Referrers: {
        oci::ReferrersJob *job = targetFetcher->referrers(request.targetRepository,
                                                          source.referrers.at(step.index).subject);
        current = job;
        QObject::connect(job, &oci::Job::finished, q,
                         [this, q, job, index = step.index] { onReferrersListed(q, job, index); });
        return;
    }
    case Step::Kind::HeadTag: {
        oci::ManifestJob *head = endpoints.target->manifest(
            request.targetRepository, request.targetTag, oci::RegistryClient::Method::Head);
        current = head;
        QObject::connect(head, &oci::Job::finished, q, [this, q, head] {
            current = nullptr;
            head->deleteLater();
            // Only to tell a move; a failure here is the PUT's to report.
            if (head->succeeded())
                previousTag = head->manifest().digest;
            ++nextStep;
            runStep(q);
        });
        return;
    }
    case Step::Kind::PutTag: {
        const CopyManifest *root = source.manifest(source.root);
        putManifest(q, request.targetTag, root->mediaType, root->bytes, source.root,
                    u"the tag " + request.targetTag);
        return;
    }
    }
}

void CopyJob::Private::onReferrersListed(CopyJob *q, oci::ReferrersJob *job, int index)
{
    current = nullptr;
    job->deleteLater();
    const ReferrerList &list = source.referrers.at(index);
    const QString what = u"the referrers of " + list.subject.toString();
    if (!job->succeeded()) {
        fail(q, CopySide::Target,
             copyError(CopySide::Target, targetHost, request.targetRepository, what,
                       list.subject.toString(), job->error()));
        return;
    }
    // A registry with the referrers API lists them from their subject fields; without it
    // the fallback tag's index is what clients read: add what it lacks, keep what it has.
    if (job->source() == oci::ReferrersJob::Source::Api) {
        ++nextStep;
        runStep(q);
        return;
    }
    const QList<oci::Descriptor> merged = mergeReferrers(job->referrers(), list.referrers);
    if (merged.size() == job->referrers().size()) {
        ++nextStep;
        runStep(q);
        return;
    }
    putManifest(q, oci::ReferrersJob::fallbackTag(list.subject), referrersIndexMediaType(),
                referrersIndex(merged), {}, what);
}

void CopyJob::Private::stopAll()
{
    if (walk) {
        walk->cancel();
        walk->deleteLater();
        walk = nullptr;
    }
    for (BlobEntry &entry : blobs) {
        if (BlobCopier *copier = entry.copier) {
            entry.copier = nullptr;
            copier->cancel();
            copier->deleteLater();
        }
    }
    running = 0;
    if (current) {
        current->cancel();
        current->deleteLater();
        current = nullptr;
    }
}

void CopyJob::Private::fail(CopyJob *q, CopySide side, oci::Error error)
{
    if (stopped)
        return;
    stopped = true;
    failedSide = side;
    stopAll();
    q->finishWithError(std::move(error));
}

void CopyJob::abort()
{
    d->stopped = true;
    d->stopAll();
}

} // namespace ops
