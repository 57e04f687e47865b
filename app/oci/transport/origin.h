#pragma once

#include "oci/core/result.h"

#include <QByteArrayView>
#include <QUrl>

namespace oci {

// Origin = scheme + host + effective port (RFC 6454). Credentials belong to one origin.
bool isSameOrigin(const QUrl &a, const QUrl &b);
// Same host name or address, any port and scheme (case-insensitive).
bool isSameHost(const QUrl &a, const QUrl &b);
// "host:port" for messages ("127.0.0.1:5000", "ghcr.io").
QString hostPortOf(const QUrl &url);

// How a host name is addressed, for the rule that a server may not send us to internal
// addresses (redirects, token realms): GGCR #2243/#2285/#2292.
enum class AddressClass { Name, Public, Loopback, Private, LinkLocal, Unspecified };
AddressClass classifyHost(const QString &host);

// True when following a server-supplied URL from `from` to `to` would reach an internal
// address the origin had no business pointing at: an IP literal (or "localhost") in a
// loopback, private, link-local or unspecified range on another host, while `from` is
// itself a public name/address. Link-local targets are refused unless `from` is link-local.
bool isForbiddenAddressChange(const QUrl &from, const QUrl &to);

// Where a server-supplied Location (a redirect, an upload session) leads from `from`, the
// URL that answered: resolved with its query intact, or RedirectRefused when it is not a
// URL, not http(s), goes from HTTPS to HTTP, or reaches an internal address (above).
// `subject` begins the messages: "the server's redirect", "the upload session's Location".
Result<QUrl> followLocation(const QUrl &from, QByteArrayView location, const QString &subject);

} // namespace oci
