#pragma once

#include "oci/inspect/imagedetails.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>
#include <QStringList>

#include <deque>
#include <functional>
#include <memory>

namespace oci {

class ContentFetcher;
class ContentJob;
struct ImageConfig;

// Fills in the details of a repository's tags: per tag a HEAD for its digest, then,
// only for digests not seen before, the manifest and (for an index, each platform
// manifest and) the config, each at most once per digest (and through the cache, so not
// at all when it is cached). At most maxConcurrent() requests are in flight.
//
// Tags are queued with a priority: request(tags, Visible) jumps the queue (the rows on
// screen), Background fills in the rest behind them. A tag already done is not fetched
// again: results() has it.
//
//     auto *resolver = new oci::DetailsResolver(fetcher, u"team/app"_s, this);
//     connect(resolver, &oci::DetailsResolver::tagResolved, this, [](const oci::TagDetails &row) {
//     ... }); resolver->request(allTags, oci::DetailsResolver::Priority::Background);
//     resolver->request(visibleTags, oci::DetailsResolver::Priority::Visible);
class DetailsResolver final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DetailsResolver)

public:
    enum class Priority { Visible, Background };
    static constexpr int DefaultMaxConcurrent = 8;

    DetailsResolver(ContentFetcher *fetcher, QString repository, QObject *parent = nullptr);
    ~DetailsResolver() override;

    const QString &repository() const { return m_repository; }
    int maxConcurrent() const { return m_maxConcurrent; }
    void setMaxConcurrent(int requests);

    // Queues `tags` (unknown ones are added to the total). Visible: to the front, in order.
    // An entry may also be a digest ("sha256:..."): its details without a HEAD.
    void request(const QStringList &tags, Priority priority = Priority::Background);
    // Drops everything queued and in flight; no signal after it. Results so far are kept;
    // request() may be called again afterwards.
    void cancel();

    // Known results (tag -> row), including failed rows.
    const QHash<QString, TagDetails> &results() const { return m_results; }
    // Details per manifest digest (shared by the tags pointing there).
    const QHash<Digest, ImageDetails> &detailsByDigest() const { return m_byDigest; }
    int done() const { return int(m_results.size()); }
    int total() const { return int(m_known.size()); }
    bool isIdle() const;
    // Requests in flight now (at most maxConcurrent()).
    int inFlight() const { return m_inFlight; }

Q_SIGNALS:
    void tagResolved(const oci::TagDetails &row);
    void progress(int done, int total);
    // The queue ran dry: every requested tag has a result.
    void idle();

private:
    struct DigestWork;
    struct Step
    {
        std::function<ContentJob *()> start;
        std::function<void(ContentJob *)> done;
    };

    void pump();
    void launch(Step step);
    void schedule(Step step);
    void startTag(const QString &tag);
    void onTagHead(const QString &tag, ContentJob *job);
    void onDigestKnown(const QString &tag, const Digest &digest, const QString &mediaType,
                       qint64 size, bool stale);
    void onManifest(const std::shared_ptr<DigestWork> &work, ContentJob *job);
    void onChildManifest(const std::shared_ptr<DigestWork> &work, const Digest &child,
                         ContentJob *job);
    void needConfig(const std::shared_ptr<DigestWork> &work, const Digest &config, qint64 size);
    void onConfig(const Digest &config, ContentJob *job);
    void stepDone(const std::shared_ptr<DigestWork> &work);
    void finishDigest(const std::shared_ptr<DigestWork> &work);
    void finishTag(TagDetails row);

    ContentFetcher *m_fetcher;
    QString m_repository;
    int m_maxConcurrent = DefaultMaxConcurrent;
    int m_inFlight = 0;
    std::deque<QString> m_visible;    // tags to start first
    std::deque<QString> m_background; // then these; entries no longer queued are skipped
    QSet<QString> m_queued;           // waiting to start
    std::deque<Step> m_followUps;     // manifests and configs of digests being resolved
    QSet<QString> m_known;            // every tag requested (the total)
    QHash<QString, TagDetails> m_results;
    QHash<Digest, ImageDetails> m_byDigest;
    QHash<Digest, std::shared_ptr<DigestWork>> m_digestWork;
    QHash<Digest, std::shared_ptr<const ImageConfig>> m_configs;
    QHash<Digest, QList<std::shared_ptr<DigestWork>>> m_configWaiters; // fetch in progress
    QSet<QString> m_started;                                           // started, no result yet
    QHash<QString, Error> m_staleReasons; // tags answered from the tag memory
    QList<QPointer<ContentJob>> m_jobs;
    quint64 m_generation = 0; // bumped by cancel(): late callbacks of older jobs are dropped
};

} // namespace oci
