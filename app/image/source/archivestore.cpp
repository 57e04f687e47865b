#include "image/source/archivestore.h"

#include "image/source/archiveinput.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace image::source {

using oci::Error;

namespace {

constexpr int MaxLinkHops = 8;
// Members a gzip'ed archive keeps in memory during its one pass: documents (index.json,
// manifests, configs) are small, layers are not; re-reading a kept member is free.
constexpr qint64 KeepMemberCap = 4 * 1024 * 1024;

// Exactly `limit` bytes of an inner input; ending early is "truncated".
class SliceInput final : public SequentialInput
{
public:
    SliceInput(std::unique_ptr<SequentialInput> inner, qint64 limit, QString what)
        : m_inner(std::move(inner))
        , m_limit(limit)
        , m_what(std::move(what))
    {}
    oci::Result<qint64> read(char *data, qint64 maxBytes) override
    {
        const qint64 want = qMin(maxBytes, m_limit - m_position);
        if (want <= 0)
            return qint64(0);
        auto n = m_inner->read(data, want);
        if (!n)
            return n.error();
        if (*n == 0)
            return Error(Error::Code::Io, QStringLiteral("truncated: the archive ends inside the member")).withObject(m_what);
        m_position += *n;
        return *n;
    }

private:
    std::unique_ptr<SequentialInput> m_inner;
    qint64 m_limit;
    QString m_what;
};

// Joins a symlink's target to the folder holding the link; false when it leaves the root.
bool resolveRelative(const QByteArray &linkName, const QByteArray &target, QByteArray &out)
{
    if (target.startsWith('/') || target.contains('\0'))
        return false;
    QList<QByteArray> parts = linkName.split('/');
    parts.removeLast();
    for (const QByteArray &part : target.split('/')) {
        if (part.isEmpty() || part == ".")
            continue;
        if (part == "..") {
            if (parts.isEmpty())
                return false;
            parts.removeLast();
        } else {
            parts.append(part);
        }
    }
    out = parts.join('/');
    return !out.isEmpty();
}

} // namespace

oci::Result<std::unique_ptr<ArchiveStore>> ArchiveStore::open(const QString &path, qint64 maxTarBytes)
{
    std::unique_ptr<ArchiveStore> store(new ArchiveStore);
    store->m_path = path;
    store->m_maxTarBytes = maxTarBytes;
    const QFileInfo info(path);
    if (!info.exists())
        return Error(Error::Code::Io, QStringLiteral("no such file or folder")).withObject(path);
    if (info.isDir()) {
        store->m_kind = Kind::Folder;
        return store;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error(Error::Code::Io, QStringLiteral("cannot open: ") + file.errorString()).withObject(path);
    const QByteArray head = file.read(512);
    file.close();
    if (head.isEmpty())
        return Error(Error::Code::MalformedDocument, QStringLiteral("empty file: not an image archive")).withObject(path);

    switch (sniffOuterCompression(head)) {
    case OuterCompression::Gzip: {
        store->m_kind = Kind::GzipTar;
        GzipFileInput input(path, maxTarBytes);
        if (auto r = input.openFile(); !r)
            return r.error();
        TarScanOptions options;
        options.keep = [](const QByteArray &, qint64 size) { return size <= KeepMemberCap; };
        options.drain = true; // the whole gzip stream, so its CRC and length are checked
        auto index = scanTar(input, path, options);
        if (!index)
            return index.error();
        store->m_index = std::move(index).value();
        return store;
    }
    case OuterCompression::Zstd:
    case OuterCompression::Xz:
    case OuterCompression::Bzip2:
        return Error(Error::Code::Unsupported,
                     QStringLiteral("compressed with zstd, xz or bzip2: only plain or gzip'ed tars are read; "
                                    "decompress it first"))
            .withObject(path);
    case OuterCompression::None:
        break;
    }
    store->m_kind = Kind::Tar;
    FileRangeInput input(path, 0, -1);
    if (auto r = input.openFile(); !r)
        return r.error();
    TarScanOptions options;
    // Seeking is cheap here: keep only the documents that decide the format.
    options.keep = [](const QByteArray &name, qint64 size) {
        return size <= KeepMemberCap
            && (name == "oci-layout" || name == "index.json" || name == "manifest.json" || name == "repositories");
    };
    auto index = scanTar(input, path, options);
    if (!index)
        return index.error();
    store->m_index = std::move(index).value();
    return store;
}

QString ArchiveStore::describe(const QByteArray &name) const
{
    return m_path + QStringLiteral(": ") + QString::fromUtf8(name);
}

bool ArchiveStore::contains(const QByteArray &name) const
{
    if (m_kind == Kind::Folder)
        return QFileInfo::exists(m_path + u'/' + QString::fromUtf8(name));
    return m_index.find(name) != nullptr;
}

oci::Result<TarMember> ArchiveStore::resolve(const QByteArray &name) const
{
    QByteArray clean;
    if (!cleanMemberName(name, clean) || clean.isEmpty())
        return Error(Error::Code::MalformedDocument, QStringLiteral("unsafe member name (absolute, \"..\" or empty)"))
            .withObject(describe(name));

    if (m_kind == Kind::Folder) {
        // No symlinks anywhere below the layout folder: a link could point anywhere on disk.
        QString current = m_path;
        const QList<QByteArray> parts = clean.split('/');
        for (const QByteArray &part : parts) {
            current += u'/' + QString::fromUtf8(part);
            const QFileInfo info(current);
            if (info.isSymLink())
                return Error(Error::Code::MalformedDocument, QStringLiteral("is a symlink; refused")).withObject(current);
            if (!info.exists())
                return Error(Error::Code::NotFound, QStringLiteral("missing")).withObject(current);
        }
        const QFileInfo info(current);
        if (!info.isFile())
            return Error(Error::Code::MalformedDocument, QStringLiteral("not a regular file")).withObject(current);
        TarMember member;
        member.name = clean;
        member.type = TarMember::Type::Regular;
        member.size = info.size();
        return member;
    }

    QByteArray current = clean;
    for (int hop = 0; hop <= MaxLinkHops; ++hop) {
        const TarMember *member = m_index.find(current);
        if (!member) {
            return Error(Error::Code::NotFound,
                         current == clean ? QStringLiteral("missing member")
                                          : QStringLiteral("link target \"%1\" is missing").arg(QString::fromUtf8(current)))
                .withObject(describe(clean));
        }
        QByteArray next;
        switch (member->type) {
        case TarMember::Type::Regular:
            return *member;
        case TarMember::Type::Hardlink:
            if (!cleanMemberName(member->linkTarget, next) || next.isEmpty())
                return Error(Error::Code::MalformedDocument, QStringLiteral("hardlink leaves the archive: \"%1\"")
                                                                   .arg(QString::fromUtf8(member->linkTarget)))
                    .withObject(describe(clean));
            break;
        case TarMember::Type::Symlink:
            if (!resolveRelative(current, member->linkTarget, next))
                return Error(Error::Code::MalformedDocument, QStringLiteral("symlink leaves the archive: \"%1\"")
                                                                   .arg(QString::fromUtf8(member->linkTarget)))
                    .withObject(describe(clean));
            break;
        case TarMember::Type::Directory:
        case TarMember::Type::Other:
            return Error(Error::Code::MalformedDocument, QStringLiteral("not a regular file")).withObject(describe(clean));
        }
        current = next;
    }
    return Error(Error::Code::MalformedDocument, QStringLiteral("link cycle")).withObject(describe(clean));
}

oci::Result<QByteArray> ArchiveStore::readAll(const QByteArray &name, qint64 cap) const
{
    auto member = resolve(name);
    if (!member)
        return member.error();
    if (member->size > cap) {
        return Error(Error::Code::SizeLimitExceeded,
                     QStringLiteral("%1 bytes, more than the cap of %2").arg(member->size).arg(cap))
            .withObject(describe(name));
    }
    if (member->kept)
        return member->bytes;
    auto input = openMember(member->name);
    if (!input)
        return input.error();
    QByteArray bytes(member->size, Qt::Uninitialized);
    qint64 done = 0;
    while (done < member->size) {
        auto n = (*input)->read(bytes.data() + done, member->size - done);
        if (!n)
            return n.error();
        if (*n == 0)
            return Error(Error::Code::Io, QStringLiteral("truncated")).withObject(describe(name));
        done += *n;
    }
    return bytes;
}

oci::Result<std::unique_ptr<SequentialInput>> ArchiveStore::openMember(const QByteArray &name) const
{
    auto member = resolve(name);
    if (!member)
        return member.error();
    if (m_kind == Kind::GzipTar) {
        auto input = std::make_unique<GzipFileInput>(m_path, m_maxTarBytes);
        if (auto r = input->openFile(); !r)
            return r.error();
        // No random access into a gzip stream: inflate up to the member again.
        if (auto r = input->skip(member->offset); !r)
            return Error(Error::Code::Io, r.error().message()).withObject(describe(name));
        return std::unique_ptr<SequentialInput>(
            std::make_unique<SliceInput>(std::move(input), member->size, describe(name)));
    }
    const MemberRange where = *range(member->name);
    auto input = std::make_unique<FileRangeInput>(where.path, where.offset, where.size);
    if (auto r = input->openFile(); !r)
        return Error(r.error().code(), r.error().message()).withObject(describe(name));
    return std::unique_ptr<SequentialInput>(std::move(input));
}

std::optional<MemberRange> ArchiveStore::range(const QByteArray &name) const
{
    auto member = resolve(name);
    if (!member || m_kind == Kind::GzipTar)
        return std::nullopt;
    if (m_kind == Kind::Folder)
        return MemberRange{m_path + u'/' + QString::fromUtf8(member->name), 0, member->size};
    return MemberRange{m_path, member->offset, member->size};
}

} // namespace image::source
