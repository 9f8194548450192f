// How the main window shares its room: presenter mode (F11), diagram large and result large (D),
// where the lesson dock goes, and the type of the panes a room reads.

#include "MainWindow.h"

#include "ExplanationPane.h"
#include "ResultCard.h"
#include "ui/compare/ComparePanel.h"
#include "ui/diagram/diagramview.h"
#include "ui/editor/ScenarioEditor.h"
#include "ui/lessons/LessonBrowser.h"
#include "ui/lessons/LessonPanel.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QGraphicsScene>
#include <QMenuBar>
#include <QScopedValueRollback>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QTabBar>
#include <QTabWidget>
#include <QTimer>
#include <QToolBar>

#include <algorithm>

namespace iisid::ui {

namespace {

constexpr double presenterScale = 1.6;
/// The lesson's share of the room: a column right of the diagram at least this wide...
constexpr int lessonColumnMinPercent = 20;
constexpr int lessonColumnMaxPercent = 45;
/// ...or a strip below it at most this high.
constexpr int lessonStripMaxPercent = 35;
/// In the column right of the diagram with the answer under the lesson, the lesson takes up to
/// this share of the height (more when its question, choices and verdict need it), and the list
/// of lessons this share.
constexpr int lessonShareMaxPercent = 55;
constexpr int listShareMinPercent = 15;
/// With the answer under the lesson, the column is at least this share of the width: the result
/// card's accounts keep to a line or two.
constexpr int answerUnderLessonMinPercent = 36;

/// The diagram's scale when the whole picture fits a pane of this size.
double fitScale(const QSizeF &picture, const QSizeF &pane) {
    if (picture.isEmpty() || pane.isEmpty())
        return 0;
    return std::min(pane.width() / picture.width(), pane.height() / picture.height());
}

} // namespace

bool MainWindow::answerColumnShown() const {
    if (m_lessonWaiting)
        return false;
    // Presenting a lesson, the diagram shares the screen with the lesson, whose verdict says the
    // answer; the explanation and the result card come with Result Large (D).
    return !(m_presenter && m_presenterLesson && !m_resultLargeAction->isChecked());
}

MainWindow::LessonPlace MainWindow::bestLessonPlace(QSize room, int beside, int answer) {
    const QSizeF picture = m_diagram->scene()->sceneRect().size();
    const int paneHeight = room.height() - m_playbackToolBar->sizeHint().height();
    const int free = room.width() - beside;
    // Right: the diagram takes the width it fills at the full height, the lesson the rest.
    const int fill =
        picture.isEmpty() ? 0 : static_cast<int>(picture.width() * paneHeight / picture.height());
    // The column is never narrower than the lesson's widest choice (with room for a scroll bar
    // and the dock's frame), so nothing in it is cut at the right.
    m_lessonPanel->setChoiceColumns(1);
    const int lessonWidth = m_lessonArea->minimumSizeHint().width() +
                            2 * style()->pixelMetric(QStyle::PM_DockWidgetFrameWidth) + 8;
    const int answerWidth = answer > 0 ? std::max(m_sideSplitter->minimumSizeHint().width(),
                                                  room.width() * answerUnderLessonMinPercent / 100)
                                       : 0;
    const int narrowest =
        std::max({room.width() * lessonColumnMinPercent / 100, lessonWidth, answerWidth});
    const int column = std::clamp(free - fill, narrowest,
                                  std::max(narrowest, room.width() * lessonColumnMaxPercent / 100));
    const LessonPlace right{Qt::RightDockWidgetArea, column,
                            fitScale(picture, QSizeF(free - column, paneHeight))};
    // Below: in presenter mode a strip as high as the lesson needs with its choices in two
    // columns; at the desk the list of lessons sits beside it and wants the height.
    int strip = room.height() * lessonStripMaxPercent / 100;
    if (m_presenter) {
        m_lessonPanel->setChoiceColumns(2);
        strip = std::min(strip, m_lessonPanel->heightForWidth(room.width()) + dockTitleHeight());
    }
    const LessonPlace below{Qt::BottomDockWidgetArea, strip,
                            fitScale(picture, QSizeF(free - answer, paneHeight - strip))};
    const LessonPlace &best = right.scale > below.scale ? right : below;
    m_lessonPanel->setChoiceColumns(m_presenter && best.area == Qt::BottomDockWidgetArea ? 2 : 1);
    return best;
}

void MainWindow::arrangeLessonDock() {
    if (m_lessonDock->isHidden() || m_lessonDock->isFloating())
        return;
    if (m_presenter) {
        sharePresenterRoom();
        return;
    }
    QRect room = m_pages->geometry();
    if (m_lessonDock->isVisible())
        room = room.united(m_lessonDock->geometry());
    const int beside = m_editor->isVisible() ? m_editor->width() : 0;
    // Planned for while the lesson waits too, so the diagram keeps its size at the reveal.
    const int answer = std::max(m_sideSplitter->width(), m_sideSplitter->minimumSizeHint().width());
    const LessonPlace place = bestLessonPlace(room.size(), beside, answer);
    const QScopedValueRollback<bool> arranging(m_arranging, true);
    if (dockWidgetArea(m_lessonDock) != place.area)
        addDockWidget(place.area, m_lessonDock);
    const bool right = place.area == Qt::RightDockWidgetArea;
    // Beside the diagram the list of lessons goes above the lesson (and the answer under it),
    // below it beside the lesson.
    m_lessonSplitter->setOrientation(right ? Qt::Vertical : Qt::Horizontal);
    placeAnswerColumn();
    resizeDocks({m_lessonDock}, {place.extent}, right ? Qt::Horizontal : Qt::Vertical);
    // (The dock has not its new size yet: the column is the room's height under its title.)
    if (right)
        shareLessonColumn(QSize(place.extent, room.height() - dockTitleHeight()));
}

bool MainWindow::answerUnderLesson() const {
    return m_sideSplitter->parentWidget() == m_lessonSplitter;
}

void MainWindow::placeAnswerColumn() {
    const bool under = !m_presenter && !m_lessonDock->isHidden() && !m_lessonDock->isFloating() &&
                       dockWidgetArea(m_lessonDock) == Qt::RightDockWidgetArea;
    if (under == answerUnderLesson())
        return;
    // Moving a widget to another splitter shows or hides it as the move likes: keep it as it was.
    const bool hidden = m_sideSplitter->isHidden();
    if (under) {
        m_splitterBeforeSharing = m_mainSplitter->saveState();
        m_lessonSplitter->setOrientation(Qt::Vertical);
        m_lessonSplitter->addWidget(m_sideSplitter);
        // A taller window gives the lesson no more than it needs: the room goes to the answer
        // and to the list.
        m_lessonSplitter->setStretchFactor(0, 1);
        m_lessonSplitter->setStretchFactor(1, 0);
        m_lessonSplitter->setStretchFactor(2, 2);
    } else {
        m_mainSplitter->addWidget(m_sideSplitter);
        m_mainSplitter->restoreState(m_splitterBeforeSharing);
        m_lessonSplitter->setStretchFactor(0, 1);
        m_lessonSplitter->setStretchFactor(1, 2);
    }
    m_sideSplitter->setHidden(hidden);
}

int MainWindow::dockTitleHeight() const {
    return m_lessonDock->fontMetrics().height() + 8;
}

void MainWindow::shareLessonColumn(QSize column) {
    if (m_lessonSplitter->orientation() != Qt::Vertical)
        return;
    const int height = std::max(column.height(), 1);
    const int inner = column.width() - m_lessonArea->verticalScrollBar()->sizeHint().width() -
                      2 * m_lessonArea->frameWidth() -
                      2 * style()->pixelMetric(QStyle::PM_DockWidgetFrameWidth);
    const int lesson = m_lessonPanel->heightForWidth(inner);
    const int list = height * listShareMinPercent / 100;
    if (!answerUnderLesson() || m_sideSplitter->isHidden()) {
        // The lesson as high as it needs, the list the rest (at least its share).
        const int lessonHeight = std::clamp(lesson, height / 4, height - list);
        const QList<int> sizes{height - lessonHeight, lessonHeight, 0};
        m_lessonSplitter->setSizes(sizes.mid(0, m_lessonSplitter->count()));
        return;
    }
    // The answer under it: the lesson keeps in view what the class decided on (its question,
    // choices, Reveal, verdict and why); its story, read already, may scroll away.
    const int mustShow = m_lessonPanel->heightFromQuestion(inner) + 2 * m_lessonArea->frameWidth();
    const int lessonHeight =
        std::min(lesson, std::max(height * lessonShareMaxPercent / 100, mustShow));
    m_lessonSplitter->setSizes({list, lessonHeight, std::max(0, height - list - lessonHeight)});
    if (lessonHeight < lesson) {
        // Once the verdict is laid out, the lesson shows it from its question on (and as much
        // of why as there is room for).
        QTimer::singleShot(0, m_lessonArea, [this] {
            m_lessonArea->verticalScrollBar()->setValue(m_lessonPanel->questionTop());
        });
    }
}

void MainWindow::showDock(QDockWidget *dock) {
    if (dock == m_lessonDock) {
        // showLesson() arranges the dock once the lesson's picture is laid out.
        if (m_presenter)
            m_presenterLesson = true;
        dock->show();
        dock->raise();
        return;
    }
    if (dock->isHidden()) {
        dock->show();
        // A third of the height: the diagram keeps the most room.
        resizeDocks({dock}, {height() * 35 / 100}, Qt::Vertical);
    }
    dock->raise();
}

void MainWindow::setPresenterMode(bool on) {
    if (on == m_presenter)
        return;
    m_presenter = on;
    // Hiding and restoring the docks below is not the user closing the lesson.
    const QScopedValueRollback<bool> arranging(m_arranging, true);
    // Presenter mode shares the room with the answer's column right of the diagram.
    placeAnswerColumn();
    {
        const QSignalBlocker blocker(m_presenterAction);
        m_presenterAction->setChecked(on);
    }
    m_leavePresenterAction->setEnabled(on);
    m_resultLargeAction->setEnabled(on);
    if (on) {
        m_stateBeforePresenter = saveState();
        m_splitterBeforePresenter = m_mainSplitter->saveState();
        m_sideSplitterBeforePresenter = m_sideSplitter->saveState();
        m_editor->hide();
        menuBar()->hide();
        m_fileToolBar->hide();
        showComparison(false);
        // The room sees the diagram first; a lesson's question sits beside or below it, without
        // the list of lessons.
        m_lessonBrowser->hide();
        m_presenterLesson = m_lessonWaiting || m_lessonPanel->isRevealed();
        if (!m_presenterLesson)
            m_lessonDock->hide();
        setPresentationScale(presenterScale);
        m_diagram->setLayoutOptions(diagram::LayoutOptions::presenter());
        m_geometryBeforePresenter = saveGeometry();
        showFullScreen();
        // Without a window manager (a kiosk, a bare X server) nobody resizes the window for us.
        if (QScreen *current = screen())
            setGeometry(current->geometry());
        // Sizes are shared out again once the full-screen geometry has arrived.
        QTimer::singleShot(0, this, [this] { sharePresenterRoom(); });
        m_diagram->setFocus();
    } else {
        m_presenterLesson = false;
        showNormal();
        restoreGeometry(m_geometryBeforePresenter);
        m_lessonBrowser->show();
        restoreState(m_stateBeforePresenter);
        m_lessonSplitter->setOrientation(dockWidgetArea(m_lessonDock) == Qt::RightDockWidgetArea
                                             ? Qt::Vertical
                                             : Qt::Horizontal);
        m_lessonPanel->setChoiceColumns(1);
        m_editor->setVisible(m_editorAction->isChecked());
        menuBar()->show();
        m_mainSplitter->restoreState(m_splitterBeforePresenter);
        m_sideSplitter->restoreState(m_sideSplitterBeforePresenter);
        placeAnswerColumn(); // under the lesson again if it was
        // The column shared out again once the dock has its size back.
        QTimer::singleShot(0, this, [this] {
            if (answerUnderLesson())
                shareLessonColumn(QSize(m_lessonDock->width(), m_lessonSplitter->height()));
        });
        setPresentationScale(1.0);
        m_diagram->setLayoutOptions(diagram::LayoutOptions::desk());
    }
    setAnswerHidden(m_lessonWaiting);
}

void MainWindow::takeLessonsPlace() {
    // A scenario opened in presenter mode (a file, the matrix, the check view) is not the
    // lesson's: the lesson leaves the screen and the answer's column shows.
    if (!m_presenter || !m_presenterLesson)
        return;
    m_presenterLesson = false;
    sharePresenterRoom();
}

void MainWindow::sharePresenterRoom() {
    if (!m_presenter)
        return;
    const bool resultLarge = m_resultLargeAction->isChecked();
    m_sideSplitter->setVisible(answerColumnShown());
    // A lesson: diagram large shows the diagram and the lesson (its question, then its verdict
    // and why); result large, once revealed, the diagram and the answer's column instead.
    const bool lesson = m_presenterLesson && !(resultLarge && !m_lessonWaiting);
    {
        const QScopedValueRollback<bool> arranging(m_arranging, true);
        m_lessonDock->setVisible(lesson);
    }
    // (statusBar() would create a status bar where the window has none yet.)
    const auto *status = findChild<QStatusBar *>(QString(), Qt::FindDirectChildrenOnly);
    const QSize room(width(), height() - (status && status->isVisible() ? status->height() : 0));
    if (lesson) {
        // Right of the picture or below it, whichever leaves it larger: a tall picture keeps
        // the full height, a wide one (five lanes, a short path) the full width.
        const LessonPlace place = bestLessonPlace(room, 0);
        const QScopedValueRollback<bool> arranging(m_arranging, true);
        if (dockWidgetArea(m_lessonDock) != place.area)
            addDockWidget(place.area, m_lessonDock);
        resizeDocks({m_lessonDock}, {place.extent},
                    place.area == Qt::RightDockWidgetArea ? Qt::Horizontal : Qt::Vertical);
        m_mainSplitter->setSizes({0, room.width(), 0});
        return;
    }
    // Diagram large (the default): the flow takes the width it can fill at its height (at most
    // 70%), the answer the rest; result large: the answer takes most of it, the diagram still
    // fits its smaller pane.
    const int width = room.width();
    int diagram = width * 38 / 100;
    if (!resultLarge) {
        const int paneHeight = room.height() - m_playbackToolBar->sizeHint().height();
        const int fits =
            m_diagram->widthToFit(paneHeight) + (m_center->width() - m_diagram->width());
        diagram = std::clamp(fits, width * 30 / 100, width * 70 / 100);
    }
    m_mainSplitter->setSizes({0, diagram, width - diagram});
}

void MainWindow::setPresentationScale(double scale) {
    // The diagram fits its pane by itself, in every mode. The lesson's story is read aloud by the
    // trainer, so it grows less than the answer does.
    const double milder = 1.0 + (scale - 1.0) / 2.0;
    m_result->setPresentationScale(scale);
    m_explanation->setPresentationScale(scale);
    QFont font = QApplication::font();
    if (scale != 1.0 && font.pointSizeF() > 0)
        font.setPointSizeF(font.pointSizeF() * milder);
    m_lessonPanel->setFont(font);
    m_compare->setFont(font); // a table of A and B read from the back of the room
    m_answerTabs->tabBar()->setFont(font);
    m_playbackToolBar->setFont(font);
    const int icon = style()->pixelMetric(QStyle::PM_ToolBarIconSize);
    m_playbackToolBar->setIconSize(QSize(icon, icon) * scale);
    keepPlaybackBarWhole();
}

void MainWindow::keepPlaybackBarWhole() {
    // The diagram's pane is never narrower than its playback bar, whose buttons would otherwise
    // go into a "››" menu when the answer and the lesson share the width at 1280 pixels.
    m_center->setMinimumWidth(m_playbackToolBar->sizeHint().width());
}

} // namespace iisid::ui
