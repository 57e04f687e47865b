// PushPlanner: from the images a person chose to a PushPlan, asking the registry (HEAD) what
// it has. Reads only.

#include "image/push/pushjob.h"

#include "image/push/bloblocations.h"
#include "image/push/pushlookup.h"
#include "image/source/localimagesource.h"
#include "oci/client/blobupload.h"
#include "oci/client/registryclient.h"
#include "oci/core/reference.h"
#include "oci/manifest/mediatypes.h"

#include <QPointer>

namespace image {

namespace {

constexpr int MaxChecksAtOnce = 8;

} // namespace

struct PushPlanner::Private
{
    QPointer<oci::RegistryClient> client;
    BlobLocations *locations = nullptr;
    PushPlan plan;
    QList<int> toCheck;     // blobs to HEAD
    QList<int> tagsToCheck; // targets to HEAD by tag
    int running = 0;
    QList<oci::Job *> jobs;

    oci::Error build(const QList<Choice> &choices);
    void addImage(const LocalImage &image, const QString &platform);
    int addBlob(PushBlob blob);
};

int PushPlanner::Private::addBlob(PushBlob blob)
{
    for (int i = 0; i < plan.blobs.size(); ++i) {
        if (plan.blobs.at(i).source == blob.source)
            return i;
    }
    plan.blobs.append(std::move(blob));
    return int(plan.blobs.size()) - 1;
}

void PushPlanner::Private::addImage(const LocalImage &image, const QString &platform)
{
    for (const PushManifest &known : std::as_const(plan.manifests)) {
        if (known.source == image.manifestDigest)
            return; // an image two choices share
    }
    PushManifest manifest;
    manifest.source = image.manifestDigest;
    manifest.platform = platform;
    manifest.where = image.where;
    if (image.manifest.isImageManifest()) {
        const oci::ImageManifest &parsed = image.manifest.manifest();
        PushBlob config;
        config.kind = PushBlob::Kind::Config;
        config.source = parsed.config.digest();
        config.size = parsed.config.size();
        config.target = config.source;
        config.mediaType = parsed.config.mediaType();
        config.fate = PushBlob::Fate::Upload;
        manifest.blobs << addBlob(config);
        for (const oci::Descriptor &layer : parsed.layers) {
            PushBlob blob;
            blob.source = layer.digest();
            blob.size = layer.size();
            blob.mediaType = layer.mediaType();
            // Plain tars (docker save, some OCI layouts) go gzip'ed, as registries and
            // pullers expect; the diff ID stays what the config says.
            if (oci::layerCompression(layer.mediaType()) == oci::LayerCompression::None) {
                blob.fate = PushBlob::Fate::Compress;
                if (locations) {
                    if (const auto known = locations->compressedOf(blob.source)) {
                        blob.target = known->digest;
                        blob.targetSize = known->size;
                    }
                }
            } else {
                blob.fate = PushBlob::Fate::Upload;
                blob.target = blob.source;
                blob.targetSize = blob.size;
            }
            manifest.blobs << addBlob(blob);
        }
    }
    plan.manifests.append(manifest);
}

oci::Error PushPlanner::Private::build(const QList<Choice> &choices)
{
    const LocalImageSource &source = *plan.source;
    QList<PushManifest> indexes;
    for (const Choice &choice : choices) {
        PushTarget target;
        target.root = choice.root;
        target.tag = choice.tag;
        if (const LocalImage *image = findImage(source, choice.root)) {
            target.name = image->names.value(0);
            addImage(*image, QString());
        } else if (const LocalIndex *index = findIndex(source, choice.root)) {
            target.name = index->names.value(0);
            if (!index->missingManifests.isEmpty()) {
                return oci::Error(oci::Error::Code::InvalidArgument,
                                  QStringLiteral("the index %1 lists %2 image(s) the archive does not "
                                                 "hold; push its images one by one instead")
                                      .arg(index->digest.shortString())
                                      .arg(index->missingManifests.size()))
                    .withObject(source.path());
            }
            for (const LocalImage &image : source.images()) {
                if (image.index == index->digest)
                    addImage(image, image.platform ? image.platform->toString() : QString());
            }
            PushManifest manifest;
            manifest.source = index->digest;
            manifest.isIndex = true;
            manifest.where = index->where;
            indexes.append(manifest);
        } else {
            return oci::Error(oci::Error::Code::NotFound,
                              QStringLiteral("%1 holds no image or index %2")
                                  .arg(source.path(), choice.root.toString()))
                .withObject(source.path());
        }
        if (!target.tag.isEmpty() && !oci::Reference::isValidTag(target.tag)) {
            return oci::Error(oci::Error::Code::InvalidArgument,
                              QStringLiteral("“%1” is not a valid tag").arg(target.tag));
        }
        plan.targets.append(target);
    }
    for (const PushManifest &index : std::as_const(indexes)) {
        bool known = false;
        for (const PushManifest &m : std::as_const(plan.manifests))
            known = known || m.source == index.source;
        if (!known)
            plan.manifests.append(index); // every index after all images
    }
    if (plan.targets.isEmpty())
        return oci::Error(oci::Error::Code::InvalidArgument, QStringLiteral("nothing chosen to push"));
    return {};
}

PushPlanner *PushPlanner::start(oci::RegistryClient *client,
                                std::shared_ptr<const LocalImageSource> source,
                                const QList<Choice> &choices, const QString &repository,
                                BlobLocations *locations, QObject *parent)
{
    auto d = std::make_unique<Private>();
    d->client = client;
    d->locations = locations;
    d->plan.source = std::move(source);
    d->plan.repository = repository;
    d->plan.registry = client ? client->config().host : QString();
    auto *planner = new PushPlanner(std::move(d), parent);
    Private *p = planner->d.get();
    if (!client || !p->plan.source) {
        planner->finishWithError(oci::Error(oci::Error::Code::InvalidArgument,
                                            QStringLiteral("no registry or no image to push")));
        return planner;
    }
    if (oci::Error error = p->build(choices); error.code() != oci::Error::Code::None) {
        planner->finishWithError(error);
        return planner;
    }
    for (int i = 0; i < p->plan.blobs.size(); ++i) {
        if (!p->plan.blobs.at(i).target.isNull())
            p->toCheck << i;
    }
    for (int i = 0; i < p->plan.targets.size(); ++i) {
        if (!p->plan.targets.at(i).tag.isEmpty())
            p->tagsToCheck << i;
    }
    planner->pump();
    return planner;
}

PushPlanner::PushPlanner(std::unique_ptr<Private> d_, QObject *parent)
    : oci::Job(parent), d(std::move(d_))
{
}

PushPlanner::~PushPlanner()
{
    abort();
}

const PushPlan &PushPlanner::plan() const
{
    return d->plan;
}

void PushPlanner::abort()
{
    d->toCheck.clear();
    d->tagsToCheck.clear();
    const QList<oci::Job *> jobs = std::exchange(d->jobs, {});
    for (oci::Job *job : jobs)
        delete job; // deleting a job aborts it
}

void PushPlanner::pump()
{
    if (isFinished())
        return;
    if (!d->client) {
        finishWithError(oci::Error(oci::Error::Code::Cancelled, QStringLiteral("the registry was removed")));
        return;
    }
    while (d->running < MaxChecksAtOnce && (!d->toCheck.isEmpty() || !d->tagsToCheck.isEmpty())) {
        ++d->running;
        if (!d->toCheck.isEmpty()) {
            const int blob = d->toCheck.takeFirst();
            oci::BlobStatJob *stat = d->client->statBlob(d->plan.repository, d->plan.blobs.at(blob).target);
            stat->setParent(this);
            d->jobs << stat;
            connect(stat, &oci::Job::finished, this, [this, stat, blob] {
                d->jobs.removeOne(stat);
                stat->deleteLater();
                --d->running;
                if (!stat->succeeded()) {
                    finishWithError(stat->error());
                    abort(); // the other HEADs are moot
                    return;
                }
                PushBlob &entry = d->plan.blobs[blob];
                if (stat->exists()) {
                    entry.fate = PushBlob::Fate::Present;
                    if (stat->size() >= 0)
                        entry.targetSize = stat->size();
                } else if (d->locations) {
                    const QStringList others =
                        d->locations->repositoriesWith(d->plan.registry, entry.target, d->plan.repository);
                    if (!others.isEmpty()) {
                        entry.fate = PushBlob::Fate::Mount;
                        entry.mountFrom = others.constFirst();
                    }
                }
                pump();
            });
        } else {
            const int target = d->tagsToCheck.takeFirst();
            oci::ManifestJob *head = d->client->manifest(
                d->plan.repository, d->plan.targets.at(target).tag, oci::RegistryClient::Method::Head);
            head->setParent(this);
            d->jobs << head;
            connect(head, &oci::Job::finished, this, [this, head, target] {
                d->jobs.removeOne(head);
                head->deleteLater();
                --d->running;
                if (head->succeeded()) {
                    d->plan.targets[target].tagCurrent = head->manifest().digest;
                } else if (head->error().code() != oci::Error::Code::NotFound) {
                    finishWithError(head->error());
                    abort();
                    return;
                }
                pump();
            });
        }
    }
    if (d->running == 0 && d->toCheck.isEmpty() && d->tagsToCheck.isEmpty())
        finishSuccessfully();
}

} // namespace image
