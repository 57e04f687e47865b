#include "support/clientharness.h"

#include "support/registryprocess.h"

#include "oci/auth/staticcredentials.h"
#include "oci/client/registryclient.h"
#include "oci/transport/transport.h"

#include <QDeadlineTimer>
#include <QSignalSpy>

ClientHarness::ClientHarness(const RegistryProcess &registry, Login login)
    : ClientHarness(registry, registry.registryConfig(), login)
{
}

ClientHarness::ClientHarness(const RegistryProcess &registry, oci::RegistryConfig config, Login login)
    : ClientHarness(std::move(config), credentialsFor(registry, login))
{
}

ClientHarness::ClientHarness(oci::RegistryConfig config, const oci::Credentials &credentials)
    : m_transport(std::make_unique<oci::Transport>())
{
    oci::TransportOptions options = m_transport->options();
    options.backoffBaseMs = 20; // a test waits milliseconds, not seconds, for a retry
    options.backoffMaxMs = 200;
    options.transferTimeoutMs = 20000;
    m_transport->setOptions(options);
    if (!credentials.isAnonymous()) {
        auto provider = std::make_shared<oci::StaticCredentialProvider>();
        provider->set(config.host, credentials);
        m_transport->setCredentialProvider(provider);
    }
    m_client = std::make_unique<oci::RegistryClient>(m_transport.get(), std::move(config));
}

oci::Credentials ClientHarness::credentialsFor(const RegistryProcess &registry, Login login)
{
    oci::Credentials credentials;
    if (login != Login::Anonymous) {
        credentials.username = registry.username();
        credentials.password = login == Login::WrongPassword ? QStringLiteral("not-the-password")
                                                             : registry.password();
    }
    return credentials;
}

// The client (and its jobs) go before the transport they use.
ClientHarness::~ClientHarness()
{
    m_client.reset();
    m_transport.reset();
}

bool ClientHarness::wait(oci::Job *job, int timeoutMs)
{
    if (!job)
        return false;
    if (job->isFinished()) // finished() already came while we waited for another job
        return true;
    QSignalSpy finished(job, &oci::Job::finished);
    QDeadlineTimer deadline(timeoutMs);
    while (finished.isEmpty() && !deadline.hasExpired())
        finished.wait(int(qMax<qint64>(1, deadline.remainingTime())));
    if (finished.isEmpty()) {
        job->cancel();
        return false;
    }
    return finished.size() == 1;
}
