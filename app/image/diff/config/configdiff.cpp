#include "image/diff/config/configdiff.h"

#include "image/diff/config/historyalignment.h"
#include "oci/manifest/imageconfig.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QSet>

#include <optional>

namespace image {

namespace {

QString jsonText(const QJsonValue &value)
{
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    // A scalar: wrapped in an array to serialise, the brackets cut off.
    const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(wrapped.sliced(1, wrapped.size() - 2));
}

QString listText(const QStringList &list)
{
    return list.isEmpty() ? QString() : jsonText(QJsonArray::fromStringList(list));
}

ConfigChangeKind kindOf(bool hadOld, bool hasNew)
{
    if (!hadOld)
        return ConfigChangeKind::Added;
    if (!hasNew)
        return ConfigChangeKind::Removed;
    return ConfigChangeKind::Changed;
}

void diffList(ConfigField field, const QStringList &a, const QStringList &b,
              QList<ConfigChange> &out)
{
    if (a == b)
        return;
    ConfigChange change;
    change.field = field;
    change.kind = kindOf(!a.isEmpty(), !b.isEmpty());
    change.oldValue = listText(a);
    change.newValue = listText(b);
    change.oldList = a;
    change.newList = b;
    out.append(std::move(change));
}

void diffValue(ConfigField field, const QString &a, const QString &b, QList<ConfigChange> &out)
{
    if (a == b)
        return;
    out.append(ConfigChange{field, kindOf(!a.isEmpty(), !b.isEmpty()), {}, a, b, {}, {}});
}

// Both maps are keyed by the name compared; values carry the name shown and the value.
struct Named
{
    QString name;
    QString value;
};

void diffMaps(ConfigField field, const QMap<QString, Named> &a, const QMap<QString, Named> &b,
              QList<ConfigChange> &out)
{
    // Merged walk over two sorted maps: by key, each key once.
    auto ia = a.cbegin();
    auto ib = b.cbegin();
    while (ia != a.cend() || ib != b.cend()) {
        if (ib == b.cend() || (ia != a.cend() && ia.key() < ib.key())) {
            out.append(ConfigChange{field, ConfigChangeKind::Removed, ia->name, ia->value, {}, {}, {}});
            ++ia;
        } else if (ia == a.cend() || ib.key() < ia.key()) {
            out.append(ConfigChange{field, ConfigChangeKind::Added, ib->name, {}, ib->value, {}, {}});
            ++ib;
        } else {
            if (ia->value != ib->value) {
                out.append(ConfigChange{field, ConfigChangeKind::Changed, ib->name, ia->value,
                                        ib->value, {}, {}});
            }
            ++ia;
            ++ib;
        }
    }
}

void diffSets(ConfigField field, const QStringList &a, const QStringList &b,
              QList<ConfigChange> &out)
{
    QMap<QString, Named> mapA;
    QMap<QString, Named> mapB;
    for (const QString &key : a)
        mapA.insert(key, Named{key, {}});
    for (const QString &key : b)
        mapB.insert(key, Named{key, {}});
    diffMaps(field, mapA, mapB, out);
}

// "NAME=value" entries by name, the last setting of a name winning (Docker's merge).
// An entry without '=' is a name with an empty value.
QMap<QString, Named> envMap(const QStringList &env, bool foldCase)
{
    QMap<QString, Named> map;
    for (const QString &entry : env) {
        const qsizetype equals = entry.indexOf(u'=');
        const QString name = equals < 0 ? entry : entry.first(equals);
        const QString value = equals < 0 ? QString() : entry.sliced(equals + 1);
        map.insert(foldCase ? name.toUpper() : name, Named{name, value});
    }
    return map;
}

QMap<QString, Named> labelMap(const QMap<QString, QString> &labels)
{
    QMap<QString, Named> map;
    for (auto it = labels.cbegin(); it != labels.cend(); ++it)
        map.insert(it.key(), Named{it.key(), it.value()});
    return map;
}

// Docker names a port by number and protocol; a bare number means TCP.
QStringList normalisedPorts(const QStringList &ports)
{
    QStringList normalised;
    normalised.reserve(ports.size());
    for (const QString &port : ports)
        normalised.append(port.contains(u'/') ? port : port + u"/tcp");
    return normalised;
}

// The members of "config" not parsed into ImageConfig, null meaning absent; nullopt when
// `raw` is not a JSON object.
std::optional<QMap<QString, Named>> otherMembers(const QByteArray &raw)
{
    // Parsed by ImageConfig; or written per build by the classic builder (the build
    // container's name, the parent image's ID, terminal flags) and noise in a diff.
    static const QSet<QString> skipped = {
        QStringLiteral("Entrypoint"),   QStringLiteral("Cmd"),          QStringLiteral("Env"),
        QStringLiteral("WorkingDir"),   QStringLiteral("User"),         QStringLiteral("ExposedPorts"),
        QStringLiteral("Volumes"),      QStringLiteral("Labels"),       QStringLiteral("StopSignal"),
        QStringLiteral("Hostname"),     QStringLiteral("Domainname"),   QStringLiteral("Image"),
        QStringLiteral("AttachStdin"),  QStringLiteral("AttachStdout"), QStringLiteral("AttachStderr"),
        QStringLiteral("Tty"),          QStringLiteral("OpenStdin"),    QStringLiteral("StdinOnce"),
    };
    const QJsonDocument document = QJsonDocument::fromJson(raw);
    if (!document.isObject())
        return std::nullopt;
    QMap<QString, Named> map;
    const QJsonObject config = document.object().value(QLatin1String("config")).toObject();
    for (auto it = config.begin(); it != config.end(); ++it) {
        if (!skipped.contains(it.key()) && !it.value().isNull())
            map.insert(it.key(), Named{it.key(), jsonText(it.value())});
    }
    return map;
}

ConfigDiff diffParsed(const oci::ImageConfig &a, const oci::ImageConfig &b, const QByteArray *rawA,
                      const QByteArray *rawB)
{
    ConfigDiff diff;
    QList<ConfigChange> &out = diff.changes;
    diffList(ConfigField::Entrypoint, a.entrypoint, b.entrypoint, out);
    diffList(ConfigField::Cmd, a.cmd, b.cmd, out);
    const bool windows = a.platform.os == u"windows" || b.platform.os == u"windows";
    diffMaps(ConfigField::Env, envMap(a.env, windows), envMap(b.env, windows), out);
    diffMaps(ConfigField::Label, labelMap(a.labels), labelMap(b.labels), out);
    diffValue(ConfigField::User, a.user, b.user, out);
    diffValue(ConfigField::WorkingDir, a.workingDir, b.workingDir, out);
    diffSets(ConfigField::ExposedPort, normalisedPorts(a.exposedPorts),
             normalisedPorts(b.exposedPorts), out);
    diffSets(ConfigField::Volume, a.volumes, b.volumes, out);
    diffValue(ConfigField::StopSignal, a.stopSignal, b.stopSignal, out);
    if (rawA && rawB) {
        const std::optional<QMap<QString, Named>> otherA = otherMembers(*rawA);
        const std::optional<QMap<QString, Named>> otherB = otherMembers(*rawB);
        if (otherA && otherB)
            diffMaps(ConfigField::Other, *otherA, *otherB, out);
    }
    diffValue(ConfigField::Os, a.platform.os, b.platform.os, out);
    diffValue(ConfigField::Architecture, a.platform.architecture, b.platform.architecture, out);
    diffValue(ConfigField::Variant, a.platform.variant, b.platform.variant, out);
    diffValue(ConfigField::OsVersion, a.platform.osVersion, b.platform.osVersion, out);
    diff.history = alignHistories(a.history, b.history);
    return diff;
}

} // namespace

QString configFieldName(ConfigField field)
{
    switch (field) {
    case ConfigField::Entrypoint:
        return QStringLiteral("entrypoint");
    case ConfigField::Cmd:
        return QStringLiteral("cmd");
    case ConfigField::Env:
        return QStringLiteral("env");
    case ConfigField::Label:
        return QStringLiteral("label");
    case ConfigField::User:
        return QStringLiteral("user");
    case ConfigField::WorkingDir:
        return QStringLiteral("workingDir");
    case ConfigField::ExposedPort:
        return QStringLiteral("exposedPort");
    case ConfigField::Volume:
        return QStringLiteral("volume");
    case ConfigField::StopSignal:
        return QStringLiteral("stopSignal");
    case ConfigField::Os:
        return QStringLiteral("os");
    case ConfigField::Architecture:
        return QStringLiteral("architecture");
    case ConfigField::Variant:
        return QStringLiteral("variant");
    case ConfigField::OsVersion:
        return QStringLiteral("osVersion");
    case ConfigField::Other:
        return QStringLiteral("config");
    }
    return {};
}

QString configChangeKindName(ConfigChangeKind kind)
{
    switch (kind) {
    case ConfigChangeKind::Added:
        return QStringLiteral("added");
    case ConfigChangeKind::Removed:
        return QStringLiteral("removed");
    case ConfigChangeKind::Changed:
        return QStringLiteral("changed");
    }
    return {};
}

bool ConfigDiff::historyChanged() const
{
    for (const HistoryRow &row : history) {
        if (row.differs)
            return true;
    }
    return false;
}

QList<ConfigChange> ConfigDiff::changesOf(ConfigField field) const
{
    QList<ConfigChange> selected;
    for (const ConfigChange &change : changes) {
        if (change.field == field)
            selected.append(change);
    }
    return selected;
}

int ConfigDiff::changedKeyCount() const
{
    return int(changes.size()) + (historyChanged() ? 1 : 0);
}

ConfigDiff diffConfigs(const oci::ImageConfig &a, const oci::ImageConfig &b)
{
    return diffParsed(a, b, nullptr, nullptr);
}

ConfigDiff diffConfigs(const oci::ImageConfig &a, const oci::ImageConfig &b,
                       const QByteArray &rawA, const QByteArray &rawB)
{
    return diffParsed(a, b, &rawA, &rawB);
}

} // namespace image
