#include "diff/configdiffmodel.h"

#include "diff/diffcells.h"
#include "diff/diffroles.h"
#include "inspectorcells.h"

namespace {

QVariant valueCell(const image::ConfigChange &change, bool after, int role)
{
    const QString &value = after ? change.newValue : change.oldValue;
    switch (role) {
    case Qt::DisplayRole:
    case DiffRoles::SortRole:
        return value;
    case Qt::ToolTipRole: {
        // Lists one item a line: long commands stay readable.
        const QStringList &list = after ? change.newList : change.oldList;
        return list.isEmpty() ? value : list.join(u'\n');
    }
    case Qt::FontRole:
        return InspectorCells::fixedFont();
    default:
        return {};
    }
}

} // namespace

ConfigDiffModel::ConfigDiffModel(QObject *parent) : QAbstractTableModel(parent) {}

ConfigDiffModel::~ConfigDiffModel() = default;

void ConfigDiffModel::setDiff(const image::ConfigDiff &diff)
{
    beginResetModel();
    m_diff = diff;
    endResetModel();
}

void ConfigDiffModel::clear()
{
    setDiff(image::ConfigDiff());
}

QString ConfigDiffModel::fieldName(image::ConfigField field)
{
    using image::ConfigField;
    switch (field) {
    case ConfigField::Entrypoint: return tr("Entrypoint");
    case ConfigField::Cmd: return tr("Command");
    case ConfigField::Env: return tr("Environment");
    case ConfigField::Label: return tr("Label");
    case ConfigField::User: return tr("User");
    case ConfigField::WorkingDir: return tr("Working directory");
    case ConfigField::ExposedPort: return tr("Exposed port");
    case ConfigField::Volume: return tr("Volume");
    case ConfigField::StopSignal: return tr("Stop signal");
    case ConfigField::Os: return tr("OS");
    case ConfigField::Architecture: return tr("Architecture");
    case ConfigField::Variant: return tr("Variant");
    case ConfigField::OsVersion: return tr("OS version");
    case ConfigField::Other: return tr("Setting");
    }
    return {};
}

int ConfigDiffModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_diff.changes.size());
}

int ConfigDiffModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ConfigDiffModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const image::ConfigChange &change = m_diff.changes.at(index.row());
    const DiffCells::Kind kind = DiffCells::kindOf(change.kind);
    switch (role) {
    case DiffRoles::KindRole: return int(kind);
    case DiffRoles::DiffersRole: return true;
    case DiffRoles::ConfigFieldRole: return int(change.field);
    case DiffRoles::KeyRole: return change.key;
    default: break;
    }
    switch (index.column()) {
    case FieldColumn:
        if (role == Qt::DisplayRole)
            return fieldName(change.field);
        if (role == DiffRoles::SortRole)
            return int(change.field);
        if (role == Qt::ToolTipRole)
            return image::configFieldName(change.field);
        return {};
    case NameColumn:
        if (role == Qt::DisplayRole || role == Qt::ToolTipRole || role == DiffRoles::SortRole)
            return change.key;
        return {};
    case ChangeColumn:
        return DiffCells::kindCell(kind, role);
    case BeforeColumn:
        return valueCell(change, false, role);
    case AfterColumn:
        return valueCell(change, true, role);
    default:
        return {};
    }
}

QVariant ConfigDiffModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case FieldColumn: return tr("Field");
    case NameColumn: return tr("Name");
    case ChangeColumn: return tr("Change");
    case BeforeColumn: return tr("Before");
    case AfterColumn: return tr("After");
    default: return {};
    }
}
