#pragma once

#include "oci/core/result.h"

#include <QDateTime>
#include <QStringList>

class QJsonObject;

namespace ops {

// Retention rules of one repository, saved with it by the UI and the command line.
//
// A tag is a candidate for deletion when it was created before deleteOlderThan or matches
// a deleteMatching pattern; with neither rule given, every tag that no keep rule keeps is
// a candidate. It is kept when a keep pattern matches it or its image is among the
// keepNewest newest images. Patterns are regular expressions over the whole tag
// (anchored: "v1" does not match "v10"). planRetention() applies them.
//
//     ops::RetentionRules rules;
//     rules.keepNewest = 10;
//     rules.keep = {u"v\\d+\\.\\d+\\.\\d+"_s};
//     rules.deleteOlderThan = QDateTime(QDate(2024, 1, 1), QTime(0, 0), Qt::UTC);
//     settings.setValue(key, QJsonDocument(rules.toJson()).toJson()); // saved per repository
//     oci::Result<ops::RetentionRules> loaded = ops::RetentionRules::fromJson(object);
struct RetentionRules
{
    // The newest N images (distinct digests, by the created date of their config; an
    // index's is its newest platform's) are kept with every tag on them. 0: no such rule.
    // Images without a created date count as the oldest.
    int keepNewest = 0;
    QStringList keep;           // tags matching one of these stay
    QDateTime deleteOlderThan;  // invalid: no such rule; tags without a date never match
    QStringList deleteMatching; // tags matching one of these are candidates

    bool hasKeepRule() const { return keepNewest > 0 || !keep.isEmpty(); }
    bool hasDeleteRule() const { return deleteOlderThan.isValid() || !deleteMatching.isEmpty(); }

    // Every pattern compiles, keepNewest is not negative, and some rule is given (rules
    // that keep nothing and name nothing would delete every tag: refused).
    oci::Result<void> validate() const;

    // {"version":1,"keepNewest":10,"keep":[...],"deleteOlderThan":"2024-01-01T00:00:00Z",
    //  "deleteMatching":[...]}; rules not given are left out.
    QJsonObject toJson() const;
    // Reads what toJson() wrote (a date without an offset is UTC) and validates it.
    static oci::Result<RetentionRules> fromJson(const QJsonObject &object);

    // One line in the command line's words: "--keep-newest 10 --keep 'v.*' --older-than
    // 2024-01-01T00:00:00Z".
    QString describe() const;

    friend bool operator==(const RetentionRules &, const RetentionRules &) = default;
};

} // namespace ops
