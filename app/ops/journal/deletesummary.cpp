#include "ops/journal/deletesummary.h"

namespace ops {

int DeleteSummary::count(DeleteOutcome::Result result) const
{
    int n = 0;
    for (const DeleteOutcome &outcome : outcomes) {
        if (outcome.result == result)
            ++n;
    }
    return n;
}

QStringList DeleteSummary::deletedTags() const
{
    QStringList tags;
    for (const DeleteOutcome &outcome : outcomes) {
        if (outcome.result == DeleteOutcome::Result::Deleted)
            tags << outcome.tags;
    }
    return tags;
}

QList<oci::Digest> DeleteSummary::deletedDigests() const
{
    QList<oci::Digest> digests;
    for (const DeleteOutcome &outcome : outcomes) {
        if (outcome.result == DeleteOutcome::Result::Deleted
            && outcome.kind == DeleteStep::Kind::DeleteManifest)
            digests << outcome.digest;
    }
    return digests;
}

bool DeleteSummary::isComplete() const
{
    for (const DeleteOutcome &outcome : outcomes) {
        if (outcome.result == DeleteOutcome::Result::Failed
            || outcome.result == DeleteOutcome::Result::NotRun)
            return false;
    }
    return true;
}

QString DeleteSummary::garbageCollectionReminder()
{
    return QStringLiteral("The registry frees the space only when its garbage collection runs "
                          "(for distribution: registry garbage-collect); until then the "
                          "deletions can be undone from the journal.");
}

QString DeleteSummary::describe() const
{
    using R = DeleteOutcome::Result;
    QStringList lines;
    lines << QStringLiteral("%1 on %2: %3 deleted, %4 skipped, %5 failed, %6 not run")
                 .arg(repository, registry)
                 .arg(count(R::Deleted))
                 .arg(count(R::Skipped))
                 .arg(count(R::Failed))
                 .arg(count(R::NotRun));
    if (cancelled)
        lines << QStringLiteral("Cancelled.");
    if (stopped)
        lines << QStringLiteral("Stopped: ") + stopReason;
    for (const DeleteOutcome &outcome : outcomes) {
        const QString what = outcome.kind == DeleteStep::Kind::RemoveTag
            ? QStringLiteral("tag %1").arg(outcome.tags.join(QStringLiteral(", ")))
            : QStringLiteral("%1%2").arg(
                  outcome.digest.shortString(),
                  outcome.tags.isEmpty()
                      ? QString()
                      : QStringLiteral(" (%1)").arg(outcome.tags.join(QStringLiteral(", "))));
        QString line;
        switch (outcome.result) {
        case R::Deleted:
            line = QStringLiteral("deleted ") + what;
            if (!outcome.method.isEmpty())
                line += QStringLiteral(" by ") + outcome.method;
            break;
        case R::Skipped:
            line = QStringLiteral("skipped ") + what;
            break;
        case R::Failed:
            line = QStringLiteral("failed ") + what;
            break;
        case R::NotRun:
            line = QStringLiteral("not run ") + what;
            break;
        }
        if (!outcome.reason.isEmpty())
            line += QStringLiteral(": ") + outcome.reason;
        lines << QStringLiteral("  ") + line;
    }
    if (garbageCollectionNeeded())
        lines << garbageCollectionReminder();
    return lines.join(u'\n');
}

} // namespace ops
