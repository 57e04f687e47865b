#pragma once

// Helpers of the journal tests: images with distinct digests in one repository, what
// skopeo sees, hand-built plans (the planner is another part's), waiting for jobs.

#include "support/clientharness.h"
#include "support/fixtures.h"
#include "support/registryprocess.h"
#include "support/toolrunner.h"

#include "ops/deleteplan.h"
#include "ops/journal/journal.h"
#include "ops/journal/undojob.h"

#include "oci/client/blobupload.h"
#include "oci/client/registryclient.h"

#include <QEvent>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace journaltest {

// One registry per auth mode, each with a client logged in as the test user, for
// data-driven tests: addSetups() in a _data function, QFETCH(int, setup), then
// registry(setup) and client(setup).
class RegistryTrio final
{
public:
    static constexpr int Count = 3;

    static void addSetups()
    {
        static const char *const names[Count] = {"anonymous", "basic", "token"};
        QTest::addColumn<int>("setup");
        for (int setup = 0; setup < Count; ++setup)
            QTest::addRow("%s", names[setup]) << setup;
    }

    // False with the registry's error in *why.
    bool start(QString *why)
    {
        const RegistryProcess::Auth modes[Count] = {RegistryProcess::Auth::Anonymous,
                                                    RegistryProcess::Auth::Basic,
                                                    RegistryProcess::Auth::Token};
        for (int setup = 0; setup < Count; ++setup) {
            m_registries[setup] = std::make_unique<RegistryProcess>(modes[setup]);
            if (!m_registries[setup]->start()) {
                *why = m_registries[setup]->errorString();
                return false;
            }
            m_harnesses[setup] = std::make_unique<ClientHarness>(*m_registries[setup]);
        }
        return true;
    }

    // The clients go before their registries.
    ~RegistryTrio()
    {
        for (auto &harness : m_harnesses)
            harness.reset();
    }

    RegistryProcess &registry(int setup) const { return *m_registries[setup]; }
    oci::RegistryClient *client(int setup) const { return m_harnesses[setup]->client(); }

private:
    std::unique_ptr<RegistryProcess> m_registries[Count];
    std::unique_ptr<ClientHarness> m_harnesses[Count];
};

// One registry (Basic auth) with a client, and a fresh journal folder per test:
// start() in initTestCase, newJournal() in init, stop() in cleanupTestCase.
class SingleRegistry final
{
public:
    bool start(QString *why)
    {
        m_registry = std::make_unique<RegistryProcess>(RegistryProcess::Auth::Basic);
        if (!m_registry->start()) {
            *why = m_registry->errorString();
            return false;
        }
        m_harness = std::make_unique<ClientHarness>(*m_registry);
        return true;
    }
    void stop() { m_harness.reset(); } // the client before its registry
    bool newJournal()
    {
        m_journalDir = std::make_unique<QTemporaryDir>();
        return m_journalDir->isValid();
    }

    RegistryProcess &registry() const { return *m_registry; }
    ClientHarness &harness() const { return *m_harness; }
    oci::RegistryClient *client() const { return m_harness->client(); }
    ops::Journal journal() const { return ops::Journal(m_journalDir->path()); }
    // A client of its own on the harness's transport (credentials included), to destroy.
    oci::RegistryClient *newClient() const
    {
        return new oci::RegistryClient(m_harness->transport(), m_registry->registryConfig());
    }

private:
    std::unique_ptr<RegistryProcess> m_registry;
    std::unique_ptr<ClientHarness> m_harness;
    std::unique_ptr<QTemporaryDir> m_journalDir;
};

// Deletes the object it watches (later) as soon as a child is added to it: for a client,
// the moment the first request of a job is made.
class DeleteOnFirstChild final : public QObject
{
public:
    explicit DeleteOnFirstChild(QObject *watched) : m_watched(watched) { watched->installEventFilter(this); }
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched == m_watched && event->type() == QEvent::ChildAdded && !m_fired) {
            m_fired = true;
            m_watched->deleteLater();
        }
        return false;
    }
    bool fired() const { return m_fired; }

private:
    QPointer<QObject> m_watched;
    bool m_fired = false;
};

// Runs an UndoJob of `id` to its end.
inline std::unique_ptr<ops::UndoJob> runUndo(oci::RegistryClient *client, const ops::Journal &journal,
                                             const QString &id)
{
    auto job = std::make_unique<ops::UndoJob>(client, journal, id);
    job->start();
    if (!ClientHarness::wait(job.get()))
        qWarning("undo did not finish");
    return job;
}

// One manifest in the registry, as we PUT it.
struct Pushed
{
    QString tag;
    oci::Digest digest;
    QByteArray bytes;
    QString mediaType;
};

// The tags skopeo sees in `repository`, sorted (empty when none; a marker when skopeo failed).
inline QStringList skopeoTags(RegistryProcess &registry, const QString &repository)
{
    const oci::Result<QStringList> tags = Fixtures(registry).skopeoListTags(repository);
    return tags ? tags.value() : QStringList{u"<skopeo failed: " + tags.error().message() + u'>'};
}

// `skopeo inspect --raw` of repository:tag or repository@digest; empty when it fails.
inline QByteArray skopeoRaw(RegistryProcess &registry, const QString &reference)
{
    Fixtures fixtures(registry);
    const auto raw = fixtures.skopeoInspectRaw(reference);
    return raw ? raw.value() : QByteArray();
}

// `skopeo copy docker://…/repository:from docker://…/repository:to` with the digest kept:
// someone else tagging (a new tag on from's digest, or `to` moved onto it). False (with a
// warning) when skopeo failed.
inline bool skopeoCopyTag(RegistryProcess &registry, const QString &repository, const QString &from,
                          const QString &to)
{
    Fixtures fixtures(registry);
    const QString base = QStringLiteral("docker://") + registry.host() + u'/' + repository;
    const QStringList arguments = QStringList{QStringLiteral("copy"), QStringLiteral("--preserve-digests")}
        + fixtures.skopeoCopySourceOptions() + fixtures.skopeoDestinationOptions()
        + QStringList{base + (from.startsWith(u"sha256:") ? u'@' + from : u':' + from), base + u':' + to};
    const auto copied = testsupport::runTool(testsupport::findTool(QStringLiteral("skopeo")), arguments, 60000,
                                             Fixtures::toolEnvironment());
    if (!copied.ok())
        qWarning("%s", qPrintable(copied.describe()));
    return copied.ok();
}

// A variant of `base` (same config and layers, an annotation of its own, so another
// digest) PUT under `tag` in base's repository.
inline Pushed pushVariant(oci::RegistryClient *client, const SeededImage &base, const QString &tag,
                          const QString &note)
{
    QJsonObject object = QJsonDocument::fromJson(base.manifest).object();
    object.insert(QStringLiteral("annotations"), QJsonObject{{QStringLiteral("org.example.note"), note}});
    Pushed pushed;
    pushed.tag = tag;
    pushed.bytes = QJsonDocument(object).toJson(QJsonDocument::Compact);
    pushed.digest = oci::Digest::sha256Of(pushed.bytes);
    pushed.mediaType = base.mediaType;
    std::unique_ptr<oci::ManifestPutJob> put(client->putManifest(base.repository, tag, base.mediaType, pushed.bytes));
    if (!ClientHarness::wait(put.get()) || !put->succeeded()) {
        qWarning("PUT %s: %s", qPrintable(tag), qPrintable(put->error().describe()));
        return {};
    }
    return pushed;
}

// PUTs `bytes` under each of `tags` in `repository`; false (with a warning) on failure.
inline bool putTags(oci::RegistryClient *client, const QString &repository, const QString &mediaType,
                    const QByteArray &bytes, const QStringList &tags)
{
    for (const QString &tag : tags) {
        std::unique_ptr<oci::ManifestPutJob> put(client->putManifest(repository, tag, mediaType, bytes));
        if (!ClientHarness::wait(put.get()) || !put->succeeded()) {
            qWarning("PUT %s: %s", qPrintable(tag), qPrintable(put->error().describe()));
            return false;
        }
    }
    return true;
}

// `tags` on one image in `repository`: skopeo pushes the first, the others are PUT with
// the same bytes. A null digest (and a warning) on failure.
inline SeededImage seed(RegistryProcess &registry, oci::RegistryClient *client, const QString &repository,
                        const QStringList &tags)
{
    Fixtures fixtures(registry);
    auto image = fixtures.pushOciImage(repository, tags.constFirst());
    if (!image) {
        qWarning("seeding: %s", qPrintable(image.error().describe()));
        return {};
    }
    if (!putTags(client, repository, image->mediaType, image->manifest, tags.sliced(1)))
        return {};
    return image.value();
}

// `count` variants of `base` tagged v0, v1, …; empty (and a warning) on failure.
inline QList<Pushed> pushVariants(oci::RegistryClient *client, const SeededImage &base, int count)
{
    QList<Pushed> pushed;
    for (int i = 0; i < count; ++i) {
        pushed << pushVariant(client, base, QStringLiteral("v%1").arg(i), QString::number(i));
        if (pushed.constLast().digest.isNull())
            return {};
    }
    return pushed;
}

inline ops::DeleteStep deleteManifestStep(const oci::Digest &digest, const QString &mediaType,
                                          const QStringList &tags)
{
    ops::DeleteStep step;
    step.kind = ops::DeleteStep::Kind::DeleteManifest;
    step.digest = digest;
    step.mediaType = mediaType;
    step.tags = tags;
    return step;
}

inline ops::DeleteStep removeTagStep(const oci::Digest &digest, const QString &mediaType, const QString &tag)
{
    ops::DeleteStep step = deleteManifestStep(digest, mediaType, {tag});
    step.kind = ops::DeleteStep::Kind::RemoveTag;
    return step;
}

inline ops::DeletePlan plan(const RegistryProcess &registry, const QString &repository,
                            const QList<ops::DeleteStep> &steps)
{
    ops::DeletePlan made;
    made.registry = registry.host();
    made.repository = repository;
    made.steps = steps;
    return made;
}

} // namespace journaltest
