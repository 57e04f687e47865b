#include "ops/plan/retentionplanner.h"

#include "ops/plan/planassembly.h"
#include "ops/plan/retentionrules.h"
#include "ops/plan/scanfacts.h"

#include "oci/inspect/tagorder.h"

#include <QRegularExpression>

#include <algorithm>

namespace ops {

using detail::quoted;
using detail::shortDigest;
using Why = TagReason::Why;

namespace {

struct Pattern
{
    QString text;
    QRegularExpression expression;
};

QList<Pattern> compile(const QStringList &patterns)
{
    QList<Pattern> compiled;
    for (const QString &pattern : patterns)
        compiled << Pattern{pattern, QRegularExpression(QRegularExpression::anchoredPattern(pattern))};
    return compiled;
}

const Pattern *firstMatch(const QList<Pattern> &patterns, const QString &tag)
{
    for (const Pattern &pattern : patterns) {
        if (pattern.expression.match(tag).hasMatch())
            return &pattern;
    }
    return nullptr;
}

QString dateText(const QDateTime &date)
{
    return date.toUTC().toString(Qt::ISODate);
}

// The images (digests of tags that are not referrers lists), newest first; images without
// a created date last; ties in natural order of their first tag name.
QHash<oci::Digest, int> rankImages(const detail::ScanFacts &facts)
{
    struct Image
    {
        oci::Digest digest;
        QDateTime created;
        QString name; // the smallest tag on it, naturally ordered
    };
    QList<Image> images;
    QHash<oci::Digest, qsizetype> where;
    for (const QString &tag : facts.allTags()) {
        if (facts.isFallbackTag(tag))
            continue;
        const oci::Digest digest = facts.digestOf(tag);
        if (const auto known = where.constFind(digest); known != where.cend()) {
            Image &image = images[known.value()];
            if (oci::naturalCompare(tag, image.name) < 0)
                image.name = tag;
            continue;
        }
        where.insert(digest, images.size());
        images << Image{digest, facts.detailsOf(digest)->created, tag};
    }
    std::stable_sort(images.begin(), images.end(), [](const Image &a, const Image &b) {
        if (a.created.isValid() != b.created.isValid())
            return a.created.isValid();
        if (a.created.isValid() && a.created != b.created)
            return a.created > b.created;
        return oci::naturalCompare(a.name, b.name) < 0;
    });
    QHash<oci::Digest, int> rank;
    for (qsizetype i = 0; i < images.size(); ++i)
        rank.insert(images.at(i).digest, int(i));
    return rank;
}

} // namespace

oci::Result<DeletePlan> planRetention(const RepositoryScan &scan, const RetentionRules &rules)
{
    if (oci::Result<void> valid = rules.validate(); !valid)
        return valid.error();
    if (oci::Result<void> complete = detail::ScanFacts::checkComplete(scan); !complete)
        return complete.error();
    const detail::ScanFacts facts(scan);
    const QList<Pattern> keep = compile(rules.keep);
    const QList<Pattern> deleteMatching = compile(rules.deleteMatching);
    const QHash<oci::Digest, int> rank = rankImages(facts);

    detail::Decisions decisions;
    QStringList candidates;
    QHash<QString, QList<TagReason>> candidateWhy; // "Deleted: …" and what follows it
    const QString newestCount = QString::number(rules.keepNewest);
    for (const QString &tag : facts.allTags()) {
        TagFate &fate = decisions.fates[tag];
        fate.fate = TagFate::Fate::Kept;
        const oci::Digest digest = facts.digestOf(tag);
        if (const oci::Digest subject = detail::ScanFacts::fallbackSubject(tag); !subject.isNull()) {
            fate.say({Why::KeptReferrersList, {{shortDigest(subject)}}});
            if (facts.tagsOn(subject).isEmpty())
                fate.sayAlso({Why::SubjectHasNoTag, {}});
            continue;
        }
        const QDateTime created = facts.detailsOf(digest)->created;
        if (const Pattern *match = firstMatch(keep, tag)) {
            fate.say({Why::KeptByPattern, {{quoted(match->text)}}});
            continue;
        }
        const bool newest = rank.value(digest) < rules.keepNewest;
        if (newest) {
            fate.say(created.isValid()
                         ? TagReason{Why::KeptNewest, {{newestCount}, {dateText(created)}}}
                         : TagReason{Why::KeptNewestUndated, {{newestCount}}});
            continue;
        }
        // Why it would go, if no tag that stays needs it.
        QList<TagReason> why;
        if (rules.deleteOlderThan.isValid() && created.isValid() && created < rules.deleteOlderThan) {
            why << TagReason{Why::DeletedOlderThan,
                             {{dateText(created)}, {dateText(rules.deleteOlderThan)}}};
        } else if (const Pattern *match = firstMatch(deleteMatching, tag)) {
            why << TagReason{Why::DeletedByPattern, {{quoted(match->text)}}};
        } else if (!rules.hasDeleteRule()) {
            why << TagReason{Why::DeletedNotKept, {}};
            if (rules.keepNewest > 0) {
                why << (created.isValid() ? TagReason{Why::NotNewest, {{newestCount}}}
                                          : TagReason{Why::NotNewestUndated, {{newestCount}}});
            }
            if (!keep.isEmpty())
                why << TagReason{Why::MatchesNoKeepPattern, {}};
        } else {
            fate.say({Why::KeptNoDeleteRuleApplies, {}});
            if (rules.deleteOlderThan.isValid()) {
                fate.sayAlso(created.isValid()
                                 ? TagReason{Why::NotOlderThan,
                                             {{dateText(created)}, {dateText(rules.deleteOlderThan)}}}
                                 : TagReason{Why::UndatedNotOlder, {}});
            }
            if (!deleteMatching.isEmpty())
                fate.sayAlso({Why::MatchesNoDeletePattern, {}});
            continue;
        }
        fate.fate = TagFate::Fate::Deleted;
        fate.say(why.first());
        for (qsizetype i = 1; i < why.size(); ++i)
            fate.sayAlso(why.at(i));
        candidateWhy.insert(tag, why);
        candidates << tag;
    }

    // Candidates that a staying tag needs: the same digest, or the subject of a referrer
    // that stays. Protection spreads (a protected referrer protects its subject): repeat
    // until nothing changes. Tags kept by a rule are named before protected ones.
    const auto keeperOn = [&](const oci::Digest &digest) -> QString {
        QString protectedKeeper;
        for (const QString &tag : facts.tagsOn(digest)) {
            const TagFate &fate = decisions.fates.value(tag);
            if (fate.fate == TagFate::Fate::Kept && !facts.isFallbackTag(tag))
                return tag;
            if (fate.fate == TagFate::Fate::Protected && protectedKeeper.isEmpty())
                protectedKeeper = tag;
        }
        return protectedKeeper;
    };
    const auto isKept = [&](const QString &tag) {
        return decisions.fates.value(tag).fate == TagFate::Fate::Kept;
    };
    for (bool changed = true; changed;) {
        changed = false;
        QHash<oci::Digest, QString> referrerOf; // subject -> a staying tag of a referrer
        for (const QString &tag : facts.allTags()) {
            if (decisions.fates.value(tag).fate == TagFate::Fate::Deleted || facts.isFallbackTag(tag))
                continue;
            for (const oci::Digest &subject : facts.subjectsOf(facts.digestOf(tag))) {
                if (!referrerOf.contains(subject))
                    referrerOf.insert(subject, tag);
            }
        }
        for (const QString &tag : std::as_const(candidates)) {
            TagFate &fate = decisions.fates[tag];
            if (fate.fate != TagFate::Fate::Deleted)
                continue;
            const oci::Digest digest = facts.digestOf(tag);
            const auto protect = [&](TagReason because) {
                fate.fate = TagFate::Fate::Protected;
                fate.say(std::move(because));
                const QList<TagReason> &otherwise = candidateWhy[tag];
                fate.sayAlso(otherwise.first().asOtherwise());
                for (qsizetype i = 1; i < otherwise.size(); ++i)
                    fate.sayAlso(otherwise.at(i));
                changed = true;
            };
            if (const QString keeper = keeperOn(digest); !keeper.isEmpty()) {
                protect({isKept(keeper) ? Why::ProtectedSharesWithKept : Why::ProtectedSharesWithProtected,
                         {{shortDigest(digest)}, {quoted(keeper)}}});
            } else if (const QString referrer = referrerOf.value(digest); !referrer.isEmpty()) {
                protect({isKept(referrer) ? Why::ProtectedSubjectOfKept : Why::ProtectedSubjectOfProtected,
                         {{shortDigest(digest)}, {quoted(referrer)}}});
            }
        }
    }
    for (const QString &tag : std::as_const(candidates)) {
        if (decisions.fates.value(tag).fate == TagFate::Fate::Deleted)
            decisions.going << tag;
    }
    return detail::assemblePlan(facts, std::move(decisions));
}

} // namespace ops
