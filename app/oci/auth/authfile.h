#pragma once

#include "oci/auth/credentials.h"

#include <QByteArrayView>
#include <QHash>
#include <QList>
#include <QString>

namespace oci {

// One parsed credentials file. Docker's config.json and Podman's auth.json share the
// format: {"auths": {key: {auth, username, password, identitytoken, registrytoken}},
// "credHelpers": {host: helper}, "credsStore": helper}.
struct AuthFile
{
    // A Podman key with a repository namespace ("quay.io/org/repo").
    struct NamespacedEntry
    {
        QString key;  // as written
        QString host; // normalised host part
        Credentials credentials;
        QString problem; // non-empty: the entry is unusable, and why
    };

    // Host-level keys ("host[:port]", "https://host/", ".../v1/", ".../v2/"), normalised
    // with normalizeRegistryHost. When several keys name one host, the key Docker itself
    // writes wins. `{}` markers (the secret is in a helper) are left out.
    QHash<QString, Credentials> credentials;
    QHash<QString, QString> problems; // host -> why its entry is unusable (bad base64, ...)
    QHash<QString, QString> credHelpers; // normalised host -> helper suffix ("gcloud")
    QString credsStore;                  // helper suffix for every host, or empty
    // Scheme-less keys with a path; keys with a scheme and another path (Docker Desktop's
    // ".../access-token") are dropped.
    QList<NamespacedEntry> namespaced;
};

// Malformed JSON, or a file over 4 MiB, is an Error; unusable entries are kept as problems.
Result<AuthFile> parseAuthFile(QByteArrayView json);

// Reads and parses `path`. A missing file is an empty AuthFile (nothing configured).
// These files are small (a few hundred bytes; capped at 4 MiB), so callers read them on
// the GUI thread like QSettings does; only credential helpers take real time.
Result<AuthFile> readAuthFile(const QString &path);

} // namespace oci
