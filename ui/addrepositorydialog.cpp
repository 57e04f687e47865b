#include "addrepositorydialog.h"

#include "repositoryname.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

AddRepositoryDialog::AddRepositoryDialog(const QString &registryHost, QWidget *parent)
    : QDialog(parent), m_host(RepositoryName::normaliseHost(registryHost))
{
    setWindowTitle(tr("Add Repository to %1").arg(m_host));

    auto *intro = new QLabel(tr("Enter the name of a repository on %1. Lading remembers it "
                                "for this registry.")
                                 .arg(m_host),
                             this);
    intro->setWordWrap(true);
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("repositoryEdit"));
    m_name->setPlaceholderText(m_host == u"docker.io" ? tr("library/debian or grafana/loki")
                                                      : tr("team/app"));
    m_name->setClearButtonEnabled(true);
    m_preview = new QLabel(this);
    m_preview->setObjectName(QStringLiteral("previewLabel"));
    m_preview->setWordWrap(true);
    m_preview->setTextFormat(Qt::PlainText);
    m_preview->setMinimumHeight(m_preview->fontMetrics().lineSpacing() * 2 + 4);
    m_preview->setAlignment(Qt::AlignLeft | Qt::AlignTop);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Add"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Repository:"), m_name);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_preview);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &AddRepositoryDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &AddRepositoryDialog::reject);
    connect(m_name, &QLineEdit::textChanged, this, &AddRepositoryDialog::revalidate);
    setMinimumWidth(440);
    revalidate();
}

AddRepositoryDialog::~AddRepositoryDialog() = default;

QString AddRepositoryDialog::repository() const
{
    const oci::Result<QString> name = RepositoryName::normalise(m_host, m_name->text());
    return name ? *name : QString();
}

QString AddRepositoryDialog::problem() const
{
    if (m_name->text().trimmed().isEmpty())
        return tr("Enter a repository name.");
    const oci::Result<QString> name = RepositoryName::normalise(m_host, m_name->text());
    if (!name) {
        return tr("“%1” is not a repository name on %2 (%3).")
            .arg(m_name->text().trimmed(), m_host, name.error().message());
    }
    return {};
}

void AddRepositoryDialog::revalidate()
{
    const QString text = problem();
    QPalette palette = m_preview->palette();
    if (text.isEmpty()) {
        m_preview->setText(tr("Opens %1/%2").arg(m_host, repository()));
        palette.setColor(QPalette::WindowText, palette.color(QPalette::PlaceholderText));
    } else {
        m_preview->setText(m_name->text().trimmed().isEmpty() ? QString() : text);
        palette.setColor(QPalette::WindowText, QColor(0xb3, 0x26, 0x1e));
    }
    m_preview->setPalette(palette);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(text.isEmpty());
}

void AddRepositoryDialog::accept()
{
    if (!problem().isEmpty())
        return;
    QDialog::accept();
}
