#pragma once

#include <QString>
#include <QStringList>

#include <optional>

class QMimeData;

// Tag rows dragged out of the tag table: which registry, repository and tags. The MIME data
// carries them as JSON under a Lading-only type (so only Lading's drop targets act on it)
// and as "host/repository:tag" lines of plain text for anything else (a text editor, a
// terminal).
//
//     // the tag table's drag:
//     drag->setMimeData(TagDragPayload::encode(host, repository, selectedTags));
//     // the registry tree's drop:
//     if (const auto payload = TagDragPayload::decode(event->mimeData()))
//         openCopyDialog(*payload, dropHost, dropRepository);
struct TagDragPayload
{
    QString host;       // "host[:port]"
    QString repository; // "team/app"
    QStringList tags;   // at least one, each a valid tag

    // "application/x-lading-tags"
    static QString mimeType();
    // A new QMimeData (the caller, usually QDrag, takes it).
    static QMimeData *encode(const QString &host, const QString &repository,
                             const QStringList &tags);
    // Only Lading's own type, well formed, with a valid repository and valid tags;
    // anything else (plain text included) is nullopt.
    static std::optional<TagDragPayload> decode(const QMimeData *data);
};
