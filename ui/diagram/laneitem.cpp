#include "laneitem.h"

#include "cachedpaint.h"
#include "diagramstyle.h"
#include "tokenbadgeitem.h"

#include "ui/window/QtText.h"

#include <QGraphicsScene>
#include <QPainter>
#include <QPalette>

namespace iisid::ui {

LaneItem::LaneItem(const LaneLayout &lane, QGraphicsItem *parent)
    : QGraphicsObject(parent)
    , m_lane(lane) {
    setPos(toQRectF(lane.rect).topLeft());
    setZValue(-1);
    m_badge = new TokenBadgeItem(TokenBadgeItem::Role::Process, this);
    m_badge->setMaximumWidth(lane.rect.width - 2 * diagram::metrics::headerPadding);
}

QString LaneItem::title() const {
    return toQString(m_lane.title);
}

QRectF LaneItem::boundingRect() const {
    return QRectF(0, 0, m_lane.rect.width, m_lane.rect.height).adjusted(-2, -2, 2, 2);
}

void LaneItem::setFrame(const LaneFrame &frame) {
    m_active = frame.active;
    m_badge->setToken(m_lane.kind == LaneLayout::Kind::Process ? QStringLiteral("process")
                                                               : QString(),
                      toQString(frame.processToken));
    m_badge->setChanging(frame.changing);
    m_badge->setVisible(!frame.processToken.empty());
    m_badge->setPos(toQRectF(frame.badgeRect).topLeft() - pos());
    update();
}

void LaneItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *widget) {
    const QPalette palette = scene() ? scene()->palette() : QPalette();
    const QColor base = palette.color(QPalette::Base);
    const QColor text = palette.color(QPalette::Text);
    painter->setRenderHint(QPainter::Antialiasing);
    const QRectF box(0, 0, m_lane.rect.width, m_lane.rect.height);
    const bool process = m_lane.kind == LaneLayout::Kind::Process;
    QColor edge = diagramstyle::mix(base, text, process ? 0.35 : 0.2);
    if (m_active)
        edge = diagramstyle::accent(palette);
    const QPen border(edge, m_active ? 2.5 : 1.4, process ? Qt::SolidLine : Qt::DashLine);
    const QColor fill = diagramstyle::mix(base, text, process ? 0.06 : 0.025);
    const QColor rule = diagramstyle::mix(base, text, 0.2);
    const double header = m_lane.headerRect.height;
    // The body (fill, border, the line under the header) is the most of a lane's paint: the
    // view keeps it as a picture (paintCached).
    const QString key = QStringLiteral("lane|%1|%2|%3x%4|%5|%6|%7|%8")
                            .arg(process)
                            .arg(m_active)
                            .arg(box.width())
                            .arg(box.height())
                            .arg(header)
                            .arg(edge.rgba())
                            .arg(fill.rgba())
                            .arg(rule.rgba());
    paintCached(painter, boundingRect(), key, widget != nullptr, [&](QPainter *p) {
        p->setPen(process ? border : QPen(Qt::NoPen));
        p->setBrush(fill);
        p->drawRoundedRect(box.adjusted(1, 1, -1, -1), 14, 14);
        if (!process)
            m_border.draw(p, roundedRectOutline(box.adjusted(1, 1, -1, -1), 14), border);
        p->setPen(QPen(rule, 1));
        p->drawLine(QPointF(8, header), QPointF(box.width() - 8, header));
    });

    const QPointF offset = -pos();
    diagramstyle::drawText(painter, m_lane.titleText, text, offset);
    diagramstyle::drawText(painter, m_lane.subtitleText, diagramstyle::muted(palette), offset);
}

} // namespace iisid::ui
