#pragma once

#include "oci/client/job.h"
#include "oci/core/digest.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

namespace oci {
class RegistryClient;
}

namespace ops {

// What a retag does to one tag.
struct TagChange
{
    enum class Kind {
        New,       // the tag did not exist
        Moved,     // the tag pointed at `from`; now at the retagged digest
        Unchanged, // the tag already pointed at the digest: nothing is written
    };
    QString tag;
    Kind kind = Kind::New;
    oci::Digest from;     // Moved: the digest the tag pointed at before
    bool applied = false; // written (or nothing to write, for Unchanged)
};

// Adds tags to an image, index or artifact in its own repository without changing it: the
// manifest is fetched (exact bytes and media type, verified against the digest asked for,
// else hashed), every new tag is HEADed first to tell new from moved (and from which
// digest), then the exact bytes are PUT under each tag that is new or moves; the registry's
// Docker-Content-Digest must be the same digest. Schema 1 manifests are refused (their
// signature names the tag). Tags are written in the order given; a failure stops there and
// changes() says which were applied.
//
//     auto *retag = new ops::RetagJob(client, u"team/app"_s, u"1.0"_s, {u"stable"_s}, this);
//     retag->setExpectedDigest(shownDigest); // refuse if 1.0 moved since it was shown
//     connect(retag, &oci::Job::finished, this, [retag] {
//         for (const ops::TagChange &change : retag->changes()) show(change);
//         retag->deleteLater();
//     });
//     retag->start();
class RetagJob final : public oci::Job
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RetagJob)

public:
    static constexpr int MaxInFlight = 4; // HEADs at once

    // `source`: a tag or digest in `repository`.
    RetagJob(oci::RegistryClient *client, QString repository, QString source, QStringList tags,
             QObject *parent = nullptr);
    ~RetagJob() override;

    // Only look: fetch and HEAD, then finish with changes() saying what would happen.
    void setDryRun(bool dryRun);
    // Refuse (DigestMismatch) when the source is not this digest (a tag that moved since
    // the person saw it).
    void setExpectedDigest(const oci::Digest &digest);
    void start();

    const oci::Digest &digest() const; // of the retagged manifest, once fetched
    const QString &mediaType() const;
    const QList<TagChange> &changes() const; // one per tag, in the order given

Q_SIGNALS:
    void changed(int index); // a tag was looked at or written

protected:
    void abort() override;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace ops
