#include "comparefilespage.h"

#include "diff/diffcells.h"
#include "diff/diffroles.h"
#include "diff/filediffmodel.h"
#include "diff/sidebysidediffview.h"
#include "image/diff/files/filediff.h"
#include "image/diff/files/filedifffilter.h"
#include "image/layer/pathclean.h"
#include "image/reader/layercache.h"
#include "oci/core/futurecontinuation.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QSplitter>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace {

// Expanding every folder of a huge tree would create every row at once.
constexpr int ExpandAllBelow = 2000;

QString hashText(const image::FileSide &side)
{
    if (!side.hashed)
        return {};
    return u"sha256:"
           + QString::fromLatin1(
                 QByteArray(reinterpret_cast<const char *>(side.hash.data()), int(side.hash.size()))
                     .toHex());
}

} // namespace

CompareFilesPage::CompareFilesPage(image::LayerCache *layers, QWidget *parent)
    : QWidget(parent), m_layers(layers), m_model(new FileDiffModel(this))
{
    m_added = new QCheckBox(tr("Added"), this);
    m_removed = new QCheckBox(tr("Removed"), this);
    m_changed = new QCheckBox(tr("Changed"), this);
    m_hideMtime = new QCheckBox(tr("Hide mtime-only"), this);
    m_hideMtime->setToolTip(tr("Hide paths that differ only by their modification time"));
    auto *onlyChanged = new QToolButton(this);
    onlyChanged->setText(tr("Only Changed"));
    onlyChanged->setToolTip(tr("Show only paths both images have that differ"));
    onlyChanged->setAutoRaise(true);
    m_glob = new QLineEdit(this);
    m_glob->setClearButtonEnabled(true);
    m_glob->setPlaceholderText(tr("Paths: *.conf usr/lib/** (! to exclude)"));
    m_glob->setToolTip(tr("Glob patterns separated by spaces: '*' within a name, '**' across "
                          "folders; a pattern without '/' matches names anywhere; a leading "
                          "'!' hides what matches"));
    m_count = new QLabel(this);

    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Show:"), this));
    bar->addWidget(m_added);
    bar->addWidget(m_removed);
    bar->addWidget(m_changed);
    bar->addWidget(onlyChanged);
    bar->addSpacing(8);
    bar->addWidget(m_hideMtime);
    bar->addSpacing(8);
    bar->addWidget(m_glob, 1);
    bar->addWidget(m_count);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    m_view = new QTreeView(splitter);
    m_view->setModel(m_model);
    m_view->setUniformRowHeights(true);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(FileDiffModel::PathColumn, Qt::AscendingOrder);
    m_view->setAlternatingRowColors(true);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(FileDiffModel::PathColumn, QHeaderView::Stretch);

    auto *detailBox = new QWidget(splitter);
    m_detail = new QLabel(detailBox);
    m_detail->setWordWrap(true);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_detail->setTextFormat(Qt::PlainText);
    m_text = new SideBySideDiffView(detailBox);
    auto *detailLayout = new QVBoxLayout(detailBox);
    detailLayout->setContentsMargins(0, 4, 0, 0);
    detailLayout->addWidget(m_detail);
    detailLayout->addWidget(m_text, 1);
    splitter->addWidget(m_view);
    splitter->addWidget(detailBox);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(bar);
    layout->addWidget(splitter, 1);

    m_globTimer = new QTimer(this);
    m_globTimer->setSingleShot(true);
    m_globTimer->setInterval(250);
    connect(m_globTimer, &QTimer::timeout, this, &CompareFilesPage::filterFromControls);
    connect(m_glob, &QLineEdit::textChanged, m_globTimer, qOverload<>(&QTimer::start));
    for (QCheckBox *box : {m_added, m_removed, m_changed, m_hideMtime})
        connect(box, &QCheckBox::toggled, this, &CompareFilesPage::filterFromControls);
    connect(onlyChanged, &QToolButton::clicked, this, [this] {
        image::FileDiffFilter f = image::FileDiffFilter::onlyChanged();
        f.hideMtimeOnly = m_hideMtime->isChecked();
        const image::FileDiffFilter current = filter();
        f.includeGlobs = current.includeGlobs;
        f.excludeGlobs = current.excludeGlobs;
        setFilter(f);
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) { showCurrent(current); });

    setFilter(image::FileDiffFilter());
    clear();
}

CompareFilesPage::~CompareFilesPage() = default;

void CompareFilesPage::setDiff(const image::FileDiff &diff, const QString &labelA,
                               const QString &labelB)
{
    m_labelA = labelA;
    m_labelB = labelB;
    applyFilter(&diff);
}

void CompareFilesPage::clear()
{
    ++m_generation;
    m_pending = 0;
    m_model->clear();
    m_text->clear();
    m_detail->setText(tr("Select a file to compare its two versions."));
    updateCount();
}

image::FileDiffFilter CompareFilesPage::filter() const
{
    image::FileDiffFilter f;
    f.added = m_added->isChecked();
    f.removed = m_removed->isChecked();
    f.changed = m_changed->isChecked();
    f.hideMtimeOnly = m_hideMtime->isChecked();
    static const QRegularExpression separators(QStringLiteral("[\\s,]+"));
    const QStringList patterns = m_glob->text().split(separators, Qt::SkipEmptyParts);
    for (const QString &pattern : patterns) {
        if (pattern.startsWith(u'!')) {
            if (pattern.size() > 1)
                f.excludeGlobs << pattern.sliced(1).toUtf8();
        } else {
            f.includeGlobs << pattern.toUtf8();
        }
    }
    return f;
}

void CompareFilesPage::setFilter(const image::FileDiffFilter &f)
{
    m_settingControls = true;
    m_added->setChecked(f.added);
    m_removed->setChecked(f.removed);
    m_changed->setChecked(f.changed);
    m_hideMtime->setChecked(f.hideMtimeOnly);
    QStringList patterns;
    for (const QByteArray &glob : f.includeGlobs)
        patterns << QString::fromUtf8(glob);
    for (const QByteArray &glob : f.excludeGlobs)
        patterns << u'!' + QString::fromUtf8(glob);
    if (m_glob->text().split(u' ', Qt::SkipEmptyParts) != patterns)
        m_glob->setText(patterns.join(u' '));
    m_globTimer->stop();
    m_settingControls = false;
    applyFilter();
}

void CompareFilesPage::filterFromControls()
{
    if (!m_settingControls)
        applyFilter();
}

void CompareFilesPage::applyFilter(const image::FileDiff *newDiff)
{
    // Keep the selected path (and the reading of it) across the rebuild when it stays. (Read
    // before the rebuild: a model reset clears the current index without a signal.)
    const QByteArray selected = m_view->currentIndex().data(DiffRoles::RawPathRole).toByteArray();
    {
        const QSignalBlocker blocker(m_view->selectionModel());
        if (newDiff)
            m_model->setDiff(*newDiff, filter());
        else
            m_model->setFilter(filter());
    }
    if (m_model->diff().entries.size() < ExpandAllBelow)
        m_view->expandAll();
    else
        m_view->expandToDepth(0);
    updateCount();
    for (int column = FileDiffModel::ChangeColumn; column < FileDiffModel::ColumnCount; ++column)
        m_view->resizeColumnToContents(column);
    const QModelIndex again = selected.isEmpty() ? QModelIndex() : m_model->indexOfPath(selected);
    if (again.isValid()) {
        const QSignalBlocker blocker(m_view->selectionModel());
        m_view->setCurrentIndex(again);
        m_view->scrollTo(again);
    }
    // Another diff (another platform): the pane's bytes and any read under way are the old
    // one's, so the path is read again, or the pane cleared.
    if (newDiff)
        showCurrent(again);
    else if (!again.isValid() && !selected.isEmpty())
        showCurrent({});
}

bool CompareFilesPage::selectPath(const QByteArray &path)
{
    const QModelIndex index = m_model->indexOfPath(path);
    if (!index.isValid())
        return false;
    m_view->scrollTo(index);
    if (m_view->currentIndex() == index)
        showCurrent(index);
    else
        m_view->setCurrentIndex(index);
    return true;
}

QString CompareFilesPage::detailText() const
{
    return m_detail->text();
}

void CompareFilesPage::updateCount()
{
    const image::FileDiff &shown = m_model->diff();
    const image::FileDiff &all = m_model->unfilteredDiff();
    QString text = tr("%n path(s) shown", nullptr, int(shown.entries.size()));
    if (all.totals.mtimeOnly > 0 && m_hideMtime->isChecked())
        text += tr(", %n mtime-only hidden", nullptr, all.totals.mtimeOnly);
    m_count->setText(text);
}

void CompareFilesPage::showCurrent(const QModelIndex &index)
{
    ++m_generation;
    m_pending = 0;
    m_path.clear();
    const image::FileChange *change = index.isValid() ? m_model->changeAt(index) : nullptr;
    if (!change) {
        m_text->clear();
        m_detail->setText(index.isValid()
                              ? tr("%1: a folder with changes below it.")
                                    .arg(index.data(DiffRoles::PathRole).toString())
                              : tr("Select a file to compare its two versions."));
        Q_EMIT fileShown();
        return;
    }

    const QString path = image::displayPath(change->path);
    const bool inA = change->kind != image::FileChangeKind::Added;
    const bool inB = change->kind != image::FileChangeKind::Removed;
    const auto sideText = [this](const QString &label, const image::FileSide &side, bool present) {
        if (!present)
            return tr("%1: not in this image").arg(label);
        QStringList parts{image::fileTypeName(side.type)};
        if (side.isFile())
            parts << DiffCells::size(side.size);
        if (const QString hash = hashText(side); !hash.isEmpty())
            parts << hash;
        if (!side.linkTarget.isEmpty() && side.type == image::EntryType::Symlink)
            parts << u"→ " + image::displayPath(side.linkTarget);
        return tr("%1: %2").arg(label, parts.join(QStringLiteral(" · ")));
    };
    QStringList lines{tr("%1 — %2").arg(path, FileDiffModel::changeText(*change)),
                      sideText(m_labelA, change->a, inA), sideText(m_labelB, change->b, inB)};

    const bool hasContent = (inA && change->a.hasContent()) || (inB && change->b.hasContent());
    if (!hasContent) {
        m_text->clear();
        m_detail->setText(lines.join(u'\n'));
        Q_EMIT fileShown();
        return;
    }
    const qint64 largest = std::max(inA ? change->a.size : 0, inB ? change->b.size : 0);
    if (largest > MaxFileBytes) {
        m_text->clear();
        lines << tr("Too large to compare line by line here (over %1): compared by size and "
                    "hash.")
                     .arg(DiffCells::size(MaxFileBytes));
        m_detail->setText(lines.join(u'\n'));
        Q_EMIT fileShown();
        return;
    }
    if (!m_layers) {
        m_text->clear();
        lines << tr("Cannot read the file: the layer cache is not available.");
        m_detail->setText(lines.join(u'\n'));
        Q_EMIT fileShown();
        return;
    }

    lines << tr("Reading both versions…");
    m_detail->setText(lines.join(u'\n'));
    lines.removeLast();
    m_detailLines = lines;
    m_path = change->path;
    const int generation = m_generation;
    const image::FileDiff &diff = m_model->diff();
    for (const bool sideB : {false, true}) {
        const image::FileSide &side = sideB ? change->b : change->a;
        m_bytes[sideB].clear();
        m_errors[sideB].clear();
        if (!(sideB ? inB : inA) || !side.hasContent() || side.size == 0)
            continue;
        const oci::Digest layer = diff.contentLayerDigest(*change, sideB);
        if (layer.isNull()) {
            m_errors[sideB] = tr("its layer is not known");
            continue;
        }
        ++m_pending;
        oci::whenFinished(this, m_layers->readFile(layer, side.ordinal, 0, MaxFileBytes),
                          [this, generation, sideB](const oci::Result<image::FileSlice> &slice) {
                              if (slice)
                                  bytesRead(generation, sideB, slice->bytes, {});
                              else
                                  bytesRead(generation, sideB, {}, slice.error().message());
                          });
    }
    if (m_pending == 0)
        bytesRead(generation, false, m_bytes[0], m_errors[0]);
}

void CompareFilesPage::bytesRead(int generation, bool sideB, const QByteArray &bytes,
                                 const QString &error)
{
    if (generation != m_generation)
        return; // another path is selected by now
    if (m_pending > 0) {
        m_bytes[sideB] = bytes;
        m_errors[sideB] = error;
        if (--m_pending > 0)
            return;
    }
    QStringList lines = m_detailLines;
    QStringList errors;
    for (const bool side : {false, true})
        if (!m_errors[side].isEmpty())
            errors << tr("%1: %2").arg(side ? m_labelB : m_labelA, m_errors[side]);
    if (!errors.isEmpty()) {
        m_text->clear();
        lines << tr("Cannot read the file (%1).").arg(errors.join(QStringLiteral("; ")));
        m_detail->setText(lines.join(u'\n'));
        Q_EMIT fileShown();
        return;
    }
    m_detail->setText(lines.join(u'\n'));
    m_text->setTexts(m_labelA, m_bytes[0], m_labelB, m_bytes[1], image::displayPath(m_path));
    Q_EMIT fileShown();
}
