#pragma once

#include <QTableView>

#include <functional>

class QMimeData;
class QTimer;
class TagTableModel;
class TagTableProxyModel;

// The tag table: one row per tag (several can be selected), sortable by every column, with the rows on screen
// fetched first (it tells the model which source rows are visible whenever that changes:
// scrolling, resizing, sorting, filtering, new rows). Rows sharing a digest are tinted in
// the digest's colour by the model.
class TagTableView final : public QTableView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TagTableView)

public:
    explicit TagTableView(QWidget *parent = nullptr);

    // The view shows `proxy`, whose source is `model`.
    void setTagModels(TagTableModel *model, TagTableProxyModel *proxy);
    TagTableModel *tagModel() const { return m_model; }
    TagTableProxyModel *proxyModel() const { return m_proxy; }

    // Source rows on screen (plus a screenful below, so scrolling on finds them ready).
    QList<int> visibleSourceRows() const;
    // The tag of the current row; empty when none.
    QString currentTag() const;
    // The tags of the selected rows, top to bottom as shown.
    QStringList selectedTags() const;
    // Selected rows can be dragged out (onto a repository, to copy them): `payload` makes
    // the drag's data from the tags.
    void setDragPayload(std::function<QMimeData *(const QStringList &tags)> payload);
    // Makes `tag` current and scrolls to it; false when it is not shown (filtered or not
    // listed yet).
    bool selectTag(const QString &tag);

    // Sorts the proxy again and keeps the current row (or, when it is off screen, the
    // top row) where it was on screen, unless the view was at the very top.
    void resortKeepingPlace();
    // Column widths for the current font: names as wide as the longest (within limits).
    void fitColumns();

Q_SIGNALS:
    void currentTagChanged(const QString &tag);

protected:
    void scrollContentsBy(int dx, int dy) override;
    void startDrag(Qt::DropActions supportedActions) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void scheduleVisibleRequest();
    void requestVisibleRows();

    TagTableModel *m_model = nullptr;
    TagTableProxyModel *m_proxy = nullptr;
    QTimer *m_visibleTimer = nullptr;
    std::function<QMimeData *(const QStringList &)> m_dragPayload;
};
