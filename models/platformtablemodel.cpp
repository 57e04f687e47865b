#include "platformtablemodel.h"

#include "inspectorcells.h"
#include "inspectorroles.h"

#include "oci/manifest/descriptor.h"
#include "oci/manifest/mediatypes.h"

#include <QLocale>

PlatformTableModel::PlatformTableModel(QObject *parent) : QAbstractTableModel(parent) {}

PlatformTableModel::~PlatformTableModel() = default;

void PlatformTableModel::setEntries(const QList<oci::Descriptor> &entries)
{
    beginResetModel();
    m_entries = entries;
    endResetModel();
}

void PlatformTableModel::clear()
{
    setEntries({});
}

const oci::Descriptor &PlatformTableModel::entry(int row) const
{
    static const oci::Descriptor none;
    return row >= 0 && row < m_entries.size() ? m_entries.at(row) : none;
}

QString PlatformTableModel::platformText(int row) const
{
    const oci::Descriptor &item = entry(row);
    if (item.isAttestation()) {
        const oci::Digest subject = item.attestationSubject();
        for (const oci::Descriptor &other : m_entries) {
            if (!subject.isNull() && other.digest() == subject && other.platform() &&
                !other.isAttestation())
                return tr("Attestation for %1").arg(other.platform()->toString());
        }
        return subject.isNull() ? tr("Attestation")
                                : tr("Attestation for %1").arg(subject.shortString());
    }
    if (!item.platform() || item.platform()->isNull())
        return tr("Any platform");
    return item.platform()->toString();
}

int PlatformTableModel::firstImageRow() const
{
    for (qsizetype row = 0; row < m_entries.size(); ++row) {
        const oci::Descriptor &item = m_entries.at(row);
        if (!item.isAttestation() && item.artifactType().isEmpty() &&
            oci::isImageManifest(item.mediaType()) &&
            !(item.platform() && item.platform()->isUnknown()))
            return int(row);
    }
    return -1;
}

QString PlatformTableModel::kindText(const oci::Descriptor &item) const
{
    if (item.isAttestation())
        return tr("Attestation");
    if (oci::isIndex(item.mediaType()))
        return tr("Index");
    if (!item.artifactType().isEmpty())
        return tr("Artifact");
    if (item.platform() && item.platform()->isUnknown())
        return tr("Not an image");
    if (oci::isImageManifest(item.mediaType()))
        return tr("Image");
    return tr("Other");
}

int PlatformTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int PlatformTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PlatformTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const oci::Descriptor &item = m_entries.at(index.row());

    if (auto value = InspectorCells::descriptorRole(item, role))
        return *value;
    switch (role) {
    case InspectorRoles::AttestationRole:
        return item.isAttestation();
    case InspectorRoles::SortRole:
        if (index.column() == SizeColumn)
            return item.size();
        return data(index, Qt::DisplayRole);
    default:
        break;
    }

    switch (index.column()) {
    case PlatformColumn:
        if (role == Qt::DisplayRole)
            return platformText(index.row());
        if (role == Qt::ToolTipRole) {
            if (item.isAttestation())
                return tr("Build attestations (provenance, SBOM) of the image %1; not an image to "
                          "run.")
                    .arg(item.attestationSubject().toString());
            if (item.platform() && !item.platform()->osFeatures.isEmpty())
                return tr("OS features: %1").arg(item.platform()->osFeatures.join(u", "));
        }
        break;
    case KindColumn:
        if (role == Qt::DisplayRole)
            return kindText(item);
        if (role == Qt::ToolTipRole && !item.artifactType().isEmpty())
            return item.artifactType();
        break;
    case SizeColumn:
        return InspectorCells::sizeCell(
            item.size(), role,
            role == Qt::ToolTipRole
                ? tr("%1 bytes (the manifest itself)").arg(QLocale().toString(item.size()))
                : QString());
    case TypeColumn:
        return InspectorCells::mediaTypeCell(item.mediaType(), role);
    case DigestColumn:
        return InspectorCells::digestCell(item.digest(), role);
    default:
        break;
    }
    return {};
}

QVariant PlatformTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case PlatformColumn:
        return tr("Platform");
    case KindColumn:
        return tr("Kind");
    case SizeColumn:
        return tr("Size");
    case TypeColumn:
        return tr("Media type");
    case DigestColumn:
        return tr("Digest");
    default:
        return {};
    }
}
