#pragma once

#include <QPointer>
#include <QWidget>

namespace oci {
class ManifestJob;
class RegistryClient;
} // namespace oci

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QStackedWidget;
class QSyntaxHighlighter;
class QToolButton;

// The right side of the main window: the selected tag's reference and digest (each with a
// copy button), media type and size, and the manifest JSON, read-only and highlighted.
// It fetches the manifest itself; a newer selection cancels the older request.
class ManifestPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ManifestPanel)

public:
    explicit ManifestPanel(QWidget *parent = nullptr);
    ~ManifestPanel() override;

    // Loads and shows the manifest of host/repository:tag.
    void showTag(oci::RegistryClient *client, const QString &host, const QString &repository,
                 const QString &tag);
    // Shows a sentence instead of a manifest: a hint (nothing or no tag selected) or a
    // problem (loading failed), which reads as normal text rather than a quiet hint.
    enum class HintKind { Hint, Problem };
    void showHint(const QString &text, HintKind kind = HintKind::Hint);

    bool isManifestShown() const;
    QString reference() const;
    QString digest() const;
    QString manifestText() const;
    QString hintText() const;

Q_SIGNALS:
    void manifestShown(const QString &reference);
    void statusMessage(const QString &message);

protected:
    void changeEvent(QEvent *event) override;

private:
    void cancelRequest();
    void copyToClipboard(const QLineEdit *field, const QString &doneMessage);
    void applyPalette();
    QToolButton *makeCopyButton(QLineEdit *field, const QString &toolTip,
                                const QString &doneMessage);

    QPointer<oci::ManifestJob> m_job;
    QStackedWidget *m_pages = nullptr;
    QLabel *m_hint = nullptr;
    QLabel *m_title = nullptr;
    QLineEdit *m_reference = nullptr;
    QLineEdit *m_digest = nullptr;
    QLabel *m_mediaType = nullptr;
    QLabel *m_size = nullptr;
    QPlainTextEdit *m_manifest = nullptr;
    QSyntaxHighlighter *m_highlighter = nullptr;
};
