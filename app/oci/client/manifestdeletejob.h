#pragma once

#include "oci/client/job.h"

#include <QString>

#include <memory>

namespace oci {

class RegistryClient;

// DELETE /v2/<name>/manifests/<digest or tag>, with the token scope "delete" (distribution
// >= 2.7 wants it for any DELETE). A 200/202/204 is success.
//
// Deleting a DIGEST removes the manifest and every tag that points at it. Deleting a TAG
// (OCI 1.1, optional) removes only that tag where the registry offers it.
//
// Refusals come back as Error::Code::Unsupported with "the registry does not allow
// deleting (…)", the status and the registry's error entries kept:
//   - 405, or any status with the registry code UNSUPPORTED (distribution without
//     storage.delete.enabled, Docker Hub's registry API);
//   - for a tag, any 400 as well: the spec's answer when tag deletion is not offered
//     (distribution 2.8 answers 400 DIGEST_INVALID).
// 404 is NotFound (MANIFEST_UNKNOWN: already gone, or a tag's digest moved away).
//
//     auto *job = client->deleteManifest(u"team/app"_s, digest.toString());
//     connect(job, &oci::Job::finished, this, [job] {
//         if (job->error().code() == oci::Error::Code::Unsupported) { /* say so */ }
//         job->deleteLater();
//     });
class ManifestDeleteJob final : public Job
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ManifestDeleteJob)
public:
    ~ManifestDeleteJob() override;
    const QString &repository() const;
    const QString &reference() const; // the digest or tag asked for
    bool isTag() const;
    int httpStatus() const; // of the registry's answer (0 before one came)
    struct Private;
    explicit ManifestDeleteJob(std::unique_ptr<Private> d, QObject *parent);

protected:
    void abort() override;

private:
    friend class RegistryClient;
    std::unique_ptr<Private> d;
};

} // namespace oci
