#include "laneitem.h"

#include "diagramstyle.h"
#include "tokenbadgeitem.h"

#include <QFontMetricsF>
#include <QGraphicsScene>
#include <QPainter>
#include <QPalette>

namespace iisid::ui {

namespace {
constexpr double padding = 12;
constexpr int titleSize = 21;
constexpr int subtitleSize = 14;

QString subtitle(LaneLayout::Kind kind) {
    switch (kind) {
    case LaneLayout::Kind::Client:
        return QStringLiteral("outside the server");
    case LaneLayout::Kind::Listener:
        return QStringLiteral("receives the request");
    case LaneLayout::Kind::Process:
        return QStringLiteral("process");
    case LaneLayout::Kind::Reaches:
        return QStringLiteral("files, programs, network");
    }
    return {};
}
} // namespace

LaneItem::LaneItem(const LaneLayout &lane, QGraphicsItem *parent)
    : QGraphicsObject(parent)
    , m_kind(lane.kind)
    , m_title(lane.title)
    , m_size(lane.rect.size())
    , m_headerHeight(lane.headerRect.height()) {
    setPos(lane.rect.topLeft());
    setZValue(-1);
    m_badge = new TokenBadgeItem(TokenBadgeItem::Role::Process, this);
    m_badge->setMaximumWidth(m_size.width() - 2 * padding);
    m_badge->setPos(padding, m_headerHeight - 30 - 12);
}

QRectF LaneItem::boundingRect() const {
    return QRectF(QPointF(0, 0), m_size).adjusted(-2, -2, 2, 2);
}

void LaneItem::setFrame(const LaneFrame &frame) {
    m_active = frame.active;
    m_badge->setToken(m_kind == LaneLayout::Kind::Process ? QStringLiteral("process") : QString(),
                      frame.processToken);
    m_badge->setVisible(!frame.processToken.isEmpty());
    update();
}

void LaneItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *) {
    const QPalette palette = scene() ? scene()->palette() : QPalette();
    const QColor base = palette.color(QPalette::Base);
    const QColor text = palette.color(QPalette::Text);
    painter->setRenderHint(QPainter::Antialiasing);
    const QRectF box(QPointF(0, 0), m_size);
    const bool process = m_kind == LaneLayout::Kind::Process;
    QColor edge = diagramstyle::mix(base, text, process ? 0.35 : 0.2);
    if (m_active)
        edge = diagramstyle::accent(palette);
    painter->setPen(QPen(edge, m_active ? 2.5 : 1.4, process ? Qt::SolidLine : Qt::DashLine));
    painter->setBrush(diagramstyle::mix(base, text, process ? 0.06 : 0.025));
    painter->drawRoundedRect(box.adjusted(1, 1, -1, -1), 14, 14);

    const QFont titleFont = diagramstyle::font(titleSize, true);
    const QFontMetricsF titleMetrics(titleFont);
    const double room = m_size.width() - 2 * padding;
    const double titleWidth = std::min(room, titleMetrics.horizontalAdvance(m_title));
    painter->setFont(titleFont);
    painter->setPen(text);
    painter->drawText(QRectF(padding, 10, titleWidth + 1, 30), Qt::AlignVCenter,
                      titleMetrics.elidedText(m_title, Qt::ElideRight, room));
    const QString sub = subtitle(m_kind);
    const QFont subFont = diagramstyle::font(subtitleSize);
    const double subRoom = room - titleWidth - 10;
    if (QFontMetricsF(subFont).horizontalAdvance(sub) <= subRoom) {
        painter->setFont(subFont);
        painter->setPen(diagramstyle::muted(palette));
        painter->drawText(QRectF(padding + titleWidth + 10, 12, subRoom, 30), Qt::AlignVCenter,
                          QFontMetricsF(subFont).elidedText(sub, Qt::ElideRight, subRoom));
    }
    painter->setPen(QPen(diagramstyle::mix(base, text, 0.2), 1));
    painter->drawLine(QPointF(8, m_headerHeight), QPointF(m_size.width() - 8, m_headerHeight));
}

} // namespace iisid::ui
