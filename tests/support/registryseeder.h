#pragma once

// Bulk writes into a RegistryProcess for fixtures, two ways:
// - HTTP: many manifest PUTs and blob mounts, several in flight, authenticated as the test
//   user (Basic header, or a token minted by the token server directly so its request
//   counter stays for the tests). 3000 manifest PUTs: 3 s anonymous, 5 s token, 7 s Basic
//   (bcrypt on every request), measured on 2 busy cores.
// - Storage: the link files distribution's filesystem driver keeps per repository and tag
//   (docker/registry/v2/repositories/<name>/_manifests/tags/<tag>/current/link, ...),
//   written while the registry runs; it reads them on every request and caches nothing.
//   3000 tags in 0.1-0.2 s. The blobs and the manifest must already be in the registry
//   (pushed over HTTP once).

#include "oci/core/result.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

class RegistryProcess;

class RegistrySeeder final
{
public:
    struct Request
    {
        QByteArray method;         // "PUT", "POST"
        QByteArray pathAndQuery;   // "/v2/<repo>/manifests/<tag>"
        QByteArray contentType;
        QByteArray body;
        int expectedStatus = 201;
        QString repository;        // needs pull,push here
        QString fromRepository;    // needs pull there (blob mounts); may be empty
    };

    explicit RegistrySeeder(RegistryProcess &registry);

    // Runs every request, `parallel` at a time; the first unexpected answer fails it.
    oci::Result<void> run(const QList<Request> &requests, int parallel = 8);

    // Storage: `repository` gets tag -> manifest (and, with `blobs`, the repository's links
    // to those blobs and the manifest revision, as a push or mount would leave them).
    oci::Result<void> linkTag(const QString &repository, const QString &tag, const QString &manifestDigest);
    oci::Result<void> linkRepository(const QString &repository, const QStringList &blobDigests,
                                     const QString &manifestDigest);

private:
    QString repositoryDir(const QString &repository) const;
    QByteArray authorization(const Request &request);

    RegistryProcess &m_registry;
    QHash<QString, QByteArray> m_tokens; // "repo|from" -> Bearer token
};
