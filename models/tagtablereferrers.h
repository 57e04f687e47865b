#pragma once

#include "oci/core/digest.h"
#include "oci/manifest/descriptor.h"

#include <QAbstractTableModel>
#include <QPointer>

namespace oci {
class ContentFetcher;
class ReferrersJob;
} // namespace oci

// The referrers (signatures, SBOMs, attestations) of the tag selected in the tag table,
// from the registry's referrers API, else the "sha256-<hex>" fallback tag. One request
// per subject; a newer subject cancels the older request.
class TagReferrersModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TagReferrersModel)

public:
    enum Column {
        KindColumn,
        ArtifactTypeColumn,
        DigestColumn,
        SizeColumn,
        CreatedColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        DigestRole = Qt::UserRole + 160, // QString: the referrer's full digest
        MediaTypeRole,                   // QString
    };

    enum class State { Empty, Loading, Loaded, Failed };
    Q_ENUM(State)

    enum class Source { None, Api, FallbackTag };

    explicit TagReferrersModel(QObject *parent = nullptr);
    ~TagReferrersModel() override;

    // Lists what refers to `subject` (the manifest `tag` points to) in `repository`.
    void setSubject(oci::ContentFetcher *fetcher, const QString &repository, const QString &tag,
                    const oci::Digest &subject);
    void clear();

    State state() const { return m_state; }
    Source source() const { return m_source; }
    bool isStale() const { return m_stale; }
    const QString &tag() const { return m_tag; }
    const oci::Digest &subject() const { return m_subject; }
    // Translated, when state() is Failed.
    QString errorText() const { return m_errorText; }
    const oci::Descriptor &referrerAt(int row) const { return m_referrers.at(row); }

    // "Signature", "SBOM", "Attestation" or "Artifact", from the artifact or media type.
    static QString kindOf(const oci::Descriptor &referrer);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

Q_SIGNALS:
    void stateChanged(State state);

private:
    void onFinished();
    void setState(State state);

    QPointer<oci::ReferrersJob> m_job; // owned; a child of the fetcher
    QString m_tag;
    oci::Digest m_subject;
    QList<oci::Descriptor> m_referrers;
    State m_state = State::Empty;
    Source m_source = Source::None;
    bool m_stale = false;
    QString m_errorText;
};
