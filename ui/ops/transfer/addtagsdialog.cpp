#include "ops/transfer/addtagsdialog.h"

#include "dialogtext.h"
#include "ops/transfer/tagnameinput.h"
#include "ops/transfer/transferlabels.h"

#include "oci/client/registryclient.h"
#include "ops/copy/retagjob.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

using TransferLabels::shortDigest;

namespace {

// Long enough that typing a tag does not ask the registry at every key.
constexpr int kPreviewDelayMs = 300;

// "team/app:1.0", or "team/app@sha256:abc…" for a digest.
QString sourceText(const QString &repository, const QString &source)
{
    if (const auto digest = oci::Digest::parse(source); digest.ok())
        return repository + u'@' + shortDigest(digest.value());
    return repository + u':' + source;
}

} // namespace

AddTagsDialog::AddTagsDialog(oci::RegistryClient *client, const QString &host,
                             const QString &repository, const QString &source, QWidget *parent)
    : QDialog(parent), m_client(client), m_host(host), m_repository(repository), m_source(source)
{
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowModality(Qt::WindowModal);
    setWindowTitle(tr("Add Tags to %1").arg(sourceText(repository, source)));

    m_imageLabel = new QLabel(host + u'/' + sourceText(repository, source), this);
    m_imageLabel->setObjectName(QStringLiteral("imageLabel"));
    m_imageLabel->setTextFormat(Qt::PlainText);
    m_imageLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_tagsEdit = new QLineEdit(this);
    m_tagsEdit->setObjectName(QStringLiteral("tagsEdit"));
    m_tagsEdit->setPlaceholderText(
        tr("stable, 1.2 (several: separate them with spaces or commas)"));
    m_tagsEdit->setClearButtonEnabled(true);
    connect(m_tagsEdit, &QLineEdit::textChanged, this, &AddTagsDialog::inputChanged);

    auto *form = new QFormLayout;
    form->addRow(tr("Image:"), m_imageLabel);
    form->addRow(tr("New &tags:"), m_tagsEdit);

    m_busy = new QProgressBar(this);
    m_busy->setObjectName(QStringLiteral("busyIndicator"));
    m_busy->setRange(0, 0);
    m_busy->setTextVisible(false);
    m_busy->setMaximumWidth(120);
    m_busy->hide();
    m_statusLabel = DialogText::note(QString(), this);
    m_statusLabel->setObjectName(QStringLiteral("statusLabel"));
    auto *statusRow = new QHBoxLayout;
    statusRow->addWidget(m_busy);
    statusRow->addWidget(m_statusLabel, 1);

    m_preview = new QTreeWidget(this);
    m_preview->setObjectName(QStringLiteral("previewList"));
    m_preview->setHeaderLabels({tr("Tag"), tr("What happens")});
    m_preview->setRootIsDecorated(false);
    m_preview->setUniformRowHeights(true);
    m_preview->setSelectionMode(QAbstractItemView::NoSelection);
    m_preview->setFocusPolicy(Qt::NoFocus);
    m_preview->header()->setStretchLastSection(true);
    m_preview->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_preview->header()->setMinimumSectionSize(fontMetrics().horizontalAdvance(u'x') * 12);

    m_moveWarning = TransferLabels::warning(QStringLiteral("moveWarning"), this);
    m_moveWarning->hide();

    m_resultLabel = TransferLabels::sentence(QStringLiteral("resultLabel"), this);
    m_resultLabel->hide();
    m_problemLabel = TransferLabels::problem(QStringLiteral("problemLabel"), this);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_addButton = m_buttons->button(QDialogButtonBox::Ok);
    m_addButton->setObjectName(QStringLiteral("addButton"));
    m_buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("cancelButton"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &AddTagsDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &AddTagsDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(statusRow);
    layout->addWidget(m_preview, 1);
    layout->addWidget(m_moveWarning);
    layout->addWidget(m_resultLabel);
    layout->addWidget(m_problemLabel);
    layout->addWidget(m_buttons);

    m_previewTimer = new QTimer(this);
    m_previewTimer->setSingleShot(true);
    m_previewTimer->setInterval(kPreviewDelayMs);
    connect(m_previewTimer, &QTimer::timeout, this, &AddTagsDialog::startPreview);

    if (client)
        connect(client, &QObject::destroyed, this, &AddTagsDialog::onClientGone);

    setMinimumSize(560, 360);
    resize(720, 400); // a moved tag's line holds two digests
    m_tagsEdit->setFocus();
    if (!client)
        onClientGone();
    else
        inputChanged();
}

AddTagsDialog::~AddTagsDialog()
{
    cancelJob();
}

QStringList AddTagsDialog::tags() const
{
    return TagNameInput::split(m_tagsEdit->text());
}

void AddTagsDialog::setTagsText(const QString &text)
{
    m_tagsEdit->setText(text);
}

// --- the preview ------------------------------------------------------------------------

void AddTagsDialog::inputChanged()
{
    if (m_state == State::Adding || m_state == State::Done || m_state == State::Gone)
        return;
    const QStringList typed = tags();
    // The same tags (a space or comma more): the preview still holds.
    if (m_state == State::Ready && typed == m_previewTags)
        return;
    cancelJob();
    m_previewTimer->stop();
    m_preview->clear();
    m_moveWarning->hide();
    m_previewTags.clear();
    m_writeCount = 0;
    if (typed.isEmpty()) {
        setState(State::Editing);
        return;
    }
    for (const QString &tag : typed) {
        if (const QString problem = TagNameInput::tagProblem(tag); !problem.isEmpty()) {
            m_problem = problem;
            setState(State::Editing);
            return;
        }
    }
    m_previewTimer->start();
    setState(State::Previewing, tr("Checking what each tag points at on %1…").arg(m_host));
}

void AddTagsDialog::startPreview()
{
    if (!m_client)
        return;
    cancelJob();
    const QStringList typed = tags();
    auto *job = new ops::RetagJob(m_client, m_repository, m_source, typed, this);
    job->setDryRun(true);
    m_job = job;
    connect(job, &oci::Job::finished, this, [this, job, typed] {
        if (job != m_job)
            return;
        m_previewTags = typed;
        onPreviewed();
    });
    job->start();
}

void AddTagsDialog::onPreviewed()
{
    ops::RetagJob *job = m_job;
    m_job = nullptr;
    job->deleteLater();
    if (!job->succeeded()) {
        m_problem = tr("Lading could not check the tags: %1").arg(job->error().describe());
        setState(State::Failed);
        return;
    }
    m_digest = job->digest();
    m_imageLabel->setText(m_host + u'/' + sourceText(m_repository, m_source) + u"  —  " +
                          shortDigest(m_digest));
    m_imageLabel->setToolTip(m_digest.toString());
    showChanges(*job, false);
    setState(State::Ready);
}

void AddTagsDialog::showChanges(const ops::RetagJob &job, bool written)
{
    m_preview->clear();
    int moved = 0;
    m_writeCount = 0;
    for (const ops::TagChange &change : job.changes()) {
        m_writeCount += change.kind != ops::TagChange::Kind::Unchanged;
        auto *item = new QTreeWidgetItem(m_preview);
        item->setText(0, change.tag);
        QString what;
        switch (change.kind) {
        case ops::TagChange::Kind::New:
            what = !written ? tr("New tag") : change.applied ? tr("Added") : tr("Not written");
            break;
        case ops::TagChange::Kind::Unchanged:
            what = written ? tr("Already on this image: nothing changed")
                           : tr("Already on this image: nothing changes");
            break;
        case ops::TagChange::Kind::Moved: {
            ++moved;
            const QString from = shortDigest(change.from);
            const QString to = shortDigest(job.digest());
            what = !written         ? tr("MOVES from %1 (another image) to %2").arg(from, to)
                   : change.applied ? tr("Moved from %1 (another image) to %2").arg(from, to)
                                    : tr("Not written (would have moved from %1)").arg(from);
            item->setToolTip(
                1, tr("From %1 to %2").arg(change.from.toString(), job.digest().toString()));
            item->setForeground(1, DialogText::warningColour());
            item->setForeground(0, DialogText::warningColour());
            QFont bold = item->font(1);
            bold.setBold(true);
            item->setFont(0, bold);
            item->setFont(1, bold);
            break;
        }
        }
        item->setText(1, what);
    }
    if (moved > 0 && !written) {
        m_moveWarning->setText(
            tr("%n tag(s) will be taken from another image. Whoever pulls it afterwards gets "
               "this image; the other image stays in the repository under its digest and any "
               "other tags.",
               nullptr, moved));
        m_moveWarning->show();
    } else {
        m_moveWarning->hide();
    }
}

// --- adding -----------------------------------------------------------------------------

void AddTagsDialog::accept()
{
    if (m_state == State::Done) {
        QDialog::accept();
        return;
    }
    if (m_state != State::Ready || !m_client || tags() != m_previewTags)
        return;
    auto *job = new ops::RetagJob(m_client, m_repository, m_source, m_previewTags, this);
    // The preview showed what happens to this image: if the source tag moved since, stop.
    job->setExpectedDigest(m_digest);
    m_job = job;
    connect(job, &oci::Job::finished, this, [this, job] {
        if (job == m_job)
            onAdded();
    });
    job->start();
    setState(State::Adding, tr("Adding the tags on %1…").arg(m_host));
}

void AddTagsDialog::reject()
{
    // A few PUTs: let them end rather than leave some tags written and some not.
    if (m_state != State::Adding)
        QDialog::reject();
}

void AddTagsDialog::onAdded()
{
    ops::RetagJob *job = m_job;
    m_job = nullptr;
    job->deleteLater();
    showChanges(*job, true);
    QStringList written;
    int unchanged = 0;
    for (const ops::TagChange &change : job->changes()) {
        if (change.kind == ops::TagChange::Kind::Unchanged)
            ++unchanged;
        else if (change.applied)
            written << change.tag;
    }
    if (!written.isEmpty())
        Q_EMIT tagsAdded(m_host, m_repository, written);
    if (!job->succeeded()) {
        m_problem = written.isEmpty()
                        ? tr("No tag was added: %1").arg(job->error().describe())
                        : tr("Only %1 could be added: %2")
                              .arg(written.join(QStringLiteral(", ")), job->error().describe());
        // The list says what was written; a new preview starts from what is there now.
        m_previewTags.clear();
        setState(State::Failed);
        return;
    }
    const int total = int(written.size()) + unchanged;
    m_resultLabel->setText(
        tr("Done: %n tag(s) now point at %1, the image of %2. The image itself did not change.",
           nullptr, total)
            .arg(shortDigest(job->digest()), sourceText(m_repository, m_source)));
    m_resultLabel->show();
    setState(State::Done);
}

void AddTagsDialog::onClientGone()
{
    cancelJob();
    m_previewTimer->stop();
    m_problem = tr("The registry %1 was removed: nothing more can be done here.").arg(m_host);
    setState(State::Gone);
}

void AddTagsDialog::cancelJob()
{
    if (m_job) {
        m_job->cancel();
        m_job->deleteLater();
    }
    m_job = nullptr;
}

void AddTagsDialog::setState(State state, const QString &status)
{
    if (state != State::Failed && state != State::Gone && state != State::Editing)
        m_problem.clear();
    if (state == State::Editing && tags().isEmpty())
        m_problem.clear();
    m_state = state;

    const bool busy = state == State::Previewing || state == State::Adding;
    m_busy->setVisible(busy);
    m_statusLabel->setText(status);
    m_problemLabel->setText(m_problem);
    m_tagsEdit->setReadOnly(state == State::Adding || state == State::Done || state == State::Gone);

    const int count = m_writeCount;
    QPushButton *cancel = m_buttons->button(QDialogButtonBox::Cancel);
    if (state == State::Done || state == State::Gone) {
        m_addButton->hide();
        cancel->setText(tr("Close"));
        cancel->setEnabled(true);
        cancel->setDefault(true);
        m_tagsEdit->deselect();
        cancel->setFocus();
    } else {
        m_addButton->setText(state == State::Ready && count > 0
                                 ? tr("&Add %n Tag(s)", nullptr, count)
                                 : tr("&Add Tags"));
        m_addButton->setEnabled(state == State::Ready && count > 0);
        cancel->setEnabled(state != State::Adding);
    }
    if (state == State::Ready) {
        m_statusLabel->setText(count > 0 ? tr("Nothing is written until you press “%1”.")
                                               .arg(m_addButton->text().remove(u'&'))
                                         : tr("Every tag is already on this image: there is "
                                              "nothing to add."));
    }
    Q_EMIT stateChanged();
}
