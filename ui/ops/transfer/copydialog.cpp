#include "ops/transfer/copydialog.h"

#include "dialogtext.h"
#include "ops/transfer/copyblobmodel.h"
#include "ops/transfer/tagnameinput.h"
#include "ops/transfer/transferlabels.h"
#include "tagtabletext.h"

#include "oci/inspect/contentfetcher.h"
#include "ops/copy/copyjob.h"
#include "ops/copy/copysource.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

using Phase = ops::CopyJob::Phase;

using TransferLabels::shortDigest;

namespace {

constexpr int kProgressSteps = 1000;

QString sizeText(qint64 bytes)
{
    return TagTableText::size(bytes);
}

bool sameHost(const QString &a, const QString &b)
{
    return a.compare(b, Qt::CaseInsensitive) == 0;
}

} // namespace

CopyDialog::CopyDialog(oci::ContentFetcher *source, const QString &sourceHost,
                       const QString &repository, const QStringList &tags,
                       const QList<Registry> &registries, QWidget *parent)
    : QDialog(parent)
    , m_source(source)
    , m_sourceHost(sourceHost)
    , m_repository(repository)
    , m_tags(tags)
{
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowModality(Qt::NonModal);
    setWindowTitle(tags.size() == 1
                       ? tr("Copy %1").arg(repository + u':' + tags.constFirst())
                       : tr("Copy %n Tag(s) of %1", nullptr, int(tags.size())).arg(repository));

    // The source's registry is always a possible target (another repository there).
    bool sourceListed = false;
    for (const Registry &registry : registries) {
        if (!registry.fetcher || registry.host.isEmpty())
            continue;
        sourceListed = sourceListed || sameHost(registry.host, sourceHost);
        m_targets.append({registry.host, registry.fetcher});
    }
    if (!sourceListed && source)
        m_targets.prepend({sourceHost, source});

    m_sourceLabel =
        new QLabel(sourceHost + u'/' + repository + u':' + tags.join(QStringLiteral(", ")), this);
    m_sourceLabel->setObjectName(QStringLiteral("sourceLabel"));
    m_sourceLabel->setTextFormat(Qt::PlainText);
    m_sourceLabel->setWordWrap(true);
    m_sourceLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_registryBox = new QComboBox(this);
    m_registryBox->setObjectName(QStringLiteral("registryBox"));
    for (const Target &target : std::as_const(m_targets)) {
        m_registryBox->addItem(sameHost(target.host, sourceHost)
                                   ? tr("%1 (the same registry)").arg(target.host)
                                   : target.host,
                               target.host);
        connect(target.fetcher, &QObject::destroyed, this,
                [this, host = target.host] { onTargetGone(host); });
    }
    int first = 0;
    for (int i = 0; i < m_targets.size(); ++i) {
        if (!sameHost(m_targets.at(i).host, sourceHost)) {
            first = i;
            break;
        }
    }
    m_registryBox->setCurrentIndex(first);

    m_repositoryEdit = new QLineEdit(repository, this);
    m_repositoryEdit->setObjectName(QStringLiteral("repositoryEdit"));
    m_repositoryEdit->setPlaceholderText(tr("team/app"));
    m_tagEdit = new QLineEdit(this);
    m_tagEdit->setObjectName(QStringLiteral("tagEdit"));
    if (tags.size() == 1) {
        m_tagEdit->setText(tags.constFirst());
    } else {
        m_tagEdit->setEnabled(false);
        m_tagEdit->setPlaceholderText(tr("Each tag keeps its name"));
    }
    m_referrersCheck = new QCheckBox(tr("Copy &signatures and other referrers"), this);
    m_referrersCheck->setObjectName(QStringLiteral("referrersCheck"));
    m_referrersCheck->setToolTip(
        tr("Signatures, SBOMs and attestations that refer to the image go with it."));
    m_routeLabel = DialogText::note(QString(), this);
    m_routeLabel->setObjectName(QStringLiteral("routeLabel"));

    auto *form = new QFormLayout;
    form->addRow(tr("From:"), m_sourceLabel);
    form->addRow(tr("To &registry:"), m_registryBox);
    form->addRow(tr("&Repository:"), m_repositoryEdit);
    form->addRow(tr("&Tag:"), m_tagEdit);
    form->addRow(QString(), m_referrersCheck);
    form->addRow(QString(), m_routeLabel);

    // What a running copy shows.
    m_progressBox = new QWidget(this);
    m_phaseLabel = new QLabel(m_progressBox);
    m_phaseLabel->setObjectName(QStringLiteral("phaseLabel"));
    m_phaseLabel->setTextFormat(Qt::PlainText);
    m_progressBar = new QProgressBar(m_progressBox);
    m_progressBar->setObjectName(QStringLiteral("progressBar"));
    m_countsLabel = DialogText::note(QString(), m_progressBox);
    m_countsLabel->setObjectName(QStringLiteral("countsLabel"));
    m_blobModel = new CopyBlobModel(this);
    m_blobTable = new QTableView(m_progressBox);
    m_blobTable->setObjectName(QStringLiteral("blobTable"));
    m_blobTable->setModel(m_blobModel);
    m_blobTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_blobTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_blobTable->setWordWrap(false);
    m_blobTable->verticalHeader()->hide();
    m_blobTable->horizontalHeader()->setStretchLastSection(true);
    m_blobTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_blobTable->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    // Room for "Config  sha256:<12 hex>…" whatever the font and language.
    m_blobTable->horizontalHeader()->setSectionResizeMode(CopyBlobModel::BlobColumn,
                                                          QHeaderView::Fixed);
    m_blobTable->setColumnWidth(
        CopyBlobModel::BlobColumn,
        fontMetrics().horizontalAdvance(CopyBlobModel::tr("Config") +
                                        QStringLiteral("  sha256:0123456789ab…")) +
            fontMetrics().averageCharWidth() * 4);
    m_blobTable->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_blobTable->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    auto *progressLayout = new QVBoxLayout(m_progressBox);
    progressLayout->setContentsMargins(0, 0, 0, 0);
    progressLayout->addWidget(m_phaseLabel);
    progressLayout->addWidget(m_progressBar);
    progressLayout->addWidget(m_countsLabel);
    progressLayout->addWidget(m_blobTable, 1);
    m_progressBox->hide();

    m_resultLabel = TransferLabels::sentence(QStringLiteral("resultLabel"), this);
    m_resultLabel->hide();
    m_problemLabel = TransferLabels::problem(QStringLiteral("problemLabel"), this);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_copyButton = m_buttons->button(QDialogButtonBox::Ok);
    m_copyButton->setObjectName(QStringLiteral("copyButton"));
    m_copyButton->setText(tr("&Copy"));
    m_closeButton = m_buttons->button(QDialogButtonBox::Cancel);
    m_closeButton->setObjectName(QStringLiteral("closeButton"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &CopyDialog::accept);
    // While copying the button stops the copy; otherwise it closes.
    connect(m_closeButton, &QPushButton::clicked, this, [this] {
        if (m_state == State::Copying)
            stop();
        else
            QDialog::reject();
    });

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_progressBox, 1);
    layout->addWidget(m_resultLabel);
    layout->addWidget(m_problemLabel);
    layout->addStretch(0);
    layout->addWidget(m_buttons);

    connect(m_registryBox, &QComboBox::currentIndexChanged, this, &CopyDialog::inputChanged);
    connect(m_repositoryEdit, &QLineEdit::textChanged, this, &CopyDialog::inputChanged);
    connect(m_tagEdit, &QLineEdit::textChanged, this, &CopyDialog::inputChanged);
    if (source)
        connect(source, &QObject::destroyed, this, &CopyDialog::onSourceGone);

    setMinimumWidth(600);
    resize(640, 300);
    m_repositoryEdit->setFocus();
    if (!source)
        onSourceGone();
    else
        inputChanged();
}

CopyDialog::~CopyDialog()
{
    if (m_job && m_state == State::Copying)
        m_job->cancel();
}

ops::CopyJob *CopyDialog::job() const
{
    return m_job;
}

// --- the target -------------------------------------------------------------------------

bool CopyDialog::setTarget(const QString &host, const QString &repository)
{
    for (int i = 0; i < m_registryBox->count(); ++i) {
        if (sameHost(m_registryBox->itemData(i).toString(), host)) {
            m_registryBox->setCurrentIndex(i);
            if (!repository.isEmpty())
                m_repositoryEdit->setText(repository);
            return true;
        }
    }
    return false;
}

QString CopyDialog::targetHost() const
{
    return m_registryBox->currentData().toString();
}

QString CopyDialog::targetRepository() const
{
    return m_repositoryEdit->text().trimmed();
}

QString CopyDialog::targetTag() const
{
    return m_tagEdit->text().trimmed();
}

void CopyDialog::setTargetTag(const QString &tag)
{
    if (m_tags.size() == 1)
        m_tagEdit->setText(tag);
}

void CopyDialog::setWithReferrers(bool withReferrers)
{
    m_referrersCheck->setChecked(withReferrers);
}

bool CopyDialog::isSameRegistry() const
{
    return sameHost(targetHost(), m_sourceHost);
}

const CopyDialog::Target *CopyDialog::currentTarget() const
{
    const QString host = targetHost();
    for (const Target &target : m_targets) {
        if (target.host == host && target.fetcher)
            return &target;
    }
    return nullptr;
}

QString CopyDialog::targetTagFor(const QString &sourceTag) const
{
    return m_tags.size() == 1 ? targetTag() : sourceTag;
}

QString CopyDialog::inputProblem() const
{
    if (!currentTarget())
        return tr("Choose a registry to copy to.");
    if (const QString problem = TagNameInput::repositoryProblem(targetRepository());
        !problem.isEmpty())
        return problem;
    if (m_tags.size() == 1) {
        if (const QString problem = TagNameInput::tagProblem(targetTag()); !problem.isEmpty())
            return problem;
    }
    if (isSameRegistry() && targetRepository() == m_repository &&
        (m_tags.size() > 1 || targetTag() == m_tags.constFirst()))
        return tr("That is where the image is already: choose another repository, tag or "
                  "registry.");
    return {};
}

void CopyDialog::inputChanged()
{
    updateRoute();
    if (m_state == State::Copying || m_state == State::Gone || m_state == State::Done)
        return;
    m_problem = inputProblem();
    setState(m_problem.isEmpty() ? State::Ready : State::Editing);
}

void CopyDialog::updateRoute()
{
    if (!currentTarget())
        m_routeLabel->clear();
    else if (isSameRegistry())
        m_routeLabel->setText(tr("Blobs will be mounted (same registry): nothing is downloaded."));
    else
        m_routeLabel->setText(tr("Blobs will be streamed from %1 to %2 through memory; "
                                 "nothing is stored on this computer.")
                                  .arg(m_sourceHost, targetHost()));
}

// --- copying ----------------------------------------------------------------------------

void CopyDialog::accept()
{
    if (m_state == State::Done) {
        QDialog::accept();
        return;
    }
    if ((m_state != State::Ready && m_state != State::Failed && m_state != State::Cancelled) ||
        !inputProblem().isEmpty() || !m_source)
        return;
    m_runHost = targetHost();
    m_runRepository = targetRepository();
    m_problem.clear();
    m_resultLabel->clear();
    m_resultLabel->hide();
    m_progressBox->show();
    if (height() < 480)
        resize(width(), 480);
    setState(State::Copying);
    startNext();
}

void CopyDialog::startNext()
{
    if (m_next >= m_tags.size()) {
        m_resultLabel->setText(m_results.join(u'\n'));
        m_resultLabel->show();
        m_phaseLabel->setText(tr("Done."));
        setState(State::Done);
        return;
    }
    const Target *target = currentTarget();
    if (!target || !m_source) {
        finishWith(State::Failed, tr("The registry %1 was removed: the copy stopped.")
                                      .arg(target ? m_sourceHost : m_runHost));
        return;
    }
    const QString tag = m_tags.at(m_next);
    ops::CopyRequest request;
    request.sourceRepository = m_repository;
    request.sourceReference = tag;
    request.targetRepository = m_runRepository;
    request.targetTag = targetTagFor(tag);
    request.withReferrers = m_referrersCheck->isChecked();
    if (m_job)
        m_job->deleteLater(); // the previous tag's, kept until now for its blob list
    auto *job = new ops::CopyJob(m_source, target->fetcher, request, this);
    m_job = job;
    connect(job, &ops::CopyJob::phaseChanged, this, &CopyDialog::onPhase);
    connect(job, &ops::CopyJob::progress, this, &CopyDialog::onProgress);
    connect(job, &ops::CopyJob::blobChanged, this, &CopyDialog::onProgress);
    connect(job, &oci::Job::finished, this, [this, job] {
        if (job == m_job)
            onFinished();
    });
    m_blobModel->setJob(job);
    job->start();
    onPhase();
    onProgress();
}

void CopyDialog::onPhase()
{
    if (!m_job)
        return;
    const QString tag = m_tags.value(m_next);
    QString text;
    switch (m_job->phase()) {
    case Phase::Waiting:
    case Phase::Reading:
        text = tr("Reading %1 on %2…").arg(m_repository + u':' + tag, m_sourceHost);
        break;
    case Phase::Copying:
        text = m_job->isSameRegistry() ? tr("Mounting the blobs…") : tr("Copying the blobs…");
        break;
    case Phase::Publishing:
        text = tr("Writing the manifests, the tag last…");
        break;
    case Phase::Done:
        text = tr("Copied %1.").arg(tag);
        break;
    }
    if (m_tags.size() > 1)
        text = tr("Tag %1 of %2: %3").arg(m_next + 1).arg(m_tags.size()).arg(text);
    m_phaseLabel->setText(text);
    onProgress();
}

void CopyDialog::onProgress()
{
    if (!m_job)
        return;
    const qint64 total = m_job->bytesTotal();
    if (m_job->phase() == Phase::Reading || m_job->phase() == Phase::Waiting || total <= 0) {
        m_progressBar->setRange(0, m_job->phase() == Phase::Done ? 1 : 0);
        m_progressBar->setValue(m_job->phase() == Phase::Done ? 1 : 0);
        m_progressBar->setTextVisible(false);
    } else {
        const qint64 done = m_job->bytesDone();
        m_progressBar->setRange(0, kProgressSteps);
        m_progressBar->setValue(int(double(done) / double(total) * kProgressSteps));
        m_progressBar->setTextVisible(true);
        m_progressBar->setFormat(tr("%1 of %2").arg(sizeText(done), sizeText(total)));
    }
    const ops::CopyJob::Counters &counters = m_job->counters();
    const int blobs = m_job->blobCount();
    if (blobs == 0) {
        m_countsLabel->clear();
        return;
    }
    const int finished = counters.blobsPresent + counters.blobsMounted + counters.blobsCopied +
                         counters.blobsSkipped;
    // Within a registry blobs are mounted, between two they are copied: name only what can be.
    m_countsLabel->setText(m_job->isSameRegistry()
                               ? tr("%1 of %2 blobs done: %3 mounted, %4 already there")
                                     .arg(finished)
                                     .arg(blobs)
                                     .arg(counters.blobsMounted)
                                     .arg(counters.blobsPresent)
                               : tr("%1 of %2 blobs done: %3 copied (%4), %5 already there")
                                     .arg(finished)
                                     .arg(blobs)
                                     .arg(counters.blobsCopied)
                                     .arg(sizeText(counters.bytesCopied))
                                     .arg(counters.blobsPresent));
}

void CopyDialog::onFinished()
{
    ops::CopyJob *job = m_job;
    if (!m_source) {
        onSourceGone();
        return;
    }
    const QString tag = targetTagFor(m_tags.at(m_next));
    const QString where = m_runHost + u'/' + m_runRepository + u':' + tag;
    if (!job->succeeded()) {
        QString problem = tr("The copy to %1 failed, and its tag was not written: %2")
                              .arg(where, job->error().describe());
        if (!m_results.isEmpty())
            problem += u'\n' + tr("Copied before: %1").arg(m_results.join(u' '));
        finishWith(State::Failed, problem);
        return;
    }
    onPhase();
    const ops::CopyJob::Counters &counters = job->counters();
    QString text = tr("Copied to %1. Digest %2 verified on both sides; the tag was written last.")
                       .arg(where, shortDigest(job->digest()));
    const oci::Digest previous = job->previousTagDigest();
    if (previous == job->digest())
        text += u' ' + tr("The tag was already on this image there.");
    else if (!previous.isNull())
        text += u' ' + tr("Before, the tag %1 there pointed at another image, %2: it now points "
                          "at the copy.")
                           .arg(tag, shortDigest(previous));
    text += u' ' + (job->isSameRegistry()
                        ? tr("Blobs: %1 mounted, %2 already there; nothing was downloaded.")
                              .arg(counters.blobsMounted)
                              .arg(counters.blobsPresent)
                        : tr("Blobs: %1 copied (%2), %3 already there.")
                              .arg(counters.blobsCopied)
                              .arg(sizeText(counters.bytesCopied))
                              .arg(counters.blobsPresent));
    if (const int platforms = job->source().platformCount; platforms > 1)
        text += u' ' + tr("The index went with all its %n platform(s).", nullptr, platforms);
    if (job->request().withReferrers)
        text += u' ' + tr("%n referrer(s) copied.", nullptr, counters.referrersCopied);
    m_results << text;
    ++m_next;
    Q_EMIT copied(m_runHost, m_runRepository, tag);
    startNext();
}

void CopyDialog::stop()
{
    if (m_state != State::Copying)
        return;
    if (m_job)
        m_job->cancel(); // silent from here: no finished()
    m_blobModel->setStopped();
    const QString where =
        m_runHost + u'/' + m_runRepository + u':' + targetTagFor(m_tags.value(m_next));
    QString problem = tr("Stopped: %1 was not written. Blobs already sent stay unused in the "
                         "repository until the registry's garbage collection.")
                          .arg(where);
    if (!m_results.isEmpty())
        problem += u'\n' + tr("Copied before: %1").arg(m_results.join(u' '));
    finishWith(State::Cancelled, problem);
}

void CopyDialog::reject()
{
    if (m_state != State::Copying) {
        QDialog::reject();
        return;
    }
    auto *box = new QMessageBox(QMessageBox::Question, tr("Stop the Copy?"),
                                tr("The copy to %1/%2 is still running. Stop it? Its tag will "
                                   "not be written.")
                                    .arg(m_runHost, m_runRepository),
                                QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("stopQuestion"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *stopButton = box->addButton(tr("&Stop the Copy"), QMessageBox::AcceptRole);
    box->addButton(tr("&Keep Copying"), QMessageBox::RejectRole);
    box->setDefaultButton(stopButton);
    connect(box, &QMessageBox::buttonClicked, this, [this, stopButton](QAbstractButton *button) {
        if (button != stopButton)
            return;
        stop();
        QDialog::reject();
    });
    box->open();
}

void CopyDialog::onSourceGone()
{
    if (m_job && m_state == State::Copying)
        m_job->cancel();
    finishWith(State::Gone,
               tr("The registry %1 was removed: the copy cannot go on.").arg(m_sourceHost));
}

void CopyDialog::onTargetGone(const QString &host)
{
    for (int i = 0; i < m_registryBox->count(); ++i) {
        if (m_registryBox->itemData(i).toString() == host) {
            const QSignalBlocker blocker(m_registryBox);
            m_registryBox->removeItem(i);
            break;
        }
    }
    if (m_state == State::Copying && m_runHost == host) {
        if (m_job)
            m_job->cancel();
        finishWith(State::Failed, tr("The registry %1 was removed: the copy stopped, and no "
                                     "tag was written there.")
                                      .arg(host));
        return;
    }
    inputChanged();
}

void CopyDialog::finishWith(State state, const QString &problem)
{
    m_problem = problem;
    if (m_progressBar->maximum() == 0) // stopped while reading: the busy bar stops too
        m_progressBar->setRange(0, 1);
    if (!m_results.isEmpty()) {
        m_resultLabel->setText(m_results.join(u'\n'));
        m_resultLabel->show();
    }
    setState(state);
}

void CopyDialog::setState(State state)
{
    m_state = state;
    const bool copying = state == State::Copying;
    const bool finished = state == State::Done || state == State::Gone;
    m_problemLabel->setText(m_problem);
    for (QWidget *input :
         {static_cast<QWidget *>(m_registryBox), static_cast<QWidget *>(m_repositoryEdit),
          static_cast<QWidget *>(m_referrersCheck)})
        input->setEnabled(!copying && !finished);
    m_tagEdit->setEnabled(!copying && !finished && m_tags.size() == 1);
    m_copyButton->setVisible(!finished);
    m_copyButton->setEnabled(state == State::Ready ||
                             ((state == State::Failed || state == State::Cancelled) &&
                              inputProblem().isEmpty() && m_source));
    m_copyButton->setText(state == State::Failed || state == State::Cancelled ? tr("&Try Again")
                                                                              : tr("&Copy"));
    m_closeButton->setText(copying ? tr("&Stop") : finished ? tr("Close") : tr("Cancel"));
    if (finished) {
        m_closeButton->setDefault(true);
        m_closeButton->setFocus();
    }
    if (state == State::Cancelled || state == State::Failed || state == State::Gone)
        m_phaseLabel->setText(state == State::Cancelled ? tr("Stopped.") : tr("Failed."));
    Q_EMIT stateChanged();
}
