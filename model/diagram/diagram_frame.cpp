#include "diagram_parts.h"

#include <algorithm>
#include <optional>

namespace iisid::diagram {

using namespace detail;
using namespace metrics;

namespace {

constexpr double badgePadding = 9;
constexpr double badgeLabelGap = badgePadding * 0.7;

/// The first sentence of a step's text: a sentence ends at ". " followed by a capital; "IIS
/// 10.0:" and "e.g." do not end one. The caption wraps, so nothing is cut after it.
std::string firstSentence(const std::string &full) {
    for (std::size_t i = 0; i + 2 < full.size(); ++i) {
        const char next = full[i + 2];
        if (full[i] == '.' && full[i + 1] == ' ' && next >= 'A' && next <= 'Z' &&
            !(i >= 3 && full.compare(i - 3, 3, "e.g") == 0))
            return full.substr(0, i + 1);
    }
    return full;
}

std::string accountOrNone(const std::optional<std::string> &token) {
    return token ? *token : std::string("no impersonation");
}

double badgeMaxWidth(const StationLayout &station) {
    return station.rect.width - 2 * stationPadding;
}

double badgeMaxWidth(const LaneLayout &lane) {
    return lane.rect.width - 2 * headerPadding;
}

Rect stationBadgeRect(const StationLayout &station, const BadgeLayout &badge) {
    return {station.rect.x + stationPadding, station.rect.bottom() - 8 - badge.height, badge.width,
            badge.height};
}

Rect laneBadgeRect(const LaneLayout &lane, const BadgeLayout &badge) {
    return {lane.rect.x + headerPadding, lane.headerRect.bottom() - headerPadding - badge.height,
            badge.width, badge.height};
}

/// Sets a station's badge (its token) in `styles` and places it.
void placeBadge(StationFrame &f, const StationLayout &station, const TextStyles &styles) {
    f.badge = layoutBadge(f.tokenLabel, f.token, !f.tokenIsAccount, badgeMaxWidth(station), styles);
    f.badgeRect = stationBadgeRect(station, f.badge);
}

/// Sets a lane's badge (its process token) in `styles` and places it.
void placeBadge(LaneFrame &f, const LaneLayout &lane, const TextStyles &styles) {
    f.badge = layoutBadge(lane.kind == LaneLayout::Kind::Process ? "process" : "", f.processToken,
                          false, badgeMaxWidth(lane), styles);
    f.badgeRect = laneBadgeRect(lane, f.badge);
}

/// The caption's heading and text inside captionRect.
void placeCaption(DiagramFrame &frame, const Rect &captionRect, const TextStyles &styles) {
    const double x = captionRect.x + captionPadding + captionBar;
    const double width = captionRect.width - 2 * captionPadding - captionBar;
    frame.headingText = place(frame.heading, styles.captionHeading, x, captionRect.y + 10, width);
    frame.captionText =
        place(frame.caption, styles.captionText, x, frame.headingText.rect.bottom() + 6, width);
}

} // namespace

BadgeLayout layoutBadge(const std::string &label, const std::string &account, bool plain,
                        double maxWidth, const TextStyles &styles) {
    BadgeLayout out;
    if (label.empty() && account.empty())
        return out;
    const TextStyle accountStyle = plain ? styles.badgeRemark : styles.badgeAccount;
    const double labelWidth =
        label.empty() ? 0 : textWidth(label, styles.badgeLabel) + badgeLabelGap;
    const double room = std::max(40.0, maxWidth - labelWidth - 2 * badgePadding);
    out.account = place(account, accountStyle, badgePadding + labelWidth, 0, room);
    const double lines = static_cast<double>(std::max<std::size_t>(out.account.lines.size(), 1));
    out.height = std::max(badgeMinHeight, lines * lineHeight(accountStyle) + 10);
    // One line: centred in the pill; several: from the top with the same inset.
    const double accountTop = lines == 1 ? (out.height - lineHeight(accountStyle)) / 2 : 5;
    moveBlock(out.account, 0, accountTop);
    if (!label.empty()) {
        // On the first line's baseline.
        const double baseline = accountTop + ascent(accountStyle);
        out.label = place(label, styles.badgeLabel, badgePadding,
                          baseline - ascent(styles.badgeLabel), labelWidth + 1);
    }
    out.width = badgePadding + labelWidth + out.account.rect.width + badgePadding;
    return out;
}

/// Sets the token that changes hands at the step shown in the larger type (issue 10): the
/// thread's at an impersonation, a revert or a switch; the process token of the process the
/// request enters; the account a reached resource (content, child process, network) sees.
void markChangingToken(DiagramFrame &out, const DiagramLayout &layout, const TextStyles &styles,
                       const std::string &host) {
    const StationLayout &station = layout.stations[out.station];
    const TextStyles changing = changingBadgeStyles(styles);
    const auto markStation = [&] {
        StationFrame &f = out.stations[out.station];
        if (f.token.empty())
            return;
        f.changing = true;
        placeBadge(f, station, changing);
    };
    switch (out.change) {
    case TokenChange::Impersonate:
    case TokenChange::Revert:
    case TokenChange::SwitchThread:
        markStation();
        break;
    case TokenChange::Arrive:
    case TokenChange::CreateProcess:
        // The process the step runs in (the handler that starts it stands in the one before).
        for (std::size_t i = 0; i < layout.lanes.size(); ++i) {
            LaneFrame &f = out.lanes[i];
            if (layout.lanes[i].host == host && !f.processToken.empty()) {
                f.changing = true;
                placeBadge(f, layout.lanes[i], changing);
            }
        }
        break;
    case TokenChange::None:
        if (isReach(station.kind))
            markStation();
        break;
    case TokenChange::Fail:
        break;
    }
}

DiagramFrame frame(const DiagramLayout &layout, const Resolution &resolution, int step) {
    DiagramFrame out;
    const TextStyles styles = layout.options.styles();
    const int count = static_cast<int>(resolution.steps.size());
    out.stations.resize(layout.stations.size());
    out.lanes.resize(layout.lanes.size());
    if (count == 0) {
        placeCaption(out, layout.captionRect, styles);
        out.arrows.assign(layout.arrows.size(), ArrowState::Pending);
        return out;
    }
    step = std::clamp(step, 0, count - 1);
    out.step = step;
    out.station = layout.stationOfStep[step];
    const Step &now = resolution.steps[step];
    int failingStep = -1;
    for (int k = 0; k < count; ++k) {
        if (resolution.steps[k].fails) {
            failingStep = k;
            break;
        }
    }

    for (std::size_t i = 0; i < layout.stations.size(); ++i) {
        const StationLayout &station = layout.stations[i];
        StationFrame &f = out.stations[i];
        if (station.kind == StationKind::Client) {
            f.state = layout.outsideRequest ? StationState::NotReached : StationState::Passed;
            f.token = layout.outsideRequest ? std::string("no request") : layout.clientToken;
            f.tokenIsAccount = !layout.outsideRequest;
            continue;
        }
        if (station.kind == StationKind::Listener) {
            f.state = layout.outsideRequest ? StationState::NotReached : StationState::Passed;
            continue;
        }
        if (!station.reached) {
            // Before the failing step is shown, a station the request will never reach looks
            // like any station still ahead: the picture must not give the outcome away (lessons
            // ask the class to predict it).
            if (failingStep >= 0 && step < failingStep) {
                f.state = StationState::Pending;
                continue;
            }
            f.state = StationState::NotReached;
            f.token = "not reached";
            continue;
        }
        int last = -1;
        for (int k : station.steps) {
            if (k <= step)
                last = k;
        }
        if (last < 0) {
            f.state = StationState::Pending;
            continue;
        }
        const Step &s = resolution.steps[last];
        if (s.fails)
            f.state = StationState::Failed;
        else if (static_cast<int>(i) == out.station)
            f.state = StationState::Current;
        else
            f.state = StationState::Passed;
        f.tokenIsAccount = true;
        const Identities &ids = resolution.identities;
        const std::optional<std::string> effective = s.thread ? s.thread : s.process;
        switch (station.kind) {
        case StationKind::Content:
            f.tokenLabel = "read as";
            f.token = accountOrNone(ids.content ? ids.content : effective);
            break;
        case StationKind::ChildProcess:
            f.tokenLabel = "runs as";
            f.token = accountOrNone(ids.child ? ids.child : s.process);
            break;
        case StationKind::Network:
            f.tokenLabel = "seen as";
            f.token = accountOrNone(ids.network ? ids.network : effective);
            break;
        default:
            f.tokenLabel = "thread";
            f.token = accountOrNone(s.thread);
            f.tokenIsAccount = s.thread.has_value();
            break;
        }
    }
    for (std::size_t i = 0; i < layout.stations.size(); ++i) {
        StationFrame &f = out.stations[i];
        if (f.token.empty())
            continue;
        placeBadge(f, layout.stations[i], styles);
    }

    const bool httpSysListens = !resolution.request.iis5ProcessModel;
    for (std::size_t i = 0; i < layout.lanes.size(); ++i) {
        const LaneLayout &lane = layout.lanes[i];
        LaneFrame &f = out.lanes[i];
        f.active = layout.stations[out.station].lane == static_cast<int>(i);
        if (lane.kind == LaneLayout::Kind::Listener && httpSysListens) {
            f.processToken = "kernel: no token";
        } else if (lane.kind == LaneLayout::Kind::Process) {
            for (int k = 0; k <= step; ++k) {
                const Step &s = resolution.steps[k];
                if (s.host == lane.host && s.process &&
                    !isReach(layout.stations[layout.stationOfStep[k]].kind))
                    f.processToken = *s.process;
            }
        }
        if (f.processToken.empty())
            continue;
        placeBadge(f, lane, styles);
    }

    // What changed hands at this step.
    const Step *before = step > 0 ? &resolution.steps[step - 1] : nullptr;
    const StationKind kind = layout.stations[out.station].kind;
    if (now.fails) {
        out.change = TokenChange::Fail;
        out.failed = true;
        out.caption = "The request fails";
        if (resolution.http)
            out.caption += " with HTTP " + resolution.http->toString();
        out.caption += ". " + firstSentence(now.text);
    } else if (!before) {
        out.change = TokenChange::Arrive;
        out.caption = layout.outsideRequest
                          ? "Outside any request, the code runs in " + now.host
                          : layout.lanes[1].title + " hands the request to " + now.host;
        if (now.process)
            out.caption += ", whose process token is " + *now.process;
        out.caption += '.';
    } else if (now.host != before->host && !isReach(kind)) {
        out.change = TokenChange::CreateProcess;
        out.caption = "The request moves on to " + now.host;
        if (now.process)
            out.caption += ", whose process token is " + *now.process;
        out.caption += '.';
    } else if (!before->thread && now.thread) {
        out.change = TokenChange::Impersonate;
        out.caption =
            "The thread impersonates " + *now.thread + ": from here the code acts with that token.";
    } else if (before->thread && !now.thread) {
        out.change = TokenChange::Revert;
        out.caption = "The thread reverts to the process token";
        if (now.process)
            out.caption += ", " + *now.process;
        out.caption += '.';
    } else if (before->thread && now.thread && *before->thread != *now.thread) {
        out.change = TokenChange::SwitchThread;
        out.caption =
            "The thread token changes from " + *before->thread + " to " + *now.thread + '.';
    } else {
        out.caption = firstSentence(now.text);
    }

    const std::string dot = " \u00b7 ";
    out.heading =
        "Step " + std::to_string(step + 1) + " of " + std::to_string(count) + dot + stageName(kind);
    // Where the box is drawn: a handler whose program runs in a process of its own (CGI, ASP.NET
    // Core out of process) is drawn where its module runs, and the heading says so too.
    const StationLayout &station = layout.stations[out.station];
    const LaneLayout &drawnIn = layout.lanes[static_cast<std::size_t>(station.lane)];
    const std::string &host =
        !isReach(station.kind) && drawnIn.kind == LaneLayout::Kind::Process && !drawnIn.host.empty()
            ? drawnIn.host
            : now.host;
    if (!host.empty())
        out.heading += dot + "in " + host;
    if (now.confidence == Confidence::Unconfirmed)
        out.heading += dot + "UNCONFIRMED";
    else if (now.confidence == Confidence::Conflict)
        out.heading += dot + "SOURCES CONFLICT";
    if (step == count - 1 && !layout.result.empty())
        out.heading += dot + layout.result;
    placeCaption(out, layout.captionRect, styles);
    markChangingToken(out, layout, styles, now.host);
    out.arrows.reserve(layout.arrows.size());
    for (const ArrowLayout &arrow : layout.arrows) {
        const StationState target = out.stations[arrow.to].state;
        ArrowState state = ArrowState::Pending;
        if (target == StationState::NotReached ||
            out.stations[arrow.from].state == StationState::NotReached)
            state = ArrowState::NotTravelled;
        else if (target == StationState::Failed)
            state = ArrowState::Failed;
        else if (target == StationState::Passed || target == StationState::Current)
            state = ArrowState::Travelled;
        out.arrows.push_back(state);
    }
    return out;
}

double stationOpacity(StationState state) {
    switch (state) {
    // Faded, yet readable from the back of a room.
    case StationState::Pending:
        return 0.6;
    case StationState::NotReached:
        return 0.6;
    default:
        return 1.0;
    }
}

std::vector<StationDifference> differingStations(const Resolution &b, const Resolution &a) {
    const DiagramLayout layoutA = layout(a);
    const DiagramLayout layoutB = layout(b);
    const DiagramFrame endA = frame(layoutA, a, static_cast<int>(a.steps.size()) - 1);
    const DiagramFrame endB = frame(layoutB, b, static_cast<int>(b.steps.size()) - 1);
    const auto shown = [](const StationFrame &f) {
        return f.state == StationState::NotReached ? std::string("not reached") : f.token;
    };
    std::vector<StationDifference> out;
    for (std::size_t i = 0; i < layoutB.stations.size(); ++i) {
        const StationKind kind = layoutB.stations[i].kind;
        // The same kind's n-th station in A.
        int seen = 0;
        for (std::size_t k = 0; k < i; ++k)
            seen += layoutB.stations[k].kind == kind ? 1 : 0;
        int match = -1;
        for (std::size_t k = 0; k < layoutA.stations.size() && match < 0; ++k) {
            if (layoutA.stations[k].kind == kind && seen-- == 0)
                match = static_cast<int>(k);
        }
        const std::string inB = shown(endB.stations[i]);
        const std::string inA = match < 0 ? std::string("absent") : shown(endA.stations[match]);
        if (inA != inB)
            out.push_back({static_cast<int>(i), inA});
    }
    return out;
}

} // namespace iisid::diagram
