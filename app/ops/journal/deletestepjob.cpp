#include "ops/journal/deletestepjob.h"

#include "ops/journal/journalio.h"
#include "ops/journal/throwawaymanifest.h"

#include "oci/client/blobupload.h"
#include "oci/client/manifestdeletejob.h"
#include "oci/client/registryclient.h"
#include "oci/core/futurecontinuation.h"
#include "oci/inspect/ownedjob.h"
#include "oci/manifest/manifestdocument.h"
#include "oci/manifest/mediatypes.h"

#include <QPointer>
#include <QUuid>

namespace ops {

using Result = DeleteOutcome::Result;

struct DeleteStepJob::Private
{
    DeleteStepJob *q = nullptr;
    QPointer<oci::RegistryClient> client; // gone mid-step: the step ends Cancelled
    QString hostName;
    Journal journal;
    DeleteStep step;
    QStringList sharing; // setTagsSharingDigest()
    DeleteOutcome outcome;
    bool stops = false;
    QString stopReason;
    bool clientGone = false;
    bool writing = false;   // a journal write is on its way
    bool finishing = false; // the last journal write is on its way

    oci::OwnedJob<oci::Job> current; // the one request in flight
    QPointer<oci::BlobUpload> upload;

    oci::FetchedManifest fetched;
    JournalEntry entry; // id empty until written
    QStringList carried; // DeleteManifest: the step's tags that still point at the digest
    QStringList notes;   // said in the outcome's reason
    int tagIndex = 0;
    ThrowawayManifest throwaway;
    QStringList wentAlong; // tags the registry's tag DELETE took with the manifest

    QString tag() const { return step.tags.value(0); }
    QString host() const { return hostName; }
    // Writes the entry (added when it has no id yet) off the thread, then `then()`;
    // a failed write stops the run and fails the step, saying `untouched` was not.
    template<typename F>
    void writeEntry(const QString &untouched, F then);

    template<typename J, typename F>
    void follow(J *job, F onDone);

    void fetch();
    void onFetched(oci::ManifestJob *job);
    void checkNextTag();
    void writePending(void (Private::*next)());
    void deleteDigest();
    void onDigestDeleteFailed(const oci::Error &error);
    void deleteByTag();
    void onTagDeleteFailed(const oci::Error &error);
    void checkManifestKept();
    void checkNextSharing();
    void probeDeletion();
    void uploadConfig();
    void putThrowaway();
    void deleteThrowaway();
    void putBack(const oci::Error &why);

    void done(const QString &method = {});
    void skip(const QString &reason);
    void fail(const oci::Error &error, const QString &reason = {});
    void finish(Result result, const QString &reason, const oci::Error &error);
    void complete();
    void onClientGone();
    void endClientGone();
};

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
    d->hostName = client->config().host;
    connect(client, &QObject::destroyed, this, [this] { d->onClientGone(); });
    d->journal = std::move(journal);
    d->step = std::move(step);
    d->outcome.step = stepIndex;
    d->outcome.kind = d->step.kind;
    d->outcome.digest = d->step.digest;
    d->outcome.tags = d->step.tags;
    JournalEntry &entry = d->entry;
    entry.run = std::move(run);
    entry.step = stepIndex;
    entry.registry = d->hostName;
    entry.repository = std::move(repository);
    entry.kind = d->step.kind;
    entry.digest = d->step.digest;
    entry.mediaType = d->step.mediaType;
    entry.tags = d->step.tags;
}

// A session still open is aborted with its parent, this job.
DeleteStepJob::~DeleteStepJob() = default;

void DeleteStepJob::setTagsSharingDigest(const QStringList &tags)
{
    d->sharing = tags;
    d->sharing.removeAll(d->tag());
}

const DeleteOutcome &DeleteStepJob::outcome() const
{
    return d->outcome;
}

QList<oci::Digest> DeleteStepJob::listedManifests() const
{
    QList<oci::Digest> listed;
    if (d->fetched.bytes.isEmpty() || !oci::isIndex(d->fetched.mediaType))
        return listed;
    const oci::Result<oci::ManifestDocument> document =
        oci::ManifestDocument::parse(d->fetched.bytes, d->fetched.mediaType);
    if (document && document->isIndex()) {
        for (const oci::Descriptor &child : document->index().manifests)
            listed << child.digest();
    }
    return listed;
}

bool DeleteStepJob::manifestWasRead() const
{
    return !d->fetched.bytes.isEmpty();
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
    if (!d->client) {
        d->onClientGone();
        return;
    }
    d->fetch();
}

// The client's requests went with it: nothing more will answer. The entry keeps what is
// known (Failed, which undo accepts: a DELETE may have reached the registry). A journal
// write in flight ends the step when it is done (writeEntry).
void DeleteStepJob::Private::onClientGone()
{
    if (clientGone || q->isFinished() || q->isCancelled() || finishing)
        return;
    clientGone = true;
    current.reset();
    if (upload)
        upload->abandon();
    if (!writing)
        endClientGone();
}

void DeleteStepJob::Private::endClientGone()
{
    stops = true;
    stopReason = QStringLiteral("the registry was removed");
    finish(Result::Failed,
           QStringLiteral("The registry was removed while this step ran; whether it acted is "
                          "unknown (undo the journal entry to make sure)."),
           oci::Error(oci::Error::Code::Cancelled, QStringLiteral("the registry was removed"))
               .withRegistry(hostName));
}

template<typename F>
void DeleteStepJob::Private::writeEntry(const QString &untouched, F then)
{
    const bool adding = entry.id.isEmpty();
    writing = true;
    oci::whenFinished(q, adding ? journalio::add(journal, entry) : journalio::update(journal, entry),
                      [this, untouched, then](const oci::Result<JournalEntry> &written) {
                          writing = false;
                          if (q->isFinished() || q->isCancelled() || finishing)
                              return;
                          if (written)
                              entry = written.value();
                          if (clientGone) {
                              endClientGone();
                              return;
                          }
                          if (!written) {
                              const oci::Error error = written.error();
                              stops = true;
                              stopReason = QStringLiteral("the journal could not be written (%1)")
                                               .arg(error.message());
                              finish(Result::Failed,
                                     QStringLiteral("The journal could not be written, so %1: %2")
                                         .arg(untouched, error.message()),
                                     error);
                              return;
                          }
                          then();
                      });
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
        writePending(&Private::deleteByTag);
        return;
    }
    checkNextTag();
}

void DeleteStepJob::Private::checkNextTag()
{
    if (tagIndex >= step.tags.size()) {
        entry.tags = carried;
        outcome.tags = carried;
        writePending(&Private::deleteDigest);
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

void DeleteStepJob::Private::writePending(void (Private::*next)())
{
    entry.state = JournalEntry::State::Pending;
    entry.id.clear();
    writeEntry(QStringLiteral("nothing was deleted"), [this, next] { (this->*next)(); });
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
            checkManifestKept();
        else
            onTagDeleteFailed(job->error());
    });
}

// A tag DELETE should leave the manifest (and its other tags) alone; some registries
// delete the manifest instead. Asked by digest: still there, or gone with every tag on it.
void DeleteStepJob::Private::checkManifestKept()
{
    follow(client->manifest(entry.repository, step.digest.toString(), oci::RegistryClient::Method::Head),
           [this](oci::ManifestJob *job) {
               if (job->succeeded()) {
                   done(JournalEntry::tagApiMethod());
                   return;
               }
               if (job->error().code() != oci::Error::Code::NotFound) {
                   notes << QStringLiteral("Whether the registry kept %1 after removing the tag could "
                                           "not be checked (%2).")
                                .arg(step.digest.toString(), job->error().message());
                   if (isUnreachable(job->error())) {
                       stops = true;
                       stopReason = QStringLiteral("%1 could not be reached (%2)").arg(host(), job->error().message());
                   }
                   done(JournalEntry::tagApiMethod());
                   return;
               }
               wentAlong.clear();
               tagIndex = 0;
               checkNextSharing();
           });
}

// The manifest went: which of the tags that shared it went too (the journal must name
// them for undo).
void DeleteStepJob::Private::checkNextSharing()
{
    if (tagIndex >= sharing.size()) {
        const QString what = wentAlong.isEmpty()
            ? step.digest.toString()
            : QStringLiteral("%1 and with it %2")
                  .arg(step.digest.toString(), QStringLiteral("'%1'").arg(wentAlong.join(QStringLiteral("', '"))));
        const QString why = QStringLiteral("the registry deleted the image, not only the tag: removing '%1' "
                                           "also deleted %2; the run stopped, undo restores it")
                                .arg(tag(), what);
        entry.tags = QStringList{tag()} + wentAlong;
        outcome.tags = entry.tags;
        stops = true;
        stopReason = why;
        notes.prepend(why.at(0).toUpper() + why.mid(1) + u'.');
        done(JournalEntry::tagApiMethod());
        return;
    }
    const QString name = sharing.at(tagIndex++);
    follow(client->manifest(entry.repository, name, oci::RegistryClient::Method::Head),
           [this, name](oci::ManifestJob *job) {
               if (!job->succeeded() && job->error().code() == oci::Error::Code::NotFound)
                   wentAlong << name;
               else if (!job->succeeded())
                   notes << QStringLiteral("Whether '%1' is still there could not be checked (%2).")
                                .arg(name, job->error().message());
               checkNextSharing();
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
    writeEntry(QStringLiteral("'%1' was not touched").arg(tag()), [this] {
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
    if (finishing)
        return;
    finishing = true;
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
    if (journalBroken) {
        complete();
        return;
    }
    const bool adding = entry.id.isEmpty();
    oci::whenFinished(q, adding ? journalio::add(journal, entry) : journalio::update(journal, entry),
                      [this](const oci::Result<JournalEntry> &written) {
                          if (q->isFinished() || q->isCancelled())
                              return;
                          if (written) {
                              entry = written.value();
                          } else {
                              stops = true;
                              stopReason = QStringLiteral("the journal could not be written (%1)")
                                               .arg(written.error().message());
                              outcome.reason += QStringLiteral(" (The journal could not be updated: %1.)")
                                                    .arg(written.error().message());
                          }
                          complete();
                      });
}

void DeleteStepJob::Private::complete()
{
    outcome.journalId = entry.id;
    if (clientGone)
        q->finishWithError(outcome.error);
    else
        q->finishSuccessfully();
}

} // namespace ops
