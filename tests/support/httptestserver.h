#pragma once

// A tiny HTTP/1.1 server for tests, on 127.0.0.1 with a free port, driven by a handler
// callback. It also produces the faults a real registry cannot be made to produce.
//
//     HttpTestServer server;
//     QVERIFY(server.listen());
//     server.setHandler([](const HttpTestRequest &request) {
//         if (request.path() == "/v2/")
//             return HttpTestResponse::json(200, "{}");
//         return HttpTestResponse::text(404, "nope");
//     });
//     QUrl url = server.url("/v2/");           // http://127.0.0.1:<port>/v2/
//     ... run the client, then: server.requests(), server.requestCount("/v2/") ...
//
// Connections are kept alive (QNetworkAccessManager reuses them) unless the request or
// the response says `Connection: close` or a fault closes it. Requests on one connection
// are answered in order; a delayed response holds back the ones after it.
// Everything runs on the thread the server lives on; no threads are started.

#include <QByteArray>
#include <QElapsedTimer>
#include <QList>
#include <QMap>
#include <QObject>
#include <QPair>
#include <QSslCertificate>
#include <QSslKey>
#include <QUrl>
#include <QUrlQuery>

#include <functional>
#include <memory>

class QTcpServer;

struct HttpTestRequest
{
    QByteArray method;                    // "GET", "HEAD", ...
    QByteArray target;                    // raw request target: path + query, as sent
    QMap<QByteArray, QByteArray> headers; // names lower-cased; repeats joined with ", "
    QByteArray body;                      // read by Content-Length (chunked bodies too)
    quint16 serverPort = 0;               // the port of the server that received it
    int connectionId = 0;                 // requests on one kept-alive connection share it
    qint64 receivedAtMs = 0;              // ms since the server started listening

    QByteArray path() const; // target without the query, still encoded
    // The target's query; read values with QUrl::FullyDecoded ("%2B" -> "+"), e.g.
    // query().queryItemValue("scope", QUrl::FullyDecoded).
    QUrlQuery query() const;
    QByteArray header(QByteArrayView lowerCaseName) const
    {
        return headers.value(lowerCaseName.toByteArray());
    }
    bool hasHeader(QByteArrayView lowerCaseName) const
    {
        return headers.contains(lowerCaseName.toByteArray());
    }
};

struct HttpTestResponse
{
    int status = 200;
    QByteArray reason;                            // empty: a standard phrase
    QList<QPair<QByteArray, QByteArray>> headers; // sent in order; repeats allowed
    QByteArray body;                              // Content-Length is added unless given

    // --- fault knobs ---------------------------------------------------------------
    int delayMs = 0;                 // wait this long before answering
    bool closeWithoutAnswer = false; // drop the connection instead of answering
    QByteArray rawBytes;             // non-empty: written verbatim instead, then closed
    // > body.size(): declared as Content-Length, body sent, then the connection closed
    // (a truncated body).
    qint64 declaredContentLength = -1;
    // >= 0: after the headers, stream this many filler bytes ('x'); -1 with
    // `streamEndless`: stream until the client goes away. Sent chunked when no
    // Content-Length header is given, so an endless body has no declared size.
    qint64 streamBytes = -1;
    bool streamEndless = false;
    bool closeAfter = false; // add `Connection: close` and close after answering

    HttpTestResponse &header(const QByteArray &name, const QByteArray &value)
    {
        headers.append({name, value});
        return *this;
    }
    QByteArray headerValue(QByteArrayView name) const; // first match, case-insensitive

    static HttpTestResponse status204(int status = 204);
    static HttpTestResponse text(int status, const QByteArray &body,
                                 const QByteArray &contentType = "text/plain");
    static HttpTestResponse json(int status, const QByteArray &body,
                                 const QByteArray &contentType = "application/json");
    // A registry error body {"errors":[{"code":..,"message":..}]}.
    static HttpTestResponse registryError(int status, const QByteArray &code,
                                          const QByteArray &message = {});
    static HttpTestResponse redirect(int status, const QByteArray &location);
};

using HttpTestHandler = std::function<HttpTestResponse(const HttpTestRequest &)>;

class HttpTestServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpTestServer)

public:
    explicit HttpTestServer(QObject *parent = nullptr);
    ~HttpTestServer() override;

    // Optional TLS (call before listen()): connections are served with this certificate.
    void setTlsIdentity(const QSslCertificate &certificate, const QSslKey &key);
    bool isTls() const { return !m_certificate.isNull(); }

    // Binds 127.0.0.1:0. Returns false if that failed.
    bool listen();
    quint16 port() const;
    // "127.0.0.1:<port>" — a registry host as RegistryConfig wants it.
    QString hostPort() const;
    // http(s)://127.0.0.1:<port><pathAndQuery>; pass `host` "localhost" to address the
    // same server as a different origin.
    QUrl url(QByteArrayView pathAndQuery = "/", QByteArrayView host = "127.0.0.1") const;

    // The default handler answers 404 to everything.
    void setHandler(HttpTestHandler handler);

    // The request log, oldest first.
    QList<HttpTestRequest> requests() const { return m_requests; }
    int requestCount() const { return int(m_requests.size()); }
    // Requests whose path (without query) equals `path`.
    int requestCount(QByteArrayView path) const;
    QList<HttpTestRequest> requestsTo(QByteArrayView path) const;
    void clearRequests() { m_requests.clear(); }
    // Bytes of streamed bodies written so far (endless/oversized bodies).
    qint64 streamedBytes() const { return m_streamedBytes; }
    int connectionCount() const { return m_nextConnectionId - 1; }

Q_SIGNALS:
    void requestReceived(const HttpTestRequest &request);

private:
    class Connection;
    friend class Connection;
    class Listener;

    void accept(class QTcpSocket *socket);
    HttpTestResponse handle(const HttpTestRequest &request);

    std::unique_ptr<QTcpServer> m_server;
    HttpTestHandler m_handler;
    QList<HttpTestRequest> m_requests;
    QSslCertificate m_certificate;
    QSslKey m_key;
    QElapsedTimer m_clock;
    qint64 m_streamedBytes = 0;
    int m_nextConnectionId = 1;
};
