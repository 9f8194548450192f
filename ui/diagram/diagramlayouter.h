#pragma once

#include "diagramlayout.h"

namespace iisid {
struct EffectiveScenario;
struct Resolution;
} // namespace iisid

namespace iisid::ui {

/// Computes the diagram from the model's answer: the lanes (client, HTTP.sys or inetinfo.exe,
/// each process the trace names, what the code reaches), the stations in the order the request
/// meets them, the arrows between them, and the picture at each step. Pure: no items, no window,
/// so it is tested on its own. It decides nothing about IIS: every host, token and failure comes
/// from the Resolution; the scenario only names what the client sends and the handler.
class DiagramLayouter {
public:
    /// Scene units. Station and lane sizes are fixed so the view can scale the whole picture.
    static constexpr double margin = 24;
    static constexpr double laneGap = 16;
    static constexpr double narrowLaneWidth = 200;
    static constexpr double laneWidth = 380;
    static constexpr double reachLaneWidth = 410; // "seen as NT AUTHORITY\ANONYMOUS LOGON"
    static constexpr double headerHeight = 104;
    static constexpr double rowHeight = 100;
    static constexpr double stationHeight = 78;
    static constexpr double stationInset = 16;
    static constexpr double captionHeight = 104;

    static DiagramLayout layout(const EffectiveScenario &scenario, const Resolution &resolution);

    /// The picture at `step` (clamped to the trace): which stations the request has passed, the
    /// tokens each holds, the process token of each lane, and the caption of that step.
    static DiagramFrame frame(const DiagramLayout &layout, const Resolution &resolution, int step);
};

} // namespace iisid::ui
