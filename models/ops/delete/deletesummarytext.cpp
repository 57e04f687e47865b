#include "ops/delete/deletesummarytext.h"

#include "ops/journal/deletesummary.h"

#include <QStringList>

using Result = ops::DeleteOutcome::Result;

QString DeleteSummaryText::quotedTags(const QStringList &tags)
{
    QStringList quoted;
    for (const QString &tag : tags)
        quoted << tr("'%1'").arg(tag);
    return quoted.join(tr(", "));
}

QString DeleteSummaryText::headline(const ops::DeleteSummary &summary)
{
    const QString where = summary.registry + u'/' + summary.repository;
    const int deletedTags = int(summary.deletedTags().size());
    const int failed = summary.count(Result::Failed);
    const int notRun = summary.count(Result::NotRun);
    if (!summary.changedTags.isEmpty())
        return tr("Nothing was deleted: the repository changed since it was read. Read it "
                  "again and check the new plan.");
    if (deletedTags == 0 && summary.count(Result::Deleted) == 0) {
        bool refused = failed > 0;
        for (const ops::DeleteOutcome &outcome : summary.outcomes) {
            if (outcome.result == Result::Failed
                && outcome.error.code() != oci::Error::Code::Unsupported)
                refused = false;
        }
        if (refused)
            return tr("Nothing was deleted: %1 refused to delete.").arg(summary.registry);
        if (summary.cancelled)
            return tr("Stopped before anything was deleted from %1.").arg(where);
        return tr("Nothing was deleted from %1.").arg(where);
    }
    QString line = tr("%n tag(s) deleted from %1.", nullptr, deletedTags).arg(where);
    if (failed + notRun > 0)
        line += u' ' + tr("Not everything was done: see below.");
    return line;
}

QString DeleteSummaryText::counts(const ops::DeleteSummary &summary)
{
    // Counted in steps (one per image deleted, one per tag removed on its own), beside the
    // headline's count of tags: "2 steps done", not "2 deleted" under "4 tags deleted".
    QStringList parts;
    if (const int n = summary.count(Result::Deleted))
        parts << tr("%n step(s) done", nullptr, n);
    if (const int n = summary.count(Result::Skipped))
        parts << tr("%n skipped", nullptr, n);
    if (const int n = summary.count(Result::Failed))
        parts << tr("%n failed", nullptr, n);
    if (const int n = summary.count(Result::NotRun))
        parts << tr("%n not run", nullptr, n);
    return parts.join(tr(", "));
}

QString DeleteSummaryText::subject(const ops::DeleteStep &step)
{
    if (step.kind == ops::DeleteStep::Kind::RemoveTag)
        return tr("the tag %1").arg(quotedTags(step.tags));
    if (step.tags.isEmpty())
        return tr("the image %1").arg(step.digest.shortString());
    return (step.tags.size() == 1 ? tr("%1 and its image %2") : tr("%1 and their image %2"))
        .arg(quotedTags(step.tags), step.digest.shortString());
}

QString DeleteSummaryText::subject(const ops::DeleteOutcome &outcome)
{
    ops::DeleteStep step;
    step.kind = outcome.kind;
    step.digest = outcome.digest;
    step.tags = outcome.tags;
    return subject(step);
}

QString DeleteSummaryText::method(const QString &method)
{
    static const QString throwaway = QStringLiteral("throwaway manifest ");
    if (method.isEmpty())
        return {};
    if (method == u"tag API")
        return tr("with the registry's tag API");
    if (method.startsWith(throwaway)) {
        const auto digest = oci::Digest::parse(QStringView(method).sliced(throwaway.size()));
        return tr("by pointing it at a throwaway manifest (%1) and deleting that")
            .arg(digest ? digest->shortString() : method.mid(throwaway.size()));
    }
    return method;
}

QString DeleteSummaryText::refusal()
{
    return tr("The registry does not allow deleting (it answered 405 UNSUPPORTED; for a "
              "distribution registry, deleting is switched on by storage.delete.enabled). "
              "Nothing was changed.");
}

QString DeleteSummaryText::outcome(const ops::DeleteOutcome &outcome)
{
    const QString what = subject(outcome);
    switch (outcome.result) {
    case Result::Deleted: {
        const QString how = method(outcome.method);
        QString line = outcome.kind == ops::DeleteStep::Kind::RemoveTag
                           ? (how.isEmpty() ? tr("Removed %1.").arg(what)
                                            : tr("Removed %1 %2.").arg(what, how))
                           : tr("Deleted %1.").arg(what);
        if (!outcome.reason.isEmpty())
            line += u' ' + outcome.reason;
        return line;
    }
    case Result::Skipped:
        return tr("Skipped %1: %2").arg(what, outcome.reason);
    case Result::Failed:
        if (outcome.error.code() == oci::Error::Code::Unsupported)
            return tr("Not deleted: %1. %2").arg(what, refusal());
        return tr("Not deleted: %1. %2").arg(what, outcome.reason.isEmpty()
                                                      ? outcome.error.describe()
                                                      : outcome.reason);
    case Result::NotRun:
        return outcome.reason.isEmpty() ? tr("Not run: %1.").arg(what)
                                        : tr("Not run: %1. %2").arg(what, outcome.reason);
    }
    return {};
}

QString DeleteSummaryText::garbageCollectionReminder()
{
    return tr("The registry frees the space only when its garbage collection runs (for a "
              "distribution registry: registry garbage-collect). Until then, each deletion can "
              "be undone from the journal.");
}
