#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

// Asks for a repository by name, for registries that do not list theirs (Docker Hub, GHCR,
// GitLab, or a catalog refused). Shows the normalised name as it is typed ("debian" on
// Docker Hub opens library/debian) and refuses names of other registries with a sentence.
class AddRepositoryDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AddRepositoryDialog)

public:
    explicit AddRepositoryDialog(const QString &registryHost, QWidget *parent = nullptr);
    ~AddRepositoryDialog() override;

    // The normalised repository name ("library/debian"); valid after accept().
    QString repository() const;
    // Empty when the name is acceptable, else one sentence naming the problem.
    QString problem() const;

    void accept() override;

private:
    void revalidate();

    QString m_host;
    QLineEdit *m_name = nullptr;
    QLabel *m_preview = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};
