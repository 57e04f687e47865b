#include "ops/journal/journalentry.h"

#include <QJsonArray>
#include <QJsonObject>

namespace ops {

namespace {

const QString Format = QStringLiteral("lading-journal-entry/1");

QString timeText(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QDateTime timeFrom(const QJsonValue &value)
{
    QDateTime time = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    return time.isValid() ? time.toUTC() : QDateTime();
}

oci::Error malformed(const QString &what)
{
    return oci::Error(oci::Error::Code::MalformedDocument,
                      QStringLiteral("not a Lading journal entry: %1").arg(what));
}

const QList<std::pair<JournalEntry::State, QLatin1String>> &stateNames()
{
    static const QList<std::pair<JournalEntry::State, QLatin1String>> names{
        {JournalEntry::State::Pending, QLatin1String("pending")},
        {JournalEntry::State::Done, QLatin1String("done")},
        {JournalEntry::State::Failed, QLatin1String("failed")},
        {JournalEntry::State::Skipped, QLatin1String("skipped")},
        {JournalEntry::State::Undone, QLatin1String("undone")},
    };
    return names;
}

} // namespace

QString JournalEntry::throwawayMethod(const oci::Digest &digest)
{
    return QStringLiteral("throwaway manifest ") + digest.toString();
}

bool JournalEntry::canUndo() const
{
    if (manifest.isEmpty())
        return false;
    return state == State::Done || state == State::Pending || state == State::Failed;
}

QString JournalEntry::stateName(State state)
{
    for (const auto &[value, name] : stateNames()) {
        if (value == state)
            return name;
    }
    return {};
}

QString JournalEntry::kindName(DeleteStep::Kind kind)
{
    return kind == DeleteStep::Kind::RemoveTag ? QStringLiteral("removeTag")
                                               : QStringLiteral("deleteManifest");
}

QString JournalEntry::describe() const
{
    const QString what = kind == DeleteStep::Kind::RemoveTag
        ? QStringLiteral("removed tag %1:%2 (from %3)")
              .arg(repository, tags.value(0), digest.shortString())
        : QStringLiteral("deleted %1@%2%3")
              .arg(repository, digest.shortString(),
                   tags.isEmpty() ? QString()
                                  : QStringLiteral(" (%1)").arg(tags.join(QStringLiteral(", "))));
    QString line = time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) + u' '
        + stateName(state) + QStringLiteral(": ") + what + QStringLiteral(" on ") + registry;
    if (!method.isEmpty())
        line += QStringLiteral(", by ") + method;
    if (!reason.isEmpty() && (state == State::Failed || state == State::Skipped))
        line += QStringLiteral(" — ") + reason;
    if (isPartlyUndone())
        line += QStringLiteral(" — partly: left alone, as they had moved on: ") + undoSkipped.join(QStringLiteral(", "));
    return line;
}

QJsonObject JournalEntry::toJson() const
{
    QJsonObject object{
        {QStringLiteral("format"), Format},
        {QStringLiteral("id"), id},
        {QStringLiteral("time"), timeText(time)},
        {QStringLiteral("updated"), timeText(updated)},
        {QStringLiteral("run"), run},
        {QStringLiteral("step"), step},
        {QStringLiteral("registry"), registry},
        {QStringLiteral("repository"), repository},
        {QStringLiteral("kind"), kindName(kind)},
        {QStringLiteral("digest"), digest.toString()},
        {QStringLiteral("mediaType"), mediaType},
        {QStringLiteral("tags"), QJsonArray::fromStringList(tags)},
        {QStringLiteral("state"), stateName(state)},
    };
    if (!manifest.isEmpty())
        object.insert(QStringLiteral("manifest"), QString::fromLatin1(manifest.toBase64()));
    if (!method.isEmpty())
        object.insert(QStringLiteral("method"), method);
    if (!throwaway.isNull())
        object.insert(QStringLiteral("throwaway"), throwaway.toString());
    if (!reason.isEmpty())
        object.insert(QStringLiteral("reason"), reason);
    if (!errorCode.isEmpty())
        object.insert(QStringLiteral("errorCode"), errorCode);
    if (httpStatus != 0)
        object.insert(QStringLiteral("httpStatus"), httpStatus);
    if (undoneTime.isValid())
        object.insert(QStringLiteral("undoneTime"), timeText(undoneTime));
    if (!undoSkipped.isEmpty())
        object.insert(QStringLiteral("undoSkipped"), QJsonArray::fromStringList(undoSkipped));
    return object;
}

oci::Result<JournalEntry> JournalEntry::fromJson(const QJsonObject &object)
{
    if (object.value(u"format").toString() != Format)
        return malformed(QStringLiteral("no \"format\": \"%1\"").arg(Format));
    JournalEntry entry;
    entry.id = object.value(u"id").toString();
    if (entry.id.isEmpty())
        return malformed(QStringLiteral("no id"));
    entry.time = timeFrom(object.value(u"time"));
    entry.updated = timeFrom(object.value(u"updated"));
    if (!entry.time.isValid())
        return malformed(QStringLiteral("no valid time"));
    entry.run = object.value(u"run").toString();
    entry.step = object.value(u"step").toInt(-1);
    entry.registry = object.value(u"registry").toString();
    entry.repository = object.value(u"repository").toString();

    const QString kind = object.value(u"kind").toString();
    if (kind == kindName(DeleteStep::Kind::RemoveTag))
        entry.kind = DeleteStep::Kind::RemoveTag;
    else if (kind == kindName(DeleteStep::Kind::DeleteManifest))
        entry.kind = DeleteStep::Kind::DeleteManifest;
    else
        return malformed(QStringLiteral("unknown kind '%1'").arg(kind.left(40)));

    const oci::Result<oci::Digest> digest = oci::Digest::parse(object.value(u"digest").toString());
    if (!digest)
        return malformed(QStringLiteral("bad digest: ") + digest.error().message());
    entry.digest = digest.value();
    entry.mediaType = object.value(u"mediaType").toString();

    const QJsonValue manifest = object.value(u"manifest");
    if (!manifest.isUndefined()) {
        const auto decoded = QByteArray::fromBase64Encoding(manifest.toString().toLatin1(),
                                                            QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded || decoded.decoded.isEmpty())
            return malformed(QStringLiteral("the manifest is not base64"));
        entry.manifest = decoded.decoded;
        // The point of the journal is the exact bytes: a copy that changed is no copy.
        if (!entry.digest.matches(entry.manifest))
            return oci::Error(oci::Error::Code::DigestMismatch,
                              QStringLiteral("the journal's copy of %1 does not hash to it (the "
                                             "file was damaged or edited)")
                                  .arg(entry.digest.toString()));
    }

    const QJsonArray tags = object.value(u"tags").toArray();
    for (const QJsonValue &tag : tags)
        entry.tags << tag.toString();
    entry.method = object.value(u"method").toString();
    if (const QString throwaway = object.value(u"throwaway").toString(); !throwaway.isEmpty()) {
        const oci::Result<oci::Digest> parsed = oci::Digest::parse(throwaway);
        if (!parsed)
            return malformed(QStringLiteral("bad throwaway digest"));
        entry.throwaway = parsed.value();
    }

    const QString state = object.value(u"state").toString();
    bool knownState = false;
    for (const auto &[value, name] : stateNames()) {
        if (name == state) {
            entry.state = value;
            knownState = true;
        }
    }
    if (!knownState)
        return malformed(QStringLiteral("unknown state '%1'").arg(state.left(40)));
    entry.reason = object.value(u"reason").toString();
    entry.errorCode = object.value(u"errorCode").toString();
    entry.httpStatus = object.value(u"httpStatus").toInt();
    entry.undoneTime = timeFrom(object.value(u"undoneTime"));
    const QJsonArray skipped = object.value(u"undoSkipped").toArray();
    for (const QJsonValue &tag : skipped)
        entry.undoSkipped << tag.toString();
    return entry;
}

} // namespace ops
