#include "ops/copy/copysource.h"

#include "ops/copy/copyerror.h"

#include "oci/client/registryclient.h"
#include "oci/inspect/contentfetcher.h"
#include "oci/inspect/referrersjob.h"
#include "oci/manifest/manifestdocument.h"
#include "oci/manifest/mediatypes.h"

#include <QHash>
#include <QPointer>
#include <QSet>

#include <deque>

namespace ops {

namespace {

// How deep indexes may nest (an index of indexes of ...): more is refused, not recursed.
constexpr int MaxNesting = 8;

bool isForeignLayer(const oci::Descriptor &blob)
{
    return !blob.urls().isEmpty() && oci::isNondistributableLayer(blob.mediaType());
}

} // namespace

qint64 CopySource::blobBytes() const
{
    qint64 total = 0;
    for (const oci::Descriptor &blob : blobs)
        total += blob.size();
    return total;
}

const CopyManifest *CopySource::manifest(const oci::Digest &digest) const
{
    for (const CopyManifest &m : manifests) {
        if (m.digest == digest)
            return &m;
    }
    return nullptr;
}

struct SourceWalkJob::Private
{
    struct Node
    {
        CopyManifest manifest;
        bool image = false;
        QList<oci::Digest> children;
        QList<oci::Descriptor> blobs;
        QList<oci::Descriptor> referrers;
    };
    struct Task
    {
        bool referrers = false; // else a manifest
        QString reference;      // tag or digest
        oci::Digest digest;     // for referrers: the subject
        int depth = 0;          // referrer generations from the root's tree
        int nesting = 0;        // index levels above
    };

    QPointer<oci::ContentFetcher> fetcher;
    QString fetcherHost;
    QString repository;
    QString reference;
    bool withReferrers = false;

    QHash<oci::Digest, Node> nodes;
    QSet<oci::Digest> requested;
    std::deque<Task> queue;
    QList<QPointer<oci::Job>> inFlight; // the fetcher's children: they go with it
    bool rootSeen = false;
    bool stopped = false;
    CopySource result;

    const QString &host() const { return fetcherHost; }
    void pump(SourceWalkJob *q);
    void launch(SourceWalkJob *q, const Task &task);
    void onManifest(SourceWalkJob *q, oci::ContentJob *job, const Task &task);
    void onReferrers(SourceWalkJob *q, oci::ReferrersJob *job, const Task &task);
    void assemble(SourceWalkJob *q);
    void visit(const oci::Digest &digest, bool referrer, QSet<oci::Digest> &seen,
               QSet<oci::Digest> &seenBlobs, bool inRootTree);
    void fail(SourceWalkJob *q, oci::Error error);
    void release(oci::Job *job);
};

SourceWalkJob::SourceWalkJob(oci::ContentFetcher *fetcher, QString repository, QString reference,
                             bool withReferrers, QObject *parent)
    : Job(parent), d(std::make_unique<Private>())
{
    d->fetcher = fetcher;
    d->fetcherHost = fetcher->client()->config().host;
    // The fetcher should outlive the walk; gone meanwhile, it took our requests along.
    connect(fetcher, &QObject::destroyed, this, [this] {
        d->fail(this, oci::Error(oci::Error::Code::Cancelled,
                                 QStringLiteral("the connection to the registry is gone"))
                          .withRegistry(d->fetcherHost)
                          .withObject(d->repository));
    });
    d->repository = std::move(repository);
    d->reference = std::move(reference);
    d->withReferrers = withReferrers;
}

SourceWalkJob::~SourceWalkJob()
{
    abort();
}

const CopySource &SourceWalkJob::result() const
{
    return d->result;
}

void SourceWalkJob::start()
{
    Private::Task root;
    root.reference = d->reference;
    d->queue.push_back(root);
    d->pump(this);
}

void SourceWalkJob::abort()
{
    d->stopped = true;
    d->queue.clear();
    const QList<QPointer<oci::Job>> running = std::exchange(d->inFlight, {});
    for (const QPointer<oci::Job> &job : running) {
        if (job) {
            job->cancel();
            job->deleteLater();
        }
    }
}

void SourceWalkJob::Private::release(oci::Job *job)
{
    inFlight.removeOne(job);
    job->deleteLater();
}

void SourceWalkJob::Private::fail(SourceWalkJob *q, oci::Error error)
{
    q->abort();
    q->finishWithError(std::move(error));
}

void SourceWalkJob::Private::pump(SourceWalkJob *q)
{
    if (!fetcher)
        return; // failed when it went
    while (!stopped && inFlight.size() < MaxInFlight && !queue.empty()) {
        const Task task = queue.front();
        queue.pop_front();
        launch(q, task);
    }
    if (!stopped && inFlight.isEmpty() && queue.empty())
        assemble(q);
}

void SourceWalkJob::Private::launch(SourceWalkJob *q, const Task &task)
{
    if (task.referrers) {
        oci::ReferrersJob *job = fetcher->referrers(repository, task.digest);
        inFlight.append(job);
        QObject::connect(job, &oci::Job::finished, q,
                         [this, q, job, task] { onReferrers(q, job, task); });
        return;
    }
    oci::ContentJob *job = fetcher->manifest(repository, task.reference);
    inFlight.append(job);
    QObject::connect(job, &oci::Job::finished, q,
                     [this, q, job, task] { onManifest(q, job, task); });
}

void SourceWalkJob::Private::onManifest(SourceWalkJob *q, oci::ContentJob *job, const Task &task)
{
    release(job);
    const QString what = u"manifest " + task.reference;
    if (!job->succeeded()) {
        fail(q,
             copyError(CopySide::Source, host(), repository, what, task.reference, job->error()));
        return;
    }
    if (job->isStale()) {
        // The cache's last answer for a tag the registry could not be asked about: copying
        // it could publish an image the tag no longer names.
        fail(q, copyError(CopySide::Source, host(), repository, what, task.reference,
                          job->networkError()));
        return;
    }
    const std::shared_ptr<const oci::ManifestDocument> document = job->document();
    const auto refuse = [&](const QString &why) {
        fail(q, copyError(CopySide::Source, host(), repository, what, task.reference,
                          oci::Error(oci::Error::Code::UnsupportedMediaType, why)));
    };
    if (!document) {
        refuse(QStringLiteral("the registry sent no manifest body"));
        return;
    }
    if (document->kind() == oci::ManifestDocument::Kind::Schema1) {
        refuse(QStringLiteral("schema 1 manifests are not copied: their signature names the "
                              "repository and tag, so they cannot move unchanged"));
        return;
    }
    if (!document->isSupported()) {
        refuse(QStringLiteral("a document of type '%1' names blobs Lading cannot know, so it "
                              "cannot be copied completely")
                   .arg(document->mediaType()));
        return;
    }
    const oci::Digest digest = job->digest();
    if (!rootSeen) {
        rootSeen = true;
        result.root = digest;
        result.rootMediaType = job->mediaType();
        requested.insert(digest);
    }
    if (!nodes.contains(digest)) {
        Node node;
        node.manifest = CopyManifest{digest, job->mediaType(), job->bytes(), false};
        if (document->isIndex()) {
            if (task.nesting >= MaxNesting) {
                refuse(QStringLiteral("indexes nest deeper than %1 levels").arg(MaxNesting));
                return;
            }
            for (const oci::Descriptor &child : document->index().manifests) {
                node.children.append(child.digest());
                if (requested.contains(child.digest()))
                    continue;
                requested.insert(child.digest());
                Task next;
                next.reference = child.digest().toString();
                next.depth = task.depth;
                next.nesting = task.nesting + 1;
                queue.push_back(next);
            }
        } else {
            node.image = true;
            node.blobs.append(document->manifest().config);
            node.blobs.append(document->manifest().layers);
        }
        nodes.insert(digest, node);
        if (withReferrers && task.depth < MaxReferrerDepth) {
            Task listing;
            listing.referrers = true;
            listing.digest = digest;
            listing.reference = digest.toString();
            listing.depth = task.depth;
            queue.push_back(listing);
        }
    }
    pump(q);
}

void SourceWalkJob::Private::onReferrers(SourceWalkJob *q, oci::ReferrersJob *job, const Task &task)
{
    release(job);
    if (!job->succeeded()) {
        fail(q, copyError(CopySide::Source, host(), repository,
                          u"the referrers of " + task.digest.toString(), task.digest.toString(),
                          job->error()));
        return;
    }
    QList<oci::Descriptor> referrers;
    for (const oci::Descriptor &referrer : job->referrers()) {
        if (referrer.digest() == task.digest)
            continue; // a manifest cannot refer to itself
        referrers.append(referrer);
        if (requested.contains(referrer.digest()))
            continue;
        requested.insert(referrer.digest());
        Task next;
        next.reference = referrer.digest().toString();
        next.depth = task.depth + 1;
        queue.push_back(next);
    }
    auto node = nodes.find(task.digest);
    if (node != nodes.end())
        node->referrers = referrers;
    pump(q);
}

void SourceWalkJob::Private::visit(const oci::Digest &digest, bool referrer,
                                   QSet<oci::Digest> &seen, QSet<oci::Digest> &seenBlobs,
                                   bool inRootTree)
{
    if (seen.contains(digest) || !nodes.contains(digest))
        return;
    seen.insert(digest);
    const Node node = nodes.value(digest);
    for (const oci::Digest &child : node.children)
        visit(child, referrer, seen, seenBlobs, inRootTree);
    CopyManifest manifest = node.manifest;
    manifest.isReferrer = referrer;
    result.manifests.append(manifest);
    if (node.image && inRootTree)
        ++result.platformCount;
    for (const oci::Descriptor &blob : node.blobs) {
        if (seenBlobs.contains(blob.digest()))
            continue;
        seenBlobs.insert(blob.digest());
        if (isForeignLayer(blob))
            result.skippedBlobs.append(blob);
        else
            result.blobs.append(blob);
    }
    if (node.referrers.isEmpty())
        return;
    result.referrers.append(ReferrerList{digest, node.referrers});
    for (const oci::Descriptor &referrer : node.referrers)
        visit(referrer.digest(), true, seen, seenBlobs, false);
}

void SourceWalkJob::Private::assemble(SourceWalkJob *q)
{
    stopped = true;
    QSet<oci::Digest> seen;
    QSet<oci::Digest> seenBlobs;
    visit(result.root, false, seen, seenBlobs, true);
    q->finishSuccessfully();
}

} // namespace ops
