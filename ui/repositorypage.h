#pragma once

#include <QWidget>

namespace oci {
class ContentFetcher;
}

class QAction;
class QCheckBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QStackedWidget;
class QTableView;
class QTimer;
class TagReferrersModel;
class TagTableModel;
class TagTableProxyModel;
class TagTableView;

// A repository's page: its name, the tag table with a filter field and the "hide
// referrer tags" switch, progress while details load, and the referrers (signatures,
// SBOMs, attestations) of the selected tag. The inspector sits beside it in MainWindow.
//
// Sorting by a column whose values are still loading: the table re-sorts at most once a
// second while details arrive and once more when they are complete, keeping the selected
// row where it is on screen (TagTableProxyModel explains why not on every change).
class RepositoryPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RepositoryPage)

public:
    static constexpr int ResortIntervalMs = 1000;

    explicit RepositoryPage(QWidget *parent = nullptr);
    ~RepositoryPage() override;

    // Lists the tags of host/repository through `fetcher` (the registry's). Showing the
    // repository that is already shown keeps what is loaded.
    void showRepository(oci::ContentFetcher *fetcher, const QString &host,
                        const QString &repository);
    // Forgets the repository and cancels its requests (before the fetcher goes).
    void clear();
    // Lists the tags again and fetches their details.
    void reload();

    QString host() const;
    QString repository() const;
    oci::ContentFetcher *fetcher() const;

    // Makes `tag` current as soon as it is listed.
    void selectTag(const QString &tag);
    QString currentTag() const;
    // The selected tags, top to bottom as shown (the current one among them).
    QStringList selectedTags() const;
    // Actions on the selected tags (add tags, copy, delete) for the table's context menu,
    // after its own; they stay owned by the caller.
    void setTagActions(const QList<QAction *> &actions);

    TagTableModel *model() const { return m_model; }
    TagTableProxyModel *proxy() const { return m_proxy; }
    TagTableView *view() const { return m_view; }
    TagReferrersModel *referrers() const { return m_referrers; }
    QTableView *referrersView() const { return m_referrersView; }

    // The table header (column widths, order, sort), for the settings file.
    QByteArray saveHeaderState() const;
    void restoreHeaderState(const QByteArray &state);

Q_SIGNALS:
    // The current tag changed (empty: none).
    void currentTagChanged(const QString &tag);
    // The selected rows changed (selectedTags()).
    void selectionChanged();
    // A referrer was double-clicked or activated: its digest.
    void referrerActivated(const QString &digest);
    void statusMessage(const QString &message);

protected:
    void changeEvent(QEvent *event) override;

private:
    QWidget *createHeader();
    QWidget *createReferrers();
    void onListingStateChanged();
    void onDetailsUpdated();
    void onDetailsFinished();
    void onProgress(int done, int total);
    void onCurrentTagChanged(const QString &tag);
    void updateReferrers();
    void updateReferrersLabel();
    void updateSummary();
    void trySelectPendingTag();
    void showTagMenu(const QPoint &position);
    void copyText(const QString &text);

    TagTableModel *m_model = nullptr;
    TagTableProxyModel *m_proxy = nullptr;
    TagTableView *m_view = nullptr;
    TagReferrersModel *m_referrers = nullptr;
    QTableView *m_referrersView = nullptr;
    QLabel *m_referrersLabel = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_summary = nullptr;
    QLineEdit *m_filter = nullptr;
    QCheckBox *m_hideFallback = nullptr;
    QProgressBar *m_progress = nullptr;
    QStackedWidget *m_tableStack = nullptr;
    QLabel *m_tableMessage = nullptr;
    QTimer *m_resortTimer = nullptr;
    QTimer *m_filterTimer = nullptr;
    QList<QAction *> m_tagActions;
    QString m_pendingTag;
    QString m_referrersTag; // waiting for its digest
    bool m_columnsFitted = false;
};
