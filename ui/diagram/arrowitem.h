#pragma once

#include "dashedstroke.h"
#include "diagramlayout.h"

#include <QGraphicsItem>
#include <QPolygonF>

#include <vector>

namespace iisid::ui {

/// A leg of the request's path, drawn as an orthogonal polyline with an arrowhead. Solid once
/// the request has travelled it, faint while pending, dashed where the request never got.
class ArrowItem : public QGraphicsItem {
public:
    enum { Type = UserType + 3 };
    using State = ArrowState;

    explicit ArrowItem(const std::vector<QPointF> &points, QGraphicsItem *parent = nullptr);

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    void setState(State state);
    State state() const { return m_state; }
    QPolygonF points() const { return m_points; }

private:
    QPolygonF m_points;
    State m_state = State::Pending;
    DashedStroke m_dashes; // not travelled
};

} // namespace iisid::ui
