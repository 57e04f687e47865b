// BlobPipe: the bounded buffer between a blob's download and its upload — the withheld last
// byte, the pressure signals that pause and resume the download, no replay once read, a
// failure reaching the reader, and the job-wide meter.

#include "ops/copy/blobpipe.h"

#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

QByteArray pattern(qsizetype size, char seed)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i)
        bytes[i] = char(seed + i * 7);
    return bytes;
}

QByteArray readAllFrom(QIODevice *device, qint64 *lastResult = nullptr)
{
    QByteArray out;
    char buffer[1000];
    for (;;) {
        const qint64 n = device->read(buffer, sizeof buffer);
        if (lastResult)
            *lastResult = n;
        if (n <= 0)
            return out;
        out.append(buffer, n);
    }
}

} // namespace

class TestBlobPipe final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void lastByteWaitsForFinish()
    {
        const QByteArray blob = pattern(5000, 'a');
        ops::BlobPipe pipe(blob.size(), 1 << 20, nullptr);
        std::unique_ptr<QIODevice> reader(pipe.openReader());
        QVERIFY(reader);
        QSignalSpy readyRead(reader.get(), &QIODevice::readyRead);
        QCOMPARE(pipe.write(blob.first(3000)), 3000);
        QCOMPARE(readyRead.size(), 1);
        qint64 last = 0;
        QByteArray got = readAllFrom(reader.get(), &last);
        QCOMPARE(got, blob.first(3000));
        QCOMPARE(last, 0); // more to come, not the end
        QCOMPARE(pipe.write(blob.sliced(3000)), 2000);
        got += readAllFrom(reader.get(), &last);
        QCOMPARE(got.size(), blob.size() - 1); // the digest is not known good yet
        QCOMPARE(last, 0);
        QVERIFY(!reader->atEnd());
        pipe.finish();
        QVERIFY(readyRead.size() >= 3);
        QCOMPARE(reader->bytesAvailable(), 1);
        got += readAllFrom(reader.get(), &last);
        QCOMPARE(got, blob);
        QCOMPARE(last, -1);
        QVERIFY(reader->atEnd());
        QCOMPARE(pipe.delivered(), blob.size());
        QCOMPARE(pipe.buffered(), 0);
    }

    void pressurePausesAndResumes()
    {
        const qint64 high = 4096;
        ops::BlobPipe pipe(100000, high, nullptr);
        QSignalSpy pressure(&pipe, &ops::BlobPipe::pressureChanged);
        std::unique_ptr<QIODevice> reader(pipe.openReader());
        QCOMPARE(pipe.write(pattern(3000, 'x')), 3000);
        QCOMPARE(pressure.size(), 0);
        QCOMPARE(pipe.write(pattern(3000, 'y')), 3000); // 6000 >= 4096
        QCOMPARE(pressure.size(), 1);
        QCOMPARE(pressure.at(0).at(0).toBool(), true);
        QVERIFY(pipe.isFull());
        QCOMPARE(pipe.write(pattern(1000, 'z')), 1000); // a read already under way still lands
        QCOMPARE(pressure.size(), 1);
        char buffer[4000];
        QCOMPARE(reader->read(buffer, 4000), 4000); // 3000 left: above a quarter
        QCOMPARE(pressure.size(), 1);
        QCOMPARE(reader->read(buffer, 2000), 2000); // 1000 left: <= 1024
        QCOMPARE(pressure.size(), 2);
        QCOMPARE(pressure.at(1).at(0).toBool(), false);
        QVERIFY(!pipe.isFull());
        QCOMPARE(pipe.pauses(), 1);
        QCOMPARE(pipe.peakBuffered(), 7000);
    }

    void noReplayOnceRead()
    {
        ops::BlobPipe pipe(100, 1 << 20, nullptr);
        QCOMPARE(pipe.write(pattern(50, 'q')), 50);
        std::unique_ptr<QIODevice> first(pipe.openReader());
        first.reset(); // an attempt that read nothing (a 401 before the body): a fresh one is fine
        std::unique_ptr<QIODevice> second(pipe.openReader());
        QVERIFY(second);
        char buffer[10];
        QCOMPARE(second->read(buffer, 10), 10);
        QCOMPARE(pipe.openReader(), nullptr);
    }

    void failureEndsTheReader()
    {
        ops::BlobPipe pipe(100, 1 << 20, nullptr);
        std::unique_ptr<QIODevice> reader(pipe.openReader());
        QSignalSpy readyRead(reader.get(), &QIODevice::readyRead);
        QCOMPARE(pipe.write(pattern(40, 'f')), 40);
        pipe.fail(u"the source went away"_s);
        QCOMPARE(readyRead.size(), 2); // told at once, not at the upload's timeout
        char buffer[10];
        QCOMPARE(reader->read(buffer, 10), -1);
        QVERIFY(reader->errorString().contains(u"the source went away"_s));
        QCOMPARE(pipe.buffered(), 0);
        QCOMPARE(pipe.write(pattern(10, 'g')), -1);
    }

    void refusesMoreThanTheBlob()
    {
        ops::BlobPipe pipe(10, 1 << 20, nullptr);
        QCOMPARE(pipe.write(pattern(8, 'm')), 8);
        QCOMPARE(pipe.write(pattern(3, 'n')), -1);
        QVERIFY(pipe.errorString().contains(u"10"_s));
    }

    void meterSumsThePipes()
    {
        auto meter = std::make_shared<ops::BufferMeter>();
        {
            ops::BlobPipe a(1000, 1 << 20, meter);
            ops::BlobPipe b(1000, 1 << 20, meter);
            std::unique_ptr<QIODevice> reader(a.openReader());
            QCOMPARE(a.write(pattern(600, 'a')), 600);
            QCOMPARE(b.write(pattern(300, 'b')), 300);
            QCOMPARE(meter->current, 900);
            char buffer[500];
            QCOMPARE(reader->read(buffer, 500), 500);
            QCOMPARE(meter->current, 400);
            QCOMPARE(meter->peak, 900);
        }
        QCOMPARE(meter->current, 0); // what a pipe held goes with it
        QCOMPARE(meter->peak, 900);
    }
};

QTEST_GUILESS_MAIN(TestBlobPipe)
#include "tst_blobpipe.moc"
