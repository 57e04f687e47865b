#pragma once

#include <QByteArrayView>
#include <QUrl>

namespace oci {

// The rel="next" target of a Link header (RFC 8288), resolved against the URL that carried
// it; empty QUrl if none. Several links, unquoted rel, rel lists ("next last") and a
// malformed '<' are handled. Same-host policy is the caller's (transport) business.
QUrl parseNextLink(QByteArrayView linkHeader, const QUrl &responseUrl);

} // namespace oci
