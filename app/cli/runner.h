#pragma once

#include "commandline.h"

#include "oci/transport/registryconfig.h"

#include <QObject>

namespace oci {
class ContentCache;
class ContentFetcher;
class DetailsResolver;
class Job;
class RegistryClient;
class Transport;
} // namespace oci

namespace cli {

class DiffCommand;
class ImageCommand;
class OpsCommand;
class PushCommand;

// The registry's connection settings as the options give them (TLS, plain HTTP), for `host`.
oci::RegistryConfig registryConfig(const Options &options, const QString &host);

// Runs one command with the shared RegistryClient on the event loop and prints what it
// gets. It adds no protocol logic of its own: building the client and printing is all.
class Runner final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Runner)

public:
    // `password` is used with options.username (from --password-stdin).
    Runner(Options options, QString password, QObject *parent = nullptr);
    ~Runner() override;

    // Starts the command; finished() follows from the event loop, never from start().
    void start();

Q_SIGNALS:
    void finished(int exitCode);

private:
    void startCatalog();
    void startTags();
    void startManifest();
    void startInspect();
    void startTagDetails(const QStringList &tags);
    void startImage();
    void startPush();
    void startDiff();
    void makeFetcher();
    void finishJob(oci::Job *job);
    void fail(const QString &message);

    Options m_options;
    QString m_password;
    oci::Transport *m_transport = nullptr;
    oci::RegistryClient *m_client = nullptr;
    oci::ContentCache *m_cache = nullptr;
    oci::ContentFetcher *m_fetcher = nullptr;
    oci::DetailsResolver *m_resolver = nullptr;
    ImageCommand *m_image = nullptr; // layers, files, cat, waste
    PushCommand *m_push = nullptr;
    OpsCommand *m_ops = nullptr; // tag, copy, rm, cleanup, undo
    DiffCommand *m_diff = nullptr;
    qsizetype m_printed = 0; // catalog/tags entries already on stdout
};

} // namespace cli
