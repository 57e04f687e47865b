#include "signindialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

SignInDialog::SignInDialog(const QString &host, const QString &username, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Sign In to %1").arg(host));

    auto *intro = new QLabel(tr("Enter your user name and password for %1.").arg(host), this);
    intro->setWordWrap(true);
    m_username = new QLineEdit(username, this);
    m_username->setObjectName(QStringLiteral("usernameEdit"));
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("passwordEdit"));
    m_password->setEchoMode(QLineEdit::Password);
    auto *note = new QLabel(tr("Lading keeps the password in memory until it quits and never "
                               "writes it to disk."),
                            this);
    note->setWordWrap(true);
    note->setForegroundRole(QPalette::PlaceholderText);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Sign In"));

    auto *form = new QFormLayout;
    form->addRow(tr("&User name:"), m_username);
    form->addRow(tr("&Password:"), m_password);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &SignInDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &SignInDialog::reject);
    connect(m_username, &QLineEdit::textChanged, this, &SignInDialog::revalidate);
    connect(m_password, &QLineEdit::textChanged, this, &SignInDialog::revalidate);
    if (!username.isEmpty())
        m_password->setFocus();
    setMinimumWidth(400);
    revalidate();
}

QString SignInDialog::username() const
{
    return m_username->text().trimmed();
}

QString SignInDialog::password() const
{
    return m_password->text();
}

void SignInDialog::revalidate()
{
    m_buttons->button(QDialogButtonBox::Ok)
        ->setEnabled(!username().isEmpty() && !m_password->text().isEmpty());
}
