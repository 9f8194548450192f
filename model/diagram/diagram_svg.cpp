#include "diagram_svg.h"

#include "diagram_layout.h"

#include "model/markup.h"
#include "model/resolution.h"

#include <cstdio>
#include <string_view>

namespace iisid::diagram {

namespace {

// The palette of the printed picture: the window's light scheme.
constexpr std::string_view base = "#ffffff";
constexpr std::string_view ink = "#1d1d1f";
constexpr std::string_view muted = "#6e6e73";
constexpr std::string_view faint = "#c7c7cc";
constexpr std::string_view laneFill = "#f3f3f5";
constexpr std::string_view accent = "#1f5fbf";
constexpr std::string_view accentFill = "#e4ecf8";
constexpr std::string_view failure = "#c62828";
constexpr std::string_view failureFill = "#fbe5e5";
constexpr std::string_view doubt = "#b25e00";
constexpr std::string_view doubtFill = "#f7ecdf";

std::string number(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.2f", value);
    std::string out = buffer;
    while (out.back() == '0')
        out.pop_back();
    if (out.back() == '.')
        out.pop_back();
    return out;
}

class Writer {
public:
    std::string out;

    void rect(const Rect &r, double radius, std::string_view fill, std::string_view stroke,
              double strokeWidth, std::string_view extra = {}) {
        out += "<rect x=\"" + number(r.x) + "\" y=\"" + number(r.y) + "\" width=\"" +
               number(r.width) + "\" height=\"" + number(r.height) + "\" rx=\"" + number(radius) +
               "\" fill=\"" + std::string(fill) + "\"";
        if (!stroke.empty())
            out += " stroke=\"" + std::string(stroke) + "\" stroke-width=\"" + number(strokeWidth) +
                   "\"";
        out += std::string(extra) + "/>\n";
    }

    /// Each line of the block as its own <text>, at its baseline.
    void text(const TextBlock &block, std::string_view fill, double dx = 0, double dy = 0) {
        double baseline = block.rect.y + dy + ascent(block.style);
        for (const std::string &line : block.lines) {
            out += "<text x=\"" + number(block.rect.x + dx) + "\" y=\"" + number(baseline) +
                   "\" font-size=\"" + number(block.style.pixelSize) + "\"";
            if (block.style.bold)
                out += " font-weight=\"bold\"";
            out += " fill=\"" + std::string(fill) + "\">" + escapeMarkup(line) + "</text>\n";
            baseline += lineHeight(block.style);
        }
    }

    void badge(const BadgeLayout &badge, const Rect &at, std::string_view edge,
               std::string_view fill, std::string_view accountInk) {
        if (badge.empty())
            return;
        const double radius = std::min(badge.height, 30.0) / 2 - 1;
        rect({at.x + 0.8, at.y + 0.8, at.width - 1.6, at.height - 1.6}, radius, fill, edge, 1.6);
        text(badge.label, muted, at.x, at.y);
        text(badge.account, accountInk, at.x, at.y);
    }
};

std::string_view arrowColour(ArrowState state) {
    switch (state) {
    case ArrowState::Travelled:
        return accent;
    case ArrowState::Failed:
        return failure;
    case ArrowState::Pending:
    case ArrowState::NotTravelled:
        return faint;
    }
    return faint;
}

void drawLane(Writer &w, const LaneLayout &lane, const LaneFrame &frame) {
    const bool process = lane.kind == LaneLayout::Kind::Process;
    const Rect box{lane.rect.x + 1, lane.rect.y + 1, lane.rect.width - 2, lane.rect.height - 2};
    w.rect(box, 14, process ? laneFill : "#f9f9fa", frame.active ? accent : faint,
           frame.active ? 2.5 : 1.4, process ? "" : " stroke-dasharray=\"6 4\"");
    w.text(lane.titleText, ink);
    w.text(lane.subtitleText, muted);
    const double y = lane.headerRect.bottom();
    w.out += "<line x1=\"" + number(lane.rect.x + 8) + "\" y1=\"" + number(y) + "\" x2=\"" +
             number(lane.rect.right() - 8) + "\" y2=\"" + number(y) + "\" stroke=\"" +
             std::string(faint) + "\" stroke-width=\"1\"/>\n";
    w.badge(frame.badge, frame.badgeRect, muted, "#e8e8ec", ink);
}

void drawStation(Writer &w, const StationLayout &station, const StationFrame &frame) {
    std::string_view stroke = muted;
    std::string_view fill = "#fbfbfc";
    double width = 1.6;
    std::string dash;
    switch (frame.state) {
    case StationState::Current:
        stroke = accent;
        fill = accentFill;
        width = 3.5;
        break;
    case StationState::Passed:
        stroke = "#4a4a4f";
        width = 1.8;
        break;
    case StationState::Failed:
        stroke = failure;
        fill = failureFill;
        width = 3.5;
        break;
    case StationState::NotReached:
        fill = base;
        dash = " stroke-dasharray=\"6 4\"";
        break;
    case StationState::Pending:
        break;
    }
    const double opacity = stationOpacity(frame.state);
    w.out += opacity < 1 ? "<g opacity=\"" + number(opacity) + "\">\n" : "<g>\n";
    w.rect(station.rect, 10, fill, stroke, width, dash);
    const bool failed = frame.state == StationState::Failed;
    w.text(station.titleText, failed ? failure : ink);
    if (failed)
        w.text(station.statusText, failure);
    w.text(station.detailText, muted);
    if (!station.tagText.empty() && frame.state != StationState::NotReached) {
        w.rect(station.tagRect, 4, doubtFill, doubt, 1.4);
        w.text(station.tagText, doubt);
    }
    std::string_view edge = station.kind == StationKind::Client ? muted : accent;
    std::string_view badgeFill = station.kind == StationKind::Client ? base : accentFill;
    std::string_view accountInk = ink;
    if (!frame.tokenIsAccount) {
        edge = faint;
        badgeFill = base;
        accountInk = muted;
    }
    if (failed) {
        edge = failure;
        badgeFill = failureFill;
        accountInk = failure;
    }
    w.badge(frame.badge, frame.badgeRect, edge, badgeFill, accountInk);
    w.out += "</g>\n";
}

void drawArrow(Writer &w, const ArrowLayout &arrow, ArrowState state) {
    std::string points;
    for (const Point &p : arrow.points)
        points += (points.empty() ? "" : " ") + number(p.x) + "," + number(p.y);
    const std::string_view colour = arrowColour(state);
    const char *marker = state == ArrowState::Travelled ? "travelled"
                         : state == ArrowState::Failed  ? "failed"
                                                        : "pending";
    w.out += "<polyline points=\"" + points + "\" fill=\"none\" stroke=\"" + std::string(colour) +
             "\" stroke-width=\"" + (state == ArrowState::Travelled ? "3" : "2") + "\"" +
             (state == ArrowState::NotTravelled ? " stroke-dasharray=\"5 5\"" : "") +
             " marker-end=\"url(#arrow-" + marker + ")\"/>\n";
}

std::string markerDefinition(std::string_view name, std::string_view colour) {
    return "<marker id=\"arrow-" + std::string(name) +
           "\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"5\" "
           "markerHeight=\"5\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"" +
           std::string(colour) + "\"/></marker>\n";
}

} // namespace

std::string toSvg(const Resolution &resolution, const SvgOptions &options) {
    const DiagramLayout layout = diagram::layout(resolution);
    const int last = static_cast<int>(resolution.steps.size()) - 1;
    const DiagramFrame f = frame(layout, resolution, options.step.value_or(last));

    constexpr TextStyle titleStyle{24, true};
    TextBlock title;
    if (!options.title.empty()) {
        title.style = titleStyle;
        title.lines =
            wrapText(options.title, titleStyle, layout.bounds.width - 2 * metrics::margin);
        title.rect = {metrics::margin, metrics::margin, widestLine(title.lines, titleStyle),
                      static_cast<double>(title.lines.size()) * lineHeight(titleStyle)};
    }
    const double shift = title.empty() ? 0 : title.rect.bottom();
    const double width = layout.bounds.width;
    const double height = layout.bounds.height + shift;

    Writer w;
    w.out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"" +
            number(width) + "\" height=\"" + number(height) + "\" viewBox=\"0 0 " + number(width) +
            " " + number(height) + "\" role=\"img\">\n";
    w.out += "<title>" + escapeMarkup(options.title.empty() ? "IIS request flow" : options.title) +
             "</title>\n";
    w.out += "<desc>" + escapeMarkup(f.heading + ": " + f.caption) + "</desc>\n";
    w.out += "<style>text{font-family:" + std::string(fontFamilyCss) +
             ";font-kerning:none;white-space:pre}</style>\n";
    w.out += "<defs>\n" + markerDefinition("travelled", accent) +
             markerDefinition("failed", failure) + markerDefinition("pending", faint) + "</defs>\n";
    w.rect({0, 0, width, height}, 0, base, {}, 0);
    w.text(title, ink);
    w.out += "<g transform=\"translate(0," + number(shift) + ")\">\n";

    for (std::size_t i = 0; i < layout.lanes.size(); ++i)
        drawLane(w, layout.lanes[i], f.lanes[i]);
    for (std::size_t i = 0; i < layout.arrows.size(); ++i)
        drawArrow(w, layout.arrows[i], f.arrows[i]);
    for (std::size_t i = 0; i < layout.stations.size(); ++i)
        drawStation(w, layout.stations[i], f.stations[i]);

    if (f.station >= 0) {
        const Point dock = dockPoint(layout, f.station);
        w.out += "<circle cx=\"" + number(dock.x) + "\" cy=\"" + number(dock.y) +
                 "\" r=\"9\" fill=\"" + std::string(f.failed ? failure : accent) + "\" stroke=\"" +
                 std::string(base) + "\" stroke-width=\"2.5\"/>\n";
    }

    const std::string_view edge = f.failed ? failure : accent;
    const Rect &c = layout.captionRect;
    w.rect({c.x + 1, c.y + 1, c.width - 2, c.height - 2}, 12, f.failed ? failureFill : accentFill,
           edge, 1.4);
    w.rect({c.x + 1, c.y + 1, metrics::captionBar, c.height - 2}, 4, edge, {}, 0);
    w.text(f.headingText, f.failed ? failure : muted);
    w.text(f.captionText, ink);
    w.out += "</g>\n</svg>\n";
    return w.out;
}

} // namespace iisid::diagram
