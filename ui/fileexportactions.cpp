#include "fileexportactions.h"

#include "image/export/exportjob.h"
#include "image/export/exportpaths.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLocale>
#include <QProgressDialog>
#include <QStandardPaths>

FileExportActions::FileExportActions(QWidget *window) : QObject(window), m_window(window) {}

FileExportActions::~FileExportActions()
{
    if (m_job)
        m_job->cancel(); // the worker removes its partial file
}

namespace {

QFileDialog *makeDialog(QWidget *window, const QString &title, const QString &name)
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DownloadLocation);
    auto *dialog = new QFileDialog(window, title, QDir(folder).filePath(name));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setFileMode(QFileDialog::AnyFile);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    return dialog;
}

} // namespace

void FileExportActions::saveFile(const image::ExportPlan &plan, int item,
                                 const QString &suggestedName)
{
    QFileDialog *dialog =
        makeDialog(m_window, tr("Save File"), image::safeFileName(suggestedName.toUtf8()));
    connect(dialog, &QFileDialog::fileSelected, this, [this, plan, item](const QString &path) {
        // The dialog asked before replacing an existing file.
        startFile(plan, item, path, QFileInfo(path).exists() || QFileInfo(path).isSymLink());
    });
    dialog->open();
}

void FileExportActions::saveTar(const image::ExportPlan &plan, const QString &suggestedName)
{
    QFileDialog *dialog = makeDialog(m_window, tr("Save Folder as Tar"),
                                     image::safeFileName(suggestedName.toUtf8()) + u".tar");
    dialog->setNameFilters({tr("Tar archives (*.tar)"), tr("All files (*)")});
    dialog->setDefaultSuffix(QStringLiteral("tar"));
    connect(dialog, &QFileDialog::fileSelected, this, [this, plan](const QString &path) {
        startTar(plan, path, QFileInfo(path).exists() || QFileInfo(path).isSymLink());
    });
    dialog->open();
}

image::ExportJob *FileExportActions::startFile(const image::ExportPlan &plan, int item,
                                               const QString &path, bool replace)
{
    const QFileInfo info(path);
    auto *job = image::ExportJob::file(plan, item, m_locate, info.absolutePath(), info.fileName(),
                                       replace, this);
    track(job, info.fileName());
    return job;
}

image::ExportJob *FileExportActions::startTar(const image::ExportPlan &plan, const QString &path,
                                              bool replace)
{
    const QFileInfo info(path);
    auto *job =
        image::ExportJob::tar(plan, m_locate, info.absolutePath(), info.fileName(), replace, this);
    track(job, info.fileName());
    return job;
}

void FileExportActions::track(image::ExportJob *job, const QString &what)
{
    if (m_job)
        m_job->cancel();
    m_job = job;
    delete m_progress;
    if (m_window && job->totalBytes() > 4 * 1024 * 1024) {
        m_progress =
            new QProgressDialog(tr("Saving %1…").arg(what), tr("Cancel"), 0, 1000, m_window);
        m_progress->setAttribute(Qt::WA_DeleteOnClose);
        m_progress->setMinimumDuration(300);
        m_progress->setWindowModality(Qt::NonModal);
        connect(m_progress, &QProgressDialog::canceled, job, [this, job] {
            job->cancel();
            job->deleteLater();
            Q_EMIT statusMessage(tr("Saving was cancelled; nothing was written."));
        });
    }
    connect(job, &image::ExportJob::progress, this, [this](qint64 done, qint64 total) {
        if (m_progress && total > 0)
            m_progress->setValue(int(done * 1000 / total));
    });
    connect(job, &image::ExportJob::finished, this, [this, job] {
        if (m_progress)
            m_progress->close();
        if (job->succeeded()) {
            const image::ExportResult &result = job->result();
            const int left = int(result.skipped.size());
            QString text = tr("Saved %1 (%2).")
                               .arg(QDir::toNativeSeparators(result.path),
                                    QLocale().formattedDataSize(result.bytes));
            if (left > 0)
                text += u' ' + tr("%n unsafe or unreadable entries were left out.", nullptr, left);
            Q_EMIT statusMessage(text);
            Q_EMIT saved(result.path);
        } else {
            Q_EMIT statusMessage(tr("Could not save: %1").arg(job->error().message()));
        }
        job->deleteLater();
    });
}

// See filepreview.cpp: linked only where used.
#include "moc_fileexportactions.cpp"
