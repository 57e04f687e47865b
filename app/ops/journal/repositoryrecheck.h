#pragma once

#include "ops/deleteplan.h"

#include "oci/client/job.h"

#include <QStringList>

#include <memory>

namespace oci {
class RegistryClient;
}

namespace ops {

// Before a DeletePlan runs: is the repository still the one the plan was computed from?
// The tags are listed again and the ones whose digest matters are HEADed, a few at a
// time (MaxInFlight): when the plan deletes a manifest, every tag (any could have moved
// onto it since the scan, and would go with it); otherwise the tags on the digests the
// plan touches and the tags the scan did not see. A tag that appeared, went, or moved
// since the scan is a change: DeleteRun then runs nothing.
//
// Succeeds with changes() (empty: the repository is as planned); fails only when the
// registry could not be asked (listing or a HEAD failed other than 404), or Cancelled
// when the client is destroyed ("the registry was removed").
//
//     auto *check = new ops::RepositoryRecheck(client, plan, this);
//     connect(check, &oci::Job::finished, this, [check] {
//         if (check->succeeded() && check->changedTags().isEmpty()) runThePlan();
//         check->deleteLater();
//     });
//     check->start();
class RepositoryRecheck final : public oci::Job
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RepositoryRecheck)

public:
    static constexpr int MaxInFlight = 8; // HEADs at once
    // More names than this are summed up ("and 12 more") in describeChanges().
    static constexpr int NamedChanges = 10;

    RepositoryRecheck(oci::RegistryClient *client, const DeletePlan &plan, QObject *parent = nullptr);
    ~RepositoryRecheck() override;

    void start();

    // Each change in words: "'rc' is new (on sha256:1a2b3c4d5e6f, which the plan deletes)",
    // "'1.0' is gone", "'latest' moved from sha256:… to sha256:…"; in tag order.
    const QStringList &changes() const;
    const QStringList &changedTags() const;
    // "the repository changed since the scan: …; scan again" (empty when unchanged).
    QString describeChanges() const;
    int headsSent() const;

protected:
    void abort() override;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace ops
