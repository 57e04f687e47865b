// ConfigDiff as JSON (ladingctl diff --json, the report export) and as English lines.
#include "image/diff/config/configdiff.h"

#include "oci/manifest/layerhistory.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace image {

namespace {

bool isListField(ConfigField field)
{
    return field == ConfigField::Entrypoint || field == ConfigField::Cmd;
}

bool isKeyedField(ConfigField field)
{
    return field == ConfigField::Env || field == ConfigField::Label
           || field == ConfigField::ExposedPort || field == ConfigField::Volume
           || field == ConfigField::Other;
}

// Other's values are compact JSON text: back to the JSON value they were.
QJsonValue otherValue(const QString &text)
{
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray('[' + text.toUtf8() + ']'));
    return document.array().first();
}

QJsonValue jsonValue(const ConfigChange &change, bool old)
{
    if (isListField(change.field))
        return QJsonArray::fromStringList(old ? change.oldList : change.newList);
    const QString &text = old ? change.oldValue : change.newValue;
    return change.field == ConfigField::Other ? otherValue(text) : QJsonValue(text);
}

// The field's name in describe()'s lines.
QString wordFor(ConfigField field)
{
    switch (field) {
    case ConfigField::WorkingDir:
        return QStringLiteral("working dir");
    case ConfigField::ExposedPort:
        return QStringLiteral("port");
    case ConfigField::StopSignal:
        return QStringLiteral("stop signal");
    case ConfigField::OsVersion:
        return QStringLiteral("os version");
    default:
        return configFieldName(field);
    }
}

QString orNone(const QString &value)
{
    return value.isEmpty() ? QStringLiteral("(none)") : value;
}

QString lineOf(const ConfigChange &change)
{
    const QString word = wordFor(change.field);
    if (!isKeyedField(change.field))
        return word + u": " + orNone(change.oldValue) + u" → " + orNone(change.newValue);
    const bool bare = change.field == ConfigField::ExposedPort || change.field == ConfigField::Volume;
    switch (change.kind) {
    case ConfigChangeKind::Added:
        return u"+ " + word + u' ' + change.key + (bare ? QString() : QString(u'=' + change.newValue));
    case ConfigChangeKind::Removed:
        return u"- " + word + u' ' + change.key + (bare ? QString() : QString(u'=' + change.oldValue));
    case ConfigChangeKind::Changed:
        break;
    }
    return word + u' ' + change.key + u": " + change.oldValue + u" → " + change.newValue;
}

QString stepText(const QString &createdBy, bool emptyLayer)
{
    const QString command = orNone(oci::LayerHistory::oneLineCommand(createdBy));
    return emptyLayer ? command + u" (empty layer)" : command;
}

} // namespace

QJsonObject ConfigDiff::toJson() const
{
    QJsonArray changeArray;
    for (const ConfigChange &change : changes) {
        QJsonObject object{{QStringLiteral("field"), configFieldName(change.field)},
                           {QStringLiteral("kind"), configChangeKindName(change.kind)}};
        if (isKeyedField(change.field))
            object.insert(QStringLiteral("key"), change.key);
        if (change.kind != ConfigChangeKind::Added)
            object.insert(QStringLiteral("old"), jsonValue(change, true));
        if (change.kind != ConfigChangeKind::Removed)
            object.insert(QStringLiteral("new"), jsonValue(change, false));
        changeArray.append(object);
    }
    QJsonArray historyArray;
    for (const HistoryRow &row : history) {
        QJsonObject object{{QStringLiteral("differs"), row.differs}};
        if (row.indexA >= 0) {
            object.insert(QStringLiteral("a"), row.indexA);
            object.insert(QStringLiteral("createdByA"), row.createdByA);
            object.insert(QStringLiteral("emptyLayerA"), row.emptyLayerA);
        }
        if (row.indexB >= 0) {
            object.insert(QStringLiteral("b"), row.indexB);
            object.insert(QStringLiteral("createdByB"), row.createdByB);
            object.insert(QStringLiteral("emptyLayerB"), row.emptyLayerB);
        }
        historyArray.append(object);
    }
    return QJsonObject{{QStringLiteral("changedKeyCount"), changedKeyCount()},
                       {QStringLiteral("changes"), changeArray},
                       {QStringLiteral("history"), historyArray}};
}

QStringList ConfigDiff::describe() const
{
    QStringList lines;
    for (const ConfigChange &change : changes)
        lines.append(lineOf(change));
    for (const HistoryRow &row : history) {
        if (!row.differs)
            continue;
        const QString a = stepText(row.createdByA, row.emptyLayerA);
        const QString b = stepText(row.createdByB, row.emptyLayerB);
        if (row.indexA < 0)
            lines.append(u"+ history " + b);
        else if (row.indexB < 0)
            lines.append(u"- history " + a);
        else
            lines.append(u"history #" + QString::number(row.indexB) + u": " + a + u" → " + b);
    }
    return lines;
}

} // namespace image
