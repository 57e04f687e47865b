#include "ops/plan/retentionrules.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

namespace ops {

namespace {

constexpr int FormatVersion = 1;

oci::Error invalid(const QString &message)
{
    return oci::Error(oci::Error::Code::InvalidArgument, message);
}

oci::Result<void> checkPatterns(const QStringList &patterns, QStringView rule)
{
    for (const QString &pattern : patterns) {
        // The pattern on its own: anchoredPattern() wraps it in (?:…), which would let an
        // unbalanced 'a)(b' through as valid.
        const QRegularExpression expression(pattern);
        if (!expression.isValid()) {
            return invalid(QStringLiteral("the %1 pattern '%2' is not a valid regular "
                                          "expression: %3 (at offset %4)")
                               .arg(rule, pattern, expression.errorString())
                               .arg(expression.patternErrorOffset()));
        }
    }
    return {};
}

oci::Result<QStringList> readPatterns(const QJsonObject &object, const QString &key)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined() || value.isNull())
        return QStringList();
    if (!value.isArray())
        return invalid(QStringLiteral("retention rules: \"%1\" is not a list of patterns").arg(key));
    QStringList patterns;
    const QJsonArray array = value.toArray();
    for (const QJsonValue &entry : array) {
        if (!entry.isString())
            return invalid(QStringLiteral("retention rules: \"%1\" holds a value that is not a "
                                          "string")
                               .arg(key));
        patterns << entry.toString();
    }
    return patterns;
}

QString shellQuoted(const QString &text)
{
    QString escaped = text;
    escaped.replace(u'\'', QStringLiteral("'\\''"));
    return u'\'' + escaped + u'\'';
}

} // namespace

oci::Result<void> RetentionRules::validate() const
{
    if (keepNewest < 0)
        return invalid(QStringLiteral("keep newest must not be negative (%1)").arg(keepNewest));
    if (oci::Result<void> ok = checkPatterns(keep, u"keep"); !ok)
        return ok;
    if (oci::Result<void> ok = checkPatterns(deleteMatching, u"delete"); !ok)
        return ok;
    if (!hasKeepRule() && !hasDeleteRule())
        return invalid(QStringLiteral("the retention rules keep nothing and delete nothing "
                                      "by name or age: they would delete every tag"));
    return {};
}

QJsonObject RetentionRules::toJson() const
{
    QJsonObject object{{QStringLiteral("version"), FormatVersion}};
    if (keepNewest > 0)
        object.insert(QStringLiteral("keepNewest"), keepNewest);
    if (!keep.isEmpty())
        object.insert(QStringLiteral("keep"), QJsonArray::fromStringList(keep));
    if (deleteOlderThan.isValid())
        object.insert(QStringLiteral("deleteOlderThan"),
                      deleteOlderThan.toUTC().toString(Qt::ISODate));
    if (!deleteMatching.isEmpty())
        object.insert(QStringLiteral("deleteMatching"), QJsonArray::fromStringList(deleteMatching));
    return object;
}

oci::Result<RetentionRules> RetentionRules::fromJson(const QJsonObject &object)
{
    const int version = object.value(u"version").toInt(FormatVersion);
    if (version != FormatVersion)
        return invalid(QStringLiteral("retention rules of version %1 are not understood (this "
                                      "Lading reads version %2)")
                           .arg(version)
                           .arg(FormatVersion));
    RetentionRules rules;
    const QJsonValue newest = object.value(u"keepNewest");
    if (!newest.isUndefined()) {
        if (!newest.isDouble() || newest.toDouble() != double(newest.toInt()))
            return invalid(QStringLiteral("retention rules: \"keepNewest\" is not a whole number"));
        rules.keepNewest = newest.toInt();
    }
    oci::Result<QStringList> keep = readPatterns(object, QStringLiteral("keep"));
    if (!keep)
        return keep.error();
    rules.keep = keep.value();
    oci::Result<QStringList> matching = readPatterns(object, QStringLiteral("deleteMatching"));
    if (!matching)
        return matching.error();
    rules.deleteMatching = matching.value();
    const QJsonValue olderThan = object.value(u"deleteOlderThan");
    if (!olderThan.isUndefined()) {
        QDateTime date = QDateTime::fromString(olderThan.toString(), Qt::ISODate);
        if (!olderThan.isString() || !date.isValid())
            return invalid(QStringLiteral("retention rules: \"deleteOlderThan\" is not an ISO "
                                          "8601 date"));
        if (date.timeSpec() == Qt::LocalTime)
            date.setTimeSpec(Qt::UTC); // the same rule everywhere it is read
        rules.deleteOlderThan = date.toUTC();
    }
    if (oci::Result<void> ok = rules.validate(); !ok)
        return ok.error();
    return rules;
}

QString RetentionRules::describe() const
{
    QStringList words;
    if (keepNewest > 0)
        words << QStringLiteral("--keep-newest %1").arg(keepNewest);
    for (const QString &pattern : keep)
        words << u"--keep " + shellQuoted(pattern);
    if (deleteOlderThan.isValid())
        words << u"--older-than " + deleteOlderThan.toUTC().toString(Qt::ISODate);
    for (const QString &pattern : deleteMatching)
        words << u"--delete " + shellQuoted(pattern);
    return words.join(u' ');
}

} // namespace ops
