#include "pushplanmodel.h"

#include "inspectorcells.h"

#include "image/push/pushmanifests.h"
#include "image/source/localimagesource.h"
#include "oci/core/reference.h"

#include <QHash>
#include <QLocale>

using Fate = image::PushBlob::Fate;


PushPlanModel::PushPlanModel(QObject *parent) : QAbstractTableModel(parent) {}

PushPlanModel::~PushPlanModel() = default;

void PushPlanModel::setPlan(const image::PushPlan &plan)
{
    beginResetModel();
    m_plan = plan;
    m_hasPlan = true;
    m_layerNumbers.clear();
    int layer = 0;
    for (const image::PushBlob &blob : std::as_const(m_plan.blobs))
        m_layerNumbers << (blob.kind == image::PushBlob::Kind::Layer ? ++layer : 0);
    endResetModel();
}

void PushPlanModel::clear()
{
    beginResetModel();
    m_plan = image::PushPlan();
    m_hasPlan = false;
    m_layerNumbers.clear();
    endResetModel();
}

int PushPlanModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_plan.blobs.size());
}

int PushPlanModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PushPlanModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const image::PushBlob &blob = m_plan.blobs.at(index.row());
    // Until a plain layer is compressed, the registry's digest for it is unknown: its diff ID
    // stands in.
    const oci::Digest &shown = blob.target.isNull() ? blob.source : blob.target;
    switch (role) {
    case FateRole:
        return int(blob.fate);
    case DigestRole:
        return shown.toString();
    case SizeRole:
        return blob.size;
    default:
        break;
    }
    switch (index.column()) {
    case KindColumn:
        if (role == Qt::DisplayRole) {
            return blob.kind == image::PushBlob::Kind::Config
                       ? tr("Config")
                       : tr("Layer %1").arg(m_layerNumbers.at(index.row()));
        }
        if (role == Qt::ToolTipRole)
            return blob.mediaType;
        return {};
    case DigestColumn:
        if (role == Qt::ToolTipRole) {
            if (blob.target.isNull())
                return tr("%1 (uncompressed; the digest in the registry is known once it is "
                          "compressed)")
                    .arg(blob.source.toString());
            if (blob.target != blob.source)
                return tr("%1 (gzip'ed from %2)")
                    .arg(blob.target.toString(), blob.source.toString());
        }
        return InspectorCells::digestCell(shown, role);
    case SizeColumn: {
        QString toolTip = tr("%1 bytes in the archive").arg(QLocale().toString(blob.size));
        if (blob.target != blob.source && blob.targetSize >= 0)
            toolTip = tr("%1 bytes in the archive, %2 bytes compressed")
                          .arg(QLocale().toString(blob.size), QLocale().toString(blob.targetSize));
        return InspectorCells::sizeCell(blob.size, role, toolTip);
    }
    case FateColumn:
        if (role == Qt::DisplayRole)
            return fateText(blob, m_plan.repository);
        return {};
    default:
        return {};
    }
}

QVariant PushPlanModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case KindColumn:
        return tr("Blob");
    case DigestColumn:
        return tr("Digest");
    case SizeColumn:
        return tr("Size");
    case FateColumn:
        return tr("What happens");
    default:
        return {};
    }
}

QString PushPlanModel::summary() const
{
    return m_hasPlan ? summary(m_plan) : QString();
}

QString PushPlanModel::summary(const image::PushPlan &plan)
{
    const int present = plan.count(Fate::Present);
    const int mounted = plan.count(Fate::Mount);
    const int toSend = plan.count(Fate::Upload) + plan.count(Fate::Compress);
    QStringList parts;
    if (present > 0)
        parts << tr("%n already there", nullptr, present);
    if (mounted > 0)
        parts << tr("%n mounted", nullptr, mounted);
    if (toSend > 0)
        parts << tr("%n to send (%1)", nullptr, toSend)
                     .arg(QLocale().formattedDataSize(plan.bytesToSend(), 1));
    else
        parts << tr("nothing to send");
    const QString what = parts.join(QStringLiteral(", "));
    // Two sentences rather than %n: each reads whole in English and German alike.
    return plan.blobs.size() == 1 ? tr("1 blob: %1").arg(what)
                                  : tr("%1 blobs: %2").arg(plan.blobs.size()).arg(what);
}

QString PushPlanModel::fateText(const image::PushBlob &blob, const QString &repository)
{
    switch (blob.fate) {
    case Fate::Present:
        return tr("Already in %1").arg(repository);
    case Fate::Mount:
        return tr("Will be mounted from %1").arg(blob.mountFrom);
    case Fate::Upload:
        return tr("Will be uploaded");
    case Fate::Compress:
        return tr("Will be gzip'ed, then uploaded");
    case Fate::Unknown:
        break;
    }
    return tr("Not checked yet");
}

QString PushPlanModel::tagText(const image::PushPlan &plan, int target)
{
    if (target < 0 || target >= plan.targets.size())
        return {};
    const image::PushTarget &entry = plan.targets.at(target);
    if (entry.tag.isEmpty())
        return tr("No tag: pushed by digest only");
    if (entry.tagCurrent.isNull())
        return tr("New tag %1").arg(entry.tag);
    if (!movesTag(plan, target))
        return tr("%1 already points to this image; it stays").arg(entry.tag);
    return tr("Moves %1 from %2… to this image").arg(entry.tag, entry.tagCurrent.shortString());
}

bool PushPlanModel::movesTag(const image::PushPlan &plan, int target)
{
    if (target < 0 || target >= plan.targets.size())
        return false;
    const image::PushTarget &entry = plan.targets.at(target);
    return !entry.tag.isEmpty() && !entry.tagCurrent.isNull() &&
           expectedDigest(plan, target) != entry.tagCurrent;
}

oci::Digest PushPlanModel::expectedDigest(const image::PushPlan &plan, int target)
{
    if (target < 0 || target >= plan.targets.size())
        return {};
    // The manifests as PushJob will write them; null while a plain layer's gzip digest is
    // not known yet.
    const auto manifests = image::finalManifests(plan);
    return manifests ? manifests->value(plan.targets.at(target).root).digest : oci::Digest();
}

