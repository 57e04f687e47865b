#pragma once

#include "oci/core/error.h"
#include "oci/transport/ownedrequest.h"
#include "oci/transport/registryconfig.h"

#include <QObject>
#include <QSet>
#include <QStringList>
#include <QUrl>

namespace oci {

class Transport;
class TransportReply;

// Walks a paged list (_catalog, tags/list): GET with n, then follow Link rel="next" on the
// registry's own origin only (else PaginationRefused), stop at a page URL already fetched
// or past maxPages (PaginationRefused); 400 PAGINATION_NUMBER_INVALID/UNSUPPORTED on the
// first page -> ask again with a smaller n. `"<key>": null` is an empty page.
class PagedList final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PagedList)

public:
    struct Params
    {
        Transport *transport = nullptr;
        RegistryConfig registry;
        QString path;    // "/v2/_catalog"
        QString jsonKey; // "repositories" / "tags"
        QStringList scopes;
        QString object;
        int pageSize = 100;
        int maxPages = 10000;
    };

    explicit PagedList(Params params, QObject *parent = nullptr);
    ~PagedList() override;

    void start();
    void abort();

    const QStringList &items() const { return m_items; }
    int pagesFetched() const { return m_pages; }
    const Error &error() const { return m_error; }

Q_SIGNALS:
    void pageReceived(const QStringList &items);
    void finished();

private:
    void fetch(const QUrl &url);
    void onReplyFinished();
    QUrl firstPageUrl() const;
    void fail(Error error);

    Params m_params;
    OwnedRequest<TransportReply> m_reply;
    QSet<QString> m_visited;
    QStringList m_items;
    int m_pages = 0;
    int m_pageSize = 0;
    int m_sizeReductions = 0;
    bool m_aborted = false;
    Error m_error;
};

} // namespace oci
