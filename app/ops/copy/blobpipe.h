#pragma once

#include <QByteArray>
#include <QIODevice>
#include <QPointer>

#include <deque>
#include <memory>

namespace ops {

// What the pipes of one job hold in memory now and at most, together (a copy's bound is
// asserted on it, not on the process size).
struct BufferMeter
{
    qint64 current = 0;
    qint64 peak = 0;
    void add(qint64 bytes);
};

// A bounded in-memory pipe from a blob download to the upload of the same bytes, so that a
// blob goes registry to registry without touching disk: the download writes into the pipe
// (it is BlobJob's sink), the upload reads from it (openReader() is the body source of
// BlobUpload::commitStreamed). When the pipe holds highWater bytes it asks for the download
// to pause (pressureChanged(true)); once the upload has read it down to a quarter of that,
// to go on (pressureChanged(false)). The download's reads are bounded by the network stack's
// read buffer, so the pipe holds at most highWater plus one such read.
//
// The last byte of the blob is withheld until finish() (the download verified its digest):
// an upload can never complete with bytes that did not match. fail() ends the readers with
// an error.
//
//     auto *pipe = new BlobPipe(blob.size(), 4 * 1024 * 1024, meter, this);
//     connect(pipe, &BlobPipe::pressureChanged, download, &oci::BlobJob::setPaused);
//     download = source->blob(repo, blob.digest(), pipe, 0, blob.size());
//     upload->commitStreamed(blob.digest(), [pipe] { return pipe->openReader(); }, blob.size());
class BlobPipe final : public QIODevice
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BlobPipe)

public:
    BlobPipe(qint64 size, qint64 highWater, std::shared_ptr<BufferMeter> meter,
             QObject *parent = nullptr);
    ~BlobPipe() override;

    // A new device reading the pipe from the start, for one attempt of the upload; the
    // caller (the network stack) owns it. nullptr once a reader consumed bytes: a pipe
    // cannot be replayed.
    QIODevice *openReader();

    // The download is complete and verified: the rest (the withheld last byte) may go.
    void finish();
    // The download failed: readers end with an error.
    void fail(const QString &why);

    qint64 blobSize() const { return m_size; }
    bool isSequential() const override { return true; }
    qint64 buffered() const { return m_buffered; }
    qint64 peakBuffered() const { return m_peak; }
    qint64 delivered() const { return m_delivered; } // bytes handed to readers
    bool isFull() const { return m_full; }
    int pauses() const { return m_pauses; } // times pressureChanged(true) was emitted

    // Called by the reader device.
    qint64 readInto(char *data, qint64 maxSize);
    qint64 readable() const;
    bool readerAtEnd() const;
    bool hasFailed() const { return m_failed; }

Q_SIGNALS:
    void pressureChanged(bool full);
    void dataArrived(); // more to read (or the end, or a failure)

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *data, qint64 maxSize) override;

private:
    void setBuffered(qint64 bytes);

    qint64 m_size;
    qint64 m_highWater;
    std::shared_ptr<BufferMeter> m_meter;
    std::deque<QByteArray> m_chunks;
    qsizetype m_position = 0; // in m_chunks.front()
    qint64 m_buffered = 0;
    qint64 m_peak = 0;
    qint64 m_written = 0;
    qint64 m_delivered = 0;
    bool m_finished = false;
    bool m_failed = false;
    bool m_full = false;
    int m_pauses = 0;
};

// The upload side of a BlobPipe: a sequential read-only device over it.
class BlobPipeReader final : public QIODevice
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BlobPipeReader)

public:
    explicit BlobPipeReader(BlobPipe *pipe);
    ~BlobPipeReader() override;

    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override;
    bool atEnd() const override;

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *data, qint64 maxSize) override;

private:
    QPointer<BlobPipe> m_pipe;
};

} // namespace ops
