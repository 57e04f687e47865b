#pragma once

#include "oci/auth/credentials.h"

#include <QByteArrayView>
#include <QString>

#include <memory>

namespace oci {

struct CredentialHelperOptions
{
    int timeoutMs = 10'000;          // cloud helpers (ecr-login, gcloud) call the network
    qint64 maxOutputBytes = 64 * 1024; // a real answer is a few hundred bytes
    int cacheSeconds = 60;           // answers (and "not found") are reused this long
};

// Runs Docker credential helpers (`docker-credential-<name> get`, the server URL on stdin,
// {"ServerURL","Username","Secret"} on stdout) asynchronously: found on PATH, started
// without a shell, killed after the timeout, output capped, stdout never logged.
// "credentials not found in native keychain" is an anonymous answer, not a failure.
// Concurrent lookups of one helper and server share one process; answers are cached
// briefly. Lives on the thread that created it (the GUI thread): get() never blocks.
//
// Destroying it drops the callbacks of running helpers (which are killed).
class CredentialHelper final
{
public:
    explicit CredentialHelper(CredentialHelperOptions options = {});
    ~CredentialHelper();
    CredentialHelper(const CredentialHelper &) = delete;
    CredentialHelper &operator=(const CredentialHelper &) = delete;

    const CredentialHelperOptions &options() const;

    // "docker-credential-" + helper.
    static QString programName(QStringView helper);
    // A helper name is a file-name suffix: letters, digits, '.', '_', '-' (no paths).
    static bool isValidHelperName(QStringView helper);
    // What the helper is asked for: "https://index.docker.io/v1/" for Docker Hub (as the
    // docker CLI does), else the bare host[:port].
    static QString serverUrlFor(const QString &host);
    // The stdout of a successful `get`. Username "<token>" means Secret is an identity token.
    static Result<Credentials> parseGetOutput(QByteArrayView output);

    // Calls `done` exactly once: synchronously for a cached answer or a helper that is not
    // installed, else later on this object's thread. Errors are CredentialsUnavailable with
    // the helper's name and what to do in the message.
    void get(const QString &helper, const QString &host, CredentialsCallback done);

    // Forgets cached answers (after a sign-in or a 401 with helper credentials).
    void clearCache();

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace oci
