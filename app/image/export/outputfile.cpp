#include "image/export/outputfile.h"

#include "image/export/exportpaths.h"

#include <QCoreApplication>
#include <QFile>
#include <QRandomGenerator>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace image {

oci::Error OutputFile::ioError(const QString &what, int error) const
{
    return oci::Error(oci::Error::Code::Io,
                      QStringLiteral("%1: %2").arg(what, QString::fromLocal8Bit(strerror(error))))
        .withObject(targetPath());
}

oci::Result<std::unique_ptr<OutputFile>> OutputFile::create(const QString &directory,
                                                            const QString &fileName, bool replace)
{
    std::unique_ptr<OutputFile> out(new OutputFile);
    out->m_directory = directory;
    out->m_fileName = fileName;
    out->m_replace = replace;
    if (!isPlainFileName(fileName))
        return oci::Error(
            oci::Error::Code::InvalidArgument,
            QCoreApplication::translate("image::OutputFile", "“%1” is not a plain file name.")
                .arg(fileName));

    out->m_dirFd =
        ::open(QFile::encodeName(directory).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (out->m_dirFd < 0)
        return out->ioError(
            QCoreApplication::translate("image::OutputFile", "Cannot open the folder"), errno);

    const QByteArray name = QFile::encodeName(fileName);
    struct stat st = {};
    if (!replace && ::fstatat(out->m_dirFd, name.constData(), &st, AT_SYMLINK_NOFOLLOW) == 0)
        return oci::Error(
                   oci::Error::Code::Io,
                   QCoreApplication::translate("image::OutputFile", "The file already exists."))
            .withObject(out->targetPath());

    for (int attempt = 0; attempt < 16 && out->m_fd < 0; ++attempt) {
        out->m_tempName = '.' + name.left(200) + ".part-" +
                          QByteArray::number(QRandomGenerator::global()->generate(), 36);
        out->m_fd = ::openat(out->m_dirFd, out->m_tempName.constData(),
                             O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
        if (out->m_fd < 0 && errno != EEXIST)
            return out->ioError(QCoreApplication::translate("image::OutputFile",
                                                            "Cannot create a file in the folder"),
                                errno);
    }
    if (out->m_fd < 0)
        return out->ioError(
            QCoreApplication::translate("image::OutputFile", "Cannot create a file in the folder"),
            EEXIST);
    return out;
}

OutputFile::~OutputFile()
{
    if (m_fd >= 0)
        ::close(m_fd);
    if (!m_committed && !m_tempName.isEmpty() && m_dirFd >= 0)
        ::unlinkat(m_dirFd, m_tempName.constData(), 0);
    if (m_dirFd >= 0)
        ::close(m_dirFd);
}

oci::Result<void> OutputFile::write(QByteArrayView bytes)
{
    const char *p = bytes.data();
    qsizetype left = bytes.size();
    while (left > 0) {
        const ssize_t n = ::write(m_fd, p, size_t(left));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return ioError(
                QCoreApplication::translate("image::OutputFile", "Cannot write the file"), errno);
        }
        p += n;
        left -= n;
    }
    return {};
}

oci::Result<void> OutputFile::commit(bool executable)
{
    if (::fchmod(m_fd, executable ? 0755 : 0644) != 0 || ::fsync(m_fd) != 0)
        return ioError(QCoreApplication::translate("image::OutputFile", "Cannot write the file"),
                       errno);
    const int closed = ::close(m_fd);
    m_fd = -1;
    if (closed != 0)
        return ioError(QCoreApplication::translate("image::OutputFile", "Cannot write the file"),
                       errno);
    const QByteArray name = QFile::encodeName(m_fileName);
    // rename() replaces a symlink at the destination itself; it never writes through it.
    int r = ::renameat2(m_dirFd, m_tempName.constData(), m_dirFd, name.constData(),
                        m_replace ? 0 : RENAME_NOREPLACE);
    if (r != 0 && !m_replace && (errno == EINVAL || errno == ENOSYS)) {
        // A file system without RENAME_NOREPLACE: link() refuses an existing name too.
        r = ::linkat(m_dirFd, m_tempName.constData(), m_dirFd, name.constData(), 0);
        if (r == 0)
            ::unlinkat(m_dirFd, m_tempName.constData(), 0);
    }
    if (r != 0) {
        if (errno == EEXIST)
            return oci::Error(
                       oci::Error::Code::Io,
                       QCoreApplication::translate("image::OutputFile", "The file already exists."))
                .withObject(targetPath());
        return ioError(QCoreApplication::translate("image::OutputFile", "Cannot write the file"),
                       errno);
    }
    m_committed = true;
    return {};
}

QString OutputFile::targetPath() const
{
    return m_directory + u'/' + m_fileName;
}

QString OutputFile::temporaryPath() const
{
    return m_directory + u'/' + QFile::decodeName(m_tempName);
}

} // namespace image
