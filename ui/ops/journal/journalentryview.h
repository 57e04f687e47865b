#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace ops {
struct JournalEntry;
}

// The details of one journal entry under the journal window's list: when, where, what was
// deleted and how, its state (with the reason a step failed or what undo left alone), and
// the exact manifest the journal kept, read-only.
class JournalEntryView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JournalEntryView)

public:
    explicit JournalEntryView(QWidget *parent = nullptr);
    ~JournalEntryView() override;

    void showEntry(const ops::JournalEntry &entry);
    // Nothing, or several entries, selected: `text` says so.
    void showNothing(const QString &text);

    QString manifestText() const; // for tests

private:
    QLabel *addRow(class QFormLayout *form, const QString &label);

    QWidget *m_fields = nullptr;
    QLabel *m_placeholder = nullptr;
    QLabel *m_when = nullptr;
    QLabel *m_where = nullptr;
    QLabel *m_what = nullptr;
    QLabel *m_tags = nullptr;
    QLineEdit *m_digest = nullptr;
    QLabel *m_mediaType = nullptr;
    QLabel *m_state = nullptr;
    QPlainTextEdit *m_manifest = nullptr;
};
