// The binary form of a PlatformDiff for the disk cache: every field, in declaration order.
// Bump FormatVersion whenever a field is added to any of the parts (an older file is then
// a miss, computed again).
#include "image/diff/job/imagediff.h"
#include "image/diff/job/imagediffcache.h"

#include <QDataStream>
#include <QIODevice>

namespace image {

namespace {

constexpr quint32 Magic = 0x4c444946; // "LDIF"
constexpr quint32 FormatVersion = 1;

QDataStream &operator<<(QDataStream &s, const oci::Digest &digest)
{
    return s << digest.toString();
}

QDataStream &operator>>(QDataStream &s, oci::Digest &digest)
{
    QString text;
    s >> text;
    if (text.isEmpty()) {
        digest = oci::Digest();
        return s;
    }
    oci::Result<oci::Digest> parsed = oci::Digest::parse(text);
    if (!parsed) {
        s.setStatus(QDataStream::ReadCorruptData);
        return s;
    }
    digest = parsed.value();
    return s;
}

template<typename E>
void putEnum(QDataStream &s, E value)
{
    s << qint32(value);
}

template<typename E>
void getEnum(QDataStream &s, E &value)
{
    qint32 raw = 0;
    s >> raw;
    value = E(raw);
}

void putOptional(QDataStream &s, const std::optional<qint64> &value)
{
    s << value.has_value() << value.value_or(0);
}

void getOptional(QDataStream &s, std::optional<qint64> &value)
{
    bool has = false;
    qint64 raw = 0;
    s >> has >> raw;
    value = has ? std::optional<qint64>(raw) : std::nullopt;
}

// --- ImageSummary ---
void put(QDataStream &s, const ImageSummary &v)
{
    s << v.digestA << v.digestB << v.sameDigest << v.sameConfig << v.platformA << v.platformB
      << v.createdA << v.createdB << v.layerCountA << v.layerCountB << v.sharedLayers
      << v.compressedSizeA << v.compressedSizeB;
    putOptional(s, v.uncompressedSizeA);
    putOptional(s, v.uncompressedSizeB);
    s << v.configKeysChanged << v.filesAdded << v.filesRemoved << v.filesChanged;
}

void get(QDataStream &s, ImageSummary &v)
{
    s >> v.digestA >> v.digestB >> v.sameDigest >> v.sameConfig >> v.platformA >> v.platformB
        >> v.createdA >> v.createdB >> v.layerCountA >> v.layerCountB >> v.sharedLayers
        >> v.compressedSizeA >> v.compressedSizeB;
    getOptional(s, v.uncompressedSizeA);
    getOptional(s, v.uncompressedSizeB);
    s >> v.configKeysChanged >> v.filesAdded >> v.filesRemoved >> v.filesChanged;
}

// --- ConfigDiff ---
void put(QDataStream &s, const ConfigDiff &v)
{
    s << qint32(v.changes.size());
    for (const ConfigChange &c : v.changes) {
        putEnum(s, c.field);
        putEnum(s, c.kind);
        s << c.key << c.oldValue << c.newValue << c.oldList << c.newList;
    }
    s << qint32(v.history.size());
    for (const HistoryRow &h : v.history)
        s << h.indexA << h.indexB << h.createdByA << h.createdByB << h.emptyLayerA
          << h.emptyLayerB << h.differs;
}

bool readCount(QDataStream &s, qint32 &count)
{
    s >> count;
    if (s.status() != QDataStream::Ok || count < 0 || count > 50'000'000) {
        s.setStatus(QDataStream::ReadCorruptData);
        return false;
    }
    return true;
}

void get(QDataStream &s, ConfigDiff &v)
{
    qint32 count = 0;
    if (!readCount(s, count))
        return;
    v.changes.resize(count);
    for (ConfigChange &c : v.changes) {
        getEnum(s, c.field);
        getEnum(s, c.kind);
        s >> c.key >> c.oldValue >> c.newValue >> c.oldList >> c.newList;
    }
    if (!readCount(s, count))
        return;
    v.history.resize(count);
    for (HistoryRow &h : v.history)
        s >> h.indexA >> h.indexB >> h.createdByA >> h.createdByB >> h.emptyLayerA
            >> h.emptyLayerB >> h.differs;
}

// --- LayerAlignment ---
void put(QDataStream &s, const QList<AlignedLayer> &layers)
{
    s << qint32(layers.size());
    for (const AlignedLayer &l : layers) {
        s << l.layer.digest << l.layer.diffId << l.layer.mediaType << l.layer.size
          << l.layer.uncompressedSize << l.layer.createdBy << l.counterpart;
        putEnum(s, l.match);
    }
}

void get(QDataStream &s, QList<AlignedLayer> &layers)
{
    qint32 count = 0;
    if (!readCount(s, count))
        return;
    layers.resize(count);
    for (AlignedLayer &l : layers) {
        s >> l.layer.digest >> l.layer.diffId >> l.layer.mediaType >> l.layer.size
            >> l.layer.uncompressedSize >> l.layer.createdBy >> l.counterpart;
        getEnum(s, l.match);
    }
}

void put(QDataStream &s, const LayerAlignment &v)
{
    put(s, v.a);
    put(s, v.b);
    s << v.sharedLeading;
}

void get(QDataStream &s, LayerAlignment &v)
{
    get(s, v.a);
    get(s, v.b);
    s >> v.sharedLeading;
}

// --- FileDiff ---
void put(QDataStream &s, const FileSide &v)
{
    putEnum(s, v.type);
    s << v.implied << v.hashed << v.mode << v.uid << v.gid << v.devMajor << v.devMinor << v.size
      << v.mtime;
    s.writeRawData(reinterpret_cast<const char *>(v.hash.data()), int(v.hash.size()));
    s << v.linkTarget << v.layer << v.entry << v.contentLayer << v.contentEntry << v.ordinal;
}

void get(QDataStream &s, FileSide &v)
{
    getEnum(s, v.type);
    s >> v.implied >> v.hashed >> v.mode >> v.uid >> v.gid >> v.devMajor >> v.devMinor >> v.size
        >> v.mtime;
    if (s.readRawData(reinterpret_cast<char *>(v.hash.data()), int(v.hash.size()))
        != int(v.hash.size()))
        s.setStatus(QDataStream::ReadPastEnd);
    s >> v.linkTarget >> v.layer >> v.entry >> v.contentLayer >> v.contentEntry >> v.ordinal;
}

void put(QDataStream &s, const QList<oci::Digest> &digests)
{
    s << qint32(digests.size());
    for (const oci::Digest &d : digests)
        s << d;
}

void get(QDataStream &s, QList<oci::Digest> &digests)
{
    qint32 count = 0;
    if (!readCount(s, count))
        return;
    digests.resize(count);
    for (oci::Digest &d : digests)
        s >> d;
}

void put(QDataStream &s, const FileDiff &v)
{
    s << qint32(v.entries.size());
    for (const FileChange &c : v.entries) {
        s << c.path;
        putEnum(s, c.kind);
        s << quint32(c.flags.toInt());
        put(s, c.a);
        put(s, c.b);
        s << c.sizeDelta << c.collapsedInto << c.collapsedCount << c.collapsedBytes;
    }
    const FileDiffTotals &t = v.totals;
    s << t.added << t.removed << t.changed << t.mtimeOnly << t.addedBytes << t.removedBytes
      << t.changedBytes << t.bytesA << t.bytesB << t.pathsA << t.pathsB;
    put(s, v.layersA);
    put(s, v.layersB);
    s << v.unlistedMtimeOnly;
}

void get(QDataStream &s, FileDiff &v)
{
    qint32 count = 0;
    if (!readCount(s, count))
        return;
    v.entries.resize(count);
    for (FileChange &c : v.entries) {
        s >> c.path;
        getEnum(s, c.kind);
        quint32 flags = 0;
        s >> flags;
        c.flags = FileChangeFlags::fromInt(int(flags));
        get(s, c.a);
        get(s, c.b);
        s >> c.sizeDelta >> c.collapsedInto >> c.collapsedCount >> c.collapsedBytes;
        if (s.status() != QDataStream::Ok)
            return;
    }
    FileDiffTotals &t = v.totals;
    s >> t.added >> t.removed >> t.changed >> t.mtimeOnly >> t.addedBytes >> t.removedBytes
        >> t.changedBytes >> t.bytesA >> t.bytesB >> t.pathsA >> t.pathsB;
    get(s, v.layersA);
    get(s, v.layersB);
    s >> v.unlistedMtimeOnly;
}

} // namespace

QByteArray serializePlatformDiff(const PlatformDiff &diff)
{
    QByteArray bytes;
    QDataStream s(&bytes, QIODevice::WriteOnly);
    s.setVersion(QDataStream::Qt_6_4);
    s << Magic << FormatVersion;
    s << diff.platformA << diff.platformB;
    put(s, diff.summary);
    put(s, diff.config);
    put(s, diff.layers);
    put(s, diff.files);
    s << diff.manifestA << diff.manifestB << diff.configA << diff.configB;
    return bytes;
}

std::optional<PlatformDiff> deserializePlatformDiff(const QByteArray &bytes)
{
    QDataStream s(bytes);
    s.setVersion(QDataStream::Qt_6_4);
    quint32 magic = 0;
    quint32 version = 0;
    s >> magic >> version;
    if (magic != Magic || version != FormatVersion)
        return std::nullopt;
    PlatformDiff diff;
    s >> diff.platformA >> diff.platformB;
    get(s, diff.summary);
    get(s, diff.config);
    get(s, diff.layers);
    get(s, diff.files);
    s >> diff.manifestA >> diff.manifestB >> diff.configA >> diff.configB;
    if (s.status() != QDataStream::Ok || !s.atEnd())
        return std::nullopt;
    return diff;
}

} // namespace image
