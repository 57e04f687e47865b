#include "ops/journal/deletestepjob.h"

#include "ops/journal/throwawaymanifest.h"

#include "oci/client/blobupload.h"
#include "oci/client/manifestdeletejob.h"
#include "oci/client/registryclient.h"
#include "oci/inspect/ownedjob.h"

#include <QPointer>
#include <QUuid>

namespace ops {

using Result = DeleteOutcome::Result;

struct DeleteStepJob::Private
{
    DeleteStepJob *q = nullptr;
    oci::RegistryClient *client = nullptr;
    Journal journal;
    DeleteStep step;
    DeleteOutcome outcome;
    bool stops = false;
    QString stopReason;

    oci::OwnedJob<oci::Job> current; // the one request in flight
    QPointer<oci::BlobUpload> upload;

    oci::FetchedManifest fetched;
    JournalEntry entry; // id empty until written
    QStringList carried; // DeleteManifest: the step's tags that still point at the digest
    QStringList notes;   // said in the outcome's reason
    int tagIndex = 0;
    ThrowawayManifest throwaway;

    QString tag() const { return step.tags.value(0); }
    QString host() const;

    template<typename J, typename F>
    void follow(J *job, F onDone);

    void fetch();
    void onFetched(oci::ManifestJob *job);
    void checkNextTag();
    bool writePending();
    void deleteDigest();
    void onDigestDeleteFailed(const oci::Error &error);
    void deleteByTag();
    void onTagDeleteFailed(const oci::Error &error);
    void probeDeletion();
    void uploadConfig();
    void putThrowaway();
    void deleteThrowaway();
    void putBack(const oci::Error &why);

    void done(const QString &method = {});
    void skip(const QString &reason);
    void fail(const oci::Error &error, const QString &reason = {});
    void finish(Result result, const QString &reason, const oci::Error &error);
};

QString DeleteStepJob::Private::host() const
{
    return client->config().host;
}

template<typename J, typename F>
void DeleteStepJob::Private::follow(J *job, F onDone)
{
    current.reset(job);
    QObject::connect(job, &oci::Job::finished, q, [this, job, onDone] { onDone(job); });
}

DeleteStepJob::DeleteStepJob(oci::RegistryClient *client, Journal journal, QString repository,
                             DeleteStep step, int stepIndex, QString run, QObject *parent)
    : oci::Job(parent), d(std::make_unique<Private>())
{
    d->q = this;
    d->client = client;
    d->journal = std::move(journal);
    d->step = std::move(step);
    d->outcome.step = stepIndex;
    d->outcome.kind = d->step.kind;
    d->outcome.digest = d->step.digest;
    d->outcome.tags = d->step.tags;
    JournalEntry &entry = d->entry;
    entry.run = std::move(run);
    entry.step = stepIndex;
    entry.registry = client->config().host;
    entry.repository = std::move(repository);
    entry.kind = d->step.kind;
    entry.digest = d->step.digest;
    entry.mediaType = d->step.mediaType;
    entry.tags = d->step.tags;
}

// A session still open is aborted with its parent, this job.
DeleteStepJob::~DeleteStepJob() = default;

const DeleteOutcome &DeleteStepJob::outcome() const
{
    return d->outcome;
}

bool DeleteStepJob::stopsRun() const
{
    return d->stops;
}

const QString &DeleteStepJob::stopReason() const
{
    return d->stopReason;
}

bool DeleteStepJob::isUnreachable(const oci::Error &error)
{
    using C = oci::Error::Code;
    const C code = error.code();
    return code == C::Network || code == C::Timeout || code == C::ServerError
        || code == C::TooManyRequests;
}

void DeleteStepJob::abort()
{
    d->current.reset();
    if (d->upload)
        d->upload->abandon();
}

void DeleteStepJob::start()
{
    d->fetch();
}

// --- reading what is about to go -------------------------------------------------------

void DeleteStepJob::Private::fetch()
{
    if (step.digest.isNull()) {
        fail(oci::Error(oci::Error::Code::InvalidArgument, QStringLiteral("the step names no digest")));
        return;
    }
    if (step.kind == DeleteStep::Kind::RemoveTag && step.tags.size() != 1) {
        fail(oci::Error(oci::Error::Code::InvalidArgument,
                        QStringLiteral("a tag removal names one tag; this one names %1")
                            .arg(step.tags.size())));
        return;
    }
    // By digest the bytes are verified against it; by tag they are hashed and compared
    // with the plan's digest below.
    const QString reference =
        step.kind == DeleteStep::Kind::RemoveTag ? tag() : step.digest.toString();
    follow(client->manifest(entry.repository, reference), [this](oci::ManifestJob *job) { onFetched(job); });
}

void DeleteStepJob::Private::onFetched(oci::ManifestJob *job)
{
    const bool removeTag = step.kind == DeleteStep::Kind::RemoveTag;
    if (!job->succeeded()) {
        if (job->error().code() == oci::Error::Code::NotFound) {
            skip(removeTag ? QStringLiteral("The tag '%1' no longer exists.").arg(tag())
                           : QStringLiteral("%1 is no longer in %2: nothing to delete.")
                                 .arg(step.digest.toString(), entry.repository));
        } else {
            fail(job->error(), QStringLiteral("Could not read the manifest to keep a copy of it: "
                                              "nothing was deleted."));
        }
        return;
    }
    fetched = job->manifest();
    entry.mediaType = fetched.mediaType;
    entry.manifest = fetched.bytes;
    if (removeTag) {
        if (fetched.digest != step.digest) {
            entry.manifest.clear(); // not the manifest the step is about
            skip(QStringLiteral("The tag '%1' now points at %2, not at %3 as planned: it was left alone.")
                     .arg(tag(), fetched.digest.toString(), step.digest.toString()));
            return;
        }
        if (writePending())
            deleteByTag();
        return;
    }
    checkNextTag();
}

void DeleteStepJob::Private::checkNextTag()
{
    if (tagIndex >= step.tags.size()) {
        entry.tags = carried;
        outcome.tags = carried;
        if (writePending())
            deleteDigest();
        return;
    }
    const QString name = step.tags.at(tagIndex);
    follow(client->manifest(entry.repository, name, oci::RegistryClient::Method::Head),
           [this, name](oci::ManifestJob *job) {
               if (job->succeeded()) {
                   if (job->manifest().digest == step.digest)
                       carried << name;
                   else
                       notes << QStringLiteral("'%1' now points at %2, not at this manifest: it stays.")
                                    .arg(name, job->manifest().digest.toString());
               } else if (job->error().code() == oci::Error::Code::NotFound) {
                   notes << QStringLiteral("'%1' was already gone.").arg(name);
               } else {
                   outcome.tags = step.tags;
                   fail(job->error(), QStringLiteral("Could not check where '%1' points: nothing was deleted.")
                                          .arg(name));
                   return;
               }
               ++tagIndex;
               checkNextTag();
           });
}

bool DeleteStepJob::Private::writePending()
{
    entry.state = JournalEntry::State::Pending;
    oci::Result<JournalEntry> written = journal.add(entry);
    if (!written) {
        stops = true;
        stopReason = QStringLiteral("the journal could not be written (%1)").arg(written.error().message());
        const oci::Error error = written.error();
        entry.id.clear();
        finish(Result::Failed,
               QStringLiteral("The journal could not be written, so nothing was deleted: %1")
                   .arg(error.message()),
               error);
        return false;
    }
    entry = std::move(written).value();
    return true;
}

// --- deleting a manifest by digest -----------------------------------------------------

void DeleteStepJob::Private::deleteDigest()
{
    follow(client->deleteManifest(entry.repository, step.digest.toString()),
           [this](oci::ManifestDeleteJob *job) {
               if (job->succeeded())
                   done();
               else
                   onDigestDeleteFailed(job->error());
           });
}

void DeleteStepJob::Private::onDigestDeleteFailed(const oci::Error &error)
{
    if (error.code() == oci::Error::Code::NotFound) {
        outcome.tags = step.tags;
        skip(QStringLiteral("%1 was already gone when it was to be deleted.").arg(step.digest.toString()));
        return;
    }
    if (!isUnreachable(error)) {
        outcome.tags = step.tags;
        fail(error, error.code() == oci::Error::Code::Unsupported
                        ? QStringLiteral("The registry refused to delete: nothing was deleted.")
                        : QString());
        return;
    }
    // The answer was lost: did the registry delete it? HEAD is retried by the transport.
    follow(client->manifest(entry.repository, step.digest.toString(), oci::RegistryClient::Method::Head),
           [this, error](oci::ManifestJob *job) {
               if (!job->succeeded() && job->error().code() == oci::Error::Code::NotFound) {
                   notes << QStringLiteral("The registry's answer was lost, but it no longer has the manifest.");
                   done();
                   return;
               }
               outcome.tags = step.tags;
               stops = true;
               stopReason = QStringLiteral("%1 could not be reached (%2)").arg(host(), error.message());
               fail(error, job->succeeded()
                               ? QStringLiteral("The registry could not be reached; the manifest is still there.")
                               : QStringLiteral("The registry could not be reached; whether it deleted the "
                                                "manifest is unknown (the journal entry stays pending: "
                                                "check, or undo it)."));
           });
}

// --- removing one tag ------------------------------------------------------------------

void DeleteStepJob::Private::deleteByTag()
{
    follow(client->deleteManifest(entry.repository, tag()), [this](oci::ManifestDeleteJob *job) {
        if (job->succeeded())
            done(JournalEntry::tagApiMethod());
        else
            onTagDeleteFailed(job->error());
    });
}

void DeleteStepJob::Private::onTagDeleteFailed(const oci::Error &error)
{
    switch (error.code()) {
    case oci::Error::Code::Unsupported:
        probeDeletion();
        return;
    case oci::Error::Code::NotFound:
        skip(QStringLiteral("The tag '%1' was already gone when it was to be removed.").arg(tag()));
        return;
    default:
        break;
    }
    if (!isUnreachable(error)) {
        fail(error);
        return;
    }
    follow(client->manifest(entry.repository, tag(), oci::RegistryClient::Method::Head),
           [this, error](oci::ManifestJob *job) {
               if (!job->succeeded() && job->error().code() == oci::Error::Code::NotFound) {
                   notes << QStringLiteral("The registry's answer was lost, but the tag is gone.");
                   done(JournalEntry::tagApiMethod());
                   return;
               }
               stops = true;
               stopReason = QStringLiteral("%1 could not be reached (%2)").arg(host(), error.message());
               fail(error, job->succeeded() ? QStringLiteral("The registry could not be reached; the tag is still there.")
                                            : QStringLiteral("The registry could not be reached; whether it removed "
                                                             "the tag is unknown."));
           });
}

// Deleting a digest that does not exist says whether this registry deletes at all (404)
// or refuses (405), before the tag is pointed anywhere.
void DeleteStepJob::Private::probeDeletion()
{
    const oci::Digest nowhere =
        oci::Digest::sha256Of(QUuid::createUuid().toString(QUuid::WithoutBraces).toLatin1());
    follow(client->deleteManifest(entry.repository, nowhere.toString()),
           [this](oci::ManifestDeleteJob *job) {
               if (job->succeeded() || job->error().code() == oci::Error::Code::NotFound) {
                   uploadConfig();
                   return;
               }
               fail(job->error(),
                    job->error().code() == oci::Error::Code::Unsupported
                        ? QStringLiteral("The registry refused to delete: '%1' was not touched.").arg(tag())
                        : QStringLiteral("Could not tell whether the registry deletes: '%1' was not touched.")
                              .arg(tag()));
           });
}

void DeleteStepJob::Private::uploadConfig()
{
    const oci::Digest config = ThrowawayManifest::configDigest();
    follow(client->statBlob(entry.repository, config), [this, config](oci::BlobStatJob *job) {
        if (!job->succeeded()) {
            fail(job->error(), QStringLiteral("'%1' was not touched.").arg(tag()));
            return;
        }
        if (job->exists()) {
            putThrowaway();
            return;
        }
        oci::BlobUpload *session = client->startUpload(entry.repository, {}, {}, q);
        upload = session;
        QObject::connect(session, &oci::BlobUpload::opened, q,
                         [session, config] { session->commit(config, ThrowawayManifest::configBytes()); });
        QObject::connect(session, &oci::BlobUpload::committed, q, [this, session] {
            session->deleteLater();
            upload.clear();
            putThrowaway();
        });
        QObject::connect(session, &oci::BlobUpload::failed, q, [this, session](const oci::Error &error) {
            session->deleteLater();
            upload.clear();
            fail(error, QStringLiteral("Could not upload the empty config of the throwaway manifest: "
                                       "'%1' was not touched.")
                            .arg(tag()));
        });
    });
}

void DeleteStepJob::Private::putThrowaway()
{
    throwaway = ThrowawayManifest::make();
    entry.method = JournalEntry::throwawayMethod(throwaway.digest);
    entry.throwaway = throwaway.digest;
    // Recorded before the tag moves: an interrupted untag is still in the journal.
    if (oci::Result<JournalEntry> written = journal.update(entry); !written) {
        stops = true;
        stopReason = QStringLiteral("the journal could not be written (%1)").arg(written.error().message());
        fail(written.error(), QStringLiteral("The journal could not be written: '%1' was not touched.").arg(tag()));
        return;
    }
    follow(client->putManifest(entry.repository, tag(), ThrowawayManifest::mediaType(), throwaway.bytes),
           [this](oci::ManifestPutJob *job) {
               if (job->succeeded()) {
                   deleteThrowaway();
                   return;
               }
               if (isUnreachable(job->error())) {
                   stops = true;
                   stopReason = QStringLiteral("%1 could not be reached (%2)").arg(host(), job->error().message());
               }
               fail(job->error(), QStringLiteral("Could not point '%1' at the throwaway manifest; it should "
                                                 "still point at %2 (undoing the journal entry makes sure).")
                                      .arg(tag(), step.digest.toString()));
           });
}

void DeleteStepJob::Private::deleteThrowaway()
{
    follow(client->deleteManifest(entry.repository, throwaway.digest.toString()),
           [this](oci::ManifestDeleteJob *job) {
               if (job->succeeded())
                   done(JournalEntry::throwawayMethod(throwaway.digest));
               else
                   putBack(job->error());
           });
}

// The tag points at the throwaway, which could not be deleted: the tag goes back where it was.
void DeleteStepJob::Private::putBack(const oci::Error &why)
{
    follow(client->putManifest(entry.repository, tag(), fetched.mediaType, fetched.bytes),
           [this, why](oci::ManifestPutJob *job) {
               if (isUnreachable(why) || isUnreachable(job->error())) {
                   stops = true;
                   stopReason = QStringLiteral("%1 could not be reached (%2)").arg(host(), why.message());
               }
               if (job->succeeded()) {
                   fail(why, QStringLiteral("Deleting the throwaway manifest %1 failed; '%2' was put back on %3.")
                                 .arg(throwaway.digest.toString(), tag(), step.digest.toString()));
               } else {
                   fail(why, QStringLiteral("Deleting the throwaway manifest %1 failed, and putting '%2' back on "
                                            "%3 failed too (%4): undo the journal entry to restore it.")
                                 .arg(throwaway.digest.toString(), tag(), step.digest.toString(),
                                      job->error().message()));
               }
           });
}

// --- the end ---------------------------------------------------------------------------

void DeleteStepJob::Private::done(const QString &method)
{
    outcome.method = method;
    entry.method = method.isEmpty() ? entry.method : method;
    finish(Result::Deleted, notes.join(u' '), {});
}

void DeleteStepJob::Private::skip(const QString &reason)
{
    finish(Result::Skipped, (QStringList{reason} + notes).join(u' '), {});
}

void DeleteStepJob::Private::fail(const oci::Error &error, const QString &reason)
{
    QString text = error.describe();
    if (!reason.isEmpty())
        text = reason + u' ' + text;
    if (isUnreachable(error) && !stops) {
        stops = true;
        stopReason = QStringLiteral("%1 could not be reached (%2)").arg(host(), error.message());
    }
    finish(Result::Failed, (QStringList{text} + notes).join(u' '), error);
}

void DeleteStepJob::Private::finish(Result result, const QString &reason, const oci::Error &error)
{
    current.reset();
    outcome.result = result;
    outcome.reason = reason;
    outcome.error = error;
    switch (result) {
    case Result::Deleted:
        entry.state = JournalEntry::State::Done;
        break;
    case Result::Skipped:
        entry.state = JournalEntry::State::Skipped;
        break;
    case Result::Failed:
    case Result::NotRun:
        entry.state = JournalEntry::State::Failed;
        break;
    }
    entry.reason = reason;
    entry.errorCode = error.code() == oci::Error::Code::None ? QString() : oci::Error::codeName(error.code());
    entry.httpStatus = error.httpStatus();
    // One entry per step that ran: one that ended before its Pending entry gets its entry now
    // (unless the journal itself is what failed).
    const bool journalBroken = stops && stopReason.startsWith(u"the journal");
    if (!journalBroken) {
        oci::Result<JournalEntry> written = entry.id.isEmpty() ? journal.add(entry) : journal.update(entry);
        if (written) {
            entry = std::move(written).value();
        } else {
            stops = true;
            stopReason = QStringLiteral("the journal could not be written (%1)").arg(written.error().message());
            outcome.reason += QStringLiteral(" (The journal could not be updated: %1.)").arg(written.error().message());
        }
    }
    outcome.journalId = entry.id;
    q->finishSuccessfully();
}

} // namespace ops
