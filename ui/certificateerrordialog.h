#pragma once

#include "registryliststore.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;

// Shown when a registry's certificate could not be verified: which certificate and why (the
// core's message names the certificate, its issuer and the reason), and the two ways out:
// trust the registry's own CA file, or mark this one registry insecure, with a warning that
// says what that means. A loopback registry that does not speak TLS at all gets a third:
// plain HTTP. entry() is the registry with the choice applied.
class CertificateErrorDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CertificateErrorDialog)

public:
    enum class Choice { CaFile, Insecure, PlainHttp };
    Q_ENUM(Choice)

    // `details`: the technical message of the TLS error (oci::Error::message()).
    CertificateErrorDialog(const RegistryEntry &entry, const QString &details,
                           QWidget *parent = nullptr);
    ~CertificateErrorDialog() override;

    Choice choice() const;
    void setChoice(Choice choice);
    void setCaFile(const QString &path);
    // Whether plain HTTP is offered (loopback registries only).
    bool offersPlainHttp() const;

    // Empty when the choice can be applied, else one sentence naming the problem.
    QString problem() const;
    // The registry with the choice applied (valid after accept()).
    RegistryEntry entry() const;

    void accept() override;

private:
    void revalidate();
    void browseCaFile();

    RegistryEntry m_entry;
    QRadioButton *m_caFileChoice = nullptr;
    QRadioButton *m_insecureChoice = nullptr;
    QRadioButton *m_plainHttpChoice = nullptr;
    QLineEdit *m_caFile = nullptr;
    QPushButton *m_browse = nullptr;
    QLabel *m_insecureWarning = nullptr;
    QLabel *m_problemLabel = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};
