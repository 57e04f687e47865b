#pragma once

#include "oci/core/digest.h"

#include <QDialog>
#include <QPointer>
#include <QString>
#include <QStringList>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTimer;
class QTreeWidget;

namespace oci {
class RegistryClient;
}

namespace ops {
class RetagJob;
}

// "Add Tags…" of the tag table: gives an image (image, index or artifact) more tags in its
// own repository. The person types one or more tags (spaces or commas between them); each
// is checked as a tag name, then, ~300 ms after the typing pauses, a dry run of
// ops::RetagJob shows what each tag would do: new, already on this image, or MOVED from
// another image's digest to this one (in the warning colour, before anything is written).
// "Add N Tags" runs the RetagJob for real (the exact manifest bytes PUT under each tag: the
// digest does not change; refused if the source moved since the preview) and shows the
// result; tagsAdded() then names the tags written.
//
// Window-modal (open it with open()), deletes itself on close. If the client is deleted
// (the registry removed), it says so and stops.
//
//     auto *dialog = new AddTagsDialog(client, host, repository, tag, this);
//     connect(dialog, &AddTagsDialog::tagsAdded, this,
//             [this](const QString &host, const QString &repository, const QStringList &) {
//                 refreshTagTable(host, repository);
//             });
//     dialog->open();
class AddTagsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AddTagsDialog)

public:
    enum class State {
        Editing,    // input missing or invalid
        Previewing, // the dry run is pending or running
        Ready,      // a preview for exactly what is typed: the button is enabled
        Adding,
        Done,   // added; only Close is left
        Failed, // the preview or the run failed (problem() says why)
        Gone,   // the registry was removed
    };

    // `source`: the tag (or digest, "sha256:…") whose image gets the new tags. `host`:
    // "host[:port]", for the text and tagsAdded().
    AddTagsDialog(oci::RegistryClient *client, const QString &host, const QString &repository,
                  const QString &source, QWidget *parent = nullptr);
    ~AddTagsDialog() override;

    State state() const { return m_state; }
    // The tags as typed, split and checked (what the preview and the button are for).
    QStringList tags() const;
    void setTagsText(const QString &text);
    // What stops the button, one sentence; empty when nothing does.
    QString problem() const { return m_problem; }
    // Of the image, once a preview or the run fetched it.
    const oci::Digest &digest() const { return m_digest; }

    void accept() override;
    void reject() override;

Q_SIGNALS:
    // Tags written by "Add" (new ones and moved ones) in `repository` on `host`.
    void tagsAdded(const QString &host, const QString &repository, const QStringList &tags);
    void stateChanged();

private:
    void inputChanged();
    void startPreview();
    void onPreviewed();
    void onAdded();
    void onClientGone();
    void cancelJob();
    void showChanges(const ops::RetagJob &job, bool written);
    void setState(State state, const QString &status = {});

    QPointer<oci::RegistryClient> m_client;
    QString m_host;
    QString m_repository;
    QString m_source;
    QPointer<ops::RetagJob> m_job;
    QStringList m_previewTags; // what the shown preview was made for
    oci::Digest m_digest;
    int m_writeCount = 0; // tags of the shown preview that Add writes (new or moved)
    State m_state = State::Editing;
    QString m_problem;

    QLabel *m_imageLabel = nullptr;
    QLineEdit *m_tagsEdit = nullptr;
    QProgressBar *m_busy = nullptr;
    QLabel *m_statusLabel = nullptr;
    QTreeWidget *m_preview = nullptr;
    QLabel *m_moveWarning = nullptr;
    QLabel *m_resultLabel = nullptr;
    QLabel *m_problemLabel = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_addButton = nullptr;
    QTimer *m_previewTimer = nullptr;
};
