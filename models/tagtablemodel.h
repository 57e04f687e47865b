#pragma once

#include "oci/core/digest.h"
#include "oci/core/error.h"

#include <QAbstractTableModel>
#include <QCollator>
#include <QCollatorSortKey>
#include <QHash>
#include <QPointer>
#include <QSet>

#include <memory>
#include <vector>

namespace oci {
class ContentFetcher;
class DetailsResolver;
class TagListJob;
struct ImageDetails;
struct TagDetails;
} // namespace oci

class QTimer;

// The tags of one repository as a table: name, digest, compressed size, created date,
// platforms, media type and how many other tags share the digest.
//
// Names appear as soon as each page of the tag list arrives (a page in chunks of
// InsertChunk, one per event-loop pass, so no pass takes long). Details come from an
// oci::DetailsResolver (HEAD first, manifest and config once per digest, through the
// content cache): every tag is queued in the background as it is listed, and
// prioritize() moves the rows a view shows to the front. Results are kept for as long as
// the repository is shown, so scrolling back costs nothing.
//
// Details are applied in batches (at most every BatchIntervalMs): one dataChanged() per
// batch, then detailsUpdated(). Rows are never removed or moved while a repository is
// shown; the order a person sees is TagTableProxyModel's.
class TagTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TagTableModel)

public:
    enum Column {
        NameColumn,
        DigestColumn,
        SizeColumn,
        CreatedColumn,
        PlatformsColumn,
        TypeColumn,
        SharedColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    // Roles beyond ModelRoles (roles.h, which this model also answers: TagRole,
    // RepositoryRole, RegistryRole, ReferenceRole). They start above the other families.
    enum Role {
        DetailsStateRole = Qt::UserRole + 128, // DetailsState
        DigestRole,                            // QString: full manifest digest, empty until known
        SizeRole,                              // qint64: compressed size, -1 until known
        CreatedRole,                           // QDateTime (UTC), invalid when unknown
        GroupSizeRole,   // int: tags with this digest, this one included (0 until known)
        GroupColorRole,  // QColor: the digest group's tint, invalid for a tag on its own
        FallbackTagRole, // bool: a "sha256-<hex>" referrers fallback tag
        StaleRole,       // bool: the digest is the cache's last known answer
    };
    Q_ENUM(Role)

    enum class DetailsState { Pending, Loaded, Failed };
    Q_ENUM(DetailsState)

    enum class ListingState { Empty, Listing, Listed, Failed };
    Q_ENUM(ListingState)

    static constexpr int BatchIntervalMs = 120;
    // Names inserted per event-loop pass (a tag list page holds up to 1000).
    static constexpr int InsertChunk = 250;

    explicit TagTableModel(QObject *parent = nullptr);
    ~TagTableModel() override;

    // Shows the tags of `repository` on the fetcher's registry (`host` as the person knows
    // it, for references); cancels whatever was loading. The fetcher must outlive the
    // model or be destroyed only after clear() / another setRepository().
    void setRepository(oci::ContentFetcher *fetcher, const QString &host,
                       const QString &repository);
    void clear();
    // Lists the tags and fetches the details again (the registry may have changed).
    void reload();

    oci::ContentFetcher *fetcher() const { return m_fetcher; }
    const QString &host() const { return m_host; }
    const QString &repository() const { return m_repository; }

    ListingState listingState() const { return m_listingState; }
    // Translated: what failed and what to do; empty unless the listing failed.
    QString listingError() const { return m_listingError; }

    // Fetches the details of these source rows before any other (the rows on screen).
    void prioritize(const QList<int> &rows);
    // Whether "sha256-<hex>" fallback tags get details in the background (visible ones
    // always do). Off when a view hides them: they would only cost requests.
    void setResolveFallbackTags(bool resolve);

    int detailsDone() const;
    int detailsTotal() const;
    bool isLoadingDetails() const;

    QString tagAt(int row) const;
    int rowOfTag(const QString &tag) const;
    // Null until the row's details are known.
    const oci::ImageDetails *detailsAt(int row) const;
    oci::Digest digestAt(int row) const;
    // Every tag pointing at `digest`, in natural order.
    QStringList tagsWithDigest(const oci::Digest &digest) const;
    // Tags with a known digest that share it with at least one other tag.
    int sharedTagCount() const;

    // For TagTableProxyModel: whether the row has a value to sort by in `column`, and the
    // order of two rows that both have one (negative, zero, positive).
    bool hasSortValue(int row, int column) const;
    int compareRows(int left, int right, int column) const;
    int compareNames(int left, int right) const;

    // QAbstractItemModel
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

Q_SIGNALS:
    void listingStateChanged(ListingState state);
    // A batch of details was applied (after its dataChanged()).
    void detailsUpdated();
    void detailsProgress(int done, int total);
    // Every listed tag that was asked for has its details (or failed).
    void detailsFinished();

private:
    struct Row;
    struct Group
    {
        QList<int> rows;
        bool sorted = true; // rows in natural order of their names
    };

    void onPage(const QStringList &tags);
    void insertPendingNames();
    void onListingFinished();
    void finishListing();
    void onResolved(const oci::TagDetails &details);
    void queueBackground(const QStringList &tags);
    void flushBatch();
    void markDirty(int row);
    void updateProgress();

    QVariant displayData(const Row &row, int column) const;
    QVariant toolTipData(const Row &row, int column) const;
    QString sharedText(const Row &row) const;
    int groupSize(const oci::Digest &digest) const;
    const QList<int> &sortedGroup(const oci::Digest &digest) const;

    oci::ContentFetcher *m_fetcher = nullptr; // see setRepository()
    QString m_host;
    QString m_repository;
    QPointer<oci::TagListJob> m_listJob; // owned; a child of the client
    oci::DetailsResolver *m_resolver = nullptr;
    ListingState m_listingState = ListingState::Empty;
    QString m_listingError;
    bool m_resolveFallbackTags = false;

    std::vector<Row> m_rows;
    QHash<QString, int> m_rowOfTag;
    // digest -> its rows; sorted by name on first use after a change (hence mutable)
    mutable QHash<oci::Digest, Group> m_groups;
    QCollator m_collator;

    QSet<int> m_dirty;
    QTimer *m_batchTimer = nullptr;
    QStringList m_pendingNames; // listed, not inserted yet
    QTimer *m_insertTimer = nullptr;
    bool m_finishedSignalled = false;
};
