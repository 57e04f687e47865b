#pragma once

#include "registryliststore.h"

#include <QDialog>
#include <QStringList>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

// Asks for a registry address and optional credentials. The address decides the scheme
// when it has one ("http://…" means plain HTTP); otherwise HTTPS unless the person ticks
// plain HTTP. OK stays disabled until the input is valid, and a sentence says what is wrong.
class AddRegistryDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AddRegistryDialog)

public:
    // `existingHosts`: registries already in the list, refused as duplicates.
    explicit AddRegistryDialog(QStringList existingHosts, QWidget *parent = nullptr);
    ~AddRegistryDialog() override;

    // Valid after the dialog was accepted.
    RegistryEntry entry() const;
    QString password() const;

    // Empty when the input is acceptable, else one sentence naming the problem.
    QString problem() const;

    void accept() override;

private:
    void revalidate();
    void browseCaFile();

    QStringList m_existingHosts;
    QLineEdit *m_address = nullptr;
    QCheckBox *m_plainHttp = nullptr;
    QCheckBox *m_insecure = nullptr;
    QLineEdit *m_caFile = nullptr;
    QPushButton *m_browseCaFile = nullptr;
    QLineEdit *m_username = nullptr;
    QLineEdit *m_password = nullptr;
    QLabel *m_problemLabel = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    bool m_addressEdited = false;
};
