#include "registryaddress.h"

#include <QRegularExpression>

namespace {

// A DNS name or IPv4 address as the distribution reference grammar allows it.
bool isValidHostName(const QString &name)
{
    static const QRegularExpression domain(QRegularExpression::anchoredPattern(QStringLiteral(
        R"((?:[a-z0-9]|[a-z0-9][a-z0-9-]*[a-z0-9])(?:\.(?:[a-z0-9]|[a-z0-9][a-z0-9-]*[a-z0-9]))*)")));
    return name.size() <= 253 && domain.match(name).hasMatch();
}

bool isValidIpv6Literal(const QString &bracketed)
{
    static const QRegularExpression ipv6(
        QRegularExpression::anchoredPattern(QStringLiteral(R"(\[[0-9a-f:.]+(?:%[0-9a-z]+)?\])")));
    return ipv6.match(bracketed).hasMatch() && bracketed.count(QLatin1Char(':')) >= 2;
}

QString normalizedDockerHub(const QString &host)
{
    if (host == u"index.docker.io" || host == u"registry-1.docker.io")
        return QStringLiteral("docker.io");
    return host;
}

} // namespace

RegistryAddress RegistryAddress::failure(Problem problem)
{
    RegistryAddress address;
    address.m_problem = problem;
    return address;
}

RegistryAddress RegistryAddress::parse(QStringView text)
{
    QString rest = text.trimmed().toString();
    if (rest.isEmpty())
        return failure(Problem::Empty);

    RegistryAddress address;
    const qsizetype schemeEnd = rest.indexOf(u"://");
    if (schemeEnd >= 0) {
        const QString scheme = rest.left(schemeEnd).toLower();
        if (scheme == u"http")
            address.m_scheme = Scheme::Http;
        else if (scheme == u"https")
            address.m_scheme = Scheme::Https;
        else
            return failure(Problem::UnsupportedScheme);
        rest = rest.mid(schemeEnd + 3);
    }

    if (rest.contains(QLatin1Char('?')) || rest.contains(QLatin1Char('#')))
        return failure(Problem::HasQuery);

    QString authority = rest;
    const qsizetype slash = rest.indexOf(QLatin1Char('/'));
    if (slash >= 0) {
        authority = rest.left(slash);
        const QString path = rest.mid(slash);
        // The API root is accepted, since people paste it from documentation.
        if (path != u"/" && path != u"/v2" && path != u"/v2/")
            return failure(Problem::HasPath);
    }
    if (authority.contains(QLatin1Char('@')))
        return failure(Problem::HasUserInfo);

    authority = authority.toLower();
    QString hostPart = authority;
    QString portPart;
    bool hasPort = false;
    if (authority.startsWith(QLatin1Char('['))) {
        const qsizetype close = authority.indexOf(QLatin1Char(']'));
        if (close < 0)
            return failure(Problem::InvalidHost);
        hostPart = authority.left(close + 1);
        const QString after = authority.mid(close + 1);
        if (!after.isEmpty()) {
            if (!after.startsWith(QLatin1Char(':')))
                return failure(Problem::InvalidHost);
            portPart = after.mid(1);
            hasPort = true;
        }
        if (!isValidIpv6Literal(hostPart))
            return failure(Problem::InvalidHost);
    } else {
        const qsizetype colon = authority.indexOf(QLatin1Char(':'));
        if (colon >= 0) {
            hostPart = authority.left(colon);
            portPart = authority.mid(colon + 1);
            hasPort = true;
        }
        if (!isValidHostName(hostPart))
            return failure(Problem::InvalidHost);
    }

    if (hasPort) {
        static const QRegularExpression digits(
            QRegularExpression::anchoredPattern(QStringLiteral("[0-9]{1,5}")));
        bool ok = false;
        const int port = portPart.toInt(&ok);
        if (!digits.match(portPart).hasMatch() || !ok || port < 1 || port > 65535)
            return failure(Problem::InvalidPort);
        address.m_host = hostPart + QLatin1Char(':') + QString::number(port);
    } else {
        address.m_host = normalizedDockerHub(hostPart);
    }
    address.m_problem = Problem::None;
    return address;
}
