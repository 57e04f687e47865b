#include "addregistrydialog.h"

#include "dialogtext.h"
#include "keychainstore.h"
#include "registryaddress.h"
#include "registryprobe.h"
#include "registrysession.h"

#include <QButtonGroup>
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
#include <QRadioButton>
#include <QTimer>
#include <QVBoxLayout>

using AuthMode = oci::RegistryConfig::AuthMode;

namespace {

constexpr int kProbeDelayMs = 400;

QString problemText(RegistryAddress::Problem problem, const QString &typed)
{
    switch (problem) {
    case RegistryAddress::Problem::None:
        return {};
    case RegistryAddress::Problem::Empty:
        return RegistryDialog::tr("Enter the address of a registry, for example ghcr.io or "
                                  "localhost:5000.");
    case RegistryAddress::Problem::UnsupportedScheme:
        return RegistryDialog::tr("Only http:// and https:// addresses are supported.");
    case RegistryAddress::Problem::HasUserInfo:
        return RegistryDialog::tr("Enter the user name and password in their own fields, not "
                                  "in the address.");
    case RegistryAddress::Problem::HasPath:
        return RegistryDialog::tr("Enter only the registry's address, without a repository "
                                  "path. Its repositories are listed once it is added.");
    case RegistryAddress::Problem::HasQuery:
        return RegistryDialog::tr("The address must not contain “?” or “#”.");
    case RegistryAddress::Problem::InvalidHost:
        return RegistryDialog::tr("“%1” is not a valid host name or IP address.")
            .arg(typed.trimmed());
    case RegistryAddress::Problem::InvalidPort:
        return RegistryDialog::tr("The port must be a number from 1 to 65535.");
    }
    return {};
}

} // namespace

RegistryDialog::RegistryDialog(QStringList existingHosts, QWidget *parent)
    : QDialog(parent), m_mode(Mode::Add), m_existingHosts(std::move(existingHosts))
{
    build();
}

RegistryDialog::RegistryDialog(const RegistryEntry &entry, QWidget *parent)
    : QDialog(parent), m_mode(Mode::Edit), m_original(entry)
{
    build();
}

RegistryDialog::~RegistryDialog() = default;

void RegistryDialog::build()
{
    const bool edit = m_mode == Mode::Edit;
    setWindowTitle(edit ? tr("Edit Registry %1").arg(m_original.config.host) : tr("Add Registry"));

    m_problemLabel = new QLabel(this);
    m_problemLabel->setObjectName(QStringLiteral("problemLabel"));
    m_problemLabel->setWordWrap(true);
    m_problemLabel->setTextFormat(Qt::PlainText);
    // Room for two lines is kept, so the dialog does not jump while someone types.
    DialogText::reserveLines(m_problemLabel, 2);
    DialogText::setColour(m_problemLabel, DialogText::problemColour());

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(edit ? tr("&Save") : tr("&Add"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(buildConnectionGroup());
    layout->addWidget(buildCertificateGroup());
    layout->addWidget(buildCredentialsGroup());
    layout->addWidget(m_problemLabel);
    layout->addStretch(1);
    layout->addWidget(m_buttons);

    m_probeTimer = new QTimer(this);
    m_probeTimer->setSingleShot(true);
    m_probeTimer->setInterval(kProbeDelayMs);
    connect(m_probeTimer, &QTimer::timeout, this, &RegistryDialog::startProbe);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &RegistryDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &RegistryDialog::reject);
    connect(m_address, &QLineEdit::textEdited, this, [this] {
        m_addressEdited = true;
        if (m_plainHttpByProbe) {
            // A new address: what the probe found about the old one no longer holds.
            const QSignalBlocker blocker(m_plainHttp);
            m_plainHttp->setChecked(false);
            m_plainHttpByProbe = false;
        }
        setProbeText(QString());
        revalidate();
        scheduleProbe();
    });
    connect(m_plainHttp, &QCheckBox::toggled, this, [this] {
        m_plainHttpTouched = true;
        m_plainHttpByProbe = false;
        revalidate();
    });
    for (QLineEdit *edit : {m_caFile, m_username, m_password})
        connect(edit, &QLineEdit::textChanged, this, &RegistryDialog::revalidate);
    // Typing a user name or password means signing in with them.
    for (QLineEdit *edit : {m_username, m_password}) {
        connect(edit, &QLineEdit::textEdited, this, [this] { m_authPassword->setChecked(true); });
    }
    connect(m_caFile, &QLineEdit::textEdited, this, [this] { m_tlsCaFile->setChecked(true); });
    for (QRadioButton *radio :
         {m_tlsSystem, m_tlsCaFile, m_tlsInsecure, m_authDocker, m_authPassword, m_authAnonymous})
        connect(radio, &QRadioButton::toggled, this, &RegistryDialog::revalidate);
    connect(m_browseCaFile, &QPushButton::clicked, this, &RegistryDialog::browseCaFile);

    setMinimumWidth(520);
    updateCredentialsNote();
    revalidate();
}

QWidget *RegistryDialog::buildConnectionGroup()
{
    auto *group = new QGroupBox(tr("Registry"), this);
    m_address = new QLineEdit(group);
    m_address->setObjectName(QStringLiteral("addressEdit"));
    m_plainHttp = new QCheckBox(tr("Use plain &HTTP (unencrypted)"), group);
    m_plainHttp->setObjectName(QStringLiteral("plainHttpCheck"));
    m_probeLabel = DialogText::note(QString(), group);
    m_probeLabel->setObjectName(QStringLiteral("probeLabel"));
    DialogText::reserveLines(m_probeLabel, 3);
    m_probeLabel->hide();

    if (m_mode == Mode::Edit) {
        // The host names the registry everywhere; a different host is another registry.
        m_address->setText(m_original.config.host);
        m_address->setReadOnly(true);
        m_address->setToolTip(tr("To use another address, add it as a new registry."));
        const QSignalBlocker blocker(m_plainHttp);
        m_plainHttp->setChecked(m_original.config.plainHttp);
    } else {
        m_address->setPlaceholderText(
            tr("ghcr.io, localhost:5000 or https://registry.example.com"));
        m_address->setClearButtonEnabled(true);
    }

    auto *form = new QFormLayout(group);
    form->addRow(tr("&Address:"), m_address);
    form->addRow(QString(), m_plainHttp);
    form->addRow(QString(), m_probeLabel);
    return group;
}

QWidget *RegistryDialog::buildCertificateGroup()
{
    m_certificateGroup = new QGroupBox(tr("Certificate"), this);
    QGroupBox *group = m_certificateGroup;
    m_tlsSystem = new QRadioButton(tr("Verify with the system's certificate authorities"), group);
    m_tlsSystem->setObjectName(QStringLiteral("tlsSystemRadio"));
    m_tlsCaFile = new QRadioButton(tr("Verify with this &CA file:"), group);
    m_tlsCaFile->setObjectName(QStringLiteral("caFileRadio"));
    m_tlsInsecure = new QRadioButton(tr("Do not &verify the certificate (insecure)"), group);
    m_tlsInsecure->setObjectName(QStringLiteral("insecureRadio"));
    auto *buttons = new QButtonGroup(group);
    for (QRadioButton *radio : {m_tlsSystem, m_tlsCaFile, m_tlsInsecure})
        buttons->addButton(radio);

    m_caFile = new QLineEdit(group);
    m_caFile->setObjectName(QStringLiteral("caFileEdit"));
    m_caFile->setPlaceholderText(tr("PEM file of the registry's certificate authority"));
    m_browseCaFile = new QPushButton(tr("&Browse…"), group);
    auto *caRow = new QHBoxLayout;
    caRow->setContentsMargins(24, 0, 0, 0);
    caRow->addWidget(m_caFile, 1);
    caRow->addWidget(m_browseCaFile);

    m_insecureWarning = new QLabel(
        tr("⚠ Insecure: anyone on the network between you and the registry could read and "
           "change what Lading receives. Only for registries you trust, on a network you "
           "trust."),
        group);
    m_insecureWarning->setObjectName(QStringLiteral("insecureWarning"));
    m_insecureWarning->setWordWrap(true);
    m_insecureWarning->setTextFormat(Qt::PlainText);
    m_insecureWarning->setContentsMargins(24, 0, 0, 0);
    DialogText::reserveLines(m_insecureWarning, 3);
    DialogText::setColour(m_insecureWarning, DialogText::warningColour());
    m_insecureWarning->hide();

    const oci::RegistryConfig &config = m_original.config;
    if (config.insecureSkipTlsVerify)
        m_tlsInsecure->setChecked(true);
    else if (!config.caFile.isEmpty())
        m_tlsCaFile->setChecked(true);
    else
        m_tlsSystem->setChecked(true);
    m_caFile->setText(config.caFile);

    auto *layout = new QVBoxLayout(group);
    layout->addWidget(m_tlsSystem);
    layout->addWidget(m_tlsCaFile);
    layout->addLayout(caRow);
    layout->addWidget(m_tlsInsecure);
    layout->addWidget(m_insecureWarning);
    return group;
}

QWidget *RegistryDialog::buildCredentialsGroup()
{
    auto *group = new QGroupBox(tr("Sign-in"), this);
    m_authDocker = new QRadioButton(tr("Use my &Docker credentials"), group);
    m_authDocker->setObjectName(QStringLiteral("authDockerRadio"));
    m_authDocker->setToolTip(tr("What “docker login” and “podman login” stored: "
                                "~/.docker/config.json, its credential helpers, and "
                                "Podman's auth.json."));
    m_authPassword = new QRadioButton(tr("User name and &password or token"), group);
    m_authPassword->setObjectName(QStringLiteral("authPasswordRadio"));
    m_authAnonymous = new QRadioButton(tr("A&nonymous"), group);
    m_authAnonymous->setObjectName(QStringLiteral("authAnonymousRadio"));
    m_authAnonymous->setToolTip(tr("Never send credentials to this registry."));
    auto *buttons = new QButtonGroup(group);
    for (QRadioButton *radio : {m_authDocker, m_authPassword, m_authAnonymous})
        buttons->addButton(radio);

    m_username = new QLineEdit(group);
    m_username->setObjectName(QStringLiteral("usernameEdit"));
    m_password = new QLineEdit(group);
    m_password->setObjectName(QStringLiteral("passwordEdit"));
    m_password->setEchoMode(QLineEdit::Password);
    m_remember = new QCheckBox(tr("&Remember in the system keychain"), group);
    m_remember->setObjectName(QStringLiteral("rememberCheck"));
    m_remember->setChecked(true);
    m_credentialsNote = DialogText::note(QString(), group);
    m_credentialsNote->setObjectName(QStringLiteral("credentialsNote"));
    DialogText::reserveLines(m_credentialsNote, 2);

    const oci::RegistryConfig &config = m_original.config;
    const AuthMode mode = m_mode == Mode::Edit ? config.authMode : AuthMode::DockerCredentials;
    switch (mode) {
    case AuthMode::Anonymous:
        m_authAnonymous->setChecked(true);
        break;
    case AuthMode::Password:
        m_authPassword->setChecked(true);
        break;
    case AuthMode::DockerCredentials:
        m_authDocker->setChecked(true);
        break;
    }
    m_username->setText(m_original.username);
    if (m_mode == Mode::Edit && mode == AuthMode::Password)
        m_password->setPlaceholderText(tr("Unchanged"));

    auto *fields = new QFormLayout;
    fields->setContentsMargins(24, 0, 0, 0);
    fields->addRow(tr("&User name:"), m_username);
    fields->addRow(tr("Pass&word or token:"), m_password);
    fields->addRow(QString(), m_remember);

    auto *layout = new QVBoxLayout(group);
    layout->addWidget(m_authDocker);
    layout->addWidget(m_authPassword);
    layout->addLayout(fields);
    layout->addWidget(m_authAnonymous);
    layout->addWidget(m_credentialsNote);
    return group;
}

void RegistryDialog::setSession(RegistrySession *session)
{
    m_session = session;
    delete m_probe;
    m_probe = nullptr;
    if (session) {
        m_probe = new RegistryProbe(session->transport(), this);
        connect(m_probe, &RegistryProbe::finished, this, &RegistryDialog::onProbeFinished);
        connect(session, &RegistrySession::keychainUnavailable, this, [this] {
            updateCredentialsNote();
            revalidate();
        });
    }
    updateCredentialsNote();
    revalidate();
    scheduleProbe();
}

void RegistryDialog::focusCredentials()
{
    m_authPassword->setChecked(true);
    if (m_username->text().trimmed().isEmpty())
        m_username->setFocus();
    else
        m_password->setFocus();
}

void RegistryDialog::updateCredentialsNote()
{
    const bool keychain = !m_session || m_session->isKeychainAvailable();
    m_remember->setEnabled(keychain);
    if (!keychain)
        m_remember->setChecked(false);
    QString note;
    if (!keychain) {
        note = KeychainStore::sessionOnlyNotice();
    } else {
        note = tr("A password Lading remembers goes to the system keychain, never to its "
                  "settings file. Without “Remember”, it is kept until Lading quits.");
    }
    m_credentialsNote->setText(note);
}

// --- validation -------------------------------------------------------------------------

QString RegistryDialog::problem() const
{
    QString host = m_original.config.host;
    if (m_mode == Mode::Add) {
        const RegistryAddress address = RegistryAddress::parse(m_address->text());
        if (!address.isValid())
            return problemText(address.problem(), m_address->text());
        host = address.host();
        if (m_existingHosts.contains(host))
            return tr("%1 is already in the list.").arg(host);
    }
    if (!m_plainHttp->isChecked() && m_tlsCaFile->isChecked()) {
        const QString caFile = m_caFile->text().trimmed();
        if (caFile.isEmpty())
            return tr("Choose the CA file, or another way to check the certificate.");
        if (!QFileInfo(caFile).isFile())
            return tr("The CA file “%1” does not exist.").arg(caFile);
    }
    if (m_authPassword->isChecked()) {
        const QString username = m_username->text().trimmed();
        if (username.isEmpty()) {
            return m_password->text().isEmpty()
                       ? tr("Enter a user name and a password or token.")
                       : tr("Enter the user name that belongs to the password.");
        }
        // Editing keeps the stored password of the same user when the field stays empty.
        const bool keepsPassword = m_mode == Mode::Edit &&
                                   m_original.config.authMode == AuthMode::Password &&
                                   username == m_original.username;
        if (m_password->text().isEmpty() && !keepsPassword)
            return tr("Enter the password or token for %1.").arg(username);
    }
    return {};
}

void RegistryDialog::revalidate()
{
    // The scheme in the address wins over the check box, which then only shows it.
    bool schemeGiven = false;
    if (m_mode == Mode::Add) {
        const RegistryAddress address = RegistryAddress::parse(m_address->text());
        schemeGiven = address.isValid() && address.scheme() != RegistryAddress::Scheme::Unspecified;
        if (schemeGiven) {
            const QSignalBlocker blocker(m_plainHttp);
            m_plainHttp->setChecked(address.scheme() == RegistryAddress::Scheme::Http);
            m_plainHttpByProbe = false;
        }
    }
    m_plainHttp->setEnabled(!schemeGiven);
    m_plainHttp->setToolTip(schemeGiven ? tr("Set by the http:// or https:// in the address.")
                                        : QString());
    const bool tls = !m_plainHttp->isChecked();
    m_certificateGroup->setEnabled(tls);
    m_caFile->setEnabled(tls && m_tlsCaFile->isChecked());
    m_browseCaFile->setEnabled(tls && m_tlsCaFile->isChecked());
    m_insecureWarning->setVisible(tls && m_tlsInsecure->isChecked());

    const bool password = m_authPassword->isChecked();
    m_username->setEnabled(password);
    m_password->setEnabled(password);
    m_remember->setEnabled(password && (!m_session || m_session->isKeychainAvailable()));

    const QString text = problem();
    // An empty field is not an error worth shouting about before anything was typed.
    const bool show = !text.isEmpty() &&
                      (m_mode == Mode::Edit || m_addressEdited || !m_address->text().isEmpty());
    m_problemLabel->setText(show ? text : QString());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(text.isEmpty());
}

void RegistryDialog::browseCaFile()
{
    const QString file =
        QFileDialog::getOpenFileName(this, tr("Choose a CA Certificate File"), m_caFile->text(),
                                     tr("PEM certificates (*.pem *.crt);;All files (*)"));
    if (!file.isEmpty()) {
        m_tlsCaFile->setChecked(true);
        m_caFile->setText(file);
    }
}

void RegistryDialog::accept()
{
    m_addressEdited = true;
    revalidate();
    if (!problem().isEmpty())
        return;
    if (m_probe)
        m_probe->cancel();
    QDialog::accept();
}

// --- the scheme probe -------------------------------------------------------------------

void RegistryDialog::scheduleProbe()
{
    if (!m_probe || m_mode != Mode::Add)
        return;
    m_probe->cancel();
    m_probeTimer->start();
}

void RegistryDialog::startProbe()
{
    if (!m_probe)
        return;
    const RegistryAddress address = RegistryAddress::parse(m_address->text());
    // Only a loopback address without a scheme, whose box nobody set, is worth asking.
    if (!address.isValid() || address.scheme() != RegistryAddress::Scheme::Unspecified ||
        !RegistryProbe::isLoopback(address.host()) || m_plainHttpTouched ||
        m_existingHosts.contains(address.host())) {
        return;
    }
    oci::RegistryConfig config;
    config.host = address.host();
    setProbeText(tr("Checking whether %1 speaks HTTPS…").arg(config.host));
    m_probe->start(config);
}

void RegistryDialog::onProbeFinished()
{
    const QString host = m_probe->host();
    if (RegistryAddress::parse(m_address->text()).host() != host)
        return; // the address changed meanwhile; a new probe follows
    switch (m_probe->outcome()) {
    case RegistryProbe::Outcome::Https:
        setProbeText(tr("%1 answers over HTTPS.").arg(host));
        break;
    case RegistryProbe::Outcome::PlainHttpOnly:
        if (!m_plainHttpTouched) {
            const QSignalBlocker blocker(m_plainHttp);
            m_plainHttp->setChecked(true);
            m_plainHttpByProbe = true;
        }
        setProbeText(tr("%1 does not answer over HTTPS but does over plain HTTP, so plain HTTP "
                        "is selected. It is a local address: nothing leaves this computer.")
                         .arg(host));
        revalidate();
        break;
    case RegistryProbe::Outcome::Certificate:
        setProbeText(tr("%1 answers over HTTPS with a certificate Lading does not trust: %2")
                         .arg(host, m_probe->error().message()));
        break;
    case RegistryProbe::Outcome::Unreachable:
        setProbeText(tr("Nothing answers at %1 yet.").arg(host));
        break;
    case RegistryProbe::Outcome::PlainHttp:
    case RegistryProbe::Outcome::None:
        setProbeText(QString());
        break;
    }
}

void RegistryDialog::setProbeText(const QString &text)
{
    m_probeLabel->setText(text);
    m_probeLabel->setVisible(!text.isEmpty());
}

QString RegistryDialog::probeText() const
{
    return m_probeLabel->text();
}

// --- results ----------------------------------------------------------------------------

RegistryEntry RegistryDialog::entry() const
{
    RegistryEntry entry = m_original; // Edit keeps the repositories added by name
    if (m_mode == Mode::Add)
        entry.config.host = RegistryAddress::parse(m_address->text()).host();
    entry.config.plainHttp = m_plainHttp->isChecked();
    const bool tls = !entry.config.plainHttp;
    entry.config.insecureSkipTlsVerify = tls && m_tlsInsecure->isChecked();
    entry.config.caFile = tls && m_tlsCaFile->isChecked() ? m_caFile->text().trimmed() : QString();
    if (m_authAnonymous->isChecked())
        entry.config.authMode = AuthMode::Anonymous;
    else if (m_authPassword->isChecked())
        entry.config.authMode = AuthMode::Password;
    else
        entry.config.authMode = AuthMode::DockerCredentials;
    entry.username =
        entry.config.authMode == AuthMode::Password ? m_username->text().trimmed() : QString();
    return entry;
}

QString RegistryDialog::password() const
{
    return m_authPassword->isChecked() && !m_username->text().trimmed().isEmpty()
               ? m_password->text()
               : QString();
}

bool RegistryDialog::rememberPassword() const
{
    return m_remember->isEnabled() && m_remember->isChecked();
}
