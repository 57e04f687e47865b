#pragma once

#include "oci/core/error.h"
#include "oci/transport/registryconfig.h"

#include <QObject>
#include <QPointer>

#include <memory>

namespace oci {
class PingJob;
class RegistryClient;
class Transport;
} // namespace oci

// Asks a registry's /v2/ which scheme it speaks, for the add-registry dialog. HTTPS is
// tried as configured (CA file, insecure); only for a loopback host (localhost, 127.x,
// [::1]) that gives no HTTPS answer is plain HTTP tried too, because local test registries
// usually speak only that. Any HTTP answer counts, a 401 included: the scheme works.
class RegistryProbe final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RegistryProbe)

public:
    enum class Outcome {
        None,          // not started, running or cancelled
        Https,         // answered over HTTPS with a certificate Lading trusts
        PlainHttpOnly, // loopback: no HTTPS, but plain HTTP answered
        Certificate,   // HTTPS failed its certificate check (error() names it and why)
        Unreachable,   // nothing answered (error() says what happened over HTTPS)
        PlainHttp,     // the config asked for plain HTTP and it answered
    };
    Q_ENUM(Outcome)

    // `transport` must outlive the probe.
    explicit RegistryProbe(oci::Transport *transport, QObject *parent = nullptr);
    ~RegistryProbe() override;

    static bool isLoopback(const QString &host);

    // Starts over (a running probe is cancelled silently).
    void start(const oci::RegistryConfig &config);
    void cancel();
    bool isRunning() const;

    const QString &host() const { return m_config.host; }
    Outcome outcome() const { return m_outcome; }
    // The HTTPS failure behind Certificate / Unreachable / PlainHttpOnly.
    const oci::Error &error() const { return m_error; }

Q_SIGNALS:
    void finished();

private:
    void ping(const oci::RegistryConfig &config);
    void onPinged();
    void finish(Outcome outcome);

    oci::Transport *m_transport;
    oci::RegistryConfig m_config;
    std::unique_ptr<oci::RegistryClient> m_client;
    QPointer<oci::PingJob> m_job;
    bool m_triedPlainHttp = false;
    Outcome m_outcome = Outcome::None;
    oci::Error m_error;
};
