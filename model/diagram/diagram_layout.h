#pragma once

#include "model/confidence.h"
#include "model/diagram/text_metrics.h"

#include <string>
#include <vector>

namespace iisid {
struct Resolution;
}

namespace iisid::diagram {

// The request-flow diagram as geometry and text, with no toolkit: the window's scene, its PNG and
// SVG export and the Qt-free SVG of the reports (diagram_svg.h) all draw this one layout, so they
// cannot disagree. Units are pixels at scale 1 ("scene units"); every text is placed already
// wrapped with the shared metric (text_metrics.h), so a renderer draws the lines it is given.

struct Point {
    double x = 0;
    double y = 0;
    friend bool operator==(const Point &, const Point &) = default;
};

struct Rect {
    double x = 0;
    double y = 0;
    double width = 0;
    double height = 0;

    double left() const { return x; }
    double top() const { return y; }
    double right() const { return x + width; }
    double bottom() const { return y + height; }
    Point center() const { return {x + width / 2, y + height / 2}; }
    /// Whether `inner` lies inside this rectangle (edges may touch; a hair of rounding allowed).
    bool contains(const Rect &inner) const;
    bool intersects(const Rect &other) const;
    friend bool operator==(const Rect &, const Rect &) = default;
};

/// Lines of text in one style, placed: the first baseline is at rect.y + ascent(style), each
/// next one lineHeight(style) lower. rect is the lines' own extent (widest line, all lines).
struct TextBlock {
    std::string text; // as given; the lines hold all of it (wrapText)
    std::vector<std::string> lines;
    TextStyle style;
    Rect rect;

    bool empty() const { return lines.empty(); }
};

/// The type of every text of the picture, one style per role.
struct TextStyles {
    TextStyle laneTitle;
    TextStyle laneSubtitle;
    TextStyle stationTitle;
    TextStyle stationDetail;
    TextStyle tag;
    TextStyle badgeLabel;
    TextStyle badgeAccount;
    TextStyle badgeRemark;
    TextStyle captionHeading;
    TextStyle captionText;
    TextStyle compareMark; // "≠ A" on a station that ends otherwise in the pinned scenario
    /// The account of the token that changes hands at the step shown: after the caption the
    /// largest text of the picture (issue 10), so the room sees what the step is about.
    TextStyle changingToken;
    friend bool operator==(const TextStyles &, const TextStyles &) = default;
};

/// The styles a badge is set in while its token is the one changing hands: the account (or the
/// remark, such as "no impersonation" after a revert) in the changingToken size.
TextStyles changingBadgeStyles(TextStyles styles);

/// Which variant of the picture to lay out. The default is the picture of the exports and the
/// reports; presenter() is the one a room reads from afar (issue 10): every text at least
/// 20 px (the small texts, tags, badge labels, subtitles, details, are raised most), the caption
/// 1.3 times larger and the token changing hands next in size, and no empty room held beyond what
/// the texts need, so the picture fitted to a full-HD pane keeps every text >= 18 px. desk() is
/// the window's picture at the desk: as compact, with the small texts raised to 15 px, so the
/// picture fitted beside a lesson on a 1280x720 screen keeps every text >= 8 px.
struct LayoutOptions {
    bool compact = false; // no minimum box heights, tighter gaps between rows
    double textScale = 1; // every style's size times this...
    double minimumPx = 0; // ...and at least this many pixels
    /// The caption's styles grow this much more: in presenter mode the current step's caption
    /// is the largest text of the picture, the changing token (changingTokenStyle) the next.
    double captionScale = 1;
    /// The styles these options give.
    TextStyles styles() const;
    static LayoutOptions presenter();
    static LayoutOptions desk();
    friend bool operator==(const LayoutOptions &, const LayoutOptions &) = default;
};

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
    std::string host;  // the executable as the model names it: "w3wp.exe", "the CGI process"
    std::string title; // what the header shows
    Rect rect;         // the whole column, header included
    Rect headerRect;
    TextBlock titleText;
    TextBlock subtitleText; // "process", "receives the request"
};

/// One box the request passes through.
struct StationLayout {
    StationKind kind = StationKind::Worker;
    std::string title;  // "Authentication"
    std::string detail; // a second line where it helps: the content path, "SQL Server"
    int lane = 0;
    Rect rect;
    TextBlock titleText;
    TextBlock detailText;
    std::vector<int> steps; // trace step indices that happen here, in order
    bool reached = true;    // false: the request failed before it got here
    bool failed = false;    // a step here ends the request with an error status
    Confidence confidence = Confidence::Confirmed; // the weakest of its steps
    /// "UNCONFIRMED" or "SOURCES CONFLICT" on the top edge, or empty.
    TextBlock tagText;
    Rect tagRect;
    /// The failure status ("401.1") right of the title when the request fails here, or empty.
    TextBlock statusText;
};

/// An arrow of the request's path, from one station to the next, as a polyline.
struct ArrowLayout {
    int from = 0;
    int to = 0;
    std::vector<Point> points;
};

/// Everything a renderer needs: positions and texts.
struct DiagramLayout {
    std::vector<LaneLayout> lanes;
    std::vector<StationLayout> stations;
    std::vector<ArrowLayout> arrows;
    std::vector<int> stationOfStep; // step index -> station index
    Rect captionRect;
    Rect bounds;                 // the whole picture
    std::string clientToken;     // who the browser says it is: "anonymous", "CONTOSO\\alice"
    std::string result;          // "HTTP 200", "HTTP 401.1", or empty outside a request
    std::string failureStatus;   // "401.1" when the request fails, else empty
    bool outsideRequest = false; // the code runs on its own (Session_OnEnd): no browser
    LayoutOptions options;       // the variant laid out; frame() sets its texts the same way

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

/// How an arrow of the path is drawn at a step.
enum class ArrowState { Pending, Travelled, Failed, NotTravelled };

/// A token as a pill: a role label ("thread", "read as") and the account, wrapped to the width
/// the pill may take. Coordinates relative to the pill's top left.
struct BadgeLayout {
    double width = 0;
    double height = 0;
    TextBlock label;
    TextBlock account;
    bool empty() const { return width <= 0; }
};

/// How a pill with `label` and `account` is set when it may be at most `maxWidth` wide. plain: a
/// remark ("not reached"), set in the regular weight. Empty label and account: an empty badge.
BadgeLayout layoutBadge(const std::string &label, const std::string &account, bool plain,
                        double maxWidth, const TextStyles &styles = LayoutOptions{}.styles());

struct StationFrame {
    StationState state = StationState::Pending;
    bool changing = false;       // its token changes hands at this step: set in changingBadgeStyles
    std::string tokenLabel;      // "thread", "read as", "runs as", "seen as"
    std::string token;           // the account, "no impersonation", or empty while pending
    bool tokenIsAccount = false; // false: a remark such as "not reached", drawn plainly
    BadgeLayout badge;
    Rect badgeRect; // where the badge sits in the scene (empty badge: zero size)
};

struct LaneFrame {
    std::string processToken; // empty while no step has happened in it
    bool changing = false;    // the request enters the process at this step
    bool active = false;      // the current step happens in this lane
    BadgeLayout badge;
    Rect badgeRect;
};

/// The whole picture at one step: a pure function of the layout, the resolution and the step.
struct DiagramFrame {
    int step = -1;
    int station = -1; // the station of the current step
    std::vector<StationFrame> stations;
    std::vector<LaneFrame> lanes;
    TokenChange change = TokenChange::None;
    std::string heading; // "Step 3 of 9 · Authentication"
    std::string caption; // what happened, in one sentence
    TextBlock headingText;
    TextBlock captionText;
    std::vector<ArrowState> arrows; // per layout arrow
    bool failed = false;
};

/// Sizes of the picture that renderers share (scene units).
namespace metrics {
inline constexpr double margin = 24;
inline constexpr double laneGap = 16;
inline constexpr double narrowLaneWidth = 200;
inline constexpr double laneWidth = 380;
inline constexpr double reachLaneWidth = 456; // "seen as NT AUTHORITY\ANONYMOUS LOGON", one line
inline constexpr double stationInset = 16;
inline constexpr double stationPadding = 10;
inline constexpr double headerPadding = 12; // inside a lane's header
inline constexpr double rowGap = 22;
inline constexpr double captionPadding = 14;
inline constexpr double captionBar = 8; // the coloured bar on the caption's left edge
inline constexpr TextStyle laneTitleStyle{21, true};
inline constexpr TextStyle laneSubtitleStyle{14, false};
inline constexpr TextStyle stationTitleStyle{19, true};
inline constexpr TextStyle stationDetailStyle{15, false};
inline constexpr TextStyle tagStyle{12, true};
inline constexpr TextStyle badgeLabelStyle{13, false};
inline constexpr TextStyle badgeAccountStyle{16, true};
inline constexpr TextStyle badgeRemarkStyle{16, false};
inline constexpr TextStyle captionHeadingStyle{18, true};
inline constexpr TextStyle captionTextStyle{19, false};
/// Larger than the confidence tag: in compare mode the mark is the point of the picture.
inline constexpr TextStyle compareMarkStyle{15, true};
/// Larger than the lane titles, smaller than the caption once presenter mode enlarges it.
inline constexpr TextStyle changingTokenStyle{21.2, true};
} // namespace metrics

/// Computes the diagram from the model's answer: the lanes (client, HTTP.sys or inetinfo.exe,
/// each process the trace names, what the code reaches), the stations in the order the request
/// meets them, the arrows between them, and room for every text any step shows. It decides
/// nothing about IIS: every host, token and failure comes from the Resolution (its trace and
/// its `request`).
DiagramLayout layout(const Resolution &resolution, const LayoutOptions &options = {});

/// The picture at `step` (clamped to the trace): which stations the request has passed, the
/// tokens each holds, the process token of each lane, and the caption of that step.
DiagramFrame frame(const DiagramLayout &layout, const Resolution &resolution, int step);

/// Where the request marker sits at a station: the end of the arrow into it.
Point dockPoint(const DiagramLayout &layout, int station);

/// A station of B's diagram that ends differently in A: another token, or reached in one and
/// not in the other. Stations are matched by kind, in the order they appear.
struct StationDifference {
    int station = -1; // in B's layout
    std::string inA;  // what A's station shows at the end: its token, "not reached", "absent"
};

/// The stations of B's diagram (layout(b)) whose final picture differs from A's, for marking
/// the differences on B's diagram when A is pinned for comparison.
std::vector<StationDifference> differingStations(const Resolution &b, const Resolution &a);

/// How strongly a station in `state` is drawn: stations ahead and not reached are faded.
double stationOpacity(StationState state);

} // namespace iisid::diagram
