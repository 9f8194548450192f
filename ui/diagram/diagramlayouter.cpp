#include "diagramlayouter.h"

#include "model/resolution.h"
#include "model/settings.h"

#include <algorithm>

namespace iisid::ui {

namespace {

QString text(const std::string &value) {
    return QString::fromStdString(value);
}

bool isReach(StationKind kind) {
    return kind == StationKind::Content || kind == StationKind::ChildProcess ||
           kind == StationKind::Network;
}

StationKind kindOf(Stage stage) {
    switch (stage) {
    case Stage::Worker:
        return StationKind::Worker;
    case Stage::Configuration:
        return StationKind::Configuration;
    case Stage::Authentication:
        return StationKind::Authentication;
    case Stage::Authorization:
        return StationKind::Authorization;
    case Stage::Filter:
        return StationKind::Filter;
    case Stage::Handler:
        return StationKind::Handler;
    case Stage::Code:
        return StationKind::Code;
    case Stage::Content:
        return StationKind::Content;
    case Stage::ChildProcess:
        return StationKind::ChildProcess;
    case Stage::Network:
        return StationKind::Network;
    }
    return StationKind::Code;
}

QString handlerName(HandlerKind kind) {
    switch (kind) {
    case HandlerKind::Static:
        return QStringLiteral("static file handler");
    case HandlerKind::IsapiFilter:
        return QStringLiteral("ISAPI filter, then static file");
    case HandlerKind::IsapiExtension:
        return QStringLiteral("ISAPI extension");
    case HandlerKind::Asp:
        return QStringLiteral("asp.dll (Classic ASP)");
    case HandlerKind::AspNet:
        return QStringLiteral("ASP.NET");
    case HandlerKind::Cgi:
        return QStringLiteral("CGI");
    case HandlerKind::FastCgi:
        return QStringLiteral("FastCGI (PHP)");
    case HandlerKind::AspNetCore:
        return QStringLiteral("ASP.NET Core Module");
    }
    return {};
}

QString codeName(HandlerKind kind) {
    switch (kind) {
    case HandlerKind::Static:
        return QStringLiteral("none: a static file");
    case HandlerKind::IsapiFilter:
        return QStringLiteral("the filter's code");
    case HandlerKind::IsapiExtension:
        return QStringLiteral("the extension DLL");
    case HandlerKind::Asp:
        return QStringLiteral("the .asp page");
    case HandlerKind::AspNet:
        return QStringLiteral("the .aspx page");
    case HandlerKind::Cgi:
        return QStringLiteral("the CGI program");
    case HandlerKind::FastCgi:
        return QStringLiteral("the PHP script");
    case HandlerKind::AspNetCore:
        return QStringLiteral("the ASP.NET Core app");
    }
    return {};
}

QString schemeName(Scheme scheme) {
    switch (scheme) {
    case Scheme::Ntlm:
        return QStringLiteral("NTLM");
    case Scheme::Kerberos:
        return QStringLiteral("Kerberos");
    case Scheme::Basic:
        return QStringLiteral("Basic");
    case Scheme::Digest:
        return QStringLiteral("Digest");
    case Scheme::ClientCertificate:
        return QStringLiteral("certificate");
    case Scheme::Forms:
        return QStringLiteral("forms");
    }
    return {};
}

QString stationTitle(StationKind kind) {
    switch (kind) {
    case StationKind::Client:
        return QStringLiteral("Browser");
    case StationKind::Listener:
        return QStringLiteral("Receives it");
    case StationKind::Worker:
        return QStringLiteral("Takes the request");
    case StationKind::Configuration:
        return QStringLiteral("Configuration");
    case StationKind::Authentication:
        return QStringLiteral("Authentication");
    case StationKind::Authorization:
        return QStringLiteral("Authorization");
    case StationKind::Filter:
        return QStringLiteral("ISAPI filter");
    case StationKind::Handler:
        return QStringLiteral("Handler");
    case StationKind::Code:
        return QStringLiteral("The code");
    case StationKind::Content:
        return QStringLiteral("Content");
    case StationKind::ChildProcess:
        return QStringLiteral("Child process");
    case StationKind::Network:
        return QStringLiteral("Share / SQL Server");
    }
    return {};
}

QString stationDetail(StationKind kind, const EffectiveScenario &scenario) {
    switch (kind) {
    case StationKind::Handler:
        return handlerName(scenario.handler);
    case StationKind::Code:
        return codeName(scenario.handler);
    case StationKind::Content:
        return text(scenario.contentPath);
    case StationKind::ChildProcess:
        return QStringLiteral("started by the code");
    case StationKind::Network:
        return QStringLiteral("off the box");
    default:
        return {};
    }
}

/// The stage name a person reads in the caption heading.
QString stageName(StationKind kind) {
    switch (kind) {
    case StationKind::Worker:
        return QStringLiteral("Worker");
    case StationKind::Code:
        return QStringLiteral("Code");
    case StationKind::Network:
        return QStringLiteral("Network");
    default:
        return stationTitle(kind);
    }
}

QString firstSentence(const std::string &full) {
    QString s = text(full);
    // A sentence ends at ". " followed by a capital; "IIS 10.0:" and "e.g." do not end one.
    for (qsizetype i = 0; i + 2 < s.size(); ++i) {
        if (s.at(i) == u'.' && s.at(i + 1) == u' ' && s.at(i + 2).isUpper() &&
            !(i >= 3 && s.mid(i - 3, 3) == QStringLiteral("e.g"))) {
            s.truncate(i + 1);
            break;
        }
    }
    constexpr qsizetype limit = 200;
    if (s.size() > limit)
        s = s.left(limit - 1).trimmed() + QChar(0x2026);
    return s;
}

QString accountOrNone(const std::optional<std::string> &token) {
    return token ? text(*token) : QStringLiteral("no impersonation");
}

} // namespace

DiagramLayout DiagramLayouter::layout(const EffectiveScenario &scenario,
                                      const Resolution &resolution) {
    DiagramLayout out;
    const QString listenerHost =
        scenario.iis5ProcessModel ? QStringLiteral("inetinfo.exe") : QStringLiteral("HTTP.sys");

    // Lanes: the client, the listener, each process in the order the trace names it, and what
    // the code reaches.
    out.lanes.push_back({LaneLayout::Kind::Client, QString(), QStringLiteral("Client"), {}, {}});
    out.lanes.push_back({LaneLayout::Kind::Listener, listenerHost, listenerHost, {}, {}});
    auto laneOf = [&out](const QString &host) {
        for (std::size_t i = 0; i < out.lanes.size(); ++i) {
            if (out.lanes[i].host == host && out.lanes[i].kind != LaneLayout::Kind::Client)
                return static_cast<int>(i);
        }
        return -1;
    };
    auto addProcessLane = [&](const QString &host) {
        int index = laneOf(host);
        if (index >= 0) {
            // inetinfo.exe both listens and runs the code (IIS 5 model, low protection).
            out.lanes[index].kind = LaneLayout::Kind::Process;
            return index;
        }
        out.lanes.push_back({LaneLayout::Kind::Process, host, host, {}, {}});
        return static_cast<int>(out.lanes.size() - 1);
    };
    for (const Step &step : resolution.steps) {
        if (!isReach(kindOf(step.stage)) && !step.host.empty())
            addProcessLane(text(step.host));
    }
    if (!resolution.workerHost.empty())
        addProcessLane(text(resolution.workerHost));
    const bool listenerIsProcess = out.lanes[1].kind == LaneLayout::Kind::Process;

    // Stations: the browser, the listener, then one per run of trace steps at the same stage in
    // the same process.
    // The browser's badge is the user it sends; the scheme goes on the title line.
    out.clientToken =
        scenario.requestUser ? text(*scenario.requestUser) : QStringLiteral("anonymous");
    StationLayout client;
    client.kind = StationKind::Client;
    client.title = stationTitle(StationKind::Client);
    if (scenario.requestUser)
        client.detail = schemeName(scenario.scheme);
    client.lane = 0;
    out.stations.push_back(client);
    if (!listenerIsProcess) {
        StationLayout listener;
        listener.kind = StationKind::Listener;
        listener.title = stationTitle(StationKind::Listener);
        listener.detail = scenario.iis5ProcessModel ? QStringLiteral("and hands it on")
                                                    : QStringLiteral("and queues it");
        listener.lane = 1;
        out.stations.push_back(listener);
    }

    int reachLane = -1;
    auto ensureReachLane = [&] {
        if (reachLane < 0) {
            out.lanes.push_back({LaneLayout::Kind::Reaches,
                                 QString(),
                                 QStringLiteral("What the code reaches"),
                                 {},
                                 {}});
            reachLane = static_cast<int>(out.lanes.size() - 1);
        }
        return reachLane;
    };
    const std::size_t firstTraceStation = out.stations.size();
    out.stationOfStep.resize(resolution.steps.size(), 0);
    int failedStation = -1;
    for (std::size_t i = 0; i < resolution.steps.size(); ++i) {
        const Step &step = resolution.steps[i];
        const StationKind kind = kindOf(step.stage);
        const int lane = isReach(kind) ? ensureReachLane() : laneOf(text(step.host));
        StationLayout *current =
            out.stations.size() > firstTraceStation ? &out.stations.back() : nullptr;
        if (!current || current->kind != kind || current->lane != lane) {
            StationLayout station;
            station.kind = kind;
            station.title = stationTitle(kind);
            station.detail = stationDetail(kind, scenario);
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
            station.detail = stationDetail(kind, scenario);
            station.lane = isReach(kind) ? ensureReachLane() : failed.lane;
            station.reached = false;
            out.stations.push_back(station);
        }
    }

    // Geometry: lanes side by side, one row per station (the first three share the top row).
    double x = margin;
    for (LaneLayout &lane : out.lanes) {
        const bool narrow =
            lane.kind == LaneLayout::Kind::Client || lane.kind == LaneLayout::Kind::Listener;
        const double width = narrow                                   ? narrowLaneWidth
                             : lane.kind == LaneLayout::Kind::Reaches ? reachLaneWidth
                                                                      : laneWidth;
        lane.rect = QRectF(x, margin, width, 0);
        lane.headerRect = QRectF(x, margin, width, headerHeight);
        x += width + laneGap;
    }
    const double right = x - laneGap + margin;
    const double top = margin + headerHeight + 16;
    int row = 0;
    int previousLane = -1;
    bool firstRow = true;
    for (StationLayout &station : out.stations) {
        const bool onTopRow =
            firstRow && station.lane > previousLane &&
            (station.kind == StationKind::Client || station.kind == StationKind::Listener ||
             station.kind == StationKind::Worker);
        if (!onTopRow && previousLane >= 0) {
            ++row;
            firstRow = false;
        }
        const LaneLayout &lane = out.lanes[station.lane];
        station.rect = QRectF(lane.rect.left() + stationInset, top + row * rowHeight,
                              lane.rect.width() - 2 * stationInset, stationHeight);
        previousLane = station.lane;
    }
    const double lanesBottom = top + (row + 1) * rowHeight;
    for (LaneLayout &lane : out.lanes)
        lane.rect.setBottom(lanesBottom);
    out.captionRect = QRectF(margin, lanesBottom + 16, right - 2 * margin, captionHeight);
    out.bounds = QRectF(0, 0, right, out.captionRect.bottom() + margin);

    // Arrows: each station from the one before it; what the code reaches, from the code.
    int lastPipeline = 0;
    for (std::size_t i = 1; i < out.stations.size(); ++i) {
        const StationLayout &to = out.stations[i];
        // Each station follows the last pipeline station: what the code reaches branches off
        // and the pipeline goes on from where it was (e.g. after an ISAPI filter's calls).
        const int from = lastPipeline;
        if (!isReach(to.kind))
            lastPipeline = static_cast<int>(i);
        const QRectF a = out.stations[from].rect;
        const QRectF b = to.rect;
        ArrowLayout arrow;
        arrow.from = from;
        arrow.to = static_cast<int>(i);
        if (qFuzzyCompare(a.top(), b.top())) {
            arrow.points = {QPointF(a.right(), a.center().y()), QPointF(b.left(), b.center().y())};
        } else if (out.stations[from].lane == to.lane) {
            arrow.points = {QPointF(a.center().x(), a.bottom()), QPointF(b.center().x(), b.top())};
        } else {
            const double edge = b.center().x() > a.center().x() ? b.left() : b.right();
            const double startX = a.center().x();
            arrow.points = {QPointF(startX, a.bottom()), QPointF(startX, b.center().y()),
                            QPointF(edge, b.center().y())};
        }
        out.arrows.push_back(arrow);
    }

    if (resolution.http)
        out.result = QStringLiteral("HTTP ") + text(resolution.http->toString());
    out.outsideRequest = !resolution.http && !resolution.steps.empty();
    if (out.outsideRequest) {
        for (StationLayout &station : out.stations) {
            if (station.kind == StationKind::Worker)
                station.title = QStringLiteral("Worker process");
        }
    }
    return out;
}

DiagramFrame DiagramLayouter::frame(const DiagramLayout &layout, const Resolution &resolution,
                                    int step) {
    DiagramFrame out;
    const int count = static_cast<int>(resolution.steps.size());
    out.stations.resize(layout.stations.size());
    out.lanes.resize(layout.lanes.size());
    if (count == 0) {
        for (std::size_t i = 0; i < layout.stations.size(); ++i)
            out.stations[i].state = StationState::Pending;
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
            f.token = layout.outsideRequest ? QStringLiteral("no request") : layout.clientToken;
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
            f.token = QStringLiteral("not reached");
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
            f.tokenLabel = QStringLiteral("read as");
            f.token = accountOrNone(ids.content ? ids.content : effective);
            break;
        case StationKind::ChildProcess:
            f.tokenLabel = QStringLiteral("runs as");
            f.token = accountOrNone(ids.child ? ids.child : s.process);
            break;
        case StationKind::Network:
            f.tokenLabel = QStringLiteral("seen as");
            f.token = accountOrNone(ids.network ? ids.network : effective);
            break;
        default:
            f.tokenLabel = QStringLiteral("thread");
            f.token = accountOrNone(s.thread);
            f.tokenIsAccount = s.thread.has_value();
            break;
        }
    }

    for (std::size_t i = 0; i < layout.lanes.size(); ++i) {
        const LaneLayout &lane = layout.lanes[i];
        LaneFrame &f = out.lanes[i];
        f.active = layout.stations[out.station].lane == static_cast<int>(i);
        if (lane.kind == LaneLayout::Kind::Listener && lane.host == QStringLiteral("HTTP.sys")) {
            f.processToken = QStringLiteral("kernel: no token");
            continue;
        }
        if (lane.kind != LaneLayout::Kind::Process)
            continue;
        for (int k = 0; k <= step; ++k) {
            const Step &s = resolution.steps[k];
            if (text(s.host) == lane.host && s.process &&
                !isReach(layout.stations[layout.stationOfStep[k]].kind))
                f.processToken = text(*s.process);
        }
    }

    // What changed hands at this step.
    const Step *before = step > 0 ? &resolution.steps[step - 1] : nullptr;
    const StationKind kind = layout.stations[out.station].kind;
    if (now.fails) {
        out.change = TokenChange::Fail;
        out.failed = true;
        out.caption = QStringLiteral("The request fails");
        if (resolution.http)
            out.caption += QStringLiteral(" with HTTP ") + text(resolution.http->toString());
        out.caption += QStringLiteral(". ") + firstSentence(now.text);
    } else if (!before) {
        out.change = TokenChange::Arrive;
        out.caption =
            layout.outsideRequest
                ? QStringLiteral("Outside any request, the code runs in ") + text(now.host)
                : layout.lanes[1].title + QStringLiteral(" hands the request to ") + text(now.host);
        if (now.process)
            out.caption += QStringLiteral(", whose process token is ") + text(*now.process);
        out.caption += u'.';
    } else if (now.host != before->host && !isReach(kind)) {
        out.change = TokenChange::CreateProcess;
        out.caption = QStringLiteral("The request moves on to ") + text(now.host);
        if (now.process)
            out.caption += QStringLiteral(", whose process token is ") + text(*now.process);
        out.caption += u'.';
    } else if (!before->thread && now.thread) {
        out.change = TokenChange::Impersonate;
        out.caption = QStringLiteral("The thread impersonates ") + text(*now.thread) +
                      QStringLiteral(": from here the code acts with that token.");
    } else if (before->thread && !now.thread) {
        out.change = TokenChange::Revert;
        out.caption = QStringLiteral("The thread reverts to the process token");
        if (now.process)
            out.caption += QStringLiteral(", ") + text(*now.process);
        out.caption += u'.';
    } else if (before->thread && now.thread && *before->thread != *now.thread) {
        out.change = TokenChange::SwitchThread;
        out.caption = QStringLiteral("The thread token changes from ") + text(*before->thread) +
                      QStringLiteral(" to ") + text(*now.thread) + u'.';
    } else {
        out.caption = firstSentence(now.text);
    }

    out.heading =
        QStringLiteral("Step %1 of %2 \u00b7 %3").arg(step + 1).arg(count).arg(stageName(kind));
    if (!now.host.empty())
        out.heading += QStringLiteral(" \u00b7 in ") + text(now.host);
    if (now.confidence == Confidence::Unconfirmed)
        out.heading += QStringLiteral(" \u00b7 UNCONFIRMED");
    else if (now.confidence == Confidence::Conflict)
        out.heading += QStringLiteral(" \u00b7 SOURCES CONFLICT");
    if (step == count - 1 && !layout.result.isEmpty())
        out.heading += QStringLiteral(" \u00b7 ") + layout.result;
    return out;
}

} // namespace iisid::ui
