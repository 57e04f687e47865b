#pragma once

#include "oci/core/result.h"

#include <QString>

#include <optional>

namespace ops {
struct RetentionRules;
}

// The retention rules saved per repository in the settings file (the QSettings INI file
// of the main window): group "retentionRules", one key per registry and repository (host
// and repository percent-encoded into one key, so "team/app" does not become a folder of
// the INI file), the value ops::RetentionRules::toJson() as compact JSON text.
//
// A value that is not valid JSON or not valid rules (hand-edited, written by a newer
// Lading) is not used: load() returns nothing and says why in `problem`.
//
//     RetentionRulesStore store(settingsFile);
//     if (std::optional<ops::RetentionRules> rules = store.load(host, repository))
//         form.setRules(*rules);
//     store.save(host, repository, form.rules());
class RetentionRulesStore final
{
public:
    explicit RetentionRulesStore(QString settingsFile);

    const QString &settingsFile() const { return m_settingsFile; }

    // The rules saved for `repository` on `host` ("host[:port]"); nothing when none are
    // saved or the saved value cannot be read (then `problem`, if given, says why in
    // English; it is left empty otherwise).
    std::optional<ops::RetentionRules> load(const QString &host, const QString &repository,
                                            QString *problem = nullptr) const;
    // Io when the settings file cannot be written.
    oci::Result<void> save(const QString &host, const QString &repository,
                           const ops::RetentionRules &rules) const;
    oci::Result<void> remove(const QString &host, const QString &repository) const;

    // The key inside the group, for tests and the curious: "127.0.0.1%3A5000%2Fteam%2Fapp".
    static QString keyOf(const QString &host, const QString &repository);

private:
    oci::Result<void> written(const QString &what) const;

    QString m_settingsFile;
};
