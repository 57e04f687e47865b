#pragma once

#include <QByteArray>
#include <QIODevice>
#include <QList>

namespace image {

// Pieces of a request body read in a row without joining them (joining 32 MiB on the GUI
// thread stalls it): a sequential device over implicitly shared QByteArrays.
class ChunkListDevice final : public QIODevice
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChunkListDevice)

public:
    explicit ChunkListDevice(QList<QByteArray> pieces, QObject *parent = nullptr);
    ~ChunkListDevice() override;

    static qint64 totalSize(const QList<QByteArray> &pieces);

    bool isSequential() const override { return true; }
    // As ProducedBody: a fresh device per attempt instead, without QIODevice's seek warning.
    bool reset() override { return false; }
    qint64 bytesAvailable() const override;
    bool atEnd() const override;

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *data, qint64 maxSize) override;

private:
    QList<QByteArray> m_pieces;
    qsizetype m_piece = 0;
    qsizetype m_position = 0; // in m_pieces[m_piece]
    qint64 m_left = 0;
};

} // namespace image
