#pragma once

#include "oci/core/result.h"

#include <QByteArrayView>
#include <QString>

#include <memory>

namespace image {

// A file being written into a folder the person chose, safely: the name must be one plain
// component (nothing can climb out of the folder), the bytes go to a hidden temporary file
// created with O_EXCL|O_NOFOLLOW next to it, and only commit() puts it in place with a
// rename that never follows a symlink at the destination and — unless `replace` — never
// replaces an existing file (renameat2 RENAME_NOREPLACE). Destroyed without commit(): the
// temporary file is removed, so a failed or cancelled save leaves nothing behind.
class OutputFile final
{
public:
    static oci::Result<std::unique_ptr<OutputFile>> create(const QString &directory,
                                                           const QString &fileName, bool replace);
    ~OutputFile();
    OutputFile(const OutputFile &) = delete;
    OutputFile &operator=(const OutputFile &) = delete;

    int fd() const { return m_fd; }
    oci::Result<void> write(QByteArrayView bytes);
    // `executable`: 0755 instead of 0644 (never setuid/setgid/sticky bits from an image).
    oci::Result<void> commit(bool executable = false);

    QString targetPath() const;
    QString temporaryPath() const;

private:
    OutputFile() = default;
    oci::Error ioError(const QString &what, int error) const;

    QString m_directory;
    QString m_fileName;
    QByteArray m_tempName;
    int m_dirFd = -1;
    int m_fd = -1;
    bool m_replace = false;
    bool m_committed = false;
};

} // namespace image
