#include "treeicons.h"

#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

#include <functional>

namespace {

using Painter = std::function<void(QPainter &)>;

// Paints `draw` (in a 16×16 design grid) at the sizes a tree view asks for.
QIcon drawnIcon(const Painter &draw)
{
    QIcon icon;
    for (const int size : {16, 24, 32, 48}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.scale(size / 16.0, size / 16.0);
        draw(painter);
        painter.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}

QPen outline(const QColor &color, qreal width = 1.0)
{
    QPen pen(color, width);
    pen.setJoinStyle(Qt::RoundJoin);
    pen.setCapStyle(Qt::RoundCap);
    return pen;
}

} // namespace

namespace TreeIcons {

QIcon registry()
{
    static const QIcon icon = drawnIcon([](QPainter &p) {
        // Two stacked server units.
        const QColor body(0x45, 0x5a, 0x73);
        const QColor face(0x6b, 0x84, 0xa3);
        p.setPen(outline(body));
        p.setBrush(face);
        p.drawRoundedRect(QRectF(1.5, 2.5, 13, 5), 1.2, 1.2);
        p.drawRoundedRect(QRectF(1.5, 8.5, 13, 5), 1.2, 1.2);
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(0x7c, 0xe0, 0x8a));
        p.drawEllipse(QPointF(4.2, 5), 1, 1);
        p.drawEllipse(QPointF(4.2, 11), 1, 1);
        p.setPen(outline(QColor(0xdd, 0xe6, 0xf0), 0.9));
        p.drawLine(QPointF(7.5, 5), QPointF(12, 5));
        p.drawLine(QPointF(7.5, 11), QPointF(12, 11));
    });
    return icon;
}

QIcon folder()
{
    static const QIcon icon = drawnIcon([](QPainter &p) {
        QPainterPath path;
        path.moveTo(1.5, 3.5);
        path.lineTo(6, 3.5);
        path.lineTo(7.5, 5);
        path.lineTo(14.5, 5);
        path.lineTo(14.5, 13.5);
        path.lineTo(1.5, 13.5);
        path.closeSubpath();
        p.setPen(outline(QColor(0xb2, 0x7b, 0x12)));
        p.setBrush(QColor(0xf2, 0xc0, 0x4f));
        p.drawPath(path);
        p.setBrush(QColor(0xf7, 0xd3, 0x7a));
        p.drawRect(QRectF(1.5, 6.5, 13, 7));
    });
    return icon;
}

QIcon repository()
{
    static const QIcon icon = drawnIcon([](QPainter &p) {
        // A shipping box seen from above the corner.
        const QPointF top(8, 1.5), left(1.5, 4.8), right(14.5, 4.8), centre(8, 8.1);
        const QPointF bottom(8, 14.8), bottomLeft(1.5, 11.5), bottomRight(14.5, 11.5);
        p.setPen(outline(QColor(0x1f, 0x4e, 0x8c)));
        p.setBrush(QColor(0x8c, 0xb8, 0xf0));
        p.drawPolygon(QPolygonF{top, right, centre, left});
        p.setBrush(QColor(0x4a, 0x86, 0xd4));
        p.drawPolygon(QPolygonF{left, centre, bottom, bottomLeft});
        p.setBrush(QColor(0x2f, 0x6b, 0xbd));
        p.drawPolygon(QPolygonF{centre, right, bottomRight, bottom});
    });
    return icon;
}

QIcon tag()
{
    static const QIcon icon = drawnIcon([](QPainter &p) {
        QPainterPath path;
        path.moveTo(1.8, 2.8);
        path.lineTo(7.6, 2.8);
        path.lineTo(14.2, 9.4);
        path.lineTo(9.4, 14.2);
        path.lineTo(2.8, 7.6);
        path.lineTo(1.8, 2.8);
        path.closeSubpath();
        p.setPen(outline(QColor(0x17, 0x6e, 0x5a)));
        p.setBrush(QColor(0x3c, 0xb3, 0x91));
        p.drawPath(path);
        p.setBrush(Qt::white);
        p.drawEllipse(QPointF(5, 6), 1.2, 1.2);
    });
    return icon;
}

QIcon loading()
{
    static const QIcon icon = drawnIcon([](QPainter &p) {
        p.setPen(Qt::NoPen);
        const QColor shades[] = {QColor(0x9a, 0xa3, 0xad), QColor(0x78, 0x82, 0x8c),
                                 QColor(0x55, 0x5e, 0x68)};
        for (int i = 0; i < 3; ++i) {
            p.setBrush(shades[i]);
            p.drawEllipse(QPointF(3.5 + i * 4.5, 8), 1.6, 1.6);
        }
    });
    return icon;
}

QIcon error()
{
    static const QIcon icon = drawnIcon([](QPainter &p) {
        p.setPen(outline(QColor(0x9b, 0x1c, 0x1c)));
        p.setBrush(QColor(0xd9, 0x3b, 0x3b));
        p.drawEllipse(QRectF(1.5, 1.5, 13, 13));
        p.setPen(outline(Qt::white, 1.8));
        p.drawLine(QPointF(8, 4.5), QPointF(8, 8.8));
        p.drawPoint(QPointF(8, 11.6));
    });
    return icon;
}

QIcon information()
{
    static const QIcon icon = drawnIcon([](QPainter &p) {
        p.setPen(outline(QColor(0x5f, 0x6b, 0x78)));
        p.setBrush(QColor(0x8e, 0x9a, 0xa8));
        p.drawEllipse(QRectF(1.5, 1.5, 13, 13));
        p.setPen(outline(Qt::white, 1.8));
        p.drawPoint(QPointF(8, 4.8));
        p.drawLine(QPointF(8, 7.4), QPointF(8, 11.5));
    });
    return icon;
}

QIcon forNode(ModelRoles::NodeKind kind, ModelRoles::NodeState state)
{
    using Kind = ModelRoles::NodeKind;
    using State = ModelRoles::NodeState;
    switch (kind) {
    case Kind::Registry:
        return registry();
    case Kind::Folder:
        return folder();
    case Kind::Repository:
        return repository();
    case Kind::Tag:
        return tag();
    case Kind::Message:
        if (state == State::Loading)
            return loading();
        if (state == State::Failed)
            return error();
        return information();
    }
    return {};
}

} // namespace TreeIcons
