#pragma once

#include "dashedstroke.h"
#include "diagramlayout.h"

#include <QGraphicsObject>

class QPalette;

namespace iisid::ui {

class TokenBadgeItem;

/// A column of the diagram: the client, HTTP.sys or inetinfo.exe, one process (with its
/// process-token badge), or what the code reaches. Stations sit on top of it.
class LaneItem : public QGraphicsObject {
    Q_OBJECT
public:
    enum { Type = UserType + 6 };

    explicit LaneItem(const LaneLayout &lane, QGraphicsItem *parent = nullptr);

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    void setFrame(const LaneFrame &frame);
    LaneLayout::Kind kind() const { return m_lane.kind; }
    QString title() const;
    TokenBadgeItem *processBadge() const { return m_badge; }

private:
    /// Paints the lane as it is now (paint() keeps the picture).
    void draw(QPainter *painter, const QPalette &palette);
    LaneLayout m_lane;
    bool m_active = false;
    TokenBadgeItem *m_badge = nullptr;
    DashedStroke m_border; // lanes that are no process have a dashed border
};

} // namespace iisid::ui
