#include "oci/transport/origin.h"

#include <QHostAddress>

namespace oci {

namespace {

int effectivePort(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    return url.port(scheme == u"https" ? 443 : scheme == u"http" ? 80 : -1);
}

bool isPrivateRange(const QHostAddress &address)
{
    // RFC 1918, carrier-grade NAT (RFC 6598), IPv6 unique local and site local.
    static const QPair<QHostAddress, int> ranges[] = {
        {QHostAddress(QStringLiteral("10.0.0.0")), 8},
        {QHostAddress(QStringLiteral("172.16.0.0")), 12},
        {QHostAddress(QStringLiteral("192.168.0.0")), 16},
        {QHostAddress(QStringLiteral("100.64.0.0")), 10},
    };
    for (const auto &range : ranges) {
        if (address.isInSubnet(range))
            return true;
    }
    return address.isUniqueLocalUnicast() || address.isSiteLocal();
}

} // namespace

bool isSameOrigin(const QUrl &a, const QUrl &b)
{
    return a.scheme().compare(b.scheme(), Qt::CaseInsensitive) == 0 && isSameHost(a, b) &&
           effectivePort(a) == effectivePort(b);
}

bool isSameHost(const QUrl &a, const QUrl &b)
{
    return !a.host().isEmpty() && a.host().compare(b.host(), Qt::CaseInsensitive) == 0;
}

QString hostPortOf(const QUrl &url)
{
    QString host = url.host(QUrl::FullyEncoded);
    if (host.contains(u':'))
        host = u'[' + host + u']';
    if (url.port() >= 0)
        host += u':' + QString::number(url.port());
    return host;
}

AddressClass classifyHost(const QString &host)
{
    const QString lower = host.toLower();
    if (lower == u"localhost" || lower.endsWith(u".localhost"))
        return AddressClass::Loopback;
    QHostAddress address;
    if (!address.setAddress(host))
        return AddressClass::Name;
    if (address.isNull() || address == QHostAddress::AnyIPv4 || address == QHostAddress::AnyIPv6)
        return AddressClass::Unspecified;
    if (address.isLoopback())
        return AddressClass::Loopback;
    if (address.isLinkLocal())
        return AddressClass::LinkLocal;
    if (isPrivateRange(address))
        return AddressClass::Private;
    return AddressClass::Public;
}

bool isForbiddenAddressChange(const QUrl &from, const QUrl &to)
{
    if (isSameHost(from, to))
        return false;
    const AddressClass target = classifyHost(to.host());
    const AddressClass source = classifyHost(from.host());
    switch (target) {
    case AddressClass::Name:
    case AddressClass::Public:
        return false;
    case AddressClass::LinkLocal:
    case AddressClass::Unspecified:
        return source != target;
    case AddressClass::Loopback:
    case AddressClass::Private:
        return source == AddressClass::Name || source == AddressClass::Public;
    }
    return true;
}

Result<QUrl> followLocation(const QUrl &from, QByteArrayView location, const QString &subject)
{
    const auto refuse = [](const QString &why) {
        return Result<QUrl>(Error(Error::Code::RedirectRefused, why));
    };
    const QByteArray raw = location.trimmed().toByteArray();
    const QUrl target = QUrl::fromEncoded(raw, QUrl::StrictMode);
    if (raw.isEmpty() || !target.isValid())
        return refuse(QStringLiteral("%1 '%2' is not a valid URL")
                          .arg(subject, QString::fromLatin1(raw.left(200))));
    const QUrl next = from.resolved(target);
    const QString scheme = next.scheme().toLower();
    if ((scheme != u"https" && scheme != u"http") || next.host().isEmpty())
        return refuse(
            QStringLiteral("%1 %2 is not an http(s) URL").arg(subject, next.toDisplayString()));
    if (from.scheme().compare(u"https", Qt::CaseInsensitive) == 0 && scheme == u"http")
        return refuse(QStringLiteral("%1 leads from HTTPS to plain HTTP (%2); refused")
                          .arg(subject, next.toDisplayString()));
    if (isForbiddenAddressChange(from, next))
        return refuse(QStringLiteral("%1 points to the internal address %2; refused")
                          .arg(subject, hostPortOf(next)));
    return next;
}

} // namespace oci
