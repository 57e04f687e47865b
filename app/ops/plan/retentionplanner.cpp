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
    QHash<QString, QString> candidateWhy;
    for (const QString &tag : facts.allTags()) {
        TagFate &fate = decisions.fates[tag];
        fate.fate = TagFate::Fate::Kept;
        const oci::Digest digest = facts.digestOf(tag);
        if (const oci::Digest subject = detail::ScanFacts::fallbackSubject(tag); !subject.isNull()) {
            fate.reason = QStringLiteral("Kept: a referrers list (tag schema) is not decided by "
                                         "the rules; it goes only with the manifest of %1.")
                              .arg(shortDigest(subject));
            if (facts.tagsOn(subject).isEmpty())
                fate.reason += QStringLiteral(" No tag of this repository points to it.");
            continue;
        }
        const QDateTime created = facts.detailsOf(digest)->created;
        if (const Pattern *match = firstMatch(keep, tag)) {
            fate.reason = QStringLiteral("Kept: matches the keep pattern %1.").arg(quoted(match->text));
            continue;
        }
        const bool newest = rank.value(digest) < rules.keepNewest;
        if (newest) {
            fate.reason =
                QStringLiteral("Kept: its image is one of the newest %1 (%2).")
                    .arg(QString::number(rules.keepNewest),
                         created.isValid()
                             ? QStringLiteral("created %1").arg(dateText(created))
                             : QStringLiteral("it has no created date, which counts as the oldest"));
            continue;
        }
        // Why it would go, if no tag that stays needs it.
        QString why;
        if (rules.deleteOlderThan.isValid() && created.isValid() && created < rules.deleteOlderThan) {
            why = QStringLiteral("created %1, before %2 (rule: delete tags older than %2)")
                      .arg(dateText(created), dateText(rules.deleteOlderThan));
        } else if (const Pattern *match = firstMatch(deleteMatching, tag)) {
            why = QStringLiteral("matches the delete pattern %1").arg(quoted(match->text));
        } else if (!rules.hasDeleteRule()) {
            QStringList notKept;
            if (rules.keepNewest > 0) {
                notKept << QStringLiteral("its image is not one of the newest %1%2")
                               .arg(QString::number(rules.keepNewest),
                                    created.isValid()
                                        ? QString()
                                        : QStringLiteral(" (it has no created date, which counts "
                                                         "as the oldest)"));
            }
            if (!keep.isEmpty())
                notKept << QStringLiteral("it matches no keep pattern");
            why = QStringLiteral("no rule keeps it: %1 (with no delete rule given, every tag "
                                 "that is not kept goes)")
                      .arg(notKept.join(QStringLiteral(", and ")));
        } else {
            QStringList notDeleted;
            if (rules.deleteOlderThan.isValid()) {
                notDeleted << (created.isValid()
                                   ? QStringLiteral("created %1, not before %2")
                                         .arg(dateText(created), dateText(rules.deleteOlderThan))
                                   : QStringLiteral("it has no created date, so 'older than' "
                                                    "does not apply"));
            }
            if (!deleteMatching.isEmpty())
                notDeleted << QStringLiteral("it matches no delete pattern");
            fate.reason = QStringLiteral("Kept: no delete rule applies: %1.")
                              .arg(notDeleted.join(QStringLiteral(", and ")));
            continue;
        }
        fate.fate = TagFate::Fate::Deleted;
        fate.reason = QStringLiteral("Deleted: %1.").arg(why);
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
    const auto stayState = [&](const QString &tag) {
        return decisions.fates.value(tag).fate == TagFate::Fate::Kept ? QStringLiteral("kept")
                                                                      : QStringLiteral("protected");
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
            const QString otherwise =
                QStringLiteral(" Otherwise it would be deleted: %1.").arg(candidateWhy.value(tag));
            if (const QString keeper = keeperOn(digest); !keeper.isEmpty()) {
                fate.fate = TagFate::Fate::Protected;
                fate.reason = QStringLiteral("Protected: it shares %1 with %2, which is %3.")
                                  .arg(shortDigest(digest), quoted(keeper), stayState(keeper)) +
                              otherwise;
                changed = true;
            } else if (const QString referrer = referrerOf.value(digest); !referrer.isEmpty()) {
                fate.fate = TagFate::Fate::Protected;
                fate.reason = QStringLiteral("Protected: its image %1 is the subject of %2, a "
                                             "referrer which is %3.")
                                  .arg(shortDigest(digest), quoted(referrer), stayState(referrer)) +
                              otherwise;
                changed = true;
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
