#pragma once

#include "commandline.h"
#include "progressline.h"

#include <QHash>
#include <QObject>
#include <QString>

#include <memory>

class QTemporaryDir;

namespace oci {
class ContentCache;
class ContentFetcher;
class RegistryClient;
class Transport;
} // namespace oci

namespace image {
class ImageDiffJob;
class LayerCache;
struct DiffImageRef;
} // namespace image

namespace cli {

// The help paragraph of `diff` (commandline.cpp shows it with the others).
QString diffHelp();
// Reads `diff A B` into `options` (A: reference/local, B: referenceB/localB) and sets
// options.registry to the first registry named. An error text, or empty.
QString readDiffArguments(const QString &a, const QString &b, Options &options);

// `ladingctl diff A B`: both images (each a registry reference or a local file) compared by
// image::ImageDiffJob, with the on-disk content, layer and diff caches unless --no-cache;
// prints the text report or the JSON. Finishes with 0 when nothing differs, 1 when
// something does, 2 when the diff could not be made (as diff(1) does).
class DiffCommand final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DiffCommand)

public:
    // `client` is the client of options.registry (may be unused); both must outlive this.
    DiffCommand(Options options, oci::Transport *transport, oci::RegistryClient *client,
                QObject *parent = nullptr);
    ~DiffCommand() override;

    void start();

Q_SIGNALS:
    void finished(int exitCode);

private:
    image::DiffImageRef sideRef(const oci::Reference &reference,
                                const std::optional<image::LocalReference> &local);
    oci::ContentFetcher *fetcherFor(const QString &host);
    void done();

    Options m_options;
    oci::Transport *m_transport;
    oci::RegistryClient *m_client;
    oci::ContentCache *m_contentCache = nullptr;
    QHash<QString, oci::ContentFetcher *> m_fetchers; // by registry host
    image::LayerCache *m_layers = nullptr;
    std::unique_ptr<QTemporaryDir> m_scratch; // --no-cache: layer blobs for this run only
    image::ImageDiffJob *m_job = nullptr;
    ProgressLine m_progress;
    int m_stage = -1;
};

} // namespace cli
