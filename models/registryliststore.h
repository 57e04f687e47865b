#pragma once

#include "oci/core/result.h"
#include "oci/transport/registryconfig.h"

#include <QList>
#include <QString>
#include <QStringList>

// One configured registry as remembered between runs. There is deliberately no password
// field: secrets never go into the settings file.
struct RegistryEntry
{
    oci::RegistryConfig config;
    QString username;
    // Repositories the person added by name (normalised, "library/debian"), for registries
    // that do not list theirs; shown beside whatever the catalog lists.
    QStringList repositories;

    friend bool operator==(const RegistryEntry &a, const RegistryEntry &b)
    {
        return a.config.host == b.config.host && a.config.plainHttp == b.config.plainHttp &&
               a.config.insecureSkipTlsVerify == b.config.insecureSkipTlsVerify &&
               a.config.caFile == b.config.caFile && a.config.authMode == b.config.authMode &&
               a.username == b.username && a.repositories == b.repositories;
    }
};

// The list of registries in the settings file (INI, array group "registries": host,
// plainHttp, insecure, caFile, auth, username, repositories). The auth mode is stored by
// its name ("anonymous", "password", "docker"), never a secret.
class RegistryListStore final
{
public:
    explicit RegistryListStore(QString settingsFile = defaultSettingsFile());

    // <AppConfigLocation>/lading.conf; test mode moves it with QStandardPaths.
    static QString defaultSettingsFile();
    const QString &settingsFile() const { return m_settingsFile; }

    QList<RegistryEntry> load() const;
    oci::Result<void> save(const QList<RegistryEntry> &entries) const;

private:
    QString m_settingsFile;
};
