#pragma once

#include "oci/core/error.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace oci {

// Typed reads of one JSON object's members for the document parsers (private to
// oci/manifest). The first problem is kept, with the member's path, and later reads just
// return empty values, so a parser reads everything and checks ok() once. Absent and
// null members read as empty (Go decodes null to the zero value); `Required` refuses them.
class JsonFields final
{
public:
    enum Presence { Optional, Required };

    JsonFields(const QJsonObject &object, QString where);

    bool has(QLatin1String key) const;
    QString string(QLatin1String key, Presence presence = Optional);
    enum SingleString { ListOnly, AcceptSingleString };
    // An array of strings; with AcceptSingleString a lone string reads as a one-entry
    // list (Docker's strslice for Cmd and Entrypoint).
    QStringList stringList(QLatin1String key, SingleString single = ListOnly);
    QMap<QString, QString> stringMap(QLatin1String key);
    // The member names of an object value ("ExposedPorts", "Volumes"), sorted.
    QStringList objectKeys(QLatin1String key);
    QJsonObject object(QLatin1String key, Presence presence = Optional);
    QJsonArray array(QLatin1String key, Presence presence = Optional);
    std::optional<qint64> integer(QLatin1String key, Presence presence = Optional);
    bool boolean(QLatin1String key);

    // "layers[2]" under this object's path.
    QString pathOf(QLatin1String key) const;
    QString pathOf(QLatin1String key, qsizetype index) const;

    bool ok() const { return m_error.code() == Error::Code::None; }
    const Error &error() const { return m_error; }
    // Records a problem found by the caller (first one wins).
    void fail(const QString &path, const QString &problem);
    void fail(const Error &error);

private:
    // The member's value, or an undefined one after recording a type problem.
    QJsonValue member(QLatin1String key, Presence presence, QJsonValue::Type type,
                      const char *typeName);

    QJsonObject m_object;
    QString m_where;
    Error m_error;
};

} // namespace oci
