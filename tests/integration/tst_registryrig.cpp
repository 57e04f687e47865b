// The rig itself against the real registry, with plain QNetworkAccessManager and skopeo:
// the three auth modes and TLS start and answer as they must, the token server's policy
// holds, and the fixtures are what they claim to be. If these fail, every other
// integration test's failure is suspect.

#include "support/fixtures.h"
#include "support/ocilayoutfixture.h"
#include "support/registryprocess.h"
#include "support/tokenserver.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QTest>
#include <QUrlQuery>

namespace {

struct Reply
{
    int status = 0;
    QByteArray body;
    QByteArray wwwAuthenticate;
    QByteArray link;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
};

Reply request(const QByteArray &method, const QUrl &url, const QByteArray &authorization = {},
              const QString &caFile = {}, const QByteArray &body = {},
              const QByteArray &contentType = {})
{
    QNetworkAccessManager nam;
    QNetworkRequest req(url);
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    if (!authorization.isEmpty())
        req.setRawHeader("Authorization", authorization);
    if (!contentType.isEmpty())
        req.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    if (url.path().contains(u"/manifests/")) {
        req.setRawHeader("Accept", "application/vnd.oci.image.manifest.v1+json, "
                                   "application/vnd.oci.image.index.v1+json, "
                                   "application/vnd.docker.distribution.manifest.v2+json, "
                                   "application/vnd.docker.distribution.manifest.list.v2+json");
    }
    if (!caFile.isEmpty()) {
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.setCaCertificates(QSslCertificate::fromPath(caFile));
        req.setSslConfiguration(ssl);
    }
    req.setTransferTimeout(20000);
    QNetworkReply *reply = nam.sendCustomRequest(req, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    Reply out;
    out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    out.body = reply->readAll();
    out.wwwAuthenticate = reply->rawHeader("WWW-Authenticate");
    out.link = reply->rawHeader("Link");
    out.error = reply->error();
    delete reply;
    return out;
}

QUrl registryUrl(const RegistryProcess &registry, const QByteArray &pathAndQuery)
{
    return QUrl::fromEncoded(registry.baseUrl().toEncoded() + pathAndQuery);
}

QByteArray basic(const QString &user, const QString &password)
{
    return "Basic " + QString(user + u':' + password).toUtf8().toBase64();
}

// GET the token server like a Docker client does; returns the status and the token.
QPair<int, QByteArray> fetchToken(const TokenServer &server, const QStringList &scopes,
                                  const QByteArray &authorization = {}, bool offline = false)
{
    QUrl url = server.realm();
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("service"), server.service());
    for (const QString &scope : scopes)
        query.addQueryItem(QStringLiteral("scope"), scope);
    if (offline)
        query.addQueryItem(QStringLiteral("offline_token"), QStringLiteral("true"));
    url.setQuery(query);
    const Reply reply = request("GET", url, authorization);
    const QJsonObject json = QJsonDocument::fromJson(reply.body).object();
    return {reply.status, json.value(u"token").toString().toLatin1()};
}

QJsonObject jwtClaims(const QByteArray &token)
{
    const QList<QByteArray> parts = token.split('.');
    if (parts.size() != 3)
        return {};
    return QJsonDocument::fromJson(QByteArray::fromBase64(parts.at(1), QByteArray::Base64UrlEncoding)).object();
}

QSet<QString> toSet(const QStringList &list)
{
    return QSet<QString>(list.cbegin(), list.cend());
}

} // namespace

class TestRegistryRig final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        REQUIRE_REGISTRY_TOOLS();
    }

    void layoutIsBuiltByUmoci()
    {
        QString error;
        const OciLayoutFixture *layout = OciLayoutFixture::instance(&error);
        QVERIFY2(layout, qPrintable(error));
        QVERIFY(QFile::exists(layout->path() + QStringLiteral("/oci-layout")));
        const QJsonArray entries = QJsonDocument::fromJson([&] {
                                       QFile f(layout->path() + QStringLiteral("/index.json"));
                                       return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
                                   }())
                                       .object()
                                       .value(u"manifests")
                                       .toArray();
        QStringList tags;
        for (const QJsonValue &entry : entries)
            tags << entry.toObject().value(u"annotations").toObject().value(u"org.opencontainers.image.ref.name").toString();
        tags.sort();
        QCOMPARE(tags, (QStringList{QStringLiteral("amd64"), QStringLiteral("arm64"), QStringLiteral("multi")}));
    }

    void anonymousRegistry()
    {
        RegistryProcess registry;
        QVERIFY2(registry.start(), qPrintable(registry.errorString()));
        QVERIFY(registry.host().startsWith(u"127.0.0.1:"));
        const Reply ping = request("GET", registryUrl(registry, "/v2/"));
        QCOMPARE(ping.status, 200);
        QVERIFY(ping.wwwAuthenticate.isEmpty());
        // delete is enabled: DELETE of an unknown digest is 404, not 405 UNSUPPORTED.
        const Reply del = request("DELETE", registryUrl(registry, "/v2/x/manifests/sha256:"
                                                                  + QByteArray(64, 'a')));
        QCOMPARE(del.status, 404);
    }

    void stopsWhatItStarted()
    {
        QUrl url;
        {
            RegistryProcess registry;
            QVERIFY2(registry.start(), qPrintable(registry.errorString()));
            QVERIFY(registry.isRunning());
            url = registryUrl(registry, "/v2/");
            QCOMPARE(request("GET", url).status, 200);
        }
        const Reply after = request("GET", url);
        QCOMPARE(after.status, 0);
        QCOMPARE(after.error, QNetworkReply::ConnectionRefusedError);
    }

    void basicRegistry()
    {
        RegistryProcess registry(RegistryProcess::Auth::Basic);
        QVERIFY2(registry.start(), qPrintable(registry.errorString()));
        const Reply anonymous = request("GET", registryUrl(registry, "/v2/"));
        QCOMPARE(anonymous.status, 401);
        QVERIFY2(anonymous.wwwAuthenticate.startsWith("Basic realm="), anonymous.wwwAuthenticate.constData());
        QCOMPARE(request("GET", registryUrl(registry, "/v2/"), basic(registry.username(), registry.password())).status, 200);
        QCOMPARE(request("GET", registryUrl(registry, "/v2/"), basic(registry.username(), QStringLiteral("wrong"))).status, 401);
    }

    void tokenRegistryPolicy()
    {
        RegistryProcess registry(RegistryProcess::Auth::Token);
        QVERIFY2(registry.start(), qPrintable(registry.errorString()));
        TokenServer *tokens = registry.tokenServer();
        QVERIFY(tokens);

        const Reply challenge = request("GET", registryUrl(registry, "/v2/"));
        QCOMPARE(challenge.status, 401);
        QVERIFY2(challenge.wwwAuthenticate.startsWith("Bearer "), challenge.wwwAuthenticate.constData());
        QVERIFY(challenge.wwwAuthenticate.contains(tokens->realm().toEncoded()));
        QVERIFY(challenge.wwwAuthenticate.contains(tokens->service().toUtf8()));

        // Seed a public and a private repository so there is something to read.
        Fixtures fixtures(registry);
        auto pub = fixtures.pushOciImage(QStringLiteral("public/hello"), QStringLiteral("1.0"));
        QVERIFY_RESULT(pub);
        auto priv = fixtures.pushOciImage(QStringLiteral("private/hello"), QStringLiteral("1.0"));
        QVERIFY_RESULT(priv);
        QVERIFY(tokens->requestCount() > 0); // skopeo went through the token server

        // Anonymous: pull on public/ only.
        auto anon = fetchToken(*tokens, {QStringLiteral("repository:public/hello:pull,push"),
                                         QStringLiteral("repository:private/hello:pull")});
        QCOMPARE(anon.first, 200);
        const QJsonArray anonAccess = jwtClaims(anon.second).value(u"access").toArray();
        QCOMPARE(anonAccess.size(), 1);
        QCOMPARE(anonAccess.at(0).toObject().value(u"name").toString(), QStringLiteral("public/hello"));
        QCOMPARE(anonAccess.at(0).toObject().value(u"actions").toArray(), QJsonArray{QStringLiteral("pull")});
        const QByteArray anonBearer = "Bearer " + anon.second;
        QCOMPARE(request("GET", registryUrl(registry, "/v2/public/hello/manifests/1.0"), anonBearer).status, 200);
        const Reply denied = request("GET", registryUrl(registry, "/v2/private/hello/manifests/1.0"), anonBearer);
        QCOMPARE(denied.status, 401);
        QVERIFY2(denied.wwwAuthenticate.contains("insufficient_scope"), denied.wwwAuthenticate.constData());

        // The test user: everything asked for, including the catalog.
        auto user = fetchToken(*tokens, {QStringLiteral("registry:catalog:*"),
                                         QStringLiteral("repository:private/hello:pull,push,delete")},
                               basic(registry.username(), registry.password()));
        QCOMPARE(user.first, 200);
        const QJsonObject claims = jwtClaims(user.second);
        QCOMPARE(claims.value(u"sub").toString(), registry.username());
        QCOMPARE(claims.value(u"aud").toString(), tokens->service());
        QCOMPARE(claims.value(u"iss").toString(), tokens->issuer());
        QVERIFY(claims.value(u"exp").toInteger() > claims.value(u"iat").toInteger());
        const QByteArray userBearer = "Bearer " + user.second;
        const Reply catalog = request("GET", registryUrl(registry, "/v2/_catalog"), userBearer);
        QCOMPARE(catalog.status, 200);
        QCOMPARE(QJsonDocument::fromJson(catalog.body).object().value(u"repositories").toArray().size(), 2);
        QCOMPARE(request("GET", registryUrl(registry, "/v2/private/hello/manifests/1.0"), userBearer).status, 200);

        // Wrong password: the token server refuses.
        QCOMPARE(fetchToken(*tokens, {QStringLiteral("repository:public/hello:pull")},
                            basic(registry.username(), QStringLiteral("wrong"))).first, 401);
        // A token signed by another key is refused by the registry.
        TokenServer stranger(registry.username(), registry.password());
        QVERIFY(stranger.start());
        const QByteArray forged = stranger.mintToken(registry.username(),
                                                     {{QStringLiteral("repository"), QStringLiteral("private/hello"), {QStringLiteral("pull")}}});
        QCOMPARE(request("GET", registryUrl(registry, "/v2/private/hello/manifests/1.0"), "Bearer " + forged).status, 401);
    }

    void tokenRefreshFlow()
    {
        TokenServer tokens(QStringLiteral("u"), QStringLiteral("p"));
        QVERIFY(tokens.start());
        auto offline = [&] {
            QUrl url = tokens.realm();
            url.setQuery(QStringLiteral("service=") + tokens.service()
                         + QStringLiteral("&scope=repository%3Aa%2Fb%3Apull&offline_token=true"));
            return QJsonDocument::fromJson(request("GET", url, basic(QStringLiteral("u"), QStringLiteral("p"))).body).object();
        }();
        const QString refresh = offline.value(u"refresh_token").toString();
        QVERIFY(!refresh.isEmpty());
        const QByteArray form = "grant_type=refresh_token&service=" + QUrl::toPercentEncoding(tokens.service())
            + "&client_id=lading-test&scope=repository%3Aa%2Fb%3Apull+repository%3Ac%3Apush&refresh_token="
            + QUrl::toPercentEncoding(refresh);
        const Reply posted = request("POST", tokens.realm(), {}, {}, form, "application/x-www-form-urlencoded");
        QCOMPARE(posted.status, 200);
        const QJsonObject json = QJsonDocument::fromJson(posted.body).object();
        const QJsonArray access = jwtClaims(json.value(u"access_token").toString().toLatin1()).value(u"access").toArray();
        QCOMPARE(access.size(), 2);
        QCOMPARE(tokens.issued().constLast().grantType, QStringLiteral("refresh_token"));
        QCOMPARE(tokens.issued().constLast().subject, QStringLiteral("u"));
        // An unknown refresh token and a wrong password are refused.
        const QByteArray bad = "grant_type=refresh_token&service=" + QUrl::toPercentEncoding(tokens.service())
            + "&client_id=x&refresh_token=nope";
        QCOMPARE(request("POST", tokens.realm(), {}, {}, bad, "application/x-www-form-urlencoded").status, 401);
        const QByteArray wrong = "grant_type=password&service=" + QUrl::toPercentEncoding(tokens.service())
            + "&client_id=x&username=u&password=nope";
        QCOMPARE(request("POST", tokens.realm(), {}, {}, wrong, "application/x-www-form-urlencoded").status, 401);
        QCOMPARE(tokens.requestCount(), 4);
        QCOMPARE(tokens.issued().constFirst().method, QByteArray("GET"));
        QCOMPARE(tokens.issued().constFirst().subject, QStringLiteral("u"));
    }

    void tlsRegistry()
    {
        RegistryProcess registry(RegistryProcess::Auth::Anonymous, RegistryProcess::Tls::On);
        QVERIFY2(registry.start(), qPrintable(registry.errorString()));
        QCOMPARE(registry.baseUrl().scheme(), QStringLiteral("https"));
        QVERIFY(QFile::exists(registry.caFile()));
        QCOMPARE(request("GET", registryUrl(registry, "/v2/"), {}, registry.caFile()).status, 200);
        // Without the CA the handshake fails.
        const Reply untrusted = request("GET", registryUrl(registry, "/v2/"));
        QCOMPARE(untrusted.status, 0);
        QCOMPARE(untrusted.error, QNetworkReply::SslHandshakeFailedError);
        // skopeo verifies with the cert dir.
        Fixtures fixtures(registry);
        auto image = fixtures.pushOciImage(QStringLiteral("tls/hello"), QStringLiteral("1"));
        QVERIFY_RESULT(image);
    }

    void tlsTokenRegistry()
    {
        // The realm of an https registry is https too, signed by the same test CA.
        RegistryProcess registry(RegistryProcess::Auth::Token, RegistryProcess::Tls::On);
        QVERIFY2(registry.start(), qPrintable(registry.errorString()));
        QCOMPARE(registry.tokenServer()->realm().scheme(), QStringLiteral("https"));
        const Reply challenge = request("GET", registryUrl(registry, "/v2/"), {}, registry.caFile());
        QCOMPARE(challenge.status, 401);
        QVERIFY(challenge.wwwAuthenticate.contains("realm=\"https://127.0.0.1:"));
        Fixtures fixtures(registry);
        auto image = fixtures.pushOciImage(QStringLiteral("tls/hello"), QStringLiteral("1"));
        QVERIFY_RESULT(image);
        QVERIFY(registry.tokenServer()->requestCount() > 0);
    }

    void fixturesAndBulkSeeding()
    {
        RegistryProcess registry(RegistryProcess::Auth::Basic);
        QVERIFY2(registry.start(), qPrintable(registry.errorString()));
        Fixtures fixtures(registry);
        const QByteArray auth = basic(registry.username(), registry.password());
        QElapsedTimer timer;
        timer.start();
        auto oci = fixtures.pushOciImage(QStringLiteral("images/oci"), QStringLiteral("1.0"));
        QVERIFY_RESULT(oci);
        QCOMPARE(oci->mediaType, QStringLiteral("application/vnd.oci.image.manifest.v1+json"));
        QCOMPARE(oci->layers.size(), 2);
        QVERIFY(oci->configDigest.matches(oci->config));
        QCOMPARE(QJsonDocument::fromJson(oci->config).object().value(u"architecture").toString(), QStringLiteral("amd64"));

        auto docker = fixtures.pushDockerImage(QStringLiteral("images/docker"), QStringLiteral("1.0"));
        QVERIFY_RESULT(docker);
        QCOMPARE(docker->mediaType, QStringLiteral("application/vnd.docker.distribution.manifest.v2+json"));
        QVERIFY(docker->digest != oci->digest);

        auto index = fixtures.pushIndex(QStringLiteral("images/multi"), QStringLiteral("latest"));
        QVERIFY_RESULT(index);
        QCOMPARE(index->mediaType, QStringLiteral("application/vnd.oci.image.index.v1+json"));
        QCOMPARE(index->platforms, (QStringList{QStringLiteral("linux/amd64"), QStringLiteral("linux/arm64/v8")}));
        // Both platform manifests arrived (--all), addressable by digest.
        const QJsonArray children = QJsonDocument::fromJson(index->manifest).object().value(u"manifests").toArray();
        for (const QJsonValue &child : children) {
            const Reply got = request("GET", registryUrl(registry, "/v2/images/multi/manifests/"
                                                                       + child.toObject().value(u"digest").toString().toUtf8()), auth);
            QCOMPARE(got.status, 200);
        }
        qInfo("skopeo fixtures (3 pushes + read-backs): %lld ms", timer.restart());

        auto tags = fixtures.pushManyTags(oci.value(), 3000);
        QVERIFY_RESULT(tags);
        const qint64 tagMs = timer.restart();
        qInfo("3000 tags: %lld ms", tagMs);
        const Reply tagList = request("GET", registryUrl(registry, "/v2/images/oci/tags/list"), auth);
        QCOMPARE(tagList.status, 200);
        QStringList listed;
        const QJsonArray listedJson = QJsonDocument::fromJson(tagList.body).object().value(u"tags").toArray();
        for (const QJsonValue &tag : listedJson)
            listed << tag.toString();
        QStringList expected = tags.value();
        expected << QStringLiteral("1.0");
        QCOMPARE(toSet(listed), toSet(expected));
        QCOMPARE(listed.size(), 3001);
        qInfo("tag list check: %lld ms", timer.restart());

        auto repos = fixtures.pushManyRepositories(oci.value(), QStringLiteral("bulk/r"), 120);
        QVERIFY_RESULT(repos);
        qInfo("120 repositories: %lld ms", timer.restart());
        const Reply page = request("GET", registryUrl(registry, "/v2/_catalog"), auth);
        QCOMPARE(page.status, 200);
        QCOMPARE(QJsonDocument::fromJson(page.body).object().value(u"repositories").toArray().size(), 100);
        QVERIFY2(page.link.startsWith("</v2/_catalog?"), page.link.constData());
        const Reply bulkManifest = request("GET", registryUrl(registry, "/v2/bulk/r119/manifests/latest"), auth);
        QCOMPARE(bulkManifest.status, 200);
        QCOMPARE(bulkManifest.body, oci->manifest);
        const Reply bulkTag = request("GET", registryUrl(registry, "/v2/images/oci/manifests/t2999"), auth);
        QCOMPARE(bulkTag.status, 200);
        QCOMPARE(bulkTag.body, oci->manifest);
        const Reply blob = request("GET", registryUrl(registry, "/v2/bulk/r119/blobs/" + oci->configDigest.toString().toUtf8()), auth);
        QCOMPARE(blob.status, 200);
        QCOMPARE(blob.body, oci->config);
        qInfo("catalog and blob check: %lld ms", timer.restart());

        // The HTTP path gives the same result, the way a client would.
        auto httpTags = fixtures.pushManyTags(docker.value(), 40, QStringLiteral("h"), Fixtures::SeedPath::Http);
        QVERIFY_RESULT(httpTags);
        auto httpRepos = fixtures.pushManyRepositories(docker.value(), QStringLiteral("viahttp/r"), 5,
                                                       QStringLiteral("v1"), Fixtures::SeedPath::Http);
        QVERIFY_RESULT(httpRepos);
        qInfo("40 tags and 5 repositories over HTTP: %lld ms", timer.restart());
        const Reply dockerTags = request("GET", registryUrl(registry, "/v2/images/docker/tags/list"), auth);
        QCOMPARE(QJsonDocument::fromJson(dockerTags.body).object().value(u"tags").toArray().size(), 41);
        const Reply viaHttp = request("GET", registryUrl(registry, "/v2/viahttp/r004/manifests/v1"), auth);
        QCOMPARE(viaHttp.status, 200);
        QCOMPARE(viaHttp.body, docker->manifest);
    }
};

QTEST_GUILESS_MAIN(TestRegistryRig)
#include "tst_registryrig.moc"
