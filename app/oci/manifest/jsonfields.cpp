#include "oci/manifest/jsonfields.h"

#include <limits>

namespace oci {

JsonFields::JsonFields(const QJsonObject &object, QString where)
    : m_object(object)
    , m_where(std::move(where))
{}

bool JsonFields::has(QLatin1String key) const
{
    const QJsonValue value = m_object.value(key);
    return !value.isUndefined() && !value.isNull();
}

QString JsonFields::pathOf(QLatin1String key) const
{
    return m_where.isEmpty() ? QString(key) : m_where + QLatin1Char('.') + key;
}

QString JsonFields::pathOf(QLatin1String key, qsizetype index) const
{
    return pathOf(key) + QLatin1Char('[') + QString::number(index) + QLatin1Char(']');
}

void JsonFields::fail(const QString &path, const QString &problem)
{
    if (ok())
        m_error = Error(Error::Code::MalformedDocument, path + QStringLiteral(": ") + problem);
}

void JsonFields::fail(const Error &error)
{
    if (ok())
        m_error = error;
}

QJsonValue JsonFields::member(QLatin1String key, Presence presence, QJsonValue::Type type,
                              const char *typeName)
{
    if (!ok())
        return {};
    const QJsonValue value = m_object.value(key);
    if (value.isUndefined() || value.isNull()) {
        if (presence == Required)
            fail(pathOf(key), QStringLiteral("missing"));
        return QJsonValue(QJsonValue::Undefined);
    }
    if (value.type() != type) {
        fail(pathOf(key), QStringLiteral("must be ") + QLatin1String(typeName));
        return QJsonValue(QJsonValue::Undefined);
    }
    return value;
}

QString JsonFields::string(QLatin1String key, Presence presence)
{
    return member(key, presence, QJsonValue::String, "a string").toString();
}

QStringList JsonFields::stringList(QLatin1String key, SingleString single)
{
    if (single == AcceptSingleString && ok() && m_object.value(key).isString())
        return {m_object.value(key).toString()};
    const QJsonArray values = member(key, Optional, QJsonValue::Array, "an array").toArray();
    QStringList list;
    list.reserve(values.size());
    for (qsizetype i = 0; i < values.size(); ++i) {
        if (!values.at(i).isString()) {
            fail(pathOf(key, i), QStringLiteral("must be a string"));
            return {};
        }
        list.append(values.at(i).toString());
    }
    return list;
}

QMap<QString, QString> JsonFields::stringMap(QLatin1String key)
{
    const QJsonObject values = member(key, Optional, QJsonValue::Object, "an object").toObject();
    QMap<QString, QString> map;
    for (auto it = values.begin(); it != values.end(); ++it) {
        if (!it.value().isString()) {
            fail(pathOf(key) + QLatin1Char('.') + it.key(), QStringLiteral("must be a string"));
            return {};
        }
        map.insert(it.key(), it.value().toString());
    }
    return map;
}

QStringList JsonFields::objectKeys(QLatin1String key)
{
    QStringList keys = member(key, Optional, QJsonValue::Object, "an object").toObject().keys();
    keys.sort();
    return keys;
}

QJsonObject JsonFields::object(QLatin1String key, Presence presence)
{
    return member(key, presence, QJsonValue::Object, "an object").toObject();
}

QJsonArray JsonFields::array(QLatin1String key, Presence presence)
{
    return member(key, presence, QJsonValue::Array, "an array").toArray();
}

std::optional<qint64> JsonFields::integer(QLatin1String key, Presence presence)
{
    const QJsonValue value = member(key, presence, QJsonValue::Double, "a number");
    if (value.isUndefined())
        return std::nullopt;
    // toInteger() answers the default for fractions and values outside qint64.
    constexpr qint64 notAnInteger = std::numeric_limits<qint64>::min();
    const qint64 integer = value.toInteger(notAnInteger);
    if (integer == notAnInteger) {
        fail(pathOf(key), QStringLiteral("must be a whole number"));
        return std::nullopt;
    }
    return integer;
}

bool JsonFields::boolean(QLatin1String key)
{
    return member(key, Optional, QJsonValue::Bool, "true or false").toBool();
}

} // namespace oci
