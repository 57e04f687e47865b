#include "opscommand.h"

#include "opsarguments.h"
#include "output.h"
#include "planoutput.h"
#include "runner.h"

#include "oci/cache/contentcache.h"
#include "oci/client/registryclient.h"
#include "oci/inspect/contentfetcher.h"
#include "ops/copy/copyjob.h"
#include "ops/copy/retagjob.h"
#include "ops/journal/deleterun.h"
#include "ops/journal/journal.h"
#include "ops/journal/undojob.h"
#include "ops/plan/deletionplanner.h"
#include "ops/plan/repositoryscanjob.h"
#include "ops/plan/retentionplanner.h"
#include "ops/plan/retentionrules.h"

namespace cli {

namespace {

ops::Journal journalOf(const Options &options)
{
    return options.journalFolder.isEmpty() ? ops::Journal() : ops::Journal(options.journalFolder);
}

QString scanPhase(ops::RepositoryScanJob::Phase phase)
{
    switch (phase) {
    case ops::RepositoryScanJob::Phase::ListingTags: return QStringLiteral("listing tags");
    case ops::RepositoryScanJob::Phase::ResolvingTags: return QStringLiteral("resolving tags");
    case ops::RepositoryScanJob::Phase::FindingReferrers: return QStringLiteral("finding referrers");
    case ops::RepositoryScanJob::Phase::Done: return QStringLiteral("scanned");
    }
    return {};
}

} // namespace

OpsCommand::OpsCommand(Options options, oci::Transport *transport, oci::RegistryClient *client,
                       QObject *parent)
    : QObject(parent), m_options(std::move(options)), m_transport(transport), m_client(client)
{
}

OpsCommand::~OpsCommand()
{
    // Jobs before the clients they use (children go in the order they came).
    qDeleteAll(findChildren<oci::Job *>(Qt::FindDirectChildrenOnly));
}

void OpsCommand::start()
{
    switch (m_options.command) {
    case Options::Command::Tag: runTag(); return;
    case Options::Command::Copy: runCopy(); return;
    case Options::Command::Remove:
    case Options::Command::Cleanup: runRemoval(); return;
    case Options::Command::Undo: runUndo(); return;
    default: fail(QStringLiteral("not a command of this kind")); return;
    }
}

oci::RegistryClient *OpsCommand::clientFor(const QString &host)
{
    if (host == m_options.registry)
        return m_client;
    return new oci::RegistryClient(m_transport, registryConfig(m_options, host), this);
}

oci::ContentFetcher *OpsCommand::fetcherFor(oci::RegistryClient *client)
{
    if (!m_cache) {
        oci::ContentCacheOptions cacheOptions;
        if (!m_options.noCache) // --no-cache: memory only
            cacheOptions.directory = oci::ContentCacheOptions::defaultDirectory();
        m_cache = new oci::ContentCache(cacheOptions, this);
    }
    return new oci::ContentFetcher(client, m_cache, this);
}

void OpsCommand::runTag()
{
    const oci::Reference &source = m_options.reference;
    auto *job = new ops::RetagJob(m_client, source.repository(), source.identifier(),
                                  m_options.newTags, this);
    job->setDryRun(m_options.dryRun);
    connect(job, &oci::Job::finished, this, [this, job, source] {
        QStringList lines;
        for (const ops::TagChange &change : job->changes()) {
            QString what;
            switch (change.kind) {
            case ops::TagChange::Kind::New: what = QStringLiteral("new"); break;
            case ops::TagChange::Kind::Moved:
                what = QStringLiteral("moved from %1").arg(change.from.toString());
                break;
            case ops::TagChange::Kind::Unchanged: what = QStringLiteral("already there"); break;
            }
            if (m_options.dryRun && change.kind != ops::TagChange::Kind::Unchanged)
                what += QStringLiteral(" (dry run: not written)");
            else if (!change.applied && !m_options.dryRun)
                what += QStringLiteral(" (not written)");
            lines << QStringLiteral("%1 %2").arg(change.tag, -20).arg(what);
        }
        writeLines(lines);
        if (!job->succeeded()) {
            fail(QStringLiteral("tagging %1 failed: %2").arg(source.familiarString(), job->error().describe()));
            return;
        }
        writeLines({QStringLiteral("%1/%2@%3").arg(source.registry(), source.repository(),
                                                   job->digest().toString())});
        Q_EMIT finished(0);
    });
    job->start();
}

void OpsCommand::runCopy()
{
    const oci::Reference &from = m_options.reference;
    const oci::Reference &to = m_options.target;
    oci::ContentFetcher *source = fetcherFor(m_client);
    oci::ContentFetcher *target =
        to.registry() == from.registry() ? source : fetcherFor(clientFor(to.registry()));
    ops::CopyRequest request;
    request.sourceRepository = from.repository();
    request.sourceReference = from.identifier();
    request.targetRepository = to.repository();
    request.targetTag = to.hasTag() ? to.tag() : from.tag();
    request.withReferrers = m_options.withReferrers;
    auto *job = new ops::CopyJob(source, target, request, this);
    connect(job, &ops::CopyJob::phaseChanged, this, [this, job](ops::CopyJob::Phase phase) {
        m_progress.restart();
        const QString name = phase == ops::CopyJob::Phase::Reading      ? QStringLiteral("reading")
                             : phase == ops::CopyJob::Phase::Copying    ? QStringLiteral("copying")
                             : phase == ops::CopyJob::Phase::Publishing ? QStringLiteral("writing manifests")
                                                                        : QString();
        if (!name.isEmpty())
            m_progress.show(name, phase == ops::CopyJob::Phase::Copying ? job->bytesDone() : 0,
                            phase == ops::CopyJob::Phase::Copying ? job->bytesTotal() : 0, true);
    });
    connect(job, &ops::CopyJob::progress, this, [this, job](qint64 done, qint64 total) {
        if (job->phase() == ops::CopyJob::Phase::Copying)
            m_progress.show(QStringLiteral("copying"), done, total);
    });
    connect(job, &oci::Job::finished, this, [this, job, to, request] {
        m_progress.clear();
        if (!job->succeeded()) {
            fail(QStringLiteral("the copy failed: %1 (nothing was tagged)").arg(job->error().describe()));
            return;
        }
        const ops::CopyJob::Counters &counters = job->counters();
        QStringList lines;
        lines << QStringLiteral("copied to %1/%2%3@%4")
                     .arg(to.registry(), to.repository(),
                          request.targetTag.isEmpty() ? QString() : u':' + request.targetTag,
                          job->digest().toString());
        if (!job->previousTagDigest().isNull())
            lines << QStringLiteral("the tag moved from %1").arg(job->previousTagDigest().toString());
        lines << QStringLiteral("%1 blobs copied (%2), %3 mounted, %4 already there; %5 manifests written")
                     .arg(counters.blobsCopied)
                     .arg(sizeText(counters.bytesCopied))
                     .arg(counters.blobsMounted)
                     .arg(counters.blobsPresent)
                     .arg(counters.manifestsPut);
        if (m_options.withReferrers)
            lines << QStringLiteral("%1 referrers copied").arg(counters.referrersCopied);
        writeLines(lines);
        Q_EMIT finished(0);
    });
    job->start();
}

void OpsCommand::runRemoval()
{
    const bool cleanup = m_options.command == Options::Command::Cleanup;
    // Validated with the arguments (a bad pattern is a usage error).
    const ops::RetentionRules rules = retentionRules(m_options);
    auto *scan = ops::RepositoryScanJob::start(fetcherFor(m_client), m_options.reference.repository(), this);
    connect(scan, &ops::RepositoryScanJob::progress, this, [this, scan](int done, int total) {
        m_progress.show(QStringLiteral("%1 %2%3").arg(scanPhase(scan->phase())).arg(done)
                            .arg(total > 0 ? u'/' + QString::number(total) : QString()),
                        0, 0);
    });
    connect(scan, &oci::Job::finished, this, [this, scan, cleanup, rules] {
        m_progress.clear();
        if (!scan->succeeded()) {
            fail(QStringLiteral("the repository could not be scanned, so nothing was planned or "
                                "deleted: %1")
                     .arg(scan->error().describe()));
            return;
        }
        const oci::Result<ops::DeletePlan> plan =
            cleanup ? ops::planRetention(scan->scan(), rules)
                    : ops::planDeletion(scan->scan(), m_options.removeTags,
                                        m_options.deleteImage ? ops::DeleteMode::Image
                                                              : ops::DeleteMode::TagOnly);
        if (!plan) {
            fail(plan.error().describe());
            return;
        }
        if (cleanup)
            writeLines({QStringLiteral("rules: %1").arg(rules.describe())});
        writeLines(planLines(plan.value(), cleanup));
        if (!m_options.yes || plan->isEmpty()) {
            if (!plan->isEmpty())
                writeLines({QStringLiteral("nothing was deleted: this is the plan; run the same "
                                           "command with --yes to delete %1 on %2")
                                .arg(tagCount(plan->deletedTagCount()), m_options.registry)});
            Q_EMIT finished(0);
            return;
        }
        execute(plan.value());
    });
}

void OpsCommand::execute(const ops::DeletePlan &plan)
{
    auto *run = new ops::DeleteRun(m_client, journalOf(m_options), plan, this);
    connect(run, &ops::DeleteRun::progress, this, [this](int done, int total) {
        // `done` counts finished steps: the one under way is the next, never past the last.
        m_progress.show(QStringLiteral("deleting, step %1 of %2").arg(qMin(done + 1, total)).arg(total),
                        0, 0);
    });
    connect(run, &oci::Job::finished, this, [this, run] {
        m_progress.clear();
        if (run->error().code() != oci::Error::Code::None) {
            fail(run->error().describe());
            return;
        }
        const ops::DeleteSummary &summary = run->summary();
        writeLines(summaryLines(summary));
        writeLines({QStringLiteral("journal: %1 (ladingctl undo ENTRY puts a deletion back)")
                        .arg(journalOf(m_options).folder())});
        Q_EMIT finished(summary.isComplete() ? 0 : 1);
    });
    run->start();
}

void OpsCommand::runUndo()
{
    const ops::Journal journal = journalOf(m_options);
    if (m_options.journalEntry.isEmpty()) {
        QStringList damaged;
        QStringList lines;
        for (const ops::JournalEntry &entry : journal.entries(&damaged))
            lines << QStringLiteral("%1  %2").arg(entry.id, entry.describe());
        if (lines.isEmpty())
            lines << QStringLiteral("the journal in %1 is empty").arg(journal.folder());
        writeLines(lines);
        for (const QString &file : damaged)
            printError(QStringLiteral("warning: %1 is not a readable journal entry").arg(file));
        Q_EMIT finished(0);
        return;
    }
    const oci::Result<ops::JournalEntry> entry = journal.read(m_options.journalEntry);
    if (!entry) {
        fail(entry.error().describe());
        return;
    }
    auto *undo = new ops::UndoJob(clientFor(entry->registry), journal, entry->id, this);
    connect(undo, &oci::Job::finished, this, [this, undo] {
        if (!undo->succeeded()) {
            // The job's message says how far it got ("nothing was put back: …", "undo stopped
            // at …; restored so far: …").
            fail(undo->error().describe());
            return;
        }
        const ops::JournalEntry &done = undo->entry();
        QStringList lines{QStringLiteral("put back %1/%2@%3").arg(done.registry, done.repository,
                                                                  done.digest.toString())};
        if (!undo->restored().isEmpty())
            lines << QStringLiteral("tags: %1").arg(undo->restored().join(QStringLiteral(", ")));
        if (const QStringList skipped = undo->skippedTags(); !skipped.isEmpty()) {
            lines << QStringLiteral("left alone (they point at another image now): %1")
                         .arg(skipped.join(QStringLiteral(", ")));
        }
        writeLines(lines);
        Q_EMIT finished(0);
    });
    undo->start();
}

void OpsCommand::fail(const QString &message)
{
    printError(message);
    Q_EMIT finished(1);
}

} // namespace cli
