#include "pushdialog.h"

#include "dialogtext.h"
#include "pushplanmodel.h"

#include "image/push/pushjob.h"
#include "image/source/localchoices.h"
#include "image/source/localimagesource.h"
#include "oci/client/registryclient.h"
#include "oci/core/futurecontinuation.h"
#include "oci/core/reference.h"
#include "oci/manifest/imagemanifest.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace {

// Long enough that typing a tag does not ask the registry at every key.
constexpr int kPlanDelayMs = 300;

} // namespace

PushDialog::PushDialog(oci::RegistryClient *client, const QString &repository,
                       image::BlobLocations *locations, const QString &path, QWidget *parent)
    : QDialog(parent)
    , m_client(client)
    , m_host(client ? client->config().host : QString())
    , m_fixedRepository(repository)
    , m_locations(locations)
    , m_path(path)
{
    const QString &host = m_host;
    const QString fileName = QFileInfo(path).fileName();
    setWindowTitle(tr("Push %1").arg(fileName));
    setWindowModality(Qt::WindowModal);

    m_sourceLabel = new QLabel(fileName, this);
    m_sourceLabel->setObjectName(QStringLiteral("sourceLabel"));
    m_sourceLabel->setTextFormat(Qt::PlainText);
    m_sourceLabel->setToolTip(path);

    // A drop on a repository pushes there; a drop on a registry asks where.
    QWidget *repositoryField = nullptr;
    if (m_fixedRepository.isEmpty()) {
        m_repositoryEdit = new QLineEdit(this);
        m_repositoryEdit->setObjectName(QStringLiteral("repositoryEdit"));
        m_repositoryEdit->setPlaceholderText(tr("team/app"));
        m_repositoryEdit->setClearButtonEnabled(true);
        auto *row = new QWidget(this);
        auto *rowLayout = new QHBoxLayout(row);
        rowLayout->setContentsMargins(0, 0, 0, 0);
        auto *hostLabel = new QLabel(host + u'/', row);
        hostLabel->setTextFormat(Qt::PlainText);
        rowLayout->addWidget(hostLabel);
        rowLayout->addWidget(m_repositoryEdit, 1);
        repositoryField = row;
        connect(m_repositoryEdit, &QLineEdit::textChanged, this, &PushDialog::inputChanged);
    } else {
        auto *label = new QLabel(host + u'/' + m_fixedRepository, this);
        label->setObjectName(QStringLiteral("repositoryLabel"));
        label->setTextFormat(Qt::PlainText);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        repositoryField = label;
    }

    // Several images: a check box and a tag field each, and "All".
    m_allCheck = new QCheckBox(tr("&All"), this);
    m_allCheck->setObjectName(QStringLiteral("allCheck"));
    connect(m_allCheck, &QCheckBox::clicked, this, [this] {
        // Anything left out: choose everything; everything chosen: nothing.
        bool all = true;
        for (const Entry &entry : std::as_const(m_entries))
            all = all && (!entry.check || entry.check->isChecked());
        for (Entry &entry : m_entries) {
            if (entry.check) {
                const QSignalBlocker blocker(entry.check);
                entry.check->setChecked(!all);
                entry.tag->setEnabled(!all);
            }
        }
        updateAllCheck();
        inputChanged();
    });
    auto *chooserWidget = new QWidget(this);
    m_chooser = new QGridLayout(chooserWidget);
    m_chooser->setColumnStretch(0, 2);
    m_chooser->setColumnStretch(1, 1);
    m_chooser->addWidget(m_allCheck, 0, 0, 1, 2);
    m_chooserArea = new QScrollArea(this);
    m_chooserArea->setObjectName(QStringLiteral("imageChooser"));
    m_chooserArea->setWidgetResizable(true);
    m_chooserArea->setWidget(chooserWidget);
    m_chooserArea->setMaximumHeight(180);
    m_imagesLabel = new QLabel(tr("Images:"), this);

    m_singleTag = new QLineEdit(this);
    m_singleTag->setObjectName(QStringLiteral("tagEdit"));
    m_tagLabel = new QLabel(tr("&Tag:"), this);
    m_tagLabel->setBuddy(m_singleTag);
    connect(m_singleTag, &QLineEdit::textChanged, this, &PushDialog::inputChanged);

    auto *form = new QFormLayout;
    form->addRow(tr("File:"), m_sourceLabel);
    form->addRow(m_repositoryEdit ? tr("&Repository:") : tr("Repository:"), repositoryField);
    form->addRow(m_imagesLabel, m_chooserArea);
    form->addRow(m_tagLabel, m_singleTag);
    if (m_repositoryEdit)
        qobject_cast<QLabel *>(form->labelForField(repositoryField))->setBuddy(m_repositoryEdit);

    m_busy = new QProgressBar(this);
    m_busy->setObjectName(QStringLiteral("busyIndicator"));
    m_busy->setRange(0, 0);
    m_busy->setTextVisible(false);
    m_busy->setMaximumWidth(120);
    m_statusLabel = DialogText::note(QString(), this);
    m_statusLabel->setObjectName(QStringLiteral("statusLabel"));
    auto *statusRow = new QHBoxLayout;
    statusRow->addWidget(m_busy);
    statusRow->addWidget(m_statusLabel, 1);

    m_model = new PushPlanModel(this);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("planTable"));
    m_table->setModel(m_model);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);

    m_tagLines = new QLabel(this);
    m_tagLines->setObjectName(QStringLiteral("tagLinesLabel"));
    m_tagLines->setWordWrap(true);
    m_tagLines->setTextFormat(Qt::PlainText);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("summaryLabel"));
    m_summary->setTextFormat(Qt::PlainText);

    m_problemLabel = new QLabel(this);
    m_problemLabel->setObjectName(QStringLiteral("problemLabel"));
    m_problemLabel->setWordWrap(true);
    m_problemLabel->setTextFormat(Qt::PlainText);
    m_problemLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    DialogText::reserveLines(m_problemLabel, 2);
    DialogText::setColour(m_problemLabel, DialogText::problemColour());

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Push"));
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("pushButton"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &PushDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &PushDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(statusRow);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_tagLines);
    layout->addWidget(m_summary);
    layout->addWidget(m_problemLabel);
    layout->addWidget(m_buttons);

    m_planTimer = new QTimer(this);
    m_planTimer->setSingleShot(true);
    m_planTimer->setInterval(kPlanDelayMs);
    connect(m_planTimer, &QTimer::timeout, this, &PushDialog::startPlanner);

    setMinimumSize(680, 480);
    m_imagesLabel->hide();
    m_chooserArea->hide();
    m_tagLabel->hide();
    m_singleTag->hide();
    openSource();
}

PushDialog::~PushDialog()
{
    cancelPlanner();
}

// --- the source -------------------------------------------------------------------------

void PushDialog::openSource()
{
    m_opening = true;
    setBusy(tr("Reading %1 and checking its structure…").arg(QFileInfo(m_path).fileName()));
    oci::whenFinished(
        this, image::LocalImageSource::openAsync(m_path),
        [this](const oci::Result<std::shared_ptr<const image::LocalImageSource>> &result) {
            m_opening = false;
            if (result.ok()) {
                onOpened(result.value());
                return;
            }
            const oci::Error &error = result.error();
            onOpenFailed(error.object().isEmpty()
                             ? error.message()
                             : QStringLiteral("%1: %2").arg(error.object(), error.message()));
        });
    updateState();
}

void PushDialog::onOpenFailed(const QString &problem)
{
    m_openProblem = tr("%1 cannot be pushed. %2").arg(QFileInfo(m_path).fileName(), problem);
    setBusy(QString());
    updateState();
}

void PushDialog::onOpened(const std::shared_ptr<const image::LocalImageSource> &source)
{
    m_source = source;
    m_sourceLabel->setText(QStringLiteral("%1 — %2").arg(QFileInfo(m_path).fileName(),
                                                         image::localFormatName(source->format())));
    // What a person picks from: indexes (all their platforms go) and images on their own.
    QList<QStringList> names;
    for (const image::LocalChoice &choice : image::localChoices(*source)) {
        Entry entry;
        entry.root = choice.root;
        const QString name = choice.names.value(0);
        entry.label = name.isEmpty() ? choice.root.shortString() : name;
        if (choice.index) {
            const int platforms = int(choice.index->document.index().manifests.size());
            entry.text = tr("%1 — index of %n image(s)", nullptr, platforms).arg(entry.label);
        } else {
            QStringList parts{entry.label};
            if (const QString platform = image::platformText(*choice.image); !platform.isEmpty())
                parts << platform;
            if (choice.image->manifest.isImageManifest()) {
                const oci::ImageManifest &manifest = choice.image->manifest.manifest();
                parts << QLocale().formattedDataSize(manifest.config.size() + manifest.layersSize(), 1);
            }
            entry.text = parts.join(QStringLiteral(" — "));
        }
        m_entries.append(entry);
        names.append(choice.names);
    }
    if (m_entries.isEmpty()) {
        onOpenFailed(tr("It holds no image."));
        return;
    }
    buildChooser();
    for (int i = 0; i < m_entries.size(); ++i) {
        const QString tag = image::tagFromNames(names.at(i));
        const QSignalBlocker blocker(m_entries.at(i).tag);
        m_entries.at(i).tag->setText(tag.isEmpty() ? QStringLiteral("latest") : tag);
    }
    if (m_repositoryEdit && m_repositoryEdit->text().isEmpty()) {
        const QSignalBlocker blocker(m_repositoryEdit);
        for (const QStringList &entryNames : std::as_const(names)) {
            if (const QString repository = image::repositoryFromNames(entryNames);
                !repository.isEmpty()) {
                m_repositoryEdit->setText(repository);
                break;
            }
        }
    }
    setBusy(QString());
    // The first plan needs no pause: nothing is being typed.
    inputChanged();
    m_planTimer->stop();
    startPlanner();
}

void PushDialog::buildChooser()
{
    if (m_entries.size() == 1) {
        m_entries.first().tag = m_singleTag;
        m_tagLabel->show();
        m_singleTag->show();
        return;
    }
    QWidget *parent = m_chooserArea->widget();
    for (int i = 0; i < m_entries.size(); ++i) {
        Entry &entry = m_entries[i];
        entry.check = new QCheckBox(entry.text, parent);
        entry.check->setObjectName(QStringLiteral("imageCheck%1").arg(i));
        entry.check->setChecked(true);
        entry.tag = new QLineEdit(parent);
        entry.tag->setObjectName(QStringLiteral("imageTag%1").arg(i));
        entry.tag->setAccessibleName(tr("Tag for %1").arg(entry.text));
        m_chooser->addWidget(entry.check, i + 1, 0);
        m_chooser->addWidget(entry.tag, i + 1, 1);
        QLineEdit *tag = entry.tag;
        connect(entry.check, &QCheckBox::toggled, this, [this, tag](bool checked) {
            tag->setEnabled(checked);
            updateAllCheck();
            inputChanged();
        });
        connect(entry.tag, &QLineEdit::textChanged, this, &PushDialog::inputChanged);
    }
    m_chooser->setRowStretch(int(m_entries.size()) + 1, 1);
    m_imagesLabel->setText(tr("Images (%1):").arg(m_entries.size()));
    m_imagesLabel->show();
    m_chooserArea->show();
    updateAllCheck();
}

void PushDialog::updateAllCheck()
{
    int chosen = 0;
    for (const Entry &entry : std::as_const(m_entries))
        chosen += entry.check && entry.check->isChecked() ? 1 : 0;
    const QSignalBlocker blocker(m_allCheck);
    if (chosen == 0 || chosen == m_entries.size()) {
        m_allCheck->setTristate(false);
        m_allCheck->setChecked(chosen != 0);
    } else {
        m_allCheck->setCheckState(Qt::PartiallyChecked);
    }
}

// --- the choice -------------------------------------------------------------------------

QString PushDialog::repository() const
{
    return m_repositoryEdit ? m_repositoryEdit->text().trimmed() : m_fixedRepository;
}

QString PushDialog::imageText(int image) const
{
    return image >= 0 && image < m_entries.size() ? m_entries.at(image).text : QString();
}

bool PushDialog::isChosen(int image) const
{
    if (image < 0 || image >= m_entries.size())
        return false;
    const Entry &entry = m_entries.at(image);
    return !entry.check || entry.check->isChecked();
}

void PushDialog::setChosen(int image, bool chosen)
{
    if (image >= 0 && image < m_entries.size() && m_entries.at(image).check)
        m_entries.at(image).check->setChecked(chosen);
}

QString PushDialog::tag(int image) const
{
    return image >= 0 && image < m_entries.size() ? m_entries.at(image).tag->text().trimmed()
                                                  : QString();
}

void PushDialog::setTag(int image, const QString &tag)
{
    if (image >= 0 && image < m_entries.size())
        m_entries.at(image).tag->setText(tag);
}

QString PushDialog::inputProblem() const
{
    if (!m_client)
        return tr("There is no registry to push to.");
    const QString name = repository();
    if (name.isEmpty())
        return tr("Enter the repository to push to, for example team/app.");
    if (!oci::Reference::isValidRepository(name))
        return tr("“%1” is not a valid repository name: lowercase letters, digits and . _ -, "
                  "in parts separated by /.")
            .arg(name);
    if (!m_source)
        return {};
    QHash<QString, int> tagged; // tag -> the first image that has it
    for (int i = 0; i < m_entries.size(); ++i) {
        if (!isChosen(i))
            continue;
        const QString text = tag(i);
        const QString what = m_entries.size() == 1 ? QString() : m_entries.at(i).label;
        if (text.isEmpty()) {
            return what.isEmpty() ? tr("Enter a tag.") : tr("Enter a tag for %1.").arg(what);
        }
        if (!oci::Reference::isValidTag(text))
            return tr("“%1” is not a valid tag: up to 128 letters, digits and _ . -, not "
                      "starting with . or -.")
                .arg(text);
        if (const auto other = tagged.constFind(text); other != tagged.constEnd())
            return tr("%1 and %2 would both be tagged %3: give each its own tag.")
                .arg(m_entries.at(*other).label, m_entries.at(i).label, text);
        tagged.insert(text, i);
    }
    if (tagged.isEmpty())
        return tr("Choose at least one image to push.");
    return {};
}

QString PushDialog::problem() const
{
    if (!m_openProblem.isEmpty())
        return m_openProblem;
    if (const QString input = inputProblem(); !input.isEmpty())
        return input;
    return m_planProblem;
}

void PushDialog::inputChanged()
{
    // Whatever was planned no longer matches what is shown.
    m_planCurrent = false;
    m_planProblem.clear();
    cancelPlanner();
    if (m_source && inputProblem().isEmpty())
        m_planTimer->start();
    else
        m_planTimer->stop();
    updateState();
}

// --- the plan ---------------------------------------------------------------------------

void PushDialog::startPlanner()
{
    cancelPlanner();
    if (!m_source || !inputProblem().isEmpty())
        return;
    QList<image::PushPlanner::Choice> choices;
    for (int i = 0; i < m_entries.size(); ++i) {
        if (isChosen(i))
            choices.append({m_entries.at(i).root, tag(i)});
    }
    image::PushPlanner *planner =
        image::PushPlanner::start(m_client, m_source, choices, repository(), m_locations, this);
    m_planner = planner;
    connect(planner, &oci::Job::finished, this, [this, planner] {
        if (planner != m_planner)
            return;
        m_planner = nullptr;
        planner->deleteLater();
        if (planner->succeeded()) {
            m_model->setPlan(planner->plan());
            m_planCurrent = true;
            showPlan();
        } else {
            m_planProblem = tr("Lading could not ask %1 what it already holds: %2")
                                .arg(m_host, planner->error().describe());
        }
        setBusy(QString());
        updateState();
    });
    setBusy(tr("Asking %1 which blobs and tags it already has…").arg(m_host));
    updateState();
}

void PushDialog::cancelPlanner()
{
    if (image::PushPlanner *planner = m_planner) {
        m_planner = nullptr;
        planner->cancel();
        planner->deleteLater();
    }
}

void PushDialog::showPlan()
{
    const image::PushPlan &plan = m_model->plan();
    QStringList lines;
    bool moves = false;
    for (int i = 0; i < plan.targets.size(); ++i) {
        QString line = PushPlanModel::tagText(plan, i);
        if (plan.targets.size() > 1) {
            for (const Entry &entry : std::as_const(m_entries)) {
                if (entry.root == plan.targets.at(i).root)
                    line = QStringLiteral("%1: %2").arg(entry.label, line);
            }
        }
        if (PushPlanModel::movesTag(plan, i)) {
            moves = true;
            line = QStringLiteral("⚠ %1").arg(line);
        }
        lines << line;
    }
    m_tagLines->setText(lines.join(u'\n'));
    m_tagLines->setProperty("movesTag", moves);
    if (moves)
        DialogText::setColour(m_tagLines, DialogText::warningColour());
    else
        m_tagLines->setPalette(QPalette());
    m_summary->setText(m_model->summary());
}

// --- state ------------------------------------------------------------------------------

void PushDialog::setBusy(const QString &status)
{
    m_statusLabel->setText(status);
}

bool PushDialog::isBusy() const
{
    return m_opening || m_planner || m_planTimer->isActive();
}

bool PushDialog::hasPlan() const
{
    return m_planCurrent && m_model->hasPlan() && !m_opening && problem().isEmpty();
}

const image::PushPlan &PushDialog::plan() const
{
    return m_model->plan();
}

void PushDialog::updateState()
{
    const bool working = m_opening || m_planner;
    m_busy->setVisible(working);
    if (!working)
        m_statusLabel->setText(isBusy() ? tr("Updating the plan…") : QString());
    m_statusLabel->setVisible(!m_statusLabel->text().isEmpty());
    // A plan for other input stays visible, greyed, until the new one arrives.
    const bool current = hasPlan();
    m_table->setEnabled(current);
    m_tagLines->setEnabled(current);
    m_summary->setEnabled(current);
    m_tagLines->setVisible(m_model->hasPlan());
    m_table->setVisible(m_openProblem.isEmpty()); // a refused file has no blobs to show
    m_summary->setVisible(m_model->hasPlan());
    m_problemLabel->setText(problem());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(current);
    Q_EMIT stateChanged();
}

void PushDialog::accept()
{
    if (!hasPlan())
        return;
    Q_EMIT pushRequested(m_model->plan());
    QDialog::accept();
}
