// TagDragPayload: what the tag table's drag carries comes back whole from the drop, and a
// drop of anything else (plain text, other applications' data, damaged or hostile JSON, bad
// names) is refused.

#include "ops/transfer/tagdragpayload.h"

#include <QMimeData>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

class TestTagDragPayload final : public QObject
{
    Q_OBJECT

    static std::unique_ptr<QMimeData> withJson(const QByteArray &json)
    {
        auto data = std::make_unique<QMimeData>();
        data->setData(TagDragPayload::mimeType(), json);
        return data;
    }

private Q_SLOTS:
    void roundTrip()
    {
        const QStringList tags{u"1.0"_s, u"latest"_s, u"v2_rc-1"_s};
        const std::unique_ptr<QMimeData> data(
            TagDragPayload::encode(u"localhost:5000"_s, u"team/app"_s, tags));
        QVERIFY(data->hasFormat(u"application/x-lading-tags"_s));
        QCOMPARE(data->text(), QString(u"localhost:5000/team/app:1.0\n"
                                       u"localhost:5000/team/app:latest\n"
                                       u"localhost:5000/team/app:v2_rc-1"_s));
        const auto payload = TagDragPayload::decode(data.get());
        QVERIFY(payload);
        QCOMPARE(payload->host, u"localhost:5000"_s);
        QCOMPARE(payload->repository, u"team/app"_s);
        QCOMPARE(payload->tags, tags);
    }

    void foreignDataIsRefused()
    {
        QVERIFY(!TagDragPayload::decode(nullptr));
        // Only the plain-text lines (another application's drag of the same words).
        QMimeData text;
        text.setText(u"localhost:5000/team/app:1.0"_s);
        QVERIFY(!TagDragPayload::decode(&text));
        QMimeData urls;
        urls.setUrls({QUrl::fromLocalFile(u"/tmp/image.tar"_s)});
        QVERIFY(!TagDragPayload::decode(&urls));
    }

    void garbageIsRefused_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("not json") << QByteArray("\x01\x02garbage{");
        QTest::newRow("array") << QByteArray(R"(["team/app"])");
        QTest::newRow("no version")
            << QByteArray(R"({"host":"h:5000","repository":"team/app","tags":["1.0"]})");
        QTest::newRow("other version") << QByteArray(
            R"({"version":2,"host":"h:5000","repository":"team/app","tags":["1.0"]})");
        QTest::newRow("no host") << QByteArray(
            R"({"version":1,"repository":"team/app","tags":["1.0"]})");
        QTest::newRow("bad host") << QByteArray(
            R"({"version":1,"host":"a b","repository":"team/app","tags":["1.0"]})");
        QTest::newRow("bad repository") << QByteArray(
            R"({"version":1,"host":"h:5000","repository":"Team/App","tags":["1.0"]})");
        QTest::newRow("no tags") << QByteArray(
            R"({"version":1,"host":"h:5000","repository":"team/app","tags":[]})");
        QTest::newRow("tags not a list")
            << QByteArray(R"({"version":1,"host":"h:5000","repository":"team/app","tags":"1.0"})");
        QTest::newRow("bad tag") << QByteArray(
            R"({"version":1,"host":"h:5000","repository":"team/app","tags":["-x"]})");
        QTest::newRow("tag not text")
            << QByteArray(R"({"version":1,"host":"h:5000","repository":"team/app","tags":[1]})");
        QTest::newRow("tag twice") << QByteArray(
            R"({"version":1,"host":"h:5000","repository":"team/app","tags":["a","a"]})");
    }

    void garbageIsRefused()
    {
        QFETCH(QByteArray, json);
        const auto data = withJson(json);
        QVERIFY(!TagDragPayload::decode(data.get()));
    }

    void wellFormedHandWrittenIsAccepted()
    {
        // The same shape written by hand (another Lading window) is read.
        const auto data = withJson(
            R"({"version":1,"host":"registry.example.com","repository":"a/b/c","tags":["x"]})");
        const auto payload = TagDragPayload::decode(data.get());
        QVERIFY(payload);
        QCOMPARE(payload->tags, QStringList{u"x"_s});
    }
};

QTEST_GUILESS_MAIN(TestTagDragPayload)
#include "tst_tagdragpayload.moc"
