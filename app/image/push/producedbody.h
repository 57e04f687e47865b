#pragma once

#include "image/push/producerpool.h"
#include "oci/core/error.h"

#include <QByteArray>
#include <QIODevice>

#include <memory>

namespace oci {
class Digest;
}

namespace image {

class BlobProducer;
class LocalImageSource;

// A blob of the archive as a sequential device, for a request body streamed by the network
// stack: a BlobProducer reads (and verifies) it on a worker, this hands its chunks out on the
// device's thread, with readyRead() when more arrived. Memory stays at the producer's few
// chunks. A failed producer ends the device with an error (read() returns -1) and failed().
class ProducedBody final : public QIODevice
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProducedBody)

public:
    ProducedBody(std::shared_ptr<const LocalImageSource> source, const oci::Digest &blob,
                 ProducerPool::Group group, QObject *parent = nullptr);
    ~ProducedBody() override;

    bool isSequential() const override { return true; }
    // No rewinding (Qt asks when a connection was lost): the transport makes a fresh device.
    // Said without QIODevice's "cannot seek" warning.
    bool reset() override { return false; }
    qint64 bytesAvailable() const override;
    bool atEnd() const override;

Q_SIGNALS:
    void failed(const oci::Error &error);

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *data, qint64 maxSize) override;

private:
    bool m_failed = false;
    bool m_last = false; // m_chunk is the blob's last
    BlobProducer *m_producer = nullptr;
    QByteArray m_chunk;
    qsizetype m_position = 0;
};

} // namespace image
