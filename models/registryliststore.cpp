#include "registryliststore.h"

#include <QSettings>
#include <QStandardPaths>

#include <algorithm>

namespace {

constexpr QLatin1String kGroup("registries");

} // namespace

RegistryListStore::RegistryListStore(QString settingsFile) : m_settingsFile(std::move(settingsFile))
{
}

QString RegistryListStore::defaultSettingsFile()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) +
           QStringLiteral("/lading.conf");
}

QList<RegistryEntry> RegistryListStore::load() const
{
    QSettings settings(m_settingsFile, QSettings::IniFormat);
    QList<RegistryEntry> entries;
    const int count = settings.beginReadArray(kGroup);
    for (int i = 0; i < count; ++i) {
        settings.setArrayIndex(i);
        RegistryEntry entry;
        entry.config.host = settings.value(QStringLiteral("host")).toString().trimmed();
        entry.config.plainHttp = settings.value(QStringLiteral("plainHttp"), false).toBool();
        entry.config.insecureSkipTlsVerify =
            settings.value(QStringLiteral("insecure"), false).toBool();
        entry.config.caFile = settings.value(QStringLiteral("caFile")).toString();
        entry.username = settings.value(QStringLiteral("username")).toString();
        const std::optional<oci::RegistryConfig::AuthMode> mode =
            oci::authModeFromName(settings.value(QStringLiteral("auth")).toString());
        entry.config.authMode = mode ? *mode : oci::authModeForLegacyEntry(entry.username);
        entry.repositories = settings.value(QStringLiteral("repositories")).toStringList();
        entry.repositories.removeAll(QString());
        entry.repositories.removeDuplicates();
        // A hand-edited file may hold blanks or duplicates; keep the first of each host.
        const bool duplicate =
            std::any_of(entries.cbegin(), entries.cend(),
                        [&](const RegistryEntry &e) { return e.config.host == entry.config.host; });
        if (!entry.config.host.isEmpty() && !duplicate)
            entries.append(entry);
    }
    settings.endArray();
    return entries;
}

oci::Result<void> RegistryListStore::save(const QList<RegistryEntry> &entries) const
{
    QSettings settings(m_settingsFile, QSettings::IniFormat);
    settings.remove(kGroup);
    settings.beginWriteArray(kGroup, int(entries.size()));
    for (int i = 0; i < entries.size(); ++i) {
        const RegistryEntry &entry = entries.at(i);
        settings.setArrayIndex(i);
        settings.setValue(QStringLiteral("host"), entry.config.host);
        settings.setValue(QStringLiteral("plainHttp"), entry.config.plainHttp);
        settings.setValue(QStringLiteral("insecure"), entry.config.insecureSkipTlsVerify);
        settings.setValue(QStringLiteral("caFile"), entry.config.caFile);
        settings.setValue(QStringLiteral("auth"), oci::authModeName(entry.config.authMode));
        settings.setValue(QStringLiteral("username"), entry.username);
        if (!entry.repositories.isEmpty())
            settings.setValue(QStringLiteral("repositories"), entry.repositories);
    }
    settings.endArray();
    settings.sync();
    if (settings.status() != QSettings::NoError) {
        return oci::Error(
            oci::Error::Code::Io,
            QStringLiteral("could not write the registry list to %1").arg(m_settingsFile));
    }
    return {};
}
