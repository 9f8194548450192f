#include "requestmarkeritem.h"

#include "diagramstyle.h"

#include <QGraphicsScene>
#include <QPainter>
#include <QPalette>

namespace iisid::ui {

namespace {
constexpr double radius = 13;
}

RequestMarkerItem::RequestMarkerItem(QGraphicsItem *parent)
    : QGraphicsObject(parent) {
    setZValue(10);
    setToolTip(QStringLiteral("The request"));
}

QRectF RequestMarkerItem::boundingRect() const {
    return QRectF(-radius - 3, -radius - 3, 2 * radius + 6, 2 * radius + 6);
}

void RequestMarkerItem::setFailed(bool failed) {
    if (m_failed == failed)
        return;
    m_failed = failed;
    update();
}

void RequestMarkerItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *) {
    const QPalette palette = scene() ? scene()->palette() : QPalette();
    const QColor fill = m_failed ? diagramstyle::failure(palette) : diagramstyle::accent(palette);
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(palette.color(QPalette::Base), 3));
    painter->setBrush(fill);
    painter->drawEllipse(QPointF(0, 0), radius, radius);
    // An envelope-like mark so the dot reads as "the request", not a bullet.
    painter->setPen(QPen(palette.color(QPalette::Base), 2));
    painter->setBrush(Qt::NoBrush);
    const QRectF letter(-7, -5, 14, 10);
    painter->drawRect(letter);
    painter->drawPolyline(QPolygonF{letter.topLeft(), QPointF(0, 1), letter.topRight()});
}

} // namespace iisid::ui
