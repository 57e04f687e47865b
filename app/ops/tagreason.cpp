#include "ops/tagreason.h"

#include <QtGlobal>

namespace ops {

const char *TagReason::sourceText(Why why)
{
    switch (why) {
    case Why::NotSelected:
        return QT_TRANSLATE_NOOP("TagFate", "Not selected.");
    case Why::Selected:
        return QT_TRANSLATE_NOOP("TagFate", "Selected.");
    case Why::SelectedWithAllOnDigest:
        return QT_TRANSLATE_NOOP("TagFate", "Selected, like every other tag on %1.");
    case Why::ImageListedByKeptIndex:
        return QT_TRANSLATE_NOOP("TagFate", "Its image cannot be deleted while an index that "
                                            "stays lists it, so only the selected tags go.");
    case Why::SelectedImage:
        return QT_TRANSLATE_NOOP("TagFate", "Selected: the image %1 is to be deleted.");
    case Why::OnSelectedImage:
        return QT_TRANSLATE_NOOP("TagFate", "Not selected, but on the same image as %1, which is "
                                            "selected for deletion with every tag on it.");
    case Why::ReferrersListOfDeleted:
        return QT_TRANSLATE_NOOP("TagFate", "The referrers list (tag schema) of %1 (%2), whose "
                                            "manifest this plan deletes: it goes with it.");
    case Why::ManifestDeletedAlone:
        return QT_TRANSLATE_NOOP("TagFate", "The manifest %1 is deleted; no other tag points to it.");
    case Why::ManifestDeletedWithTags:
        return QT_TRANSLATE_NOOP("TagFate", "The manifest %1 is deleted, and with it every tag on it: %2.");
    case Why::TagRemovedImageStaysFor:
        return QT_TRANSLATE_NOOP("TagFate", "Only the tag is removed: %1 stays for %2.");
    case Why::TagRemovedIndexKeeps:
        return QT_TRANSLATE_NOOP("TagFate", "Only the tag is removed: the index %1, which stays, "
                                            "lists %2, so the manifest stays.");
    case Why::OtherTagRemovedHere:
        return QT_TRANSLATE_NOOP("TagFate", "%1 on the same manifest (%2) is removed on its own; "
                                            "this tag stays.");
    case Why::OtherTagsRemovedHere:
        return QT_TRANSLATE_NOOP("TagFate", "%1 on the same manifest (%2) are removed on their "
                                            "own; this tag stays.");
    case Why::AlsoListedByDeletedIndex:
        return QT_TRANSLATE_NOOP("TagFate", "Its manifest %1 is also listed by the index %2, which "
                                            "is deleted; the registry keeps the manifest for this tag.");
    case Why::RefersToDeleted:
        return QT_TRANSLATE_NOOP("TagFate", "It refers to %1, which this plan deletes: it will "
                                            "refer to nothing.");
    case Why::ReferrersListOfKept:
        return QT_TRANSLATE_NOOP("TagFate", "It is the referrers list of %1, which stays.");
    case Why::KeptReferrersList:
        return QT_TRANSLATE_NOOP("TagFate", "Kept: a referrers list (tag schema) is not decided by "
                                            "the rules; it goes only with the manifest of %1.");
    case Why::SubjectHasNoTag:
        return QT_TRANSLATE_NOOP("TagFate", "No tag of this repository points to it.");
    case Why::KeptByPattern:
        return QT_TRANSLATE_NOOP("TagFate", "Kept: matches the keep pattern %1.");
    case Why::KeptNewest:
        return QT_TRANSLATE_NOOP("TagFate", "Kept: its image is one of the newest %1 (created %2).");
    case Why::KeptNewestUndated:
        return QT_TRANSLATE_NOOP("TagFate", "Kept: its image is one of the newest %1 (it has no "
                                            "created date, which counts as the oldest).");
    case Why::DeletedOlderThan:
        return QT_TRANSLATE_NOOP("TagFate", "Deleted: created %1, before %2 (rule: delete tags "
                                            "older than %2).");
    case Why::DeletedByPattern:
        return QT_TRANSLATE_NOOP("TagFate", "Deleted: matches the delete pattern %1.");
    case Why::DeletedNotKept:
        return QT_TRANSLATE_NOOP("TagFate", "Deleted: no rule keeps it (with no delete rule given, "
                                            "every tag that is not kept goes).");
    case Why::OtherwiseOlderThan:
        return QT_TRANSLATE_NOOP("TagFate", "Otherwise it would be deleted: created %1, before %2 "
                                            "(rule: delete tags older than %2).");
    case Why::OtherwiseByPattern:
        return QT_TRANSLATE_NOOP("TagFate", "Otherwise it would be deleted: matches the delete "
                                            "pattern %1.");
    case Why::OtherwiseNotKept:
        return QT_TRANSLATE_NOOP("TagFate", "Otherwise it would be deleted: no rule keeps it (with "
                                            "no delete rule given, every tag that is not kept goes).");
    case Why::NotNewest:
        return QT_TRANSLATE_NOOP("TagFate", "Its image is not one of the newest %1.");
    case Why::NotNewestUndated:
        return QT_TRANSLATE_NOOP("TagFate", "Its image is not one of the newest %1 (it has no "
                                            "created date, which counts as the oldest).");
    case Why::MatchesNoKeepPattern:
        return QT_TRANSLATE_NOOP("TagFate", "It matches no keep pattern.");
    case Why::KeptNoDeleteRuleApplies:
        return QT_TRANSLATE_NOOP("TagFate", "Kept: no delete rule applies.");
    case Why::NotOlderThan:
        return QT_TRANSLATE_NOOP("TagFate", "Created %1, not before %2.");
    case Why::UndatedNotOlder:
        return QT_TRANSLATE_NOOP("TagFate", "It has no created date, so 'older than' does not apply.");
    case Why::MatchesNoDeletePattern:
        return QT_TRANSLATE_NOOP("TagFate", "It matches no delete pattern.");
    case Why::ProtectedSharesWithKept:
        return QT_TRANSLATE_NOOP("TagFate", "Protected: it shares %1 with %2, which is kept.");
    case Why::ProtectedSharesWithProtected:
        return QT_TRANSLATE_NOOP("TagFate", "Protected: it shares %1 with %2, which is protected.");
    case Why::ProtectedSubjectOfKept:
        return QT_TRANSLATE_NOOP("TagFate", "Protected: its image %1 is the subject of %2, a "
                                            "referrer which is kept.");
    case Why::ProtectedSubjectOfProtected:
        return QT_TRANSLATE_NOOP("TagFate", "Protected: its image %1 is the subject of %2, a "
                                            "referrer which is protected.");
    }
    return "";
}

QString TagReason::fill(const QString &text, QString (*joinList)(const QStringList &)) const
{
    // One pass over the placeholders (QString::arg would re-read an argument that holds a
    // '%1' of its own, such as a pattern).
    QString result;
    result.reserve(text.size() + 64);
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == u'%' && i + 1 < text.size() && text.at(i + 1).isDigit()) {
            const int index = text.at(i + 1).digitValue() - 1;
            if (index >= 0 && index < args.size()) {
                const QStringList &value = args.at(index);
                result += value.size() == 1 ? value.first() : joinList(value);
                ++i;
                continue;
            }
        }
        result += c;
    }
    return result;
}

QString TagReason::english() const
{
    return fill(QString::fromUtf8(sourceText()), &TagReason::englishList);
}

TagReason TagReason::asOtherwise() const
{
    TagReason otherwise = *this;
    switch (why) {
    case Why::DeletedOlderThan:
        otherwise.why = Why::OtherwiseOlderThan;
        break;
    case Why::DeletedByPattern:
        otherwise.why = Why::OtherwiseByPattern;
        break;
    case Why::DeletedNotKept:
        otherwise.why = Why::OtherwiseNotKept;
        break;
    default:
        break;
    }
    return otherwise;
}

QString TagReason::englishList(const QStringList &items)
{
    QString text;
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (i > 0)
            text += i + 1 == items.size() ? QStringLiteral(" and ") : QStringLiteral(", ");
        text += items.at(i);
    }
    return text;
}

QString englishText(const QList<TagReason> &reasons)
{
    QStringList sentences;
    for (const TagReason &reason : reasons)
        sentences << reason.english();
    return sentences.join(u' ');
}

} // namespace ops
