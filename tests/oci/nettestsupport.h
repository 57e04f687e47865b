#pragma once

// Helpers for net's unit tests (transport, auth, RegistryClient against HttpTestServer).

#include "support/httptestserver.h"

#include "oci/auth/credentials.h"
#include "oci/transport/registryconfig.h"
#include "oci/transport/transport.h"
#include "oci/transport/transportreply.h"

#include <QSignalSpy>
#include <QTest>

#include <memory>

namespace nettest {

// Waits for `object->finished()` unless it already finished.
template<typename T>
bool waitFinished(T *object, int timeoutMs = 15000)
{
    if (object->isFinished())
        return true;
    QSignalSpy spy(object, &T::finished);
    return spy.wait(timeoutMs);
}

// Retries in milliseconds, a short inactivity timeout.
inline oci::TransportOptions fastOptions()
{
    oci::TransportOptions options;
    options.backoffBaseMs = 2;
    options.backoffMaxMs = 10;
    options.maxRetries = 3;
    options.transferTimeoutMs = 3000;
    return options;
}

// The server as a plain-http registry.
inline oci::RegistryConfig registryFor(const HttpTestServer &server)
{
    oci::RegistryConfig config;
    config.host = server.hostPort();
    config.plainHttp = !server.isTls();
    return config;
}

// A provider answering one fixed set of credentials for every host, counting lookups.
class FixedCredentials final : public oci::CredentialProvider
{
public:
    explicit FixedCredentials(oci::Credentials credentials) : m_credentials(std::move(credentials))
    {
    }
    void lookup(const QString &host, oci::CredentialsCallback done) const override
    {
        m_hosts << host;
        done(m_credentials);
    }
    mutable QStringList m_hosts;

private:
    oci::Credentials m_credentials;
};

inline oci::Credentials userPassword(const QString &user, const QString &password)
{
    oci::Credentials credentials;
    credentials.username = user;
    credentials.password = password;
    return credentials;
}

inline QByteArray basicHeader(const QString &user, const QString &password)
{
    return "Basic " + (user + u':' + password).toUtf8().toBase64();
}

// A GET of `path` on `server`.
inline oci::TransportRequest getRequest(const HttpTestServer &server, QByteArrayView path)
{
    oci::TransportRequest request;
    request.url = server.url(path);
    request.object = QStringLiteral("test");
    return request;
}

} // namespace nettest
