// The request-flow diagram: the layouter's stations per version, mode and handler, failure
// marking, stepping and playing through DiagramView, and the headless export.

#include "ui/diagram/diagramlayouter.h"
#include "ui/diagram/diagramscene.h"
#include "ui/diagram/diagramview.h"
#include "ui/diagram/stationitem.h"

#include "model/resolver.h"
#include "model/scenario_io.h"
#include "model/settings.h"

#include <QApplication>
#include <QFile>
#include <QGraphicsView>
#include <QImage>
#include <QPainter>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

#include <ostream>

#include <string>
#include <vector>

namespace iisid::ui {
namespace {

struct Built {
    EffectiveScenario scenario;
    Resolution resolution;
};

Built build(const std::vector<std::string> &assignments) {
    LoadedScenario loaded;
    for (const std::string &assignment : assignments) {
        const auto problem = applyAssignment(loaded, assignment, "test");
        EXPECT_FALSE(problem.has_value()) << (problem ? problem->toString() : std::string());
    }
    EXPECT_TRUE(checkScenario(loaded).empty());
    Built built;
    built.scenario = effective(loaded.scenario);
    built.resolution = resolve(built.scenario);
    return built;
}

QString hostOf(const DiagramLayout &layout, StationKind kind) {
    const int index = layout.stationIndex(kind);
    return index < 0 ? QString() : layout.lanes[layout.stations[index].lane].host;
}

std::vector<QString> laneHosts(const DiagramLayout &layout) {
    std::vector<QString> hosts;
    for (const LaneLayout &lane : layout.lanes) {
        if (lane.kind == LaneLayout::Kind::Process || lane.kind == LaneLayout::Kind::Listener)
            hosts.push_back(lane.host);
    }
    return hosts;
}

class DiagramTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        static int argc = 1;
        static char name[] = "ui_diagram_tests";
        static char *argv[] = {name, nullptr};
        if (!QApplication::instance())
            new QApplication(argc, argv);
    }
};

// --- the layouter: which stations, in which process --------------------------------------

struct HostCase {
    const char *name;
    std::vector<std::string> assignments;
    std::vector<QString> hosts; // listener, then the processes, in order
    QString codeHost;
};

// ctest shows the case by name rather than as a dump of its bytes.
void PrintTo(const HostCase &c, std::ostream *os) {
    *os << c.name;
}

class DiagramHostTest : public DiagramTest, public ::testing::WithParamInterface<HostCase> {};

TEST_P(DiagramHostTest, LanesAndCodeStationFollowTheModelsHosts) {
    const HostCase &row = GetParam();
    const Built built = build(row.assignments);
    const DiagramLayout layout = DiagramLayouter::layout(built.scenario, built.resolution);
    EXPECT_EQ(laneHosts(layout), row.hosts);
    EXPECT_EQ(hostOf(layout, StationKind::Code), row.codeHost);
    EXPECT_EQ(layout.stations.front().kind, StationKind::Client);
}

INSTANTIATE_TEST_SUITE_P(
    Hosts, DiagramHostTest,
    ::testing::Values(
        HostCase{"Iis5MediumAspRunsInDllhost",
                 {"server.iisVersion=5.0", "application.protection=medium", "handler.kind=asp"},
                 {"inetinfo.exe", "dllhost.exe"},
                 "dllhost.exe"},
        HostCase{"Iis5LowStaticStaysInInetinfo",
                 {"server.iisVersion=5.0", "application.protection=low"},
                 {"inetinfo.exe"},
                 "inetinfo.exe"},
        HostCase{"Iis10FastCgiRunsInPhpCgi",
                 {"handler.kind=fastcgi"},
                 {"HTTP.sys", "w3wp.exe", "php-cgi.exe"},
                 "php-cgi.exe"},
        HostCase{"Iis10CgiRunsInTheCgiProcess",
                 {"handler.kind=cgi"},
                 {"HTTP.sys", "w3wp.exe", "the CGI process"},
                 "the CGI process"},
        HostCase{"Iis10StaticStaysInW3wp", {}, {"HTTP.sys", "w3wp.exe"}, "w3wp.exe"},
        HostCase{"Iis6IsolationModeAspNetRunsInAspnetWp",
                 {"server.iisVersion=6.0", "server.iis6Mode=iis5Isolation", "handler.kind=aspnet"},
                 {"inetinfo.exe", "dllhost.exe", "aspnet_wp.exe"},
                 "aspnet_wp.exe"},
        HostCase{"AspNetCoreOutOfProcessRunsInDotnet",
                 {"handler.kind=aspnetCore", "handler.hostingModel=outOfProcess"},
                 {"HTTP.sys", "w3wp.exe", "dotnet.exe"},
                 "dotnet.exe"}),
    [](const ::testing::TestParamInfo<HostCase> &row) { return std::string(row.param.name); });

TEST_F(DiagramTest, EveryStepMapsToTheStationOfItsStage) {
    for (const auto &assignments : std::vector<std::vector<std::string>>{
             {}, {"handler.kind=fastcgi"}, {"server.iisVersion=5.0", "handler.kind=asp"}}) {
        const Built built = build(assignments);
        const DiagramLayout layout = DiagramLayouter::layout(built.scenario, built.resolution);
        ASSERT_EQ(layout.stationOfStep.size(), built.resolution.steps.size());
        for (std::size_t i = 0; i < layout.stationOfStep.size(); ++i) {
            const StationLayout &station = layout.stations.at(layout.stationOfStep[i]);
            EXPECT_NE(std::find(station.steps.begin(), station.steps.end(), static_cast<int>(i)),
                      station.steps.end());
            EXPECT_EQ(static_cast<int>(station.kind) - static_cast<int>(StationKind::Worker),
                      static_cast<int>(built.resolution.steps[i].stage))
                << "step " << i;
        }
    }
}

TEST_F(DiagramTest, FailedAuthenticationMarksTheStationAndLaterOnesNotReached) {
    const Built built =
        build({"server.iisVersion=6.0", "authentication.anonymous.passwordValid=false"});
    ASSERT_TRUE(built.resolution.http);
    ASSERT_EQ(built.resolution.http->toString(), "401.1");
    const DiagramLayout layout = DiagramLayouter::layout(built.scenario, built.resolution);
    const int authentication = layout.stationIndex(StationKind::Authentication);
    ASSERT_GE(authentication, 0);
    EXPECT_TRUE(layout.stations[authentication].failed);
    EXPECT_EQ(layout.result, QStringLiteral("HTTP 401.1"));

    std::vector<StationKind> notReached;
    for (std::size_t i = authentication + 1; i < layout.stations.size(); ++i) {
        EXPECT_FALSE(layout.stations[i].reached);
        notReached.push_back(layout.stations[i].kind);
    }
    EXPECT_EQ(notReached,
              (std::vector<StationKind>{StationKind::Authorization, StationKind::Handler,
                                        StationKind::Code, StationKind::Content}));

    const DiagramFrame last = DiagramLayouter::frame(
        layout, built.resolution, static_cast<int>(built.resolution.steps.size()) - 1);
    EXPECT_TRUE(last.failed);
    EXPECT_EQ(last.change, TokenChange::Fail);
    EXPECT_EQ(last.stations[authentication].state, StationState::Failed);
    for (std::size_t i = authentication + 1; i < layout.stations.size(); ++i)
        EXPECT_EQ(last.stations[i].state, StationState::NotReached);
    EXPECT_TRUE(last.caption.startsWith(QStringLiteral("The request fails with HTTP 401.1.")));
}

TEST_F(DiagramTest, AFailureAheadIsNotGivenAwayBeforeItsStep) {
    // Lessons ask the class to predict the outcome while the diagram waits at the first step.
    const Built built =
        build({"server.iisVersion=6.0", "authentication.anonymous.passwordValid=false"});
    const DiagramLayout layout = DiagramLayouter::layout(built.scenario, built.resolution);
    const int authentication = layout.stationIndex(StationKind::Authentication);
    ASSERT_GE(authentication, 0);
    const DiagramFrame first = DiagramLayouter::frame(layout, built.resolution, 0);
    EXPECT_FALSE(first.failed);
    EXPECT_EQ(first.stations[authentication].state, StationState::Pending);
    for (std::size_t i = authentication + 1; i < layout.stations.size(); ++i) {
        EXPECT_EQ(first.stations[i].state, StationState::Pending);
        EXPECT_TRUE(first.stations[i].token.isEmpty());
    }
}

TEST_F(DiagramTest, FrameShowsOnlyWhatTheRequestHasPassed) {
    const Built built = build({});
    const DiagramLayout layout = DiagramLayouter::layout(built.scenario, built.resolution);
    const DiagramFrame first = DiagramLayouter::frame(layout, built.resolution, 0);
    EXPECT_EQ(first.change, TokenChange::Arrive);
    EXPECT_EQ(first.caption, QStringLiteral("HTTP.sys hands the request to w3wp.exe, whose process "
                                            "token is IIS APPPOOL\\DefaultAppPool."));
    EXPECT_EQ(first.lanes[2].processToken, QStringLiteral("IIS APPPOOL\\DefaultAppPool"));
    const int code = layout.stationIndex(StationKind::Code);
    EXPECT_EQ(first.stations[code].state, StationState::Pending);
    EXPECT_TRUE(first.stations[code].token.isEmpty());
    EXPECT_EQ(first.stations[layout.stationOfStep[0]].state, StationState::Current);
    EXPECT_EQ(first.stations[0].token, QStringLiteral("anonymous"));
    EXPECT_TRUE(first.stations[0].tokenLabel.isEmpty());
}

TEST_F(DiagramTest, StaticHandlerImpersonatesIusr) {
    const Built built = build({});
    const DiagramLayout layout = DiagramLayouter::layout(built.scenario, built.resolution);
    const int handler = layout.stationIndex(StationKind::Handler);
    const int step = layout.stations[handler].steps.front();
    const DiagramFrame frame = DiagramLayouter::frame(layout, built.resolution, step);
    EXPECT_EQ(frame.change, TokenChange::Impersonate);
    EXPECT_EQ(frame.caption, QStringLiteral("The thread impersonates NT AUTHORITY\\IUSR: from here "
                                            "the code acts with that token."));
    EXPECT_EQ(frame.stations[handler].token, QStringLiteral("NT AUTHORITY\\IUSR"));
    EXPECT_EQ(frame.stations[handler].tokenLabel, QStringLiteral("thread"));
}

TEST_F(DiagramTest, FastCgiMovesTheRequestToAnotherProcess) {
    const Built built = build({"handler.kind=fastcgi"});
    const DiagramLayout layout = DiagramLayouter::layout(built.scenario, built.resolution);
    const int handler = layout.stationIndex(StationKind::Handler);
    const DiagramFrame frame =
        DiagramLayouter::frame(layout, built.resolution, layout.stations[handler].steps.front());
    EXPECT_EQ(frame.change, TokenChange::CreateProcess);
    EXPECT_EQ(frame.caption, QStringLiteral("The request moves on to php-cgi.exe, whose process "
                                            "token is IIS APPPOOL\\DefaultAppPool."));
}

TEST_F(DiagramTest, IsapiFilterCallsBranchOffAndThePipelineGoesOn) {
    const Built built = build({"handler.kind=isapiFilter"});
    const DiagramLayout layout = DiagramLayouter::layout(built.scenario, built.resolution);
    const int filter = layout.stationIndex(StationKind::Filter);
    const int authentication = layout.stationIndex(StationKind::Authentication);
    ASSERT_GE(filter, 0);
    ASSERT_GT(authentication, filter);
    ASSERT_NE(layout.arrowInto(authentication), nullptr);
    EXPECT_EQ(layout.arrowInto(authentication)->from, filter);
    for (int i = filter + 1; i < authentication; ++i)
        EXPECT_EQ(layout.arrowInto(i)->from, filter) << "station " << i;
}

TEST_F(DiagramTest, CodeOutsideARequestDoesNotComeFromTheBrowser) {
    const Built built = build({"handler.kind=asp", "action=sessionOnEnd"});
    ASSERT_FALSE(built.resolution.http.has_value());
    const DiagramLayout layout = DiagramLayouter::layout(built.scenario, built.resolution);
    EXPECT_TRUE(layout.outsideRequest);
    const DiagramFrame first = DiagramLayouter::frame(layout, built.resolution, 0);
    EXPECT_EQ(first.stations[0].state, StationState::NotReached);
    EXPECT_EQ(first.stations[0].token, QStringLiteral("no request"));
    EXPECT_TRUE(
        first.caption.startsWith(QStringLiteral("Outside any request, the code runs in w3wp.exe")));
}

// --- the view: stepping, playing, reduce motion ---------------------------------------------

TEST_F(DiagramTest, SetResolutionShowsTheLastStepWithoutPlaying) {
    const Built built = build({});
    DiagramView view;
    view.setResolution(built.scenario, built.resolution);
    EXPECT_EQ(view.stepCount(), static_cast<int>(built.resolution.steps.size()));
    EXPECT_EQ(view.currentStep(), view.stepCount() - 1);
    EXPECT_FALSE(view.isPlaying());
    int stations = 0;
    for (QGraphicsItem *item : view.scene()->items())
        stations += item->type() == StationItem::Type ? 1 : 0;
    EXPECT_EQ(stations,
              static_cast<int>(
                  DiagramLayouter::layout(built.scenario, built.resolution).stations.size()));
}

TEST_F(DiagramTest, SteppingMovesTheCurrentStepAndSignals) {
    const Built built = build({});
    DiagramView view;
    view.setResolution(built.scenario, built.resolution);
    QSignalSpy spy(&view, &DiagramView::currentStepChanged);
    const int last = view.stepCount() - 1;

    view.stepBack();
    EXPECT_EQ(view.currentStep(), last - 1);
    view.stepBack();
    EXPECT_EQ(view.currentStep(), last - 2);
    view.stepForward();
    EXPECT_EQ(view.currentStep(), last - 1);
    ASSERT_EQ(spy.count(), 3);
    EXPECT_EQ(spy.at(0).at(0).toInt(), last - 1);
    EXPECT_EQ(spy.at(1).at(0).toInt(), last - 2);
    EXPECT_EQ(spy.at(2).at(0).toInt(), last - 1);

    view.setCurrentStep(0);
    EXPECT_EQ(view.currentStep(), 0);
    view.stepBack(); // nothing before the first step
    EXPECT_EQ(view.currentStep(), 0);
    view.setCurrentStep(1000); // clamped
    EXPECT_EQ(view.currentStep(), last);
    view.stepForward();
    EXPECT_EQ(view.currentStep(), last);
    EXPECT_EQ(spy.count(), 5);
}

TEST_F(DiagramTest, ReduceMotionPlayShowsTheFinalStepAtOnce) {
    const Built built = build({"handler.kind=fastcgi"});
    DiagramView view;
    view.setResolution(built.scenario, built.resolution);
    view.setCurrentStep(0);
    view.setReduceMotion(true);
    view.play();
    EXPECT_EQ(view.currentStep(), view.stepCount() - 1);
    EXPECT_FALSE(view.isPlaying());
}

TEST_F(DiagramTest, PlayAndPauseDoNotBlock) {
    const Built built = build({});
    DiagramView view;
    view.setResolution(built.scenario, built.resolution);
    QSignalSpy playing(&view, &DiagramView::playingChanged);
    view.setCurrentStep(0);
    view.play();
    EXPECT_TRUE(view.isPlaying());
    EXPECT_EQ(view.currentStep(), 1); // the state moves at once; the animation follows
    view.stepForward();               // input during the animation: pauses and steps
    EXPECT_FALSE(view.isPlaying());
    EXPECT_EQ(view.currentStep(), 2);
    view.togglePlay();
    EXPECT_TRUE(view.isPlaying());
    view.pause();
    EXPECT_FALSE(view.isPlaying());
    ASSERT_EQ(playing.count(), 4);
    EXPECT_EQ(playing.at(0).at(0).toBool(), true);
    EXPECT_EQ(playing.at(3).at(0).toBool(), false);
}

TEST_F(DiagramTest, PlayingFromTheLastStepStartsOverAtTheBrowser) {
    const Built built = build({});
    DiagramView view;
    view.setResolution(built.scenario, built.resolution);
    view.play();
    EXPECT_EQ(view.currentStep(), 0);
    EXPECT_TRUE(view.isPlaying());
    view.restart();
    EXPECT_EQ(view.currentStep(), 0);
    view.pause();
}

QImage picture(QGraphicsScene *scene) {
    QImage image(scene->sceneRect().size().toSize(), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    scene->render(&painter);
    return image;
}

TEST_F(DiagramTest, AnimationEndsOnTheSamePictureAsAJump) {
    const Built built = build({"handler.kind=fastcgi"});
    DiagramView animated;
    animated.setResolution(built.scenario, built.resolution);
    animated.setSpeed(3.0);
    animated.setCurrentStep(2);
    animated.stepForward(); // into php-cgi.exe: the request travels, a process token flies
    QTest::qWait(1500);

    DiagramView jumped;
    jumped.setResolution(built.scenario, built.resolution);
    jumped.setCurrentStep(3);
    EXPECT_EQ(animated.currentStep(), 3);
    EXPECT_TRUE(picture(animated.scene()) == picture(jumped.scene()));
}

TEST_F(DiagramTest, RelayoutDuringAnimationIsSafe) {
    const Built first = build({"handler.kind=fastcgi"});
    const Built second = build({"handler.kind=cgi"});
    DiagramView view;
    view.setResolution(first.scenario, first.resolution);
    view.restart();
    QTest::qWait(150); // mid-flight
    view.setResolution(second.scenario, second.resolution);
    EXPECT_FALSE(view.isPlaying());
    EXPECT_EQ(view.currentStep(), view.stepCount() - 1);
    QTest::qWait(300);
    EXPECT_EQ(view.currentStep(), view.stepCount() - 1);
}

TEST_F(DiagramTest, EmptyResolutionShowsNoSteps) {
    const Built built = build({});
    DiagramView view;
    view.setResolution(built.scenario, Resolution{});
    EXPECT_EQ(view.stepCount(), 0);
    EXPECT_EQ(view.currentStep(), -1);
    view.play();
    view.stepForward();
    EXPECT_FALSE(view.isPlaying());
    EXPECT_EQ(view.currentStep(), -1);
}

TEST_F(DiagramTest, PresentationScaleEnlargesThePictureInASmallView) {
    const Built built = build({});
    DiagramView view;
    view.resize(400, 300);
    view.show();
    view.setResolution(built.scenario, built.resolution);
    auto *graphics = view.findChild<QGraphicsView *>();
    ASSERT_NE(graphics, nullptr);
    // Too small to fit: the picture stays at half size (readable) and scrolls.
    EXPECT_DOUBLE_EQ(graphics->transform().m11(), 0.5);
    view.setPresentationScale(2.0);
    EXPECT_DOUBLE_EQ(graphics->transform().m11(), 1.0);
    view.setPresentationScale(1.0);
    EXPECT_DOUBLE_EQ(graphics->transform().m11(), 0.5);
}

TEST_F(DiagramTest, TheViewDescribesTheCurrentStepForScreenReaders) {
    const Built built = build({});
    DiagramView view;
    view.setResolution(built.scenario, built.resolution);
    auto *graphics = view.findChild<QGraphicsView *>();
    ASSERT_NE(graphics, nullptr);
    view.setCurrentStep(0);
    EXPECT_EQ(graphics->accessibleDescription(),
              QStringLiteral("Step 1 of %1 \u00b7 Worker \u00b7 in w3wp.exe: HTTP.sys hands the "
                             "request to w3wp.exe, whose process token is "
                             "IIS APPPOOL\\DefaultAppPool.")
                  .arg(view.stepCount()));
}

TEST_F(DiagramTest, ThePictureFollowsTheWidgetsPalette) {
    const Built built = build({});
    DiagramView view;
    view.setResolution(built.scenario, built.resolution);
    QPalette dark = view.palette();
    dark.setColor(QPalette::Base, QColor(20, 20, 20));
    dark.setColor(QPalette::Text, QColor(235, 235, 235));
    view.setPalette(dark);
    const QImage image = picture(view.scene());
    EXPECT_EQ(image.pixelColor(2, 2), QColor(20, 20, 20));
}

// --- export ----------------------------------------------------------------------------------

TEST_F(DiagramTest, ExportWritesPngAndSvgWithTheCodeIdentity) {
    const Built built = build({});
    ASSERT_EQ(built.resolution.identities.code, std::optional<std::string>("NT AUTHORITY\\IUSR"));
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    QString error;

    const QString png = dir.filePath(QStringLiteral("flow.png"));
    ASSERT_TRUE(exportDiagram(built.scenario, built.resolution, png, &error))
        << error.toStdString();
    const QImage image(png);
    ASSERT_FALSE(image.isNull());
    DiagramScene scene;
    scene.setResolution(built.scenario, built.resolution);
    EXPECT_EQ(image.size(), (scene.sceneRect().size() * 2).toSize());

    const QString svg = dir.filePath(QStringLiteral("flow.svg"));
    ASSERT_TRUE(exportDiagram(built.scenario, built.resolution, svg, &error))
        << error.toStdString();
    QFile file(svg);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    EXPECT_TRUE(text.startsWith("<?xml"));
    EXPECT_TRUE(text.contains("NT AUTHORITY\\IUSR"));
}

TEST_F(DiagramTest, ExportRefusesAnUnknownFormat) {
    const Built built = build({});
    QTemporaryDir dir;
    QString error;
    const QString path = dir.filePath(QStringLiteral("flow.gif"));
    EXPECT_FALSE(exportDiagram(built.scenario, built.resolution, path, &error));
    EXPECT_EQ(error,
              path + QStringLiteral(": the diagram can be exported as .png or .svg, not \"gif\""));
    EXPECT_FALSE(QFile::exists(path));
}

} // namespace
} // namespace iisid::ui
