#include "ops/cleanup/retentionrulesstore.h"

#include "ops/plan/retentionrules.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QSettings>
#include <QUrl>

namespace {

constexpr QLatin1String kGroup("retentionRules");

} // namespace

RetentionRulesStore::RetentionRulesStore(QString settingsFile)
    : m_settingsFile(std::move(settingsFile))
{
}

QString RetentionRulesStore::keyOf(const QString &host, const QString &repository)
{
    // Hosts are case-insensitive; repository names are lower case by the grammar.
    return QString::fromLatin1(QUrl::toPercentEncoding(host.toLower() + u'/' + repository));
}

std::optional<ops::RetentionRules>
RetentionRulesStore::load(const QString &host, const QString &repository, QString *problem) const
{
    if (problem)
        problem->clear();
    QSettings settings(m_settingsFile, QSettings::IniFormat);
    settings.beginGroup(kGroup);
    const QVariant value = settings.value(keyOf(host, repository));
    settings.endGroup();
    if (!value.isValid())
        return std::nullopt;
    const auto fail = [&](const QString &why) -> std::optional<ops::RetentionRules> {
        if (problem)
            *problem =
                QStringLiteral("the retention rules saved for %1/%2 in %3 cannot be read: %4")
                    .arg(host, repository, m_settingsFile, why);
        return std::nullopt;
    };
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(value.toString().toUtf8(), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return fail(parseError.errorString());
    if (!document.isObject())
        return fail(QStringLiteral("the value is not a JSON object"));
    oci::Result<ops::RetentionRules> rules = ops::RetentionRules::fromJson(document.object());
    if (!rules)
        return fail(rules.error().message());
    return std::move(rules).value();
}

oci::Result<void> RetentionRulesStore::save(const QString &host, const QString &repository,
                                            const ops::RetentionRules &rules) const
{
    QSettings settings(m_settingsFile, QSettings::IniFormat);
    settings.beginGroup(kGroup);
    // A string, not a QByteArray: the INI file keeps it readable.
    settings.setValue(
        keyOf(host, repository),
        QString::fromUtf8(QJsonDocument(rules.toJson()).toJson(QJsonDocument::Compact)));
    settings.endGroup();
    settings.sync();
    if (settings.status() != QSettings::NoError)
        return written(QStringLiteral("the retention rules of %1/%2").arg(host, repository));
    return {};
}

oci::Result<void> RetentionRulesStore::remove(const QString &host, const QString &repository) const
{
    QSettings settings(m_settingsFile, QSettings::IniFormat);
    settings.beginGroup(kGroup);
    settings.remove(keyOf(host, repository));
    settings.endGroup();
    settings.sync();
    if (settings.status() != QSettings::NoError)
        return written(
            QStringLiteral("the removal of the retention rules of %1/%2").arg(host, repository));
    return {};
}

oci::Result<void> RetentionRulesStore::written(const QString &what) const
{
    return oci::Error(oci::Error::Code::Io,
                      QStringLiteral("could not write %1 to %2").arg(what, m_settingsFile));
}
