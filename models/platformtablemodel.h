#pragma once

#include <QAbstractTableModel>
#include <QList>

namespace oci {
class Descriptor;
} // namespace oci

// The entries of an image index or manifest list, in the index's order: platform, what
// the entry is, size, media type and digest. Attestation entries (buildx: platform
// unknown/unknown, annotated with vnd.docker.reference.type/digest) are labelled as the
// attestation of the image they describe, never as a platform of their own.
class PlatformTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PlatformTableModel)

public:
    enum Column { PlatformColumn, KindColumn, SizeColumn, TypeColumn, DigestColumn, ColumnCount };

    explicit PlatformTableModel(QObject *parent = nullptr);
    ~PlatformTableModel() override;

    void setEntries(const QList<oci::Descriptor> &entries);
    void clear();

    const oci::Descriptor &entry(int row) const;
    // What the Platform column says for a row: "linux/arm64/v8", "Attestation for
    // linux/amd64", "unknown/unknown", "Any platform".
    QString platformText(int row) const;
    // The row of the first image entry, -1 when there is none.
    int firstImageRow() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QString kindText(const oci::Descriptor &entry) const;

    QList<oci::Descriptor> m_entries;
};
