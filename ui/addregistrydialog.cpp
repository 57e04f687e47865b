#include "addregistrydialog.h"

#include "registryaddress.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace {

QString problemText(RegistryAddress::Problem problem, const QString &typed)
{
    switch (problem) {
    case RegistryAddress::Problem::None:
        return {};
    case RegistryAddress::Problem::Empty:
        return AddRegistryDialog::tr("Enter the address of a registry, for example ghcr.io or "
                                     "localhost:5000.");
    case RegistryAddress::Problem::UnsupportedScheme:
        return AddRegistryDialog::tr("Only http:// and https:// addresses are supported.");
    case RegistryAddress::Problem::HasUserInfo:
        return AddRegistryDialog::tr("Enter the user name and password in their own fields, not "
                                     "in the address.");
    case RegistryAddress::Problem::HasPath:
        return AddRegistryDialog::tr("Enter only the registry's address, without a repository "
                                     "path. Its repositories are listed once it is added.");
    case RegistryAddress::Problem::HasQuery:
        return AddRegistryDialog::tr("The address must not contain “?” or “#”.");
    case RegistryAddress::Problem::InvalidHost:
        return AddRegistryDialog::tr("“%1” is not a valid host name or IP address.")
            .arg(typed.trimmed());
    case RegistryAddress::Problem::InvalidPort:
        return AddRegistryDialog::tr("The port must be a number from 1 to 65535.");
    }
    return {};
}

} // namespace

AddRegistryDialog::AddRegistryDialog(QStringList existingHosts, QWidget *parent)
    : QDialog(parent), m_existingHosts(std::move(existingHosts))
{
    setWindowTitle(tr("Add Registry"));

    m_address = new QLineEdit(this);
    m_address->setObjectName(QStringLiteral("addressEdit"));
    m_address->setPlaceholderText(tr("ghcr.io, localhost:5000 or https://registry.example.com"));
    m_address->setClearButtonEnabled(true);

    m_plainHttp = new QCheckBox(tr("Use plain &HTTP (unencrypted)"), this);
    m_plainHttp->setObjectName(QStringLiteral("plainHttpCheck"));
    m_insecure = new QCheckBox(tr("Do not &verify the TLS certificate"), this);
    m_insecure->setObjectName(QStringLiteral("insecureCheck"));
    m_insecure->setToolTip(tr("Only for registries you trust on a network you trust: anyone in "
                              "between could read and change what Lading receives."));

    m_caFile = new QLineEdit(this);
    m_caFile->setObjectName(QStringLiteral("caFileEdit"));
    m_caFile->setPlaceholderText(tr("Optional PEM file"));
    m_browseCaFile = new QPushButton(tr("&Browse…"), this);
    auto *caRow = new QHBoxLayout;
    caRow->addWidget(m_caFile, 1);
    caRow->addWidget(m_browseCaFile);

    m_username = new QLineEdit(this);
    m_username->setObjectName(QStringLiteral("usernameEdit"));
    m_username->setPlaceholderText(tr("Optional"));
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("passwordEdit"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("Optional"));

    auto *passwordNote = new QLabel(tr("Lading keeps the password in memory until it quits and "
                                       "never writes it to disk. Without a password, credentials "
                                       "from Docker's config.json are used when it has some."),
                                    this);
    passwordNote->setWordWrap(true);
    passwordNote->setForegroundRole(QPalette::PlaceholderText);

    m_problemLabel = new QLabel(this);
    m_problemLabel->setObjectName(QStringLiteral("problemLabel"));
    m_problemLabel->setWordWrap(true);
    m_problemLabel->setTextFormat(Qt::PlainText);
    // Room for two lines is kept, so the dialog does not jump while someone types.
    m_problemLabel->setMinimumHeight(m_problemLabel->fontMetrics().lineSpacing() * 2 + 4);
    m_problemLabel->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    QPalette problemPalette = m_problemLabel->palette();
    problemPalette.setColor(QPalette::WindowText, QColor(0xb3, 0x26, 0x1e));
    m_problemLabel->setPalette(problemPalette);

    auto *connection = new QGroupBox(tr("Registry"), this);
    auto *connectionForm = new QFormLayout(connection);
    connectionForm->addRow(tr("&Address:"), m_address);
    connectionForm->addRow(QString(), m_plainHttp);
    connectionForm->addRow(QString(), m_insecure);
    auto *caLabel = new QLabel(tr("&CA file:"), connection);
    caLabel->setBuddy(m_caFile);
    connectionForm->addRow(caLabel, caRow);

    auto *credentials = new QGroupBox(tr("Credentials"), this);
    auto *credentialsForm = new QFormLayout(credentials);
    credentialsForm->addRow(tr("&User name:"), m_username);
    credentialsForm->addRow(tr("&Password:"), m_password);
    credentialsForm->addRow(passwordNote);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Add"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(connection);
    layout->addWidget(credentials);
    layout->addWidget(m_problemLabel);
    layout->addStretch(1);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &AddRegistryDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &AddRegistryDialog::reject);
    connect(m_address, &QLineEdit::textEdited, this, [this] {
        m_addressEdited = true;
        revalidate();
    });
    for (QLineEdit *edit : {m_caFile, m_username, m_password})
        connect(edit, &QLineEdit::textChanged, this, &AddRegistryDialog::revalidate);
    for (QCheckBox *box : {m_plainHttp, m_insecure})
        connect(box, &QCheckBox::toggled, this, &AddRegistryDialog::revalidate);
    connect(m_browseCaFile, &QPushButton::clicked, this, &AddRegistryDialog::browseCaFile);

    setMinimumWidth(480);
    revalidate();
}

AddRegistryDialog::~AddRegistryDialog() = default;

QString AddRegistryDialog::problem() const
{
    const RegistryAddress address = RegistryAddress::parse(m_address->text());
    if (!address.isValid())
        return problemText(address.problem(), m_address->text());
    if (m_existingHosts.contains(address.host()))
        return tr("%1 is already in the list.").arg(address.host());
    const QString caFile = m_caFile->text().trimmed();
    if (!m_plainHttp->isChecked() && !caFile.isEmpty() && !QFileInfo(caFile).isFile())
        return tr("The CA file “%1” does not exist.").arg(caFile);
    if (m_username->text().trimmed().isEmpty() && !m_password->text().isEmpty())
        return tr("Enter the user name that belongs to the password.");
    return {};
}

void AddRegistryDialog::revalidate()
{
    // The scheme in the address wins over the check box, which then only shows it.
    const RegistryAddress address = RegistryAddress::parse(m_address->text());
    const bool schemeGiven =
        address.isValid() && address.scheme() != RegistryAddress::Scheme::Unspecified;
    if (schemeGiven) {
        const QSignalBlocker blocker(m_plainHttp);
        m_plainHttp->setChecked(address.scheme() == RegistryAddress::Scheme::Http);
    }
    m_plainHttp->setEnabled(!schemeGiven);
    m_plainHttp->setToolTip(schemeGiven ? tr("Set by the http:// or https:// in the address.")
                                        : QString());
    const bool tls = !m_plainHttp->isChecked();
    m_insecure->setEnabled(tls);
    m_caFile->setEnabled(tls);
    m_browseCaFile->setEnabled(tls);

    const QString text = problem();
    // An empty field is not an error worth shouting about before anything was typed.
    const bool show = !text.isEmpty() && (m_addressEdited || !m_address->text().isEmpty());
    m_problemLabel->setText(show ? text : QString());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(text.isEmpty());
}

void AddRegistryDialog::browseCaFile()
{
    const QString file =
        QFileDialog::getOpenFileName(this, tr("Choose a CA Certificate File"), m_caFile->text(),
                                     tr("PEM certificates (*.pem *.crt);;All files (*)"));
    if (!file.isEmpty())
        m_caFile->setText(file);
}

void AddRegistryDialog::accept()
{
    m_addressEdited = true;
    revalidate();
    if (!problem().isEmpty())
        return;
    QDialog::accept();
}

RegistryEntry AddRegistryDialog::entry() const
{
    const RegistryAddress address = RegistryAddress::parse(m_address->text());
    RegistryEntry entry;
    entry.config.host = address.host();
    entry.config.plainHttp = m_plainHttp->isChecked();
    entry.config.insecureSkipTlsVerify = !entry.config.plainHttp && m_insecure->isChecked();
    entry.config.caFile = entry.config.plainHttp ? QString() : m_caFile->text().trimmed();
    entry.username = m_username->text().trimmed();
    return entry;
}

QString AddRegistryDialog::password() const
{
    return m_username->text().trimmed().isEmpty() ? QString() : m_password->text();
}
