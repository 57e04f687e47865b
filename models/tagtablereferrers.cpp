#include "tagtablereferrers.h"

#include "errortext.h"
#include "tagtabletext.h"

#include "oci/client/registryclient.h"
#include "oci/inspect/contentfetcher.h"
#include "oci/inspect/referrersjob.h"

#include <QDateTime>

namespace {

const QString kCreatedAnnotation = QStringLiteral("org.opencontainers.image.created");

QString typeOf(const oci::Descriptor &referrer)
{
    return referrer.artifactType().isEmpty() ? referrer.mediaType() : referrer.artifactType();
}

} // namespace

TagReferrersModel::TagReferrersModel(QObject *parent) : QAbstractTableModel(parent) {}

TagReferrersModel::~TagReferrersModel()
{
    delete m_job;
}

void TagReferrersModel::setSubject(oci::ContentFetcher *fetcher, const QString &repository,
                                   const QString &tag, const oci::Digest &subject)
{
    clear();
    if (!fetcher || subject.isNull())
        return;
    m_tag = tag;
    m_subject = subject;
    m_job = fetcher->referrers(repository, subject);
    const bool credentials =
        fetcher->client()->config().authMode != oci::RegistryConfig::AuthMode::Anonymous;
    connect(m_job, &oci::Job::finished, this, [this, credentials, repository] {
        oci::ReferrersJob *job = m_job.data();
        if (!job)
            return;
        if (job->succeeded()) {
            const QList<oci::Descriptor> referrers = job->referrers();
            if (!referrers.isEmpty()) {
                beginInsertRows({}, 0, int(referrers.size()) - 1);
                m_referrers = referrers;
                endInsertRows();
            }
            m_source = Source(int(job->source()));
            m_stale = job->isStale();
            job->deleteLater();
            m_job = nullptr;
            setState(State::Loaded);
            return;
        }
        m_errorText = ErrorText::describe(ErrorText::Operation::LoadManifest,
                                          QString(repository + u'@' + m_subject.toString()),
                                          job->error(), credentials);
        job->deleteLater();
        m_job = nullptr;
        setState(State::Failed);
    });
    setState(State::Loading);
}

void TagReferrersModel::clear()
{
    delete m_job;
    if (!m_referrers.isEmpty()) {
        beginResetModel();
        m_referrers.clear();
        endResetModel();
    }
    m_tag.clear();
    m_subject = {};
    m_source = Source::None;
    m_stale = false;
    m_errorText.clear();
    setState(State::Empty);
}

void TagReferrersModel::setState(State state)
{
    if (state == m_state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

QString TagReferrersModel::kindOf(const oci::Descriptor &referrer)
{
    const QString type = typeOf(referrer).toLower();
    const auto has = [&type](const char *word) {
        return type.contains(QLatin1String(word));
    };
    if (has("signature") || has("cosign") || has("notary") || has("sigstore.bundle"))
        return tr("Signature");
    if (has("spdx") || has("cyclonedx") || has("sbom") || has("syft"))
        return tr("SBOM");
    if (has("in-toto") || has("attestation") || has("provenance") || has("slsa") || has("vex") ||
        has("sarif"))
        return tr("Attestation");
    return tr("Artifact");
}

int TagReferrersModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_referrers.size());
}

int TagReferrersModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

Qt::ItemFlags TagReferrersModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

QVariant TagReferrersModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case KindColumn:
        return tr("Kind");
    case ArtifactTypeColumn:
        return tr("Artifact type");
    case DigestColumn:
        return tr("Digest");
    case SizeColumn:
        return tr("Size");
    case CreatedColumn:
        return tr("Created");
    default:
        return {};
    }
}

QVariant TagReferrersModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid));
    const oci::Descriptor &referrer = m_referrers.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case KindColumn:
            return kindOf(referrer);
        case ArtifactTypeColumn:
            return typeOf(referrer);
        case DigestColumn:
            return referrer.digest().shortString();
        case SizeColumn:
            return TagTableText::size(referrer.size());
        case CreatedColumn:
            return TagTableText::created(
                QDateTime::fromString(referrer.annotation(kCreatedAnnotation), Qt::ISODate));
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == DigestColumn)
            return referrer.digest().toString();
        if (index.column() == ArtifactTypeColumn)
            return QString(typeOf(referrer) + u'\n' + referrer.mediaType());
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == SizeColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    case DigestRole:
        return referrer.digest().toString();
    case MediaTypeRole:
        return referrer.mediaType();
    default:
        return {};
    }
}
