// The main window on a small screen (issue 10 §1): at 1280x720 the first window fits the
// screen's free area, the playback bar shows every action (nothing in its overflow menu), and
// an opened lesson goes where it leaves the diagram the larger picture.

#include "UiTestApp.h"
#include "WindowChecks.h"

#include "ui/diagram/diagramview.h"
#include "ui/window/MainWindow.h"

#include <QAction>
#include <QDockWidget>
#include <QGuiApplication>
#include <QScreen>
#include <QSettings>
#include <QTest>
#include <QToolBar>

#include <gtest/gtest.h>

#include <memory>
#include <string>

namespace {

using iisid::ui::MainWindow;

/// The test program's application, on an offscreen platform with the three screens of
/// offscreen_screens.json; the first, hd (1280x720), is the primary screen.
QApplication &applicationWithScreens() {
    if (!QCoreApplication::instance())
        qputenv("QT_QPA_PLATFORM", "offscreen:configfile=" IISID_SCREENS_JSON);
    return iisid::ui::test::application();
}

class WindowOnSmallScreen : public testing::Test {
protected:
    static void SetUpTestSuite() { applicationWithScreens(); }

    void SetUp() override {
        // A first start: no window remembered from an earlier run.
        QSettings().remove(QStringLiteral("window"));
        m_window = std::make_unique<MainWindow>();
        m_window->diagram()->setReduceMotion(true);
        m_window->diagram()->pause();
        m_window->show();
        QCoreApplication::processEvents();
    }

    QRect available() const { return m_window->screen()->availableGeometry(); }

    std::string hiddenPlaybackActions() const {
        return iisid::ui::test::hiddenPlaybackActions(*m_window);
    }

    std::unique_ptr<MainWindow> m_window;
};

TEST_F(WindowOnSmallScreen, TheFirstWindowFitsTheScreen) {
    ASSERT_EQ(m_window->screen()->size(), QSize(1280, 720));
    EXPECT_TRUE(available().contains(m_window->frameGeometry()))
        << m_window->frameGeometry().width() << "x" << m_window->frameGeometry().height();
    // It still takes most of the screen.
    EXPECT_GE(m_window->width(), available().width() * 8 / 10);
    EXPECT_GE(m_window->height(), available().height() * 8 / 10);
}

TEST_F(WindowOnSmallScreen, AWindowRememberedFromALargerScreenFitsThisOne) {
    m_window->setGeometry(0, 0, 1500, 920);
    QSettings().setValue(QStringLiteral("window/geometry"), m_window->saveGeometry());
    m_window = std::make_unique<MainWindow>();
    m_window->show();
    QCoreApplication::processEvents();
    EXPECT_TRUE(available().contains(m_window->frameGeometry()))
        << m_window->frameGeometry().width() << "x" << m_window->frameGeometry().height();
}

TEST_F(WindowOnSmallScreen, APlaybackBarWithEveryActionInView) {
    EXPECT_EQ(hiddenPlaybackActions(), "");
    // Icons only: each button still tells its name and key.
    auto *play = m_window->findChild<QAction *>(QStringLiteral("play"));
    ASSERT_NE(play, nullptr);
    EXPECT_EQ(play->toolTip(), QStringLiteral("Play (Space)"));
    auto *bar = m_window->findChild<QToolBar *>(QStringLiteral("playbackToolBar"));
    EXPECT_EQ(bar->widgetForAction(play)->accessibleName(), QStringLiteral("Play"));
}

TEST_F(WindowOnSmallScreen, APlaybackBarWithEveryActionInViewInPresenterMode) {
    m_window->findChild<QAction *>(QStringLiteral("presenter"))->trigger();
    QTRY_COMPARE(m_window->geometry(), m_window->screen()->geometry());
    QTest::qWait(0); // the splitter shares the room out once the geometry has arrived
    QCoreApplication::processEvents();
    EXPECT_EQ(hiddenPlaybackActions(), "");
}

TEST_F(WindowOnSmallScreen, ALessonGoesBesideTheDiagramWhenThatLeavesThePictureLarger) {
    // Issue 10: below the diagram, a lesson left it a third of a 720-pixel height and tiny type.
    // The picture of this lesson is about 1.6 times as wide as high: beside it, the lesson leaves
    // the diagram the full height and most of the width.
    ASSERT_TRUE(m_window->startLesson(QStringLiteral("php-fastcgi-impersonate")));
    auto *dock = m_window->findChild<QDockWidget *>(QStringLiteral("lessonDock"));
    ASSERT_NE(dock, nullptr);
    QTRY_VERIFY(dock->isVisible());
    QCoreApplication::processEvents();
    EXPECT_EQ(m_window->dockWidgetArea(dock), Qt::RightDockWidgetArea);
    EXPECT_LE(dock->width(), m_window->width() * 45 / 100)
        << dock->width() << " of " << m_window->width();
    EXPECT_GE(m_window->diagram()->height(), m_window->height() * 70 / 100)
        << m_window->diagram()->height() << " of " << m_window->height();
    EXPECT_EQ(hiddenPlaybackActions(), "");
}

} // namespace
