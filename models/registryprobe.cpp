#include "registryprobe.h"

#include "oci/client/registryclient.h"
#include "oci/transport/transport.h"

#include <QHostAddress>

namespace {

using Code = oci::Error::Code;

// Any HTTP status from /v2/ means the scheme works (the registry may want credentials).
bool answered(const oci::Error &error)
{
    switch (error.code()) {
    case Code::None:
    case Code::Unauthorized:
    case Code::Denied:
    case Code::NotFound:
    case Code::TooManyRequests:
    case Code::ServerError:
    case Code::HttpError:
    case Code::Unsupported:
        return true;
    default:
        return false;
    }
}

QString hostWithoutPort(const QString &host)
{
    if (host.startsWith(QLatin1Char('['))) {
        const qsizetype close = host.indexOf(QLatin1Char(']'));
        return close > 0 ? host.mid(1, close - 1) : host;
    }
    const qsizetype colon = host.lastIndexOf(QLatin1Char(':'));
    return colon >= 0 ? host.left(colon) : host;
}

} // namespace

RegistryProbe::RegistryProbe(oci::Transport *transport, QObject *parent)
    : QObject(parent), m_transport(transport)
{
}

RegistryProbe::~RegistryProbe()
{
    cancel();
}

bool RegistryProbe::isLoopback(const QString &host)
{
    const QString name = hostWithoutPort(host).toLower();
    if (name == u"localhost" || name.endsWith(u".localhost"))
        return true;
    const QHostAddress address(name);
    return !address.isNull() && address.isLoopback();
}

void RegistryProbe::start(const oci::RegistryConfig &config)
{
    cancel();
    m_config = config;
    m_triedPlainHttp = false;
    m_outcome = Outcome::None;
    m_error = oci::Error();
    ping(m_config);
}

void RegistryProbe::cancel()
{
    if (oci::PingJob *job = m_job.data()) {
        m_job = nullptr;
        job->cancel();
        delete job;
    }
    m_client.reset();
}

bool RegistryProbe::isRunning() const
{
    return !m_job.isNull();
}

void RegistryProbe::ping(const oci::RegistryConfig &config)
{
    // The probe asks anonymously: whether the registry wants credentials does not matter.
    oci::RegistryConfig anonymous = config;
    anonymous.authMode = oci::RegistryConfig::AuthMode::Anonymous;
    m_client = std::make_unique<oci::RegistryClient>(m_transport, anonymous);
    oci::PingJob *job = m_client->ping();
    m_job = job;
    connect(job, &oci::Job::finished, this, &RegistryProbe::onPinged);
}

void RegistryProbe::onPinged()
{
    oci::PingJob *job = m_job.data();
    if (!job)
        return;
    const oci::Error error = job->error();
    m_job = nullptr;
    job->deleteLater();

    if (m_triedPlainHttp) {
        // An HTTPS server answers plain HTTP with 400 ("Client sent an HTTP request to an
        // HTTPS server"): that is not a plain HTTP registry.
        const bool plainAnswer = answered(error) && error.httpStatus() != 400;
        finish(plainAnswer
                   ? Outcome::PlainHttpOnly
                   : (m_error.code() == Code::Tls ? Outcome::Certificate : Outcome::Unreachable));
        return;
    }
    if (answered(error)) {
        finish(m_config.plainHttp ? Outcome::PlainHttp : Outcome::Https);
        return;
    }
    m_error = error;
    // A certificate the registry showed means it speaks TLS: plain HTTP is not the answer.
    const bool certificateShown =
        error.code() == Code::Tls && error.message().contains(u"certificate ");
    if (!m_config.plainHttp && !certificateShown && isLoopback(m_config.host)) {
        m_triedPlainHttp = true;
        oci::RegistryConfig plain = m_config;
        plain.plainHttp = true;
        plain.insecureSkipTlsVerify = false;
        plain.caFile.clear();
        ping(plain);
        return;
    }
    finish(error.code() == Code::Tls ? Outcome::Certificate : Outcome::Unreachable);
}

void RegistryProbe::finish(Outcome outcome)
{
    m_outcome = outcome;
    Q_EMIT finished();
}
