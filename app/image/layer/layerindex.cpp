#include "image/layer/layerindex.h"

#include "image/layer/pathclean.h"
#include "image/layer/pathtable.h"

#include <QHash>

#include <mutex>

namespace image {

namespace {

constexpr QByteArrayView WhiteoutPrefix(".wh.");
constexpr QByteArrayView WhiteoutMetaPrefix(".wh..wh.");
constexpr QByteArrayView OpaqueMarker(".wh..wh..opq");

} // namespace

struct LayerIndex::Data
{
    std::vector<LayerEntry> entries;
    QByteArray pool;
    QList<QByteArray> names{QByteArray()}; // 0 = none
    // Views into `pool`, which never changes again. Built by finish(); for an index read
    // back from disk on the first find() (reopening stays fast), hence mutable + once.
    mutable PathTable lookup;
    mutable std::once_flag lookupBuilt;
    oci::Digest digest;
    oci::Digest diffId;
    Compression compression = Compression::None;
    qint64 compressedBytes = -1;
    qint64 tarBytes = -1;
    bool complete = false;
    int fileCount = 0;
    qint64 fileBytes = 0;
    EntryFlags flagsSeen = NoEntryFlags;
};

namespace {
void buildLookup(const LayerIndex::Data &data, bool setFlags);
} // namespace

LayerIndex::LayerIndex()
{
    static const std::shared_ptr<const Data> empty = std::make_shared<const Data>();
    d = empty;
}

LayerIndex::LayerIndex(std::shared_ptr<const Data> data) : d(std::move(data)) {}

int LayerIndex::size() const
{
    return int(d->entries.size());
}

const LayerEntry &LayerIndex::at(int i) const
{
    return d->entries[size_t(i)];
}

const std::vector<LayerEntry> &LayerIndex::entries() const
{
    return d->entries;
}

QByteArrayView LayerIndex::path(int i) const
{
    return path(at(i));
}

QByteArrayView LayerIndex::path(const LayerEntry &entry) const
{
    return QByteArrayView(d->pool.constData() + entry.pathOffset, entry.pathLength);
}

QByteArrayView LayerIndex::linkTarget(int i) const
{
    return linkTarget(at(i));
}

QByteArrayView LayerIndex::linkTarget(const LayerEntry &entry) const
{
    return QByteArrayView(d->pool.constData() + entry.linkOffset, entry.linkLength);
}

QString LayerIndex::displayPath(int i) const
{
    return image::displayPath(path(i));
}

QString LayerIndex::displayLinkTarget(int i) const
{
    return image::displayPath(linkTarget(i));
}

QString LayerIndex::userName(const LayerEntry &entry) const
{
    return QString::fromUtf8(d->names.value(entry.userName));
}

QString LayerIndex::groupName(const LayerEntry &entry) const
{
    return QString::fromUtf8(d->names.value(entry.groupName));
}

int LayerIndex::find(QByteArrayView path) const
{
    std::call_once(d->lookupBuilt, [this] { buildLookup(*d, false); });
    return d->lookup.value(path, -1);
}

const oci::Digest &LayerIndex::digest() const
{
    return d->digest;
}

const oci::Digest &LayerIndex::diffId() const
{
    return d->diffId;
}

Compression LayerIndex::compression() const
{
    return d->compression;
}

qint64 LayerIndex::compressedBytes() const
{
    return d->compressedBytes;
}

qint64 LayerIndex::tarBytes() const
{
    return d->tarBytes;
}

bool LayerIndex::isComplete() const
{
    return d->complete;
}

int LayerIndex::fileCount() const
{
    return d->fileCount;
}

qint64 LayerIndex::fileBytes() const
{
    return d->fileBytes;
}

EntryFlags LayerIndex::flagsSeen() const
{
    return d->flagsSeen;
}

qint64 LayerIndex::memoryBytes() const
{
    return qint64(sizeof(Data)) + qint64(d->entries.capacity() * sizeof(LayerEntry))
        + d->pool.capacity() + qint64(d->lookup.size()) * 2 * 32;
}

// ---------------------------------------------------------------------------------------

struct LayerIndexBuilder::State
{
    std::shared_ptr<LayerIndex::Data> data = std::make_shared<LayerIndex::Data>();
    QHash<QByteArray, quint16> nameIds;
    QByteArray lastName;
    quint16 lastNameId = 0;
    size_t batchStart = 0;

    quint16 nameId(QByteArrayView name)
    {
        if (name.isEmpty())
            return 0;
        if (name == lastName)
            return lastNameId; // nearly every entry of a layer has the same owner
        quint16 id = nameIds.value(QByteArray::fromRawData(name.data(), name.size()), 0);
        if (id == 0) {
            if (data->names.size() >= 0xffff)
                return 0; // more distinct owners than a layer plausibly has: drop the name
            id = quint16(data->names.size());
            data->names.append(name.toByteArray());
            nameIds.insert(data->names.last(), id);
        }
        lastName = name.toByteArray();
        lastNameId = id;
        return id;
    }
};

LayerIndexBuilder::LayerIndexBuilder() : m_state(std::make_unique<State>()) {}

LayerIndexBuilder::~LayerIndexBuilder() = default;

int LayerIndexBuilder::size() const
{
    return int(m_state->data->entries.size());
}

LayerEntry &LayerIndexBuilder::last()
{
    return m_state->data->entries.back();
}

int LayerIndexBuilder::add(LayerEntry entry, QByteArrayView tarName, QByteArrayView linkName,
                           QByteArrayView userName, QByteArrayView groupName, qint64 ordinal)
{
    LayerIndex::Data &data = *m_state->data;
    QByteArray &pool = data.pool;
    const qsizetype start = pool.size();
    const quint8 findings = cleanLayerPath(tarName, pool);
    if (findings & (PathEscapes | PathHadNul))
        entry.flags |= UnsafePath;
    if (findings & PathAbsolute)
        entry.flags |= AbsoluteName;
    if (findings & PathNotUtf8)
        entry.flags |= NotUtf8;

    // Whiteout markers: the entry stands for what it hides.
    QByteArrayView path(pool.constData() + start, pool.size() - start);
    const QByteArrayView base = baseName(path);
    if (base.startsWith(WhiteoutPrefix)) {
        const qsizetype baseStart = start + (path.size() - base.size());
        if (base == OpaqueMarker) {
            entry.type = EntryType::Opaque;
            // Drop "/.wh..wh..opq" (or the whole name at the root).
            pool.truncate(baseStart > start ? baseStart - 1 : start);
        } else if (base.startsWith(WhiteoutMetaPrefix) || base.size() == WhiteoutPrefix.size()) {
            entry.flags |= InvalidWhiteout; // AUFS metadata or a bare ".wh.": ignored
        } else {
            entry.type = EntryType::Whiteout;
            pool.remove(baseStart, WhiteoutPrefix.size());
        }
        entry.size = 0;
    }
    entry.pathOffset = quint32(start);
    entry.pathLength = quint32(pool.size() - start);

    const qsizetype linkStart = pool.size();
    if (entry.type == EntryType::Hardlink) {
        const quint8 linkFindings = cleanLayerPath(linkName, pool);
        if (linkFindings & (PathEscapes | PathHadNul))
            entry.flags |= UnsafeLink;
    } else if (entry.type == EntryType::Symlink) {
        pool.append(linkName.data(), linkName.size());
    }
    entry.linkOffset = quint32(linkStart);
    entry.linkLength = quint32(pool.size() - linkStart);

    entry.userName = m_state->nameId(userName);
    entry.groupName = m_state->nameId(groupName);
    entry.ordinal = quint32(ordinal >= 0 ? ordinal : qint64(data.entries.size()));
    data.entries.push_back(entry);
    return int(data.entries.size() - 1);
}

LayerIndex LayerIndexBuilder::takeBatch()
{
    const LayerIndex::Data &data = *m_state->data;
    auto batch = std::make_shared<LayerIndex::Data>();
    const size_t from = m_state->batchStart;
    const size_t to = data.entries.size();
    m_state->batchStart = to;
    if (from == to)
        return LayerIndex(std::move(batch));
    // Strings of the batch are contiguous in the pool: copy that range and rebase.
    const quint32 poolStart = data.entries[from].pathOffset;
    batch->pool = data.pool.sliced(poolStart);
    batch->names = data.names;
    batch->entries.assign(data.entries.begin() + qsizetype(from), data.entries.end());
    for (LayerEntry &e : batch->entries) {
        e.pathOffset -= poolStart;
        e.linkOffset -= poolStart;
        batch->flagsSeen |= e.flags;
        if (e.type == EntryType::Regular) {
            ++batch->fileCount;
            batch->fileBytes += e.size;
        }
    }
    return LayerIndex(std::move(batch));
}

namespace {

// The path lookup: the last real entry per path wins; markers live in their own table so
// that a whiteout of `x` and a file `x` of the same layer can be told apart. With
// `setFlags`, also marks duplicates (Superseded) and same-layer whiteouts.
void buildLookup(const LayerIndex::Data &constData, bool setFlags)
{
    auto &data = const_cast<LayerIndex::Data &>(constData); // flags only while building
    std::vector<LayerEntry> &entries = data.entries;
    const QByteArray &pool = data.pool;
    const auto pathOf = [&pool](const LayerEntry &e) {
        return QByteArrayView(pool.constData() + e.pathOffset, e.pathLength);
    };
    data.lookup = PathTable(qsizetype(entries.size()));
    PathTable &real = data.lookup;
    PathTable markers;
    for (int i = 0; i < int(entries.size()); ++i) {
        LayerEntry &e = entries[size_t(i)];
        const QByteArrayView path = pathOf(e);
        if (e.isMarker()) {
            if (setFlags && e.type == EntryType::Whiteout && real.contains(path))
                e.flags |= SameLayerWhiteout;
            markers.insert(path, i);
            continue;
        }
        if (e.has(InvalidWhiteout))
            continue;
        if (setFlags) {
            const int earlier = real.value(path, -1);
            if (earlier >= 0)
                entries[size_t(earlier)].flags |= Superseded;
        }
        real.insert(path, i);
    }
    markers.forEach([&real](QByteArrayView path, int i) {
        if (!real.contains(path))
            real.insert(path, i);
    });
}

// Flags (when building), sums. Indexes read back from disk carry their flags already.
void finalize(LayerIndex::Data &data, bool building)
{
    if (building)
        std::call_once(data.lookupBuilt, [&data] { buildLookup(data, true); });
    data.flagsSeen = NoEntryFlags;
    data.fileCount = 0;
    data.fileBytes = 0;
    for (const LayerEntry &e : data.entries) {
        data.flagsSeen |= e.flags;
        if (e.type == EntryType::Regular && !e.has(Superseded)) {
            ++data.fileCount;
            data.fileBytes += e.size;
        }
    }
}

void setBlob(LayerIndex::Data &data, const LayerBlobInfo &blob)
{
    data.digest = blob.digest;
    data.diffId = blob.diffId;
    data.compression = blob.compression;
    data.compressedBytes = blob.compressedBytes;
    data.tarBytes = blob.tarBytes;
    data.complete = true;
}

} // namespace

LayerIndex LayerIndexBuilder::finish(const LayerBlobInfo &blob)
{
    std::shared_ptr<LayerIndex::Data> data = std::move(m_state->data);
    m_state = std::make_unique<State>();
    setBlob(*data, blob);
    data->pool.squeeze();
    data->entries.shrink_to_fit();
    finalize(*data, true);
    return LayerIndex(std::move(data));
}

int LayerIndex::nameCount() const
{
    return int(d->names.size());
}

QByteArray LayerIndex::nameBytes(int id) const
{
    return id >= 0 && id < d->names.size() ? d->names[id] : QByteArray();
}

const QByteArray &LayerIndex::poolBytes() const
{
    return d->pool;
}

LayerIndex LayerIndex::fromParts(std::vector<LayerEntry> entries, QByteArray pool,
                                 QList<QByteArray> names, const LayerBlobInfo &blob)
{
    auto data = std::make_shared<Data>();
    data->entries = std::move(entries);
    data->pool = std::move(pool);
    data->names = std::move(names);
    setBlob(*data, blob);
    finalize(*data, false);
    return LayerIndex(std::move(data));
}

} // namespace image
