#pragma once

#include <QPointer>
#include <QTreeView>

class FilePreview;

// The Files page's tree: a QTreeView whose drags carry the file the preview shows (written
// to a private temporary folder by FilePreview::createDragData(): only the item the preview
// shows, only when its bytes are all loaded), and whose context menu offers Save…
class FileTreeView final : public QTreeView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FileTreeView)

public:
    explicit FileTreeView(QWidget *parent = nullptr);
    ~FileTreeView() override;

    void setPreview(FilePreview *preview);

Q_SIGNALS:
    void statusMessage(const QString &message);

protected:
    void startDrag(Qt::DropActions supportedActions) override;
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    QPointer<FilePreview> m_preview;
};
