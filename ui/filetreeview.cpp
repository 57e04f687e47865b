#include "filetreeview.h"

#include "filepreview.h"

#include <QContextMenuEvent>
#include <QDrag>
#include <QMenu>
#include <QMimeData>

FileTreeView::FileTreeView(QWidget *parent) : QTreeView(parent)
{
    setDragEnabled(true);
    setDragDropMode(QAbstractItemView::DragOnly);
}

FileTreeView::~FileTreeView() = default;

void FileTreeView::setPreview(FilePreview *preview)
{
    m_preview = preview;
}

void FileTreeView::startDrag(Qt::DropActions supportedActions)
{
    Q_UNUSED(supportedActions);
    if (!m_preview)
        return;
    // The press made the dragged row current, so the preview shows it (or is loading it).
    QMimeData *data = m_preview->createDragData();
    if (!data) {
        Q_EMIT statusMessage(tr("Only a file whose preview has fully loaded can be dragged out; "
                                "use Save… for directories and larger files."));
        return;
    }
    auto *drag = new QDrag(this);
    drag->setMimeData(data);
    drag->exec(Qt::CopyAction, Qt::CopyAction);
}

void FileTreeView::contextMenuEvent(QContextMenuEvent *event)
{
    const QModelIndex index = indexAt(event->pos());
    if (!index.isValid() || !m_preview)
        return;
    setCurrentIndex(index);
    // popup(), not exec(): no nested event loop.
    auto *menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    FilePreview *preview = m_preview;
    menu->addAction(tr("Save…"), preview, [preview] { preview->saveCurrent(); });
    menu->popup(event->globalPos());
}
