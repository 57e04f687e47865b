#include "filepreview.h"
#include "oci/core/futurecontinuation.h"

#include "filecontentview.h"
#include "fileexportactions.h"

#include "image/export/exportpaths.h"
#include "image/export/exportplan.h"
#include "image/export/outputfile.h"
#include "image/export/resolvelink.h"
#include "image/fs/mergedfilesystem.h"
#include "image/layer/layerindex.h"
#include "image/layer/pathclean.h"
#include "image/reader/layercache.h"

#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMimeData>
#include <QPushButton>
#include <QStyle>
#include <QTemporaryDir>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>

// What the preview shows: a merged node or a layer entry, and where its bytes are.
struct FilePreview::Target
{
    std::optional<image::MergedFilesystem> fs;
    int node = -1;
    std::optional<image::LayerIndex> layer;
    int entry = -1;

    QByteArray path;        // raw, for the name and syntax
    QByteArray contentName; // whose name tells the syntax (a symlink's target)
    QString displayPath;
    image::EntryType type = image::EntryType::Directory;
    const image::LayerEntry *meta = nullptr; // the entry that wrote it (nullptr: implied)
    QString owner;
    QString linkTarget;
    int layerNumber = -1; // merged: the layer that last wrote it
    // The bytes (regular files, resolved hardlinks and symlinks): blob and ordinal.
    oci::Digest contentDigest;
    quint32 ordinal = 0;
    qint64 size = 0;
    bool hasContent = false;
    QString note; // what it is, for things without bytes
};

namespace {

QString modeString(image::EntryType type, quint32 mode)
{
    QString s(10, u'-');
    s[0] = QLatin1Char(image::entryTypeLetter(type));
    if (s[0] == u'h' || s[0] == u'w' || s[0] == u'o')
        s[0] = u'-';
    const char *rwx = "rwxrwxrwx";
    for (int i = 0; i < 9; ++i) {
        if (mode & (0400u >> i))
            s[i + 1] = QLatin1Char(rwx[i]);
    }
    if (mode & 04000)
        s[3] = (mode & 0100) ? u's' : u'S';
    if (mode & 02000)
        s[6] = (mode & 0010) ? u's' : u'S';
    if (mode & 01000)
        s[9] = (mode & 0001) ? u't' : u'T';
    return s;
}

QString typeName(image::EntryType type)
{
    switch (type) {
    case image::EntryType::Regular:
        return FilePreview::tr("File");
    case image::EntryType::Directory:
        return FilePreview::tr("Folder");
    case image::EntryType::Symlink:
        return FilePreview::tr("Symbolic link");
    case image::EntryType::Hardlink:
        return FilePreview::tr("Hard link");
    case image::EntryType::CharDevice:
        return FilePreview::tr("Character device");
    case image::EntryType::BlockDevice:
        return FilePreview::tr("Block device");
    case image::EntryType::Fifo:
        return FilePreview::tr("Named pipe");
    case image::EntryType::Whiteout:
        return FilePreview::tr("Whiteout");
    case image::EntryType::Opaque:
        return FilePreview::tr("Opaque folder marker");
    }
    return {};
}

QString ownerOf(const image::LayerIndex &index, const image::LayerEntry &e)
{
    const QString user = index.userName(e);
    const QString group = index.groupName(e);
    return (user.isEmpty() ? QString::number(e.uid) : user) + u':' +
           (group.isEmpty() ? QString::number(e.gid) : group);
}

} // namespace

FilePreview::FilePreview(QWidget *parent)
    : QWidget(parent)
    , m_icon(new QLabel(this))
    , m_title(new QLabel(this))
    , m_details(new QLabel(this))
    , m_progress(new QLabel(this))
    , m_hexButton(new QToolButton(this))
    , m_loadMore(new QPushButton(tr("Load More"), this))
    , m_save(new QPushButton(tr("Save…"), this))
    , m_content(new FileContentView(this))
    , m_actions(new FileExportActions(this))
{
    m_title->setTextFormat(Qt::PlainText);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_title->setObjectName(QStringLiteral("previewTitle"));
    m_details->setTextFormat(Qt::PlainText);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setForegroundRole(QPalette::PlaceholderText);
    m_details->setObjectName(QStringLiteral("previewDetails"));
    m_details->setWordWrap(true);
    m_progress->setForegroundRole(QPalette::PlaceholderText);
    m_hexButton->setText(tr("Hex"));
    m_hexButton->setCheckable(true);
    m_hexButton->setToolTip(tr("Show the bytes as a hex dump"));
    m_loadMore->setToolTip(tr("Read the next 2 MiB of the file"));
    m_save->setToolTip(tr("Save the file, or the folder as a tar, to disk"));

    auto *titleBox = new QVBoxLayout;
    titleBox->setSpacing(0);
    titleBox->addWidget(m_title);
    titleBox->addWidget(m_details);
    auto *header = new QHBoxLayout;
    header->setContentsMargins(6, 4, 6, 4);
    header->addWidget(m_icon, 0, Qt::AlignTop);
    header->addLayout(titleBox, 1);
    header->addWidget(m_progress);
    header->addWidget(m_hexButton);
    header->addWidget(m_loadMore);
    header->addWidget(m_save);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(header);
    layout->addWidget(m_content, 1);

    connect(m_hexButton, &QToolButton::toggled, m_content, &FileContentView::setHexMode);
    connect(m_loadMore, &QPushButton::clicked, this, &FilePreview::loadMore);
    connect(m_save, &QPushButton::clicked, this, &FilePreview::saveCurrent);
    connect(m_actions, &FileExportActions::statusMessage, this, &FilePreview::statusMessage);
    clear();
}

FilePreview::~FilePreview() = default;

void FilePreview::setLayerCache(image::LayerCache *cache)
{
    m_cache = cache;
    m_actions->setBlobLocator(image::blobStoreLocator(cache ? cache->blobStore() : nullptr));
}

void FilePreview::clear()
{
    ++m_generation;
    m_target.reset();
    m_loading = false;
    m_content->showMessage(tr("No file selected"),
                           tr("Select a file in the tree to see what is in it."));
    updateHeader();
}

bool FilePreview::showsMergedNode(int node) const
{
    return m_target && m_target->fs && m_target->node == node;
}

bool FilePreview::showsLayerEntry(const image::LayerIndex &layer, int entry) const
{
    return m_target && m_target->layer && m_target->entry == entry &&
           m_target->layer->digest() == layer.digest();
}

void FilePreview::showMergedNode(const image::MergedFilesystem &fs, int node)
{
    if (node < 0 || node >= fs.size()) {
        clear();
        return;
    }
    auto t = std::make_unique<Target>();
    t->fs = fs;
    t->node = node;
    t->path = fs.path(node).toByteArray();
    t->displayPath = u'/' + fs.displayPath(node);
    t->type = fs.type(node);
    t->meta = fs.entry(node);
    const image::MergedNode &m = fs.node(node);
    t->layerNumber = m.layer;
    if (t->meta)
        t->owner = ownerOf(fs.layer(m.layer), *t->meta);
    if (t->meta && (t->type == image::EntryType::Symlink || t->type == image::EntryType::Hardlink))
        t->linkTarget = image::displayPath(fs.layer(m.layer).linkTarget(*t->meta));

    int contentNode = node;
    if (t->type == image::EntryType::Symlink) {
        contentNode = image::resolveSymlink(fs, node);
        if (contentNode < 0)
            t->note =
                tr("A symbolic link to %1, which does not exist in this image.").arg(t->linkTarget);
        else if (fs.type(contentNode) == image::EntryType::Directory)
            t->note =
                tr("A symbolic link to the folder %1.").arg(u'/' + fs.displayPath(contentNode));
    }
    if (contentNode >= 0) {
        const image::MergedNode &c = fs.node(contentNode);
        if (c.contentLayer >= 0 && c.contentEntry >= 0) {
            const image::LayerIndex &layer = fs.layer(c.contentLayer);
            t->contentName = fs.path(contentNode).toByteArray();
            t->contentDigest = layer.digest();
            t->ordinal = layer.at(c.contentEntry).ordinal;
            t->size = layer.at(c.contentEntry).size;
            t->hasContent = true;
        } else if (fs.node(contentNode).flags & image::BrokenHardlink) {
            t->note =
                tr("A hard link to %1, which is missing from the layers below.").arg(t->linkTarget);
        }
    }
    showTarget(std::move(t));
}

void FilePreview::showLayerEntry(const image::LayerIndex &layer, int entry)
{
    if (entry < 0 || entry >= layer.size()) {
        clear();
        return;
    }
    auto t = std::make_unique<Target>();
    t->layer = layer;
    t->entry = entry;
    const image::LayerEntry &e = layer.at(entry);
    t->path = layer.path(entry).toByteArray();
    t->displayPath = u'/' + layer.displayPath(entry);
    t->type = e.type;
    t->meta = &t->layer->at(entry);
    t->owner = ownerOf(layer, e);
    t->linkTarget = layer.displayLinkTarget(entry);
    if (e.type == image::EntryType::Regular) {
        t->contentDigest = layer.digest();
        t->ordinal = e.ordinal;
        t->size = e.size;
        t->hasContent = true;
    } else if (e.type == image::EntryType::Hardlink) {
        const int target = e.has(image::UnsafeLink) ? -1 : layer.find(layer.linkTarget(e));
        if (target >= 0 && layer.at(target).type == image::EntryType::Regular) {
            t->contentDigest = layer.digest();
            t->ordinal = layer.at(target).ordinal;
            t->size = layer.at(target).size;
            t->hasContent = true;
        } else {
            t->note = tr("A hard link to /%1; its bytes are in a lower layer (see the merged "
                         "view).")
                          .arg(t->linkTarget);
        }
    }
    if (e.has(image::UnsafePath))
        t->note = tr("This entry's name leaves the image root or holds a NUL byte. It is "
                     "shown escaped and never applied or saved.");
    showTarget(std::move(t));
}

void FilePreview::showTarget(std::unique_ptr<Target> target)
{
    ++m_generation;
    m_loading = false;
    m_target = std::move(target);
    if (m_target->contentName.isEmpty())
        m_target->contentName = m_target->path;
    m_dragDir.reset();
    const Target &t = *m_target;
    if (!t.hasContent || !t.note.isEmpty()) {
        QString text = t.note;
        if (text.isEmpty()) {
            switch (t.type) {
            case image::EntryType::Directory:
                text = tr("A folder. “Save as Tar…” writes it and everything below it into one "
                          "tar file.");
                break;
            case image::EntryType::Symlink:
                text = tr("A symbolic link to %1.").arg(t.linkTarget);
                break;
            case image::EntryType::CharDevice:
            case image::EntryType::BlockDevice:
                text = tr("Device %1, %2: it has no content in the image.")
                           .arg(t.meta ? t.meta->devMajor : 0)
                           .arg(t.meta ? t.meta->devMinor : 0);
                break;
            case image::EntryType::Fifo:
                text = tr("A named pipe: it has no content in the image.");
                break;
            case image::EntryType::Whiteout:
                text = tr("This layer deletes %1 from the layers below.").arg(t.displayPath);
                break;
            case image::EntryType::Opaque:
                text = tr("This layer hides everything the layers below put in %1.")
                           .arg(t.displayPath);
                break;
            default:
                break;
            }
        }
        m_content->showMessage(typeName(t.type), text);
        updateHeader();
        return;
    }
    if (t.size == 0) {
        m_content->setContent(t.contentName, {}, 0);
        updateHeader();
        return;
    }
    m_content->showMessage(tr("Loading…"), QString());
    request(0, ChunkBytes);
    updateHeader();
}

void FilePreview::request(qint64 offset, qint64 maxBytes)
{
    if (!m_target || !m_target->hasContent)
        return;
    if (!m_cache) {
        m_content->showMessage(tr("Cannot read the file"), tr("The layer cache is not available."));
        return;
    }
    m_loading = true;
    const quint64 generation = m_generation;
    oci::whenFinished(
        this, m_cache->readFile(m_target->contentDigest, m_target->ordinal, offset, maxBytes),
        [this, generation, offset](oci::Result<image::FileSlice> slice) {
            if (generation != m_generation || !m_target)
                return; // another file is shown by now
            m_loading = false;
            if (!slice) {
                if (offset == 0)
                    m_content->showMessage(tr("Cannot read the file"), slice.error().message());
                Q_EMIT statusMessage(
                    tr("Cannot read %1: %2").arg(m_target->displayPath, slice.error().message()));
            } else if (offset == 0) {
                m_content->setContent(m_target->contentName, slice->bytes, slice->fileSize);
                m_hexButton->setChecked(false);
                // A picture needs all its bytes; read the rest at once when it is not huge.
                if (m_content->kind() == FileKind::Binary && !slice->atEnd() &&
                    !imageFormat(m_target->contentName, slice->bytes).isEmpty() &&
                    slice->fileSize <= ImageBytes)
                    request(slice->bytes.size(), slice->fileSize - slice->bytes.size());
            } else {
                const bool wasBinary = m_content->kind() == FileKind::Binary;
                m_content->appendContent(slice->bytes);
                if (wasBinary && slice->atEnd() &&
                    !imageFormat(m_target->contentName, m_content->bytes()).isEmpty())
                    m_content->setContent(m_target->contentName, m_content->bytes(),
                                          slice->fileSize);
            }
            updateHeader();
            Q_EMIT loaded();
        });
    updateHeader();
}

bool FilePreview::canLoadMore() const
{
    return m_target && m_target->hasContent && m_content->hasContent() &&
           !m_content->isComplete() && !m_loading;
}

void FilePreview::loadMore()
{
    if (canLoadMore())
        request(m_content->bytes().size(), ChunkBytes);
}

QString FilePreview::describeEntry() const
{
    const Target &t = *m_target;
    QStringList parts{typeName(t.type)};
    if (t.hasContent)
        parts << QLocale().formattedDataSize(t.size);
    if (t.meta)
        parts << modeString(t.type, t.meta->mode) << t.owner;
    if (!t.linkTarget.isEmpty())
        parts << u"→ " + t.linkTarget;
    if (t.layerNumber >= 0)
        parts << tr("layer %1").arg(t.layerNumber + 1);
    if (m_content->hasContent() && m_content->kind() == FileKind::Text)
        parts << fileSyntaxName(m_content->syntax());
    if (m_content->hasContent() && m_content->kind() == FileKind::Image)
        parts << m_content->imageLabel()->toolTip(); // "24 × 16 pixels, PNG"
    return parts.join(QStringLiteral(" · "));
}

void FilePreview::updateHeader()
{
    const bool shown = m_target != nullptr;
    m_title->setText(shown ? m_target->displayPath : tr("No file selected"));
    m_details->setText(shown ? describeEntry() : QString());
    QStyle::StandardPixmap icon = QStyle::SP_FileIcon;
    if (shown && m_target->type == image::EntryType::Directory)
        icon = QStyle::SP_DirIcon;
    else if (shown && m_target->type == image::EntryType::Symlink)
        icon = QStyle::SP_FileLinkIcon;
    const int size = style()->pixelMetric(QStyle::PM_LargeIconSize);
    m_icon->setPixmap(style()->standardIcon(icon).pixmap(size, size));

    const bool hasBytes = shown && m_content->hasContent() && m_content->fileSize() > 0;
    if (m_loading)
        m_progress->setText(tr("Loading…"));
    else if (hasBytes && !m_content->isComplete())
        m_progress->setText(tr("%1 of %2")
                                .arg(QLocale().formattedDataSize(m_content->bytes().size()),
                                     QLocale().formattedDataSize(m_content->fileSize())));
    else
        m_progress->clear();
    m_hexButton->setVisible(hasBytes && m_content->kind() != FileKind::Binary);
    m_loadMore->setVisible(hasBytes && !m_content->isComplete());
    m_loadMore->setEnabled(canLoadMore());
    const bool saveable =
        shown && (m_target->hasContent || (m_target->type == image::EntryType::Directory &&
                                           (m_target->fs || m_target->layer)));
    m_save->setEnabled(saveable && m_cache);
    m_save->setText(shown && m_target->type == image::EntryType::Directory ? tr("Save as Tar…")
                                                                           : tr("Save…"));
}

void FilePreview::saveCurrent()
{
    if (!m_target)
        return;
    const Target &t = *m_target;
    const QString name = image::safeFileName(t.path);
    if (t.type == image::EntryType::Directory) {
        const image::ExportPlan plan = t.fs ? image::planMergedExport(*t.fs, t.node)
                                            : image::planLayerExport(*t.layer, t.entry);
        m_actions->saveTar(plan, t.path.isEmpty() ? QStringLiteral("rootfs") : name);
        return;
    }
    if (!t.hasContent)
        return;
    // One regular item holding the bytes shown (a symlink's or hardlink's resolved target).
    image::ExportPlan plan;
    plan.layers = {t.contentDigest};
    image::ExportItem item;
    item.path = t.path;
    item.type = image::EntryType::Regular;
    item.mode = t.meta ? t.meta->mode : 0644;
    item.layer = 0;
    item.ordinal = t.ordinal;
    item.size = t.size;
    plan.items = {item};
    plan.totalBytes = t.size;
    m_actions->saveFile(plan, 0, name);
}

QMimeData *FilePreview::createDragData()
{
    if (!m_target || !m_target->hasContent || !m_content->hasContent() ||
        !m_content->isComplete() || m_content->bytes().size() > ChunkBytes)
        return nullptr;
    if (!m_dragDir) {
        m_dragDir = std::make_unique<QTemporaryDir>();
        if (!m_dragDir->isValid()) {
            m_dragDir.reset();
            return nullptr;
        }
    }
    const QString name = image::safeFileName(m_target->path);
    auto out = image::OutputFile::create(m_dragDir->path(), name, true);
    if (!out || !out.value()->write(m_content->bytes()) ||
        !out.value()->commit(m_target->meta && (m_target->meta->mode & 0111)))
        return nullptr;
    auto *data = new QMimeData;
    data->setUrls({QUrl::fromLocalFile(m_dragDir->filePath(name))});
    data->setText(m_target->displayPath);
    return data;
}

// Compiled here rather than in lading_ui's mocs_compilation, so the window links this file
// (and lading_image's layer cache behind it) only where a FilePreview is used.
#include "moc_filepreview.cpp"
