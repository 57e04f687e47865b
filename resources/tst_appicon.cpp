#include "ladingresources.h"

#include <QFile>
#include <QIcon>
#include <QImage>
#include <QPainter>
#include <QSvgRenderer>
#include <QTest>

// The embedded icon exists, is an SVG Qt can draw, and QIcon finds an engine for it.
class TestAppIcon final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void embedded();
    void renders();
    void iconEngine();
};

void TestAppIcon::embedded()
{
    QFile file(LadingResources::appIconPath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().contains("<svg"));
}

void TestAppIcon::renders()
{
    QSvgRenderer renderer(LadingResources::appIconPath());
    QVERIFY(renderer.isValid());
    QCOMPARE(renderer.defaultSize(), QSize(128, 128));
    QImage image(64, 64, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    renderer.render(&painter);
    painter.end();
    // The corners stay transparent (rounded sheet); the middle is painted.
    QCOMPARE(qAlpha(image.pixel(0, 0)), 0);
    QCOMPARE(qAlpha(image.pixel(32, 32)), 255);
}

void TestAppIcon::iconEngine()
{
    const QIcon icon(LadingResources::appIconPath());
    QVERIFY(!icon.isNull());
    QVERIFY(!icon.pixmap(QSize(48, 48)).isNull());
}

QTEST_MAIN(TestAppIcon)
#include "tst_appicon.moc"
