#pragma once

#include "image/push/pushplan.h"

#include <QAbstractTableModel>

// The blobs of a push plan, one row each in the plan's order: what the blob is (config,
// layer N), its digest, its size in the archive, and what the push will do with it (already
// in the repository, mounted from another one, uploaded, or gzip'ed and uploaded). The static
// functions write the rest of the push dialog's preview the same way for everyone: the
// summary line, and for each target what happens to its tag.
class PushPlanModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PushPlanModel)

public:
    enum Column { KindColumn, DigestColumn, SizeColumn, FateColumn, ColumnCount };
    enum Role {
        FateRole = Qt::UserRole + 192, // int: image::PushBlob::Fate of the row's blob
        DigestRole,                    // QString: the full digest shown in the row
        SizeRole,                      // qint64: bytes in the archive
    };

    explicit PushPlanModel(QObject *parent = nullptr);
    ~PushPlanModel() override;

    void setPlan(const image::PushPlan &plan);
    void clear();
    bool hasPlan() const { return m_hasPlan; }
    const image::PushPlan &plan() const { return m_plan; }

    // "4 blobs: 1 already there, 1 mounted, 2 to send (45.3 MB)"; empty without a plan.
    QString summary() const;
    static QString summary(const image::PushPlan &plan);
    // "Already in team/app", "Will be mounted from team/base", "Will be uploaded", …
    static QString fateText(const image::PushBlob &blob, const QString &repository);
    // What happens to the target's tag: "New tag 1.0", "Moves 1.0 from sha256:abc… to this
    // image", "1.0 already points to this image".
    static QString tagText(const image::PushPlan &plan, int target);
    // The tag exists and will point elsewhere afterwards (or may: when the pushed digest is
    // not known before pushing, a tag that exists counts as moving).
    static bool movesTag(const image::PushPlan &plan, int target);
    // The digest the target will have in the registry, when it is known before pushing: the
    // archive's own unless layers are compressed, then only once every compressed layer's
    // digest is known (an earlier push remembered it). Null otherwise.
    static oci::Digest expectedDigest(const image::PushPlan &plan, int target);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    image::PushPlan m_plan;
    QList<int> m_layerNumbers; // per row: 1-based among the plan's layers, 0 for configs
    bool m_hasPlan = false;
};
