#include "ops/cleanup/retentionrulesform.h"

#include "dialogtext.h"
#include "ops/cleanup/cleanuplabel.h"

#include <QCheckBox>
#include <QDateEdit>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QSpinBox>
#include <QVBoxLayout>

namespace {

QStringList patternsOf(const QPlainTextEdit *edit)
{
    QStringList patterns;
    const QStringList lines = edit->toPlainText().split(u'\n');
    for (const QString &line : lines) {
        const QString pattern = line.trimmed();
        if (!pattern.isEmpty())
            patterns << pattern;
    }
    return patterns;
}

QPlainTextEdit *patternEdit(const QString &objectName, const QString &placeholder, QWidget *parent)
{
    auto *edit = new QPlainTextEdit(parent);
    edit->setObjectName(objectName);
    edit->setPlaceholderText(placeholder);
    edit->setTabChangesFocus(true);
    edit->setLineWrapMode(QPlainTextEdit::NoWrap);
    // Three lines: patterns are few and short.
    const int lines = 3;
    edit->setFixedHeight(edit->fontMetrics().lineSpacing() * lines +
                         int(edit->document()->documentMargin() * 2) + edit->frameWidth() * 2 + 2);
    return edit;
}

QString quotedList(const QStringList &patterns)
{
    QStringList quoted;
    for (const QString &pattern : patterns)
        quoted << RetentionRulesForm::tr("“%1”").arg(pattern);
    return QLocale().createSeparatedList(quoted);
}

} // namespace

RetentionRulesForm::RetentionRulesForm(QWidget *parent) : QWidget(parent)
{
    m_keepNewest = new QSpinBox(this);
    m_keepNewest->setObjectName(QStringLiteral("keepNewestSpin"));
    m_keepNewest->setRange(0, 100000);
    m_keepNewest->setSpecialValueText(tr("Off"));
    m_keepNewest->setSuffix(tr(" image(s)", "", 0));
    m_keepNewest->setToolTip(tr("The newest images by their created date stay, with every tag "
                                "on them. Images without a date count as the oldest."));
    m_keepNewest->setAccelerated(true);

    m_keep = patternEdit(QStringLiteral("keepPatternsEdit"), tr("e.g. release-.*"), this);
    m_olderThanCheck = new QCheckBox(tr("Created &before"), this);
    m_olderThanCheck->setObjectName(QStringLiteral("olderThanCheck"));
    m_olderThan = new QDateEdit(this);
    m_olderThan->setObjectName(QStringLiteral("olderThanEdit"));
    m_olderThan->setCalendarPopup(true);
    m_olderThan->setDisplayFormat(QStringLiteral("yyyy-MM-dd")); // as the table's dates
    m_olderThan->setDate(QDate::currentDate().addMonths(-6));
    m_olderThan->setEnabled(false);
    m_olderThan->setToolTip(tr("Tags whose image was created before the start of this day "
                               "(UTC). Images without a date never match."));
    m_deleteMatching = patternEdit(QStringLiteral("deletePatternsEdit"), tr("e.g. pr-\\d+"), this);

    auto *olderRow = new QHBoxLayout;
    olderRow->setContentsMargins(0, 0, 0, 0);
    olderRow->addWidget(m_olderThanCheck);
    olderRow->addWidget(m_olderThan, 1);

    auto *keepTitle = new QLabel(tr("<b>Keep</b>"), this);
    auto *deleteTitle = new QLabel(tr("<b>Delete</b>"), this);
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(keepTitle);
    form->addRow(tr("The &newest:"), m_keepNewest);
    form->addRow(tr("&Tags matching:"), m_keep);
    form->addRow(deleteTitle);
    form->addRow(tr("Tags:"), olderRow);
    form->addRow(tr("Tags &matching:"), m_deleteMatching);
    qobject_cast<QLabel *>(form->labelForField(m_keepNewest))->setBuddy(m_keepNewest);
    qobject_cast<QLabel *>(form->labelForField(m_keep))->setBuddy(m_keep);
    qobject_cast<QLabel *>(form->labelForField(m_deleteMatching))->setBuddy(m_deleteMatching);

    auto *help = DialogText::note(
        tr("Patterns are regular expressions over the whole tag, one per line: "
           "v1\\.\\d+ matches v1.2 but not v1.2-rc. Without a delete rule, every tag that "
           "is not kept goes. A tag on the same image as a tag that stays is never deleted."),
        this);
    help->setObjectName(QStringLiteral("rulesHelp"));

    m_words = cleanupLabel(QStringLiteral("rulesWords"), 3, this);

    m_note = DialogText::note(QString(), this);
    m_note->setObjectName(QStringLiteral("rulesNote"));
    m_note->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(form);
    layout->addSpacing(4);
    layout->addWidget(m_words);
    layout->addWidget(m_note);
    layout->addWidget(help);
    layout->addStretch(1);

    connect(m_keepNewest, &QSpinBox::valueChanged, this, [this](int value) {
        m_keepNewest->setSuffix(tr(" image(s)", "", value));
        onChanged();
    });
    connect(m_keep, &QPlainTextEdit::textChanged, this, &RetentionRulesForm::onChanged);
    connect(m_olderThanCheck, &QCheckBox::toggled, this, [this](bool on) {
        m_olderThan->setEnabled(on);
        onChanged();
    });
    connect(m_olderThan, &QDateEdit::dateChanged, this, &RetentionRulesForm::onChanged);
    connect(m_deleteMatching, &QPlainTextEdit::textChanged, this, &RetentionRulesForm::onChanged);
    updateText();
}

RetentionRulesForm::~RetentionRulesForm() = default;

ops::RetentionRules RetentionRulesForm::rules() const
{
    ops::RetentionRules rules;
    rules.keepNewest = m_keepNewest->value();
    rules.keep = patternsOf(m_keep);
    if (m_olderThanCheck->isChecked()) {
        const QDate day = m_olderThan->date();
        rules.deleteOlderThan = m_setOlderThan.isValid() && m_setOlderThan.toUTC().date() == day
                                    ? m_setOlderThan.toUTC()
                                    : QDateTime(day, QTime(0, 0), Qt::UTC);
    }
    rules.deleteMatching = patternsOf(m_deleteMatching);
    return rules;
}

void RetentionRulesForm::setRules(const ops::RetentionRules &rules)
{
    {
        const QSignalBlocker blockers[] = {
            QSignalBlocker(m_keepNewest), QSignalBlocker(m_keep), QSignalBlocker(m_olderThanCheck),
            QSignalBlocker(m_olderThan), QSignalBlocker(m_deleteMatching)};
        m_keepNewest->setValue(rules.keepNewest);
        m_keep->setPlainText(rules.keep.join(u'\n'));
        m_setOlderThan = rules.deleteOlderThan;
        m_olderThanCheck->setChecked(rules.deleteOlderThan.isValid());
        m_olderThan->setEnabled(rules.deleteOlderThan.isValid());
        if (rules.deleteOlderThan.isValid())
            m_olderThan->setDate(rules.deleteOlderThan.toUTC().date());
        m_deleteMatching->setPlainText(rules.deleteMatching.join(u'\n'));
    }
    onChanged();
}

QString RetentionRulesForm::problem() const
{
    const ops::RetentionRules current = rules();
    if (!current.hasKeepRule() && !current.hasDeleteRule())
        return tr("Choose at least one rule: with none, every tag would be deleted.");
    const auto badPattern = [](const QStringList &patterns) -> std::pair<QString, QString> {
        for (const QString &pattern : patterns) {
            const QRegularExpression expression(QRegularExpression::anchoredPattern(pattern));
            if (!expression.isValid())
                return {pattern, expression.errorString()};
        }
        return {};
    };
    if (const auto [pattern, why] = badPattern(current.keep); !pattern.isEmpty())
        return tr("The keep pattern “%1” is not a regular expression: %2.").arg(pattern, why);
    if (const auto [pattern, why] = badPattern(current.deleteMatching); !pattern.isEmpty())
        return tr("The delete pattern “%1” is not a regular expression: %2.").arg(pattern, why);
    // The library has the last word (its messages are English).
    if (const oci::Result<void> valid = current.validate(); !valid)
        return valid.error().message();
    return {};
}

QString RetentionRulesForm::describe(const ops::RetentionRules &rules)
{
    QStringList keep;
    if (rules.keepNewest > 0)
        keep << tr("the newest %n image(s)", "", rules.keepNewest);
    if (!rules.keep.isEmpty())
        keep << tr("tags matching %1").arg(quotedList(rules.keep));
    QStringList remove;
    if (rules.deleteOlderThan.isValid()) {
        remove << tr("tags created before %1")
                      .arg(QLocale().toString(rules.deleteOlderThan.toUTC().date(),
                                              QLocale::LongFormat));
    }
    if (!rules.deleteMatching.isEmpty())
        remove << tr("tags matching %1").arg(quotedList(rules.deleteMatching));

    QStringList sentences;
    if (!keep.isEmpty())
        sentences << tr("Keeps %1.").arg(QLocale().createSeparatedList(keep));
    if (remove.isEmpty())
        sentences << tr("Deletes every other tag.");
    else if (keep.isEmpty())
        sentences
            << tr("Deletes %1; every other tag stays.").arg(QLocale().createSeparatedList(remove));
    else
        sentences << tr("Of the others, deletes %1; the rest stay.")
                         .arg(QLocale().createSeparatedList(remove));
    return sentences.join(u' ');
}

void RetentionRulesForm::setCommand(const QString &command)
{
    m_command = command;
    updateText();
}

void RetentionRulesForm::setNote(const QString &note, const QString &detail)
{
    m_note->setText(note);
    m_note->setToolTip(detail);
    m_note->setVisible(!note.isEmpty());
}

void RetentionRulesForm::onChanged()
{
    updateText();
    Q_EMIT rulesChanged();
}

void RetentionRulesForm::updateText()
{
    const QString problem = this->problem();
    const ops::RetentionRules current = rules();
    m_words->setText(problem.isEmpty() ? describe(current) : problem);
    m_words->setToolTip(
        problem.isEmpty() && !m_command.isEmpty()
            ? tr("The same rules on the command line: %1 %2").arg(m_command, current.describe())
            : QString());
    // An empty form is a start, not a mistake: its sentence says what to do, plainly.
    if (problem.isEmpty() || (!current.hasKeepRule() && !current.hasDeleteRule()))
        m_words->setPalette(QPalette()); // the window's own colours
    else
        DialogText::setColour(m_words, DialogText::problemColour());
}
