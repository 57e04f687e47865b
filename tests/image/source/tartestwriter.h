#pragma once

// Tar members written by hand for LocalImageSource tests, so hostile names and links are
// exactly what the test says.

#include <QByteArray>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

#include <cstring>

namespace tartest {

// The 512-byte header alone; `size` bytes of data (and padding) must follow.
inline QByteArray tarHeader(const QByteArray &name, qint64 size, char type = '0', const QByteArray &link = QByteArray())
{
    QByteArray header(512, '\0');
    std::memcpy(header.data(), name.constData(), size_t(qMin<qsizetype>(name.size(), 100)));
    std::memcpy(header.data() + 100, "0000644", 7);
    std::memcpy(header.data() + 108, "0000000", 7);
    std::memcpy(header.data() + 116, "0000000", 7);
    const QByteArray sizeField = QByteArray::number(size, 8).rightJustified(11, '0');
    std::memcpy(header.data() + 124, sizeField.constData(), 11);
    std::memcpy(header.data() + 136, "00000000000", 11);
    header[156] = type;
    std::memcpy(header.data() + 157, link.constData(), size_t(qMin<qsizetype>(link.size(), 100)));
    std::memcpy(header.data() + 257, "ustar\0" "00", 8);
    std::memset(header.data() + 148, ' ', 8);
    unsigned sum = 0;
    for (char c : std::as_const(header))
        sum += static_cast<unsigned char>(c);
    const QByteArray checksum = QByteArray::number(sum, 8).rightJustified(6, '0');
    std::memcpy(header.data() + 148, checksum.constData(), 6);
    header[154] = '\0';
    return header;
}

// A ustar member (regular file, '5' folder, '1' hardlink, '2' symlink) with its data.
inline QByteArray tarMember(const QByteArray &name, const QByteArray &content, char type = '0',
                            const QByteArray &link = QByteArray())
{
    const QByteArray header = tarHeader(name, content.size(), type, link);
    QByteArray padding((512 - content.size() % 512) % 512, '\0');
    return header + content + padding;
}

inline QByteArray tarEnd()
{
    return QByteArray(1024, '\0');
}

inline bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

inline QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

inline QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

inline QByteArray json(const QJsonArray &array)
{
    return QJsonDocument(array).toJson(QJsonDocument::Compact);
}

} // namespace tartest
