#pragma once

#include <QList>
#include <QString>
#include <QStringList>

class QByteArray;
class QJsonObject;

namespace oci {
struct ImageConfig;
} // namespace oci

namespace image {

// What a config change is about. Stable identifiers (configFieldName) name them in JSON
// and in describe(); a GUI translates from the enum.
enum class ConfigField {
    Entrypoint,   // oldList/newList
    Cmd,          // oldList/newList
    Env,          // key = variable name
    Label,        // key = label name
    User,
    WorkingDir,
    ExposedPort,  // key = "80/tcp" (a bare "80" is read as "80/tcp", as Docker does)
    Volume,       // key = the path
    StopSignal,
    Os,
    Architecture,
    Variant,
    OsVersion,
    Other,        // another member of "config" (Healthcheck, Shell, OnBuild, …): key = its
                  // name, values compact JSON; only when the raw configs are given
};

enum class ConfigChangeKind { Added, Removed, Changed };

// One difference between two configs, English-free: the GUI and ladingctl word it.
struct ConfigChange
{
    ConfigField field = ConfigField::User;
    ConfigChangeKind kind = ConfigChangeKind::Changed;
    QString key;      // Env, Label, ExposedPort, Volume, Other; empty for single values
    QString oldValue; // empty for Added; for Entrypoint/Cmd the list as a JSON array
    QString newValue; // empty for Removed
    QStringList oldList; // Entrypoint, Cmd only
    QStringList newList;

    friend bool operator==(const ConfigChange &, const ConfigChange &) = default;
};

// One row of the two histories side by side. Entries are matched by created_by and
// empty_layer (timestamps differ on every build and are not compared); entries in the
// same gap between matches are paired in order, the rest stand alone (-1 on one side).
struct HistoryRow
{
    int indexA = -1; // into a's history, -1 when only b has this row
    int indexB = -1;
    QString createdByA;
    QString createdByB;
    bool emptyLayerA = false;
    bool emptyLayerB = false;
    bool differs = false; // false only for a matched pair

    friend bool operator==(const HistoryRow &, const HistoryRow &) = default;
};

// The differences between two image configs (made by diffConfigs): a flat list in a fixed
// order — entrypoint, cmd, env, labels, user, working dir, ports, volumes, stop signal,
// other config members, os, architecture, variant, os version; within a field by key —
// and the histories aligned.
struct ConfigDiff
{
    QList<ConfigChange> changes;
    QList<HistoryRow> history; // every row, equal ones too (a GUI collapses them)

    bool historyChanged() const;
    bool isEmpty() const { return changes.isEmpty() && !historyChanged(); }
    QList<ConfigChange> changesOf(ConfigField field) const;
    // For the summary's "config keys changed": one per change (each variable, label, port,
    // volume counts alone), plus one when the history differs.
    int changedKeyCount() const;

    // {"changedKeyCount": n, "changes": [{"field", "kind", "key"?, "old"?, "new"?}],
    //  "history": [{"a"?, "b"?, "createdByA"?, "createdByB"?, "emptyLayerA", "emptyLayerB",
    //  "differs"}]}; Entrypoint/Cmd "old"/"new" are arrays, Other's are JSON values.
    QJsonObject toJson() const;
    // One English line per change, for ladingctl; the texts are stable (tests and scripts
    // read them): "env PATH: /usr/bin → /usr/local/bin:/usr/bin", "+ label k=v",
    // "- port 80/tcp", "user: (none) → app", "history #3: RUN a → RUN b", "+ history RUN c".
    QStringList describe() const;
};

// "entrypoint", "cmd", "env", "label", "user", "workingDir", "exposedPort", "volume",
// "stopSignal", "os", "architecture", "variant", "osVersion", "config".
QString configFieldName(ConfigField field);
// "added", "removed", "changed".
QString configChangeKindName(ConfigChangeKind kind);

// What changed from `a` to `b`. Env is compared by variable name, order-insensitive; a name
// set twice takes its last value, as Docker does (names fold case when either image is
// Windows). Labels, ports and volumes are compared as sets/maps.
ConfigDiff diffConfigs(const oci::ImageConfig &a, const oci::ImageConfig &b);
// The same, plus the members of "config" ImageConfig does not parse (Healthcheck, Shell,
// OnBuild, StopTimeout, ArgsEscaped, …) read from the raw config JSON, as ConfigField::Other.
// Members a builder fills per build (Hostname, Image, Attach*, Tty, …) are not compared.
// Unreadable raw bytes add nothing.
ConfigDiff diffConfigs(const oci::ImageConfig &a, const oci::ImageConfig &b,
                       const QByteArray &rawA, const QByteArray &rawB);

} // namespace image
