#include "captionitem.h"

#include "cachedpaint.h"
#include "dashedstroke.h"
#include "diagramstyle.h"

#include "ui/window/QtText.h"

#include <QGraphicsScene>
#include <QPainter>
#include <QPalette>

#include <utility>

namespace iisid::ui {

CaptionItem::CaptionItem(const QRectF &rect, QGraphicsItem *parent)
    : QGraphicsObject(parent)
    , m_size(rect.size()) {
    setPos(rect.topLeft());
}

QRectF CaptionItem::boundingRect() const {
    return QRectF(QPointF(0, 0), m_size);
}

void CaptionItem::setFrame(const DiagramFrame &frame) {
    m_heading = toQString(frame.heading);
    m_caption = toQString(frame.caption);
    m_headingText = frame.headingText;
    m_captionText = frame.captionText;
    m_failed = frame.failed;
    setToolTip(m_caption);
    update();
}

void CaptionItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *widget) {
    const QPalette palette = scene() ? scene()->palette() : QPalette();
    // On screen the caption is a picture kept under what it says (cachedpaint.h).
    const QPointF offset = -pos();
    PictureKey key("caption");
    key.whole(palette.cacheKey()).whole(m_failed).number(m_size.width()).number(m_size.height());
    diagramstyle::addTo(key, m_headingText, offset);
    diagramstyle::addTo(key, m_captionText, offset);
    paintCached(painter, boundingRect(), std::move(key), widget != nullptr,
                [&](QPainter *p) { draw(p, palette); });
}

void CaptionItem::draw(QPainter *painter, const QPalette &palette) {
    const QColor base = palette.color(QPalette::Base);
    const QColor text = palette.color(QPalette::Text);
    const QColor edge = m_failed ? diagramstyle::failure(palette) : diagramstyle::accent(palette);
    painter->setRenderHint(QPainter::Antialiasing);
    const QRectF box(QPointF(0, 0), m_size);
    drawRoundedBox(painter, box.adjusted(1, 1, -1, -1), 12,
                   QPen(diagramstyle::mix(base, edge, 0.6), 1.4),
                   diagramstyle::mix(base, edge, 0.07));
    painter->setPen(Qt::NoPen);
    painter->setBrush(edge);
    painter->drawRoundedRect(QRectF(1, 1, diagram::metrics::captionBar, m_size.height() - 2), 4, 4);

    const QPointF offset = -pos();
    diagramstyle::drawText(painter, m_headingText,
                           m_failed ? diagramstyle::failure(palette) : diagramstyle::muted(palette),
                           offset);
    diagramstyle::drawText(painter, m_captionText, text, offset);
}

} // namespace iisid::ui
