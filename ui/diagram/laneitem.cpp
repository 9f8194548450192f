#include "laneitem.h"

#include "cachedpaint.h"
#include "diagramstyle.h"
#include "tokenbadgeitem.h"

#include "ui/window/QtText.h"

#include <QGraphicsScene>
#include <QPainter>
#include <QPalette>

#include <utility>

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
    // A lane is the most of the picture's area: on screen it is a picture kept under what it
    // shows (cachedpaint.h), a blit when a setting change builds the scene anew.
    const QPointF offset = -pos();
    PictureKey key("lane");
    key.whole(palette.cacheKey())
        .whole(static_cast<int>(m_lane.kind))
        .whole(m_active)
        .number(m_lane.rect.width)
        .number(m_lane.rect.height)
        .number(m_lane.headerRect.height);
    diagramstyle::addTo(key, m_lane.titleText, offset);
    diagramstyle::addTo(key, m_lane.subtitleText, offset);
    // Lanes lie on the scene's plain background alone (DiagramScene::drawBackground; laneGap
    // keeps their bounds apart): their pictures are opaque.
    paintCached(
        painter, boundingRect(), std::move(key), widget != nullptr,
        [&](QPainter *p) { draw(p, palette); }, palette.color(QPalette::Base));
}

void LaneItem::draw(QPainter *painter, const QPalette &palette) {
    const QColor base = palette.color(QPalette::Base);
    const QColor text = palette.color(QPalette::Text);
    painter->setRenderHint(QPainter::Antialiasing);
    const QRectF box(0, 0, m_lane.rect.width, m_lane.rect.height);
    const bool process = m_lane.kind == LaneLayout::Kind::Process;
    QColor edge = diagramstyle::mix(base, text, process ? 0.35 : 0.2);
    if (m_active)
        edge = diagramstyle::accent(palette);
    const QPen border(edge, m_active ? 2.5 : 1.4, process ? Qt::SolidLine : Qt::DashLine);
    painter->setPen(process ? border : QPen(Qt::NoPen));
    painter->setBrush(diagramstyle::mix(base, text, process ? 0.06 : 0.025));
    painter->drawRoundedRect(box.adjusted(1, 1, -1, -1), 14, 14);
    if (!process)
        m_border.draw(painter, roundedRectOutline(box.adjusted(1, 1, -1, -1), 14), border);

    const QPointF offset = -pos();
    diagramstyle::drawText(painter, m_lane.titleText, text, offset);
    diagramstyle::drawText(painter, m_lane.subtitleText, diagramstyle::muted(palette), offset);
    const double header = m_lane.headerRect.height;
    painter->setPen(QPen(diagramstyle::mix(base, text, 0.2), 1));
    painter->drawLine(QPointF(8, header), QPointF(box.width() - 8, header));
}

} // namespace iisid::ui
