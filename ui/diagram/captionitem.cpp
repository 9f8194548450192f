#include "captionitem.h"

#include "diagramstyle.h"

#include <QFontMetricsF>
#include <QGraphicsScene>
#include <QPainter>
#include <QPalette>
#include <QTextLayout>

namespace iisid::ui {

namespace {
constexpr int headingSize = 18;
constexpr int captionSize = 19;
constexpr double padding = 14;
} // namespace

CaptionItem::CaptionItem(const QRectF &rect, QGraphicsItem *parent)
    : QGraphicsObject(parent)
    , m_size(rect.size()) {
    setPos(rect.topLeft());
}

QRectF CaptionItem::boundingRect() const {
    return QRectF(QPointF(0, 0), m_size);
}

void CaptionItem::setText(const QString &heading, const QString &caption, bool failed) {
    m_heading = heading;
    m_caption = caption;
    m_failed = failed;
    setToolTip(caption);
    update();
}

void CaptionItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *) {
    const QPalette palette = scene() ? scene()->palette() : QPalette();
    const QColor base = palette.color(QPalette::Base);
    const QColor text = palette.color(QPalette::Text);
    const QColor edge = m_failed ? diagramstyle::failure(palette) : diagramstyle::accent(palette);
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(diagramstyle::mix(base, edge, 0.6), 1.4));
    painter->setBrush(diagramstyle::mix(base, edge, 0.07));
    const QRectF box(QPointF(0, 0), m_size);
    painter->drawRoundedRect(box.adjusted(1, 1, -1, -1), 12, 12);
    painter->setPen(Qt::NoPen);
    painter->setBrush(edge);
    painter->drawRoundedRect(QRectF(1, 1, 8, m_size.height() - 2), 4, 4);

    const double width = m_size.width() - 2 * padding - 8;
    const QFont headingFont = diagramstyle::font(headingSize, true);
    painter->setFont(headingFont);
    painter->setPen(m_failed ? diagramstyle::failure(palette) : diagramstyle::muted(palette));
    painter->drawText(QRectF(padding + 8, 8, width, 26), Qt::AlignVCenter,
                      QFontMetricsF(headingFont).elidedText(m_heading, Qt::ElideRight, width));

    // The caption wraps onto at most two lines; the last is elided (the pane has the full text).
    const QFont captionFont = diagramstyle::font(captionSize);
    const QFontMetricsF metrics(captionFont);
    QTextLayout layout(m_caption, captionFont);
    layout.beginLayout();
    double y = 40;
    int lines = 0;
    painter->setPen(text);
    painter->setFont(captionFont);
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
        line.setLineWidth(width);
        ++lines;
        const QString part = m_caption.mid(line.textStart(), line.textLength());
        if (lines == 2 && line.textStart() + line.textLength() < m_caption.size()) {
            const QString rest = m_caption.mid(line.textStart());
            painter->drawText(QPointF(padding + 8, y + metrics.ascent()),
                              metrics.elidedText(rest, Qt::ElideRight, width));
            break;
        }
        painter->drawText(QPointF(padding + 8, y + metrics.ascent()), part.trimmed());
        y += metrics.lineSpacing();
        if (lines == 2)
            break;
    }
    layout.endLayout();
}

} // namespace iisid::ui
