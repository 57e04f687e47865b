#pragma once

#include "commandline.h"
#include "progressline.h"

#include "image/push/pushjob.h"

#include <QObject>

#include <memory>

namespace oci {
class RegistryClient;
}
namespace image {
class BlobLocations;
class LocalImageSource;
} // namespace image

namespace cli {

// `ladingctl push FILE_OR_LAYOUT REFERENCE [--dry-run] [--image NAME | --all]`: opens the
// archive (LocalImageSource), picks the image (the only one, or as --image / --all say),
// plans (PushPlanner: what the registry has, what mounts, what goes) and prints the plan the
// GUI's push dialog shows; then, unless --dry-run, pushes (PushJob) with a progress line on a
// terminal. The tag is REFERENCE's, else the archive's name for the image, else "latest".
class PushCommand final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PushCommand)

public:
    PushCommand(Options options, oci::RegistryClient *client, QObject *parent = nullptr);
    ~PushCommand() override;

    void start();

Q_SIGNALS:
    void finished(int exitCode);

private:
    void plan(const std::shared_ptr<const image::LocalImageSource> &source);
    void printPlan(const image::PushPlan &plan);
    void push(const image::PushPlan &plan);
    void showProgress(qint64 done, qint64 total, bool force = false);
    void fail(const QString &message);

    Options m_options;
    oci::RegistryClient *m_client;
    std::unique_ptr<image::BlobLocations> m_locations;
    QString m_locationsFile;
    image::PushJob *m_job = nullptr;
    ProgressLine m_progress;
};

} // namespace cli
