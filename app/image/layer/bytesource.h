#pragma once

#include "oci/core/result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QFile>
#include <QString>

#include <memory>

namespace image {

// Compressed blob bytes, pulled by the layer reader on a worker thread. read() blocks as
// long as it needs (it runs off the GUI thread) and returns the next chunk, an empty view
// at the end, or an error. A view stays valid until the next read().
class ByteSource
{
public:
    virtual ~ByteSource();
    virtual oci::Result<QByteArrayView> read() = 0;
    // Total bytes if known (progress), else -1.
    virtual qint64 size() const { return -1; }
    // From another thread: make a read() that waits for bytes give up (with Cancelled), now
    // and from then on. For sources that can block; the default does nothing.
    virtual void interrupt() {}
    // True when the source itself checks its bytes against the digest the reader expects
    // and gives the end (an empty read()) only once they matched, a mismatch being an error
    // from read(): a registry download, which BlobJob verifies as the bytes arrive. The
    // reader then does not hash the same bytes a second time.
    virtual bool verifiesDigest() const { return false; }
};

// Bytes in memory (tests, small blobs).
class MemorySource final : public ByteSource
{
public:
    explicit MemorySource(QByteArray bytes, qsizetype chunkSize = 256 * 1024);
    oci::Result<QByteArrayView> read() override;
    qint64 size() const override { return m_bytes.size(); }

private:
    QByteArray m_bytes;
    qsizetype m_chunkSize;
    qsizetype m_position = 0;
};

// A file, or `length` bytes of it from `offset` (a layer inside a local tarball). Reads in
// 1 MiB chunks.
class FileSource final : public ByteSource
{
public:
    explicit FileSource(QString path, qint64 offset = 0, qint64 length = -1);
    oci::Result<QByteArrayView> read() override;
    qint64 size() const override { return m_length; }

private:
    QString m_path;
    qint64 m_offset;
    qint64 m_length;
    qint64 m_done = 0;
    bool m_opened = false;
    QFile m_file;
    QByteArray m_buffer;
};

} // namespace image
