#include "oci/core/digest.h"

#include <QTest>

using oci::Digest;

class TestDigest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
    void knownHashes();
    void streamingMatchesOneShot();
    void unverifiableAlgorithm();
};

void TestDigest::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    const QString hex64 = QString(64, u'a');
    QTest::newRow("sha256") << (u"sha256:" + hex64) << true;
    QTest::newRow("sha512") << (u"sha512:" + QString(128, u'0')) << true;
    QTest::newRow("upper-case hex") << (u"sha256:" + QString(64, u'A')) << false;
    QTest::newRow("63 hex") << (u"sha256:" + QString(63, u'a')) << false;
    QTest::newRow("65 hex") << (u"sha256:" + QString(65, u'a')) << false;
    QTest::newRow("no algorithm") << (u":" + hex64) << false;
    QTest::newRow("no colon") << hex64 << false;
    QTest::newRow("path traversal") << QStringLiteral("sha256:../../etc/passwd") << false;
    QTest::newRow("unknown algorithm, grammar ok") << QStringLiteral("blake3+x:abcDEF=_-") << true;
    QTest::newRow("upper-case algorithm") << (u"SHA256:" + hex64) << false;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("trailing newline") << (u"sha256:" + hex64 + u"\n") << false;
}

void TestDigest::parse()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    const auto digest = Digest::parse(text);
    QCOMPARE(digest.ok(), valid);
    if (valid)
        QCOMPARE(digest->toString(), text);
    else
        QCOMPARE(digest.error().code(), oci::Error::Code::InvalidDigest);
}

void TestDigest::knownHashes()
{
    QCOMPARE(Digest::sha256Of("").toString(),
             QStringLiteral("sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
    QCOMPARE(Digest::sha256Of("{}").toString(),
             QStringLiteral("sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a"));
    QCOMPARE(Digest::sha256Of(QByteArray(1024, '\0')).toString(),
             QStringLiteral("sha256:5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfaf10ace3c6ef"));
}

void TestDigest::streamingMatchesOneShot()
{
    QByteArray data;
    for (int i = 0; i < 100000; ++i)
        data.append(char(i * 7));
    oci::DigestHasher hasher;
    for (qsizetype offset = 0; offset < data.size(); offset += 4093)
        hasher.addData(QByteArrayView(data).sliced(offset, qMin<qsizetype>(4093, data.size() - offset)));
    QCOMPARE(hasher.bytesHashed(), data.size());
    const Digest streamed = hasher.finish();
    QCOMPARE(streamed, Digest::sha256Of(data));
    QVERIFY(streamed.matches(data));
    data[5] = 'x';
    QVERIFY(!streamed.matches(data));
}

void TestDigest::unverifiableAlgorithm()
{
    const auto digest = Digest::parse(u"blake3:abc");
    QVERIFY(digest.ok());
    QVERIFY(!digest->isVerifiable());
    QVERIFY(!digest->matches("anything"));
}

QTEST_GUILESS_MAIN(TestDigest)
#include "tst_digest.moc"
