#pragma once

#include <QByteArray>
#include <QPointer>
#include <QStringList>
#include <QWidget>

class FileDiffModel;
class QCheckBox;
class QLabel;
class QLineEdit;
class QModelIndex;
class QTimer;
class QTreeView;
class SideBySideDiffView;

namespace image {
class LayerCache;
struct FileDiff;
struct FileDiffFilter;
} // namespace image

// The compare window's Files tab: the two merged filesystems compared (FileDiffModel, a
// tree) with the filters — kinds (added, removed, changed; "Only Changed"), a path glob,
// hiding mtime-only paths — and, below, the selected file: both sides' sizes and SHA-256,
// and for a file with content its bytes read on the pool (LayerCache::readFile, at most
// MaxFileBytes a side) and compared in a SideBySideDiffView (binaries refused there, so
// they stand by size and hash).
class CompareFilesPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CompareFilesPage)

public:
    // Larger files are described, not compared line by line.
    static constexpr qint64 MaxFileBytes = 8 * 1024 * 1024;

    explicit CompareFilesPage(image::LayerCache *layers, QWidget *parent = nullptr);
    ~CompareFilesPage() override;

    // The unfiltered diff; the filters stay.
    void setDiff(const image::FileDiff &diff, const QString &labelA, const QString &labelB);
    void clear();

    void setFilter(const image::FileDiffFilter &filter);
    image::FileDiffFilter filter() const;
    // Selects the row of a raw path and shows that file; false when the path is not shown.
    bool selectPath(const QByteArray &path);

    FileDiffModel *model() const { return m_model; }
    QTreeView *view() const { return m_view; }
    SideBySideDiffView *textView() const { return m_text; }
    // What the detail area says of the selected path (sizes, hashes, or why no text diff).
    QString detailText() const;
    // Both sides of the selected file read (or the read failed): fileShown() was emitted.
    bool isReading() const { return m_pending > 0; }

Q_SIGNALS:
    // The selected file's bytes arrived and went to the text view (or were refused).
    void fileShown();

private:
    // Rebuilds the tree with the filter on screen (and `newDiff`, when given, as its diff).
    void applyFilter(const image::FileDiff *newDiff = nullptr);
    void filterFromControls();
    void showCurrent(const QModelIndex &index);
    void bytesRead(int generation, bool sideB, const QByteArray &bytes, const QString &error);
    void updateCount();

    QPointer<image::LayerCache> m_layers;
    QString m_labelA;
    QString m_labelB;
    FileDiffModel *m_model = nullptr;
    QTreeView *m_view = nullptr;
    QCheckBox *m_added = nullptr;
    QCheckBox *m_removed = nullptr;
    QCheckBox *m_changed = nullptr;
    QCheckBox *m_hideMtime = nullptr;
    QLineEdit *m_glob = nullptr;
    QLabel *m_count = nullptr;
    QLabel *m_detail = nullptr;
    SideBySideDiffView *m_text = nullptr;
    QTimer *m_globTimer = nullptr;
    bool m_settingControls = false;

    // The file being read: both sides, then one setTexts.
    int m_generation = 0;
    int m_pending = 0;
    QByteArray m_path;
    QStringList m_detailLines; // what the detail says of it, before the reading
    QByteArray m_bytes[2];
    QString m_errors[2];
};
