// The diagram fills its pane in the main window: at 1280x720, 1920x1080 and 3840x2160, in the
// normal window and in presenter mode, the picture covers at least 80% of its pane in the
// binding dimension and is never cut (issue 10 §1).

#include "UiTestApp.h"

#include "ui/diagram/diagramview.h"
#include "ui/window/MainWindow.h"

#include <QAction>
#include <QGraphicsScene>
#include <QGraphicsView>
#include <QTest>

#include <gtest/gtest.h>

#include <memory>
#include <ostream>

namespace {

using iisid::ui::DiagramView;
using iisid::ui::MainWindow;

struct FitCase {
    const char *name;
    QSize size;
    bool presenter;
};

void PrintTo(const FitCase &c, std::ostream *os) {
    *os << c.name;
}

class DiagramFit : public testing::TestWithParam<FitCase> {
protected:
    static void SetUpTestSuite() { iisid::ui::test::application(); }
};

TEST_P(DiagramFit, ThePictureFillsItsPaneAndIsNotCut) {
    const FitCase &row = GetParam();
    auto window = std::make_unique<MainWindow>();
    DiagramView *view = window->diagram();
    view->setReduceMotion(true);
    view->zoomToFit();
    window->resize(row.size);
    window->show();
    if (row.presenter) {
        window->findChild<QAction *>(QStringLiteral("presenter"))->trigger();
        window->setGeometry(QRect(QPoint(0, 0), row.size)); // offscreen: no screen that size
    }
    QTest::qWait(0); // the splitter shares the room out once the geometry has arrived
    QCoreApplication::processEvents();

    const QSize room = view->graphicsView()->maximumViewportSize();
    ASSERT_GT(room.width(), 0);
    ASSERT_GT(room.height(), 0);
    const QSizeF shown = view->scene()->sceneRect().size() * view->scale();
    const double coverage = std::max(shown.width() / room.width(), shown.height() / room.height());
    EXPECT_GE(coverage, 0.8) << room.width() << "x" << room.height();
    // Nothing cut: the whole picture is inside the pane.
    EXPECT_LE(shown.width(), room.width() + 1.0);
    EXPECT_LE(shown.height(), room.height() + 1.0);
}

INSTANTIATE_TEST_SUITE_P(Sizes, DiagramFit,
                         testing::Values(FitCase{"Normal1280x720", {1280, 720}, false},
                                         FitCase{"Normal1920x1080", {1920, 1080}, false},
                                         FitCase{"Normal3840x2160", {3840, 2160}, false},
                                         FitCase{"Presenter1280x720", {1280, 720}, true},
                                         FitCase{"Presenter1920x1080", {1920, 1080}, true},
                                         FitCase{"Presenter3840x2160", {3840, 2160}, true}),
                         [](const testing::TestParamInfo<FitCase> &row) {
                             return std::string(row.param.name);
                         });

} // namespace
