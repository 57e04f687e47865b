#pragma once

#include "registryliststore.h"

#include <QObject>
#include <QSet>

#include <memory>

namespace oci {
class ChainedCredentialProvider;
class RegistryClient;
class StaticCredentialProvider;
class Transport;
} // namespace oci

// The network side of one running Lading: one Transport shared by every registry (tokens
// and connections are shared), and where credentials come from: passwords typed in this
// session (kept in memory only, never written anywhere), then Docker's config.json.
class RegistrySession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RegistrySession)

public:
    enum class DockerConfig { Use, Ignore };

    explicit RegistrySession(DockerConfig dockerConfig = DockerConfig::Use,
                             QObject *parent = nullptr);
    ~RegistrySession() override;

    oci::Transport *transport() const { return m_transport; }
    std::unique_ptr<oci::RegistryClient> createClient(const RegistryEntry &entry) const;

    // Remembers a password for `host` until Lading quits; an empty password forgets it.
    void setPassword(const QString &host, const QString &username, const QString &password);
    bool hasPassword(const QString &host) const;
    void forget(const QString &host);

private:
    oci::Transport *m_transport;
    std::shared_ptr<oci::StaticCredentialProvider> m_sessionCredentials;
    QSet<QString> m_hostsWithPassword;
};
