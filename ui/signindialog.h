#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLineEdit;

// Asks for the user name and password of one registry. The password stays in memory
// until Lading quits.
class SignInDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SignInDialog)

public:
    SignInDialog(const QString &host, const QString &username, QWidget *parent = nullptr);

    QString username() const;
    QString password() const;

private:
    void revalidate();

    QLineEdit *m_username = nullptr;
    QLineEdit *m_password = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};
