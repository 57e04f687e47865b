#include "ops/journal/undojob.h"

#include "oci/client/blobupload.h"
#include "oci/client/registryclient.h"
#include "oci/inspect/ownedjob.h"
#include "oci/manifest/manifestdocument.h"

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
    oci::RegistryClient *client = nullptr;
    Journal journal;
    QString id;
    JournalEntry entry;
    QList<Needed> needed;
    int checked = 0;
    QList<oci::Descriptor> missing;
    QStringList missingText;
    QStringList puts; // references to PUT in turn: the digest, then tags
    QStringList restored;
    oci::OwnedJob<oci::Job> current;

    template<typename J, typename F>
    void follow(J *job, F onDone)
    {
        current.reset(job);
        QObject::connect(job, &oci::Job::finished, q, [this, job, onDone] { onDone(job); });
    }

    oci::Error error(oci::Error::Code code, const QString &message) const
    {
        return oci::Error(code, message)
            .withRegistry(client->config().host)
            .withObject(entry.repository + u'@' + entry.digest.toString());
    }

    void checkNext();
    void putNext();
};

UndoJob::UndoJob(oci::RegistryClient *client, Journal journal, QString entryId, QObject *parent)
    : oci::Job(parent), d(std::make_unique<Private>())
{
    d->q = this;
    d->client = client;
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

void UndoJob::abort()
{
    d->current.reset();
}

void UndoJob::start()
{
    oci::Result<JournalEntry> read = d->journal.read(d->id);
    if (!read) {
        finishWithError(read.error());
        return;
    }
    d->entry = std::move(read).value();
    const JournalEntry &entry = d->entry;
    const QString host = d->client->config().host;
    if (entry.registry != host) {
        finishWithError(d->error(oci::Error::Code::InvalidArgument,
                                 QStringLiteral("the journal entry is for %1, not for %2")
                                     .arg(entry.registry, host)));
        return;
    }
    if (!entry.canUndo()) {
        finishWithError(d->error(
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
        finishWithError(d->error(document.error().code(),
                                 QStringLiteral("the journal's copy of the manifest cannot be read: ")
                                     + document.error().message()));
        return;
    }
    if (document->isImageManifest()) {
        d->needed << Needed{document->manifest().config, QStringLiteral("config")};
        for (const oci::Descriptor &layer : document->manifest().layers) {
            if (layer.urls().isEmpty()) // foreign layers live elsewhere
                d->needed << Needed{layer, QStringLiteral("layer")};
        }
    } else if (document->isIndex()) {
        for (const oci::Descriptor &child : document->index().manifests)
            d->needed << Needed{child, QStringLiteral("manifest")};
    }
    if (entry.kind == DeleteStep::Kind::DeleteManifest)
        d->puts << entry.digest.toString();
    d->puts << entry.tags;
    d->checkNext();
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
    if (restored.size() >= puts.size()) {
        JournalEntry undone = entry;
        undone.state = JournalEntry::State::Undone;
        undone.undoneTime = QDateTime::currentDateTimeUtc();
        oci::Result<JournalEntry> written = journal.update(undone);
        if (!written) {
            q->finishWithError(error(written.error().code(),
                                     QStringLiteral("restored, but the journal could not be "
                                                    "marked: ")
                                         + written.error().message()));
            return;
        }
        entry = std::move(written).value();
        q->finishSuccessfully();
        return;
    }
    const QString reference = puts.at(restored.size());
    follow(client->putManifest(entry.repository, reference, entry.mediaType, entry.manifest),
           [this, reference](oci::ManifestPutJob *job) {
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
               restored << (reference.contains(u':') ? u'@' + reference : reference);
               putNext();
           });
}

} // namespace ops
