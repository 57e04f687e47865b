#include "ops/journal/repositoryrecheck.h"

#include "oci/client/registryclient.h"

#include <QHash>
#include <QPointer>
#include <QSet>

#include <algorithm>

namespace ops {

struct RepositoryRecheck::Private
{
    RepositoryRecheck *q = nullptr;
    QPointer<oci::RegistryClient> client;
    QString host;
    QString repository;
    QHash<QString, oci::Digest> planned; // tag -> digest, as scanned
    QSet<oci::Digest> touched;           // digests of the plan's steps
    QSet<oci::Digest> deleted;           // digests of its DeleteManifest steps
    bool deletesManifests = false;

    QPointer<oci::TagListJob> listing;
    QStringList toHead;
    int nextHead = 0;
    int headsLeft = 0;
    int headsSent = 0;
    QList<QPointer<oci::ManifestJob>> inFlight;
    QHash<QString, QString> change; // tag -> the change in words
    QStringList changes;
    QStringList changedTags;
    bool stopped = false;

    void onListed();
    void pump();
    void onHead(oci::ManifestJob *job, const QString &tag);
    void end();
    void fail(oci::Error error);
    QString digestText(const oci::Digest &digest) const
    {
        return deleted.contains(digest) ? QStringLiteral("%1, which the plan deletes").arg(digest.shortString())
                                        : digest.shortString();
    }
};

RepositoryRecheck::RepositoryRecheck(oci::RegistryClient *client, const DeletePlan &plan, QObject *parent)
    : oci::Job(parent), d(std::make_unique<Private>())
{
    d->q = this;
    d->client = client;
    d->host = client->config().host;
    d->repository = plan.repository;
    for (const TagFate &fate : plan.tags)
        d->planned.insert(fate.tag, fate.digest);
    for (const DeleteStep &step : plan.steps) {
        d->touched.insert(step.digest);
        if (step.kind == DeleteStep::Kind::DeleteManifest) {
            d->deleted.insert(step.digest);
            d->deletesManifests = true;
        }
    }
    connect(client, &QObject::destroyed, this, [this] {
        d->fail(oci::Error(oci::Error::Code::Cancelled, QStringLiteral("the registry was removed")));
    });
}

RepositoryRecheck::~RepositoryRecheck()
{
    abort();
}

const QStringList &RepositoryRecheck::changes() const
{
    return d->changes;
}

const QStringList &RepositoryRecheck::changedTags() const
{
    return d->changedTags;
}

int RepositoryRecheck::headsSent() const
{
    return d->headsSent;
}

QString RepositoryRecheck::describeChanges() const
{
    if (d->changes.isEmpty())
        return {};
    QStringList named = d->changes.mid(0, NamedChanges);
    if (d->changes.size() > NamedChanges)
        named << QStringLiteral("and %1 more").arg(d->changes.size() - NamedChanges);
    return QStringLiteral("the repository changed since the scan: %1; scan again")
        .arg(named.join(QStringLiteral(", ")));
}

void RepositoryRecheck::abort()
{
    d->stopped = true;
    if (d->listing) {
        d->listing->cancel();
        d->listing->deleteLater();
    }
    const QList<QPointer<oci::ManifestJob>> running = std::exchange(d->inFlight, {});
    for (const QPointer<oci::ManifestJob> &job : running) {
        if (job) {
            job->cancel();
            job->deleteLater();
        }
    }
}

void RepositoryRecheck::Private::fail(oci::Error error)
{
    if (stopped || q->isFinished())
        return;
    if (error.registry().isEmpty())
        error.withRegistry(host);
    if (error.object().isEmpty())
        error.withObject(repository);
    q->abort();
    q->finishWithError(std::move(error));
}

void RepositoryRecheck::start()
{
    if (!d->client) {
        d->fail(oci::Error(oci::Error::Code::Cancelled, QStringLiteral("the registry was removed")));
        return;
    }
    d->listing = d->client->tags(d->repository);
    connect(d->listing.data(), &oci::Job::finished, this, [this] { d->onListed(); });
}

void RepositoryRecheck::Private::onListed()
{
    oci::TagListJob *job = listing.data();
    listing.clear();
    job->deleteLater();
    if (!job->succeeded()) {
        // A repository with no tags left lists as NAME_UNKNOWN on distribution.
        if (job->error().code() != oci::Error::Code::NotFound) {
            fail(job->error());
            return;
        }
    }
    const QStringList listed = job->succeeded() ? job->tags() : QStringList();
    const QSet<QString> listedSet(listed.cbegin(), listed.cend());
    for (auto it = planned.cbegin(); it != planned.cend(); ++it) {
        if (!listedSet.contains(it.key()))
            change.insert(it.key(), QStringLiteral("'%1' is gone").arg(it.key()));
    }
    for (const QString &tag : listed) {
        const auto known = planned.constFind(tag);
        if (known == planned.cend() || deletesManifests || touched.contains(known.value()))
            toHead << tag;
    }
    headsLeft = int(toHead.size());
    if (headsLeft == 0) {
        end();
        return;
    }
    pump();
}

void RepositoryRecheck::Private::pump()
{
    while (!stopped && inFlight.size() < MaxInFlight && nextHead < toHead.size()) {
        const QString tag = toHead.at(nextHead++);
        oci::ManifestJob *head = client->manifest(repository, tag, oci::RegistryClient::Method::Head);
        ++headsSent;
        inFlight << head;
        QObject::connect(head, &oci::Job::finished, q, [this, head, tag] { onHead(head, tag); });
    }
}

void RepositoryRecheck::Private::onHead(oci::ManifestJob *job, const QString &tag)
{
    inFlight.removeOne(job);
    job->deleteLater();
    const auto known = planned.constFind(tag);
    if (job->succeeded()) {
        const oci::Digest now = job->manifest().digest;
        if (known == planned.cend())
            change.insert(tag, QStringLiteral("'%1' is new (on %2)").arg(tag, digestText(now)));
        else if (known.value() != now)
            change.insert(tag, QStringLiteral("'%1' moved from %2 to %3")
                                   .arg(tag, known.value().shortString(), digestText(now)));
    } else if (job->error().code() == oci::Error::Code::NotFound) {
        if (known != planned.cend()) // listed a moment ago, gone now: gone all the same
            change.insert(tag, QStringLiteral("'%1' is gone").arg(tag));
    } else {
        fail(job->error());
        return;
    }
    if (--headsLeft > 0) {
        pump();
        return;
    }
    end();
}

void RepositoryRecheck::Private::end()
{
    if (stopped)
        return;
    stopped = true;
    changedTags = change.keys();
    std::sort(changedTags.begin(), changedTags.end());
    for (const QString &tag : std::as_const(changedTags))
        changes << change.value(tag);
    q->finishSuccessfully();
}

} // namespace ops
