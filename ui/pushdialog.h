#pragma once

#include "image/push/pushplan.h"

#include <QDialog>
#include <QList>
#include <QPointer>
#include <QString>

#include <memory>

class PushPlanModel;
class QCheckBox;
class QDialogButtonBox;
class QGridLayout;
class QLabel;
class QLineEdit;
class QProgressBar;
class QScrollArea;
class QTableView;
class QTimer;
class QWidget;

namespace oci {
class RegistryClient;
}

namespace image {
class BlobLocations;
class LocalImageSource;
class PushPlanner;
} // namespace image

// What a push will do, before it starts. Opens the dropped file or OCI layout folder on the
// pool (busy bar; a file Lading refuses is named with its problem and Push stays disabled),
// lets the person pick which of its images to push when it holds several ("All", or some) and
// the tag each gets (from the archive's RepoTags / ref.name annotations, else "latest"), then
// asks the registry (image::PushPlanner, again ~300 ms after each change, the previous one
// cancelled) and shows every blob with its size and fate — already in the repository,
// mounted from another, uploaded, or gzip'ed and uploaded — what happens to each tag (new, or
// moved from which digest, in the warning colour), and a summary. Push is enabled only with
// a plan for exactly what is shown; it emits pushRequested() and accepts: whoever opened the
// dialog runs the image::PushJob.
//
// Window-modal; open it with open(). Nothing blocks the GUI thread.
class PushDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PushDialog)

public:
    // `repository` empty: a field asks for one (a drop on a registry). `locations` (may be
    // null) lets the plan mount from sibling repositories and know compressed layers of
    // earlier pushes; it must outlive the dialog.
    PushDialog(oci::RegistryClient *client, const QString &repository,
               image::BlobLocations *locations, const QString &path, QWidget *parent = nullptr);
    ~PushDialog() override;

    QString path() const { return m_path; }
    QString repository() const;
    bool isBusy() const; // opening the source or asking the registry
    // A plan for exactly what the dialog shows now (Push is enabled).
    bool hasPlan() const;
    const image::PushPlan &plan() const;
    // What stops a push, one or two sentences; empty when nothing does.
    QString problem() const;
    const PushPlanModel *planModel() const { return m_model; }

    // The images the source offers to push (its indexes and top-level images), and the
    // person's choice among them.
    int imageCount() const { return int(m_entries.size()); }
    QString imageText(int image) const;
    bool isChosen(int image) const;
    void setChosen(int image, bool chosen);
    QString tag(int image) const;
    void setTag(int image, const QString &tag);

    void accept() override;

Q_SIGNALS:
    // Push was pressed: the plan to carry out (run it with image::PushJob).
    void pushRequested(const image::PushPlan &plan);
    // Opening finished, a plan arrived or failed, or the input changed.
    void stateChanged();

private:
    struct Entry
    {
        oci::Digest root;
        QString text;               // for the chooser: name, platform, size
        QString label;              // for sentences: the name (or short digest) alone
        QCheckBox *check = nullptr; // several images only
        QLineEdit *tag = nullptr;
    };

    void openSource();
    void onOpened(const std::shared_ptr<const image::LocalImageSource> &source);
    void onOpenFailed(const QString &problem);
    void buildChooser();
    void updateAllCheck();
    void inputChanged();
    QString inputProblem() const;
    void startPlanner();
    void cancelPlanner();
    void onPlanned();
    void showPlan();
    void setBusy(const QString &status);
    void updateState();

    QPointer<oci::RegistryClient> m_client; // the window may remove the registry meanwhile
    QString m_host;
    QString m_fixedRepository;
    image::BlobLocations *m_locations = nullptr;
    QString m_path;
    std::shared_ptr<const image::LocalImageSource> m_source;
    QList<Entry> m_entries;
    QPointer<image::PushPlanner> m_planner;
    bool m_opening = false;
    bool m_planCurrent = false; // the model's plan matches the input
    QString m_openProblem;
    QString m_planProblem;

    QLabel *m_sourceLabel = nullptr;
    QLineEdit *m_repositoryEdit = nullptr;
    QLabel *m_imagesLabel = nullptr;
    QCheckBox *m_allCheck = nullptr;
    QScrollArea *m_chooserArea = nullptr;
    QGridLayout *m_chooser = nullptr;
    QLabel *m_tagLabel = nullptr;
    QLineEdit *m_singleTag = nullptr;
    QProgressBar *m_busy = nullptr;
    QLabel *m_statusLabel = nullptr;
    PushPlanModel *m_model = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_tagLines = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_problemLabel = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QTimer *m_planTimer = nullptr;
};
