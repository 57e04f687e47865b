#pragma once

// A slow link in front of a local server: a TCP relay on 127.0.0.1 that passes at most
// `bytesPerSecond` from the clients to the server (uploads) and the answers as they come.
// For tests that need a transfer to last long enough to watch it (a speed, a time left),
// whatever the speed of the machine:
//
//     ThrottledProxy link(registry.port(), 24 * 1024 * 1024);
//     QVERIFY(link.listen());
//     oci::RegistryConfig config = registry.registryConfig();
//     config.host = link.host();                  // the registry, 24 MiB/s upstream
//
// The client side's read buffer is kept small, so the sender feels the limit (its socket
// fills) instead of handing everything to the relay at once. Runs on its thread's event
// loop; no threads.

#include <QObject>
#include <QString>

#include <memory>

class ThrottledProxy final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ThrottledProxy)

public:
    ThrottledProxy(quint16 targetPort, qint64 bytesPerSecond, QObject *parent = nullptr);
    ~ThrottledProxy() override;

    // Binds 127.0.0.1:0. False if that failed.
    bool listen();
    QString host() const; // "127.0.0.1:<port>"
    // Bytes passed to the server so far.
    qint64 bytesUp() const { return m_bytesUp; }

private:
    class Link;
    void accept();
    void tick();
    qint64 burstBytes() const;

    struct Private;
    std::unique_ptr<Private> d;
    qint64 m_bytesPerSecond;
    qint64 m_bytesUp = 0;
};
