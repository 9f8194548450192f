// The diagram in the main window (issue 10 §1): at 1280x720, 1920x1080 and 3840x2160, in the
// normal window and in presenter mode, the picture covers at least 80% of its pane in the
// binding dimension and is never cut; one key swaps diagram large and result large; compare
// marks the diagram of B.

#include "UiTestApp.h"

#include "ui/compare/ComparePanel.h"
#include "ui/diagram/diagramscene.h"
#include "ui/diagram/diagramview.h"
#include "ui/diagram/stationitem.h"
#include "ui/editor/ScenarioEditor.h"
#include "ui/window/MainWindow.h"

#include "model/diagram/diagram_layout.h"

#include <QAction>
#include <QComboBox>
#include <QGraphicsScene>
#include <QGraphicsView>
#include <QGuiApplication>
#include <QScreen>
#include <QSplitter>
#include <QTest>

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <ostream>
#include <string>

namespace {

using iisid::ui::DiagramView;
using iisid::ui::MainWindow;

struct FitCase {
    const char *name;
    const char *screen; // offscreen_screens.json: hd 1280x720, fullhd 1920x1080, uhd 3840x2160
                        // (1920x1080 at device pixel ratio 2)
    bool presenter;
};

void PrintTo(const FitCase &c, std::ostream *os) {
    *os << c.name;
}

/// The test program's application, on an offscreen platform with the three screens.
QApplication &applicationWithScreens() {
    if (!QCoreApplication::instance())
        qputenv("QT_QPA_PLATFORM", "offscreen:configfile=" IISID_SCREENS_JSON);
    return iisid::ui::test::application();
}

QScreen *screenNamed(const char *name) {
    for (QScreen *screen : QGuiApplication::screens()) {
        if (screen->name() == QLatin1String(name))
            return screen;
    }
    return nullptr;
}

/// The smallest size among the picture's text styles.
double smallestPixelSize(const iisid::diagram::TextStyles &s) {
    return std::min({s.laneTitle.pixelSize, s.laneSubtitle.pixelSize, s.stationTitle.pixelSize,
                     s.stationDetail.pixelSize, s.tag.pixelSize, s.badgeLabel.pixelSize,
                     s.badgeAccount.pixelSize, s.badgeRemark.pixelSize, s.captionHeading.pixelSize,
                     s.captionText.pixelSize, s.compareMark.pixelSize});
}

class DiagramFit : public testing::TestWithParam<FitCase> {
protected:
    static void SetUpTestSuite() { applicationWithScreens(); }
};

/// Shows the window as large as the screen (there is no window manager to maximise), the
/// diagram fitted and without animation, in presenter mode or not.
void showFilling(MainWindow &window, const FitCase &row) {
    DiagramView *view = window.diagram();
    view->setReduceMotion(true);
    view->zoomToFit();
    QScreen *screen = screenNamed(row.screen);
    ASSERT_NE(screen, nullptr) << row.screen;
    window.setGeometry(screen->geometry());
    window.show();
    if (row.presenter)
        window.findChild<QAction *>(QStringLiteral("presenter"))->trigger();
    QTRY_COMPARE(window.geometry(), screen->geometry());
    QTest::qWait(0); // the splitter shares the room out once the geometry has arrived
    QCoreApplication::processEvents();
}

/// The picture covers at least 80% of its pane in the binding dimension and is not cut.
void expectFillsItsPane(const DiagramView &view) {
    const QSize room = view.graphicsView()->maximumViewportSize();
    ASSERT_GT(room.width(), 0);
    ASSERT_GT(room.height(), 0);
    const QSizeF shown = view.scene()->sceneRect().size() * view.scale();
    const double coverage = std::max(shown.width() / room.width(), shown.height() / room.height());
    EXPECT_GE(coverage, 0.8) << room.width() << "x" << room.height();
    EXPECT_LE(shown.width(), room.width() + 1.0);
    EXPECT_LE(shown.height(), room.height() + 1.0);
}

TEST_P(DiagramFit, ThePictureFillsItsPaneAndIsNotCut) {
    const FitCase &row = GetParam();
    auto window = std::make_unique<MainWindow>();
    DiagramView *view = window->diagram();
    showFilling(*window, row);
    expectFillsItsPane(*view);
    // The smallest type on screen, in device-independent pixels: issue 10 asks for 18 px in
    // presenter mode at full HD, so a room can read every text.
    const double smallest = smallestPixelSize(static_cast<iisid::ui::DiagramScene *>(view->scene())
                                                  ->diagramLayout()
                                                  .options.styles()) *
                            view->scale();
    RecordProperty("smallestTextPx", std::to_string(smallest));
    if (row.presenter && std::string(row.screen) == "fullhd") {
        EXPECT_GE(smallest, 18.0);
    }
}

TEST(DiagramFitSwap, OneKeySwapsDiagramLargeAndResultLargeInPresenterMode) {
    applicationWithScreens();
    auto window = std::make_unique<MainWindow>();
    window->setGeometry(screenNamed("fullhd")->geometry());
    window->show();
    window->findChild<QAction *>(QStringLiteral("presenter"))->trigger();
    auto *splitter = window->findChild<QSplitter *>(QStringLiteral("mainSplitter"));
    ASSERT_NE(splitter, nullptr);
    QWidget *diagram = window->diagram();
    // The share of the width the diagram's pane has (the offscreen screen sets the width).
    const auto share = [&] {
        QCoreApplication::processEvents();
        return static_cast<double>(diagram->width()) / splitter->width();
    };
    QTRY_VERIFY(share() > 0.6); // once the full-screen geometry has arrived
    auto *swap = window->findChild<QAction *>(QStringLiteral("resultLarge"));
    ASSERT_NE(swap, nullptr);
    EXPECT_EQ(swap->shortcut(), QKeySequence(Qt::Key_D));
    swap->trigger();
    EXPECT_LT(share(), 0.45);
    swap->trigger();
    EXPECT_GT(share(), 0.6);
}

TEST(DiagramCompare, PinningAMarksTheStationsOfBThatEndOtherwise) {
    applicationWithScreens();
    auto window = std::make_unique<MainWindow>();
    window->findChild<QAction *>(QStringLiteral("pin"))->trigger();
    auto *handler = qobject_cast<QComboBox *>(window->editor()->control("handler.kind"));
    ASSERT_NE(handler, nullptr);
    const int cgi = handler->findData(QStringLiteral("cgi"));
    ASSERT_GE(cgi, 0);
    emit handler->activated(cgi);
    int marked = 0;
    for (QGraphicsItem *item : window->diagram()->scene()->items()) {
        if (item->type() == iisid::ui::StationItem::Type)
            marked +=
                static_cast<iisid::ui::StationItem *>(item)->differenceFromA().isEmpty() ? 0 : 1;
    }
    EXPECT_GT(marked, 0);
    window->findChild<QAction *>(QStringLiteral("clearPin"))->trigger();
    for (QGraphicsItem *item : window->diagram()->scene()->items()) {
        if (item->type() == iisid::ui::StationItem::Type) {
            EXPECT_TRUE(static_cast<iisid::ui::StationItem *>(item)->differenceFromA().isEmpty());
        }
    }
}

/// With A pinned, the comparison sits beside the result card: the diagram keeps its pane.
class DiagramCompareFit : public testing::TestWithParam<FitCase> {
protected:
    static void SetUpTestSuite() { applicationWithScreens(); }
};

TEST_P(DiagramCompareFit, PinningAKeepsTheDiagramsRoom) {
    auto window = std::make_unique<MainWindow>();
    DiagramView *view = window->diagram();
    showFilling(*window, GetParam());
    const QSize before = view->graphicsView()->maximumViewportSize();
    ASSERT_GT(before.height(), 0);

    // Pin A, then change B so that stations differ; the comparison is on screen.
    window->findChild<QAction *>(QStringLiteral("pin"))->trigger();
    auto *handler = qobject_cast<QComboBox *>(window->editor()->control("handler.kind"));
    ASSERT_NE(handler, nullptr);
    emit handler->activated(handler->findData(QStringLiteral("cgi")));
    QTest::qWait(0);
    QCoreApplication::processEvents();
    ASSERT_TRUE(window->comparePanel()->isVisible());

    const QSize room = view->graphicsView()->maximumViewportSize();
    EXPECT_GE(room.height(), 0.9 * before.height()) << before.height() << " -> " << room.height();
    EXPECT_GE(room.width(), 0.9 * before.width()) << before.width() << " -> " << room.width();
    expectFillsItsPane(*view);
}

INSTANTIATE_TEST_SUITE_P(Sizes, DiagramCompareFit,
                         testing::Values(FitCase{"Compare1280x720", "hd", false},
                                         FitCase{"Compare1920x1080", "fullhd", false},
                                         FitCase{"Compare3840x2160", "uhd", false}),
                         [](const testing::TestParamInfo<FitCase> &row) {
                             return std::string(row.param.name);
                         });

INSTANTIATE_TEST_SUITE_P(Sizes, DiagramFit,
                         testing::Values(FitCase{"Normal1280x720", "hd", false},
                                         FitCase{"Normal1920x1080", "fullhd", false},
                                         FitCase{"Normal3840x2160", "uhd", false},
                                         FitCase{"Presenter1280x720", "hd", true},
                                         FitCase{"Presenter1920x1080", "fullhd", true},
                                         FitCase{"Presenter3840x2160", "uhd", true}),
                         [](const testing::TestParamInfo<FitCase> &row) {
                             return std::string(row.param.name);
                         });

} // namespace
