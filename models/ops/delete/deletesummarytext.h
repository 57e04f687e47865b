#pragma once

#include <QCoreApplication>
#include <QString>

namespace ops {
struct DeleteOutcome;
struct DeleteSummary;
struct DeleteStep;
} // namespace ops

// A DeleteRun's summary in the user's language (DeleteSummary::describe() is ladingctl's
// English): a headline with the counts, one sentence per outcome, how a tag was removed,
// and the garbage-collection reminder. The ops' own reasons (English, like every
// oci::Error text) follow as they are; a registry that refuses deletion is said in words.
//
//     headline->setText(DeleteSummaryText::headline(summary));
//     for (const ops::DeleteOutcome &outcome : summary.outcomes)
//         list->addItem(DeleteSummaryText::outcome(outcome));
//     if (summary.garbageCollectionNeeded())
//         note->setText(DeleteSummaryText::garbageCollectionReminder());
class DeleteSummaryText
{
    Q_DECLARE_TR_FUNCTIONS(DeleteSummaryText)

public:
    // "2 tags deleted from host/team/app." / "Nothing was deleted: the registry refused." …
    static QString headline(const ops::DeleteSummary &summary);
    // "1 deleted, 1 failed": the steps (per tag for a tag removal); zero counts are left
    // out.
    static QString counts(const ops::DeleteSummary &summary);
    // One outcome in a sentence: what, what became of it, why.
    static QString outcome(const ops::DeleteOutcome &outcome);
    // What a step is about: "the tag 'latest'", "'1.1', 'latest' and their image sha256:abc…".
    static QString subject(const ops::DeleteStep &step);
    static QString subject(const ops::DeleteOutcome &outcome);
    // outcome.method in words: "with the registry's tag API", "by pointing it at a
    // throwaway manifest (sha256:…) and deleting that"; empty for none.
    static QString method(const QString &method);
    // The registry refused (405 UNSUPPORTED): deletion is switched off there.
    static QString refusal();
    static QString garbageCollectionReminder();
    // Quoted tag names: "'1.1', 'latest'".
    static QString quotedTags(const QStringList &tags);
};
