#pragma once

// A real layer blob made by GNU tar from a folder written here, for the export tests: what
// Lading writes is compared with what tar itself packed and unpacks.

#include "image/export/exportplan.h"
#include "image/export/tarexport.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

namespace fixture {

// For QVERIFY2: its message is evaluated even when the check passes.
template<typename T>
QByteArray why(const oci::Result<T> &result)
{
    return result ? QByteArray() : result.error().describe().toUtf8();
}

inline QByteArray run(const QString &program, const QStringList &arguments,
                      const QString &workingDirectory = {})
{
    QProcess process;
    if (!workingDirectory.isEmpty())
        process.setWorkingDirectory(workingDirectory);
    process.start(program, arguments);
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0) {
        qWarning() << program << arguments << process.readAllStandardError();
        return QByteArray("<failed>");
    }
    return process.readAllStandardOutput();
}

inline bool writeFile(const QString &path, const QByteArray &bytes, QFile::Permissions perms = {})
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return false;
    file.close();
    return perms == QFile::Permissions() || file.setPermissions(perms);
}

// tmp/src/dir/{hello.txt, run.sh (0755), big.bin (3 MiB), sub/empty, link -> hello.txt,
// out -> /etc, hard (hardlink of hello.txt)} packed as tmp/layer.tar.gz.
struct Layer
{
    QTemporaryDir tmp;
    QString blob;
    QHash<QByteArray, quint32> ordinals; // name in the tar ("dir/hello.txt") → entry number
    oci::Digest digest;

    bool make()
    {
        const QString src = tmp.filePath(QStringLiteral("src"));
        if (!QDir().mkpath(src + u"/dir/sub"))
            return false;
        QByteArray big(3 * 1024 * 1024 + 17, Qt::Uninitialized);
        QRandomGenerator rng(42);
        for (char &c : big)
            c = char(rng.generate() & 0xff);
        const auto exec = QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner |
                          QFile::ReadGroup | QFile::ExeGroup | QFile::ReadOther | QFile::ExeOther;
        if (!writeFile(src + u"/dir/hello.txt", "hello\n") ||
            !writeFile(src + u"/dir/run.sh", "#!/bin/sh\necho hi\n", exec) ||
            !writeFile(src + u"/dir/big.bin", big) || !writeFile(src + u"/dir/sub/empty", {}) ||
            !QFile::link(QStringLiteral("hello.txt"), src + u"/dir/link") ||
            !QFile::link(QStringLiteral("/etc"), src + u"/dir/out") ||
            ::link(QFile::encodeName(src + u"/dir/hello.txt").constData(),
                   QFile::encodeName(src + u"/dir/hard").constData()) != 0)
            return false;
        blob = tmp.filePath(QStringLiteral("layer.tar.gz"));
        if (run(QStringLiteral("tar"), {QStringLiteral("--format=pax"), QStringLiteral("-czf"),
                                        blob, QStringLiteral("-C"), src, QStringLiteral("dir")}) ==
            "<failed>")
            return false;
        const QByteArray list = run(QStringLiteral("tar"), {QStringLiteral("-tzf"), blob});
        quint32 n = 0;
        for (const QByteArray &line : list.split('\n')) {
            if (!line.isEmpty())
                ordinals.insert(line.endsWith('/') ? line.chopped(1) : line, n++);
        }
        digest = oci::Digest::sha256Of(QByteArray("fixture layer"));
        return ordinals.size() == 9;
    }

    image::BlobLocator locator() const
    {
        return [this](const oci::Digest &) -> oci::Result<image::BlobLocation> {
            return image::BlobLocation{blob};
        };
    }

    image::ExportItem item(const QByteArray &name, image::EntryType type, quint32 mode,
                           qint64 size = 0, const QByteArray &target = {}) const
    {
        image::ExportItem item;
        item.path = name;
        item.type = type;
        item.mode = mode;
        item.size = size;
        item.linkTarget = target;
        item.mtime = 1700000000;
        if (type == image::EntryType::Regular) {
            item.layer = 0;
            item.ordinal = ordinals.value(name);
        }
        return item;
    }
};

// One line per path below `root`: type, permission bits, size, content hash or link target;
// hardlinked files name the first path of their inode.
inline QStringList describeTree(const QString &root)
{
    QStringList lines;
    QHash<quint64, QString> inodes;
    QDirIterator it(root, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System,
                    QDirIterator::Subdirectories);
    QStringList paths;
    while (it.hasNext())
        paths.append(it.next());
    paths.sort();
    for (const QString &path : std::as_const(paths)) {
        struct stat st = {};
        if (::lstat(QFile::encodeName(path).constData(), &st) != 0)
            continue;
        const QString rel = QDir(root).relativeFilePath(path);
        QString line = rel + u' ' + QString::number(st.st_mode & 07777, 8) + u' ';
        if (S_ISLNK(st.st_mode)) {
            char target[4096];
            const ssize_t n =
                ::readlink(QFile::encodeName(path).constData(), target, sizeof target);
            line = rel + u" l -> " + QString::fromUtf8(target, n > 0 ? qsizetype(n) : 0);
        } else if (S_ISDIR(st.st_mode)) {
            line += u'd';
        } else {
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly))
                continue;
            line +=
                u"f " + QString::number(st.st_size) + u' ' +
                QString::fromLatin1(
                    QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256).toHex());
            const quint64 inode = quint64(st.st_ino);
            if (st.st_nlink > 1) {
                if (inodes.contains(inode))
                    line += u" =" + inodes.value(inode);
                else
                    inodes.insert(inode, rel);
            }
        }
        lines.append(line);
    }
    return lines;
}

inline QStringList entriesIn(const QString &dir)
{
    return QDir(dir).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden |
                               QDir::System);
}

} // namespace fixture
