// MainWindow's comparisons: Compare on two selected tags (Compare With… on one), File ›
// Compare Images… for any two images (registry references or files), the compare windows.

#include "mainwindow.h"

#include "localimagepage.h"
#include "registrytreemodel.h"
#include "repositorypage.h"

#include "diff/comparewindow.h"
#include "diff/imagepairdialog.h"

#include "image/diff/job/imagediffcache.h"
#include "image/diff/job/imagediffjob.h"

#include <QAction>

void MainWindow::createDiffActions()
{
    m_compareAction = new QAction(tr("Co&mpare"), this);
    m_compareAction->setStatusTip(tr("Compare two images: configs, layers and files."));
    connect(m_compareAction, &QAction::triggered, this, &MainWindow::compareSelectedTags);

    m_compareImagesAction = new QAction(tr("Compare &Images…"), this);
    m_compareImagesAction->setStatusTip(
        tr("Compare any two images: in registries of the list or on disk."));
    connect(m_compareImagesAction, &QAction::triggered, this, [this] {
        QString first;
        if (isLocalImageShown())
            first = m_localImagePage->path();
        else if (isRepositoryShown() && !m_repositoryPage->currentTag().isEmpty())
            first = m_repositoryPage->host() + u'/' + m_repositoryPage->repository() + u':' +
                    m_repositoryPage->currentTag();
        openImagePairDialog(first);
    });

    m_repositoryPage->setTagActions(
        {m_addTagsAction, m_copyTagsAction, m_compareAction, m_deleteTagsAction});
    const auto follow = [this] {
        const QStringList tags = isRepositoryShown() ? m_repositoryPage->selectedTags() : QStringList();
        m_compareAction->setEnabled(tags.size() == 1 || tags.size() == 2);
        m_compareAction->setText(tags.size() == 1 ? tr("Co&mpare With…") : tr("Co&mpare"));
    };
    connect(m_repositoryPage, &RepositoryPage::selectionChanged, this, follow);
    connect(m_repositoryPage, &RepositoryPage::currentTagChanged, this, follow);
    follow();
}

oci::ContentFetcher *MainWindow::fetcherForHost(const QString &host)
{
    const QModelIndex registry = m_model->registryIndex(host);
    oci::RegistryClient *client = registry.isValid() ? m_model->client(registry) : nullptr;
    return client ? fetcherFor(client) : nullptr;
}

void MainWindow::compareSelectedTags()
{
    const QStringList tags = isRepositoryShown() ? m_repositoryPage->selectedTags() : QStringList();
    const QString host = m_repositoryPage->host();
    const QString repository = m_repositoryPage->repository();
    const QString name = host + u'/' + repository + u':';
    if (tags.size() == 1) {
        openImagePairDialog(name + tags.first());
        return;
    }
    oci::ContentFetcher *fetcher = tags.size() == 2 ? fetcherForHost(host) : nullptr;
    if (!fetcher)
        return;
    openCompareWindow(image::DiffImageRef::fromRegistry(fetcher, repository, tags.at(0), name + tags.at(0)),
                      image::DiffImageRef::fromRegistry(fetcher, repository, tags.at(1), name + tags.at(1)));
}

ImagePairDialog *MainWindow::openImagePairDialog(const QString &first)
{
    auto *dialog = new ImagePairDialog([this](const QString &host) { return fetcherForHost(host); }, this);
    dialog->setFirst(first);
    connect(dialog, &ImagePairDialog::compareRequested, this,
            [this, dialog] { openCompareWindow(dialog->first(), dialog->second(), dialog->platform()); });
    dialog->open();
    return dialog;
}

CompareWindow *MainWindow::openCompareWindow(const image::DiffImageRef &a, const image::DiffImageRef &b,
                                             const QString &platform)
{
    if (!m_diffCache)
        m_diffCache = std::make_shared<image::ImageDiffCache>(image::ImageDiffCache::defaultDirectory());
    auto *window = new CompareWindow(m_layerCache, m_diffCache, this);
    window->start(a, b, platform);
    window->show();
    return window;
}
