#include "support/tokenserver.h"

#include "support/httptestserver.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSslCertificate>
#include <QSslKey>
#include <QUuid>

namespace {

QByteArray base64Url(const QByteArray &bytes)
{
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QString randomToken()
{
    QByteArray bytes(24, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), bytes.size() / 4);
    return QString::fromLatin1(base64Url(bytes));
}

// application/x-www-form-urlencoded: '+' is a space, then percent-decoding.
QMultiHash<QString, QString> parseForm(const QByteArray &body)
{
    QMultiHash<QString, QString> form;
    const QList<QByteArray> pairs = body.split('&');
    for (const QByteArray &pair : pairs) {
        if (pair.isEmpty())
            continue;
        const qsizetype eq = pair.indexOf('=');
        QByteArray key = eq < 0 ? pair : pair.left(eq);
        QByteArray value = eq < 0 ? QByteArray() : pair.mid(eq + 1);
        key.replace('+', ' ');
        value.replace('+', ' ');
        form.insert(QUrl::fromPercentEncoding(key), QUrl::fromPercentEncoding(value));
    }
    return form;
}

// Basic credentials from an Authorization header; false when absent or not Basic.
bool basicCredentials(const QByteArray &header, QString *user, QString *password)
{
    if (!header.startsWith("Basic ") && !header.startsWith("basic "))
        return false;
    const QByteArray decoded = QByteArray::fromBase64(header.mid(6).trimmed());
    const qsizetype colon = decoded.indexOf(':');
    if (colon < 0)
        return false;
    *user = QString::fromUtf8(decoded.left(colon));
    *password = QString::fromUtf8(decoded.mid(colon + 1));
    return true;
}

QJsonArray accessJson(const QList<TokenServer::Access> &access)
{
    QJsonArray array;
    for (const TokenServer::Access &a : access) {
        array.append(QJsonObject{{QStringLiteral("type"), a.type},
                                 {QStringLiteral("name"), a.name},
                                 {QStringLiteral("actions"), QJsonArray::fromStringList(a.actions)}});
    }
    return array;
}

} // namespace

TokenServer::TokenServer(QString username, QString password, QObject *parent)
    : QObject(parent)
    , m_username(std::move(username))
    , m_password(std::move(password))
{
}

TokenServer::~TokenServer() = default;

void TokenServer::setTlsIdentity(const QByteArray &certificatePem, const QByteArray &privateKeyPem)
{
    m_tlsCertificatePem = certificatePem;
    m_tlsKeyPem = privateKeyPem;
}

bool TokenServer::start()
{
    m_signer = testsupport::makeSelfSignedCertificate(QStringLiteral("lading test token signer"), false);
    if (m_signer.isNull())
        return false;
    m_http = std::make_unique<HttpTestServer>();
    m_http->setHandler([this](const HttpTestRequest &request) { return handle(request); });
    if (!m_tlsCertificatePem.isEmpty()) {
        const QSslCertificate certificate(m_tlsCertificatePem, QSsl::Pem);
        const QSslKey key(m_tlsKeyPem, QSsl::Rsa, QSsl::Pem);
        if (certificate.isNull() || key.isNull())
            return false;
        m_http->setTlsIdentity(certificate, key);
    }
    return m_http->listen();
}

QUrl TokenServer::realm() const
{
    return m_http ? m_http->url("/token") : QUrl();
}

bool TokenServer::parseScope(const QString &scope, Access *out)
{
    const qsizetype first = scope.indexOf(u':');
    const qsizetype last = scope.lastIndexOf(u':');
    if (first <= 0 || last <= first + 1)
        return false;
    out->type = scope.left(first);
    out->name = scope.mid(first + 1, last - first - 1);
    out->actions = scope.mid(last + 1).split(u',', Qt::SkipEmptyParts);
    return true;
}

QList<TokenServer::Access> TokenServer::grant(const QString &subject, const QStringList &scopes) const
{
    QList<Access> granted;
    for (const QString &scope : scopes) {
        Access wanted;
        if (!parseScope(scope, &wanted))
            continue;
        if (!subject.isEmpty()) {
            granted.append(wanted); // the test user may do anything it asks for
            continue;
        }
        if (wanted.type == u"repository" && wanted.name.startsWith(u"public/")
            && wanted.actions.contains(u"pull")) {
            granted.append(Access{wanted.type, wanted.name, {QStringLiteral("pull")}});
        }
    }
    return granted;
}

QByteArray TokenServer::mintToken(const QString &subject, const QList<Access> &access) const
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const QJsonObject header{
        {QStringLiteral("typ"), QStringLiteral("JWT")},
        {QStringLiteral("alg"), QStringLiteral("RS256")},
        {QStringLiteral("x5c"), QJsonArray{QString::fromLatin1(m_signer.certificateDer.toBase64())}}};
    const QJsonObject claims{
        {QStringLiteral("iss"), m_issuer},
        {QStringLiteral("sub"), subject},
        {QStringLiteral("aud"), m_service}, // a plain string: a list is "malformed token"
        {QStringLiteral("exp"), now + m_lifetimeSeconds},
        {QStringLiteral("nbf"), now - 10},
        {QStringLiteral("iat"), now},
        {QStringLiteral("jti"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
        {QStringLiteral("access"), accessJson(access)}};
    const QByteArray signingInput = base64Url(QJsonDocument(header).toJson(QJsonDocument::Compact)) + '.'
        + base64Url(QJsonDocument(claims).toJson(QJsonDocument::Compact));
    const QByteArray signature = testsupport::signRs256(m_signer.privateKeyPem, signingInput);
    if (signature.isEmpty())
        return {};
    return signingInput + '.' + base64Url(signature);
}

HttpTestResponse TokenServer::handle(const HttpTestRequest &request)
{
    if (request.path() != "/token")
        return HttpTestResponse::text(404, "no such endpoint\n");
    if (request.method == "GET")
        return handleGet(request);
    if (request.method == "POST")
        return handlePost(request);
    return HttpTestResponse::text(405, "GET or POST\n");
}

HttpTestResponse TokenServer::handleGet(const HttpTestRequest &request)
{
    const QUrlQuery query = request.query();
    Issued issued;
    issued.method = request.method;
    issued.scopes = query.allQueryItemValues(QStringLiteral("scope"), QUrl::FullyDecoded);
    issued.account = query.queryItemValue(QStringLiteral("account"), QUrl::FullyDecoded);
    if (query.queryItemValue(QStringLiteral("service"), QUrl::FullyDecoded) != m_service)
        return refuse(issued, 400, "invalid_request");
    if (request.hasHeader("authorization")) {
        QString user;
        QString password;
        if (!basicCredentials(request.header("authorization"), &user, &password)
            || user != m_username || password != m_password) {
            issued.subject = user;
            return refuse(issued, 401, "invalid_grant");
        }
        issued.subject = user;
    }
    const bool offline = query.queryItemValue(QStringLiteral("offline_token")) == u"true";
    return answer(issued, offline && !issued.subject.isEmpty(), false);
}

HttpTestResponse TokenServer::handlePost(const HttpTestRequest &request)
{
    const QMultiHash<QString, QString> form = parseForm(request.body);
    Issued issued;
    issued.method = request.method;
    issued.grantType = form.value(QStringLiteral("grant_type"));
    issued.scopes = form.value(QStringLiteral("scope")).split(u' ', Qt::SkipEmptyParts);
    if (form.value(QStringLiteral("service")) != m_service)
        return refuse(issued, 400, "invalid_request");
    if (form.value(QStringLiteral("client_id")).isEmpty())
        return refuse(issued, 400, "invalid_request"); // required by the Docker OAuth2 spec
    if (issued.grantType == u"password") {
        issued.subject = form.value(QStringLiteral("username"));
        if (issued.subject != m_username || form.value(QStringLiteral("password")) != m_password)
            return refuse(issued, 401, "invalid_grant");
    } else if (issued.grantType == u"refresh_token") {
        const auto it = m_refreshTokens.constFind(form.value(QStringLiteral("refresh_token")));
        if (it == m_refreshTokens.cend())
            return refuse(issued, 401, "invalid_grant");
        issued.subject = it.value();
    } else {
        return refuse(issued, 400, "unsupported_grant_type");
    }
    const bool offline = form.value(QStringLiteral("access_type")) == u"offline";
    return answer(issued, offline, true);
}

HttpTestResponse TokenServer::answer(Issued issued, bool withRefreshToken, bool oauthStyle)
{
    issued.granted = grant(issued.subject, issued.scopes);
    const QByteArray token = mintToken(issued.subject, issued.granted);
    if (token.isEmpty())
        return refuse(issued, 500, "server_error");
    QJsonObject body{
        {QStringLiteral("access_token"), QString::fromLatin1(token)},
        {QStringLiteral("expires_in"), m_lifetimeSeconds},
        {QStringLiteral("issued_at"),
         QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)}};
    if (oauthStyle)
        body.insert(QStringLiteral("scope"), issued.scopes.join(u' '));
    else
        body.insert(QStringLiteral("token"), QString::fromLatin1(token));
    if (withRefreshToken) {
        const QString refresh = randomToken();
        m_refreshTokens.insert(refresh, issued.subject);
        body.insert(QStringLiteral("refresh_token"), refresh);
    }
    m_issued.append(std::move(issued));
    return HttpTestResponse::json(200, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

HttpTestResponse TokenServer::refuse(Issued issued, int status, const QByteArray &error)
{
    issued.status = status;
    m_issued.append(std::move(issued));
    HttpTestResponse response = HttpTestResponse::json(
        status, "{\"error\":\"" + error + "\",\"details\":\"refused by the Lading test token server\"}");
    if (status == 401)
        response.header("WWW-Authenticate", "Basic realm=\"lading-test-token-server\"");
    return response;
}
