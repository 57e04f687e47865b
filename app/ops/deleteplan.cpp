#include "ops/deleteplan.h"

namespace ops {

QStringList RepositoryScan::tagsOn(const oci::Digest &digest) const
{
    QStringList found;
    for (const oci::TagDetails &row : tags) {
        if (row.details.digest == digest)
            found << row.tag;
    }
    return found;
}

const oci::TagDetails *RepositoryScan::find(const QString &tag) const
{
    for (const oci::TagDetails &row : tags) {
        if (row.tag == tag)
            return &row;
    }
    return nullptr;
}

void TagFate::say(TagReason sentence)
{
    reasons = {std::move(sentence)};
    reason = reasons.first().english();
}

void TagFate::sayAlso(TagReason sentence)
{
    const QString english = sentence.english();
    reasons << std::move(sentence);
    reason = reason.isEmpty() ? english : reason + u' ' + english;
}

int DeletePlan::deletedTagCount() const
{
    return int(deletedTags().size());
}

int DeletePlan::keptTagCount() const
{
    return int(tags.size()) - deletedTagCount();
}

QStringList DeletePlan::deletedTags() const
{
    QStringList deleted;
    for (const TagFate &fate : tags) {
        if (fate.fate == TagFate::Fate::Deleted)
            deleted << fate.tag;
    }
    return deleted;
}

} // namespace ops
