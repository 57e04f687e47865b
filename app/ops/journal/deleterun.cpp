#include "ops/journal/deleterun.h"

#include "ops/journal/deletestepjob.h"

#include "oci/client/registryclient.h"
#include "oci/inspect/ownedjob.h"

#include <QUuid>

namespace ops {

struct DeleteRun::Private
{
    oci::RegistryClient *client = nullptr;
    Journal journal;
    DeletePlan plan;
    QList<DeleteStep> items; // what runs: the plan's steps, RemoveTag split per tag
    DeleteSummary summary;
    int next = 0;
    int done = 0;
    bool started = false;
    bool cancelRequested = false;
    oci::OwnedJob<DeleteStepJob> step;
};

DeleteRun::DeleteRun(oci::RegistryClient *client, Journal journal, DeletePlan plan, QObject *parent)
    : oci::Job(parent), d(std::make_unique<Private>())
{
    d->client = client;
    d->journal = std::move(journal);
    d->plan = std::move(plan);
    d->summary.registry = client->config().host;
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
    d->step.reset();
}

void DeleteRun::start()
{
    if (d->started)
        return;
    d->started = true;
    const QString host = d->client->config().host;
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
    QMetaObject::invokeMethod(this, &DeleteRun::runNext, Qt::QueuedConnection);
}

void DeleteRun::requestCancel()
{
    d->cancelRequested = true;
    if (!d->step && d->started && !isFinished())
        QMetaObject::invokeMethod(this, &DeleteRun::runNext, Qt::QueuedConnection);
}

void DeleteRun::runNext()
{
    if (isFinished() || isCancelled() || d->step)
        return;
    if (d->cancelRequested || d->summary.stopped || d->next >= d->items.size()) {
        end();
        return;
    }
    const int index = d->next++;
    d->step.reset(new DeleteStepJob(d->client, d->journal, d->plan.repository, d->items.at(index),
                                    d->summary.outcomes.at(index).step, d->summary.run, this));
    connect(d->step.get(), &oci::Job::finished, this, &DeleteRun::onStepFinished);
    Q_EMIT stepStarted(index);
    d->step->start();
}

void DeleteRun::onStepFinished()
{
    const int index = d->next - 1;
    const oci::OwnedJob<DeleteStepJob> finished = std::move(d->step);
    d->summary.outcomes[index] = finished->outcome();
    ++d->done;
    if (finished->stopsRun()) {
        d->summary.stopped = true;
        d->summary.stopReason = finished->stopReason();
    }
    Q_EMIT stepFinished(index);
    Q_EMIT progress(d->done, stepCount());
    // The next step starts on the next turn of the event loop: whoever listens to
    // stepFinished() (a cancel button, a test stopping the registry) acts in between.
    QMetaObject::invokeMethod(this, &DeleteRun::runNext, Qt::QueuedConnection);
}

void DeleteRun::end()
{
    const QString why = d->summary.stopped
        ? QStringLiteral("Not run: the run stopped because %1.").arg(d->summary.stopReason)
        : QStringLiteral("Not run: the deletion was cancelled.");
    d->summary.cancelled = d->cancelRequested && !d->summary.stopped && d->next < d->items.size();
    for (qsizetype index = d->next; index < d->summary.outcomes.size(); ++index)
        d->summary.outcomes[index].reason = why;
    finishSuccessfully();
}

} // namespace ops
