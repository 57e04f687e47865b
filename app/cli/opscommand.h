#pragma once

#include "commandline.h"
#include "progressline.h"

#include <QObject>

namespace oci {
class ContentCache;
class ContentFetcher;
class RegistryClient;
class Transport;
} // namespace oci
namespace ops {
struct DeletePlan;
}

namespace cli {

// The commands that change a registry, each a thin shell over lading_ops:
//   tag REFERENCE NEWTAG…      ops::RetagJob (--dry-run: only say what would change)
//   copy SOURCE TARGET         ops::CopyJob, a progress line on a terminal
//   rm REFERENCE… [--image]    ops::RepositoryScanJob → ops::planDeletion, printed; with
//                              --yes ops::DeleteRun into the journal, then its summary
//   cleanup REPOSITORY RULES   the same with ops::planRetention
//   undo [ENTRY]               the journal newest first, or ops::UndoJob for ENTRY
class OpsCommand final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OpsCommand)

public:
    // `client` is for options.registry; clients for other registries (a copy's target, an
    // undo's entry) are made on `transport` with the same TLS options.
    OpsCommand(Options options, oci::Transport *transport, oci::RegistryClient *client,
               QObject *parent = nullptr);
    ~OpsCommand() override;

    void start();

Q_SIGNALS:
    void finished(int exitCode);

private:
    void runTag();
    void runCopy();
    void runRemoval();
    void runUndo();
    void execute(const ops::DeletePlan &plan);
    oci::ContentFetcher *fetcherFor(oci::RegistryClient *client);
    oci::RegistryClient *clientFor(const QString &host);
    void fail(const QString &message);

    Options m_options;
    oci::Transport *m_transport;
    oci::RegistryClient *m_client;
    oci::ContentCache *m_cache = nullptr;
    ProgressLine m_progress;
};

} // namespace cli
