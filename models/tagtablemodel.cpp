#include "tagtablemodel.h"

#include "errortext.h"
#include "roles.h"
#include "tagtabletext.h"

#include "oci/client/registryclient.h"
#include "oci/inspect/contentfetcher.h"
#include "oci/inspect/detailsresolver.h"
#include "oci/inspect/imagedetails.h"

#include <QColor>
#include <QFont>
#include <QLocale>
#include <QTimer>

#include <algorithm>

using State = TagTableModel::DetailsState;

namespace {

// Names listed in a shared-digest cell before "…": the tool tip has all of them.
constexpr int kSharedNamesShown = 3;
constexpr int kSharedNamesInToolTip = 24;

QLocale collationLocale()
{
    const QLocale system;
    return system.language() == QLocale::C ? QLocale(QLocale::English) : system;
}

// One hue per digest, from its first hex digits: the same image always has the same
// colour, in every window and every run.
int hueOf(const oci::Digest &digest)
{
    bool ok = false;
    const int value = digest.encoded().left(4).toInt(&ok, 16);
    return ok ? value % 360 : 0;
}

template<typename T>
int threeWay(const T &a, const T &b)
{
    return a < b ? -1 : (b < a ? 1 : 0);
}

} // namespace

struct TagTableModel::Row
{
    Row(QString tagName, QCollatorSortKey key)
        : tag(std::move(tagName))
        , sortKey(std::move(key))
        , fallback(oci::isReferrerFallbackTag(tag))
    {
    }

    QString tag;
    QCollatorSortKey sortKey;
    bool fallback = false;
    State state = State::Pending;
    bool stale = false;
    oci::ImageDetails details;
    oci::Error error;
};

TagTableModel::TagTableModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_collator(collationLocale())
    , m_batchTimer(new QTimer(this))
    , m_insertTimer(new QTimer(this))
{
    m_collator.setNumericMode(true);
    m_collator.setCaseSensitivity(Qt::CaseInsensitive);
    m_batchTimer->setSingleShot(true);
    m_batchTimer->setInterval(BatchIntervalMs);
    connect(m_batchTimer, &QTimer::timeout, this, &TagTableModel::flushBatch);
    m_insertTimer->setSingleShot(true);
    m_insertTimer->setInterval(0);
    connect(m_insertTimer, &QTimer::timeout, this, &TagTableModel::insertPendingNames);
}

TagTableModel::~TagTableModel()
{
    delete m_listJob;
    delete m_resolver;
}

// --- loading ----------------------------------------------------------------------------

void TagTableModel::setRepository(oci::ContentFetcher *fetcher, const QString &host,
                                  const QString &repository)
{
    clear();
    if (!fetcher || repository.isEmpty())
        return;
    m_fetcher = fetcher;
    m_host = host;
    m_repository = repository;
    m_finishedSignalled = false;

    // The owner detaches the model before the fetcher goes (MainWindow does); should it
    // not, the fetcher's jobs die with it and the resolver must not reach them any more.
    connect(fetcher, &QObject::destroyed, this, [this] {
        if (m_resolver) {
            m_resolver->disconnect(this);
            m_resolver->deleteLater();
            m_resolver = nullptr;
        }
        m_fetcher = nullptr;
        clear();
    });

    m_resolver = new oci::DetailsResolver(fetcher, repository, this);
    connect(m_resolver, &oci::DetailsResolver::tagResolved, this, &TagTableModel::onResolved);
    connect(m_resolver, &oci::DetailsResolver::progress, this, &TagTableModel::updateProgress);
    connect(m_resolver, &oci::DetailsResolver::idle, this, &TagTableModel::updateProgress);

    m_listJob = fetcher->client()->tags(repository);
    connect(m_listJob, &oci::ListJob::pageReceived, this, &TagTableModel::onPage);
    connect(m_listJob, &oci::Job::finished, this, &TagTableModel::onListingFinished);
    m_listingState = ListingState::Listing;
    Q_EMIT listingStateChanged(m_listingState);
}

void TagTableModel::clear()
{
    delete m_listJob;
    delete m_resolver; // cancels its requests
    m_resolver = nullptr;
    if (m_fetcher)
        disconnect(m_fetcher, nullptr, this, nullptr);
    m_batchTimer->stop();
    m_dirty.clear();
    m_insertTimer->stop();
    m_pendingNames.clear();
    if (!m_rows.empty()) {
        beginResetModel();
        m_rows.clear();
        m_rowOfTag.clear();
        m_groups.clear();
        endResetModel();
    }
    m_fetcher = nullptr;
    m_host.clear();
    m_repository.clear();
    m_listingError.clear();
    if (m_listingState != ListingState::Empty) {
        m_listingState = ListingState::Empty;
        Q_EMIT listingStateChanged(m_listingState);
    }
}

void TagTableModel::reload()
{
    oci::ContentFetcher *fetcher = m_fetcher;
    const QString host = m_host;
    const QString repository = m_repository;
    if (fetcher)
        setRepository(fetcher, host, repository);
}

void TagTableModel::onPage(const QStringList &tags)
{
    m_pendingNames.append(tags);
    if (!m_insertTimer->isActive())
        insertPendingNames();
}

void TagTableModel::insertPendingNames()
{
    // A page holds up to 1000 names: inserting (and sorting them into a view) takes a few
    // milliseconds per chunk, so a page goes in over several event-loop passes.
    const QStringList chunk = m_pendingNames.mid(0, InsertChunk);
    m_pendingNames.remove(0, chunk.size());
    if (!m_pendingNames.isEmpty())
        m_insertTimer->start();

    QStringList added;
    added.reserve(chunk.size());
    for (const QString &tag : chunk) {
        if (!m_rowOfTag.contains(tag))
            added.append(tag);
    }
    if (!added.isEmpty()) {
        const int first = int(m_rows.size());
        beginInsertRows({}, first, first + int(added.size()) - 1);
        for (const QString &tag : std::as_const(added)) {
            m_rowOfTag.insert(tag, int(m_rows.size()));
            m_rows.emplace_back(tag, m_collator.sortKey(tag));
        }
        endInsertRows();
        queueBackground(added);
    }
    // The list ended while names were waiting: it is complete now.
    if (m_pendingNames.isEmpty() && m_listJob.isNull() && m_listingState == ListingState::Listing)
        finishListing();
}

void TagTableModel::queueBackground(const QStringList &tags)
{
    if (!m_resolver)
        return;
    QStringList wanted;
    wanted.reserve(tags.size());
    for (const QString &tag : tags) {
        if (m_resolveFallbackTags || !oci::isReferrerFallbackTag(tag))
            wanted.append(tag);
    }
    if (!wanted.isEmpty()) {
        m_finishedSignalled = false;
        m_resolver->request(wanted, oci::DetailsResolver::Priority::Background);
    }
}

void TagTableModel::onListingFinished()
{
    oci::TagListJob *job = m_listJob.data();
    if (!job)
        return;
    if (!job->succeeded()) {
        const bool credentials = m_fetcher && m_fetcher->client()->config().authMode !=
                                                  oci::RegistryConfig::AuthMode::Anonymous;
        m_listingError = ErrorText::describe(ErrorText::Operation::ListTags, m_repository,
                                             job->error(), credentials);
    }
    m_listJob = nullptr;
    job->deleteLater();
    // Listed once every name is in (insertPendingNames() calls it then).
    if (m_pendingNames.isEmpty())
        finishListing();
}

void TagTableModel::finishListing()
{
    m_listingState = m_listingError.isEmpty() ? ListingState::Listed : ListingState::Failed;
    Q_EMIT listingStateChanged(m_listingState);
    updateProgress();
}

void TagTableModel::prioritize(const QList<int> &rows)
{
    if (!m_resolver)
        return;
    QStringList tags;
    for (const int row : rows) {
        if (row >= 0 && row < int(m_rows.size()) && m_rows[size_t(row)].state == State::Pending)
            tags.append(m_rows[size_t(row)].tag);
    }
    if (!tags.isEmpty()) {
        m_finishedSignalled = false;
        m_resolver->request(tags, oci::DetailsResolver::Priority::Visible);
    }
}

void TagTableModel::setResolveFallbackTags(bool resolve)
{
    if (m_resolveFallbackTags == resolve)
        return;
    m_resolveFallbackTags = resolve;
    if (!resolve)
        return;
    QStringList fallback;
    for (const Row &row : m_rows) {
        if (row.fallback && row.state == State::Pending)
            fallback.append(row.tag);
    }
    queueBackground(fallback);
}

void TagTableModel::onResolved(const oci::TagDetails &result)
{
    const int rowNumber = m_rowOfTag.value(result.tag, -1);
    if (rowNumber < 0)
        return;
    Row &row = m_rows[size_t(rowNumber)];
    const oci::Digest oldDigest = row.details.digest;
    const oci::Digest newDigest = result.details.digest;
    if (!oldDigest.isNull() && oldDigest != newDigest) {
        Group &group = m_groups[oldDigest];
        group.rows.removeAll(rowNumber);
        for (const int member : std::as_const(group.rows))
            markDirty(member);
        if (group.rows.isEmpty())
            m_groups.remove(oldDigest);
    }
    row.details = result.details;
    row.stale = result.stale;
    row.error = result.error;
    row.state = result.error.code() == oci::Error::Code::None && !newDigest.isNull()
                    ? State::Loaded
                    : State::Failed;
    if (!newDigest.isNull() && oldDigest != newDigest) {
        Group &group = m_groups[newDigest];
        group.rows.append(rowNumber);
        group.sorted = group.rows.size() < 2;
        // Every tag of the group now shares with one more.
        for (const int member : std::as_const(group.rows))
            markDirty(member);
    }
    markDirty(rowNumber);
}

void TagTableModel::markDirty(int row)
{
    m_dirty.insert(row);
    if (!m_batchTimer->isActive())
        m_batchTimer->start();
}

void TagTableModel::flushBatch()
{
    m_batchTimer->stop();
    if (m_dirty.isEmpty())
        return;
    const auto [low, high] = std::minmax_element(m_dirty.cbegin(), m_dirty.cend());
    const int first = *low;
    const int last = *high;
    m_dirty.clear();
    Q_EMIT dataChanged(index(first, 0), index(last, ColumnCount - 1));
    Q_EMIT detailsUpdated();
}

void TagTableModel::updateProgress()
{
    if (!m_resolver)
        return;
    Q_EMIT detailsProgress(detailsDone(), detailsTotal());
    if (m_listingState != ListingState::Listing && m_resolver->isIdle() && !m_finishedSignalled) {
        flushBatch();
        m_finishedSignalled = true;
        Q_EMIT detailsFinished();
    }
}

int TagTableModel::detailsDone() const
{
    return m_resolver ? m_resolver->done() : 0;
}

int TagTableModel::detailsTotal() const
{
    return m_resolver ? m_resolver->total() : 0;
}

bool TagTableModel::isLoadingDetails() const
{
    return m_resolver && (m_listingState == ListingState::Listing || !m_resolver->isIdle());
}

// --- lookups ----------------------------------------------------------------------------

QString TagTableModel::tagAt(int row) const
{
    return row >= 0 && row < int(m_rows.size()) ? m_rows[size_t(row)].tag : QString();
}

int TagTableModel::rowOfTag(const QString &tag) const
{
    return m_rowOfTag.value(tag, -1);
}

const oci::ImageDetails *TagTableModel::detailsAt(int row) const
{
    if (row < 0 || row >= int(m_rows.size()) || m_rows[size_t(row)].state != State::Loaded)
        return nullptr;
    return &m_rows[size_t(row)].details;
}

oci::Digest TagTableModel::digestAt(int row) const
{
    const oci::ImageDetails *details = detailsAt(row);
    return details ? details->digest : oci::Digest();
}

int TagTableModel::groupSize(const oci::Digest &digest) const
{
    const auto it = m_groups.constFind(digest);
    return it == m_groups.cend() ? 0 : int(it->rows.size());
}

const QList<int> &TagTableModel::sortedGroup(const oci::Digest &digest) const
{
    static const QList<int> none;
    const auto it = m_groups.find(digest);
    if (it == m_groups.end())
        return none;
    if (!it->sorted) {
        std::sort(it->rows.begin(), it->rows.end(),
                  [this](int a, int b) { return compareNames(a, b) < 0; });
        it->sorted = true;
    }
    return it->rows;
}

QStringList TagTableModel::tagsWithDigest(const oci::Digest &digest) const
{
    QStringList tags;
    const QList<int> &rows = sortedGroup(digest);
    tags.reserve(rows.size());
    for (const int row : rows)
        tags.append(m_rows[size_t(row)].tag);
    return tags;
}

int TagTableModel::sharedTagCount() const
{
    int count = 0;
    for (const Group &group : std::as_const(m_groups)) {
        if (group.rows.size() > 1)
            count += int(group.rows.size());
    }
    return count;
}

// --- sorting ----------------------------------------------------------------------------

bool TagTableModel::hasSortValue(int row, int column) const
{
    const Row &r = m_rows[size_t(row)];
    if (column == NameColumn)
        return true;
    if (r.state != State::Loaded)
        return false;
    switch (column) {
    case SizeColumn:
        return r.details.compressedSize >= 0;
    case CreatedColumn:
        return r.details.created.isValid();
    case PlatformsColumn:
        return !r.details.platforms.isEmpty();
    default:
        return true;
    }
}

int TagTableModel::compareNames(int left, int right) const
{
    const Row &a = m_rows[size_t(left)];
    const Row &b = m_rows[size_t(right)];
    const int byKey = a.sortKey.compare(b.sortKey);
    return byKey != 0 ? byKey : a.tag.compare(b.tag);
}

int TagTableModel::compareRows(int left, int right, int column) const
{
    const oci::ImageDetails &a = m_rows[size_t(left)].details;
    const oci::ImageDetails &b = m_rows[size_t(right)].details;
    switch (column) {
    case NameColumn:
        return compareNames(left, right);
    case DigestColumn:
        return a.digest.toString().compare(b.digest.toString());
    case SizeColumn:
        return threeWay(a.compressedSize, b.compressedSize);
    case CreatedColumn:
        return threeWay(a.created, b.created);
    case PlatformsColumn:
        return TagTableText::platforms(a.platforms).compare(TagTableText::platforms(b.platforms));
    case TypeColumn:
        return TagTableText::kind(a).compare(TagTableText::kind(b));
    case SharedColumn:
        return threeWay(groupSize(a.digest), groupSize(b.digest));
    default:
        return 0;
    }
}

// --- data -------------------------------------------------------------------------------

int TagTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int TagTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

Qt::ItemFlags TagTableModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

QVariant TagTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case NameColumn:
            return tr("Tag");
        case DigestColumn:
            return tr("Digest");
        case SizeColumn:
            return tr("Size");
        case CreatedColumn:
            return tr("Created");
        case PlatformsColumn:
            return tr("Platforms");
        case TypeColumn:
            return tr("Type");
        case SharedColumn:
            return tr("Shares digest with");
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case SizeColumn:
            return tr("Compressed size as stored in the registry: config and layers (for an "
                      "index, every blob of its platform images once).");
        case CreatedColumn:
            return tr("When the image was built, from its config (for an index, its newest "
                      "platform image).");
        case SharedColumn:
            return tr("Other tags of this repository that point to the same manifest. Deleting "
                      "the manifest of one removes all of them.");
        default:
            return {};
        }
    }
    if (role == Qt::TextAlignmentRole && section == SizeColumn)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant TagTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid));
    const Row &row = m_rows[size_t(index.row())];
    const int column = index.column();
    const bool grouped = row.state == State::Loaded && groupSize(row.details.digest) > 1;

    switch (role) {
    case Qt::DisplayRole:
        return displayData(row, column);
    case Qt::ToolTipRole:
        return toolTipData(row, column);
    case Qt::TextAlignmentRole:
        if (column == SizeColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::FontRole:
        if (row.stale || row.state == State::Failed) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return {};
    case Qt::BackgroundRole:
        if (grouped) {
            // Translucent, so it tints light and dark palettes alike.
            return QColor::fromHsv(hueOf(row.details.digest), 160, 230, 70);
        }
        return {};
    case Qt::DecorationRole:
        if (grouped && column == DigestColumn)
            return QColor::fromHsv(hueOf(row.details.digest), 170, 215);
        return {};
    case GroupColorRole:
        if (grouped)
            return QColor::fromHsv(hueOf(row.details.digest), 170, 215);
        return {};
    case DetailsStateRole:
        return QVariant::fromValue(row.state);
    case DigestRole:
        return row.details.digest.isNull() ? QString() : row.details.digest.toString();
    case SizeRole:
        return row.state == State::Loaded ? row.details.compressedSize : qint64(-1);
    case CreatedRole:
        return row.details.created.toUTC();
    case GroupSizeRole:
        return row.state == State::Loaded ? groupSize(row.details.digest) : 0;
    case FallbackTagRole:
        return row.fallback;
    case StaleRole:
        return row.stale;
    case ModelRoles::TagRole:
        return row.tag;
    case ModelRoles::RepositoryRole:
        return m_repository;
    case ModelRoles::RegistryRole:
        return m_host;
    case ModelRoles::ReferenceRole:
        return QString(m_host + u'/' + m_repository + u':' + row.tag);
    case ModelRoles::SearchTextRole:
        return row.tag;
    default:
        return {};
    }
}

QVariant TagTableModel::displayData(const Row &row, int column) const
{
    if (column == NameColumn)
        return row.tag;
    if (row.state == State::Pending)
        return column == DigestColumn ? QStringLiteral("…") : QString();
    if (row.state == State::Failed)
        return column == DigestColumn ? tr("unavailable") : QString();
    const oci::ImageDetails &details = row.details;
    switch (column) {
    case DigestColumn:
        return details.digest.shortString();
    case SizeColumn:
        return TagTableText::size(details.compressedSize);
    case CreatedColumn:
        return TagTableText::created(details.created);
    case PlatformsColumn:
        // A fallback tag's index lists artifacts, not platforms.
        return row.fallback ? QString() : TagTableText::platforms(details.platforms);
    case TypeColumn:
        return row.fallback ? tr("Referrers") : TagTableText::kind(details);
    case SharedColumn:
        return sharedText(row);
    default:
        return {};
    }
}

QString TagTableModel::sharedText(const Row &row) const
{
    const QList<int> &group = sortedGroup(row.details.digest);
    if (group.size() < 2)
        return {};
    // Only the first few names: a group can hold thousands of tags.
    QStringList shown;
    for (const int member : group) {
        if (shown.size() == kSharedNamesShown)
            break;
        if (m_rows[size_t(member)].tag != row.tag)
            shown.append(m_rows[size_t(member)].tag);
    }
    const qsizetype more = group.size() - 1 - shown.size();
    QString text = shown.join(QStringLiteral(", "));
    if (more > 0)
        text += u' ' + tr("+%1 more").arg(QLocale().toString(more));
    return text;
}

QVariant TagTableModel::toolTipData(const Row &row, int column) const
{
    if (row.state == State::Failed) {
        const bool credentials = m_fetcher && m_fetcher->client()->config().authMode !=
                                                  oci::RegistryConfig::AuthMode::Anonymous;
        return ErrorText::describe(ErrorText::Operation::LoadManifest,
                                   QString(m_repository + u':' + row.tag), row.error, credentials);
    }
    if (row.state == State::Pending) {
        if (row.fallback)
            return tr("A referrers fallback tag: it lists the signatures, SBOMs and "
                      "attestations of the manifest it is named after.");
        return {};
    }
    const oci::ImageDetails &details = row.details;
    QString text;
    switch (column) {
    case NameColumn:
        if (row.fallback) {
            text = tr("A referrers fallback tag: it lists the signatures, SBOMs and "
                      "attestations of the manifest it is named after.");
        }
        break;
    case DigestColumn:
        text = details.digest.toString();
        break;
    case SizeColumn:
        text = TagTableText::exactSize(details.compressedSize);
        break;
    case CreatedColumn:
        if (details.created.isValid())
            text = details.created.toUTC().toString(Qt::ISODate);
        break;
    case PlatformsColumn:
        text = TagTableText::platformsToolTip(details);
        break;
    case TypeColumn:
        text = TagTableText::kindToolTip(details);
        break;
    case SharedColumn: {
        QStringList others = tagsWithDigest(details.digest);
        others.removeAll(row.tag);
        const qsizetype count = others.size();
        if (count > kSharedNamesInToolTip) {
            others = others.mid(0, kSharedNamesInToolTip);
            others.append(QStringLiteral("…"));
        }
        if (count == 1) {
            text = tr("Shares its digest with one other tag: %1. Deleting the manifest of "
                      "one removes both.")
                       .arg(others.constFirst());
        } else if (count > 1) {
            text = tr("Shares its digest with %1 other tags: %2. Deleting the manifest of "
                      "one removes all of them.")
                       .arg(QLocale().toString(count), others.join(QStringLiteral(", ")));
        }
        break;
    }
    default:
        break;
    }
    if (row.stale) {
        const QString note = tr("The registry could not be asked: this is the last known "
                                "digest of the tag and may be out of date.");
        text = text.isEmpty() ? note : QString(text + u"\n\n" + note);
    }
    return text.isEmpty() ? QVariant() : QVariant(text);
}
