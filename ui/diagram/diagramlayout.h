#pragma once

#include "model/diagram/diagram_layout.h"

#include <QPointF>
#include <QRectF>

namespace iisid::ui {

// The diagram's layout and frames are the model's (model/diagram/diagram_layout.h): the window,
// its PNG/SVG export and the Qt-free SVG of the reports draw the same geometry and the same
// wrapped lines. These names bring them into the ui namespace, with the one conversion of their
// coordinates to Qt's.

using diagram::ArrowLayout;
using diagram::ArrowState;
using diagram::BadgeLayout;
using diagram::DiagramFrame;
using diagram::DiagramLayout;
using diagram::LaneFrame;
using diagram::LaneLayout;
using diagram::StationFrame;
using diagram::StationKind;
using diagram::StationLayout;
using diagram::StationState;
using diagram::TextBlock;
using diagram::TokenChange;

inline QPointF toQPointF(const diagram::Point &point) {
    return {point.x, point.y};
}

inline QRectF toQRectF(const diagram::Rect &rect) {
    return {rect.x, rect.y, rect.width, rect.height};
}

} // namespace iisid::ui
