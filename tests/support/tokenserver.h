#pragma once

// The Docker token server that the registry in Token mode points its `realm` at.
// RS256 JWTs signed by a key made at start; the registry trusts its certificate through
// `rootcertbundle` and finds it from the token's `x5c` header.
//
// Policy: anonymous requests get `pull` on repositories under `public/` and nothing else;
// the test user (Basic credentials on GET, or grant_type=password on POST) gets every
// action asked for; a wrong password is answered 401. A refresh token is issued when the
// client asks for one (GET offline_token=true, POST access_type=offline) and redeemed by
// POST grant_type=refresh_token.

#include "support/testcerts.h"

#include <QHash>
#include <QJsonArray>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <memory>

class HttpTestServer;
struct HttpTestRequest;
struct HttpTestResponse;

class TokenServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TokenServer)

public:
    // One entry of the `access` claim.
    struct Access
    {
        QString type;        // "repository", "registry"
        QString name;        // repository name, "catalog"
        QStringList actions; // "pull", "push", "delete", "*"
    };

    // One answered or refused token request, for assertions.
    struct Issued
    {
        QByteArray method;      // GET / POST
        QString grantType;      // "", "password", "refresh_token"
        QString subject;        // "" for anonymous
        QString account;        // the GET `account` parameter, if sent
        QStringList scopes;     // as requested
        QList<Access> granted;
        int status = 200;
    };

    TokenServer(QString username, QString password, QObject *parent = nullptr);
    ~TokenServer() override;

    // Serve the realm over https with this identity (call before start()). Clients refuse
    // to send credentials to an http realm of an https registry, rightly.
    void setTlsIdentity(const QByteArray &certificatePem, const QByteArray &privateKeyPem);

    // Makes the signing key and starts listening on 127.0.0.1:0. False on failure.
    bool start();

    QUrl realm() const;                 // http://127.0.0.1:PORT/token
    QString service() const { return m_service; }
    QString issuer() const { return m_issuer; }
    QByteArray certificatePem() const { return m_signer.certificatePem; }

    // Token lifetime in seconds (expires_in). Default 300.
    void setLifetimeSeconds(int seconds) { m_lifetimeSeconds = seconds; }

    // Requests answered (any status) and the details of each, oldest first.
    int requestCount() const { return int(m_issued.size()); }
    QList<Issued> issued() const { return m_issued; }
    void clearLog() { m_issued.clear(); }

    // A token signed like the served ones, without a request (for fixtures that seed the
    // registry directly) — not counted.
    QByteArray mintToken(const QString &subject, const QList<Access> &access) const;

    // "repository:name:pull,push" -> Access; name may itself hold ':' (registry:5000/x).
    static bool parseScope(const QString &scope, Access *out);

private:
    HttpTestResponse handle(const HttpTestRequest &request);
    HttpTestResponse handleGet(const HttpTestRequest &request);
    HttpTestResponse handlePost(const HttpTestRequest &request);
    HttpTestResponse answer(Issued issued, bool withRefreshToken, bool oauthStyle);
    HttpTestResponse refuse(Issued issued, int status, const QByteArray &error);
    QList<Access> grant(const QString &subject, const QStringList &scopes) const;

    std::unique_ptr<HttpTestServer> m_http;
    testsupport::CertificateAndKey m_signer;
    QByteArray m_tlsCertificatePem;
    QByteArray m_tlsKeyPem;
    QString m_username;
    QString m_password;
    QString m_service = QStringLiteral("lading-test-registry");
    QString m_issuer = QStringLiteral("lading-test-token-issuer");
    int m_lifetimeSeconds = 300;
    QList<Issued> m_issued;
    QHash<QString, QString> m_refreshTokens; // refresh token -> subject
};
