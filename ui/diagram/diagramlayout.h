#pragma once

#include "model/resolution.h"

#include <QRectF>
#include <QString>

#include <vector>

namespace iisid::ui {

/// What a station of the diagram stands for. The pipeline stations follow model Stage; Client
/// and Listener stand for the browser and for HTTP.sys (IIS 6+) or inetinfo.exe (IIS 5 model).
enum class StationKind {
    Client,
    Listener,
    Worker,
    Configuration,
    Authentication,
    Authorization,
    Filter,
    Handler,
    Code,
    Content,
    ChildProcess,
    Network,
};

/// One column of the diagram: the client, the listener, a process, or what the code reaches.
struct LaneLayout {
    enum class Kind { Client, Listener, Process, Reaches };
    Kind kind = Kind::Process;
    QString host;  // the executable as the model names it: "w3wp.exe", "the CGI process"
    QString title; // what the header shows
    QRectF rect;   // the whole column, header included
    QRectF headerRect;
};

/// One box the request passes through.
struct StationLayout {
    StationKind kind = StationKind::Worker;
    QString title;  // "Authentication"
    QString detail; // a second line where it helps: the content path, "SQL Server"
    int lane = 0;
    QRectF rect;
    std::vector<int> steps; // trace step indices that happen here, in order
    bool reached = true;    // false: the request failed before it got here
    bool failed = false;    // a step here ends the request with an error status
    Confidence confidence = Confidence::Confirmed; // the weakest of its steps
};

/// An arrow of the request's path, from one station to the next, as a polyline in scene units.
struct ArrowLayout {
    int from = 0;
    int to = 0;
    std::vector<QPointF> points;
};

/// Everything the scene needs to build its items: positions and texts, no Qt widgets.
struct DiagramLayout {
    std::vector<LaneLayout> lanes;
    std::vector<StationLayout> stations;
    std::vector<ArrowLayout> arrows;
    std::vector<int> stationOfStep; // step index -> station index
    QRectF captionRect;
    QRectF bounds;               // the whole picture
    QString clientToken;         // who the browser says it is: "anonymous", "CONTOSO\\alice"
    QString result;              // "HTTP 200", "HTTP 401.1", or empty outside a request
    bool outsideRequest = false; // the code runs on its own (Session_OnEnd): no browser

    /// The index of the first station of the given kind, or -1.
    int stationIndex(StationKind kind) const;
    /// The arrow that ends at station `to`, or nullptr.
    const ArrowLayout *arrowInto(int to) const;
};

/// The state of one station at a step.
enum class StationState {
    Pending,    // the request has not got here yet
    Passed,     // the request was here
    Current,    // the request is here now
    Failed,     // the request failed here
    NotReached, // the request failed before getting here
};

/// How the tokens changed hands at a step, for the caption and the animation.
enum class TokenChange { None, Arrive, Impersonate, Revert, SwitchThread, CreateProcess, Fail };

struct StationFrame {
    StationState state = StationState::Pending;
    QString tokenLabel;          // "thread", "reads as", "runs as", "seen as"
    QString token;               // the account, "no impersonation", or empty while pending
    bool tokenIsAccount = false; // false: a remark such as "not reached", drawn plainly
};

struct LaneFrame {
    QString processToken; // empty while no step has happened in it
    bool active = false;  // the current step happens in this lane
};

/// The whole picture at one step: a pure function of the layout, the resolution and the step.
struct DiagramFrame {
    int step = -1;
    int station = -1; // the station of the current step
    std::vector<StationFrame> stations;
    std::vector<LaneFrame> lanes;
    TokenChange change = TokenChange::None;
    QString heading; // "Step 3 of 9 · Authentication"
    QString caption; // what happened, in one sentence
    bool failed = false;
};

} // namespace iisid::ui
