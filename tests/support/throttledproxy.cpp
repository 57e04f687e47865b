#include "throttledproxy.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <vector>

namespace {
constexpr int kTickMs = 5;
constexpr int kBurstTicks = 4; // the most credit kept: a pause is not made up in one burst
} // namespace

// One client connection and its connection to the server.
class ThrottledProxy::Link
{
public:
    QPointer<QTcpSocket> client;
    QPointer<QTcpSocket> server;
    bool serverConnected = false;

    bool serverReady() const
    {
        return server && server->state() == QAbstractSocket::ConnectedState;
    }
    bool finished() const { return !client && !server; }
};

struct ThrottledProxy::Private
{
    QTcpServer listener;
    QTimer ticker;
    QElapsedTimer clock;
    qint64 lastTickMs = 0;
    double credit = 0; // bytes that may go up now
    quint16 targetPort = 0;
    std::vector<std::unique_ptr<Link>> links;
};

ThrottledProxy::ThrottledProxy(quint16 targetPort, qint64 bytesPerSecond, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
    , m_bytesPerSecond(bytesPerSecond)
{
    d->targetPort = targetPort;
    d->ticker.setInterval(kTickMs);
    connect(&d->ticker, &QTimer::timeout, this, &ThrottledProxy::tick);
    connect(&d->listener, &QTcpServer::newConnection, this, &ThrottledProxy::accept);
}

ThrottledProxy::~ThrottledProxy()
{
    for (const auto &link : d->links) {
        for (QTcpSocket *socket : {link->client.data(), link->server.data()}) {
            if (socket) {
                socket->disconnect(this);
                delete socket;
            }
        }
    }
}

bool ThrottledProxy::listen()
{
    if (!d->listener.listen(QHostAddress::LocalHost, 0))
        return false;
    d->clock.start();
    d->ticker.start();
    return true;
}

QString ThrottledProxy::host() const
{
    return QString(u"127.0.0.1:" + QString::number(d->listener.serverPort()));
}

void ThrottledProxy::accept()
{
    while (QTcpSocket *client = d->listener.nextPendingConnection()) {
        auto link = std::make_unique<Link>();
        Link *raw = link.get();
        raw->client = client;
        // Small (two bursts), so that the sender's socket fills when the link is slower
        // than it, and not so small that a tick finds less than its share.
        client->setReadBufferSize(qMax(qint64(64 * 1024), 2 * burstBytes()));
        raw->server = new QTcpSocket(this);
        // The answers pass as they come.
        connect(raw->server, &QTcpSocket::readyRead, this, [raw] {
            if (raw->client)
                raw->client->write(raw->server->readAll());
        });
        connect(raw->server, &QTcpSocket::disconnected, this, [raw] {
            if (raw->client) {
                raw->client->write(raw->server->readAll());
                raw->client->disconnectFromHost();
            }
            raw->server->deleteLater();
        });
        connect(raw->server, &QTcpSocket::connected, this,
                [raw] { raw->serverConnected = true; });
        // The server could not be reached (once connected, `disconnected` says it went).
        connect(raw->server, &QTcpSocket::errorOccurred, this, [raw] {
            if (raw->serverConnected)
                return;
            if (raw->client)
                raw->client->abort();
            raw->server->deleteLater();
        });
        // What the client sent before it closed still goes, at once.
        connect(client, &QTcpSocket::disconnected, this, [this, raw] {
            if (raw->serverReady()) {
                const QByteArray rest = raw->client->readAll();
                m_bytesUp += rest.size();
                raw->server->write(rest);
                raw->server->disconnectFromHost();
            } else if (raw->server) {
                raw->server->abort();
                raw->server->deleteLater();
            }
            raw->client->deleteLater();
        });
        raw->server->connectToHost(QHostAddress::LocalHost, d->targetPort);
        d->links.push_back(std::move(link));
    }
}

qint64 ThrottledProxy::burstBytes() const
{
    return m_bytesPerSecond * kBurstTicks * kTickMs / 1000;
}

// Hands each link its share of the bytes that may go up since the last tick.
void ThrottledProxy::tick()
{
    const qint64 now = d->clock.elapsed();
    d->credit = qMin(d->credit + double(m_bytesPerSecond) * double(now - d->lastTickMs) / 1000.0,
                     double(burstBytes()));
    d->lastTickMs = now;
    for (const auto &link : d->links) {
        if (!link->client || !link->serverReady())
            continue;
        const qint64 available = link->client->bytesAvailable();
        const qint64 budget = qMin(available, qint64(d->credit));
        if (budget <= 0)
            continue;
        const QByteArray bytes = link->client->read(budget);
        link->server->write(bytes);
        m_bytesUp += bytes.size();
        d->credit = qMax(0.0, d->credit - double(bytes.size()));
    }
    std::erase_if(d->links, [](const std::unique_ptr<Link> &link) { return link->finished(); });
}
