// ops::DeleteStepJob on the paths docker-registry 2.8 cannot take, against a small fake
// registry on HttpTestServer: a registry with the OCI tag-delete API (the tag goes by
// "tag API", no throwaway manifest), one whose tag DELETE deletes the whole image (as zot
// does: the run stops, undo restores the image and every tag it took), a DELETE whose
// answer is lost (the job asks whether the manifest is still there), a throwaway manifest
// the registry will not delete (the tag is put back where it was), an index the registry
// refuses to delete (DeleteRun then keeps the manifests it lists), the client destroyed
// while a DELETE is unanswered. The real-registry paths are in tst_deleterun and
// tst_deletesafety.

#include "support/httptestserver.h"

#include "ops/journal/deleterun.h"
#include "ops/journal/deletestepjob.h"
#include "ops/journal/journal.h"
#include "ops/journal/undojob.h"

#include "oci/client/registryclient.h"
#include "oci/transport/transport.h"

#include <QHash>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <functional>
#include <memory>

using ops::DeleteOutcome;
using ops::DeleteStep;
using ops::DeleteStepJob;
using ops::JournalEntry;

namespace {

const QByteArray ManifestType = "application/vnd.oci.image.manifest.v1+json";
const QByteArray Prefix = "/v2/team/app/";

// A registry of one repository: manifests by digest, tags, every blob present. DELETE is
// answered by `onDelete` (the reference deleted), which may change the state first.
class FakeRegistry
{
public:
    QHash<QByteArray, QByteArray> manifests; // digest text -> bytes
    QHash<QByteArray, QByteArray> tags;      // tag -> digest text
    QSet<QByteArray> indexes;                // digests served as OCI indexes
    std::function<HttpTestResponse(const QByteArray &reference)> onDelete;

    QByteArray add(const QByteArray &bytes, const QList<QByteArray> &tagNames)
    {
        const QByteArray digest = oci::Digest::sha256Of(bytes).toString().toLatin1();
        manifests.insert(digest, bytes);
        for (const QByteArray &tag : tagNames)
            tags.insert(tag, digest);
        return digest;
    }

    // A registry whose tag DELETE deletes the manifest it points to (and every tag on it).
    bool removeImageByTag(const QByteArray &reference)
    {
        const QByteArray digest = reference.startsWith("sha256:") ? reference : tags.value(reference);
        return !digest.isEmpty() && remove(digest);
    }

    // Deletes what a registry with a tag API deletes for `reference`; false if unknown.
    bool remove(const QByteArray &reference)
    {
        if (reference.startsWith("sha256:")) {
            if (!manifests.remove(reference))
                return false;
            tags.removeIf([&](const auto &it) { return it.value() == reference; });
            return true;
        }
        return tags.remove(reference);
    }

    HttpTestResponse handle(const HttpTestRequest &request)
    {
        const QByteArray path = request.path();
        if (path == "/v2/")
            return HttpTestResponse::json(200, "{}");
        if (path == QByteArray(Prefix + "tags/list")) {
            QByteArrayList names = tags.keys();
            std::sort(names.begin(), names.end());
            QByteArray body = "{\"name\":\"team/app\",\"tags\":[";
            for (qsizetype i = 0; i < names.size(); ++i)
                body += (i ? ",\"" : "\"") + names.at(i) + '"';
            return HttpTestResponse::json(200, body + "]}");
        }
        if (path.startsWith(QByteArray(Prefix + "blobs/")))
            return HttpTestResponse::text(200, {}).header("Content-Length", "2");
        if (!path.startsWith(QByteArray(Prefix + "manifests/")))
            return HttpTestResponse::registryError(404, "NAME_UNKNOWN");
        const QByteArray reference = path.mid(Prefix.size() + 10);
        if (request.method == "DELETE")
            return onDelete(reference);
        if (request.method == "PUT") {
            const QByteArray digest = oci::Digest::sha256Of(request.body).toString().toLatin1();
            manifests.insert(digest, request.body);
            if (!reference.startsWith("sha256:"))
                tags.insert(reference, digest);
            return HttpTestResponse::text(201, {}).header("Docker-Content-Digest", digest);
        }
        const QByteArray digest = reference.startsWith("sha256:") ? reference : tags.value(reference);
        if (!manifests.contains(digest))
            return HttpTestResponse::registryError(404, "MANIFEST_UNKNOWN");
        HttpTestResponse response = HttpTestResponse::json(
            200, manifests.value(digest),
            indexes.contains(digest) ? QByteArray("application/vnd.oci.image.index.v1+json") : ManifestType);
        response.header("Docker-Content-Digest", digest);
        return response;
    }
};

QByteArray manifestBytes(const QByteArray &note)
{
    return R"({"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json",)"
           R"("config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":)"
           R"("sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a","size":2},)"
           R"("layers":[],"annotations":{"note":")" + note + R"("}})";
}

} // namespace

class TestDeleteStepJob final : public QObject
{
    Q_OBJECT

    std::unique_ptr<HttpTestServer> m_server;
    FakeRegistry m_registry;
    std::unique_ptr<oci::Transport> m_transport;
    std::unique_ptr<oci::RegistryClient> m_client;
    std::unique_ptr<QTemporaryDir> m_dir;

    ops::Journal journal() const { return ops::Journal(m_dir->path()); }

    // Runs one step to its end.
    std::unique_ptr<DeleteStepJob> run(const DeleteStep &step)
    {
        auto job = std::make_unique<DeleteStepJob>(m_client.get(), journal(), QStringLiteral("team/app"), step, 0,
                                                   QStringLiteral("run"));
        QSignalSpy finished(job.get(), &oci::Job::finished);
        job->start();
        if (!finished.wait(15000))
            qWarning("the step did not finish");
        return job;
    }

    int requestsWith(const QByteArray &method, const QByteArray &pathStart) const
    {
        int n = 0;
        const QList<HttpTestRequest> requests = m_server->requests();
        for (const HttpTestRequest &request : requests) {
            if (request.method == method && request.path().startsWith(pathStart))
                ++n;
        }
        return n;
    }

    static DeleteStep step(DeleteStep::Kind kind, const QByteArray &digest, const QStringList &tags)
    {
        DeleteStep made;
        made.kind = kind;
        made.digest = oci::Digest::parse(QString::fromLatin1(digest)).value();
        made.mediaType = QString::fromLatin1(ManifestType);
        made.tags = tags;
        return made;
    }

private Q_SLOTS:
    void init()
    {
        m_registry = FakeRegistry();
        m_server = std::make_unique<HttpTestServer>();
        QVERIFY(m_server->listen());
        m_server->setHandler([this](const HttpTestRequest &request) { return m_registry.handle(request); });
        m_transport = std::make_unique<oci::Transport>();
        oci::TransportOptions options = m_transport->options();
        options.backoffBaseMs = 2;
        options.backoffMaxMs = 10;
        options.maxRetries = 2;
        options.transferTimeoutMs = 3000;
        m_transport->setOptions(options);
        oci::RegistryConfig config;
        config.host = m_server->hostPort();
        config.plainHttp = true;
        m_client = std::make_unique<oci::RegistryClient>(m_transport.get(), config);
        m_dir = std::make_unique<QTemporaryDir>();
    }

    void cleanup()
    {
        m_client.reset();
        m_transport.reset();
        m_server.reset();
    }

    // OCI 1.1's DELETE by tag: used, and nothing else is written.
    void registryWithATagApi()
    {
        const QByteArray digest = m_registry.add(manifestBytes("a"), {"1.1", "latest"});
        m_registry.onDelete = [this](const QByteArray &reference) {
            return m_registry.remove(reference) ? HttpTestResponse::status204(202)
                                                : HttpTestResponse::registryError(404, "MANIFEST_UNKNOWN");
        };
        const auto job = run(step(DeleteStep::Kind::RemoveTag, digest, {QStringLiteral("latest")}));
        const DeleteOutcome &outcome = job->outcome();
        QVERIFY2(outcome.result == DeleteOutcome::Result::Deleted, qPrintable(outcome.reason));
        QCOMPARE(outcome.method, JournalEntry::tagApiMethod());
        QCOMPARE(m_registry.tags.keys(), QList<QByteArray>{"1.1"});
        QVERIFY(m_registry.manifests.contains(digest));
        QCOMPARE(requestsWith("PUT", Prefix), 0);
        QCOMPARE(requestsWith("DELETE", Prefix), 1);
        const auto entry = journal().read(outcome.journalId);
        QVERIFY(entry.ok());
        QCOMPARE(entry->method, QStringLiteral("tag API"));
        QCOMPARE(entry->state, JournalEntry::State::Done);
        QVERIFY(entry->throwaway.isNull());
        QCOMPARE(entry->manifest, manifestBytes("a"));
    }

    // The registry deleted the manifest but the answer never came: the job asks, finds
    // it gone, and reports it deleted.
    void lostAnswerOfADeletionThatHappened()
    {
        const QByteArray digest = m_registry.add(manifestBytes("b"), {"1.0"});
        m_registry.onDelete = [this](const QByteArray &reference) {
            m_registry.remove(reference);
            HttpTestResponse lost;
            lost.closeWithoutAnswer = true;
            return lost;
        };
        const auto job = run(step(DeleteStep::Kind::DeleteManifest, digest, {QStringLiteral("1.0")}));
        const DeleteOutcome &outcome = job->outcome();
        QVERIFY2(outcome.result == DeleteOutcome::Result::Deleted, qPrintable(outcome.reason));
        QVERIFY2(outcome.reason.contains(u"answer was lost"), qPrintable(outcome.reason));
        QCOMPARE(outcome.tags, QStringList{QStringLiteral("1.0")});
        QVERIFY(!job->stopsRun());
        // Qt itself sends a request again once when a kept-alive connection closes without
        // an answer (DELETE is idempotent); the job's own answer is to ask, after them.
        QVERIFY(requestsWith("DELETE", Prefix) >= 1);
        const QList<HttpTestRequest> requests = m_server->requests();
        QCOMPARE(requests.constLast().method, QByteArray("HEAD"));
        QCOMPARE(requests.constLast().path(), QByteArray(Prefix + "manifests/" + digest));
        QCOMPARE(journal().read(outcome.journalId)->state, JournalEntry::State::Done);
    }

    // The answer was lost and the manifest is still there: failed, nothing claimed, and
    // the run should stop (the registry is not answering properly).
    void lostAnswerOfADeletionThatDidNotHappen()
    {
        const QByteArray digest = m_registry.add(manifestBytes("c"), {"1.0"});
        m_registry.onDelete = [](const QByteArray &) {
            HttpTestResponse lost;
            lost.closeWithoutAnswer = true;
            return lost;
        };
        const auto job = run(step(DeleteStep::Kind::DeleteManifest, digest, {QStringLiteral("1.0")}));
        const DeleteOutcome &outcome = job->outcome();
        QCOMPARE(outcome.result, DeleteOutcome::Result::Failed);
        QCOMPARE(outcome.error.code(), oci::Error::Code::Network);
        QVERIFY2(outcome.reason.startsWith(u"The registry could not be reached; the manifest is still there."),
                 qPrintable(outcome.reason));
        QVERIFY(job->stopsRun());
        QCOMPARE(journal().read(outcome.journalId)->state, JournalEntry::State::Failed);
        QVERIFY(m_registry.tags.contains("1.0"));
    }

    // The throwaway manifest could be PUT under the tag but not deleted: the tag is put
    // back on its manifest, and the step failed.
    void throwawayThatCannotBeDeletedPutsTheTagBack()
    {
        const QByteArray digest = m_registry.add(manifestBytes("d"), {"1.1", "latest"});
        m_registry.onDelete = [this](const QByteArray &reference) {
            if (!reference.startsWith("sha256:"))
                return HttpTestResponse::registryError(400, "DIGEST_INVALID"); // distribution
            if (!m_registry.manifests.contains(reference))
                return HttpTestResponse::registryError(404, "MANIFEST_UNKNOWN"); // the probe
            return HttpTestResponse::registryError(403, "DENIED", "no deleting this one");
        };
        const auto job = run(step(DeleteStep::Kind::RemoveTag, digest, {QStringLiteral("latest")}));
        const DeleteOutcome &outcome = job->outcome();
        QCOMPARE(outcome.result, DeleteOutcome::Result::Failed);
        QCOMPARE(outcome.error.code(), oci::Error::Code::Denied);
        QVERIFY2(outcome.reason.contains(QString(u"'latest' was put back on " + QString::fromLatin1(digest))),
                 qPrintable(outcome.reason));
        QCOMPARE(m_registry.tags.value("latest"), digest); // where it was
        QCOMPARE(requestsWith("PUT", QByteArray(Prefix + "manifests/latest")), 2); // throwaway, then back
        const auto entry = journal().read(outcome.journalId);
        QVERIFY(entry.ok());
        QCOMPARE(entry->state, JournalEntry::State::Failed);
        QVERIFY(!entry->throwaway.isNull());
        QVERIFY(entry->method.startsWith(u"throwaway manifest sha256:"));
    }

    // A tag DELETE that takes the manifest and every tag on it (zot): the step notices,
    // journals every tag that went, and stops the run; undo puts them all back.
    void tagDeleteThatDeletesTheImageStopsTheRun()
    {
        const QByteArray digest = m_registry.add(manifestBytes("zot"), {"1.1", "latest"});
        const QByteArray other = m_registry.add(manifestBytes("other"), {"2.0", "old"});
        m_registry.onDelete = [this](const QByteArray &reference) {
            return m_registry.removeImageByTag(reference) ? HttpTestResponse::status204(202)
                                                          : HttpTestResponse::registryError(404, "MANIFEST_UNKNOWN");
        };
        ops::DeletePlan plan;
        plan.registry = m_server->hostPort();
        plan.repository = QStringLiteral("team/app");
        plan.steps << step(DeleteStep::Kind::RemoveTag, digest, {QStringLiteral("latest")})
                   << step(DeleteStep::Kind::RemoveTag, other, {QStringLiteral("old")});
        for (const auto &[tag, on] : {std::pair{"1.1", digest}, std::pair{"latest", digest}, std::pair{"2.0", other},
                                      std::pair{"old", other}}) {
            ops::TagFate fate;
            fate.tag = QString::fromLatin1(tag);
            fate.digest = oci::Digest::parse(QString::fromLatin1(on)).value();
            plan.tags << fate;
        }
        ops::DeleteRun run(m_client.get(), journal(), plan);
        QSignalSpy finished(&run, &oci::Job::finished);
        run.start();
        QVERIFY(finished.wait(15000));
        const ops::DeleteSummary &summary = run.summary();
        QVERIFY(summary.stopped);
        QVERIFY2(summary.stopReason.startsWith(
                     QString(u"the registry deleted the image, not only the tag: removing 'latest' also deleted "
                             + QString::fromLatin1(digest) + u" and with it '1.1'")),
                 qPrintable(summary.stopReason));
        QVERIFY2(summary.stopReason.endsWith(u"; the run stopped, undo restores it"), qPrintable(summary.stopReason));
        const DeleteOutcome &first = summary.outcomes.at(0);
        QCOMPARE(first.result, DeleteOutcome::Result::Deleted);
        QCOMPARE(first.tags, (QStringList{QStringLiteral("latest"), QStringLiteral("1.1")}));
        QVERIFY2(first.reason.startsWith(u"The registry deleted the image, not only the tag"), qPrintable(first.reason));
        QCOMPARE(summary.outcomes.at(1).result, DeleteOutcome::Result::NotRun);
        QVERIFY(m_registry.tags.contains("old")); // the second step never ran
        QVERIFY(!m_registry.manifests.contains(digest));

        const auto entry = journal().read(first.journalId);
        QVERIFY(entry.ok());
        QCOMPARE(entry->state, JournalEntry::State::Done);
        QCOMPARE(entry->tags, (QStringList{QStringLiteral("latest"), QStringLiteral("1.1")}));
        QVERIFY(entry->canUndo());

        ops::UndoJob undo(m_client.get(), journal(), first.journalId);
        QSignalSpy undone(&undo, &oci::Job::finished);
        undo.start();
        QVERIFY(undone.wait(15000));
        QVERIFY2(undo.succeeded(), qPrintable(undo.error().describe()));
        QCOMPARE(undo.restored(), (QStringList{QStringLiteral("latest"), QStringLiteral("1.1")}));
        QCOMPARE(m_registry.tags.value("latest"), digest);
        QCOMPARE(m_registry.tags.value("1.1"), digest);
        QCOMPARE(m_registry.manifests.value(digest), manifestBytes("zot"));
    }

    // The registry refuses to delete an index (403): the manifests it lists, next in the
    // plan, are not deleted — the index would point at nothing.
    void refusedIndexKeepsTheManifestsItLists()
    {
        const QByteArray childA = m_registry.add(manifestBytes("amd64"), {"amd64"});
        const QByteArray childB = m_registry.add(manifestBytes("arm64"), {"arm64"});
        const QByteArray lone = m_registry.add(manifestBytes("lone"), {"lone"});
        const auto child = [](const QByteArray &digest, const QByteArray &note) {
            return QByteArray("{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"" + digest
                              + "\",\"size\":" + QByteArray::number(manifestBytes(note).size()) + '}');
        };
        const QByteArray index = "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\","
                                 "\"manifests\":["
            + child(childA, "amd64") + ',' + child(childB, "arm64") + "]}";
        const QByteArray indexDigest = m_registry.add(index, {"multi"});
        m_registry.indexes.insert(indexDigest);
        m_registry.onDelete = [this, indexDigest](const QByteArray &reference) {
            if (reference == indexDigest)
                return HttpTestResponse::registryError(403, "DENIED", "not this one");
            return m_registry.remove(reference) ? HttpTestResponse::status204(202)
                                                : HttpTestResponse::registryError(404, "MANIFEST_UNKNOWN");
        };
        DeleteStep indexStep = step(DeleteStep::Kind::DeleteManifest, indexDigest, {QStringLiteral("multi")});
        indexStep.mediaType = QStringLiteral("application/vnd.oci.image.index.v1+json");
        ops::DeletePlan plan;
        plan.registry = m_server->hostPort();
        plan.repository = QStringLiteral("team/app");
        plan.steps << indexStep << step(DeleteStep::Kind::DeleteManifest, childA, {QStringLiteral("amd64")})
                   << step(DeleteStep::Kind::DeleteManifest, lone, {QStringLiteral("lone")})
                   << step(DeleteStep::Kind::DeleteManifest, childB, {QStringLiteral("arm64")});
        ops::DeleteRun run(m_client.get(), journal(), plan);
        QSignalSpy finished(&run, &oci::Job::finished);
        run.start();
        QVERIFY(finished.wait(15000));
        const ops::DeleteSummary &summary = run.summary();
        QVERIFY2(!summary.stopped, qPrintable(summary.stopReason));
        QCOMPARE(summary.outcomes.at(0).result, DeleteOutcome::Result::Failed);
        QCOMPARE(summary.outcomes.at(0).error.code(), oci::Error::Code::Denied);
        for (int i : {1, 3}) {
            const DeleteOutcome &kept = summary.outcomes.at(i);
            QCOMPARE(kept.result, DeleteOutcome::Result::Skipped);
            QVERIFY2(kept.reason.startsWith(QString(u"Not deleted: the index " + QString::fromLatin1(indexDigest)
                                                    + u", which lists it, could not be deleted")),
                     qPrintable(kept.reason));
            QVERIFY(kept.journalId.isEmpty());
        }
        QCOMPARE(summary.outcomes.at(2).result, DeleteOutcome::Result::Deleted); // not listed by it
        QVERIFY(m_registry.manifests.contains(childA));
        QVERIFY(m_registry.manifests.contains(childB));
        QVERIFY(!m_registry.manifests.contains(lone));
        QCOMPARE(requestsWith("DELETE", QByteArray(Prefix + "manifests/" + childA)), 0);
        QCOMPARE(requestsWith("DELETE", QByteArray(Prefix + "manifests/" + childB)), 0);
    }

    // The Pending entry is on disk before the DELETE is sent, though it is written on the
    // thread pool.
    void journalWrittenBeforeTheDelete()
    {
        const QByteArray digest = m_registry.add(manifestBytes("first"), {"1.0"});
        QList<JournalEntry::State> seen;
        m_registry.onDelete = [this, &seen](const QByteArray &reference) {
            const QList<JournalEntry> entries = journal().entries();
            for (const JournalEntry &entry : entries)
                seen << entry.state;
            m_registry.remove(reference);
            return HttpTestResponse::status204(202);
        };
        const auto job = run(step(DeleteStep::Kind::DeleteManifest, digest, {QStringLiteral("1.0")}));
        QCOMPARE(job->outcome().result, DeleteOutcome::Result::Deleted);
        QCOMPARE(seen, QList<JournalEntry::State>{JournalEntry::State::Pending});
        QCOMPARE(journal().read(job->outcome().journalId)->state, JournalEntry::State::Done);
    }

    // The client is destroyed while the registry holds a DELETE's answer back: the step
    // ends (Cancelled), its entry Failed and still undoable.
    void clientDestroyedWhileADeleteIsUnanswered()
    {
        const QByteArray digest = m_registry.add(manifestBytes("slow"), {"1.0"});
        m_registry.onDelete = [this](const QByteArray &reference) {
            m_registry.remove(reference);
            QMetaObject::invokeMethod(this, [this] { m_client.reset(); }, Qt::QueuedConnection);
            HttpTestResponse slow = HttpTestResponse::status204(202);
            slow.delayMs = 2000;
            return slow;
        };
        const auto job = run(step(DeleteStep::Kind::DeleteManifest, digest, {QStringLiteral("1.0")}));
        QVERIFY(!m_client);
        QVERIFY(job->isFinished());
        QCOMPARE(job->error().code(), oci::Error::Code::Cancelled);
        QCOMPARE(job->error().message(), QStringLiteral("the registry was removed"));
        QVERIFY(job->stopsRun());
        QCOMPARE(job->stopReason(), QStringLiteral("the registry was removed"));
        const DeleteOutcome &outcome = job->outcome();
        QCOMPARE(outcome.result, DeleteOutcome::Result::Failed);
        const auto entry = journal().read(outcome.journalId);
        QVERIFY(entry.ok());
        QCOMPARE(entry->state, JournalEntry::State::Failed);
        QVERIFY(entry->canUndo());
    }
};

QTEST_GUILESS_MAIN(TestDeleteStepJob)
#include "tst_deletestepjob.moc"
