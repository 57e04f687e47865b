#include "support/httptestserver.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

#include <memory>

// The test server itself: what rig's token server and net's transport tests rely on.
class TestHttpTestServer final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void answersAndLogsRequests();
    void keepsConnectionsAlive();
    void postBodyIsRead();
    void truncatedBodyIsAnError();
    void closeWithoutAnswerIsAnError();
    void rawBytesAreWrittenVerbatim();
    void delayHoldsTheAnswer();
    void endlessBodyStopsWhenClientAborts();

private:
    std::unique_ptr<QNetworkReply> get(const QUrl &url, const QByteArray &header = {},
                                       const QByteArray &value = {});
    bool waitFinished(QNetworkReply *reply, int timeoutMs = 5000);

    QNetworkAccessManager m_nam;
    std::unique_ptr<HttpTestServer> m_server;
};

void TestHttpTestServer::init()
{
    m_server = std::make_unique<HttpTestServer>();
    QVERIFY(m_server->listen());
    QVERIFY(m_server->port() != 0);
    m_nam.clearConnectionCache();
}

std::unique_ptr<QNetworkReply> TestHttpTestServer::get(const QUrl &url, const QByteArray &header,
                                                       const QByteArray &value)
{
    QNetworkRequest request(url);
    if (!header.isEmpty())
        request.setRawHeader(header, value);
    return std::unique_ptr<QNetworkReply>(m_nam.get(request));
}

bool TestHttpTestServer::waitFinished(QNetworkReply *reply, int timeoutMs)
{
    if (reply->isFinished())
        return true;
    QSignalSpy spy(reply, &QNetworkReply::finished);
    return spy.wait(timeoutMs);
}

void TestHttpTestServer::answersAndLogsRequests()
{
    m_server->setHandler([](const HttpTestRequest &request) {
        if (request.path() == "/v2/")
            return HttpTestResponse::json(200, "{}").header(
                "X-Seen", request.query().queryItemValue(QStringLiteral("a")).toUtf8());
        return HttpTestResponse::text(404, "nope");
    });
    auto reply = get(m_server->url("/v2/?a=b%20c"), "Authorization", "Bearer T");
    QVERIFY(waitFinished(reply.get()));
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QCOMPARE(reply->readAll(), QByteArray("{}"));
    QCOMPARE(reply->rawHeader("X-Seen"), QByteArray("b c"));
    QCOMPARE(m_server->requestCount(), 1);
    const HttpTestRequest logged = m_server->requests().constFirst();
    QCOMPARE(logged.method, QByteArray("GET"));
    QCOMPARE(logged.target, QByteArray("/v2/?a=b%20c"));
    QCOMPARE(logged.header("authorization"), QByteArray("Bearer T"));
    QCOMPARE(logged.serverPort, m_server->port());

    auto missing = get(m_server->url("/other"));
    QVERIFY(waitFinished(missing.get()));
    QCOMPARE(missing->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 404);
    QCOMPARE(m_server->requestCount("/other"), 1);
}

void TestHttpTestServer::keepsConnectionsAlive()
{
    m_server->setHandler(
        [](const HttpTestRequest &) { return HttpTestResponse::text(200, "hello"); });
    for (int i = 0; i < 3; ++i) {
        auto reply = get(m_server->url("/x"));
        QVERIFY(waitFinished(reply.get()));
        QCOMPARE(reply->readAll(), QByteArray("hello"));
    }
    QCOMPARE(m_server->requestCount(), 3);
    QCOMPARE(m_server->connectionCount(), 1);
}

void TestHttpTestServer::postBodyIsRead()
{
    m_server->setHandler(
        [](const HttpTestRequest &request) { return HttpTestResponse::text(201, request.body); });
    QNetworkRequest request(m_server->url("/token"));
    request.setHeader(QNetworkRequest::ContentTypeHeader,
                      QByteArray("application/x-www-form-urlencoded"));
    std::unique_ptr<QNetworkReply> reply(
        m_nam.post(request, QByteArray("grant_type=refresh_token")));
    QVERIFY(waitFinished(reply.get()));
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 201);
    QCOMPARE(reply->readAll(), QByteArray("grant_type=refresh_token"));
    QCOMPARE(m_server->requests().constFirst().method, QByteArray("POST"));
}

void TestHttpTestServer::truncatedBodyIsAnError()
{
    m_server->setHandler([](const HttpTestRequest &) {
        HttpTestResponse r = HttpTestResponse::text(200, "only-part");
        r.declaredContentLength = 1000;
        return r;
    });
    auto reply = get(m_server->url("/t"));
    QVERIFY(waitFinished(reply.get()));
    QVERIFY(reply->error() != QNetworkReply::NoError);
}

void TestHttpTestServer::closeWithoutAnswerIsAnError()
{
    m_server->setHandler([](const HttpTestRequest &) {
        HttpTestResponse r;
        r.closeWithoutAnswer = true;
        return r;
    });
    auto reply = get(m_server->url("/c"));
    QVERIFY(waitFinished(reply.get()));
    QVERIFY(reply->error() != QNetworkReply::NoError);
    QVERIFY(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).isNull());
}

void TestHttpTestServer::rawBytesAreWrittenVerbatim()
{
    m_server->setHandler([](const HttpTestRequest &) {
        HttpTestResponse r;
        r.rawBytes = "HTTP/1.1 299 Odd\r\nX-Raw: yes\r\nContent-Length: 3\r\n\r\nabc";
        return r;
    });
    auto reply = get(m_server->url("/r"));
    QVERIFY(waitFinished(reply.get()));
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 299);
    QCOMPARE(reply->rawHeader("X-Raw"), QByteArray("yes"));
    QCOMPARE(reply->readAll(), QByteArray("abc"));
}

void TestHttpTestServer::delayHoldsTheAnswer()
{
    m_server->setHandler([](const HttpTestRequest &) {
        HttpTestResponse r = HttpTestResponse::text(200, "late");
        r.delayMs = 300;
        return r;
    });
    QElapsedTimer timer;
    timer.start();
    auto reply = get(m_server->url("/d"));
    QVERIFY(waitFinished(reply.get()));
    QVERIFY2(timer.elapsed() >= 250, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(reply->readAll(), QByteArray("late"));
}

void TestHttpTestServer::endlessBodyStopsWhenClientAborts()
{
    m_server->setHandler([](const HttpTestRequest &) {
        HttpTestResponse r;
        r.streamEndless = true;
        return r;
    });
    auto reply = get(m_server->url("/e"));
    qint64 received = 0;
    connect(reply.get(), &QNetworkReply::readyRead, this, [&] {
        received += reply->readAll().size();
        if (received > 1024 * 1024)
            reply->abort();
    });
    QVERIFY(waitFinished(reply.get()));
    QCOMPARE(reply->error(), QNetworkReply::OperationCanceledError);
    QVERIFY(received > 1024 * 1024);
    QVERIFY(m_server->streamedBytes() >= received);
    // The server stops writing once the client has gone.
    QTest::qWait(100);
    const qint64 after = m_server->streamedBytes();
    QTest::qWait(100);
    QCOMPARE(m_server->streamedBytes(), after);
}

QTEST_GUILESS_MAIN(TestHttpTestServer)
#include "tst_httptestserver.moc"
