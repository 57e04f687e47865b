#pragma once

// Helpers of the cache/inspect integration tests: counting what the real registry was
// asked (from its access log) and putting a few hand-made documents into it (an artifact,
// a referrers fallback index) over plain HTTP on an anonymous registry.

#include "support/registryprocess.h"

#include "oci/core/digest.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QUrlQuery>

namespace cachetest {

// The registry's access log from `fromOffset` on: how many "<METHOD> <path>" requests
// match `pathPattern` (a regular expression over the path, anchored).
inline int countRequests(const RegistryProcess &registry, qsizetype fromOffset,
                         const QString &method, const QString &pathPattern)
{
    const QString log = QString::fromUtf8(registry.log().mid(fromOffset));
    const QRegularExpression line(u"\"" + method + u" ([^ ?\"]+)[^\"]* HTTP/1\\.1\" (\\d+)");
    const QRegularExpression path(QRegularExpression::anchoredPattern(pathPattern));
    int count = 0;
    for (auto it = line.globalMatch(log); it.hasNext();) {
        const auto match = it.next();
        if (path.match(match.captured(1)).hasMatch())
            ++count;
    }
    return count;
}

// One request on a live event loop; the reply's status (0 on a transport error).
inline int send(QNetworkAccessManager &nam, const QByteArray &method, const QUrl &url,
                const QByteArray &contentType = {}, const QByteArray &body = {},
                QByteArray *location = nullptr)
{
    QNetworkRequest request(url);
    if (!contentType.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    QNetworkReply *reply = nam.sendCustomRequest(request, method, body);
    QSignalSpy done(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        done.wait(30000);
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (location)
        *location = reply->rawHeader("Location");
    reply->deleteLater();
    return status;
}

// Monolithic blob upload (POST, then PUT with the digest). True on 201.
inline bool uploadBlob(const RegistryProcess &registry, const QString &repository,
                       const QByteArray &bytes)
{
    QNetworkAccessManager nam;
    QUrl start = registry.baseUrl();
    start.setPath(u"/v2/" + repository + u"/blobs/uploads/");
    QByteArray location;
    if (send(nam, "POST", start, {}, {}, &location) != 202)
        return false;
    QUrl put = start.resolved(QUrl::fromEncoded(location));
    QUrlQuery query(put);
    query.addQueryItem(QStringLiteral("digest"), oci::Digest::sha256Of(bytes).toString());
    put.setQuery(query);
    return send(nam, "PUT", put, "application/octet-stream", bytes) == 201;
}

// Cross-repository mount of a blob the registry holds in `from`. True on 201.
inline bool mountBlob(const RegistryProcess &registry, const QString &repository,
                      const QString &from, const oci::Digest &digest)
{
    QNetworkAccessManager nam;
    QUrl url = registry.baseUrl();
    url.setPath(u"/v2/" + repository + u"/blobs/uploads/");
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("mount"), digest.toString());
    query.addQueryItem(QStringLiteral("from"), from);
    url.setQuery(query);
    return send(nam, "POST", url) == 201;
}

inline bool putManifest(const RegistryProcess &registry, const QString &repository,
                        const QString &reference, const QByteArray &mediaType,
                        const QByteArray &bytes)
{
    QNetworkAccessManager nam;
    QUrl url = registry.baseUrl();
    url.setPath(u"/v2/" + repository + u"/manifests/" + reference);
    return send(nam, "PUT", url, mediaType, bytes) == 201;
}

} // namespace cachetest
