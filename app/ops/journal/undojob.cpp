#include "ops/journal/undojob.h"

#include "ops/journal/journalio.h"

#include "oci/client/blobupload.h"
#include "oci/client/registryclient.h"
#include "oci/core/futurecontinuation.h"
#include "oci/inspect/ownedjob.h"
#include "oci/manifest/manifestdocument.h"

#include <QPointer>

namespace ops {

namespace {

struct Needed
{
    oci::Descriptor descriptor;
    QString role; // "config", "layer", "manifest"
};

} // namespace

struct UndoJob::Private
{
    UndoJob *q = nullptr;
    QPointer<oci::RegistryClient> client; // destroyed mid-job: the job ends Cancelled
    QString host;
    Journal journal;
    QString id;
    JournalEntry entry;
    QList<Needed> needed;
    int checked = 0;
    QList<oci::Descriptor> missing;
    QStringList missingText;
    QStringList puts; // references in turn: the digest ("@" + it), then tags
    int nextPut = 0;
    QStringList restored;
    QList<UndoTagResult> tagResults;
    oci::OwnedJob<oci::Job> current;
    bool marking = false; // everything is back; only the journal is being written

    template<typename J, typename F>
    void follow(J *job, F onDone)
    {
        current.reset(job);
        QObject::connect(job, &oci::Job::finished, q, [this, job, onDone] { onDone(job); });
    }

    bool ended() const { return q->isFinished() || q->isCancelled(); }

    oci::Error error(oci::Error::Code code, const QString &message) const
    {
        return oci::Error(code, message)
            .withRegistry(host)
            .withObject(entry.repository + u'@' + entry.digest.toString());
    }

    void onRead(const oci::Result<JournalEntry> &read);
    void checkNext();
    void putNext();
    void headTag(const QString &tag);
    void put(const QString &reference, bool isTag);
    void markUndone();
    void onClientGone();
};

UndoJob::UndoJob(oci::RegistryClient *client, Journal journal, QString entryId, QObject *parent)
    : oci::Job(parent), d(std::make_unique<Private>())
{
    d->q = this;
    d->client = client;
    d->host = client->config().host;
    connect(client, &QObject::destroyed, this, [this] { d->onClientGone(); });
    d->journal = std::move(journal);
    d->id = std::move(entryId);
}

UndoJob::~UndoJob() = default;

const JournalEntry &UndoJob::entry() const
{
    return d->entry;
}

const QList<oci::Descriptor> &UndoJob::missing() const
{
    return d->missing;
}

const QStringList &UndoJob::restored() const
{
    return d->restored;
}

const QList<UndoTagResult> &UndoJob::tagResults() const
{
    return d->tagResults;
}

QStringList UndoJob::skippedTags() const
{
    QStringList skipped;
    for (const UndoTagResult &result : d->tagResults) {
        if (result.result == UndoTagResult::Result::Skipped)
            skipped << result.tag;
    }
    return skipped;
}

void UndoJob::abort()
{
    d->current.reset();
}

void UndoJob::Private::onClientGone()
{
    if (ended() || marking)
        return;
    current.reset();
    q->finishWithError(
        error(oci::Error::Code::Cancelled,
              restored.isEmpty() ? QStringLiteral("the registry was removed")
                                 : QStringLiteral("the registry was removed; restored so far: %1")
                                       .arg(restored.join(QStringLiteral(", ")))));
}

void UndoJob::start()
{
    if (!d->client) {
        d->onClientGone();
        return;
    }
    oci::whenFinished(this, journalio::read(d->journal, d->id),
                      [this](const oci::Result<JournalEntry> &read) { d->onRead(read); });
}

void UndoJob::Private::onRead(const oci::Result<JournalEntry> &read)
{
    if (ended())
        return;
    if (!read) {
        q->finishWithError(read.error());
        return;
    }
    entry = read.value();
    if (entry.registry != host) {
        q->finishWithError(error(oci::Error::Code::InvalidArgument,
                                 QStringLiteral("the journal entry is for %1, not for %2")
                                     .arg(entry.registry, host)));
        return;
    }
    if (!entry.canUndo()) {
        q->finishWithError(error(
            oci::Error::Code::InvalidArgument,
            entry.state == JournalEntry::State::Undone
                ? QStringLiteral("this deletion was already undone")
                : entry.manifest.isEmpty()
                ? QStringLiteral("the journal has no copy of the manifest: nothing was deleted")
                : QStringLiteral("nothing to undo: the step was %1").arg(JournalEntry::stateName(entry.state))));
        return;
    }
    oci::Result<oci::ManifestDocument> document = oci::ManifestDocument::parse(entry.manifest, entry.mediaType);
    if (!document) {
        q->finishWithError(error(document.error().code(),
                                 QStringLiteral("the journal's copy of the manifest cannot be read: ")
                                     + document.error().message()));
        return;
    }
    if (document->isImageManifest()) {
        needed << Needed{document->manifest().config, QStringLiteral("config")};
        for (const oci::Descriptor &layer : document->manifest().layers) {
            if (layer.urls().isEmpty()) // foreign layers live elsewhere
                needed << Needed{layer, QStringLiteral("layer")};
        }
    } else if (document->isIndex()) {
        for (const oci::Descriptor &child : document->index().manifests)
            needed << Needed{child, QStringLiteral("manifest")};
    }
    if (entry.kind == DeleteStep::Kind::DeleteManifest)
        puts << u'@' + entry.digest.toString();
    puts << entry.tags;
    checkNext();
}

void UndoJob::Private::checkNext()
{
    if (checked >= needed.size()) {
        if (!missing.isEmpty()) {
            // An image needs blobs (gone: garbage collected); an index needs manifests.
            const bool index = needed.constFirst().role == u"manifest";
            q->finishWithError(error(
                oci::Error::Code::NotFound,
                (index ? QStringLiteral("cannot undo: the registry no longer has %1 of the %2 "
                                        "manifests this index needs (deleted or garbage "
                                        "collected since): %3")
                       : QStringLiteral("cannot undo: the registry no longer has %1 of the %2 "
                                        "blobs this manifest needs — its garbage collection has "
                                        "run since the deletion: %3"))
                    .arg(missing.size())
                    .arg(needed.size())
                    .arg(missingText.join(QStringLiteral(", ")))));
            return;
        }
        putNext();
        return;
    }
    const Needed piece = needed.at(checked++);
    const auto gone = [this, piece] {
        missing << piece.descriptor;
        missingText << piece.role + u' ' + piece.descriptor.digest().toString();
        checkNext();
    };
    if (piece.role == u"manifest") {
        follow(client->manifest(entry.repository, piece.descriptor.digest().toString(),
                                oci::RegistryClient::Method::Head),
               [this, gone](oci::ManifestJob *job) {
                   if (job->succeeded())
                       checkNext();
                   else if (job->error().code() == oci::Error::Code::NotFound)
                       gone();
                   else
                       q->finishWithError(job->error());
               });
        return;
    }
    follow(client->statBlob(entry.repository, piece.descriptor.digest()),
           [this, gone](oci::BlobStatJob *job) {
               if (!job->succeeded())
                   q->finishWithError(job->error());
               else if (job->exists())
                   checkNext();
               else
                   gone();
           });
}

void UndoJob::Private::putNext()
{
    if (nextPut >= puts.size()) {
        markUndone();
        return;
    }
    const QString reference = puts.at(nextPut++);
    if (reference.startsWith(u'@'))
        put(reference.mid(1), false);
    else
        headTag(reference);
}

// Where the tag points now decides: absent, or on the throwaway manifest of its own
// untag, it is put back; on the digest, it is back already; anywhere else it moved on
// since the deletion, and undo does not take it back from whoever moved it.
void UndoJob::Private::headTag(const QString &tag)
{
    follow(client->manifest(entry.repository, tag, oci::RegistryClient::Method::Head),
           [this, tag](oci::ManifestJob *job) {
               if (!job->succeeded()) {
                   if (job->error().code() == oci::Error::Code::NotFound) {
                       put(tag, true);
                       return;
                   }
                   oci::Error failed = job->error();
                   q->finishWithError(error(failed.code(),
                                            QStringLiteral("undo stopped at %1: where it points could not be "
                                                           "read (%2); restored so far: %3")
                                                .arg(tag, failed.message(),
                                                     restored.isEmpty() ? QStringLiteral("nothing")
                                                                        : restored.join(QStringLiteral(", "))))
                                          .withHttpStatus(failed.httpStatus()));
                   return;
               }
               const oci::Digest now = job->manifest().digest;
               if (now == entry.digest) {
                   restored << tag;
                   tagResults << UndoTagResult{tag, UndoTagResult::Result::AlreadyThere, now, {}};
                   putNext();
                   return;
               }
               if (!entry.throwaway.isNull() && now == entry.throwaway) {
                   put(tag, true);
                   return;
               }
               tagResults << UndoTagResult{
                   tag, UndoTagResult::Result::Skipped, now,
                   QStringLiteral("'%1' now points at %2, not at %3: it moved on since the deletion "
                                  "and was left there.")
                       .arg(tag, now.toString(), entry.digest.toString())};
               putNext();
           });
}

void UndoJob::Private::put(const QString &reference, bool isTag)
{
    follow(client->putManifest(entry.repository, reference, entry.mediaType, entry.manifest),
           [this, reference, isTag](oci::ManifestPutJob *job) {
               if (!job->succeeded()) {
                   oci::Error failed = job->error();
                   q->finishWithError(error(failed.code(),
                                            QStringLiteral("undo stopped at %1 (%2); restored so far: %3")
                                                .arg(reference, failed.message(),
                                                     restored.isEmpty() ? QStringLiteral("nothing")
                                                                        : restored.join(QStringLiteral(", "))))
                                          .withHttpStatus(failed.httpStatus())
                                          .withRegistryErrors(failed.registryErrors()));
                   return;
               }
               if (isTag) {
                   restored << reference;
                   tagResults << UndoTagResult{reference, UndoTagResult::Result::Restored, entry.digest, {}};
               } else {
                   restored << u'@' + reference;
               }
               putNext();
           });
}

void UndoJob::Private::markUndone()
{
    const QStringList skipped = q->skippedTags();
    if (restored.isEmpty()) {
        // Nothing is back: the entry stays as it was, to be undone once the tags are free.
        QStringList where;
        for (const UndoTagResult &result : std::as_const(tagResults))
            where << QStringLiteral("'%1' at %2").arg(result.tag, result.now.shortString());
        q->finishWithError(error(oci::Error::Code::DigestMismatch,
                                 QStringLiteral("nothing was put back: every tag of this deletion "
                                                "moved on since (%1)")
                                     .arg(where.join(QStringLiteral(", ")))));
        return;
    }
    marking = true;
    JournalEntry undone = entry;
    undone.state = JournalEntry::State::Undone;
    undone.undoneTime = QDateTime::currentDateTimeUtc();
    undone.undoSkipped = skipped;
    oci::whenFinished(q, journalio::update(journal, undone), [this](const oci::Result<JournalEntry> &written) {
        if (ended())
            return;
        if (!written) {
            q->finishWithError(error(written.error().code(),
                                     QStringLiteral("restored, but the journal could not be "
                                                    "marked: ")
                                         + written.error().message()));
            return;
        }
        entry = written.value();
        q->finishSuccessfully();
    });
}

} // namespace ops
