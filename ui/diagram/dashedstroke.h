#pragma once

#include <QPainterPath>
#include <QPen>

#include <vector>

class QPainter;

namespace iisid::ui {

/// Strokes a path with a dashed pen as QPainter does, at a fraction of the cost. QPainter strokes
/// the dashes anew at every paint and fills them all as one path, which its rasterizer covers band
/// by band, each band walking every dash: a lane's dashed border cost over a millisecond a frame.
/// This keeps the dashes while the path, the pen and the painter's scale stay the same, and fills
/// them in small groups. Solid pens, and pens thin enough for Qt's cosmetic stroker, go to the
/// painter as they are.
class DashedStroke {
public:
    void draw(QPainter *painter, const QPainterPath &path, const QPen &pen);

private:
    QPainterPath m_path;
    QPen m_pen;
    double m_scale = 0;
    std::vector<QPainterPath> m_groups; // the dashes' outlines, in the path's coordinates
};

/// The outline QPainter::drawRoundedRect strokes (Qt's order of elements: from the top edge's
/// left end, clockwise), so that dashes along it start where the painter's would.
QPainterPath roundedRectOutline(const QRectF &rect, double radius);

/// A rounded box as QPainter::drawRoundedRect draws it with `pen` and `fill` (antialiased); a
/// dashed pen is stroked by `dashes` when given.
void drawRoundedBox(QPainter *painter, const QRectF &rect, double radius, const QPen &pen,
                    const QColor &fill, DashedStroke *dashes = nullptr);

} // namespace iisid::ui
