#include "diff/imagepairdialog.h"

#include "dialogtext.h"

#include "image/diff/job/imagediffjob.h"
#include "image/reader/imagelayers.h"
#include "oci/core/reference.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

ImagePairDialog::ImagePairDialog(FetcherForHost fetcherFor, QWidget *parent)
    : QDialog(parent), m_fetcherFor(std::move(fetcherFor))
{
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowTitle(tr("Compare Images"));
    setWindowModality(Qt::WindowModal);

    auto *intro = DialogText::note(
        tr("Each side is an image in a registry of the list (registry/repository:tag or "
           "…@sha256:…) or an image on disk: a tarball (docker save, skopeo, OCI archive) or "
           "an OCI layout folder."),
        this);
    auto *form = new QFormLayout;
    m_first = addSide(tr("&First (A):"), this, form);
    m_second = addSide(tr("&Second (B):"), this, form);
    m_platform = new QLineEdit(this);
    m_platform->setObjectName(QStringLiteral("platformEdit"));
    m_platform->setPlaceholderText(tr("every platform both have, e.g. linux/arm64"));
    form->addRow(tr("&Platform:"), m_platform);

    m_problemLabel = new QLabel(this);
    m_problemLabel->setObjectName(QStringLiteral("problemLabel"));
    m_problemLabel->setWordWrap(true);
    m_problemLabel->setTextFormat(Qt::PlainText);
    DialogText::setColour(m_problemLabel, DialogText::problemColour());
    DialogText::reserveLines(m_problemLabel, 2);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_compare = buttons->addButton(tr("&Compare"), QDialogButtonBox::AcceptRole);
    m_compare->setObjectName(QStringLiteral("compareButton"));
    m_compare->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_problemLabel);
    layout->addStretch(1);
    layout->addWidget(buttons);
    resize(640, sizeHint().height());
    validate();
}

QLineEdit *ImagePairDialog::addSide(const QString &label, QWidget *owner, QFormLayout *form)
{
    auto *edit = new QLineEdit(owner);
    edit->setObjectName(form->rowCount() == 0 ? QStringLiteral("firstEdit") : QStringLiteral("secondEdit"));
    edit->setClearButtonEnabled(true);
    edit->setPlaceholderText(tr("registry/repository:tag, or a file"));
    connect(edit, &QLineEdit::textChanged, this, &ImagePairDialog::validate);
    auto *file = new QToolButton(owner);
    file->setText(tr("File…"));
    file->setToolTip(tr("Choose a tarball"));
    connect(file, &QToolButton::clicked, this, [this, edit] { browse(edit, false); });
    auto *folder = new QToolButton(owner);
    folder->setText(tr("Folder…"));
    folder->setToolTip(tr("Choose an OCI layout folder"));
    connect(folder, &QToolButton::clicked, this, [this, edit] { browse(edit, true); });
    auto *row = new QHBoxLayout;
    row->addWidget(edit, 1);
    row->addWidget(file);
    row->addWidget(folder);
    form->addRow(label, row);
    return edit;
}

void ImagePairDialog::browse(QLineEdit *edit, bool folder)
{
    auto *chooser = new QFileDialog(this, folder ? tr("Choose an OCI Layout Folder") : tr("Choose an Image File"));
    chooser->setAttribute(Qt::WA_DeleteOnClose);
    chooser->setFileMode(folder ? QFileDialog::Directory : QFileDialog::ExistingFile);
    if (folder)
        chooser->setOption(QFileDialog::ShowDirsOnly);
    connect(chooser, &QFileDialog::fileSelected, edit, &QLineEdit::setText);
    chooser->open();
}

void ImagePairDialog::setFirst(const QString &text)
{
    m_first->setText(text);
}

void ImagePairDialog::setSecond(const QString &text)
{
    m_second->setText(text);
}

QString ImagePairDialog::firstText() const
{
    return m_first->text().trimmed();
}

QString ImagePairDialog::secondText() const
{
    return m_second->text().trimmed();
}

QString ImagePairDialog::platform() const
{
    return m_platform->text().trimmed();
}

void ImagePairDialog::setPlatform(const QString &platform)
{
    m_platform->setText(platform);
}

ImagePairDialog::Side ImagePairDialog::resolve(const QString &text) const
{
    Side side;
    if (text.isEmpty())
        return side;
    if (const std::optional<image::LocalReference> local = image::parseLocalReference(text)) {
        side.ok = true;
        side.ref = [local = *local] { return image::DiffImageRef::fromLocal(local); };
        return side;
    }
    const auto reference = oci::Reference::parse(text);
    if (!reference) {
        side.error = tr("“%1” is neither a file nor an image reference: %2")
                         .arg(text, reference.error().message());
        return side;
    }
    oci::ContentFetcher *fetcher = m_fetcherFor ? m_fetcherFor(reference.value().registry()) : nullptr;
    if (!fetcher) {
        side.error = tr("%1 is not in the registry list: add it first, or name an image on disk.")
                         .arg(reference.value().registry());
        return side;
    }
    const oci::Reference ref = reference.value();
    side.ok = true;
    side.ref = [fetcher, ref, text] {
        return image::DiffImageRef::fromRegistry(
            fetcher, ref.repository(), ref.hasDigest() ? ref.digest().toString() : ref.tag(), text);
    };
    return side;
}

void ImagePairDialog::validate()
{
    const Side first = resolve(firstText());
    const Side second = resolve(secondText());
    if (firstText().isEmpty() || secondText().isEmpty())
        m_problem = tr("Name both images.");
    else if (!first.ok)
        m_problem = first.error;
    else if (!second.ok)
        m_problem = second.error;
    else
        m_problem.clear();
    m_problemLabel->setText(firstText().isEmpty() && secondText().isEmpty() ? QString() : m_problem);
    m_compare->setEnabled(m_problem.isEmpty());
}

image::DiffImageRef ImagePairDialog::first() const
{
    const Side side = resolve(firstText());
    return side.ok ? side.ref() : image::DiffImageRef();
}

image::DiffImageRef ImagePairDialog::second() const
{
    const Side side = resolve(secondText());
    return side.ok ? side.ref() : image::DiffImageRef();
}

void ImagePairDialog::accept()
{
    validate();
    if (!m_problem.isEmpty())
        return;
    Q_EMIT compareRequested();
    QDialog::accept();
}
