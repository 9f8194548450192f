// The request-flow diagram in Qt: the shared font measures as the model's metric, stepping and
// playing through DiagramView, and the headless export. The layout itself is tested Qt-free
// (tests/model/diagram_layout_test.cpp).

#include "ui/diagram/diagramscene.h"
#include "ui/diagram/diagramstyle.h"
#include "ui/diagram/diagramview.h"
#include "ui/diagram/stationitem.h"
#include "ui/diagram/tokenbadgeitem.h"

#include "model/resolver.h"
#include "model/scenario_io.h"
#include "model/settings.h"

#include "UiTestApp.h"

#include <QApplication>
#include <QFile>
#include <QFontInfo>
#include <QFontMetricsF>
#include <QGraphicsView>
#include <QImage>
#include <QPainter>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QWheelEvent>

#include <gtest/gtest.h>

#include <ostream>

#include <string>
#include <vector>

namespace iisid::ui {
namespace {

struct Built {
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
    built.resolution = resolve(loaded.scenario);
    return built;
}

class DiagramTest : public ::testing::Test {
protected:
    // QSettings (the remembered zoom) go to Qt's test locations.
    static void SetUpTestSuite() { test::application(); }
};

// --- the shared font -----------------------------------------------------------------------

// The model lays the texts out with DejaVu Sans's advance table (model/diagram/text_metrics);
// the scene must draw with that face at those widths, or wrapped lines would overflow.
TEST_F(DiagramTest, TheScenesFontMeasuresAsTheModelsMetric) {
    const QString sample = QStringLiteral("The thread impersonates NT AUTHORITY\\IUSR_WEB01: "
                                          "C:\\inetpub\\wwwroot \u00b7 HTTP 401.1");
    for (const diagram::TextStyle style :
         {diagram::TextStyle{13, false}, diagram::TextStyle{16, true},
          diagram::TextStyle{19, false}, diagram::TextStyle{21, true}}) {
        const QFont font = diagramstyle::font(style);
        ASSERT_EQ(QFontInfo(font).family(), QStringLiteral("DejaVu Sans"));
        const double qt = QFontMetricsF(font).horizontalAdvance(sample);
        const double model = diagram::textWidth(sample.toStdString(), style);
        EXPECT_NEAR(qt, model, model * 0.01) << style.pixelSize << (style.bold ? " bold" : "");
    }
}

// --- the view: stepping, playing, reduce motion ---------------------------------------------

TEST_F(DiagramTest, SetResolutionShowsTheLastStepWithoutPlaying) {
    const Built built = build({});
    DiagramView view;
    view.setResolution(built.resolution);
    EXPECT_EQ(view.stepCount(), static_cast<int>(built.resolution.steps.size()));
    EXPECT_EQ(view.currentStep(), view.stepCount() - 1);
    EXPECT_FALSE(view.isPlaying());
    int stations = 0;
    for (QGraphicsItem *item : view.scene()->items())
        stations += item->type() == StationItem::Type ? 1 : 0;
    EXPECT_EQ(stations, static_cast<int>(diagram::layout(built.resolution).stations.size()));
}

TEST_F(DiagramTest, SteppingMovesTheCurrentStepAndSignals) {
    const Built built = build({});
    DiagramView view;
    view.setResolution(built.resolution);
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
    view.setResolution(built.resolution);
    view.setCurrentStep(0);
    view.setReduceMotion(true);
    view.play();
    EXPECT_EQ(view.currentStep(), view.stepCount() - 1);
    EXPECT_FALSE(view.isPlaying());
}

TEST_F(DiagramTest, PlayAndPauseDoNotBlock) {
    const Built built = build({});
    DiagramView view;
    view.setResolution(built.resolution);
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
    view.setResolution(built.resolution);
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
    animated.setResolution(built.resolution);
    animated.setSpeed(3.0);
    animated.setCurrentStep(2);
    animated.stepForward(); // into php-cgi.exe: the request travels, a process token flies
    EXPECT_TRUE(animated.isAnimating());
    ASSERT_TRUE(iisid::ui::test::waitUntil([&] { return !animated.isAnimating(); }, 5000));

    DiagramView jumped;
    jumped.setResolution(built.resolution);
    jumped.setCurrentStep(3);
    EXPECT_EQ(animated.currentStep(), 3);
    EXPECT_TRUE(picture(animated.scene()) == picture(jumped.scene()));
}

TEST_F(DiagramTest, RelayoutDuringAnimationIsSafe) {
    const Built first = build({"handler.kind=fastcgi"});
    const Built second = build({"handler.kind=cgi"});
    DiagramView view;
    view.setResolution(first.resolution);
    view.restart();
    ASSERT_TRUE(iisid::ui::test::waitUntil([&] { return view.isAnimating(); })); // mid-flight
    view.setResolution(second.resolution);
    EXPECT_FALSE(view.isPlaying());
    EXPECT_FALSE(view.isAnimating());
    EXPECT_EQ(view.currentStep(), view.stepCount() - 1);
    QTest::qWait(0); // the old animation's timers, had they survived, would fire here
    EXPECT_EQ(view.currentStep(), view.stepCount() - 1);
}

TEST_F(DiagramTest, EmptyResolutionShowsNoSteps) {
    const Built built = build({});
    DiagramView view;
    view.setResolution(Resolution{});
    EXPECT_EQ(view.stepCount(), 0);
    EXPECT_EQ(view.currentStep(), -1);
    view.play();
    view.stepForward();
    EXPECT_FALSE(view.isPlaying());
    EXPECT_EQ(view.currentStep(), -1);
}

/// The picture's size on screen, over the room of its view.
double covered(const DiagramView &view) {
    const QSize room = view.graphicsView()->maximumViewportSize();
    const QSizeF shown = view.scene()->sceneRect().size() * view.scale();
    return std::max(shown.width() / room.width(), shown.height() / room.height());
}

TEST_F(DiagramTest, FitScalesThePictureUpAndDownToItsPane) {
    const Built built = build({"handler.kind=fastcgi"});
    DiagramView view;
    view.zoomToFit();
    view.setResolution(built.resolution);
    view.show();
    for (const QSize size : {QSize(400, 300), QSize(900, 700), QSize(2400, 1800)}) {
        view.resize(size);
        EXPECT_NEAR(covered(view), 1.0, 0.01) << size.width() << "x" << size.height();
    }
    EXPECT_GT(view.scale(), 1.0); // the large pane shows it larger than its natural size
}

TEST_F(DiagramTest, ZoomKeysAndCtrlWheelZoomAndAreRemembered) {
    const Built built = build({});
    DiagramView view;
    view.zoomToFit();
    view.resize(800, 600);
    view.setResolution(built.resolution);
    view.show();
    view.activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&view)); // shortcuts reach the active window only
    view.setFocus();
    const double fit = view.scale();
    QTest::keyClick(&view, Qt::Key_Plus, Qt::ControlModifier);
    EXPECT_DOUBLE_EQ(view.zoom(), 1.25);
    EXPECT_DOUBLE_EQ(view.scale(), fit * 1.25);
    QTest::keyClick(&view, Qt::Key_Equal, Qt::ControlModifier);
    EXPECT_DOUBLE_EQ(view.zoom(), 1.25 * 1.25);
    QTest::keyClick(&view, Qt::Key_Minus, Qt::ControlModifier);
    EXPECT_DOUBLE_EQ(view.zoom(), 1.25);

    QWheelEvent wheel(QPointF(100, 100), QPointF(100, 100), QPoint(), QPoint(0, 120), Qt::NoButton,
                      Qt::ControlModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(view.graphicsView()->viewport(), &wheel);
    EXPECT_DOUBLE_EQ(view.zoom(), 1.25 * 1.25);

    DiagramView next; // a new window starts where the last one was left
    EXPECT_DOUBLE_EQ(next.zoom(), 1.25 * 1.25);

    QTest::keyClick(&view, Qt::Key_0, Qt::ControlModifier);
    EXPECT_DOUBLE_EQ(view.zoom(), 1.0);
    EXPECT_DOUBLE_EQ(view.scale(), fit);
    QTest::keyClick(&view, Qt::Key_Minus, Qt::ControlModifier); // nothing more to show
    EXPECT_DOUBLE_EQ(view.zoom(), 1.0);
}

TEST_F(DiagramTest, ClickingAStationOrItsBadgeShowsItsStep) {
    const Built built = build({"handler.kind=fastcgi"});
    DiagramView view;
    view.resize(1200, 900);
    view.setResolution(built.resolution);
    view.show();
    const DiagramLayout &layout = static_cast<DiagramScene *>(view.scene())->diagramLayout();
    const int handler = layout.stationIndex(StationKind::Handler);
    ASSERT_GE(handler, 0);
    const QPoint at =
        view.graphicsView()->mapFromScene(toQRectF(layout.stations[handler].rect).center());
    QTest::mouseClick(view.graphicsView()->viewport(), Qt::LeftButton, {}, at);
    EXPECT_EQ(view.currentStep(), layout.stations[handler].steps.front());

    view.setCurrentStep(view.stepCount() - 1); // the badge shows at the last step
    const int code = layout.stationIndex(StationKind::Code);
    const QGraphicsItem *badge = static_cast<DiagramScene *>(view.scene())->station(code)->badge();
    const QPoint onBadge =
        view.graphicsView()->mapFromScene(badge->mapToScene(badge->boundingRect().center()));
    QTest::mouseClick(view.graphicsView()->viewport(), Qt::LeftButton, {}, onBadge);
    EXPECT_EQ(view.currentStep(), layout.stations[code].steps.front());
}

TEST_F(DiagramTest, ComparedWithAItMarksTheStationsThatEndOtherwise) {
    const Built a = build({"handler.kind=fastcgi"});
    const Built b = build({"handler.kind=fastcgi", "handler.fastcgiImpersonate=true"});
    DiagramView view;
    view.setComparedWith(a.resolution);
    view.setResolution(b.resolution); // the comparison holds across a new B
    auto *scene = static_cast<DiagramScene *>(view.scene());
    const std::vector<diagram::StationDifference> differences =
        diagram::differingStations(b.resolution, a.resolution);
    ASSERT_FALSE(differences.empty());
    int marked = 0;
    for (int i = 0; i < static_cast<int>(scene->diagramLayout().stations.size()); ++i)
        marked += scene->station(i)->differenceFromA().isEmpty() ? 0 : 1;
    EXPECT_EQ(marked, static_cast<int>(differences.size()));
    EXPECT_EQ(scene->station(differences.front().station)->differenceFromA(),
              QString::fromStdString(differences.front().inA));
    view.setComparedWith(std::nullopt);
    for (int i = 0; i < static_cast<int>(scene->diagramLayout().stations.size()); ++i)
        EXPECT_TRUE(scene->station(i)->differenceFromA().isEmpty());
}

TEST_F(DiagramTest, TheViewDescribesTheCurrentStepForScreenReaders) {
    const Built built = build({});
    DiagramView view;
    view.setResolution(built.resolution);
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
    view.setResolution(built.resolution);
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
    ASSERT_TRUE(exportDiagram(built.resolution, png, &error)) << error.toStdString();
    const QImage image(png);
    ASSERT_FALSE(image.isNull());
    DiagramScene scene;
    scene.setResolution(built.resolution);
    EXPECT_EQ(image.size(), (scene.sceneRect().size() * 2).toSize());

    const QString svg = dir.filePath(QStringLiteral("flow.svg"));
    ASSERT_TRUE(exportDiagram(built.resolution, svg, &error)) << error.toStdString();
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
    EXPECT_FALSE(exportDiagram(built.resolution, path, &error));
    EXPECT_EQ(error,
              path + QStringLiteral(": the diagram can be exported as .png or .svg, not \"gif\""));
    EXPECT_FALSE(QFile::exists(path));
}

} // namespace
} // namespace iisid::ui
