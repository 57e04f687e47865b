// RegistryTreeDelegate: which rows get a badge ("insecure", "HTTP", a tag count), that the
// badge is painted at the row's right end in its colour, and that it widens the size hint.

#include "registrytreedelegate.h"

#include "registrytreeroles.h"
#include "roles.h"

#include <QImage>
#include <QStandardItemModel>
#include <QTest>
#include <QTreeView>

using namespace Qt::StringLiterals;
using Kind = ModelRoles::NodeKind;
using Connection = RegistryTreeRoles::Connection;

namespace {

QStandardItem *registryItem(const QString &host, Connection connection)
{
    auto *item = new QStandardItem(host);
    item->setData(QVariant::fromValue(Kind::Registry), ModelRoles::NodeKindRole);
    item->setData(QVariant::fromValue(connection), RegistryTreeRoles::ConnectionRole);
    return item;
}

QStandardItem *repositoryItem(const QString &name, int tags)
{
    auto *item = new QStandardItem(name);
    item->setData(QVariant::fromValue(Kind::Repository), ModelRoles::NodeKindRole);
    item->setData(tags, RegistryTreeRoles::TagCountRole);
    return item;
}

// Pixels in the right-hand part of a row that are close to `colour`.
int pixelsNear(const QImage &image, const QRect &row, const QColor &colour)
{
    int count = 0;
    for (int y = row.top(); y <= row.bottom(); ++y) {
        for (int x = row.left() + row.width() * 3 / 4; x <= row.right(); ++x) {
            const QColor pixel = image.pixelColor(x, y);
            if (std::abs(pixel.red() - colour.red()) < 24 &&
                std::abs(pixel.green() - colour.green()) < 24 &&
                std::abs(pixel.blue() - colour.blue()) < 24)
                ++count;
        }
    }
    return count;
}

} // namespace

class TestRegistryTreeDelegate final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void badges()
    {
        QStandardItemModel model;
        model.appendRow(registryItem(u"secure.example"_s, Connection::Verified));
        model.appendRow(registryItem(u"corp.example"_s, Connection::CustomCa));
        model.appendRow(registryItem(u"lab.example"_s, Connection::Insecure));
        model.appendRow(registryItem(u"localhost:5000"_s, Connection::PlainHttp));
        model.appendRow(repositoryItem(u"api"_s, 12));
        model.appendRow(repositoryItem(u"web"_s, -1));
        QCOMPARE(RegistryTreeDelegate::badgeText(model.index(0, 0)), QString());
        QCOMPARE(RegistryTreeDelegate::badgeText(model.index(1, 0)), QString());
        QCOMPARE(RegistryTreeDelegate::badgeText(model.index(2, 0)), u"insecure"_s);
        QCOMPARE(RegistryTreeDelegate::badgeText(model.index(3, 0)), u"HTTP"_s);
        QCOMPARE(RegistryTreeDelegate::badgeText(model.index(4, 0)), u"12"_s);
        QCOMPARE(RegistryTreeDelegate::badgeText(model.index(5, 0)), QString()); // not known yet
    }

    void paintsTheWarningBadge()
    {
        QStandardItemModel model;
        model.appendRow(registryItem(u"secure.example"_s, Connection::Verified));
        model.appendRow(registryItem(u"lab.example"_s, Connection::Insecure));
        QTreeView view;
        view.setModel(&model);
        auto *delegate = new RegistryTreeDelegate(&view);
        view.setItemDelegate(delegate);
        view.setHeaderHidden(true);
        view.resize(320, 120);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const QImage image = view.viewport()->grab().toImage();
        const QRect verifiedRow = view.visualRect(model.index(0, 0));
        const QRect insecureRow = view.visualRect(model.index(1, 0));
        const QColor orange(0xd9, 0x6c, 0x00);
        QCOMPARE(pixelsNear(image, verifiedRow, orange), 0);
        QVERIFY(pixelsNear(image, insecureRow, orange) > 20);

        QStyleOptionViewItem option;
        option.initFrom(&view);
        const int plain = delegate->sizeHint(option, model.index(0, 0)).width();
        const int badged = delegate->sizeHint(option, model.index(1, 0)).width();
        QVERIFY2(badged > plain, qPrintable(QStringLiteral("%1 %2").arg(badged).arg(plain)));
    }
};

QTEST_MAIN(TestRegistryTreeDelegate)
#include "tst_registrytreedelegate.moc"
