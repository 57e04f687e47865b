#pragma once

#include "image/push/producerpool.h"
#include "oci/core/digest.h"
#include "oci/core/error.h"

#include <QByteArray>
#include <QObject>

#include <memory>
#include <optional>

namespace image {

class LocalImageSource;

// The bytes of one blob to push, read from the archive on a worker thread (verified as they
// pass by BlobStream) and, for an uncompressed layer, gzip'ed on the way (GzipCompressor), cut
// into chunks of ChunkBytes. At most two chunks wait for the sender: memory stays bounded
// whatever the blob's size and however slow the registry. Lives on the sender's thread;
// deleting it stops the worker. Workers run in ProducerPool, shared fairly by `group` (a push).
class BlobProducer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BlobProducer)

public:
    static constexpr qint64 ChunkBytes = 8 * 1024 * 1024;

    struct Chunk
    {
        QByteArray bytes;
        qint64 sourceOffset = 0; // archive bytes consumed once this chunk is sent
        bool last = false;
    };

    BlobProducer(std::shared_ptr<const LocalImageSource> source, const oci::Digest &blob,
                 bool compress, ProducerPool::Group group, QObject *parent = nullptr);
    ~BlobProducer() override;

    void start();
    // The next chunk, if one is ready (after available()).
    std::optional<Chunk> take();
    // Once the last chunk was taken: the digest and size of what was produced (for a
    // compressed layer the gzip blob's; else the archive blob's own).
    const oci::Digest &digest() const { return m_digest; }
    qint64 size() const { return m_size; }

    struct State; // shared with the worker

Q_SIGNALS:
    void available();
    void failed(const oci::Error &error);

private:
    void onNotified();

    std::shared_ptr<State> m_state;
    std::shared_ptr<const LocalImageSource> m_source;
    oci::Digest m_blob;
    bool m_compress;
    ProducerPool::Group m_group;
    oci::Digest m_digest;
    qint64 m_size = -1;
    bool m_started = false;
};

} // namespace image
