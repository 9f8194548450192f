#include "dashedstroke.h"

#include <QPainter>

#include <cmath>

namespace iisid::ui {

namespace {
/// Dashes filled as one path: few enough to keep the rasterizer's bands short, enough to share
/// its setting up (4 measured fastest of 1 to 32 for a lane's border).
constexpr int dashesPerGroup = 4;
} // namespace

void DashedStroke::draw(QPainter *painter, const QPainterPath &path, const QPen &pen) {
    const QTransform &transform = painter->transform();
    const double scale = std::sqrt(std::abs(transform.determinant()));
    // What QPainter does itself cheaply: a solid line; a line no wider than a pixel (its cosmetic
    // stroker); a transform that is more than a scale (never the case in the view).
    if (pen.style() == Qt::SolidLine || pen.style() == Qt::NoPen || pen.isCosmetic() ||
        transform.type() > QTransform::TxScale || pen.widthF() * scale <= 1) {
        painter->strokePath(path, pen);
        return;
    }
    if (scale != m_scale || pen != m_pen || path != m_path) {
        m_scale = scale;
        m_pen = pen;
        m_path = path;
        m_groups.clear();
        // QPainter flattens the curves and places the dashes in device pixels (its thresholds
        // follow the transform); stroking the path scaled to the device does the same.
        QPen devicePen = pen;
        devicePen.setWidthF(pen.widthF() * scale);
        QPainterPathStroker stroker(devicePen);
        const QTransform toDevice = QTransform::fromScale(scale, scale);
        const QPainterPath dashes =
            toDevice.inverted().map(stroker.createStroke(toDevice.map(path)));
        QPainterPath group;
        group.setFillRule(Qt::WindingFill);
        int count = 0;
        for (const QPolygonF &dash : dashes.toSubpathPolygons()) {
            group.addPolygon(dash);
            if (++count % dashesPerGroup == 0) {
                m_groups.push_back(group);
                group.clear();
            }
        }
        if (!group.isEmpty())
            m_groups.push_back(group);
    }
    for (const QPainterPath &group : m_groups)
        painter->fillPath(group, pen.brush());
}

QPainterPath roundedRectOutline(const QRectF &rect, double radius) {
    // The four corners are the painter's quarter-circle Béziers.
    constexpr double kappa = 0.5522847498;
    const double x1 = rect.left();
    const double x2 = rect.right();
    const double y1 = rect.top();
    const double y2 = rect.bottom();
    const double rx = std::min(radius, rect.width() / 2);
    const double ry = std::min(radius, rect.height() / 2);
    const double cx = (1 - kappa) * rx;
    const double cy = (1 - kappa) * ry;
    QPainterPath path;
    path.moveTo(x1 + rx, y1);
    path.lineTo(x2 - rx, y1);
    path.cubicTo(x2 - cx, y1, x2, y1 + cy, x2, y1 + ry);
    path.lineTo(x2, y2 - ry);
    path.cubicTo(x2, y2 - cy, x2 - cx, y2, x2 - rx, y2);
    path.lineTo(x1 + rx, y2);
    path.cubicTo(x1 + cx, y2, x1, y2 - cy, x1, y2 - ry);
    path.lineTo(x1, y1 + ry);
    path.cubicTo(x1, y1 + cy, x1 + cx, y1, x1 + rx, y1);
    return path;
}

void drawRoundedBox(QPainter *painter, const QRectF &rect, double radius, const QPen &pen,
                    const QColor &fill, DashedStroke *dashes) {
    const bool dashed = dashes && pen.style() != Qt::SolidLine && pen.style() != Qt::NoPen;
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(dashed ? QPen(Qt::NoPen) : pen);
    painter->setBrush(fill);
    painter->drawRoundedRect(rect, radius, radius);
    if (dashed)
        dashes->draw(painter, roundedRectOutline(rect, radius), pen);
}

} // namespace iisid::ui
