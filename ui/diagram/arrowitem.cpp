#include "arrowitem.h"

#include "diagramstyle.h"

#include <QGraphicsScene>
#include <QLineF>
#include <QPainter>
#include <QPalette>

namespace iisid::ui {

namespace {
constexpr double headLength = 13;
constexpr double headWidth = 7;
} // namespace

ArrowItem::ArrowItem(const std::vector<QPointF> &points, QGraphicsItem *parent)
    : QGraphicsItem(parent)
    , m_points(points.begin(), points.end()) {
    setZValue(-0.5);
}

QRectF ArrowItem::boundingRect() const {
    return m_points.boundingRect().adjusted(-headLength, -headLength, headLength, headLength);
}

void ArrowItem::setState(State state) {
    if (m_state == state)
        return;
    m_state = state;
    update();
}

void ArrowItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *) {
    if (m_points.size() < 2)
        return;
    const QPalette palette = scene() ? scene()->palette() : QPalette();
    const QColor base = palette.color(QPalette::Base);
    const QColor text = palette.color(QPalette::Text);
    QColor colour = diagramstyle::mix(text, base, 0.2);
    QPen pen(colour, 2.6);
    switch (m_state) {
    case State::Travelled:
        break;
    case State::Pending:
        colour = diagramstyle::mix(text, base, 0.6);
        pen = QPen(colour, 2);
        break;
    case State::NotTravelled:
        colour = diagramstyle::mix(text, base, 0.55);
        pen = QPen(colour, 2, Qt::DashLine);
        break;
    case State::Failed:
        colour = diagramstyle::failure(palette);
        pen = QPen(colour, 2.6);
        break;
    }
    pen.setJoinStyle(Qt::RoundJoin);
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    // Stop the line where the head starts so the head's tip is sharp.
    QPolygonF line = m_points;
    const QLineF last(line[line.size() - 2], line.last());
    QLineF shortened = last;
    if (last.length() > headLength)
        shortened.setLength(last.length() - headLength + 1);
    line.last() = shortened.p2();
    if (pen.style() == Qt::SolidLine) {
        painter->drawPolyline(line);
    } else {
        QPainterPath path(line.first());
        for (qsizetype i = 1; i < line.size(); ++i)
            path.lineTo(line[i]);
        m_dashes.draw(painter, path, pen);
    }

    const QPointF tip = m_points.last();
    const QLineF back = QLineF(tip, last.p1()).unitVector();
    const QPointF dir = (back.p2() - back.p1());
    const QPointF normal(-dir.y(), dir.x());
    QPolygonF head;
    head << tip << tip + dir * headLength + normal * headWidth
         << tip + dir * headLength - normal * headWidth;
    painter->setPen(Qt::NoPen);
    painter->setBrush(colour);
    painter->drawPolygon(head);
}

} // namespace iisid::ui
