#pragma once

#include <QHash>
#include <QObject>
#include <QString>

#include <functional>

// Secrets Lading keeps itself (registry passwords and tokens), in the system keychain through
// QtKeychain: service "Lading", one entry per registry host and user name. Never in a file.
//
// Where there is no keychain (no D-Bus session, no Secret Service, no KWallet: QtKeychain
// answers NoBackendAvailable, NotImplemented or OtherError, e.g. error 7 "Cannot autolaunch
// D-Bus without X11 $DISPLAY"), secrets are kept in memory until Lading quits, and
// unavailable() tells the UI so it can say "No keychain available: the password is kept
// until Lading quits". Every request is asynchronous; answers come on this object's thread.
class KeychainStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeychainStore)

public:
    // What became of one request.
    struct Outcome
    {
        bool found = false;     // read: there is a secret (in the keychain or this session)
        QString secret;         // read: the secret
        bool persisted = false; // write: in the system keychain; false: this session only
        QString error;          // the keychain's complaint, if it had one (never a secret)
    };
    using Callback = std::function<void(const Outcome &)>;

    explicit KeychainStore(QObject *parent = nullptr);
    // Another service name: tests, so they never touch Lading's own entries.
    explicit KeychainStore(const QString &service, QObject *parent = nullptr);
    ~KeychainStore() override;

    const QString &service() const { return m_service; }
    // The keychain entry's key: "user@host[:port]" (a host has no '@', so it is unambiguous).
    static QString keyFor(const QString &host, const QString &username);

    // `done` runs later, never before the call returns. Destroying the store drops pending
    // callbacks.
    void read(const QString &host, const QString &username, Callback done);
    void write(const QString &host, const QString &username, const QString &secret,
               Callback done = {});
    void remove(const QString &host, const QString &username, Callback done = {});

    // False once the keychain failed for want of a backend; from then on nothing is sent
    // to it and secrets live in memory only.
    bool isAvailable() const { return m_available; }
    const QString &unavailableReason() const { return m_unavailableReason; }

    // The sentence the UI shows when a secret is kept for the session only.
    static QString sessionOnlyNotice();

Q_SIGNALS:
    // Once, when the store falls back to keeping secrets for the session only.
    void unavailable(const QString &reason);

private:
    void markUnavailable(const QString &reason);
    void answerLater(Callback done, Outcome outcome);

    QString m_service;
    bool m_available = true;
    QString m_unavailableReason;
    QHash<QString, QString> m_sessionSecrets; // key -> secret: written or read this session
};
