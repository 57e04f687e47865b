#pragma once

#include "image/export/tarexport.h"

#include <QObject>
#include <QPointer>

class QProgressDialog;
class QWidget;

namespace image {
class ExportJob;
}

// The GUI side of saving out of an image: a save dialog (non-blocking, it asks before
// replacing), the save on the pool (image::ExportJob), a progress dialog with Cancel for
// directories and big files, and the outcome in statusMessage(). Names the dialog proposes
// are made safe (image::safeFileName); the folder is the one the person picked.
class FileExportActions final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FileExportActions)

public:
    explicit FileExportActions(QWidget *window);
    ~FileExportActions() override;

    void setBlobLocator(image::BlobLocator locate) { m_locate = std::move(locate); }

    // Ask where, then save item `item` of `plan` (a regular file).
    void saveFile(const image::ExportPlan &plan, int item, const QString &suggestedName);
    // Ask where, then write `plan` as a tar.
    void saveTar(const image::ExportPlan &plan, const QString &suggestedName);

    // Without a dialog (tests; the dialog's answer). `replace`: the person agreed to replace.
    image::ExportJob *startFile(const image::ExportPlan &plan, int item, const QString &path,
                                bool replace);
    image::ExportJob *startTar(const image::ExportPlan &plan, const QString &path, bool replace);

Q_SIGNALS:
    void statusMessage(const QString &text);
    void saved(const QString &path);

private:
    void track(image::ExportJob *job, const QString &what);

    QPointer<QWidget> m_window;
    image::BlobLocator m_locate;
    QPointer<image::ExportJob> m_job;
    QPointer<QProgressDialog> m_progress;
};
