#pragma once

#include <QWidget>

class QAction;
class QFrame;
class QLabel;
class QLineEdit;
class QToolButton;

// The top of the inspector: back/forward, what is shown (title, kind · platform · size),
// the Copy menu, the reference and digest as selectable text, and the warning that a
// tag's digest came from the cache. It shows what it is given; InspectorWidget decides.
class InspectorHeader final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InspectorHeader)

public:
    explicit InspectorHeader(QWidget *parent = nullptr);

    QAction *backAction() const { return m_back; }
    QAction *forwardAction() const { return m_forward; }
    QAction *copyPinnedAction() const { return m_copyPinned; }
    QAction *copyDockerAction() const { return m_copyDocker; }
    QAction *copyPodmanAction() const { return m_copyPodman; }
    QAction *copyDigestAction() const { return m_copyDigest; }
    QToolButton *copyButton() const { return m_copyButton; }

    // `digest` empty while loading shows "loading…" in its place.
    void setShown(const QString &title, const QString &subtitle, const QString &reference,
                  const QString &digest, bool loading);
    // The stale warning; empty hides it.
    void setStaleText(const QString &text);

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyBannerPalette();

    QAction *m_back = nullptr;
    QAction *m_forward = nullptr;
    QAction *m_copyPinned = nullptr;
    QAction *m_copyDocker = nullptr;
    QAction *m_copyPodman = nullptr;
    QAction *m_copyDigest = nullptr;
    QToolButton *m_copyButton = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_subtitle = nullptr;
    QLineEdit *m_reference = nullptr;
    QLineEdit *m_digest = nullptr;
    QFrame *m_staleBanner = nullptr;
    QLabel *m_staleIcon = nullptr;
    QLabel *m_staleText = nullptr;
};
