#include "ops/journal/journal.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStandardPaths>

#include <algorithm>
#include <atomic>

namespace ops {

namespace {

// The last id time handed out in this process, in ms since the epoch: ids strictly
// increase even when several entries are written within one millisecond.
std::atomic<qint64> lastIdMs{0};

QDateTime nextIdTime()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    qint64 last = lastIdMs.load();
    qint64 next = 0;
    do {
        next = std::max(now, last + 1);
    } while (!lastIdMs.compare_exchange_weak(last, next));
    return QDateTime::fromMSecsSinceEpoch(next, Qt::UTC);
}

const QRegularExpression &idPattern()
{
    static const QRegularExpression pattern(
        QRegularExpression::anchoredPattern(QStringLiteral("\\d{8}-\\d{6}-\\d{3}-[0-9a-f]{8}")));
    return pattern;
}

oci::Error ioError(const QString &message, const QString &path)
{
    return oci::Error(oci::Error::Code::Io, message).withObject(path);
}

constexpr qint64 MaxEntryBytes = 8 * 1024 * 1024; // a 4 MiB manifest in base64 plus fields

} // namespace

Journal::Journal()
    : Journal(defaultFolder())
{
}

Journal::Journal(QString folder)
    : m_folder(std::move(folder))
{
}

QString Journal::defaultFolder()
{
    // Not AppDataLocation: that differs between lading and ladingctl, and an undo must
    // find what either of them deleted.
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
        + QStringLiteral("/lading/journal");
}

QString Journal::pathOf(const QString &id) const
{
    return m_folder + u'/' + id + QStringLiteral(".json");
}

oci::Result<JournalEntry> Journal::add(JournalEntry entry)
{
    const QDateTime time = nextIdTime();
    entry.id = time.toString(QStringLiteral("yyyyMMdd-HHmmss-zzz")) + u'-'
        + QStringLiteral("%1").arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0'));
    entry.time = time;
    return write(std::move(entry), false);
}

oci::Result<JournalEntry> Journal::update(JournalEntry entry)
{
    return write(std::move(entry), true);
}

oci::Result<JournalEntry> Journal::write(JournalEntry entry, bool mustExist)
{
    if (!idPattern().match(entry.id).hasMatch())
        return oci::Error(oci::Error::Code::InvalidArgument,
                          QStringLiteral("'%1' is not a journal entry id").arg(entry.id.left(80)));
    const QString path = pathOf(entry.id);
    if (mustExist && !QFile::exists(path))
        return oci::Error(oci::Error::Code::NotFound,
                          QStringLiteral("the journal has no entry %1").arg(entry.id))
            .withObject(path);
    if (!QDir().mkpath(m_folder))
        return ioError(QStringLiteral("cannot make the journal folder"), m_folder);
    entry.updated = QDateTime::currentDateTimeUtc();
    if (entry.updated < entry.time)
        entry.updated = entry.time; // ids of a burst run a few ms ahead of the clock
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return ioError(QStringLiteral("cannot write the journal: ") + file.errorString(), path);
    file.write(QJsonDocument(entry.toJson()).toJson(QJsonDocument::Indented));
    if (!file.commit())
        return ioError(QStringLiteral("cannot write the journal: ") + file.errorString(), path);
    return entry;
}

oci::Result<JournalEntry> Journal::read(const QString &id) const
{
    if (!idPattern().match(id).hasMatch())
        return oci::Error(oci::Error::Code::InvalidArgument,
                          QStringLiteral("'%1' is not a journal entry id").arg(id.left(80)));
    const QString path = pathOf(id);
    QFile file(path);
    if (!file.exists())
        return oci::Error(oci::Error::Code::NotFound,
                          QStringLiteral("the journal has no entry %1").arg(id))
            .withObject(path);
    if (!file.open(QIODevice::ReadOnly))
        return ioError(QStringLiteral("cannot read the journal: ") + file.errorString(), path);
    if (file.size() > MaxEntryBytes)
        return oci::Error(oci::Error::Code::SizeLimitExceeded,
                          QStringLiteral("the journal entry is %1 bytes, over the limit")
                              .arg(file.size()))
            .withObject(path);
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!document.isObject())
        return oci::Error(oci::Error::Code::MalformedDocument,
                          QStringLiteral("the journal entry is not a JSON object: ")
                              + parseError.errorString())
            .withObject(path);
    oci::Result<JournalEntry> entry = JournalEntry::fromJson(document.object());
    if (!entry)
        return oci::Error(entry.error()).withObject(path);
    if (entry->id != id)
        return oci::Error(oci::Error::Code::MalformedDocument,
                          QStringLiteral("the journal entry says it is %1").arg(entry->id.left(80)))
            .withObject(path);
    return entry;
}

QList<JournalEntry> Journal::entries(QStringList *damaged) const
{
    QStringList names = QDir(m_folder).entryList({QStringLiteral("*.json")}, QDir::Files);
    // Ids sort by the time they were given: the names, newest first.
    std::sort(names.begin(), names.end(), std::greater<>());
    QList<JournalEntry> found;
    for (const QString &name : std::as_const(names)) {
        const QString id = name.chopped(5);
        oci::Result<JournalEntry> entry = read(id);
        if (entry)
            found << std::move(entry).value();
        else if (damaged)
            *damaged << name + QStringLiteral(": ") + entry.error().message();
    }
    return found;
}

QList<JournalEntry> Journal::entriesOfRun(const QString &run) const
{
    QList<JournalEntry> found;
    const QList<JournalEntry> all = entries();
    for (auto it = all.crbegin(); it != all.crend(); ++it) {
        if (it->run == run)
            found << *it;
    }
    return found;
}

} // namespace ops
