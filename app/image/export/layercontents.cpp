#include "image/export/layercontents.h"

#include <QCoreApplication>
#include <QFile>

#include <archive.h>
#include <archive_entry.h>

#include <algorithm>
#include <memory>

namespace image {

namespace {

struct Reader
{
    QFile file;
    qint64 remaining = -1;
    QByteArray buffer = QByteArray(1 << 20, Qt::Uninitialized);
};

la_ssize_t readCallback(archive *a, void *data, const void **out)
{
    auto *reader = static_cast<Reader *>(data);
    qint64 want = reader->buffer.size();
    if (reader->remaining >= 0)
        want = std::min(want, reader->remaining);
    if (want == 0)
        return 0;
    const qint64 got = reader->file.read(reader->buffer.data(), want);
    if (got < 0) {
        archive_set_error(a, EIO, "read error");
        return -1;
    }
    if (reader->remaining >= 0)
        reader->remaining -= got;
    *out = reader->buffer.constData();
    return la_ssize_t(got);
}

oci::Error archiveError(archive *a, const BlobLocation &blob)
{
    const char *text = archive_error_string(a);
    return oci::Error(oci::Error::Code::MalformedDocument,
                      QCoreApplication::translate("image::LayerContents",
                                                  "The layer could not be read: %1")
                          .arg(text ? QString::fromLocal8Bit(text) : QStringLiteral("?")))
        .withObject(blob.path);
}

} // namespace

oci::Result<void> streamLayerFiles(const BlobLocation &blob, QList<quint32> ordinals,
                                   const ContentSink &sink, const std::function<bool()> &cancelled)
{
    std::sort(ordinals.begin(), ordinals.end());
    ordinals.erase(std::unique(ordinals.begin(), ordinals.end()), ordinals.end());
    if (ordinals.isEmpty())
        return {};

    Reader reader;
    reader.file.setFileName(blob.path);
    if (!reader.file.open(QIODevice::ReadOnly) ||
        (blob.offset > 0 && !reader.file.seek(blob.offset)))
        return oci::Error(oci::Error::Code::Io,
                          QCoreApplication::translate("image::LayerContents",
                                                      "Cannot open the layer blob: %1")
                              .arg(reader.file.errorString()))
            .withObject(blob.path);
    reader.remaining = blob.length;

    std::unique_ptr<archive, decltype(&archive_read_free)> a(archive_read_new(),
                                                             &archive_read_free);
    archive_read_support_filter_gzip(a.get());
    archive_read_support_filter_zstd(a.get());
    archive_read_support_filter_none(a.get());
    archive_read_support_format_tar(a.get());
    if (archive_read_open(a.get(), &reader, nullptr, &readCallback, nullptr) != ARCHIVE_OK)
        return archiveError(a.get(), blob);

    const auto isCancelled = [&cancelled] {
        return cancelled && cancelled();
    };
    quint32 ordinal = 0;
    qsizetype next = 0; // index into ordinals
    archive_entry *entry = nullptr;
    while (next < ordinals.size()) {
        if (isCancelled())
            return oci::Error(oci::Error::Code::Cancelled, QString());
        const int status = archive_read_next_header(a.get(), &entry);
        if (status == ARCHIVE_EOF)
            break;
        if (status < ARCHIVE_WARN)
            return archiveError(a.get(), blob);
        const quint32 current = ordinal++;
        if (current != ordinals.at(next))
            continue;
        ++next;
        if (auto r = sink.begin(current, archive_entry_size(entry)); !r)
            return r;
        const void *block = nullptr;
        size_t length = 0;
        la_int64_t offset = 0;
        qint64 written = 0;
        for (;;) {
            if (isCancelled())
                return oci::Error(oci::Error::Code::Cancelled, QString());
            const int r = archive_read_data_block(a.get(), &block, &length, &offset);
            if (r == ARCHIVE_EOF)
                break;
            if (r < ARCHIVE_WARN)
                return archiveError(a.get(), blob);
            // Sparse files come with holes: fill them with zeros.
            static const QByteArray zeros(64 * 1024, '\0');
            while (written < offset) {
                const qint64 n = std::min<qint64>(zeros.size(), offset - written);
                if (auto s = sink.data(QByteArrayView(zeros.constData(), n)); !s)
                    return s;
                written += n;
            }
            if (length > 0) {
                if (auto s = sink.data(
                        QByteArrayView(static_cast<const char *>(block), qsizetype(length)));
                    !s)
                    return s;
                written += qint64(length);
            }
        }
        if (auto r = sink.end(); !r)
            return r;
    }
    if (next < ordinals.size())
        return oci::Error(oci::Error::Code::NotFound,
                          QCoreApplication::translate("image::LayerContents",
                                                      "The layer has no entry number %1.")
                              .arg(ordinals.at(next)))
            .withObject(blob.path);
    return {};
}

} // namespace image
