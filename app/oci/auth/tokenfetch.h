#pragma once

#include "oci/auth/credentials.h"
#include "oci/auth/tokenresponse.h"
#include "oci/transport/ownedrequest.h"
#include "oci/transport/registryconfig.h"

#include <QObject>
#include <QStringList>
#include <QUrl>

#include <functional>
#include <memory>

namespace oci {

class HopSession;
class Transport;

// One token request to a Bearer realm (distribution auth/token.md, auth/oauth.md):
// POST grant_type=refresh_token when a refresh/identity token is held, falling back to
// GET on 400/401/404/405; otherwise GET with service, one scope parameter per scope,
// account=<username> and Basic credentials when there are any. Credentials go to the
// realm's origin only (the hop loop strips them on any redirect elsewhere).
class TokenFetch final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TokenFetch)

public:
    struct Params
    {
        RegistryConfig registry; // TLS settings and error context
        QUrl realm;              // validated by the caller
        QString service;
        QStringList scopes;
        Credentials credentials;
        QString refreshToken; // non-empty: try the OAuth2 POST first
    };
    using Callback = std::function<void(Result<TokenResponse>)>;

    TokenFetch(Transport *transport, Params params, Callback done, QObject *parent);
    ~TokenFetch() override;

    void start();
    void abort();

private:
    void startPost();
    void startGet();
    void onFinished();
    Error tokenError(const Error &cause) const;

    Transport *m_transport;
    Params m_params;
    Callback m_done;
    OwnedRequest<HopSession> m_session;
    bool m_aborted = false;
    bool m_posting = false;
};

} // namespace oci
