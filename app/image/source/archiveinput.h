#pragma once

// Internal to app/image/source: sequential byte inputs over a local file, plain or gzip
// compressed as a whole. Blocking file I/O; one object per thread.

#include "oci/core/result.h"

#include <QFile>
#include <QString>

#include <memory>

namespace image::source {

// A forward-only byte stream. read() returns the bytes copied (0 only at the end).
class SequentialInput
{
public:
    virtual ~SequentialInput();
    virtual oci::Result<qint64> read(char *data, qint64 maxBytes) = 0;
    // Skips `bytes`; Io error "truncated" when the stream ends first.
    virtual oci::Result<void> skip(qint64 bytes);
    // Bytes delivered or skipped so far.
    qint64 position() const { return m_position; }

protected:
    qint64 m_position = 0;
};

// `length` bytes of `path` from `offset` (-1: to the end of the file). Skips by seeking.
class FileRangeInput final : public SequentialInput
{
public:
    FileRangeInput(QString path, qint64 offset, qint64 length);
    oci::Result<void> openFile();
    oci::Result<qint64> read(char *data, qint64 maxBytes) override;
    oci::Result<void> skip(qint64 bytes) override;

private:
    QString m_path;
    qint64 m_offset;
    qint64 m_length;
    QFile m_file;
};

// The decompressed bytes of a gzip file (several members one after the other allowed, as
// pigz and `cat a.gz b.gz` write them), inflated with ISA-L igzip. The gzip CRC and length
// of every member are checked; a truncated stream, trailing garbage or a decompressed size
// over `maxBytes` are errors naming the file. Skipping inflates: seeking costs a re-read.
class GzipFileInput final : public SequentialInput
{
public:
    GzipFileInput(QString path, qint64 maxBytes);
    ~GzipFileInput() override;
    oci::Result<void> openFile();
    oci::Result<qint64> read(char *data, qint64 maxBytes) override;

private:
    oci::Error error(const QString &problem) const;

    QString m_path;
    qint64 m_maxBytes;
    QFile m_file;
    struct Inflater;
    std::unique_ptr<Inflater> m_inflater;
};

// What the first bytes of a file say it is.
enum class OuterCompression { None, Gzip, Zstd, Xz, Bzip2 };
OuterCompression sniffOuterCompression(const QByteArray &head);

} // namespace image::source
