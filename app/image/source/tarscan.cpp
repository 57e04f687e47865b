#include "image/source/tarscan.h"

#include "image/source/archiveinput.h"

#include <cstring>

namespace image::source {

using oci::Error;

namespace {

constexpr qint64 Block = 512;
constexpr qint64 MaxExtendedHeader = 1024 * 1024; // PAX / GNU long name records (CVE-2022-2879)
constexpr qint64 MaxName = 64 * 1024;

// A NUL- or space-terminated octal field, or GNU base-256 (high bit set). -1 when invalid.
qint64 parseNumber(const char *field, int length)
{
    const auto *bytes = reinterpret_cast<const unsigned char *>(field);
    if (bytes[0] & 0x80) {
        if (bytes[0] & 0x40)
            return -1; // negative
        qint64 value = bytes[0] & 0x3f;
        for (int i = 1; i < length; ++i) {
            if (value > (qint64(1) << 54))
                return -1;
            value = (value << 8) | bytes[i];
        }
        return value;
    }
    int i = 0;
    while (i < length && (bytes[i] == ' ' || bytes[i] == 0))
        ++i;
    if (i == length)
        return 0;
    qint64 value = 0;
    for (; i < length && bytes[i] >= '0' && bytes[i] <= '7'; ++i) {
        if (value > (qint64(1) << 58))
            return -1;
        value = value * 8 + (bytes[i] - '0');
    }
    for (; i < length; ++i) {
        if (bytes[i] != ' ' && bytes[i] != 0)
            return -1;
    }
    return value;
}

QByteArray fieldString(const char *field, int length)
{
    const void *nul = std::memchr(field, 0, size_t(length));
    return QByteArray(field, nul ? int(static_cast<const char *>(nul) - field) : length);
}

bool checksumOk(const char *header)
{
    const qint64 stored = parseNumber(header + 148, 8);
    if (stored < 0)
        return false;
    qint64 unsignedSum = 0;
    qint64 signedSum = 0;
    for (int i = 0; i < Block; ++i) {
        const bool inField = i >= 148 && i < 156;
        unsignedSum += inField ? ' ' : static_cast<unsigned char>(header[i]);
        signedSum += inField ? ' ' : static_cast<signed char>(header[i]);
    }
    return stored == unsignedSum || stored == signedSum;
}

bool allZero(const char *block)
{
    for (int i = 0; i < Block; ++i) {
        if (block[i] != 0)
            return false;
    }
    return true;
}

qint64 padded(qint64 size)
{
    return (size + Block - 1) / Block * Block;
}

} // namespace

const TarMember *TarIndex::find(QByteArrayView name) const
{
    const auto it = byName.constFind(name.toByteArray());
    return it == byName.cend() ? nullptr : &members.at(*it);
}

bool cleanMemberName(QByteArrayView raw, QByteArray &out)
{
    out.clear();
    if (raw.contains('\0') || raw.startsWith('/'))
        return false;
    qsizetype start = 0;
    while (start <= raw.size()) {
        qsizetype end = raw.indexOf('/', start);
        if (end < 0)
            end = raw.size();
        const QByteArrayView part = raw.sliced(start, end - start);
        if (part == "..")
            return false;
        if (!part.isEmpty() && part != ".") {
            if (!out.isEmpty())
                out += '/';
            out += part;
        }
        start = end + 1;
    }
    return true;
}

oci::Result<TarIndex> scanTar(SequentialInput &input, const QString &path, const TarScanOptions &options)
{
    TarIndex index;
    char header[Block];
    QByteArray paxPath;
    QByteArray paxLink;
    qint64 paxSize = -1;
    qint64 keptTotal = 0;
    bool first = true;

    auto fail = [&path](Error::Code code, const QString &problem) {
        return Error(code, problem).withObject(path);
    };
    auto readFully = [&](char *data, qint64 size) -> oci::Result<qint64> {
        qint64 done = 0;
        while (done < size) {
            auto n = input.read(data + done, size - done);
            if (!n)
                return n.error();
            if (*n == 0)
                break;
            done += *n;
        }
        return done;
    };
    auto readRecord = [&](qint64 size, qint64 cap, const char *what) -> oci::Result<QByteArray> {
        if (size > cap)
            return fail(Error::Code::SizeLimitExceeded,
                        QStringLiteral("tar %1 record of %2 bytes (cap %3)").arg(QLatin1String(what)).arg(size).arg(cap));
        QByteArray bytes(size, Qt::Uninitialized);
        auto n = readFully(bytes.data(), size);
        if (!n)
            return n.error();
        if (*n < size)
            return fail(Error::Code::Io, QStringLiteral("truncated: the archive ends inside a tar header record"));
        if (auto r = input.skip(padded(size) - size); !r)
            return fail(Error::Code::Io, QStringLiteral("truncated: the archive ends inside a tar header record"));
        return bytes;
    };

    for (;;) {
        const qint64 headerOffset = input.position();
        auto got = readFully(header, Block);
        if (!got)
            return got.error();
        if (*got == 0 && first)
            return fail(Error::Code::MalformedDocument, QStringLiteral("empty file: not an image archive"));
        if (*got < Block)
            return fail(Error::Code::Io, first ? QStringLiteral("not a tar archive (shorter than one tar header)")
                                               : QStringLiteral("truncated: the archive ends without its end-of-archive blocks"));
        if (allZero(header)) {
            if (first)
                return fail(Error::Code::MalformedDocument, QStringLiteral("not a tar archive (starts with zero bytes)"));
            break;
        }
        if (!checksumOk(header)) {
            return fail(Error::Code::MalformedDocument,
                        first ? QStringLiteral("not a tar archive")
                              : QStringLiteral("corrupt tar header at offset %1 (checksum mismatch)").arg(headerOffset));
        }
        first = false;

        const char typeflag = header[156];
        qint64 size = parseNumber(header + 124, 12);
        if (size < 0)
            return fail(Error::Code::MalformedDocument, QStringLiteral("bad size field in tar header at offset %1").arg(headerOffset));

        // Extended headers describe the next entry.
        if (typeflag == 'x' || typeflag == 'g') {
            auto record = readRecord(size, MaxExtendedHeader, "PAX");
            if (!record)
                return record.error();
            if (typeflag == 'g')
                continue; // global defaults: nothing we use (and none are expected here)
            // "<len> key=value\n" records
            qsizetype pos = 0;
            const QByteArray &pax = *record;
            while (pos < pax.size()) {
                const qsizetype space = pax.indexOf(' ', pos);
                bool okLength = false;
                const qint64 length = space > pos ? pax.sliced(pos, space - pos).toLongLong(&okLength) : 0;
                if (!okLength || length <= space - pos + 1 || pos + length > pax.size() || pax.at(pos + length - 1) != '\n')
                    return fail(Error::Code::MalformedDocument, QStringLiteral("corrupt PAX header at offset %1").arg(headerOffset));
                const QByteArray record = pax.sliced(space + 1, pos + length - 1 - (space + 1));
                const qsizetype eq = record.indexOf('=');
                if (eq > 0) {
                    const QByteArray key = record.left(eq);
                    const QByteArray value = record.sliced(eq + 1);
                    if (key == "path")
                        paxPath = value;
                    else if (key == "linkpath")
                        paxLink = value;
                    else if (key == "size") {
                        bool okSize = false;
                        paxSize = value.toLongLong(&okSize);
                        if (!okSize || paxSize < 0)
                            return fail(Error::Code::MalformedDocument, QStringLiteral("corrupt PAX size at offset %1").arg(headerOffset));
                    }
                }
                pos += length;
            }
            continue;
        }
        if (typeflag == 'L' || typeflag == 'K') {
            auto record = readRecord(size, MaxName, "long name");
            if (!record)
                return record.error();
            QByteArray value = *record;
            while (value.endsWith('\0'))
                value.chop(1);
            (typeflag == 'L' ? paxPath : paxLink) = value;
            continue;
        }

        QByteArray rawName = fieldString(header, 100);
        const bool ustar = std::memcmp(header + 257, "ustar\0", 6) == 0;
        if (ustar && header[345] != 0)
            rawName = fieldString(header + 345, 155) + '/' + rawName;
        if (!paxPath.isNull())
            rawName = paxPath;
        QByteArray link = paxLink.isNull() ? fieldString(header + 157, 100) : paxLink;
        if (paxSize >= 0)
            size = paxSize;
        paxPath = QByteArray();
        paxLink = QByteArray();
        paxSize = -1;

        TarMember member;
        switch (typeflag) {
        case '0': case '\0': case '7': member.type = TarMember::Type::Regular; break;
        case '1': member.type = TarMember::Type::Hardlink; break;
        case '2': member.type = TarMember::Type::Symlink; break;
        case '5': member.type = TarMember::Type::Directory; break;
        default: member.type = TarMember::Type::Other; break;
        }
        if (member.type == TarMember::Type::Hardlink || member.type == TarMember::Type::Symlink
            || member.type == TarMember::Type::Directory)
            size = 0; // no data follows these, whatever the size field says
        if (!cleanMemberName(rawName, member.name)) {
            return fail(Error::Code::MalformedDocument,
                        QStringLiteral("unsafe member name \"%1\" (absolute, \"..\" or NUL)")
                            .arg(QString::fromUtf8(rawName.left(200))));
        }
        member.linkTarget = link;
        member.size = size;
        member.offset = input.position();

        qint64 consumed = 0;
        if (member.type == TarMember::Type::Regular && size > 0) {
            const bool keep = options.keep && size <= options.keepTotalBytes - keptTotal && options.keep(member.name, size);
            const qint64 want = keep ? size : qMin<qint64>(size, 8);
            QByteArray bytes(want, Qt::Uninitialized);
            auto n = readFully(bytes.data(), want);
            if (!n)
                return n.error();
            if (*n < want)
                return fail(Error::Code::Io, QStringLiteral("truncated: the archive ends inside member \"%1\"")
                                                 .arg(QString::fromUtf8(member.name)));
            consumed = want;
            member.head = bytes.left(8);
            if (keep) {
                member.bytes = std::move(bytes);
                member.kept = true;
                keptTotal += size;
            }
        }
        if (auto r = input.skip(padded(size) - consumed); !r) {
            return fail(Error::Code::Io, QStringLiteral("truncated: the archive ends inside member \"%1\"")
                                             .arg(QString::fromUtf8(member.name)));
        }
        if (member.name.isEmpty())
            continue; // the archive root ("./")

        if (const auto it = index.byName.constFind(member.name); it != index.byName.cend()) {
            const TarMember &earlier = index.members.at(*it);
            if (earlier.type == TarMember::Type::Directory && member.type == TarMember::Type::Directory)
                continue;
            return fail(Error::Code::MalformedDocument,
                        QStringLiteral("member \"%1\" appears twice").arg(QString::fromUtf8(member.name)));
        }
        if (index.members.size() >= options.maxMembers)
            return fail(Error::Code::SizeLimitExceeded, QStringLiteral("more than %1 members").arg(options.maxMembers));
        index.byName.insert(member.name, index.members.size());
        index.members.append(std::move(member));
    }

    if (options.drain) {
        char buffer[64 * 1024];
        for (;;) {
            auto n = input.read(buffer, sizeof buffer);
            if (!n)
                return n.error();
            if (*n == 0)
                break;
        }
    }
    index.streamSize = input.position();
    return index;
}

} // namespace image::source
