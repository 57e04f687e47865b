#pragma once

#include <QLineEdit>
#include <QPointer>

class QTimer;
class QTreeView;
class RegistryFilterProxy;

// The registry tree's filter field. Typing applies the text to a RegistryFilterProxy
// DebounceMs after the last keystroke (thousands of rows are not filtered again per key),
// then expands the view down to every loaded match; rows that arrive later while a filter
// is set are opened the same way. Nothing that still needs loading is expanded, so
// filtering starts no request. Escape clears the filter.
class RegistryFilterEdit final : public QLineEdit
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RegistryFilterEdit)

public:
    static constexpr int DebounceMs = 250;

    // `view` shows `proxy`; both must outlive this edit or be its siblings.
    RegistryFilterEdit(RegistryFilterProxy *proxy, QTreeView *view, QWidget *parent = nullptr);
    ~RegistryFilterEdit() override;

    // Applies the typed text now instead of after the pause.
    void applyNow();
    bool isPending() const;

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    void expandMatches();

    QPointer<RegistryFilterProxy> m_proxy;
    QPointer<QTreeView> m_view;
    QTimer *m_debounce = nullptr;
    QTimer *m_expand = nullptr;
};
