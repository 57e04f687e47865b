#include "oci/inspect/detailsresolver.h"

#include "oci/inspect/contentfetcher.h"
#include "oci/manifest/imageconfig.h"
#include "oci/manifest/manifestdocument.h"
#include "oci/manifest/mediatypes.h"

#include <algorithm>

namespace oci {

// The details of one manifest digest being worked out, and the tags waiting for them.
struct DetailsResolver::DigestWork
{
    Digest digest;
    QString mediaType; // from the HEAD, for rows of a digest that failed
    qint64 size = -1;
    QList<QPair<QString, bool>> tags; // tag, stale
    std::shared_ptr<const ManifestDocument> document;
    QHash<Digest, std::shared_ptr<const ManifestDocument>> children;
    int outstanding = 0; // manifest, child manifests and configs not in yet
    Error error;         // the manifest could not be read
};

DetailsResolver::DetailsResolver(ContentFetcher *fetcher, QString repository, QObject *parent)
    : QObject(parent), m_fetcher(fetcher), m_repository(std::move(repository))
{
}

DetailsResolver::~DetailsResolver()
{
    cancel();
}

void DetailsResolver::setMaxConcurrent(int requests)
{
    m_maxConcurrent = std::max(1, requests);
    pump();
}

bool DetailsResolver::isIdle() const
{
    return m_queued.isEmpty() && m_inFlight == 0 && m_followUps.empty() && m_digestWork.isEmpty();
}

void DetailsResolver::request(const QStringList &tags, Priority priority)
{
    const qsizetype knownBefore = m_known.size();
    QStringList fresh;
    for (const QString &tag : tags) {
        m_known.insert(tag);
        if (const auto done = m_results.constFind(tag);
            done != m_results.cend() && done->error.code() == Error::Code::None) {
            continue; // failed rows are tried again
        }
        const bool waiting = m_queued.contains(tag);
        if (waiting && priority == Priority::Background)
            continue;
        if (!waiting && m_started.contains(tag))
            continue; // started already
        fresh << tag;
    }
    if (priority == Priority::Visible) {
        // In the given order, ahead of everything queued; older entries are skipped later.
        for (auto it = fresh.crbegin(); it != fresh.crend(); ++it) {
            m_queued.insert(*it);
            m_visible.push_front(*it);
        }
    } else {
        for (const QString &tag : std::as_const(fresh)) {
            m_queued.insert(tag);
            m_background.push_back(tag);
        }
    }
    if (m_known.size() != knownBefore)
        Q_EMIT progress(done(), total());
    pump();
    if (isIdle()) {
        // Everything asked for was known already: say so, as always, from the event loop.
        const quint64 generation = m_generation;
        QMetaObject::invokeMethod(
            this,
            [this, generation] {
                if (generation == m_generation && isIdle())
                    Q_EMIT idle();
            },
            Qt::QueuedConnection);
    }
}

void DetailsResolver::cancel()
{
    ++m_generation;
    for (const QPointer<ContentJob> &job : std::as_const(m_jobs)) {
        if (job) {
            job->cancel();
            job->deleteLater();
        }
    }
    m_jobs.clear();
    m_inFlight = 0;
    m_visible.clear();
    m_background.clear();
    m_queued.clear();
    m_followUps.clear();
    m_digestWork.clear();
    m_started.clear();
    m_staleReasons.clear();
    m_configWaiters.clear();
    // What is not resolved is no longer asked for.
    m_known.clear();
    for (auto it = m_results.cbegin(); it != m_results.cend(); ++it)
        m_known.insert(it.key());
}

void DetailsResolver::pump()
{
    while (m_inFlight < m_maxConcurrent) {
        // Follow-ups first: they complete rows that are already under way.
        if (!m_followUps.empty()) {
            Step step = std::move(m_followUps.front());
            m_followUps.pop_front();
            launch(std::move(step));
            continue;
        }
        QString next;
        while (next.isEmpty() && !m_visible.empty()) {
            QString tag = std::move(m_visible.front());
            m_visible.pop_front();
            if (m_queued.remove(tag))
                next = std::move(tag);
        }
        while (next.isEmpty() && !m_background.empty()) {
            QString tag = std::move(m_background.front());
            m_background.pop_front();
            if (m_queued.remove(tag))
                next = std::move(tag);
        }
        if (next.isEmpty())
            break;
        startTag(next);
    }
}

void DetailsResolver::schedule(Step step)
{
    m_followUps.push_back(std::move(step));
}

void DetailsResolver::launch(Step step)
{
    ContentJob *job = step.start();
    ++m_inFlight;
    m_jobs.append(job);
    const quint64 generation = m_generation;
    connect(job, &Job::finished, this, [this, job, done = std::move(step.done), generation] {
        if (generation != m_generation)
            return;
        --m_inFlight;
        m_jobs.removeOne(job);
        done(job);
        job->deleteLater();
        pump();
        if (isIdle())
            Q_EMIT idle();
    });
}

void DetailsResolver::startTag(const QString &tag)
{
    m_started.insert(tag);
    if (tag.contains(u':')) {
        // A digest (tags cannot hold ':'): nothing to ask a HEAD for.
        Result<Digest> digest = Digest::parse(tag);
        if (!digest) {
            TagDetails row;
            row.tag = tag;
            row.error = digest.error();
            finishTag(std::move(row));
            return;
        }
        onDigestKnown(tag, digest.value(), {}, -1, false);
        return;
    }
    launch(Step{[this, tag] { return m_fetcher->resolveTag(m_repository, tag); },
                [this, tag](ContentJob *job) {
                    onTagHead(tag, job);
                }});
}

void DetailsResolver::onTagHead(const QString &tag, ContentJob *job)
{
    if (!job->succeeded()) {
        TagDetails row;
        row.tag = tag;
        row.referrerFallbackTag = isReferrerFallbackTag(tag);
        row.error = job->error();
        finishTag(std::move(row));
        return;
    }
    if (job->isStale())
        m_staleReasons.insert(tag, job->networkError());
    onDigestKnown(tag, job->digest(), job->mediaType(), job->size(), job->isStale());
}

void DetailsResolver::onDigestKnown(const QString &tag, const Digest &digest,
                                    const QString &mediaType, qint64 size, bool stale)
{
    if (const auto known = m_byDigest.constFind(digest); known != m_byDigest.cend()) {
        TagDetails row;
        row.tag = tag;
        row.referrerFallbackTag = isReferrerFallbackTag(tag);
        row.details = known.value();
        row.stale = stale;
        finishTag(std::move(row));
        return;
    }
    std::shared_ptr<DigestWork> work = m_digestWork.value(digest);
    if (work) {
        work->tags.append({tag, stale});
        return;
    }
    work = std::make_shared<DigestWork>();
    work->digest = digest;
    work->mediaType = mediaType;
    work->size = size;
    work->tags.append({tag, stale});
    work->outstanding = 1;
    m_digestWork.insert(digest, work);
    schedule(Step{[this, digest] { return m_fetcher->manifest(m_repository, digest.toString()); },
                  [this, work](ContentJob *job) {
                      onManifest(work, job);
                  }});
}

void DetailsResolver::onManifest(const std::shared_ptr<DigestWork> &work, ContentJob *job)
{
    if (!job->succeeded()) {
        work->error = job->error();
        stepDone(work);
        return;
    }
    work->document = job->document();
    const ManifestDocument &document = *work->document;
    if (document.isImageManifest()) {
        const ImageManifest &manifest = document.manifest();
        if (manifest.artifactType.isEmpty() &&
            isConfig(stripParameters(manifest.config.mediaType())))
            needConfig(work, manifest.config.digest(), manifest.config.size());
    } else if (document.isIndex()) {
        for (const Descriptor &entry : document.index().manifests) {
            if (entry.isAttestation() || (entry.platform() && entry.platform()->isUnknown()))
                continue;
            if (!isImageManifest(stripParameters(entry.mediaType())))
                continue; // nested indexes and unknown entries: no size of their own here
            const Digest child = entry.digest();
            if (work->children.contains(child))
                continue;
            work->children.insert(child, nullptr);
            ++work->outstanding;
            schedule(
                Step{[this, child] { return m_fetcher->manifest(m_repository, child.toString()); },
                     [this, work, child](ContentJob *job) {
                         onChildManifest(work, child, job);
                     }});
        }
    }
    stepDone(work);
}

void DetailsResolver::onChildManifest(const std::shared_ptr<DigestWork> &work, const Digest &child,
                                      ContentJob *job)
{
    if (job->succeeded()) {
        work->children.insert(child, job->document());
        const ManifestDocument &document = *job->document();
        if (document.isImageManifest()) {
            const Descriptor &config = document.manifest().config;
            if (isConfig(stripParameters(config.mediaType())))
                needConfig(work, config.digest(), config.size());
        }
    } else {
        work->children.remove(child); // its size stays unknown
    }
    stepDone(work);
}

void DetailsResolver::needConfig(const std::shared_ptr<DigestWork> &work, const Digest &config,
                                 qint64 size)
{
    if (m_configs.contains(config))
        return;
    ++work->outstanding;
    auto waiting = m_configWaiters.find(config);
    if (waiting != m_configWaiters.end()) {
        waiting->append(work); // one fetch per config, however many manifests share it
        return;
    }
    m_configWaiters.insert(config, {work});
    schedule(Step{[this, config, size] { return m_fetcher->blob(m_repository, config, size); },
                  [this, config](ContentJob *job) {
                      onConfig(config, job);
                  }});
}

void DetailsResolver::onConfig(const Digest &config, ContentJob *job)
{
    if (job->succeeded()) {
        Result<ImageConfig> parsed = ImageConfig::parse(job->bytes());
        // An unreadable config costs the created date and platform, not the row.
        m_configs.insert(config,
                         parsed ? std::make_shared<const ImageConfig>(std::move(parsed).value())
                                : nullptr);
    }
    const QList<std::shared_ptr<DigestWork>> waiters = m_configWaiters.take(config);
    for (const auto &work : waiters)
        stepDone(work);
}

void DetailsResolver::stepDone(const std::shared_ptr<DigestWork> &work)
{
    if (--work->outstanding > 0)
        return;
    finishDigest(work);
}

void DetailsResolver::finishDigest(const std::shared_ptr<DigestWork> &work)
{
    m_digestWork.remove(work->digest);
    ImageDetails details;
    if (work->document) {
        QHash<Digest, std::shared_ptr<const ImageConfig>> configs;
        const auto addConfig = [&](const ManifestDocument &document) {
            if (!document.isImageManifest())
                return;
            const Digest &config = document.manifest().config.digest();
            if (const auto parsed = m_configs.value(config))
                configs.insert(config, parsed);
        };
        addConfig(*work->document);
        for (const auto &child : std::as_const(work->children)) {
            if (child)
                addConfig(*child);
        }
        details =
            ImageDetails::fromDocuments(work->digest, work->document, configs, work->children);
        m_byDigest.insert(work->digest, details);
    } else {
        // What the HEAD told; not kept, so a later request tries again.
        details.digest = work->digest;
        details.mediaType = work->mediaType;
        details.manifestSize = work->size;
    }
    for (const auto &[tag, stale] : std::as_const(work->tags)) {
        TagDetails row;
        row.tag = tag;
        row.details = details;
        row.stale = stale;
        row.referrerFallbackTag = isReferrerFallbackTag(tag);
        row.error = work->error;
        finishTag(std::move(row));
    }
}

void DetailsResolver::finishTag(TagDetails row)
{
    const QString tag = row.tag;
    m_started.remove(tag);
    if (row.stale)
        row.networkError = m_staleReasons.value(tag);
    m_staleReasons.remove(tag);
    m_results.insert(tag, row);
    Q_EMIT tagResolved(row);
    Q_EMIT progress(done(), total());
}

} // namespace oci
