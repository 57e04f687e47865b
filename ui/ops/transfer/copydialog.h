#pragma once

#include "oci/core/digest.h"

#include <QDialog>
#include <QList>
#include <QPointer>
#include <QString>
#include <QStringList>

class CopyBlobModel;
class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTableView;
class QWidget;

namespace oci {
class ContentFetcher;
}

namespace ops {
class CopyJob;
}

// "Copy to…" of the tag table, and what a drag of tag rows onto a repository opens: copies
// one or more tags of a repository (each with all the platforms of an index, and optionally
// its signatures and other referrers) to another repository of the same registry or of
// another connected one. The person picks the registry, the repository and (for one tag)
// the target tag; the dialog says how the blobs travel: mounted within a registry, nothing
// downloaded, or streamed from one registry to the other through memory. "Copy" runs an
// ops::CopyJob per tag with progress (phase, bytes, blobs mounted / copied / already there,
// each blob's state), Stop, and the result in words: the digest verified, the tag written
// last, and a target tag that pointed at another image named with that image's digest.
//
// Non-modal (a copy may be long: browse on meanwhile; open it with show()), deletes itself on
// close; closing while a copy runs asks whether to stop it. If a fetcher is deleted (its
// registry removed), the dialog says so and stops.
//
//     QList<CopyDialog::Registry> registries;
//     for (oci::RegistryClient *client : connectedClients())
//         registries.append({client->config().host, fetcherFor(client)});
//     auto *dialog = new CopyDialog(fetcherFor(sourceClient), sourceHost, repository,
//                                   {tag}, registries, this);
//     dialog->setTarget(dropHost, dropRepository); // a drop: the repository dropped on
//     connect(dialog, &CopyDialog::copied, this, &MainWindow::refreshRepository);
//     dialog->show();
class CopyDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CopyDialog)

public:
    // A registry the image can be copied to.
    struct Registry
    {
        QString host; // "host[:port]"
        oci::ContentFetcher *fetcher = nullptr;
    };

    enum class State {
        Editing,   // the target is missing or invalid (problem() says why)
        Ready,     // Copy is enabled
        Copying,   //
        Done,      // every tag copied; only Close is left
        Failed,    // a copy failed (problem() says why); the target can be changed and retried
        Cancelled, // stopped by the person
        Gone,      // the source's registry was removed
    };

    // `tags`: one or more tags of `repository` on `sourceHost`, read through `source`.
    // `registries`: where the copy may go (the source's own registry among them for a copy
    // to another repository). The target starts as the first registry other than the
    // source's (else the source's), with the source's repository and tag.
    CopyDialog(oci::ContentFetcher *source, const QString &sourceHost, const QString &repository,
               const QStringList &tags, const QList<Registry> &registries,
               QWidget *parent = nullptr);
    ~CopyDialog() override;

    // Pre-fills the target (a drop on `repository` of `host`; empty repository: keep it).
    // False when `host` is not among the registries.
    bool setTarget(const QString &host, const QString &repository = {});
    QString targetHost() const;
    QString targetRepository() const;
    // For one tag: the tag the copy gets (pre-filled with the source tag).
    QString targetTag() const;
    void setTargetTag(const QString &tag);
    void setWithReferrers(bool withReferrers);
    // Blobs will be mounted (the target is the source's registry).
    bool isSameRegistry() const;

    State state() const { return m_state; }
    QString problem() const { return m_problem; }
    // The copy job of the tag being copied, or of the last one copied (null before).
    ops::CopyJob *job() const;
    const CopyBlobModel *blobModel() const { return m_blobModel; }

    // Copy pressed: start copying (Ready only).
    void accept() override;
    // Close, Escape or the window's close button: while copying, asks whether to stop.
    void reject() override;
    // Stops the running copy (no tag is written for it).
    void stop();

Q_SIGNALS:
    // `tag` now points at the copy in `repository` on `host` (once per tag): refresh it.
    void copied(const QString &host, const QString &repository, const QString &tag);
    void stateChanged();

private:
    struct Target
    {
        QString host;
        QPointer<oci::ContentFetcher> fetcher;
    };

    void inputChanged();
    QString inputProblem() const;
    void updateRoute();
    void startNext();
    void onPhase();
    void onProgress();
    void onFinished();
    void onSourceGone();
    void onTargetGone(const QString &host);
    void finishWith(State state, const QString &problem);
    void setState(State state);
    QString targetTagFor(const QString &sourceTag) const;
    const Target *currentTarget() const;

    QPointer<oci::ContentFetcher> m_source;
    QString m_sourceHost;
    QString m_repository;
    QStringList m_tags;
    QList<Target> m_targets;
    QPointer<ops::CopyJob> m_job;
    int m_next = 0;        // index into m_tags of the next copy
    QStringList m_results; // a sentence per finished copy
    // Fixed when Copy is pressed: where the copies go.
    QString m_runHost;
    QString m_runRepository;
    State m_state = State::Editing;
    QString m_problem;

    QLabel *m_sourceLabel = nullptr;
    QComboBox *m_registryBox = nullptr;
    QLineEdit *m_repositoryEdit = nullptr;
    QLineEdit *m_tagEdit = nullptr;
    QCheckBox *m_referrersCheck = nullptr;
    QLabel *m_routeLabel = nullptr;
    QWidget *m_progressBox = nullptr;
    QLabel *m_phaseLabel = nullptr;
    QProgressBar *m_progressBar = nullptr;
    QLabel *m_countsLabel = nullptr;
    CopyBlobModel *m_blobModel = nullptr;
    QTableView *m_blobTable = nullptr;
    QLabel *m_resultLabel = nullptr;
    QLabel *m_problemLabel = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_copyButton = nullptr;
    QPushButton *m_closeButton = nullptr;
};
