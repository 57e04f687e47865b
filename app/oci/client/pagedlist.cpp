#include "oci/client/pagedlist.h"

#include "oci/client/apirequest.h"
#include "oci/transport/linkheader.h"
#include "oci/transport/origin.h"
#include "oci/transport/transport.h"
#include "oci/transport/transportreply.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace oci {

namespace {

QString pageKey(const QUrl &url)
{
    return url.adjusted(QUrl::NormalizePathSegments | QUrl::RemoveFragment)
        .toString(QUrl::FullyEncoded);
}

} // namespace

PagedList::PagedList(Params params, QObject *parent)
    : QObject(parent), m_params(std::move(params)), m_pageSize(qBound(1, m_params.pageSize, 1000))
{
}

PagedList::~PagedList()
{
    m_aborted = true;
}

void PagedList::start()
{
    fetch(firstPageUrl());
}

void PagedList::abort()
{
    m_aborted = true;
    m_reply.reset();
}

QUrl PagedList::firstPageUrl() const
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("n"), QString::number(m_pageSize));
    return api::url(m_params.registry, m_params.path, query);
}

void PagedList::fetch(const QUrl &url)
{
    m_visited.insert(pageKey(url));
    TransportRequest request;
    request.url = url;
    request.addHeader("Accept", "application/json");
    request.scopes = m_params.scopes;
    request.object = m_params.object;
    request.maxBodyBytes = MaxListPageBytes;
    m_reply.reset(m_params.transport->send(m_params.registry, std::move(request)));
    connect(m_reply.get(), &TransportReply::finished, this, &PagedList::onReplyFinished);
}

void PagedList::onReplyFinished()
{
    if (m_aborted || !m_reply)
        return;
    const OwnedRequest<TransportReply> reply = std::move(m_reply);
    if (!reply->ok()) {
        const Error &error = reply->error();
        const bool pageSizeRefused =
            error.httpStatus() == 400 && (error.hasRegistryCode(u"PAGINATION_NUMBER_INVALID") ||
                                          error.hasRegistryCode(u"UNSUPPORTED"));
        if (pageSizeRefused && m_pages == 0 && m_sizeReductions < 3 && m_pageSize > 1) {
            // distribution rejects n over its maximum, ECR n > 1000: ask for smaller pages.
            ++m_sizeReductions;
            m_pageSize = m_pageSize > 100 ? 100 : qMax(1, m_pageSize / 2);
            fetch(firstPageUrl());
            return;
        }
        fail(error);
        return;
    }
    const TransportResponse &response = reply->response();
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(response.body, &parseError);
    const QJsonValue list = document.object().value(m_params.jsonKey);
    if (parseError.error != QJsonParseError::NoError || !document.isObject() ||
        !(list.isArray() || list.isNull() || list.isUndefined())) {
        fail(Error(Error::Code::MalformedDocument,
                   QStringLiteral("the registry's list is not JSON with a '%1' array")
                       .arg(m_params.jsonKey))
                 .withUrl(response.url));
        return;
    }
    QStringList page;
    const QJsonArray array = list.toArray();
    page.reserve(array.size());
    for (const QJsonValue &value : array) {
        if (!value.isString()) {
            fail(Error(Error::Code::MalformedDocument,
                       QStringLiteral("the registry's '%1' list holds a non-string entry")
                           .arg(m_params.jsonKey))
                     .withUrl(response.url));
            return;
        }
        page << value.toString();
    }
    ++m_pages;
    m_items += page;
    Q_EMIT pageReceived(page);
    if (m_aborted)
        return;

    const QUrl next = parseNextLink(response.header("link"), response.url);
    if (next.isEmpty()) {
        Q_EMIT finished();
        return;
    }
    if (!isSameOrigin(next, m_params.registry.baseUrl())) {
        fail(Error(Error::Code::PaginationRefused,
                   QStringLiteral("the next page is on another host (%1); not followed")
                       .arg(next.toDisplayString()))
                 .withUrl(next));
        return;
    }
    if (m_visited.contains(pageKey(next))) {
        fail(Error(Error::Code::PaginationRefused,
                   QStringLiteral(
                       "the registry's next-page link repeats a page already fetched (%1); "
                       "stopped after %2 pages")
                       .arg(next.toDisplayString())
                       .arg(m_pages))
                 .withUrl(next));
        return;
    }
    if (m_pages >= m_params.maxPages) {
        fail(Error(Error::Code::PaginationRefused,
                   QStringLiteral("more than %1 pages; stopped").arg(m_params.maxPages))
                 .withUrl(next));
        return;
    }
    fetch(next);
}

void PagedList::fail(Error error)
{
    if (error.registry().isEmpty())
        error.withRegistry(m_params.registry.host);
    if (error.object().isEmpty())
        error.withObject(m_params.object);
    m_error = std::move(error);
    Q_EMIT finished();
}

} // namespace oci
