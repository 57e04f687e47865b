#include "oci/transport/registryerrorbody.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace oci {

namespace {

constexpr qsizetype MaxErrorBodyBytes = 64 * 1024;

QString detailText(const QJsonValue &detail)
{
    switch (detail.type()) {
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(detail.toObject()).toJson(QJsonDocument::Compact));
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(detail.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::String:
        return detail.toString(); // plain text reads better than a quoted JSON string
    case QJsonValue::Double:
        return QString::number(detail.toDouble());
    case QJsonValue::Bool:
        return detail.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    default:
        return {};
    }
}

} // namespace

QList<RegistryErrorEntry> parseRegistryErrorBody(QByteArrayView body)
{
    // A cut JSON body would not parse anyway; bigger bodies are not worth the memory.
    if (body.size() > MaxErrorBodyBytes || body.isEmpty())
        return {};
    const QJsonDocument document = QJsonDocument::fromJson(body.toByteArray());
    if (!document.isObject())
        return {};
    const QJsonValue errors = document.object().value(u"errors");
    if (!errors.isArray())
        return {};
    QList<RegistryErrorEntry> entries;
    const QJsonArray list = errors.toArray();
    for (const QJsonValue &item : list) {
        if (!item.isObject())
            continue;
        const QJsonObject object = item.toObject();
        RegistryErrorEntry entry;
        entry.code = object.value(u"code").toString().trimmed().toUpper();
        entry.message = object.value(u"message").toString();
        entry.detail = detailText(object.value(u"detail"));
        if (entry.code.isEmpty() && entry.message.isEmpty())
            continue;
        if (entry.code.isEmpty())
            entry.code = QStringLiteral("UNKNOWN"); // distribution's meaning for "no code"
        entries.append(std::move(entry));
        if (entries.size() >= 100) // a sane bound for what a person will read
            break;
    }
    return entries;
}

} // namespace oci
