#pragma once

#include <QColor>
#include <QFont>

class QPalette;

namespace iisid::ui::diagramstyle {

/// Colours and type of the diagram, derived from the palette so the picture follows the
/// system's light or dark scheme. Only failure and doubt have colours of their own.
bool isDark(const QPalette &palette);
QColor failure(const QPalette &palette); // a clear red, readable on Base
QColor doubt(const QPalette &palette);   // amber: unconfirmed or conflicting rules
QColor muted(const QPalette &palette);   // secondary text
QColor accent(const QPalette &palette);  // the request and the current station
QColor mix(const QColor &a, const QColor &b, double amountOfB);

/// Pixel sizes in scene units; the view scales the scene as a whole.
QFont font(int pixelSize, bool bold = false);

} // namespace iisid::ui::diagramstyle
