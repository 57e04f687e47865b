#pragma once

#include "registryliststore.h"

#include <QDialog>
#include <QPointer>
#include <QStringList>

class QCheckBox;
class QDialogButtonBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QTimer;
class RegistryProbe;
class RegistrySession;

// Adds a registry or edits one: the address and its scheme, how the certificate is checked
// (the system's authorities, a CA file, or not at all, with a warning), and where
// credentials come from (anonymous, a user name with a password or token, or the person's
// Docker credentials). OK stays disabled until the input is valid, and a sentence says what
// is wrong. The dialog returns the secret; it never stores it anywhere.
//
// Adding a loopback registry without a scheme, with a session set, asks it which scheme it
// speaks: if HTTPS fails and plain HTTP answers, plain HTTP is ticked and the dialog says so.
class RegistryDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RegistryDialog)

public:
    enum class Mode { Add, Edit };

    // Add: `existingHosts`, the registries already in the list, are refused as duplicates.
    explicit RegistryDialog(QStringList existingHosts, QWidget *parent = nullptr);
    // Edit: the host stays; everything else can change. The entry's repositories are kept.
    explicit RegistryDialog(const RegistryEntry &entry, QWidget *parent = nullptr);
    ~RegistryDialog() override;

    Mode mode() const { return m_mode; }

    // Optional: probes loopback registries through the session's transport, and says
    // whether a password can go to the system keychain.
    void setSession(RegistrySession *session);
    // Selects "user name and password" and puts the cursor where typing is needed (Sign In).
    void focusCredentials();

    // Valid after the dialog was accepted.
    RegistryEntry entry() const;
    // The password or token typed: empty means none (Add) or unchanged (Edit).
    QString password() const;
    // Keep the password in the system keychain, not only until Lading quits.
    bool rememberPassword() const;

    // Empty when the input is acceptable, else one sentence naming the problem.
    QString problem() const;
    // What the scheme check found, empty when none ran.
    QString probeText() const;

    void accept() override;

private:
    void build();
    QWidget *buildConnectionGroup();
    QWidget *buildCertificateGroup();
    QWidget *buildCredentialsGroup();
    void revalidate();
    void browseCaFile();
    void scheduleProbe();
    void startProbe();
    void onProbeFinished();
    void setProbeText(const QString &text);
    void updateCredentialsNote();

    Mode m_mode;
    QStringList m_existingHosts;
    RegistryEntry m_original; // Edit mode
    QPointer<RegistrySession> m_session;
    RegistryProbe *m_probe = nullptr;
    QTimer *m_probeTimer = nullptr;

    QLineEdit *m_address = nullptr;
    QCheckBox *m_plainHttp = nullptr;
    QLabel *m_probeLabel = nullptr;
    QGroupBox *m_certificateGroup = nullptr;
    QRadioButton *m_tlsSystem = nullptr;
    QRadioButton *m_tlsCaFile = nullptr;
    QRadioButton *m_tlsInsecure = nullptr;
    QLineEdit *m_caFile = nullptr;
    QPushButton *m_browseCaFile = nullptr;
    QLabel *m_insecureWarning = nullptr;
    QRadioButton *m_authDocker = nullptr;
    QRadioButton *m_authPassword = nullptr;
    QRadioButton *m_authAnonymous = nullptr;
    QLineEdit *m_username = nullptr;
    QLineEdit *m_password = nullptr;
    QCheckBox *m_remember = nullptr;
    QLabel *m_credentialsNote = nullptr;
    QLabel *m_problemLabel = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    bool m_addressEdited = false;
    bool m_plainHttpTouched = false; // the person set the box: the probe leaves it alone
    bool m_plainHttpByProbe = false; // the probe ticked it
};

// The name MainWindow knew it by; the same dialog in Add mode.
using AddRegistryDialog = RegistryDialog;
