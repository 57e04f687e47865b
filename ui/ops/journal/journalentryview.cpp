#include "ops/journal/journalentryview.h"

#include "ops/journal/journalmodel.h"

#include "jsonformat.h"
#include "jsonhighlighter.h"

#include "ops/journal/journalentry.h"

#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPalette>
#include <QPlainTextEdit>
#include <QVBoxLayout>

JournalEntryView::JournalEntryView(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    m_placeholder = new QLabel(this);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(m_placeholder, 1);

    // The facts on the left, the manifest beside them: both stay readable at any height.
    m_fields = new QWidget(this);
    auto *fieldsLayout = new QHBoxLayout(m_fields);
    fieldsLayout->setContentsMargins(0, 0, 0, 0);
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setRowWrapPolicy(QFormLayout::DontWrapRows);
    m_when = addRow(form, tr("When:"));
    m_where = addRow(form, tr("Where:"));
    m_what = addRow(form, tr("What:"));
    m_tags = addRow(form, tr("Tags:"));
    // 71 characters without a space: a line that scrolls, and copies whole.
    m_digest = new QLineEdit(m_fields);
    m_digest->setReadOnly(true);
    m_digest->setFrame(false);
    m_digest->setBackgroundRole(QPalette::Window);
    m_digest->setMinimumWidth(120);
    form->addRow(tr("Digest:"), m_digest);
    m_mediaType = addRow(form, tr("Media type:"));
    m_state = addRow(form, tr("State:"));
    auto *formColumn = new QVBoxLayout;
    formColumn->addLayout(form);
    formColumn->addStretch(1);
    fieldsLayout->addLayout(formColumn, 1);

    auto *manifestColumn = new QVBoxLayout;
    auto *manifestLabel = new QLabel(tr("The manifest as the journal kept it:"), m_fields);
    manifestColumn->addWidget(manifestLabel);
    m_manifest = new QPlainTextEdit(m_fields);
    m_manifest->setReadOnly(true);
    m_manifest->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_manifest->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    const QColor base = palette().color(QPalette::Base);
    attachJsonHighlighter(m_manifest->document(), base.lightness() < 128);
    manifestLabel->setBuddy(m_manifest);
    manifestColumn->addWidget(m_manifest, 1);
    fieldsLayout->addLayout(manifestColumn, 1);
    layout->addWidget(m_fields, 1);

    showNothing(tr("Select a deletion to see what the journal kept of it."));
}

JournalEntryView::~JournalEntryView() = default;

QLabel *JournalEntryView::addRow(QFormLayout *form, const QString &label)
{
    auto *value = new QLabel(m_fields);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    value->setTextFormat(Qt::PlainText);
    value->setWordWrap(true);
    form->addRow(label, value);
    return value;
}

void JournalEntryView::showNothing(const QString &text)
{
    m_placeholder->setText(text);
    m_placeholder->show();
    m_fields->hide();
    m_manifest->clear();
}

void JournalEntryView::showEntry(const ops::JournalEntry &entry)
{
    using ops::JournalEntry;
    m_placeholder->hide();
    m_fields->show();
    m_when->setText(QLocale().toString(entry.time.toLocalTime(), QLocale::LongFormat));
    m_where->setText(tr("%1 on %2").arg(entry.repository, entry.registry));
    if (entry.kind == ops::DeleteStep::Kind::RemoveTag) {
        if (entry.method == JournalEntry::tagApiMethod())
            m_what->setText(tr("A tag was removed with the registry's tag API; its image stayed."));
        else if (!entry.throwaway.isNull())
            m_what->setText(tr("A tag was removed by pointing it at a throwaway manifest and deleting "
                               "that; its image stayed."));
        else
            m_what->setText(tr("A tag was removed; its image stayed."));
    } else {
        m_what->setText(tr("The image was deleted, and with it every tag on it."));
    }
    m_tags->setText(entry.tags.isEmpty() ? tr("none") : entry.tags.join(QStringLiteral(", ")));
    m_digest->setText(entry.digest.toString());
    m_digest->setCursorPosition(0);
    m_mediaType->setText(entry.mediaType.isEmpty() ? tr("unknown") : entry.mediaType);

    QString state = JournalModel::stateText(entry);
    if (entry.state == JournalEntry::State::Undone && entry.undoneTime.isValid())
        state = tr("%1 (%2)").arg(state, QLocale().toString(entry.undoneTime.toLocalTime(), QLocale::ShortFormat));
    if (entry.isPartlyUndone())
        state += u'\n' + tr("Left alone, as they point at another image now: %1")
                             .arg(entry.undoSkipped.join(QStringLiteral(", ")));
    if (!entry.reason.isEmpty())
        state += u'\n' + entry.reason; // the core's English, as it is
    m_state->setText(state);

    if (entry.manifest.isEmpty())
        m_manifest->setPlainText(tr("The journal has no copy: the manifest was never read, so "
                                    "nothing was deleted by this step."));
    else
        m_manifest->setPlainText(indentJson(entry.manifest));
}

QString JournalEntryView::manifestText() const
{
    return m_manifest->toPlainText();
}
