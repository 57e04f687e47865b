#pragma once

// Tar archives written byte by byte for the layer reader's tests: exact control over names
// (non-UTF-8, NUL, `../`), PAX and GNU long-name records, checksums and truncation, which
// no well-behaved writer would produce. Compression through the real gzip/zstd tools.

#include <QByteArray>
#include <QList>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>

#include <cstring>

// Fails the test with the error's text when a Result holds an error.
#define QVERIFY_OK(result)                                                                  \
    do {                                                                                   \
        if (!(result).ok())                                                                \
            QFAIL(qPrintable((result).error().describe()));                                \
    } while (false)

namespace tartest {

constexpr int Block = 512;

inline void putOctal(QByteArray &header, int offset, int width, qint64 value)
{
    // width-1 octal digits, then NUL
    QByteArray digits = QByteArray::number(value, 8).rightJustified(width - 1, '0');
    std::memcpy(header.data() + offset, digits.constData(), size_t(width - 1));
    header[offset + width - 1] = '\0';
}

inline void putString(QByteArray &header, int offset, int width, const QByteArray &value)
{
    std::memcpy(header.data() + offset, value.constData(), size_t(qMin<qsizetype>(width, value.size())));
}

inline QByteArray padded(const QByteArray &data)
{
    QByteArray out = data;
    const qsizetype rest = data.size() % Block;
    if (rest)
        out.append(QByteArray(Block - rest, '\0'));
    return out;
}

struct Header
{
    QByteArray name;
    char type = '0';
    qint64 size = 0;
    int mode = 0644;
    QByteArray link;
    int uid = 0;
    int gid = 0;
    QByteArray uname = "root";
    QByteArray gname = "root";
    qint64 mtime = 1700000000;
    bool badChecksum = false;
};

inline Header makeHeader(const QByteArray &name, char type, int mode = 0644, qint64 size = 0)
{
    Header h;
    h.name = name;
    h.type = type;
    h.mode = mode;
    h.size = size;
    return h;
}

inline QByteArray ustarHeader(const Header &h)
{
    QByteArray header(Block, '\0');
    putString(header, 0, 100, h.name);
    putOctal(header, 100, 8, h.mode);
    putOctal(header, 108, 8, h.uid);
    putOctal(header, 116, 8, h.gid);
    putOctal(header, 124, 12, h.size);
    putOctal(header, 136, 12, h.mtime);
    std::memset(header.data() + 148, ' ', 8);
    header[156] = h.type;
    putString(header, 157, 100, h.link);
    putString(header, 257, 6, QByteArray("ustar"));
    putString(header, 263, 2, QByteArray("00"));
    putString(header, 265, 32, h.uname);
    putString(header, 297, 32, h.gname);
    unsigned int sum = 0;
    for (char c : std::as_const(header))
        sum += static_cast<unsigned char>(c);
    if (h.badChecksum)
        sum += 1;
    QByteArray checksum = QByteArray::number(sum, 8).rightJustified(6, '0');
    std::memcpy(header.data() + 148, checksum.constData(), 6);
    header[154] = '\0';
    header[155] = ' ';
    return header;
}

inline QByteArray paxRecord(const QByteArray &key, const QByteArray &value)
{
    const QByteArray body = ' ' + key + '=' + value + '\n';
    qsizetype length = body.size() + 1;
    while (QByteArray::number(length).size() + body.size() != length)
        ++length;
    return QByteArray::number(length) + body;
}

class Writer
{
public:
    Writer &file(const QByteArray &name, const QByteArray &content, int mode = 0644)
    {
        Header h;
        h.name = name;
        h.size = content.size();
        h.mode = mode;
        m_bytes += ustarHeader(h) + padded(content);
        return *this;
    }
    Writer &dir(const QByteArray &name, int mode = 0755)
    {
        Header h;
        h.name = name;
        h.type = '5';
        h.mode = mode;
        m_bytes += ustarHeader(h);
        return *this;
    }
    Writer &symlink(const QByteArray &name, const QByteArray &target)
    {
        Header h;
        h.name = name;
        h.type = '2';
        h.mode = 0777;
        h.link = target;
        m_bytes += ustarHeader(h);
        return *this;
    }
    Writer &hardlink(const QByteArray &name, const QByteArray &target)
    {
        Header h;
        h.name = name;
        h.type = '1';
        h.link = target;
        m_bytes += ustarHeader(h);
        return *this;
    }
    Writer &header(const Header &h, const QByteArray &content = {})
    {
        m_bytes += ustarHeader(h) + padded(content);
        return *this;
    }
    // A PAX extended header ('x') applying to the next entry.
    Writer &pax(const QList<QPair<QByteArray, QByteArray>> &records)
    {
        QByteArray body;
        for (const auto &[key, value] : records)
            body += paxRecord(key, value);
        Header h;
        h.name = "PaxHeaders/x";
        h.type = 'x';
        h.size = body.size();
        m_bytes += ustarHeader(h) + padded(body);
        return *this;
    }
    // A GNU long name ('L') for the next entry.
    Writer &gnuLongName(const QByteArray &name)
    {
        Header h;
        h.name = "././@LongLink";
        h.type = 'L';
        h.size = name.size() + 1;
        m_bytes += ustarHeader(h) + padded(name + '\0');
        return *this;
    }
    Writer &raw(const QByteArray &bytes)
    {
        m_bytes += bytes;
        return *this;
    }
    // The two zero blocks, plus `padding` zero bytes (tar's blocking factor).
    QByteArray finish(int padding = 0) const
    {
        return m_bytes + QByteArray(2 * Block + padding, '\0');
    }
    QByteArray unfinished() const { return m_bytes; }

private:
    QByteArray m_bytes;
};

// `program args` with `input` on stdin; the bytes it writes. Fails the test when missing.
inline QByteArray filter(const QString &program, const QStringList &args, const QByteArray &input)
{
    if (QStandardPaths::findExecutable(program).isEmpty()) {
        qWarning("%s is not installed", qPrintable(program));
        return {};
    }
    QProcess process;
    process.start(program, args);
    process.waitForStarted();
    process.write(input);
    process.closeWriteChannel();
    process.waitForFinished(120000);
    return process.readAllStandardOutput();
}

inline QByteArray gzip(const QByteArray &tar, int level = 6)
{
    return filter(QStringLiteral("gzip"), {QStringLiteral("-c"), QStringLiteral("-n"),
                                           QStringLiteral("-%1").arg(level)},
                  tar);
}

inline QByteArray zstd(const QByteArray &tar)
{
    return filter(QStringLiteral("zstd"), {QStringLiteral("-c"), QStringLiteral("-q")}, tar);
}

} // namespace tartest
