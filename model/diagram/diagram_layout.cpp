#include "diagram_layout.h"

#include "diagram_parts.h"

#include "model/stages.h" // schemeName: the resolver's words for a scheme

#include <algorithm>
#include <cmath>
#include <optional>

namespace iisid::diagram {

namespace detail {

/// `text` wrapped to `width` with its top left at (x, y).
TextBlock place(const std::string &text, TextStyle style, double x, double y, double width) {
    TextBlock block;
    block.text = text;
    block.style = style;
    block.lines = wrapText(text, style, width);
    block.rect = {x, y, widestLine(block.lines, style),
                  static_cast<double>(block.lines.size()) * lineHeight(style)};
    return block;
}

void moveBlock(TextBlock &block, double dx, double dy) {
    block.rect.x += dx;
    block.rect.y += dy;
}

} // namespace detail

using namespace detail;
using namespace metrics;

namespace {

constexpr double minimumHeaderHeight = 104;
constexpr double minimumStationHeight = 78;
constexpr double minimumCaptionHeight = 104;
/// Between rows of stations when the picture is compact (presenter mode).
constexpr double compactRowGap = 12;
constexpr double compactMargin = 8;   // around the picture
constexpr double compactLaneGap = 10; // between lanes
/// The confidence tag's height at the default type.
constexpr double tagHeight = 18;

/// The station's title (and the failure status beside it) and its detail, set for the width of
/// its box; the detail goes beside a one-line title when it fits there whole, else below.
void placeStationTexts(StationLayout &station, const std::string &failureStatus,
                       const TextStyles &styles) {
    const Rect &r = station.rect;
    const double room = r.width - 2 * stationPadding;
    // The confidence tag sits on the top edge; a tag taller than the default one (presenter
    // mode) pushes the texts down so it does not cover the title, and so does a failure status,
    // which stands right under the tag.
    const bool showsStatus = station.failed && !failureStatus.empty();
    const std::string tag = confidenceTag(station.confidence);
    station.tagText = {};
    station.tagRect = {};
    double textTop = r.y + 6;
    if (!tag.empty()) {
        const double w = textWidth(tag, styles.tag) + 12;
        const double h = std::max(tagHeight, std::ceil(lineHeight(styles.tag)) + 2);
        station.tagRect = {r.right() - w - 10, r.y - h / 2, w, h};
        station.tagText = place(tag, styles.tag, station.tagRect.x + 6,
                                station.tagRect.y + (h - lineHeight(styles.tag)) / 2, w - 12 + 1);
        if (h > tagHeight || showsStatus)
            textTop = station.tagRect.bottom() + 2;
    }
    double titleRoom = room;
    station.statusText = {};
    if (showsStatus) {
        const double w = textWidth(failureStatus, styles.stationTitle);
        station.statusText = place(failureStatus, styles.stationTitle,
                                   r.right() - stationPadding - w, textTop, w + 1);
        titleRoom -= w + 8;
    }
    station.titleText =
        place(station.title, styles.stationTitle, r.x + stationPadding, textTop, titleRoom);
    station.detailText = {};
    if (!station.detail.empty()) {
        const TextBlock &title = station.titleText;
        const double besideX = title.rect.right() + 8;
        const double besideRoom = r.x + stationPadding + titleRoom - besideX;
        const double detailWidth = textWidth(station.detail, styles.stationDetail);
        if (title.lines.size() == 1 && detailWidth <= besideRoom) {
            // On the title's line, sharing its baseline.
            const double baseline = title.rect.y + ascent(styles.stationTitle);
            station.detailText = place(station.detail, styles.stationDetail, besideX,
                                       baseline - ascent(styles.stationDetail), besideRoom);
        } else {
            station.detailText = place(station.detail, styles.stationDetail, r.x + stationPadding,
                                       title.rect.bottom() + 2, room);
        }
    }
}

/// The bottom of what a station shows above its badge.
double stationTextBottom(const StationLayout &station) {
    double bottom = station.titleText.rect.bottom();
    if (!station.detailText.empty())
        bottom = std::max(bottom, station.detailText.rect.bottom());
    return bottom;
}

/// Lanes, stations, steps and arrows' ends: the diagram's structure, before any geometry.
DiagramLayout structure(const Resolution &resolution) {
    const RequestFacts &request = resolution.request;
    DiagramLayout out;
    const std::string listenerHost = request.iis5ProcessModel ? "inetinfo.exe" : "HTTP.sys";

    // Lanes: the client, the listener, each process in the order the trace names it, and what
    // the code reaches.
    out.lanes.push_back({LaneLayout::Kind::Client, {}, "Client", {}, {}, {}, {}});
    out.lanes.push_back({LaneLayout::Kind::Listener, listenerHost, listenerHost, {}, {}, {}, {}});
    auto laneOf = [&out](const std::string &host) {
        for (std::size_t i = 0; i < out.lanes.size(); ++i) {
            if (out.lanes[i].host == host && out.lanes[i].kind != LaneLayout::Kind::Client)
                return static_cast<int>(i);
        }
        return -1;
    };
    auto addProcessLane = [&](const std::string &host, const std::string &title) {
        int index = laneOf(host);
        if (index >= 0) {
            // inetinfo.exe both listens and runs the code (IIS 5 model, low protection).
            out.lanes[index].kind = LaneLayout::Kind::Process;
            return index;
        }
        out.lanes.push_back({LaneLayout::Kind::Process, host, title, {}, {}, {}, {}});
        return static_cast<int>(out.lanes.size() - 1);
    };
    for (const Step &step : resolution.steps) {
        if (!isReach(kindOf(step.stage)) && !step.host.empty())
            addProcessLane(step.host, step.hostTitle.empty() ? step.host : step.hostTitle);
    }
    if (!resolution.workerHost.empty())
        addProcessLane(resolution.workerHost, resolution.workerHost);
    const bool listenerIsProcess = out.lanes[1].kind == LaneLayout::Kind::Process;

    // Stations: the browser, the listener, then one per run of trace steps at the same stage in
    // the same process.
    // The browser's badge is the user it sends; the scheme goes on the title line.
    out.clientToken = request.user ? *request.user : std::string("anonymous");
    StationLayout client;
    client.kind = StationKind::Client;
    client.title = stationTitle(StationKind::Client);
    if (request.user)
        client.detail = schemeName(request.scheme);
    client.lane = 0;
    out.stations.push_back(client);
    if (!listenerIsProcess) {
        StationLayout listener;
        listener.kind = StationKind::Listener;
        listener.title = stationTitle(StationKind::Listener);
        listener.detail = request.iis5ProcessModel ? "and hands it on" : "and queues it";
        listener.lane = 1;
        out.stations.push_back(listener);
    }

    int reachLane = -1;
    auto ensureReachLane = [&] {
        if (reachLane < 0) {
            out.lanes.push_back(
                {LaneLayout::Kind::Reaches, {}, "What the code reaches", {}, {}, {}, {}});
            reachLane = static_cast<int>(out.lanes.size() - 1);
        }
        return reachLane;
    };
    const std::size_t firstTraceStation = out.stations.size();
    out.stationOfStep.resize(resolution.steps.size(), 0);
    int failedStation = -1;
    int previousLane = -1; // the process lane of the step before
    for (std::size_t i = 0; i < resolution.steps.size(); ++i) {
        const Step &step = resolution.steps[i];
        const StationKind kind = kindOf(step.stage);
        int lane = isReach(kind) ? ensureReachLane() : laneOf(step.host);
        // A handler with a process of its own (CGI, FastCGI, out-of-process ASP.NET Core,
        // aspnet_wp.exe) is a module of the process that has the request: it starts or calls
        // that process, so its box stands where it runs, and the arrow out of it crosses over.
        if (kind == StationKind::Handler && request.handlerHasOwnProcess && previousLane >= 0)
            lane = previousLane;
        if (!isReach(kind) && lane >= 0)
            previousLane = lane;
        StationLayout *current =
            out.stations.size() > firstTraceStation ? &out.stations.back() : nullptr;
        if (!current || current->kind != kind || current->lane != lane) {
            StationLayout station;
            station.kind = kind;
            station.title = stationTitle(kind);
            station.detail = stationDetail(kind, request);
            station.lane = std::max(lane, 0);
            out.stations.push_back(station);
            current = &out.stations.back();
        }
        current->steps.push_back(static_cast<int>(i));
        current->confidence = std::max(current->confidence, step.confidence);
        if (step.fails) {
            current->failed = true;
            failedStation = static_cast<int>(out.stations.size() - 1);
        }
        out.stationOfStep[i] = static_cast<int>(out.stations.size() - 1);
    }

    // After a failure, the stations a successful request would have met are shown as not
    // reached, in the process where it failed.
    if (failedStation >= 0) {
        const StationLayout failed = out.stations[failedStation];
        const StationKind canonical[] = {StationKind::Authentication, StationKind::Authorization,
                                         StationKind::Handler, StationKind::Code,
                                         StationKind::Content};
        for (StationKind kind : canonical) {
            if (kind <= failed.kind)
                continue;
            StationLayout station;
            station.kind = kind;
            station.title = stationTitle(kind);
            station.detail = stationDetail(kind, request);
            station.lane = isReach(kind) ? ensureReachLane() : failed.lane;
            station.reached = false;
            out.stations.push_back(station);
        }
    }

    if (resolution.http)
        out.result = "HTTP " + resolution.http->toString();
    const bool failedAtEnd = !resolution.steps.empty() && resolution.steps.back().fails;
    if (failedAtEnd && resolution.http)
        out.failureStatus = resolution.http->toString();
    out.outsideRequest = !resolution.http && !resolution.steps.empty();
    if (out.outsideRequest) {
        for (StationLayout &station : out.stations) {
            if (station.kind == StationKind::Worker)
                station.title = "Worker process";
        }
    }
    return out;
}

/// The rows of stations: the first three (browser, listener, worker) share the top row when
/// they stand in successive lanes; every other station has a row of its own.
/// Compact (presenter mode): any station that stands right of the one before shares its row, so
/// the staircase keeps only the steps down a lane.
std::vector<int> rowsOf(const DiagramLayout &layout, bool compact) {
    std::vector<int> rows;
    int row = 0;
    int previousLane = -1;
    bool firstRow = true;
    for (const StationLayout &station : layout.stations) {
        const bool onTopRow =
            firstRow && station.lane > previousLane &&
            (station.kind == StationKind::Client || station.kind == StationKind::Listener ||
             station.kind == StationKind::Worker);
        const bool sharesRow = onTopRow || (compact && station.lane > previousLane);
        if (!sharesRow && previousLane >= 0) {
            ++row;
            firstRow = false;
        }
        rows.push_back(row);
        previousLane = station.lane;
    }
    return rows;
}

void placeArrows(DiagramLayout &out) {
    int lastPipeline = 0;
    for (std::size_t i = 1; i < out.stations.size(); ++i) {
        const StationLayout &to = out.stations[i];
        // Each station follows the last pipeline station: what the code reaches branches off
        // and the pipeline goes on from where it was (e.g. after an ISAPI filter's calls).
        const int from = lastPipeline;
        if (!isReach(to.kind))
            lastPipeline = static_cast<int>(i);
        const Rect a = out.stations[from].rect;
        const Rect b = to.rect;
        ArrowLayout arrow;
        arrow.from = from;
        arrow.to = static_cast<int>(i);
        if (a.top() == b.top()) {
            arrow.points = {{a.right(), a.center().y}, {b.left(), b.center().y}};
        } else if (out.stations[from].lane == to.lane) {
            arrow.points = {{a.center().x, a.bottom()}, {b.center().x, b.top()}};
        } else {
            const double edge = b.center().x > a.center().x ? b.left() : b.right();
            const double startX = a.center().x;
            arrow.points = {{startX, a.bottom()}, {startX, b.center().y}, {edge, b.center().y}};
        }
        out.arrows.push_back(arrow);
    }
}

} // namespace

bool Rect::contains(const Rect &inner) const {
    constexpr double e = 0.5;
    return inner.x >= x - e && inner.y >= y - e && inner.right() <= right() + e &&
           inner.bottom() <= bottom() + e;
}

bool Rect::intersects(const Rect &other) const {
    return x < other.right() && other.x < right() && y < other.bottom() && other.y < bottom();
}

int DiagramLayout::stationIndex(StationKind kind) const {
    for (std::size_t i = 0; i < stations.size(); ++i) {
        if (stations[i].kind == kind)
            return static_cast<int>(i);
    }
    return -1;
}

const ArrowLayout *DiagramLayout::arrowInto(int to) const {
    for (const ArrowLayout &arrow : arrows) {
        if (arrow.to == to)
            return &arrow;
    }
    return nullptr;
}

TextStyles LayoutOptions::styles() const {
    const auto scaled = [this](TextStyle style, double more = 1) {
        return TextStyle{std::max(style.pixelSize * textScale, minimumPx) * more, style.bold};
    };
    return {scaled(laneTitleStyle),
            scaled(laneSubtitleStyle),
            scaled(stationTitleStyle),
            scaled(stationDetailStyle),
            scaled(tagStyle),
            scaled(badgeLabelStyle),
            scaled(badgeAccountStyle),
            scaled(badgeRemarkStyle),
            scaled(captionHeadingStyle, captionScale),
            scaled(captionTextStyle, captionScale),
            scaled(compareMarkStyle),
            scaled(changingTokenStyle)};
}

TextStyles changingBadgeStyles(TextStyles styles) {
    styles.badgeAccount = styles.changingToken;
    styles.badgeRemark = {styles.changingToken.pixelSize, false};
    return styles;
}

LayoutOptions LayoutOptions::presenter() {
    // The titles stay at their own size (21 and 19 px, raised to 20): larger, they made the
    // picture taller than a full-HD screen fits at 18 px once the changing token grew too.
    return {.compact = true, .textScale = 1.0, .minimumPx = 20, .captionScale = 1.3};
}

LayoutOptions LayoutOptions::desk() {
    // The small texts (tags 12 px, badge labels 13, subtitles 14) are raised to 15 px: fitted to
    // a laptop's pane the picture is shown at about half its size.
    return {.compact = true, .textScale = 1.0, .minimumPx = 15, .captionScale = 1.0};
}

DiagramLayout layout(const Resolution &resolution, const LayoutOptions &options) {
    DiagramLayout out = structure(resolution);
    out.options = options;
    const TextStyles styles = options.styles();
    const double edge = options.compact ? compactMargin : margin;
    const double between = options.compact ? compactLaneGap : laneGap;

    // Widths: lanes side by side, each as wide as its kind; the client's wide enough for the
    // user the browser sends on one line ("CONTOSO\alice" must not break at its backslash).
    const double clientBadge = layoutBadge({}, out.clientToken, false, laneWidth, styles).width +
                               2 * (stationInset + stationPadding);
    double x = edge;
    for (LaneLayout &lane : out.lanes) {
        const bool narrow =
            lane.kind == LaneLayout::Kind::Client || lane.kind == LaneLayout::Kind::Listener;
        double width = narrow                                   ? narrowLaneWidth
                       : lane.kind == LaneLayout::Kind::Reaches ? reachLaneWidth
                                                                : laneWidth;
        if (lane.kind == LaneLayout::Kind::Client)
            width = std::max(width, std::ceil(clientBadge));
        lane.rect = {x, edge, width, 0};
        x += width + between;
    }
    const double right = x - between + edge;
    for (StationLayout &station : out.stations) {
        const Rect &lane = out.lanes[station.lane].rect;
        station.rect = {lane.x + stationInset, 0, lane.width - 2 * stationInset, 0};
    }
    out.captionRect = {edge, 0, right - 2 * edge, 0};

    // Heights: room for every text any step shows. The frames are computed on the provisional
    // geometry for their texts and badge sizes only.
    const int stepCount = static_cast<int>(resolution.steps.size());
    std::vector<double> laneBadge(out.lanes.size(), 0);
    std::vector<double> stationBadge(out.stations.size(), 0);
    double captionTextHeight = 0;
    for (int step = 0; step < std::max(stepCount, 1); ++step) {
        const DiagramFrame f = frame(out, resolution, step);
        for (std::size_t i = 0; i < out.lanes.size(); ++i)
            laneBadge[i] = std::max(laneBadge[i], f.lanes[i].badge.height);
        for (std::size_t i = 0; i < out.stations.size(); ++i)
            stationBadge[i] = std::max(stationBadge[i], f.stations[i].badge.height);
        captionTextHeight =
            std::max(captionTextHeight, f.captionText.rect.bottom() - f.headingText.rect.y);
    }

    double headerHeight = options.compact ? 0 : minimumHeaderHeight;
    for (std::size_t i = 0; i < out.lanes.size(); ++i) {
        LaneLayout &lane = out.lanes[i];
        const double room = lane.rect.width - 2 * headerPadding;
        lane.titleText = place(lane.title, styles.laneTitle, lane.rect.x + headerPadding,
                               lane.rect.y + 10, room);
        const std::string sub = laneSubtitle(lane.kind);
        const double besideX = lane.titleText.rect.right() + 10;
        if (lane.titleText.lines.size() == 1 &&
            textWidth(sub, styles.laneSubtitle) <= lane.rect.x + headerPadding + room - besideX) {
            const double baseline = lane.titleText.rect.y + ascent(styles.laneTitle);
            lane.subtitleText =
                place(sub, styles.laneSubtitle, besideX, baseline - ascent(styles.laneSubtitle),
                      lane.rect.right() - headerPadding - besideX);
        } else {
            lane.subtitleText = place(sub, styles.laneSubtitle, lane.rect.x + headerPadding,
                                      lane.titleText.rect.bottom() + 2, room);
        }
        const double texts =
            std::max(lane.titleText.rect.bottom(), lane.subtitleText.rect.bottom());
        const double badge = std::max(laneBadge[i], badgeMinHeight);
        headerHeight = std::max(headerHeight, texts - lane.rect.y + 8 + badge + headerPadding);
    }
    for (LaneLayout &lane : out.lanes)
        lane.headerRect = {lane.rect.x, lane.rect.y, lane.rect.width, headerHeight};

    const std::vector<int> rows = rowsOf(out, options.compact);
    const int rowCount = rows.empty() ? 0 : rows.back() + 1;
    std::vector<double> rowHeight(rowCount, options.compact ? 0 : minimumStationHeight);
    for (std::size_t i = 0; i < out.stations.size(); ++i) {
        StationLayout &station = out.stations[i];
        placeStationTexts(station, out.failureStatus, styles);
        const double badge = stationBadge[i] > 0 ? stationBadge[i] + 6 + 8 : 8;
        const double height = stationTextBottom(station) - station.rect.y + badge;
        rowHeight[rows[i]] = std::max(rowHeight[rows[i]], height);
    }
    const double gap = options.compact ? compactRowGap : rowGap;
    const double top = edge + headerHeight + gap;
    std::vector<double> rowTop(rowCount, top);
    for (int r = 1; r < rowCount; ++r)
        rowTop[r] = rowTop[r - 1] + rowHeight[r - 1] + gap;
    for (std::size_t i = 0; i < out.stations.size(); ++i) {
        StationLayout &station = out.stations[i];
        station.rect.y = rowTop[rows[i]];
        station.rect.height = rowHeight[rows[i]];
        placeStationTexts(station, out.failureStatus, styles);
    }
    const double lanesBottom =
        rowCount == 0 ? top : rowTop[rowCount - 1] + rowHeight[rowCount - 1] + gap;
    for (LaneLayout &lane : out.lanes)
        lane.rect.height = lanesBottom - lane.rect.y;
    out.captionRect.y = lanesBottom + gap;
    out.captionRect.height = std::max(options.compact ? 0 : minimumCaptionHeight,
                                      captionTextHeight + 10 + captionPadding);
    out.bounds = {0, 0, right, out.captionRect.bottom() + edge};
    placeArrows(out);
    return out;
}

Point dockPoint(const DiagramLayout &layout, int station) {
    if (const ArrowLayout *arrow = layout.arrowInto(station); arrow && !arrow->points.empty())
        return arrow->points.back();
    const Rect r = layout.stations.at(station).rect;
    return {r.right(), r.center().y};
}

} // namespace iisid::diagram
