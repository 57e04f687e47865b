#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace ops {

// One sentence of why a plan decided what it did for a tag. The planners record the
// sentence as a value (which sentence, and its arguments) so that ladingctl can print it in
// English and the GUI in the user's language from the same source text: sourceText() is
// marked for translation in the context "TagFate" (lupdate reads this folder).
//
//     const QString english = fate.reason;                          // every sentence, filled
//     for (const ops::TagReason &sentence : fate.reasons)
//         text += sentence.fill(QCoreApplication::translate("TagFate", sentence.sourceText()),
//                               myListFormatter);
struct TagReason
{
    enum class Why : unsigned char {
        // deletion of selected tags
        NotSelected,
        Selected,
        SelectedWithAllOnDigest,   // %1 digest
        ImageListedByKeptIndex,
        SelectedImage,             // %1 digest
        OnSelectedImage,           // %1 the selected tag
        // what the plan's steps do
        ReferrersListOfDeleted,    // %1 subject digest, %2 its tags
        ManifestDeletedAlone,      // %1 digest
        ManifestDeletedWithTags,   // %1 digest, %2 its tags
        TagRemovedImageStaysFor,   // %1 digest, %2 the tags that stay on it
        TagRemovedIndexKeeps,      // %1 the index's tag, %2 digest
        OtherTagRemovedHere,       // %1 the tag removed, %2 digest
        OtherTagsRemovedHere,      // %1 the tags removed, %2 digest
        AlsoListedByDeletedIndex,  // %1 digest, %2 the index's tag
        RefersToDeleted,           // %1 subject digest
        ReferrersListOfKept,       // %1 subject digest
        // retention rules
        KeptReferrersList,         // %1 subject digest
        SubjectHasNoTag,
        KeptByPattern,             // %1 pattern
        KeptNewest,                // %1 N, %2 created
        KeptNewestUndated,         // %1 N
        DeletedOlderThan,          // %1 created, %2 cut-off
        DeletedByPattern,          // %1 pattern
        DeletedNotKept,
        OtherwiseOlderThan,        // %1 created, %2 cut-off
        OtherwiseByPattern,        // %1 pattern
        OtherwiseNotKept,
        NotNewest,                 // %1 N
        NotNewestUndated,          // %1 N
        MatchesNoKeepPattern,
        KeptNoDeleteRuleApplies,
        NotOlderThan,              // %1 created, %2 cut-off
        UndatedNotOlder,
        MatchesNoDeletePattern,
        ProtectedSharesWithKept,         // %1 digest, %2 the kept tag
        ProtectedSharesWithProtected,    // %1 digest, %2 the protected tag
        ProtectedSubjectOfKept,          // %1 digest, %2 the referrer's tag
        ProtectedSubjectOfProtected,     // %1 digest, %2 the referrer's tag
    };

    Why why = Why::NotSelected;
    // One list per placeholder, in order: a digest's short form, a date, a count, a pattern
    // or tag names (tags are quoted: 'latest'). A list of several is joined by the caller's
    // list formatter ("'a', 'b' and 'c'").
    QList<QStringList> args;

    // The English source text with %1, %2 placeholders (translation context "TagFate").
    const char *sourceText() const { return sourceText(why); }
    static const char *sourceText(Why why);
    // `text` (sourceText() or its translation) with the arguments put in; lists of several
    // joined by `joinList`.
    QString fill(const QString &text, QString (*joinList)(const QStringList &)) const;
    QString english() const; // fill(sourceText(), englishList)
    // The "Deleted: …" sentence as "Otherwise it would be deleted: …"; others unchanged.
    TagReason asOtherwise() const;

    // "'a'", "'a' and 'b'", "'a', 'b' and 'c'" (items are passed quoted already).
    static QString englishList(const QStringList &items);
};

// The sentences in English, one after the other.
QString englishText(const QList<TagReason> &reasons);

} // namespace ops
