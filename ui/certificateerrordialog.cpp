#include "certificateerrordialog.h"

#include "dialogtext.h"
#include "registryprobe.h"

#include "oci/transport/tlsconfig.h"

#include <QButtonGroup>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QStyle>
#include <QVBoxLayout>

CertificateErrorDialog::CertificateErrorDialog(const RegistryEntry &entry, const QString &details,
                                               QWidget *parent)
    : QDialog(parent), m_entry(entry)
{
    const QString host = entry.config.host;
    setWindowTitle(tr("Certificate Problem with %1").arg(host));

    auto *icon = new QLabel(this);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(32, 32));
    icon->setAlignment(Qt::AlignTop);
    auto *intro = new QLabel(tr("Lading could not verify the certificate of %1, so it did not "
                                "connect. The certificate and the reason:")
                                 .arg(host),
                             this);
    intro->setWordWrap(true);
    DialogText::reserveLines(intro, 2);
    auto *introRow = new QHBoxLayout;
    introRow->addWidget(icon);
    introRow->addWidget(intro, 1);

    auto *detailsView = new QPlainTextEdit(details, this);
    detailsView->setObjectName(QStringLiteral("certificateDetails"));
    detailsView->setReadOnly(true);
    detailsView->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    detailsView->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    detailsView->setMaximumHeight(detailsView->fontMetrics().lineSpacing() * 7 + 12);

    m_caFileChoice =
        new QRadioButton(tr("&Trust the registry's certificate authority (CA file):"), this);
    m_caFileChoice->setObjectName(QStringLiteral("caFileChoice"));
    m_caFile = new QLineEdit(entry.config.caFile, this);
    m_caFile->setObjectName(QStringLiteral("caFileEdit"));
    m_caFile->setPlaceholderText(tr("PEM file of the registry's certificate authority"));
    m_browse = new QPushButton(tr("&Browse…"), this);
    auto *caRow = new QHBoxLayout;
    caRow->setContentsMargins(24, 0, 0, 0);
    caRow->addWidget(m_caFile, 1);
    caRow->addWidget(m_browse);

    m_insecureChoice =
        new QRadioButton(tr("Do &not verify certificates for this registry (insecure)"), this);
    m_insecureChoice->setObjectName(QStringLiteral("insecureChoice"));
    m_insecureWarning = new QLabel(
        tr("⚠ Insecure: anyone on the network between you and %1 could read and change what "
           "Lading receives, and could see the credentials sent to it. The registry is marked "
           "insecure in the list. Only for registries you trust, on a network you trust.")
            .arg(host),
        this);
    m_insecureWarning->setObjectName(QStringLiteral("insecureWarning"));
    m_insecureWarning->setWordWrap(true);
    m_insecureWarning->setContentsMargins(24, 0, 0, 0);
    DialogText::reserveLines(m_insecureWarning, 4);
    DialogText::setColour(m_insecureWarning, DialogText::warningColour());

    m_plainHttpChoice =
        new QRadioButton(tr("Use plain &HTTP (the registry does not speak TLS)"), this);
    m_plainHttpChoice->setObjectName(QStringLiteral("plainHttpChoice"));
    m_plainHttpChoice->setVisible(RegistryProbe::isLoopback(host));

    auto *choices = new QButtonGroup(this);
    for (QRadioButton *radio : {m_caFileChoice, m_insecureChoice, m_plainHttpChoice})
        choices->addButton(radio);
    m_caFileChoice->setChecked(true);

    m_problemLabel = new QLabel(this);
    m_problemLabel->setObjectName(QStringLiteral("problemLabel"));
    m_problemLabel->setWordWrap(true);
    m_problemLabel->setTextFormat(Qt::PlainText);
    DialogText::reserveLines(m_problemLabel, 2);
    DialogText::setColour(m_problemLabel, DialogText::problemColour());

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(introRow);
    layout->addWidget(detailsView);
    layout->addSpacing(6);
    layout->addWidget(new QLabel(tr("What should Lading do?"), this));
    layout->addWidget(m_caFileChoice);
    layout->addLayout(caRow);
    layout->addWidget(m_insecureChoice);
    layout->addWidget(m_insecureWarning);
    layout->addWidget(m_plainHttpChoice);
    layout->addWidget(m_problemLabel);
    layout->addStretch(1);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &CertificateErrorDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &CertificateErrorDialog::reject);
    connect(m_browse, &QPushButton::clicked, this, &CertificateErrorDialog::browseCaFile);
    connect(m_caFile, &QLineEdit::textChanged, this, &CertificateErrorDialog::revalidate);
    connect(m_caFile, &QLineEdit::textEdited, this, [this] { m_caFileChoice->setChecked(true); });
    for (QRadioButton *radio : {m_caFileChoice, m_insecureChoice, m_plainHttpChoice})
        connect(radio, &QRadioButton::toggled, this, &CertificateErrorDialog::revalidate);

    setMinimumWidth(560);
    revalidate();
}

CertificateErrorDialog::~CertificateErrorDialog() = default;

bool CertificateErrorDialog::offersPlainHttp() const
{
    return RegistryProbe::isLoopback(m_entry.config.host);
}

CertificateErrorDialog::Choice CertificateErrorDialog::choice() const
{
    if (m_insecureChoice->isChecked())
        return Choice::Insecure;
    if (m_plainHttpChoice->isChecked() && offersPlainHttp())
        return Choice::PlainHttp;
    return Choice::CaFile;
}

void CertificateErrorDialog::setChoice(Choice choice)
{
    switch (choice) {
    case Choice::CaFile:
        m_caFileChoice->setChecked(true);
        break;
    case Choice::Insecure:
        m_insecureChoice->setChecked(true);
        break;
    case Choice::PlainHttp:
        if (offersPlainHttp())
            m_plainHttpChoice->setChecked(true);
        break;
    }
}

void CertificateErrorDialog::setCaFile(const QString &path)
{
    m_caFileChoice->setChecked(true);
    m_caFile->setText(path);
}

QString CertificateErrorDialog::problem() const
{
    if (choice() != Choice::CaFile)
        return {};
    const QString path = m_caFile->text().trimmed();
    if (path.isEmpty())
        return tr("Choose the CA file that signed the registry's certificate.");
    if (!QFileInfo(path).isFile())
        return tr("The CA file “%1” does not exist.").arg(path);
    // Checked here, so a wrong file is named now rather than as the next connection error.
    const auto certificates = oci::loadCaCertificates(path);
    if (!certificates)
        return tr("“%1” holds no certificate Lading can read (PEM or DER).").arg(path);
    return {};
}

void CertificateErrorDialog::revalidate()
{
    const Choice current = choice();
    m_caFile->setEnabled(current == Choice::CaFile);
    m_browse->setEnabled(current == Choice::CaFile);
    m_insecureWarning->setVisible(current == Choice::Insecure);
    QPushButton *ok = m_buttons->button(QDialogButtonBox::Ok);
    switch (current) {
    case Choice::CaFile:
        ok->setText(tr("&Trust and Connect"));
        break;
    case Choice::Insecure:
        ok->setText(tr("Connect &Insecurely"));
        break;
    case Choice::PlainHttp:
        ok->setText(tr("Connect over &HTTP"));
        break;
    }
    const QString text = problem();
    // Nothing typed yet is not worth a red sentence.
    const bool quiet = current == Choice::CaFile && m_caFile->text().trimmed().isEmpty();
    m_problemLabel->setText(quiet ? QString() : text);
    m_problemLabel->setVisible(!m_problemLabel->text().isEmpty());
    ok->setEnabled(text.isEmpty());
}

void CertificateErrorDialog::browseCaFile()
{
    const QString file =
        QFileDialog::getOpenFileName(this, tr("Choose a CA Certificate File"), m_caFile->text(),
                                     tr("PEM certificates (*.pem *.crt);;All files (*)"));
    if (!file.isEmpty())
        setCaFile(file);
}

void CertificateErrorDialog::accept()
{
    revalidate();
    if (!problem().isEmpty())
        return;
    QDialog::accept();
}

RegistryEntry CertificateErrorDialog::entry() const
{
    RegistryEntry entry = m_entry;
    switch (choice()) {
    case Choice::CaFile:
        entry.config.caFile = m_caFile->text().trimmed();
        entry.config.insecureSkipTlsVerify = false;
        entry.config.plainHttp = false;
        break;
    case Choice::Insecure:
        entry.config.insecureSkipTlsVerify = true;
        entry.config.plainHttp = false;
        break;
    case Choice::PlainHttp:
        entry.config.plainHttp = true;
        entry.config.insecureSkipTlsVerify = false;
        entry.config.caFile.clear();
        break;
    }
    return entry;
}
