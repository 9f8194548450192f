#include "stationitem.h"

#include "cachedpaint.h"
#include "diagramstyle.h"
#include "tokenbadgeitem.h"

#include "ui/window/QtText.h"

#include <QGraphicsScene>
#include <QPainter>
#include <QPalette>

#include <algorithm>
#include <cmath>

#include <utility>

namespace iisid::ui {

StationItem::StationItem(const StationLayout &station, QGraphicsItem *parent)
    : QGraphicsObject(parent)
    , m_station(station) {
    setPos(toQRectF(station.rect).topLeft());
    m_badge = new TokenBadgeItem(station.kind == StationKind::Client ||
                                         station.kind == StationKind::Listener
                                     ? TokenBadgeItem::Role::Other
                                     : TokenBadgeItem::Role::Thread,
                                 this);
    m_badge->setMaximumWidth(station.rect.width - 2 * diagram::metrics::stationPadding);
    setToolTip(station.detail.empty() ? title()
                                      : title() + QStringLiteral(": ") + toQString(station.detail));
}

QString StationItem::title() const {
    return toQString(m_station.title);
}

namespace {

/// The height of the "≠ A" mark's box in `style`.
double markHeight(const diagram::TextStyle &style) {
    return std::max(22.0, std::ceil(diagram::lineHeight(style)) + 4);
}

} // namespace

void StationItem::setCompareMarkStyle(const diagram::TextStyle &style) {
    if (style == m_markStyle)
        return;
    prepareGeometryChange();
    m_markStyle = style;
    update();
}

QRectF StationItem::boundingRect() const {
    // The confidence tag and the compare mark stand on the top edge.
    const double tagAbove = m_station.tagText.empty() ? 0 : m_station.rect.y - m_station.tagRect.y;
    const double above = std::max({12.0, tagAbove + 1, markHeight(m_markStyle) / 2 + 1});
    return QRectF(0, 0, m_station.rect.width, m_station.rect.height).adjusted(-3, -above, 3, 3);
}

void StationItem::setFrame(const StationFrame &frame) {
    m_state = frame.state;
    m_badge->setToken(toQString(frame.tokenLabel), toQString(frame.token), !frame.tokenIsAccount);
    m_badge->setFailed(frame.state == StationState::Failed);
    m_badge->setChanging(frame.changing);
    m_badge->setVisible(!frame.token.empty());
    m_badge->setPos(toQRectF(frame.badgeRect).topLeft() - pos());
    update();
}

void StationItem::setDifferenceFromA(const QString &inA) {
    if (inA == m_inA)
        return;
    m_inA = inA;
    const QString about = m_station.detail.empty()
                              ? title()
                              : title() + QStringLiteral(": ") + toQString(m_station.detail);
    setToolTip(inA.isEmpty() ? about : about + QStringLiteral("\nIn A: ") + inA);
    update();
}

void StationItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *widget) {
    const QPalette palette = scene() ? scene()->palette() : QPalette();
    // On screen a station is a picture kept under everything it shows (cachedpaint.h): a
    // setting change builds the scene anew, and most stations look as they did.
    const QPointF offset = -pos();
    const diagram::Rect &tag = m_station.tagRect;
    PictureKey key("station");
    key.whole(palette.cacheKey())
        .whole(static_cast<int>(m_state))
        .number(m_station.rect.width)
        .number(m_station.rect.height)
        .number(tag.x - pos().x())
        .number(tag.y - pos().y())
        .number(tag.width)
        .number(tag.height)
        .whole(!m_inA.isEmpty())
        .number(m_markStyle.pixelSize);
    for (const diagram::TextBlock *text :
         {&m_station.titleText, &m_station.statusText, &m_station.detailText, &m_station.tagText})
        diagramstyle::addTo(key, *text, offset);
    paintCached(painter, boundingRect(), std::move(key), widget != nullptr,
                [&](QPainter *p) { draw(p, palette); });
}

void StationItem::draw(QPainter *painter, const QPalette &palette) {
    const QColor base = palette.color(QPalette::Base);
    const QColor text = palette.color(QPalette::Text);
    const QColor accent = diagramstyle::accent(palette);
    const QColor failure = diagramstyle::failure(palette);
    painter->setRenderHint(QPainter::Antialiasing);

    QPen pen(diagramstyle::muted(palette), 1.6);
    QColor fill = diagramstyle::mix(base, text, 0.03);
    switch (m_state) {
    case StationState::Current:
        pen = QPen(accent, 3.5);
        fill = diagramstyle::mix(base, accent, 0.12);
        break;
    case StationState::Passed:
        pen = QPen(diagramstyle::mix(text, base, 0.25), 1.8);
        break;
    case StationState::Failed:
        pen = QPen(failure, 3.5);
        fill = diagramstyle::mix(base, failure, 0.14);
        break;
    case StationState::NotReached:
        pen = QPen(diagramstyle::muted(palette), 1.6, Qt::DashLine);
        fill = base;
        break;
    case StationState::Pending:
        break;
    }
    const QRectF box(0, 0, m_station.rect.width, m_station.rect.height);
    drawRoundedBox(painter, box, 10, pen, fill, &m_dashedBorder);

    // The layout placed every text in scene coordinates; this item paints in its own.
    const QPointF offset = -pos();
    const bool failed = m_state == StationState::Failed;
    diagramstyle::drawText(painter, m_station.titleText, failed ? failure : text, offset);
    if (failed)
        diagramstyle::drawText(painter, m_station.statusText, failure, offset);
    diagramstyle::drawText(painter, m_station.detailText, diagramstyle::muted(palette), offset);

    // Doubt mark: a small amber tag on the top edge, so a rule that is not confirmed is never
    // shown as fact.
    if (!m_station.tagText.empty() && m_state != StationState::NotReached) {
        const QColor amber = diagramstyle::doubt(palette);
        drawRoundedBox(painter, toQRectF(m_station.tagRect).translated(offset), 4, QPen(amber, 1.4),
                       diagramstyle::mix(base, amber, 0.15));
        diagramstyle::drawText(painter, m_station.tagText, amber, offset);
    }

    // Compare: this station ends otherwise in A. A sign, not only a colour.
    if (!m_inA.isEmpty()) {
        const diagram::TextStyle style = m_markStyle;
        const QString mark = QStringLiteral("\u2260 A");
        const double w = diagram::textWidth(toStdString(mark), style) + 12;
        const double right = m_station.tagText.empty() ? m_station.rect.width - 10
                                                       : m_station.tagRect.x - m_station.rect.x - 6;
        const double h = markHeight(style);
        const QRectF tag(right - w, -h / 2, w, h);
        painter->setPen(QPen(accent, 1.4));
        painter->setBrush(diagramstyle::mix(base, accent, 0.15));
        painter->drawRoundedRect(tag, 4, 4);
        painter->setFont(diagramstyle::font(style));
        painter->setPen(accent);
        painter->drawText(tag, Qt::AlignCenter, mark);
    }
}

} // namespace iisid::ui
