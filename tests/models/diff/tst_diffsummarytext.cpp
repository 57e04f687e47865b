// DiffSummaryText: an image::ImageSummary written in words, for summaries filled in the
// test — different images (with and without the files compared), the same image, the same
// content under another digest. (The English plural forms come from lading_en.qm, which
// tests do not load: "file(s)".)

#include "diff/diffcells.h"
#include "diff/diffsummarytext.h"
#include "tagtabletext.h"

#include "image/diff/config/imagesummary.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 MiB = 1024 * 1024;

oci::Digest digest(const char *name)
{
    return oci::Digest::sha256Of(QByteArray(name));
}

image::ImageSummary different()
{
    image::ImageSummary s;
    s.digestA = digest("a");
    s.digestB = digest("b");
    s.platformA = s.platformB = u"linux/amd64"_s;
    s.createdA = QDateTime(QDate(2024, 3, 1), QTime(14, 5), Qt::LocalTime);
    s.createdB = QDateTime(QDate(2024, 4, 2), QTime(9, 12), Qt::LocalTime);
    s.layerCountA = 12;
    s.layerCountB = 12;
    s.sharedLayers = 9;
    s.compressedSizeA = 40 * MiB;
    s.compressedSizeB = 44 * MiB + 205 * 1024; // +4.2 MiB
    s.uncompressedSizeA = 120 * MiB;
    s.uncompressedSizeB = 130 * MiB;
    s.configKeysChanged = 4;
    s.filesAdded = 17;
    s.filesRemoved = 3;
    s.filesChanged = 25;
    return s;
}

} // namespace

class TestDiffSummaryText final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void differentImages()
    {
        const image::ImageSummary s = different();
        QCOMPARE(DiffCells::delta(s.compressedDelta()), u"+4.2 MiB"_s);
        QCOMPARE(DiffSummaryText::headline(s),
                 u"Different images: 3 of 12 layers differ, +4.2 MiB compressed; 17 file(s) added, "
                 "3 removed, 25 changed; 4 config key(s) changed"_s);
        QCOMPARE(DiffSummaryText::details(s),
                 (QStringList{u"Digests: %1 \u2192 %2"_s.arg(s.digestA.shortString(), s.digestB.shortString()),
                              u"Compressed: 40.0 MiB \u2192 44.2 MiB (+4.2 MiB)"_s,
                              u"Unpacked: 120.0 MiB \u2192 130.0 MiB (+10.0 MiB)"_s,
                              u"Layers: 12 \u2192 12, 9 shared"_s,
                              u"Files: 17 added, 3 removed, 25 changed"_s,
                              u"Config keys changed: 4"_s,
                              u"Platform: linux/amd64"_s,
                              u"Created: 2024-03-01 14:05 \u2192 2024-04-02 09:12"_s}));
    }

    void partsLeftOutOrWordedWhenThereIsNothing()
    {
        image::ImageSummary s = different();
        s.filesAdded = s.filesRemoved = s.filesChanged = -1; // not compared yet
        s.uncompressedSizeB.reset();
        s.compressedSizeB = s.compressedSizeA - 512;
        s.layerCountB = 10;
        s.sharedLayers = 10;
        s.configKeysChanged = 0;
        s.platformB = u"linux/arm64/v8"_s;
        s.createdB = QDateTime();
        QCOMPARE(DiffSummaryText::layersText(s), u"2 of 12 layers differ"_s);
        QCOMPARE(DiffSummaryText::filesText(s), QString());
        // Sizes under 1 KiB are counted bytes (TagTableText::size), in the plural forms loaded.
        QCOMPARE(DiffSummaryText::headline(s),
                 QString(u"Different images: 2 of 12 layers differ, \u2212" + TagTableText::size(512) +
                         u" compressed; no config key changed"));
        const QStringList details = DiffSummaryText::details(s);
        QCOMPARE(details.size(), 6); // no unpacked line, no files line
        QVERIFY(!details.join(u'\n').contains(u"Unpacked"_s));
        QVERIFY(!details.join(u'\n').contains(u"Files"_s));
        QCOMPARE(details.at(4), u"Platform: linux/amd64 \u2192 linux/arm64/v8"_s);
        QCOMPARE(details.at(5), u"Created: 2024-03-01 14:05 \u2192 unknown"_s);

        // Only the config differs: every layer shared, no file differs.
        s = different();
        s.sharedLayers = 12;
        s.compressedSizeB = s.compressedSizeA;
        s.filesAdded = s.filesRemoved = s.filesChanged = 0;
        s.configKeysChanged = 1;
        QCOMPARE(DiffSummaryText::headline(s),
                 u"Different images: 12 layer(s), all shared; no file differs; 1 config key(s) changed"_s);
    }

    void theSameImage()
    {
        image::ImageSummary s = different();
        s.digestB = s.digestA;
        s.sameDigest = true;
        QCOMPARE(DiffSummaryText::headline(s), u"The same image (digest %1)"_s.arg(s.digestA.shortString()));
        QVERIFY(DiffSummaryText::headline(s).startsWith(u"The same image (digest sha256:"_s));
        QCOMPARE(DiffSummaryText::details(s).constFirst(), u"Digest: %1"_s.arg(s.digestA.toString()));
    }

    void theSameContentUnderAnotherDigest()
    {
        // A pushed copy: layers recompressed (shared by diff ID), same config, no file differs.
        image::ImageSummary s = different();
        s.sameConfig = true;
        s.sharedLayers = 12;
        s.configKeysChanged = 0;
        s.filesAdded = s.filesRemoved = s.filesChanged = 0;
        QVERIFY(s.noDifferences());
        QCOMPARE(DiffSummaryText::headline(s),
                 u"No differences in content: the same layers, files and settings (digests %1 and %2)"_s
                     .arg(s.digestA.shortString(), s.digestB.shortString()));
    }
};

QTEST_MAIN(TestDiffSummaryText)
#include "tst_diffsummarytext.moc"
