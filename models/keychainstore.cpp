#include "keychainstore.h"

#include <qt6keychain/keychain.h>

#include <QCoreApplication>
#include <QMetaObject>

namespace {

// No keychain at all, as opposed to a refusal for one entry.
bool isNoBackend(QKeychain::Error error)
{
    return error == QKeychain::NoBackendAvailable || error == QKeychain::NotImplemented
           || error == QKeychain::OtherError;
}

QString describe(const QKeychain::Job &job)
{
    return QStringLiteral("%1 (QtKeychain error %2)").arg(job.errorString()).arg(int(job.error()));
}

// Jobs have no parent: a deletion or write started just before the store goes away (a
// registry removed as Lading closes) still completes; autoDelete frees them.
template<typename JobType>
JobType *makeJob(const QString &service, const QString &key)
{
    auto *job = new JobType(service);
    job->setAutoDelete(true);
    // QtKeychain's "insecure fallback" writes secrets into a plain QSettings file: never.
    job->setInsecureFallback(false);
    job->setKey(key);
    return job;
}

} // namespace

KeychainStore::KeychainStore(QObject *parent)
    : KeychainStore(QStringLiteral("Lading"), parent)
{}

KeychainStore::KeychainStore(const QString &service, QObject *parent)
    : QObject(parent)
    , m_service(service)
{}

KeychainStore::~KeychainStore() = default;

QString KeychainStore::keyFor(const QString &host, const QString &username)
{
    return username + u'@' + host;
}

QString KeychainStore::sessionOnlyNotice()
{
    return tr("No keychain available: the password is kept until Lading quits.");
}

void KeychainStore::read(const QString &host, const QString &username, Callback done)
{
    const QString key = keyFor(host, username);
    const auto known = m_sessionSecrets.constFind(key);
    if (known != m_sessionSecrets.constEnd() || !m_available) {
        Outcome outcome;
        outcome.found = known != m_sessionSecrets.constEnd();
        if (outcome.found)
            outcome.secret = *known;
        answerLater(std::move(done), std::move(outcome));
        return;
    }
    auto *job = makeJob<QKeychain::ReadPasswordJob>(m_service, key);
    connect(job, &QKeychain::Job::finished, this,
            [this, job, key, done = std::move(done)](QKeychain::Job *) {
                Outcome outcome;
                if (job->error() == QKeychain::NoError) {
                    outcome.found = true;
                    outcome.secret = job->textData();
                    m_sessionSecrets.insert(key, outcome.secret);
                } else if (job->error() != QKeychain::EntryNotFound) {
                    outcome.error = describe(*job);
                    if (isNoBackend(job->error()))
                        markUnavailable(outcome.error);
                }
                if (done)
                    done(outcome);
            });
    job->start();
}

void KeychainStore::write(const QString &host, const QString &username, const QString &secret,
                          Callback done)
{
    const QString key = keyFor(host, username);
    m_sessionSecrets.insert(key, secret);
    if (!m_available) {
        Outcome outcome;
        outcome.error = m_unavailableReason;
        answerLater(std::move(done), std::move(outcome));
        return;
    }
    auto *job = makeJob<QKeychain::WritePasswordJob>(m_service, key);
    job->setTextData(secret);
    connect(job, &QKeychain::Job::finished, this,
            [this, job, done = std::move(done)](QKeychain::Job *) {
                Outcome outcome;
                if (job->error() == QKeychain::NoError) {
                    outcome.persisted = true;
                } else {
                    // Kept in m_sessionSecrets either way: usable until Lading quits.
                    outcome.error = describe(*job);
                    if (isNoBackend(job->error()))
                        markUnavailable(outcome.error);
                }
                if (done)
                    done(outcome);
            });
    job->start();
}

void KeychainStore::remove(const QString &host, const QString &username, Callback done)
{
    const QString key = keyFor(host, username);
    m_sessionSecrets.remove(key);
    if (!m_available) {
        answerLater(std::move(done), Outcome());
        return;
    }
    auto *job = makeJob<QKeychain::DeletePasswordJob>(m_service, key);
    connect(job, &QKeychain::Job::finished, this,
            [this, job, done = std::move(done)](QKeychain::Job *) {
                Outcome outcome;
                if (job->error() != QKeychain::NoError && job->error() != QKeychain::EntryNotFound) {
                    outcome.error = describe(*job);
                    if (isNoBackend(job->error()))
                        markUnavailable(outcome.error);
                }
                if (done)
                    done(outcome);
            });
    job->start();
}

void KeychainStore::markUnavailable(const QString &reason)
{
    if (!m_available)
        return;
    m_available = false;
    m_unavailableReason = reason;
    Q_EMIT unavailable(reason);
}

void KeychainStore::answerLater(Callback done, Outcome outcome)
{
    if (!done)
        return;
    QMetaObject::invokeMethod(
        this, [done = std::move(done), outcome = std::move(outcome)] { done(outcome); },
        Qt::QueuedConnection);
}
