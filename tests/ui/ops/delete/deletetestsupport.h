#pragma once

// Helpers of the delete window's tests: a registry with its client, fetcher and a journal
// in a temporary folder; seeding comes from the journal tests (journaltestsupport.h).

#include "journaltestsupport.h"

#include "oci/cache/contentcache.h"
#include "oci/inspect/contentfetcher.h"
#include "ops/journal/journal.h"
#include "ops/plan/deletionplanner.h"
#include "ops/plan/repositoryscanjob.h"

#include <QTemporaryDir>

namespace deletetest {

using namespace journaltest;

// One docker-registry (delete enabled unless told) with a logged-in client and its
// content fetcher, as MainWindow::fetcherFor() gives them.
class Registry final
{
public:
    explicit Registry(bool deleteEnabled = true) { m_registry.setDeleteEnabled(deleteEnabled); }

    // A started registry; null with the reason in *why.
    static std::unique_ptr<Registry> started(bool deleteEnabled, QString *why)
    {
        auto registry = std::make_unique<Registry>(deleteEnabled);
        return registry->start(why) ? std::move(registry) : nullptr;
    }

    bool start(QString *why)
    {
        if (!m_registry.start()) {
            *why = m_registry.errorString();
            return false;
        }
        m_harness = std::make_unique<ClientHarness>(m_registry);
        m_cache = std::make_unique<oci::ContentCache>(oci::ContentCacheOptions());
        return m_journalDir.isValid();
    }

    ~Registry()
    {
        m_harness.reset(); // the client (and its fetcher) before the cache
    }

    RegistryProcess &process() { return m_registry; }
    QString host() const { return m_registry.host(); }
    oci::RegistryClient *client() const { return m_harness ? m_harness->client() : nullptr; }
    oci::ContentFetcher *fetcher() const
    {
        return client() ? oci::ContentFetcher::shared(client(), m_cache.get()) : nullptr;
    }
    ops::Journal journal() const { return ops::Journal(m_journalDir.path()); }
    // Removes the registry from "Lading": the client (and its fetcher) go.
    void dropClient() { m_harness.reset(); }

    // The plan for `tags` of `repository`, from a scan (a null plan and a warning on failure).
    ops::DeletePlan plan(const QString &repository, const QStringList &tags, ops::DeleteMode mode)
    {
        std::unique_ptr<ops::RepositoryScanJob> scan(ops::RepositoryScanJob::start(fetcher(), repository));
        if (!ClientHarness::wait(scan.get()) || !scan->succeeded()) {
            qWarning("scan: %s", qPrintable(scan->error().describe()));
            return {};
        }
        const auto made = ops::planDeletion(scan->scan(), tags, mode);
        if (!made) {
            qWarning("plan: %s", qPrintable(made.error().describe()));
            return {};
        }
        return made.value();
    }

    QStringList tags(const QString &repository) { return skopeoTags(m_registry, repository); }

private:
    RegistryProcess m_registry;
    std::unique_ptr<ClientHarness> m_harness;
    std::unique_ptr<oci::ContentCache> m_cache;
    QTemporaryDir m_journalDir;
};

} // namespace deletetest
