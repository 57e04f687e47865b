#include "httptestserver.h"

#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

namespace {

constexpr qint64 kStreamChunk = 64 * 1024;
constexpr qint64 kMaxHeaderBytes = 256 * 1024;

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 202:
        return "Accepted";
    case 204:
        return "No Content";
    case 206:
        return "Partial Content";
    case 301:
        return "Moved Permanently";
    case 302:
        return "Found";
    case 303:
        return "See Other";
    case 304:
        return "Not Modified";
    case 307:
        return "Temporary Redirect";
    case 308:
        return "Permanent Redirect";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 408:
        return "Request Timeout";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    default:
        return "Status";
    }
}

bool hasNoBody(int status)
{
    return status == 204 || status == 304 || (status >= 100 && status < 200);
}

} // namespace

// ---------------------------------------------------------------------------------------

QByteArray HttpTestRequest::path() const
{
    const qsizetype q = target.indexOf('?');
    return q < 0 ? target : target.left(q);
}

QUrlQuery HttpTestRequest::query() const
{
    const qsizetype q = target.indexOf('?');
    if (q < 0)
        return {};
    QUrl url = QUrl::fromEncoded("http://x" + path() + '?' + target.mid(q + 1));
    return QUrlQuery(url);
}

QByteArray HttpTestResponse::headerValue(QByteArrayView name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

HttpTestResponse HttpTestResponse::status204(int status)
{
    HttpTestResponse r;
    r.status = status;
    return r;
}

HttpTestResponse HttpTestResponse::text(int status, const QByteArray &body,
                                        const QByteArray &contentType)
{
    HttpTestResponse r;
    r.status = status;
    r.body = body;
    r.header("Content-Type", contentType);
    return r;
}

HttpTestResponse HttpTestResponse::json(int status, const QByteArray &body,
                                        const QByteArray &contentType)
{
    return text(status, body, contentType);
}

HttpTestResponse HttpTestResponse::registryError(int status, const QByteArray &code,
                                                 const QByteArray &message)
{
    return json(status, R"({"errors":[{"code":")" + code + R"(","message":")" + message +
                            R"(","detail":null}]})");
}

HttpTestResponse HttpTestResponse::redirect(int status, const QByteArray &location)
{
    HttpTestResponse r;
    r.status = status;
    r.header("Location", location);
    return r;
}

// ---------------------------------------------------------------------------------------

class HttpTestServer::Listener final : public QTcpServer
{
public:
    explicit Listener(HttpTestServer *owner) : m_owner(owner) {}

protected:
    void incomingConnection(qintptr descriptor) override
    {
        if (!m_owner->isTls()) {
            QTcpServer::incomingConnection(descriptor);
            return;
        }
        auto *socket = new QSslSocket(this);
        if (!socket->setSocketDescriptor(descriptor)) {
            delete socket;
            return;
        }
        socket->setLocalCertificate(m_owner->m_certificate);
        socket->setPrivateKey(m_owner->m_key);
        socket->setPeerVerifyMode(QSslSocket::VerifyNone);
        // Handshake failures (the client refusing our certificate) just close the socket.
        QObject::connect(socket, &QSslSocket::sslErrors, socket, [socket] { socket->abort(); });
        addPendingConnection(socket);
        socket->startServerEncryption();
    }

private:
    HttpTestServer *m_owner;
};

// One accepted connection: parses requests in order and writes the handler's answers.
class HttpTestServer::Connection final : public QObject
{
public:
    Connection(HttpTestServer *server, QTcpSocket *socket, int id)
        : QObject(server), m_server(server), m_socket(socket), m_id(id)
    {
        socket->setParent(this);
        connect(socket, &QTcpSocket::readyRead, this, &Connection::onReadyRead);
        connect(socket, &QTcpSocket::bytesWritten, this, &Connection::continueStream);
        connect(socket, &QTcpSocket::disconnected, this, [this] {
            m_closed = true;
            deleteLater();
        });
        if (socket->bytesAvailable() > 0)
            QTimer::singleShot(0, this, &Connection::onReadyRead);
    }

private:
    void onReadyRead()
    {
        if (m_closed)
            return;
        m_buffer += m_socket->readAll();
        processBuffer();
    }

    // Parses as many complete requests as the buffer holds, one at a time.
    void processBuffer()
    {
        while (!m_busy && !m_closed) {
            HttpTestRequest request;
            qsizetype consumed = 0;
            const int state = parse(&request, &consumed);
            if (state == 0)
                return; // need more bytes
            if (state < 0) {
                write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                closeSoon();
                return;
            }
            m_buffer.remove(0, consumed);
            request.serverPort = m_server->port();
            request.connectionId = m_id;
            request.receivedAtMs = m_server->m_clock.elapsed();
            m_busy = true;
            const HttpTestResponse response = m_server->handle(request);
            const bool head = request.method == "HEAD";
            const bool clientClose = request.header("connection").toLower() == "close";
            if (response.delayMs > 0) {
                QTimer::singleShot(response.delayMs, this, [this, response, head, clientClose] {
                    respond(response, head, clientClose);
                });
                return;
            }
            respond(response, head, clientClose);
        }
    }

    // 1 = a complete request, 0 = incomplete, -1 = malformed.
    int parse(HttpTestRequest *request, qsizetype *consumed) const
    {
        const qsizetype headerEnd = m_buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            return m_buffer.size() > kMaxHeaderBytes ? -1 : 0;
        const QList<QByteArray> lines = m_buffer.left(headerEnd).split('\n');
        const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
        if (requestLine.size() != 3 || !requestLine.at(2).startsWith("HTTP/1."))
            return -1;
        request->method = requestLine.at(0);
        request->target = requestLine.at(1);
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines.at(i).trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon <= 0)
                return -1;
            const QByteArray name = line.left(colon).trimmed().toLower();
            const QByteArray value = line.mid(colon + 1).trimmed();
            auto it = request->headers.find(name);
            if (it == request->headers.end())
                request->headers.insert(name, value);
            else
                it.value() += ", " + value;
        }
        qsizetype pos = headerEnd + 4;
        if (request->header("transfer-encoding").toLower().contains("chunked")) {
            for (;;) {
                const qsizetype lineEnd = m_buffer.indexOf("\r\n", pos);
                if (lineEnd < 0)
                    return 0;
                bool ok = false;
                const qint64 size = m_buffer.mid(pos, lineEnd - pos)
                                        .split(';')
                                        .value(0)
                                        .trimmed()
                                        .toLongLong(&ok, 16);
                if (!ok || size < 0)
                    return -1;
                pos = lineEnd + 2;
                if (size == 0) {
                    // No trailers expected from Qt: just the final CRLF.
                    if (m_buffer.size() < pos + 2)
                        return 0;
                    pos += 2;
                    break;
                }
                if (m_buffer.size() < pos + size + 2)
                    return 0;
                request->body += m_buffer.mid(pos, size);
                pos += size + 2;
            }
        } else {
            bool ok = true;
            const QByteArray lengthText = request->header("content-length");
            const qint64 length = lengthText.isEmpty() ? 0 : lengthText.toLongLong(&ok);
            if (!ok || length < 0)
                return -1;
            if (m_buffer.size() < pos + length)
                return 0;
            request->body = m_buffer.mid(pos, length);
            pos += length;
        }
        *consumed = pos;
        return 1;
    }

    void respond(const HttpTestResponse &response, bool head, bool clientClose)
    {
        if (m_closed)
            return;
        if (response.closeWithoutAnswer) {
            m_socket->abort();
            return;
        }
        if (!response.rawBytes.isEmpty()) {
            write(response.rawBytes);
            closeSoon();
            return;
        }

        const bool close = clientClose || response.closeAfter ||
                           response.declaredContentLength >= 0 || response.streamEndless;
        const bool streaming = response.streamBytes >= 0 || response.streamEndless;
        const bool userLength = !response.headerValue("Content-Length").isEmpty();
        const bool chunked = streaming && !userLength;

        QByteArray out =
            "HTTP/1.1 " + QByteArray::number(response.status) + ' ' +
            (response.reason.isEmpty() ? reasonPhrase(response.status) : response.reason) + "\r\n";
        for (const auto &h : response.headers)
            out += h.first + ": " + h.second + "\r\n";
        if (!userLength && !hasNoBody(response.status)) {
            if (chunked)
                out += "Transfer-Encoding: chunked\r\n";
            else if (response.declaredContentLength >= 0)
                out += "Content-Length: " + QByteArray::number(response.declaredContentLength) +
                       "\r\n";
            else
                out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
        }
        if (close)
            out += "Connection: close\r\n";
        out += "\r\n";
        if (!head && !hasNoBody(response.status) && !streaming)
            out += response.body;
        write(out);

        if (streaming && !head) {
            m_streamLeft = response.streamEndless ? -1 : response.streamBytes;
            m_streamChunked = chunked;
            m_streamClose = close;
            m_streaming = true;
            continueStream();
            return;
        }
        finishResponse(close);
    }

    void continueStream()
    {
        if (!m_streaming || m_closed)
            return;
        // Keep a bounded amount queued; bytesWritten calls us again.
        while (m_socket->bytesToWrite() < 4 * kStreamChunk) {
            if (m_streamLeft == 0) {
                m_streaming = false;
                if (m_streamChunked)
                    write("0\r\n\r\n");
                finishResponse(m_streamClose);
                return;
            }
            const qint64 n = m_streamLeft < 0 ? kStreamChunk : qMin(kStreamChunk, m_streamLeft);
            const QByteArray filler(n, 'x');
            if (m_streamChunked)
                write(QByteArray::number(n, 16) + "\r\n" + filler + "\r\n");
            else
                write(filler);
            m_server->m_streamedBytes += n;
            if (m_streamLeft > 0)
                m_streamLeft -= n;
        }
    }

    void finishResponse(bool close)
    {
        if (close) {
            closeSoon();
            return;
        }
        m_busy = false;
        QTimer::singleShot(0, this, &Connection::processBuffer);
    }

    void write(const QByteArray &bytes)
    {
        if (!m_closed)
            m_socket->write(bytes);
    }

    void closeSoon()
    {
        m_busy = true; // nothing more is answered on this connection
        m_socket->disconnectFromHost();
    }

    HttpTestServer *m_server;
    QTcpSocket *m_socket;
    int m_id;
    QByteArray m_buffer;
    bool m_busy = false;
    bool m_closed = false;
    bool m_streaming = false;
    bool m_streamChunked = false;
    bool m_streamClose = false;
    qint64 m_streamLeft = 0;
};

// ---------------------------------------------------------------------------------------

HttpTestServer::HttpTestServer(QObject *parent)
    : QObject(parent)
    , m_server(std::make_unique<Listener>(this))
    , m_handler([](const HttpTestRequest &) { return HttpTestResponse::text(404, "not found"); })
{
    connect(m_server.get(), &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = m_server->nextPendingConnection())
            accept(socket);
    });
}

HttpTestServer::~HttpTestServer()
{
    // Connections are children of this object; close the listener first.
    m_server->close();
}

void HttpTestServer::setTlsIdentity(const QSslCertificate &certificate, const QSslKey &key)
{
    m_certificate = certificate;
    m_key = key;
}

bool HttpTestServer::listen()
{
    m_clock.start();
    return m_server->listen(QHostAddress::LocalHost, 0);
}

quint16 HttpTestServer::port() const
{
    return m_server->serverPort();
}

QString HttpTestServer::hostPort() const
{
    return QStringLiteral("127.0.0.1:%1").arg(port());
}

QUrl HttpTestServer::url(QByteArrayView pathAndQuery, QByteArrayView host) const
{
    const QByteArray scheme = isTls() ? "https" : "http";
    return QUrl::fromEncoded(scheme + "://" + host.toByteArray() + ':' +
                                 QByteArray::number(port()) + pathAndQuery.toByteArray(),
                             QUrl::StrictMode);
}

void HttpTestServer::setHandler(HttpTestHandler handler)
{
    m_handler = std::move(handler);
}

int HttpTestServer::requestCount(QByteArrayView path) const
{
    return int(requestsTo(path).size());
}

QList<HttpTestRequest> HttpTestServer::requestsTo(QByteArrayView path) const
{
    QList<HttpTestRequest> result;
    for (const HttpTestRequest &request : m_requests) {
        if (request.path() == path)
            result.append(request);
    }
    return result;
}

void HttpTestServer::accept(QTcpSocket *socket)
{
    new Connection(this, socket, m_nextConnectionId++);
}

HttpTestResponse HttpTestServer::handle(const HttpTestRequest &request)
{
    m_requests.append(request);
    Q_EMIT requestReceived(request);
    return m_handler(request);
}
