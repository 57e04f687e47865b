#pragma once

#include <QDialog>

#include <functional>

class QLabel;
class QLineEdit;
class QPushButton;

namespace image {
struct DiffImageRef;
}
namespace oci {
class ContentFetcher;
}

// File › Compare Images…: which two images to compare, each a registry reference
// ("host/repository:tag" or "…@sha256:…", on a registry of Lading's list) or an image on
// disk (a tarball or an OCI layout folder, "PATH" or "PATH:NAME"), and optionally one
// platform of an index. Says in one sentence what is wrong with a side; Compare is enabled
// only when both are readable. Window-modal (open()), deletes itself on close.
//
//     auto *dialog = new ImagePairDialog([this](const QString &host) { return fetcherForHost(host); }, this);
//     dialog->setFirst(u"registry.example.com/app:1.0"_s);
//     connect(dialog, &ImagePairDialog::compareRequested, this, [this, dialog] {
//         openCompareWindow(dialog->first(), dialog->second(), dialog->platform());
//     });
//     dialog->open();
class ImagePairDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImagePairDialog)

public:
    // The fetcher of a registry of Lading's list by "host[:port]"; null when not listed.
    using FetcherForHost = std::function<oci::ContentFetcher *(const QString &host)>;

    explicit ImagePairDialog(FetcherForHost fetcherFor, QWidget *parent = nullptr);

    void setFirst(const QString &text);
    void setSecond(const QString &text);
    QString firstText() const;
    QString secondText() const;
    QString platform() const;
    void setPlatform(const QString &platform);
    // What keeps Compare disabled, one sentence; empty when both sides are readable.
    QString problem() const { return m_problem; }

    // Resolves one side as typed: a registry reference or a local image (exactly what
    // Compare would use); an error sentence otherwise.
    struct Side
    {
        bool ok = false;
        QString error;
        // Valid when ok.
        std::function<image::DiffImageRef()> ref;
    };
    Side resolve(const QString &text) const;

    // Both sides as Compare uses them (only when problem() is empty).
    image::DiffImageRef first() const;
    image::DiffImageRef second() const;

    void accept() override;

Q_SIGNALS:
    // Compare pressed with both sides readable: first(), second(), platform(). Emitted
    // before the dialog closes.
    void compareRequested();

private:
    QLineEdit *addSide(const QString &label, QWidget *owner, class QFormLayout *form);
    void browse(QLineEdit *edit, bool folder);
    void validate();

    FetcherForHost m_fetcherFor;
    QLineEdit *m_first = nullptr;
    QLineEdit *m_second = nullptr;
    QLineEdit *m_platform = nullptr;
    QLabel *m_problemLabel = nullptr;
    QPushButton *m_compare = nullptr;
    QString m_problem;
};
