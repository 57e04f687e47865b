#pragma once

// A Transport + RegistryClient wired to a RegistryProcess, as the app would wire them:
// explicit credentials for the registry's host, its TLS settings, short retry delays.
//
//     ClientHarness harness(registry);                 // logged in as the test user
//     auto *job = harness.client()->catalog();
//     QVERIFY(ClientHarness::wait(job));                // finished within the timeout
//     QVERIFY2(job->succeeded(), qPrintable(job->error().describe()));

#include "oci/transport/registryconfig.h"

#include <QtGlobal>

#include <memory>

class RegistryProcess;

namespace oci {
struct Credentials;
class Job;
class RegistryClient;
class Transport;
} // namespace oci

class ClientHarness final
{
    Q_DISABLE_COPY_MOVE(ClientHarness)

public:
    enum class Login { TestUser, Anonymous, WrongPassword };

    explicit ClientHarness(const RegistryProcess &registry, Login login = Login::TestUser);
    // Against the registry with another configuration (e.g. TLS without the CA file).
    ClientHarness(const RegistryProcess &registry, oci::RegistryConfig config, Login login);
    // With exactly these credentials for the registry's host (none when anonymous).
    ClientHarness(oci::RegistryConfig config, const oci::Credentials &credentials);
    ~ClientHarness();

    oci::Transport *transport() const { return m_transport.get(); }
    oci::RegistryClient *client() const { return m_client.get(); }

    // Spins the event loop until `job` emits finished(); false on timeout (the job is
    // cancelled then).
    static bool wait(oci::Job *job, int timeoutMs = 60000);

private:
    static oci::Credentials credentialsFor(const RegistryProcess &registry, Login login);

    std::unique_ptr<oci::Transport> m_transport;
    std::unique_ptr<oci::RegistryClient> m_client;
};
