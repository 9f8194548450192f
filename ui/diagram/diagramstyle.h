#pragma once

#include "model/diagram/text_metrics.h"

#include <QColor>
#include <QFont>
#include <QPointF>

class QPainter;
class QPalette;

namespace iisid::diagram {
struct TextBlock;
}

namespace iisid::ui {
class PictureKey;
}

namespace iisid::ui::diagramstyle {

/// Colours and type of the diagram, derived from the palette so the picture follows the
/// system's light or dark scheme. Only failure and doubt have colours of their own.
bool isDark(const QPalette &palette);
QColor failure(const QPalette &palette); // a clear red, readable on Base
QColor doubt(const QPalette &palette);   // amber: unconfirmed or conflicting rules
QColor muted(const QPalette &palette);   // secondary text
QColor accent(const QPalette &palette);  // the request and the current station
QColor mix(const QColor &a, const QColor &b, double amountOfB);

/// The shared font of the diagram (diagram::fontFamily, DejaVu Sans) in `style`: the face whose
/// advances the model's layout measures, unhinted and unkerned so Qt sets the widths the model
/// measured. Pixel sizes are scene units; the view scales the scene as a whole.
QFont font(const diagram::TextStyle &style);

/// Draws the block's lines at their baselines, moved by `offset` (the item's position in the
/// scene, negated, for an item that paints in its own coordinates).
void drawText(QPainter *painter, const diagram::TextBlock &block, const QColor &colour,
              QPointF offset = {});

/// Adds what drawText paints of `block` (its lines, place and type) to the key of a picture kept
/// of an item.
void addTo(PictureKey &key, const diagram::TextBlock &block, QPointF offset = {});

} // namespace iisid::ui::diagramstyle
