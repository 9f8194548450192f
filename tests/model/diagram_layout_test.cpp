// The request-flow diagram's layout, Qt-free: which stations stand in which process, failure
// marking, the frame at each step, and room for every text of every bundled scenario.

#include "model/diagram/diagram_layout.h"

#include "diagram_test_support.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <ostream>
#include <string>
#include <vector>

namespace iisid::diagram {
namespace {

using test::resolveWith;

std::string hostOf(const DiagramLayout &layout, StationKind kind) {
    const int index = layout.stationIndex(kind);
    return index < 0 ? std::string() : layout.lanes[layout.stations[index].lane].host;
}

std::vector<std::string> laneHosts(const DiagramLayout &layout) {
    std::vector<std::string> hosts;
    for (const LaneLayout &lane : layout.lanes) {
        if (lane.kind == LaneLayout::Kind::Process || lane.kind == LaneLayout::Kind::Listener)
            hosts.push_back(lane.host);
    }
    return hosts;
}

// --- which stations, in which process ---------------------------------------------------------

struct HostCase {
    const char *name;
    std::vector<std::string> assignments;
    std::vector<std::string> hosts; // listener, then the processes, in order
    std::string codeHost;
    std::string handlerHost;
};

void PrintTo(const HostCase &c, std::ostream *os) {
    *os << c.name;
}

class DiagramHostTest : public testing::TestWithParam<HostCase> {};

TEST_P(DiagramHostTest, LanesAndStationsFollowTheModelsHosts) {
    const HostCase &row = GetParam();
    const DiagramLayout layout = diagram::layout(resolveWith(row.assignments));
    EXPECT_EQ(laneHosts(layout), row.hosts);
    EXPECT_EQ(hostOf(layout, StationKind::Code), row.codeHost);
    EXPECT_EQ(hostOf(layout, StationKind::Handler), row.handlerHost);
    EXPECT_EQ(layout.stations.front().kind, StationKind::Client);
}

INSTANTIATE_TEST_SUITE_P(
    Hosts, DiagramHostTest,
    testing::Values(
        HostCase{"Iis5MediumAspRunsInDllhost",
                 {"server.iisVersion=5.0", "application.protection=medium", "handler.kind=asp"},
                 {"inetinfo.exe", "dllhost.exe"},
                 "dllhost.exe",
                 "dllhost.exe"},
        HostCase{"Iis5LowStaticStaysInInetinfo",
                 {"server.iisVersion=5.0", "application.protection=low"},
                 {"inetinfo.exe"},
                 "inetinfo.exe",
                 "inetinfo.exe"},
        // The FastCGI module runs in w3wp.exe and hands the request to php-cgi.exe.
        HostCase{"Iis10FastCgiRunsInPhpCgi",
                 {"handler.kind=fastcgi"},
                 {"HTTP.sys", "w3wp.exe", "php-cgi.exe"},
                 "php-cgi.exe",
                 "w3wp.exe"},
        // The CGI module runs in w3wp.exe and starts the CGI process.
        HostCase{"Iis10CgiHandlerInW3wpCodeInTheCgiProcess",
                 {"handler.kind=cgi"},
                 {"HTTP.sys", "w3wp.exe", "the CGI process"},
                 "the CGI process",
                 "w3wp.exe"},
        HostCase{"Iis10StaticStaysInW3wp", {}, {"HTTP.sys", "w3wp.exe"}, "w3wp.exe", "w3wp.exe"},
        HostCase{"Iis6IsolationModeAspNetRunsInAspnetWp",
                 {"server.iisVersion=6.0", "server.iis6Mode=iis5Isolation", "handler.kind=aspnet"},
                 {"inetinfo.exe", "dllhost.exe", "aspnet_wp.exe"},
                 "aspnet_wp.exe",
                 "dllhost.exe"},
        // The ASP.NET Core Module runs in w3wp.exe and forwards to dotnet.exe.
        HostCase{"AspNetCoreOutOfProcessHandlerInW3wpCodeInDotnet",
                 {"handler.kind=aspnetCore", "handler.hostingModel=outOfProcess"},
                 {"HTTP.sys", "w3wp.exe", "dotnet.exe"},
                 "dotnet.exe",
                 "w3wp.exe"}),
    [](const testing::TestParamInfo<HostCase> &row) { return std::string(row.param.name); });

TEST(DiagramLayout, EveryStepMapsToTheStationOfItsStage) {
    for (const auto &assignments : std::vector<std::vector<std::string>>{
             {}, {"handler.kind=fastcgi"}, {"server.iisVersion=5.0", "handler.kind=asp"}}) {
        const Resolution resolution = resolveWith(assignments);
        const DiagramLayout layout = diagram::layout(resolution);
        ASSERT_EQ(layout.stationOfStep.size(), resolution.steps.size());
        for (std::size_t i = 0; i < layout.stationOfStep.size(); ++i) {
            const StationLayout &station = layout.stations.at(layout.stationOfStep[i]);
            EXPECT_NE(std::find(station.steps.begin(), station.steps.end(), static_cast<int>(i)),
                      station.steps.end());
            EXPECT_EQ(static_cast<int>(station.kind) - static_cast<int>(StationKind::Worker),
                      static_cast<int>(resolution.steps[i].stage))
                << "step " << i;
        }
    }
}

TEST(DiagramLayout, FailedAuthenticationMarksTheStationAndLaterOnesNotReached) {
    const Resolution resolution =
        resolveWith({"server.iisVersion=6.0", "authentication.anonymous.passwordValid=false"});
    ASSERT_TRUE(resolution.http);
    ASSERT_EQ(resolution.http->toString(), "401.1");
    const DiagramLayout layout = diagram::layout(resolution);
    const int authentication = layout.stationIndex(StationKind::Authentication);
    ASSERT_GE(authentication, 0);
    EXPECT_TRUE(layout.stations[authentication].failed);
    EXPECT_EQ(layout.result, "HTTP 401.1");
    EXPECT_EQ(layout.stations[authentication].statusText.text, "401.1");

    std::vector<StationKind> notReached;
    for (std::size_t i = authentication + 1; i < layout.stations.size(); ++i) {
        EXPECT_FALSE(layout.stations[i].reached);
        notReached.push_back(layout.stations[i].kind);
    }
    EXPECT_EQ(notReached,
              (std::vector<StationKind>{StationKind::Authorization, StationKind::Handler,
                                        StationKind::Code, StationKind::Content}));

    const DiagramFrame last =
        frame(layout, resolution, static_cast<int>(resolution.steps.size()) - 1);
    EXPECT_TRUE(last.failed);
    EXPECT_EQ(last.change, TokenChange::Fail);
    EXPECT_EQ(last.stations[authentication].state, StationState::Failed);
    for (std::size_t i = authentication + 1; i < layout.stations.size(); ++i)
        EXPECT_EQ(last.stations[i].state, StationState::NotReached);
    EXPECT_TRUE(last.caption.starts_with("The request fails with HTTP 401.1."));
}

TEST(DiagramLayout, AFailureAheadIsNotGivenAwayBeforeItsStep) {
    // Lessons ask the class to predict the outcome while the diagram waits at the first step.
    const Resolution resolution =
        resolveWith({"server.iisVersion=6.0", "authentication.anonymous.passwordValid=false"});
    const DiagramLayout layout = diagram::layout(resolution);
    const int authentication = layout.stationIndex(StationKind::Authentication);
    ASSERT_GE(authentication, 0);
    const DiagramFrame first = frame(layout, resolution, 0);
    EXPECT_FALSE(first.failed);
    EXPECT_EQ(first.stations[authentication].state, StationState::Pending);
    for (std::size_t i = authentication + 1; i < layout.stations.size(); ++i) {
        EXPECT_EQ(first.stations[i].state, StationState::Pending);
        EXPECT_TRUE(first.stations[i].token.empty());
        EXPECT_TRUE(first.stations[i].badge.empty());
    }
}

TEST(DiagramLayout, FrameShowsOnlyWhatTheRequestHasPassed) {
    const Resolution resolution = resolveWith({});
    const DiagramLayout layout = diagram::layout(resolution);
    const DiagramFrame first = frame(layout, resolution, 0);
    EXPECT_EQ(first.change, TokenChange::Arrive);
    EXPECT_EQ(first.caption, "HTTP.sys hands the request to w3wp.exe, whose process token is "
                             "IIS APPPOOL\\DefaultAppPool.");
    EXPECT_EQ(first.lanes[2].processToken, "IIS APPPOOL\\DefaultAppPool");
    EXPECT_EQ(first.lanes[1].processToken, "kernel: no token");
    const int code = layout.stationIndex(StationKind::Code);
    EXPECT_EQ(first.stations[code].state, StationState::Pending);
    EXPECT_TRUE(first.stations[code].token.empty());
    EXPECT_EQ(first.stations[layout.stationOfStep[0]].state, StationState::Current);
    EXPECT_EQ(first.stations[0].token, "anonymous");
    EXPECT_TRUE(first.stations[0].tokenLabel.empty());
    EXPECT_EQ(first.arrows.size(), layout.arrows.size());
}

TEST(DiagramLayout, StaticHandlerImpersonatesIusr) {
    const Resolution resolution = resolveWith({});
    const DiagramLayout layout = diagram::layout(resolution);
    const int handler = layout.stationIndex(StationKind::Handler);
    const int step = layout.stations[handler].steps.front();
    const DiagramFrame f = frame(layout, resolution, step);
    EXPECT_EQ(f.change, TokenChange::Impersonate);
    EXPECT_EQ(f.caption, "The thread impersonates NT AUTHORITY\\IUSR: from here the code acts "
                         "with that token.");
    EXPECT_EQ(f.stations[handler].token, "NT AUTHORITY\\IUSR");
    EXPECT_EQ(f.stations[handler].tokenLabel, "thread");
    EXPECT_EQ(f.stations[handler].badge.account.text, "NT AUTHORITY\\IUSR");
    EXPECT_EQ(f.stations[handler].badge.label.text, "thread");
}

TEST(DiagramLayout, TheTokenThatChangesHandsIsSetInTheChangingTokenType) {
    // Issue 10: after the caption, the token that changes at the current step is the largest
    // text: here the thread's impersonation of IUSR at the handler.
    const Resolution resolution = resolveWith({});
    const DiagramLayout layout = diagram::layout(resolution, diagram::LayoutOptions::presenter());
    const int handler = layout.stationIndex(StationKind::Handler);
    const DiagramFrame f = frame(layout, resolution, layout.stations[handler].steps.front());
    ASSERT_EQ(f.change, TokenChange::Impersonate);
    const diagram::TextStyles styles = layout.options.styles();
    EXPECT_TRUE(f.stations[handler].changing);
    EXPECT_EQ(f.stations[handler].badge.account.style, styles.changingToken);
    // The other badges keep their type.
    for (std::size_t i = 0; i < f.stations.size(); ++i) {
        if (static_cast<int>(i) != handler && !f.stations[i].badge.empty()) {
            EXPECT_FALSE(f.stations[i].changing) << i;
            EXPECT_NE(f.stations[i].badge.account.style, styles.changingToken) << i;
        }
    }
}

TEST(DiagramLayout, TheProcessTheRequestEntersHasTheChangingToken) {
    const Resolution resolution = resolveWith({"handler.kind=fastcgi"});
    const DiagramLayout layout = diagram::layout(resolution);
    const int code = layout.stationIndex(StationKind::Code);
    const int handler = layout.stationIndex(StationKind::Handler);
    const DiagramFrame f = frame(layout, resolution, layout.stations[handler].steps.front());
    ASSERT_EQ(f.change, TokenChange::CreateProcess);
    const auto lane = static_cast<std::size_t>(layout.stations[code].lane);
    EXPECT_TRUE(f.lanes[lane].changing);
    EXPECT_EQ(f.lanes[lane].badge.account.style, layout.options.styles().changingToken);
}

struct StylesCase {
    const char *name;
    diagram::LayoutOptions options;
};

void PrintTo(const StylesCase &c, std::ostream *os) {
    *os << c.name;
}

class ChangingTokenSize : public testing::TestWithParam<StylesCase> {};

TEST_P(ChangingTokenSize, IsLargerThanEveryTextButTheCaption) {
    const diagram::TextStyles s = GetParam().options.styles();
    const double changing = s.changingToken.pixelSize;
    for (const diagram::TextStyle &other :
         {s.laneTitle, s.laneSubtitle, s.stationTitle, s.stationDetail, s.tag, s.badgeLabel,
          s.badgeAccount, s.badgeRemark, s.compareMark}) {
        EXPECT_GT(changing, other.pixelSize);
    }
}

TEST(DeskLayout, RaisesTheSmallTextsTo15PxAndKeepsTheOthers) {
    // The window's picture on a laptop is shown at about half its size: its smallest texts
    // (tags, badge labels, subtitles) are raised so they stay readable there.
    const diagram::TextStyles desk = diagram::LayoutOptions::desk().styles();
    const diagram::TextStyles plain = diagram::LayoutOptions{}.styles();
    EXPECT_EQ(desk.tag.pixelSize, 15);
    EXPECT_EQ(desk.badgeLabel.pixelSize, 15);
    EXPECT_EQ(desk.laneSubtitle.pixelSize, 15);
    EXPECT_EQ(desk.laneTitle, plain.laneTitle);
    EXPECT_EQ(desk.captionText, plain.captionText);
    EXPECT_EQ(desk.changingToken, plain.changingToken);
    EXPECT_TRUE(diagram::LayoutOptions::desk().compact);
}

TEST(ChangingTokenSizePresenter, TheCaptionStaysLarger) {
    const diagram::TextStyles s = diagram::LayoutOptions::presenter().styles();
    EXPECT_GT(s.captionText.pixelSize, s.changingToken.pixelSize);
    EXPECT_GT(s.captionHeading.pixelSize, s.changingToken.pixelSize);
}

INSTANTIATE_TEST_SUITE_P(
    Layouts, ChangingTokenSize,
    testing::Values(StylesCase{"Export", {}}, StylesCase{"Desk", diagram::LayoutOptions::desk()},
                    StylesCase{"Presenter", diagram::LayoutOptions::presenter()}),
    [](const testing::TestParamInfo<StylesCase> &row) { return std::string(row.param.name); });

TEST(DiagramLayout, FastCgiMovesTheRequestToAnotherProcess) {
    const Resolution resolution = resolveWith({"handler.kind=fastcgi"});
    const DiagramLayout layout = diagram::layout(resolution);
    const int handler = layout.stationIndex(StationKind::Handler);
    const DiagramFrame f = frame(layout, resolution, layout.stations[handler].steps.front());
    EXPECT_EQ(f.change, TokenChange::CreateProcess);
    EXPECT_EQ(f.caption, "The request moves on to php-cgi.exe, whose process token is "
                         "IIS APPPOOL\\DefaultAppPool.");
    // The handler stands in w3wp.exe; the arrow out of it crosses to php-cgi.exe.
    const int code = layout.stationIndex(StationKind::Code);
    ASSERT_NE(layout.arrowInto(code), nullptr);
    EXPECT_EQ(layout.arrowInto(code)->from, handler);
    EXPECT_NE(layout.stations[code].lane, layout.stations[handler].lane);
}

// The caption's heading names the process the box is drawn in: the CGI handler step ends in
// the CGI process (the model's host), but CgiModule runs in w3wp.exe, where the box stands.
TEST(DiagramLayout, TheHeadingNamesTheProcessTheBoxIsDrawnIn) {
    const Resolution resolution =
        resolveWith({"handler.kind=cgi", "handler.createProcessAsUser=false"});
    const DiagramLayout layout = diagram::layout(resolution);
    const int handler = layout.stationIndex(StationKind::Handler);
    const int step = layout.stations[handler].steps.front();
    ASSERT_EQ(resolution.steps[step].host, "the CGI process");
    EXPECT_EQ(layout.lanes[layout.stations[handler].lane].host, "w3wp.exe");
    const DiagramFrame f = frame(layout, resolution, step);
    EXPECT_NE(f.heading.find("Handler \u00b7 in w3wp.exe"), std::string::npos) << f.heading;
    // The code's own box stands in the CGI process, and says so.
    const int code = layout.stationIndex(StationKind::Code);
    const DiagramFrame c = frame(layout, resolution, layout.stations[code].steps.front());
    EXPECT_NE(c.heading.find("in the CGI process"), std::string::npos) << c.heading;
}

TEST(DiagramLayout, IsapiFilterCallsBranchOffAndThePipelineGoesOn) {
    const DiagramLayout layout = diagram::layout(resolveWith({"handler.kind=isapiFilter"}));
    const int filter = layout.stationIndex(StationKind::Filter);
    const int authentication = layout.stationIndex(StationKind::Authentication);
    ASSERT_GE(filter, 0);
    ASSERT_GT(authentication, filter);
    ASSERT_NE(layout.arrowInto(authentication), nullptr);
    EXPECT_EQ(layout.arrowInto(authentication)->from, filter);
    for (int i = filter + 1; i < authentication; ++i)
        EXPECT_EQ(layout.arrowInto(i)->from, filter) << "station " << i;
}

TEST(DiagramLayout, CodeOutsideARequestDoesNotComeFromTheBrowser) {
    const Resolution resolution = resolveWith({"handler.kind=asp", "action=sessionOnEnd"});
    ASSERT_FALSE(resolution.http.has_value());
    const DiagramLayout layout = diagram::layout(resolution);
    EXPECT_TRUE(layout.outsideRequest);
    const DiagramFrame first = frame(layout, resolution, 0);
    EXPECT_EQ(first.stations[0].state, StationState::NotReached);
    EXPECT_EQ(first.stations[0].token, "no request");
    EXPECT_TRUE(first.caption.starts_with("Outside any request, the code runs in w3wp.exe"));
}

TEST(DiagramLayout, AnEmptyResolutionGivesAnEmptyFrame) {
    const Resolution empty;
    const DiagramLayout layout = diagram::layout(empty);
    const DiagramFrame f = frame(layout, empty, 0);
    EXPECT_EQ(f.step, -1);
    EXPECT_EQ(f.station, -1);
    EXPECT_TRUE(f.captionText.empty());
}

TEST(DiagramLayout, TheClientLaneIsWideEnoughForTheUserOnOneLine) {
    const Resolution resolution =
        resolveWith({"authentication.windows.enabled=true",
                     "request.user=CONTOSO\\maximilian.administrator", "request.scheme=ntlm"});
    const DiagramLayout layout = diagram::layout(resolution);
    const DiagramFrame first = frame(layout, resolution, 0);
    EXPECT_EQ(first.stations[0].badge.account.lines,
              std::vector<std::string>{"CONTOSO\\maximilian.administrator"});
    EXPECT_GT(layout.lanes[0].rect.width, metrics::narrowLaneWidth);
}

TEST(DiagramLayout, DifferingStationsAreThoseThatEndOtherwiseInA) {
    const Resolution a = resolveWith({"handler.kind=fastcgi"});
    const Resolution b = resolveWith({"handler.kind=fastcgi", "handler.fastcgiImpersonate=true"});
    const DiagramLayout layoutB = diagram::layout(b);
    const std::vector<StationDifference> differences = differingStations(b, a);
    std::vector<StationKind> kinds;
    for (const StationDifference &d : differences)
        kinds.push_back(layoutB.stations[d.station].kind);
    // Impersonating, the script and what it reaches act as IUSR instead of the pool.
    EXPECT_NE(std::find(kinds.begin(), kinds.end(), StationKind::Code), kinds.end());
    EXPECT_EQ(std::find(kinds.begin(), kinds.end(), StationKind::Client), kinds.end());
    for (const StationDifference &d : differences) {
        if (layoutB.stations[d.station].kind == StationKind::Code) {
            EXPECT_EQ(d.inA, "no impersonation");
        }
    }
    EXPECT_TRUE(differingStations(a, a).empty());
}

TEST(DiagramLayout, ALongAccountWrapsInItsBadgeInsteadOfBeingCut) {
    const BadgeLayout badge = layoutBadge("seen as", "NT AUTHORITY\\ANONYMOUS LOGON", false, 180);
    EXPECT_GT(badge.account.lines.size(), 1u);
    EXPECT_EQ(badge.account.text, "NT AUTHORITY\\ANONYMOUS LOGON");
    EXPECT_LE(badge.width, 180);
    EXPECT_GE(badge.height, badge.account.rect.bottom());
}

// --- every bundled scenario, every step: each text whole and inside its box --------------------

class BundledDiagram : public testing::TestWithParam<std::string> {};

void expectInside(const Rect &outer, const Rect &inner, const std::string &what) {
    if (inner.width <= 0 && inner.height <= 0)
        return; // nothing there
    EXPECT_TRUE(outer.contains(inner))
        << what << ": {" << inner.x << ", " << inner.y << ", " << inner.width << ", "
        << inner.height << "} outside {" << outer.x << ", " << outer.y << ", " << outer.width
        << ", " << outer.height << "}";
}

std::string withoutSpaces(std::string text) {
    std::erase(text, ' ');
    return text;
}

/// The block holds `text` whole (its lines, spaces aside, are the text), each line no wider than
/// the block, and no ellipsis.
void expectWhole(const TextBlock &block, const std::string &text, const std::string &what) {
    EXPECT_EQ(block.text, text) << what;
    std::string joined;
    for (const std::string &line : block.lines)
        joined += line;
    EXPECT_EQ(withoutSpaces(joined), withoutSpaces(text)) << what;
    for (const std::string &line : block.lines) {
        EXPECT_LE(textWidth(line, block.style), block.rect.width + 0.01) << what << ": " << line;
        EXPECT_EQ(line.find("\u2026"), std::string::npos) << what << ": " << line;
    }
}

void expectBadgeInside(const BadgeLayout &badge, const Rect &at, const Rect &room,
                       const std::string &what) {
    if (badge.empty())
        return;
    expectInside(room, at, what + " badge");
    const Rect pill{0, 0, badge.width, badge.height};
    expectInside(pill, badge.label.rect, what + " badge label");
    expectInside(pill, badge.account.rect, what + " badge account");
}

/// Every text of `layout` whole and inside its box, nothing overlapping, at every step.
void expectEveryTextWholeAndInside(const Resolution &resolution, const DiagramLayout &layout) {
    ASSERT_FALSE(resolution.steps.empty());

    for (const LaneLayout &lane : layout.lanes) {
        expectWhole(lane.titleText, lane.title, "lane " + lane.title);
        expectInside(lane.headerRect, lane.titleText.rect, "lane title " + lane.title);
        expectInside(lane.headerRect, lane.subtitleText.rect, "lane subtitle " + lane.title);
        EXPECT_FALSE(lane.titleText.rect.intersects(lane.subtitleText.rect)) << lane.title;
    }
    for (std::size_t i = 0; i < layout.stations.size(); ++i) {
        const StationLayout &s = layout.stations[i];
        const std::string what = "station " + s.title;
        expectWhole(s.titleText, s.title, what);
        expectWhole(s.detailText, s.detail, what + " detail");
        expectInside(s.rect, s.titleText.rect, what + " title");
        expectInside(s.rect, s.detailText.rect, what + " detail");
        expectInside(s.rect, s.statusText.rect, what + " status");
        EXPECT_FALSE(s.titleText.rect.intersects(s.detailText.rect)) << what;
        EXPECT_FALSE(s.titleText.rect.intersects(s.statusText.rect)) << what;
        EXPECT_FALSE(s.detailText.rect.intersects(s.statusText.rect)) << what;
        expectInside(s.tagRect, s.tagText.rect, what + " tag");
        EXPECT_FALSE(s.tagRect.intersects(s.titleText.rect)) << what << " tag";
        EXPECT_FALSE(s.tagRect.intersects(s.statusText.rect)) << what << " tag";
        EXPECT_FALSE(s.tagRect.intersects(s.detailText.rect)) << what << " tag";
        expectInside(layout.lanes[s.lane].rect, s.rect, what);
        for (std::size_t j = i + 1; j < layout.stations.size(); ++j)
            EXPECT_FALSE(s.rect.intersects(layout.stations[j].rect))
                << what << " overlaps " << layout.stations[j].title;
    }
    expectInside(layout.bounds, layout.captionRect, "caption");

    for (int step = 0; step < static_cast<int>(resolution.steps.size()); ++step) {
        const DiagramFrame f = frame(layout, resolution, step);
        const std::string at = " at step " + std::to_string(step + 1);
        expectWhole(f.headingText, f.heading, "heading" + at);
        expectWhole(f.captionText, f.caption, "caption" + at);
        expectInside(layout.captionRect, f.headingText.rect, "heading" + at);
        expectInside(layout.captionRect, f.captionText.rect, "caption" + at);
        for (std::size_t i = 0; i < layout.stations.size(); ++i) {
            const StationLayout &s = layout.stations[i];
            const StationFrame &sf = f.stations[i];
            const std::string what = "station " + s.title + at;
            expectWhole(sf.badge.account, sf.token, what + " token");
            expectWhole(sf.badge.label, sf.tokenLabel, what + " token label");
            expectBadgeInside(sf.badge, sf.badgeRect, s.rect, what);
            if (!sf.badge.empty()) {
                EXPECT_FALSE(sf.badgeRect.intersects(s.titleText.rect)) << what;
                EXPECT_FALSE(sf.badgeRect.intersects(s.detailText.rect)) << what;
            }
        }
        for (std::size_t i = 0; i < layout.lanes.size(); ++i) {
            const LaneLayout &lane = layout.lanes[i];
            const LaneFrame &lf = f.lanes[i];
            const std::string what = "lane " + lane.title + at;
            expectWhole(lf.badge.account, lf.processToken, what + " process token");
            expectBadgeInside(lf.badge, lf.badgeRect, lane.headerRect, what);
            if (!lf.badge.empty()) {
                EXPECT_FALSE(lf.badgeRect.intersects(lane.titleText.rect)) << what;
                EXPECT_FALSE(lf.badgeRect.intersects(lane.subtitleText.rect)) << what;
            }
        }
    }
}

TEST_P(BundledDiagram, EveryTextIsWholeAndInsideItsBox) {
    const Resolution resolution = test::resolveBundled(GetParam());
    expectEveryTextWholeAndInside(resolution, diagram::layout(resolution));
}

TEST_P(BundledDiagram, InPresenterModeEveryTextIsWholeAndInsideItsBox) {
    const Resolution resolution = test::resolveBundled(GetParam());
    expectEveryTextWholeAndInside(resolution,
                                  diagram::layout(resolution, LayoutOptions::presenter()));
}

TEST_P(BundledDiagram, AtTheDeskEveryTextIsWholeAndInsideItsBox) {
    const Resolution resolution = test::resolveBundled(GetParam());
    expectEveryTextWholeAndInside(resolution, diagram::layout(resolution, LayoutOptions::desk()));
}

INSTANTIATE_TEST_SUITE_P(Resources, BundledDiagram, testing::ValuesIn(test::bundledScenarioFiles()),
                         [](const testing::TestParamInfo<std::string> &row) {
                             return test::testNameOf(row.param);
                         });

TEST(DiagramLayout, AllBundledScenariosAreCovered) {
    EXPECT_GE(test::bundledScenarioFiles().size(), 30u);
}

// Issue 10 §4: a lane's title is a title word, not a piece of a sentence; the steps' sentences
// and the JSON keep "the CGI process".
TEST(DiagramLayout, TheCgiLaneHasATitleWordAndTheSentencesKeepTheirs) {
    const Resolution resolution = resolveWith({"handler.kind=cgi"});
    const DiagramLayout layout = diagram::layout(resolution);
    const auto lane = std::find_if(layout.lanes.begin(), layout.lanes.end(),
                                   [](const LaneLayout &l) { return l.host == "the CGI process"; });
    ASSERT_NE(lane, layout.lanes.end());
    EXPECT_EQ(lane->title, "CGI program");
    EXPECT_EQ(resolution.processHost, "the CGI process");
    for (const LaneLayout &other : layout.lanes) {
        if (other.kind == LaneLayout::Kind::Process && &other != &*lane) {
            EXPECT_EQ(other.title, other.host); // "w3wp.exe"
        }
    }
}

} // namespace
} // namespace iisid::diagram
