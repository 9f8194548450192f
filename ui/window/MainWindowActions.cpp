// The main window's actions, menus and tool bars.

#include "MainWindow.h"

#include "DataFolder.h"
#include "ExplanationPane.h"
#include "FocusKeys.h"
#include "QtText.h"
#include "ResultCard.h"
#include "ScenarioFiles.h"
#include "StepLabel.h"
#include "model/diagram/diagram_svg.h"
#include "model/lesson.h"
#include "model/report/comparison_report.h"
#include "model/report/explanation_report.h"
#include "model/resolver.h"
#include "model/result_fields.h"
#include "model/settings.h"
#include "ui/check/checkview.h"
#include "ui/compare/ComparePanel.h"
#include "ui/diagram/diagramview.h"
#include "ui/editor/ScenarioEditor.h"
#include "ui/lessons/LessonBrowser.h"
#include "ui/lessons/LessonLibrary.h"
#include "ui/lessons/LessonPanel.h"
#include "ui/matrix/matrixwindow.h"
#include "ui/report/exportreportdialog.h"
#include "ui/report/reportfiles.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QKeyEvent>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QScopedValueRollback>
#include <QScreen>
#include <QScrollArea>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace iisid::ui {

void MainWindow::createActions() {
    auto make = [this](const QString &name, const QString &text, QStyle::StandardPixmap icon,
                       const QList<QKeySequence> &keys = {}) {
        auto *action = new QAction(text, this);
        action->setObjectName(name);
        if (icon != QStyle::SP_CustomBase)
            action->setIcon(style()->standardIcon(icon));
        action->setShortcuts(keys);
        addAction(action);
        return action;
    };
    constexpr QStyle::StandardPixmap noIcon = QStyle::SP_CustomBase;

    m_newAction = make(QStringLiteral("new"), tr("&New"), QStyle::SP_FileIcon,
                       QKeySequence::keyBindings(QKeySequence::New));
    m_openAction = make(QStringLiteral("open"), tr("&Open…"), QStyle::SP_DialogOpenButton,
                        QKeySequence::keyBindings(QKeySequence::Open));
    m_saveAction = make(QStringLiteral("save"), tr("&Save"), QStyle::SP_DialogSaveButton,
                        QKeySequence::keyBindings(QKeySequence::Save));
    // Not every platform binds Save As; Ctrl+Shift+S is what most programs use then.
    QList<QKeySequence> saveAsKeys = QKeySequence::keyBindings(QKeySequence::SaveAs);
    if (saveAsKeys.isEmpty())
        saveAsKeys = {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S)};
    m_saveAsAction = make(QStringLiteral("saveAs"), tr("Save &As…"), noIcon, saveAsKeys);
    m_exportPngAction = make(QStringLiteral("exportPng"), tr("Export Diagram as &PNG…"), noIcon);
    m_exportSvgAction = make(QStringLiteral("exportSvg"), tr("Export Diagram as S&VG…"), noIcon);
    m_exportReportAction = make(QStringLiteral("exportReport"), tr("Export &Report…"), noIcon);
    m_exportHandoutAction =
        make(QStringLiteral("exportHandout"), tr("Export Lesson &Handout…"), noIcon);
    m_quitAction = make(QStringLiteral("quit"), tr("&Quit"), noIcon,
                        QKeySequence::keyBindings(QKeySequence::Quit));
    connect(m_newAction, &QAction::triggered, this, &MainWindow::newScenario);
    connect(m_openAction, &QAction::triggered, this, &MainWindow::open);
    connect(m_saveAction, &QAction::triggered, this, &MainWindow::save);
    connect(m_saveAsAction, &QAction::triggered, this, &MainWindow::saveAs);
    connect(m_exportPngAction, &QAction::triggered, this,
            [this] { exportDiagramAs(QStringLiteral("png")); });
    connect(m_exportSvgAction, &QAction::triggered, this,
            [this] { exportDiagramAs(QStringLiteral("svg")); });
    connect(m_exportReportAction, &QAction::triggered, this, &MainWindow::exportReport);
    connect(m_exportHandoutAction, &QAction::triggered, this, &MainWindow::exportHandout);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_playAction = make(QStringLiteral("play"), tr("&Play"), QStyle::SP_MediaPlay,
                        {QKeySequence(Qt::Key_Space)});
    m_stepBackAction = make(QStringLiteral("stepBack"), tr("Step &Back"),
                            QStyle::SP_MediaSeekBackward, {QKeySequence(Qt::Key_Left)});
    m_stepForwardAction = make(QStringLiteral("stepForward"), tr("Step &Forward"),
                               QStyle::SP_MediaSeekForward, {QKeySequence(Qt::Key_Right)});
    m_restartAction = make(QStringLiteral("restart"), tr("&Restart"), QStyle::SP_MediaSkipBackward,
                           {QKeySequence(Qt::Key_R)});
    connect(m_playAction, &QAction::triggered, m_diagram, &DiagramView::togglePlay);
    connect(m_stepBackAction, &QAction::triggered, m_diagram, &DiagramView::stepBack);
    connect(m_stepForwardAction, &QAction::triggered, this, [this] {
        if (m_diagram->currentStep() < lastStepBeforeReveal())
            m_diagram->stepForward();
    });
    connect(m_restartAction, &QAction::triggered, m_diagram, &DiagramView::restart);
    m_reduceMotionAction = make(QStringLiteral("reduceMotion"), tr("Reduce &Motion"), noIcon);
    m_reduceMotionAction->setCheckable(true);
    m_reduceMotionAction->setToolTip(tr("Show each step's final picture at once, without moving"));
    connect(m_reduceMotionAction, &QAction::toggled, m_diagram, &DiagramView::setReduceMotion);

    m_editorAction = make(QStringLiteral("showEditor"), tr("Scenario &Editor"), noIcon,
                          {QKeySequence(Qt::CTRL | Qt::Key_E)});
    m_editorAction->setCheckable(true);
    m_editorAction->setChecked(true);
    m_editorAction->setToolTip(tr("Show or hide the settings on the left"));
    connect(m_editorAction, &QAction::toggled, this, [this](bool on) {
        if (!m_presenter)
            m_editor->setVisible(on);
    });

    m_presenterAction = make(QStringLiteral("presenter"), tr("&Presenter Mode"), noIcon,
                             {QKeySequence(Qt::Key_F11)});
    m_presenterAction->setCheckable(true);
    connect(m_presenterAction, &QAction::toggled, this, &MainWindow::setPresenterMode);
    m_leavePresenterAction = make(QStringLiteral("leavePresenter"), tr("Leave Presenter Mode"),
                                  noIcon, {QKeySequence(Qt::Key_Escape)});
    m_leavePresenterAction->setEnabled(false);
    connect(m_leavePresenterAction, &QAction::triggered, this, [this] { setPresenterMode(false); });
    // One key swaps the room's attention between the flow and the answer.
    m_resultLargeAction =
        make(QStringLiteral("resultLarge"), tr("&Result Large"), noIcon, {QKeySequence(Qt::Key_D)});
    m_resultLargeAction->setCheckable(true);
    m_resultLargeAction->setEnabled(false);
    connect(m_resultLargeAction, &QAction::toggled, this, &MainWindow::sharePresenterRoom);

    // Predict and reveal from the keyboard, however the lesson was opened: 1-4 choose, Enter
    // reveals.
    m_revealAction = make(QStringLiteral("reveal"), tr("&Reveal the Answer"), noIcon,
                          {QKeySequence(Qt::Key_Return), QKeySequence(Qt::Key_Enter)});
    m_revealAction->setEnabled(false);
    connect(m_revealAction, &QAction::triggered, this, &MainWindow::revealLesson);
    for (int index = 0; index < 4; ++index) {
        QAction *answer =
            make(QStringLiteral("answer%1").arg(index + 1), tr("Answer %1").arg(index + 1), noIcon,
                 {QKeySequence(Qt::Key_1 + index)});
        answer->setData(index);
        answer->setEnabled(false);
        connect(answer, &QAction::triggered, this,
                [this, answer] { m_lessonPanel->choose(answer->data().toInt()); });
        m_answerActions.push_back(answer);
    }

    // F6 (or Ctrl+Tab) moves between the panes, Shift+F6 back: Tab stays inside a pane's rows.
    m_nextPaneAction = make(QStringLiteral("nextPane"), tr("&Next Pane"), noIcon,
                            {QKeySequence(Qt::Key_F6), QKeySequence(Qt::CTRL | Qt::Key_Tab)});
    m_previousPaneAction = make(QStringLiteral("previousPane"), tr("P&revious Pane"), noIcon,
                                {QKeySequence(Qt::SHIFT | Qt::Key_F6),
                                 QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Tab),
                                 QKeySequence(Qt::CTRL | Qt::Key_Backtab)});
    connect(m_nextPaneAction, &QAction::triggered, this,
            [this] { focusPane(1, paneIndexOf(QApplication::focusWidget())); });
    connect(m_previousPaneAction, &QAction::triggered, this,
            [this] { focusPane(-1, paneIndexOf(QApplication::focusWidget())); });

    m_pinAction =
        make(QStringLiteral("pin"), tr("&Pin as A"), noIcon, {QKeySequence(Qt::CTRL | Qt::Key_P)});
    m_pinAction->setToolTip(tr("Keep the current scenario as A and compare what you change"));
    m_clearPinAction = make(QStringLiteral("clearPin"), tr("&Clear Pin"), noIcon);
    m_clearPinAction->setEnabled(false);
    connect(m_pinAction, &QAction::triggered, this, &MainWindow::pinCurrent);
    connect(m_clearPinAction, &QAction::triggered, this, [this] {
        m_compare->clearPinned();
        m_clearPinAction->setEnabled(false);
    });

    m_matrixAction = make(QStringLiteral("identityMatrix"), tr("Identity &Matrix…"), noIcon,
                          {QKeySequence(Qt::CTRL | Qt::Key_M)});
    m_matrixAction->setToolTip(tr("Vary two settings of the current scenario and see every "
                                  "combination's identity"));
    connect(m_matrixAction, &QAction::triggered, this, &MainWindow::showMatrix);

    m_checkAction = make(QStringLiteral("checkConfiguration"), tr("&Check Configuration…"), noIcon,
                         {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O)});
    m_checkAction->setToolTip(tr("Check an applicationHost.config, a MetaBase.xml, web.config or "
                                 "php.ini files copied off a server"));
    m_checkFolderAction = make(QStringLiteral("checkFolder"), tr("Check &Folder…"), noIcon);
    m_backToCheckAction = make(QStringLiteral("backToCheck"), tr("&Back to Check"),
                               QStyle::SP_ArrowBack, {QKeySequence(Qt::ALT | Qt::Key_Left)});
    m_backToCheckAction->setToolTip(tr("Return to the check this application came from"));
    m_backToCheckAction->setEnabled(false);
    connect(m_checkAction, &QAction::triggered, this, &MainWindow::checkConfiguration);
    connect(m_checkFolderAction, &QAction::triggered, this, &MainWindow::checkFolder);
    connect(m_backToCheckAction, &QAction::triggered, this, &MainWindow::showCheck);

    m_aboutAction = make(QStringLiteral("about"), tr("&About IIS Identity Explainer"), noIcon);
    m_aboutQtAction = make(QStringLiteral("aboutQt"), tr("About &Qt"), noIcon);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::about);
    connect(m_aboutQtAction, &QAction::triggered, qApp, &QApplication::aboutQt);
}

void MainWindow::createMenus() {
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_newAction);
    file->addAction(m_openAction);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::fillRecentMenu);
    file->addSeparator();
    file->addAction(m_checkAction);
    file->addAction(m_checkFolderAction);
    file->addMenu(m_checkView->recentMenu());
    file->addAction(m_checkView->showSecretsAction());
    file->addSeparator();
    file->addAction(m_saveAction);
    file->addAction(m_saveAsAction);
    file->addSeparator();
    file->addAction(m_exportPngAction);
    file->addAction(m_exportSvgAction);
    file->addAction(m_exportReportAction);
    file->addAction(m_exportHandoutAction);
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu *playback = menuBar()->addMenu(tr("&Playback"));
    playback->addAction(m_playAction);
    playback->addAction(m_stepBackAction);
    playback->addAction(m_stepForwardAction);
    playback->addAction(m_restartAction);
    playback->addSeparator();
    playback->addAction(m_reduceMotionAction);

    QMenu *compare = menuBar()->addMenu(tr("&Compare"));
    // The panel has its own pin and clear buttons: ask it whether A is pinned.
    connect(compare, &QMenu::aboutToShow, this,
            [this] { m_clearPinAction->setEnabled(m_compare->hasPinned()); });
    compare->addAction(m_pinAction);
    compare->addAction(m_clearPinAction);

    m_lessonMenu = menuBar()->addMenu(tr("&Lessons"));
    for (int index = 0; index < m_lessons->size(); ++index) {
        QAction *lesson = m_lessonMenu->addAction(
            QStringLiteral("&%1 %2").arg(index + 1).arg(toQString(m_lessons->at(index).title)));
        lesson->setData(index);
        connect(lesson, &QAction::triggered, this,
                [this, lesson] { chooseLesson(lesson->data().toInt()); });
    }
    m_lessonMenu->addSeparator();
    m_lessonMenu->addAction(m_revealAction);
    m_lessonMenu->addAction(m_exportHandoutAction);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_backToCheckAction);
    view->addAction(m_editorAction);
    view->addAction(m_presenterAction);
    view->addAction(m_resultLargeAction);
    view->addAction(m_matrixAction);
    view->addSeparator();
    view->addAction(m_nextPaneAction);
    view->addAction(m_previousPaneAction);
    view->addSeparator();
    // The docks' toggle actions are added in createDocks().
    view->setObjectName(QStringLiteral("viewMenu"));

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(m_aboutAction);
    help->addAction(m_aboutQtAction);
}

void MainWindow::createToolBars() {
    m_fileToolBar = addToolBar(tr("File"));
    m_fileToolBar->setObjectName(QStringLiteral("fileToolBar"));
    m_fileToolBar->addAction(m_newAction);
    m_fileToolBar->addAction(m_openAction);
    m_fileToolBar->addAction(m_saveAction);
    m_fileToolBar->addAction(m_backToCheckAction);
    m_fileToolBar->addSeparator();
    m_fileToolBar->addAction(m_pinAction);
    m_fileToolBar->addAction(m_presenterAction);

    // The playback bar sits under the diagram it drives.
    m_playbackToolBar = new QToolBar(tr("Playback"), m_center);
    m_playbackToolBar->setObjectName(QStringLiteral("playbackToolBar"));
    // Icons only (the usual media symbols), so that the bar fits a 1280-pixel screen beside the
    // editor; each button says its name and key in a tooltip and to screen readers.
    m_playbackToolBar->setToolButtonStyle(Qt::ToolButtonIconOnly);
    m_playbackToolBar->addAction(m_restartAction);
    m_playbackToolBar->addAction(m_stepBackAction);
    m_playbackToolBar->addAction(m_playAction);
    m_playbackToolBar->addAction(m_stepForwardAction);
    m_stepLabel = new StepLabel(m_playbackToolBar);
    m_stepLabel->setAccessibleName(tr("Current step"));
    m_stepLabel->setMargin(6);
    m_playbackToolBar->addWidget(m_stepLabel);
    m_playbackToolBar->addSeparator();
    auto *speedLabel = new QLabel(tr("&Speed:"), m_playbackToolBar);
    m_speed = new QComboBox(m_playbackToolBar);
    m_speed->setAccessibleName(tr("Animation speed"));
    for (double factor : {0.5, 1.0, 1.5, 2.0, 3.0})
        m_speed->addItem(QStringLiteral("%1×").arg(factor), factor);
    m_speed->setCurrentIndex(1);
    speedLabel->setBuddy(m_speed);
    m_playbackToolBar->addWidget(speedLabel);
    m_playbackToolBar->addWidget(m_speed);
    m_playbackToolBar->addAction(m_reduceMotionAction);
    // A tool bar's buttons take no focus by default; this bar is a pane Tab must reach.
    for (QAction *action : m_playbackToolBar->actions()) {
        if (auto *button =
                qobject_cast<QToolButton *>(m_playbackToolBar->widgetForAction(action))) {
            button->setFocusPolicy(Qt::TabFocus);
            button->setAccessibleName(action->iconText());
            if (!action->shortcut().isEmpty())
                action->setToolTip(tr("%1 (%2)").arg(
                    action->iconText(), action->shortcut().toString(QKeySequence::NativeText)));
        }
    }
    connect(m_speed, &QComboBox::currentIndexChanged, this,
            [this](int index) { m_diagram->setSpeed(m_speed->itemData(index).toDouble()); });
    static_cast<QVBoxLayout *>(m_center->layout())->addWidget(m_playbackToolBar);
}

} // namespace iisid::ui
