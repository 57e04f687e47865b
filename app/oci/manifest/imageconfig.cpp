#include "oci/manifest/imageconfig.h"

#include "oci/manifest/jsonfields.h"
#include "oci/manifest/strictjson.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace oci {

namespace {

// RFC 3339 as Go writes it, with up to nanoseconds; invalid when absent or garbage.
QDateTime parseTimestamp(const QString &text)
{
    if (text.isEmpty())
        return {};
    return QDateTime::fromString(text, Qt::ISODateWithMs);
}

QList<HistoryEntry> readHistory(JsonFields &fields)
{
    const QJsonArray array = fields.array(QLatin1String("history"));
    QList<HistoryEntry> history;
    history.reserve(array.size());
    for (qsizetype i = 0; i < array.size() && fields.ok(); ++i) {
        if (!array.at(i).isObject()) {
            fields.fail(fields.pathOf(QLatin1String("history"), i), QStringLiteral("must be an object"));
            break;
        }
        JsonFields entryFields(array.at(i).toObject(), fields.pathOf(QLatin1String("history"), i));
        HistoryEntry entry;
        entry.created = parseTimestamp(entryFields.string(QLatin1String("created")));
        entry.createdBy = entryFields.string(QLatin1String("created_by"));
        entry.author = entryFields.string(QLatin1String("author"));
        entry.comment = entryFields.string(QLatin1String("comment"));
        entry.emptyLayer = entryFields.boolean(QLatin1String("empty_layer"));
        if (!entryFields.ok())
            fields.fail(entryFields.error());
        history.append(std::move(entry));
    }
    return history;
}

} // namespace

Result<ImageConfig> ImageConfig::parse(const QByteArray &bytes)
{
    if (bytes.size() > MaxSize) {
        return Error(Error::Code::SizeLimitExceeded,
                     QStringLiteral("image config of %1 bytes is over the %2-byte limit")
                         .arg(bytes.size())
                         .arg(MaxSize));
    }
    if (Result<void> strict = validateStrictJson(bytes); !strict.ok())
        return strict.error();
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        return Error(Error::Code::MalformedDocument,
                     QStringLiteral("an image config must be a JSON object"));
    }
    const QJsonObject root = document.object();

    Result<Platform> platform = Platform::fromJson(root, u"");
    if (!platform.ok())
        return platform.error();

    ImageConfig config;
    config.platform = std::move(platform).value();
    JsonFields fields(root, QString());
    config.created = parseTimestamp(fields.string(QLatin1String("created")));
    config.author = fields.string(QLatin1String("author"));

    JsonFields run(fields.object(QLatin1String("config")), QStringLiteral("config"));
    config.entrypoint = run.stringList(QLatin1String("Entrypoint"), JsonFields::AcceptSingleString);
    config.cmd = run.stringList(QLatin1String("Cmd"), JsonFields::AcceptSingleString);
    config.env = run.stringList(QLatin1String("Env"));
    config.workingDir = run.string(QLatin1String("WorkingDir"));
    config.user = run.string(QLatin1String("User"));
    config.exposedPorts = run.objectKeys(QLatin1String("ExposedPorts"));
    config.volumes = run.objectKeys(QLatin1String("Volumes"));
    config.labels = run.stringMap(QLatin1String("Labels"));
    config.stopSignal = run.string(QLatin1String("StopSignal"));
    if (!run.ok())
        fields.fail(run.error());

    config.history = readHistory(fields);

    JsonFields rootfs(fields.object(QLatin1String("rootfs")), QStringLiteral("rootfs"));
    config.rootfsType = rootfs.string(QLatin1String("type"));
    const QStringList diffIds = rootfs.stringList(QLatin1String("diff_ids"));
    for (qsizetype i = 0; i < diffIds.size() && rootfs.ok(); ++i) {
        Result<Digest> digest = Digest::parse(diffIds.at(i));
        if (digest.ok())
            config.diffIds.append(std::move(digest).value());
        else
            rootfs.fail(rootfs.pathOf(QLatin1String("diff_ids"), i), digest.error().message());
    }
    if (!rootfs.ok())
        fields.fail(rootfs.error());

    if (!fields.ok())
        return fields.error();
    return config;
}

} // namespace oci
