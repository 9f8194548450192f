#pragma once

// Internal to model/diagram: the words the diagram uses for stations and lanes, and the pieces
// the layout (diagram_layout.cpp) and the frames (diagram_frame.cpp) share.

#include "diagram_layout.h"

#include "model/resolution.h"

#include <string>

namespace iisid::diagram::detail {

/// A badge is at least this high: one line of the account with its inset.
inline constexpr double badgeMinHeight = 30;

/// What the code reaches (content, a child process, the network), drawn in their own lane.
bool isReach(StationKind kind);
StationKind kindOf(Stage stage);
std::string stationTitle(StationKind kind);
/// The detail line of a station: the handler, the code, the content path.
std::string stationDetail(StationKind kind, const RequestFacts &request);
/// The stage name a person reads in the caption heading.
std::string stageName(StationKind kind);
std::string laneSubtitle(LaneLayout::Kind kind);
/// "UNCONFIRMED" or "SOURCES CONFLICT", or empty for a confirmed rule.
std::string confidenceTag(Confidence confidence);

/// `text` wrapped to `width` with its top left at (x, y).
TextBlock place(const std::string &text, TextStyle style, double x, double y, double width);
void moveBlock(TextBlock &block, double dx, double dy);

} // namespace iisid::diagram::detail
