#include "ops/journal/deleterun.h"

#include "ops/journal/deletestepjob.h"
#include "ops/journal/repositoryrecheck.h"

#include "oci/client/registryclient.h"
#include "oci/inspect/ownedjob.h"
#include "oci/manifest/mediatypes.h"

#include <QHash>
#include <QPointer>
#include <QUuid>

namespace ops {

struct DeleteRun::Private
{
    QPointer<oci::RegistryClient> client; // destroyed mid-run: the run ends Cancelled
    QString host;
    Journal journal;
    DeletePlan plan;
    QList<DeleteStep> items; // what runs: the plan's steps, RemoveTag split per tag
    DeleteSummary summary;
    int next = 0;
    int done = 0;
    bool started = false;
    bool cancelRequested = false;
    bool clientGone = false;
    oci::OwnedJob<RepositoryRecheck> check;
    oci::OwnedJob<DeleteStepJob> step;
    // Manifests not to delete because an index listing them is still there, with why.
    QHash<oci::Digest, QString> blocked;
    QString blockAll; // set: no manifest is deleted any more (an index's list is unknown)

    QStringList tagsOn(const oci::Digest &digest) const
    {
        QStringList found;
        for (const TagFate &fate : plan.tags) {
            if (fate.digest == digest)
                found << fate.tag;
        }
        return found;
    }
};

DeleteRun::DeleteRun(oci::RegistryClient *client, Journal journal, DeletePlan plan, QObject *parent)
    : oci::Job(parent), d(std::make_unique<Private>())
{
    d->client = client;
    d->host = client->config().host;
    connect(client, &QObject::destroyed, this, &DeleteRun::onClientGone);
    d->journal = std::move(journal);
    d->plan = std::move(plan);
    d->summary.registry = d->host;
    d->summary.repository = d->plan.repository;
    d->summary.run = QUuid::createUuid().toString(QUuid::WithoutBraces);
    for (qsizetype index = 0; index < d->plan.steps.size(); ++index) {
        const DeleteStep &step = d->plan.steps.at(index);
        QList<DeleteStep> parts;
        if (step.kind == DeleteStep::Kind::RemoveTag && step.tags.size() > 1) {
            for (const QString &tag : step.tags) {
                DeleteStep one = step;
                one.tags = QStringList{tag};
                parts << one;
            }
        } else {
            parts << step;
        }
        for (const DeleteStep &part : std::as_const(parts)) {
            d->items << part;
            DeleteOutcome outcome;
            outcome.step = int(index);
            outcome.kind = part.kind;
            outcome.digest = part.digest;
            outcome.tags = part.tags;
            outcome.reason = QStringLiteral("Not run yet.");
            d->summary.outcomes << outcome;
        }
    }
}

DeleteRun::~DeleteRun() = default;

const DeletePlan &DeleteRun::plan() const
{
    return d->plan;
}

const QString &DeleteRun::runId() const
{
    return d->summary.run;
}

const DeleteSummary &DeleteRun::summary() const
{
    return d->summary;
}

int DeleteRun::stepCount() const
{
    return int(d->items.size());
}

int DeleteRun::stepsDone() const
{
    return d->done;
}

void DeleteRun::abort()
{
    d->check.reset();
    d->step.reset();
}

void DeleteRun::start()
{
    if (d->started)
        return;
    d->started = true;
    if (!d->client) {
        d->clientGone = true;
        QMetaObject::invokeMethod(this, &DeleteRun::end, Qt::QueuedConnection);
        return;
    }
    const QString &host = d->host;
    if (!d->plan.registry.isEmpty() && d->plan.registry != host) {
        finishWithError(oci::Error(oci::Error::Code::InvalidArgument,
                                   QStringLiteral("the plan is for %1, not for %2").arg(d->plan.registry, host))
                            .withRegistry(host));
        return;
    }
    if (d->plan.repository.isEmpty()) {
        finishWithError(oci::Error(oci::Error::Code::InvalidArgument,
                                   QStringLiteral("the plan names no repository"))
                            .withRegistry(host));
        return;
    }
    Q_EMIT progress(0, stepCount());
    // Queued: no signal comes from inside start().
    if (d->plan.tags.isEmpty() || d->items.isEmpty())
        QMetaObject::invokeMethod(this, &DeleteRun::runNext, Qt::QueuedConnection);
    else
        QMetaObject::invokeMethod(this, &DeleteRun::recheck, Qt::QueuedConnection);
}

void DeleteRun::requestCancel()
{
    d->cancelRequested = true;
    if (d->check) {
        d->check.reset();
        end();
        return;
    }
    if (!d->step && d->started && !isFinished())
        QMetaObject::invokeMethod(this, &DeleteRun::runNext, Qt::QueuedConnection);
}

void DeleteRun::onClientGone()
{
    if (d->clientGone || isFinished() || isCancelled())
        return;
    d->clientGone = true;
    if (d->check) {
        d->check.reset();
        end();
        return;
    }
    // A step in flight ends on its own (Failed, "the registry was removed"), then the run.
    if (!d->step && d->started)
        QMetaObject::invokeMethod(this, &DeleteRun::runNext, Qt::QueuedConnection);
}

// The scan may be minutes old: nothing runs on a repository that changed since.
void DeleteRun::recheck()
{
    if (isFinished() || isCancelled() || d->check)
        return;
    if (d->cancelRequested || d->clientGone) {
        end();
        return;
    }
    d->check.reset(new RepositoryRecheck(d->client, d->plan, this));
    connect(d->check.get(), &oci::Job::finished, this, &DeleteRun::onRechecked);
    Q_EMIT checkingRepository();
    d->check->start();
}

void DeleteRun::onRechecked()
{
    const oci::OwnedJob<RepositoryRecheck> check = std::move(d->check);
    if (!check->succeeded()) {
        d->summary.stopped = true;
        d->summary.stopReason = QStringLiteral("the repository could not be checked again before "
                                               "deleting (%1)")
                                    .arg(check->error().message());
        end();
        return;
    }
    if (!check->changedTags().isEmpty()) {
        d->summary.stopped = true;
        d->summary.stopReason = check->describeChanges();
        d->summary.changedTags = check->changedTags();
        end();
        return;
    }
    runNext();
}

void DeleteRun::runNext()
{
    if (isFinished() || isCancelled() || d->step || d->check)
        return;
    if (d->clientGone || d->cancelRequested || d->summary.stopped || d->next >= d->items.size()) {
        end();
        return;
    }
    const int index = d->next++;
    const DeleteStep &item = d->items.at(index);
    if (item.kind == DeleteStep::Kind::DeleteManifest
        && (!d->blockAll.isEmpty() || d->blocked.contains(item.digest))) {
        DeleteOutcome &outcome = d->summary.outcomes[index];
        outcome.result = DeleteOutcome::Result::Skipped;
        outcome.reason = d->blockAll.isEmpty() ? d->blocked.value(item.digest) : d->blockAll;
        ++d->done;
        Q_EMIT stepStarted(index);
        Q_EMIT stepFinished(index);
        Q_EMIT progress(d->done, stepCount());
        QMetaObject::invokeMethod(this, &DeleteRun::runNext, Qt::QueuedConnection);
        return;
    }
    d->step.reset(new DeleteStepJob(d->client, d->journal, d->plan.repository, item,
                                    d->summary.outcomes.at(index).step, d->summary.run, this));
    if (item.kind == DeleteStep::Kind::RemoveTag)
        d->step->setTagsSharingDigest(d->tagsOn(item.digest));
    connect(d->step.get(), &oci::Job::finished, this, &DeleteRun::onStepFinished);
    Q_EMIT stepStarted(index);
    d->step->start();
}

void DeleteRun::onStepFinished()
{
    const int index = d->next - 1;
    const oci::OwnedJob<DeleteStepJob> finished = std::move(d->step);
    const DeleteOutcome &outcome = finished->outcome();
    d->summary.outcomes[index] = outcome;
    ++d->done;
    if (finished->stopsRun()) {
        d->summary.stopped = true;
        d->summary.stopReason = finished->stopReason();
    }
    // An index still there must not lose the manifests it lists.
    const DeleteStep &item = d->items.at(index);
    if (outcome.result == DeleteOutcome::Result::Failed && item.kind == DeleteStep::Kind::DeleteManifest
        && oci::isIndex(item.mediaType)) {
        if (finished->manifestWasRead()) {
            const QString why = QStringLiteral("Not deleted: the index %1, which lists it, could not be "
                                               "deleted; deleting this manifest would leave the index "
                                               "pointing at nothing.")
                                    .arg(item.digest.toString());
            for (const oci::Digest &child : finished->listedManifests())
                d->blocked.insert(child, why);
        } else {
            d->blockAll = QStringLiteral("Not deleted: the index %1 could be neither read nor deleted, so "
                                         "which manifests it lists is unknown; deleting this one could "
                                         "leave the index pointing at nothing.")
                              .arg(item.digest.toString());
        }
    }
    Q_EMIT stepFinished(index);
    Q_EMIT progress(d->done, stepCount());
    // The next step starts on the next turn of the event loop: whoever listens to
    // stepFinished() (a cancel button, a test stopping the registry) acts in between.
    QMetaObject::invokeMethod(this, &DeleteRun::runNext, Qt::QueuedConnection);
}

void DeleteRun::end()
{
    if (isFinished() || isCancelled())
        return;
    if (d->clientGone && !d->summary.stopped) {
        d->summary.stopped = true;
        d->summary.stopReason = QStringLiteral("the registry was removed");
    }
    const QString why = d->summary.stopped
        ? QStringLiteral("Not run: the run stopped because %1.").arg(d->summary.stopReason)
        : QStringLiteral("Not run: the deletion was cancelled.");
    d->summary.cancelled = d->cancelRequested && !d->summary.stopped && d->next < d->items.size();
    for (qsizetype index = d->next; index < d->summary.outcomes.size(); ++index)
        d->summary.outcomes[index].reason = why;
    if (d->clientGone)
        finishWithError(oci::Error(oci::Error::Code::Cancelled, QStringLiteral("the registry was removed"))
                            .withRegistry(d->host)
                            .withObject(d->plan.repository));
    else
        finishSuccessfully();
}

} // namespace ops
