#pragma once

#include "image/diff/config/configdiff.h"

#include <QAbstractTableModel>

// The config changes of an image::ConfigDiff as a table, one row per image::ConfigChange in
// the diff's order (entrypoint, cmd, env, labels, user, working dir, ports, volumes, …):
// what (Entrypoint, Environment, Label, …, translated), which variable, label, port or
// volume, the change (Added green, Removed red, Changed amber, as the delete plan colours
// its decisions), and the values before and after (full values as tooltips). Entrypoint
// and Cmd show their lists as JSON arrays, the exec form people write in a Dockerfile.
//
// Sorting: a QSortFilterProxyModel with setSortRole(DiffRoles::SortRole); fields sort in
// the diff's order, changes Added, Removed, Changed. The history is HistoryDiffModel's.
class ConfigDiffModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConfigDiffModel)

public:
    enum Column { FieldColumn, NameColumn, ChangeColumn, BeforeColumn, AfterColumn, ColumnCount };
    Q_ENUM(Column)

    explicit ConfigDiffModel(QObject *parent = nullptr);
    ~ConfigDiffModel() override;

    void setDiff(const image::ConfigDiff &diff);
    void clear();
    const image::ConfigDiff &diff() const { return m_diff; }
    const image::ConfigChange &changeAt(int row) const { return m_diff.changes.at(row); }

    // "Entrypoint", "Command", "Environment", "Label", "User", "Working directory",
    // "Exposed port", "Volume", "Stop signal", "OS", "Architecture", "Variant",
    // "OS version", "Setting" (another member of the config, named in the Name column).
    static QString fieldName(image::ConfigField field);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    image::ConfigDiff m_diff;
};
