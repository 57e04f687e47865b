#pragma once

#include "ops/plan/retentionrules.h"

#include <QDateTime>
#include <QWidget>

class QCheckBox;
class QDateEdit;
class QLabel;
class QPlainTextEdit;
class QSpinBox;

// The retention rules of one repository as a form: keep the newest N images (0: off),
// keep tags matching patterns, delete tags created before a date, delete tags matching
// patterns (one regular expression per line). Below it, one line says what the rules do
// in plain words, or what is wrong with them (in the problem colour).
//
//     auto *form = new RetentionRulesForm(this);
//     form->setRules(saved);
//     connect(form, &RetentionRulesForm::rulesChanged, this, [this] { replanSoon(); });
//     if (form->problem().isEmpty())
//         plan(form->rules());
class RetentionRulesForm final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RetentionRulesForm)

public:
    explicit RetentionRulesForm(QWidget *parent = nullptr);
    ~RetentionRulesForm() override;

    // The rules as the form shows them (patterns trimmed, blank lines left out). The date
    // rule is the start of the chosen day in UTC, unless it is the day of the rules last
    // set, whose exact time is kept.
    ops::RetentionRules rules() const;
    void setRules(const ops::RetentionRules &rules);

    // What stops these rules, one sentence; empty when they are valid (RetentionRules::validate).
    QString problem() const;
    // The rules in plain words, one or two sentences.
    static QString describe(const ops::RetentionRules &rules);

    // The rules in words carry, as their tool tip, the same rules for ladingctl:
    // "<command> --keep-newest 2 …" (command: "ladingctl cleanup host/repository").
    void setCommand(const QString &command);

    // A note under the form (e.g. saved rules that could not be read), in the quiet colour.
    void setNote(const QString &note, const QString &detail = {});

Q_SIGNALS:
    void rulesChanged();

private:
    void onChanged();
    void updateText();

    QSpinBox *m_keepNewest = nullptr;
    QPlainTextEdit *m_keep = nullptr;
    QCheckBox *m_olderThanCheck = nullptr;
    QDateEdit *m_olderThan = nullptr;
    QPlainTextEdit *m_deleteMatching = nullptr;
    QLabel *m_words = nullptr;
    QLabel *m_note = nullptr;
    QDateTime m_setOlderThan; // the exact cut-off last set, for its day
    QString m_command;
};
