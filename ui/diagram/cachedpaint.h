#pragma once

#include <QColor>
#include <QPen>
#include <QRectF>
#include <QString>

#include <functional>

class QPainter;

namespace iisid::ui {

/// Paints what `draw` paints inside `bounds` (item coordinates) through a picture kept in
/// QPixmapCache under `key`, made at the painter's scale and at the same fraction of a device
/// pixel, so the blit shows exactly what direct painting would. A setting change builds the
/// scene's items anew; a lane or a station that looks as it did then costs a blit instead of an
/// antialiased fill and a dashed border. `key` must name everything `draw` depends on.
/// Painters that are not the view's (`onScreen` false: exports, printing) and rotated or sheared
/// painters get `draw` directly.
void paintCached(QPainter *painter, const QRectF &bounds, const QString &key, bool onScreen,
                 const std::function<void(QPainter *)> &draw);

class DashedStroke;

/// A rounded box as QPainter::drawRoundedRect draws it with `pen` and `fill` (antialiased), through
/// paintCached; a dashed pen is stroked by `dashes` when given.
void drawRoundedBox(QPainter *painter, const QRectF &rect, double radius, const QPen &pen,
                    const QColor &fill, bool onScreen, DashedStroke *dashes = nullptr);

} // namespace iisid::ui
