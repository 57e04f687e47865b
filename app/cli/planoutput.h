#pragma once

#include <QStringList>

namespace ops {
struct DeletePlan;
struct DeleteSummary;
} // namespace ops

namespace cli {

// A deletion plan as ladingctl prints it: the steps, then the tags with their fate and
// reason. `allTags` (cleanup's dry run) lists every tag of the repository; otherwise (rm)
// the tags that go and those on the same digests that stay, and a count of the rest.
QStringList planLines(const ops::DeletePlan &plan, bool allTags);

// "1 tag", "3 tags".
QString tagCount(int count);

// What a run did: DeleteSummary::describe() (with the garbage-collection reminder when
// something was deleted), a line each.
QStringList summaryLines(const ops::DeleteSummary &summary);

} // namespace cli
