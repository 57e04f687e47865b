#pragma once

#include <QWidget>

class InspectorWidget;

namespace oci {
class ContentFetcher;
class Reference;
} // namespace oci

// The right side of the main window as MainWindow knows it from issue 2: now a thin shell
// around InspectorWidget (the inspector), keeping the calls MainWindow makes. New code
// talks to inspector() directly (showReference with a ContentFetcher, clear(), ...).
class ManifestPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ManifestPanel)

public:
    explicit ManifestPanel(QWidget *parent = nullptr);
    ~ManifestPanel() override;

    InspectorWidget *inspector() const { return m_inspector; }

    // Loads and shows host/repository:tag in the inspector, through the window's shared,
    // cached fetcher for that registry.
    void showTag(oci::ContentFetcher *fetcher, const QString &host, const QString &repository,
                 const QString &tag);
    // A tag or digest reference (a referrer, a digest typed by a person).
    void showReference(oci::ContentFetcher *fetcher, const oci::Reference &reference);
    // Shows a sentence instead of a document: a hint (nothing or no tag selected) or a
    // problem, which reads as normal text rather than a quiet hint.
    enum class HintKind { Hint, Problem };
    void showHint(const QString &text, HintKind kind = HintKind::Hint);

    // A manifest or index is shown (not a hint, loading or a failure).
    bool isManifestShown() const;
    // "host/repository:tag" (or "@digest") of what is shown; empty otherwise.
    QString reference() const;
    QString digest() const;
    // The shown manifest re-indented for reading (the inspector's JSON tab shows the raw
    // bytes by default); empty when none is shown.
    QString manifestText() const;
    QString hintText() const;

Q_SIGNALS:
    void manifestShown(const QString &reference);
    void statusMessage(const QString &message);

private:
    InspectorWidget *m_inspector = nullptr;
};
