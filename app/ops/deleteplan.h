#pragma once

#include "oci/core/digest.h"
#include "oci/inspect/imagedetails.h"
#include "oci/manifest/descriptor.h"
#include "ops/tagreason.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace ops {

// Everything a deletion plan is computed from: every tag of one repository with its
// details (a full scan, not the page on screen) and the referrers of each manifest digest.
struct RepositoryScan
{
    QString registry;   // "host[:port]", for messages
    QString repository;
    QList<oci::TagDetails> tags;                          // every tag, in the registry's order
    QHash<oci::Digest, QList<oci::Descriptor>> referrers; // subject digest -> its referrers

    // Tags whose details name `digest` (the manifest or index they point to), in order.
    QStringList tagsOn(const oci::Digest &digest) const;
    const oci::TagDetails *find(const QString &tag) const;
};

// What deleting a tag means.
enum class DeleteMode {
    TagOnly, // this tag goes; other tags on the same digest stay (tag API, else untag)
    Image,   // the manifest goes, and with it every tag on its digest
};

// One change to the registry, in the order a plan runs them.
struct DeleteStep
{
    enum class Kind {
        DeleteManifest, // DELETE /v2/<repo>/manifests/<digest>: every tag on it disappears
        RemoveTag,      // the tag only: DELETE .../manifests/<tag> where the registry has it,
                        // else point the tag at a throwaway manifest and delete that digest
    };
    Kind kind = Kind::DeleteManifest;
    oci::Digest digest; // the manifest deleted, or the one the removed tag points to now
    QString mediaType;  // of that manifest
    QStringList tags;   // the tags that disappear with this step
};

// What happens to one tag of the repository, and why, in plain words for the person.
struct TagFate
{
    enum class Fate { Deleted, Kept, Protected };
    QString tag;
    oci::Digest digest;
    Fate fate = Fate::Kept;
    // Why, sentence by sentence ("Selected.", "Only the tag is removed: sha256:… stays for
    // '1.1'."): values the GUI translates (tagreason.h), and the same in English in `reason`.
    // Set both through say() and sayAlso(), never one alone.
    QList<TagReason> reasons;
    QString reason;

    void say(TagReason sentence);      // replaces every sentence
    void sayAlso(TagReason sentence);  // one more sentence
};

// A deletion computed before anything is touched: the steps that will run and the fate of
// every tag in the repository. The same value is shown (dry run) and run.
struct DeletePlan
{
    QString registry;
    QString repository;
    QList<DeleteStep> steps;
    QList<TagFate> tags; // every tag of the scan, each once
    // Referrers (signatures, SBOMs, ...) whose subject the plan deletes: they stay in the
    // registry but point at nothing; listed so the person sees them.
    QList<oci::Descriptor> orphanedReferrers;
    // Manifests of an index the plan deletes that other, kept tags still use: not deleted.
    QList<oci::Digest> sharedChildren;

    int deletedTagCount() const;
    int keptTagCount() const; // Kept and Protected
    QStringList deletedTags() const;
    bool isEmpty() const { return steps.isEmpty(); }
};

} // namespace ops
