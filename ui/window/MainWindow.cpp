#include "MainWindow.h"

#include "DataFolder.h"
#include "ExplanationPane.h"
#include "FocusKeys.h"
#include "QtText.h"
#include "ResultCard.h"
#include "ScenarioFiles.h"
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

#ifndef IISID_VERSION
#define IISID_VERSION "unknown"
#endif

namespace iisid::ui {

namespace {

constexpr int maxRecentFiles = 8;
constexpr double presenterScale = 1.6;
const char *const recentFilesKey = "recentFiles";
const char *const lastFolderKey = "files/lastFolder";
/// The first window's size when the screen has room for it.
constexpr QSize preferredWindowSize(1500, 920);
/// The share of the screen's free area the first window takes at most.
constexpr double windowShareOfScreen = 0.9;

/// Where the first window goes on a screen whose free area is available: the preferred size, or
/// 90% of the free area in each dimension if that is smaller, centred.
QRect firstWindowGeometry(const QRect &available) {
    const QSize size(std::min(preferredWindowSize.width(),
                              static_cast<int>(available.width() * windowShareOfScreen)),
                     std::min(preferredWindowSize.height(),
                              static_cast<int>(available.height() * windowShareOfScreen)));
    QRect geometry(QPoint(0, 0), size);
    geometry.moveCenter(available.center());
    return geometry;
}

bool takesTabFocus(const QWidget *widget) {
    return widget->isVisible() && widget->isEnabled() && (widget->focusPolicy() & Qt::TabFocus);
}

/// The first (or last) widget inside pane that Tab could reach, in the window's tab order; or
/// nullptr.
QWidget *focusableIn(QWidget *pane, bool last) {
    if (takesTabFocus(pane))
        return pane->focusProxy() ? pane->focusProxy() : pane;
    QWidget *found = nullptr;
    QWidget *start = pane->window();
    QWidget *widget = start;
    do {
        widget = widget->nextInFocusChain();
        if (pane->isAncestorOf(widget) && takesTabFocus(widget)) {
            if (!last)
                return widget;
            found = widget;
        }
    } while (widget && widget != start);
    return found;
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_lessons(std::make_unique<LessonLibrary>()) {
    setObjectName(QStringLiteral("MainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/iisid.svg")));
    setAcceptDrops(true);
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks);

    createWidgets();
    createActions();
    createMenus();
    createToolBars();
    createDocks();
    connectParts();
    readSettings();

    setFilePath(QString());
    explain();
}

MainWindow::~MainWindow() = default;

void MainWindow::createWidgets() {
    m_editor = new ScenarioEditor(this);
    m_diagram = new DiagramView(this);
    m_diagram->setAccessibleName(tr("Request-flow diagram"));
    m_explanation = new ExplanationPane(this);
    m_result = new ResultCard(this);

    // Editor | diagram with its playback bar | explanation above the result card.
    m_center = new QWidget(this);
    auto *centerLayout = new QVBoxLayout(m_center);
    centerLayout->setContentsMargins(0, 0, 0, 0);
    centerLayout->setSpacing(0);
    centerLayout->addWidget(m_diagram, 1);

    m_sideSplitter = new QSplitter(Qt::Vertical, this);
    m_sideSplitter->setObjectName(QStringLiteral("sideSplitter"));
    m_sideSplitter->addWidget(m_explanation);
    auto *resultArea = new QScrollArea(this);
    resultArea->setWidget(m_result);
    resultArea->setWidgetResizable(true);
    resultArea->setFrameShape(QFrame::NoFrame);
    resultArea->setFocusPolicy(Qt::NoFocus); // Tab goes to the card's own Copy button
    resultArea->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_sideSplitter->addWidget(resultArea);
    m_sideSplitter->setStretchFactor(0, 1);
    m_sideSplitter->setStretchFactor(1, 1);

    m_mainSplitter = new QSplitter(Qt::Horizontal, this);
    m_mainSplitter->setObjectName(QStringLiteral("mainSplitter"));
    m_mainSplitter->addWidget(m_editor);
    m_mainSplitter->addWidget(m_center);
    m_mainSplitter->addWidget(m_sideSplitter);
    m_mainSplitter->setStretchFactor(0, 2);
    m_mainSplitter->setStretchFactor(1, 5);
    m_mainSplitter->setStretchFactor(2, 3);
    m_mainSplitter->setSizes({340, 760, 480});
    // The explainer, or the check view (File > Check Configuration…) in its place.
    m_checkView = new CheckView(this);
    m_pages = new QStackedWidget(this);
    m_pages->addWidget(m_mainSplitter);
    m_pages->addWidget(m_checkView);
    setCentralWidget(m_pages);

    m_compare = new ComparePanel(this);
    m_lessonBrowser = new LessonBrowser(this);
    m_lessonBrowser->setLessons(m_lessons->lessons());
    m_lessonPanel = new LessonPanel(this);
}

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
    m_stepLabel = new QLabel(m_playbackToolBar);
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

void MainWindow::createDocks() {
    m_compareDock = new QDockWidget(tr("Compare"), this);
    m_compareDock->setObjectName(QStringLiteral("compareDock"));
    m_compareDock->setWidget(m_compare);
    addDockWidget(Qt::BottomDockWidgetArea, m_compareDock);

    m_lessonDock = new QDockWidget(tr("Lessons"), this);
    m_lessonDock->setObjectName(QStringLiteral("lessonDock"));
    // The list beside the lesson, never folded away: the dock is wide and low.
    m_lessonSplitter = new QSplitter(Qt::Horizontal, m_lessonDock);
    m_lessonSplitter->setObjectName(QStringLiteral("lessonSplitter"));
    m_lessonSplitter->addWidget(m_lessonBrowser);
    m_lessonSplitter->addWidget(m_lessonPanel);
    m_lessonSplitter->setChildrenCollapsible(false);
    m_lessonSplitter->setStretchFactor(0, 1);
    m_lessonSplitter->setStretchFactor(1, 2);
    m_lessonDock->setWidget(m_lessonSplitter);
    addDockWidget(Qt::BottomDockWidgetArea, m_lessonDock);
    tabifyDockWidget(m_compareDock, m_lessonDock);
    // Both wait until they are asked for (Pin as A, a lesson), so the diagram has the room.
    m_compareDock->hide();
    m_lessonDock->hide();

    QMenu *view = menuBar()->findChild<QMenu *>(QStringLiteral("viewMenu"));
    m_compareDock->toggleViewAction()->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    m_lessonDock->toggleViewAction()->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    view->addAction(m_compareDock->toggleViewAction());
    view->addAction(m_lessonDock->toggleViewAction());
    m_lessonMenu->insertAction(m_lessonMenu->actions().value(0), m_lessonDock->toggleViewAction());
    // The editor made way for the lesson; closing the lesson brings it back.
    connect(m_lessonDock->toggleViewAction(), &QAction::toggled, this, [this](bool shown) {
        if (!shown && !m_presenter && !m_arranging && m_editorHiddenForLesson) {
            m_editorHiddenForLesson = false;
            m_editorAction->setChecked(true);
        }
    });
}

void MainWindow::connectParts() {
    connect(m_editor, &ScenarioEditor::scenarioChanged, this, [this] {
        setWindowModified(true);
        // Editing during a lesson ends the guessing: show what the model says.
        setAnswerHidden(false);
        explain();
    });
    connect(m_diagram, &DiagramView::currentStepChanged, m_explanation,
            &ExplanationPane::setCurrentStep);
    connect(m_explanation, &ExplanationPane::stepActivated, m_diagram,
            &DiagramView::setCurrentStep);
    connect(m_diagram, &DiagramView::playingChanged, this, &MainWindow::updatePlayAction);
    connect(m_diagram, &DiagramView::currentStepChanged, this, &MainWindow::keepBeforeTheAnswer);
    connect(m_diagram, &DiagramView::currentStepChanged, this, &MainWindow::updateStepLabel);
    connect(m_result, &ResultCard::copied, this,
            [this] { statusBar()->showMessage(tr("Copied the result to the clipboard"), 3000); });
    connect(m_lessonBrowser, &LessonBrowser::lessonChosen, this, &MainWindow::chooseLesson);
    connect(m_lessonPanel, &LessonPanel::revealRequested, this, &MainWindow::revealLesson);
    // Compare: the diagram of B marks the stations that end otherwise in A.
    connect(m_compare, &ComparePanel::pinnedChanged, this, [this](bool pinned) {
        m_diagram->setComparedWith(pinned ? std::optional<Resolution>(m_resolution) : std::nullopt);
    });

    connect(m_checkView, &CheckView::openRequested, this, &MainWindow::checkConfiguration);
    connect(m_checkView, &CheckView::explainRequested, this, &MainWindow::explainFromCheck);
    connect(m_checkView, &CheckView::compareRequested, this, &MainWindow::pinFromCheck);
    connect(m_checkView, &CheckView::checkFinished, this, [this](bool succeeded) {
        if (succeeded && isShowingCheck())
            setWindowTitle(tr("%1 — Check — IIS Identity Explainer")
                               .arg(QFileInfo(m_checkView->checkedPaths().value(0)).fileName()));
    });
}

void MainWindow::explain() {
    const Scenario &scenario = m_editor->scenario();
    m_resolution = resolve(scenario);
    m_diagram->setResolution(m_resolution);
    m_explanation->setResolution(m_resolution);
    m_explanation->setCurrentStep(m_diagram->currentStep());
    updateStepLabel();
    m_result->setResolution(m_resolution, validate(scenario));
    m_compare->setCurrent(scenario);
    if (m_matrix)
        m_matrix->setBase(scenario);
}

void MainWindow::showScenario(const Scenario &scenario, const QString &path) {
    showExplainer();
    m_editor->setScenario(scenario);
    setFilePath(path);
    explain();
    if (m_lessonWaiting) {
        // Predict first: the request waits at the door until the reveal.
        m_diagram->pause();
        m_diagram->setCurrentStep(0);
    } else {
        tellFromTheStart();
    }
}

void MainWindow::tellFromTheStart() {
    // The animation plays from the browser on; with reduced motion the final picture shows at
    // once.
    m_diagram->restart();
    if (!m_diagram->isPlaying())
        m_diagram->setCurrentStep(m_diagram->stepCount() - 1);
}

void MainWindow::setAnswerHidden(bool hidden) {
    m_lessonWaiting = hidden;
    m_result->setAnswerHidden(hidden);
    m_explanation->setAnswerHidden(hidden);
    m_revealAction->setEnabled(hidden);
    // While the answer is covered, its place goes to the diagram (in presenter mode and at the
    // desk alike); the reveal brings the steps and the result card back.
    m_sideSplitter->setVisible(!hidden);
    if (!hidden)
        sharePresenterRoom(); // the answer comes back beside the diagram
    for (QAction *answer : m_answerActions)
        answer->setEnabled(hidden);
    // The comparison lists the current identities too: it waits for the reveal as well.
    if (hidden)
        m_compareDock->hide();
    m_compareDock->toggleViewAction()->setEnabled(!hidden);
    m_pinAction->setEnabled(!hidden);
    updateStepLabel();
}

int MainWindow::lastStepBeforeReveal() const {
    const int last = m_diagram->stepCount() - 1;
    const Lesson *lesson = m_lessonPanel->lesson();
    if (!m_lessonWaiting || !lesson)
        return last;
    // The trace knows which step decides the answer the lesson asks about: the picture may go
    // as far as the step before it.
    const std::optional<std::size_t> deciding = decidingStep(m_resolution, lesson->answerField);
    if (!deciding || *deciding == 0)
        return std::min(0, last);
    return std::min(last, static_cast<int>(*deciding) - 1);
}

void MainWindow::keepBeforeTheAnswer(int index) {
    if (!m_lessonWaiting || index <= lastStepBeforeReveal())
        return;
    // The diagram went past the deciding step on its own (Play, End, a key in the diagram). It
    // is in the middle of its own step: freeze its picture now and go back once it is done, so
    // the step that would give the answer away is never painted.
    m_diagram->setUpdatesEnabled(false);
    QTimer::singleShot(0, this, [this] {
        const int limit = lastStepBeforeReveal();
        if (m_lessonWaiting && m_diagram->currentStep() > limit) {
            m_diagram->pause();
            m_diagram->setCurrentStep(limit);
            statusBar()->showMessage(tr("Predict first: the steps that decide the answer "
                                        "follow the reveal (Enter)."),
                                     5000);
        }
        m_diagram->setUpdatesEnabled(true);
    });
}

std::vector<QWidget *> MainWindow::panes() const {
    // In reading order: Tab and F6 go through them in this order.
    return {m_editor, m_diagram,    m_playbackToolBar, m_explanation,
            m_result, m_lessonDock, m_compareDock};
}

int MainWindow::paneIndexOf(const QWidget *widget) const {
    const std::vector<QWidget *> all = panes();
    for (std::size_t index = 0; widget && index < all.size(); ++index) {
        if (all[index] == widget || all[index]->isAncestorOf(widget))
            return static_cast<int>(index);
    }
    return -1;
}

void MainWindow::focusPane(int direction, int from) {
    const std::vector<QWidget *> all = panes();
    const int count = static_cast<int>(all.size());
    const int start = from >= 0 ? from : (direction > 0 ? -1 : count);
    for (int step = 1; step <= count; ++step) {
        const int index = ((start + direction * step) % count + count) % count;
        QWidget *pane = all[static_cast<std::size_t>(index)];
        if (!pane->isVisible())
            continue;
        // Forward enters a pane at its first stop, backward at its last.
        if (QWidget *target = focusableIn(pane, direction < 0)) {
            target->setFocus(direction > 0 ? Qt::TabFocusReason : Qt::BacktabFocusReason);
            return;
        }
    }
}

bool MainWindow::focusNextPrevChild(bool next) {
    // Within a pane Tab follows the pane's own order; leaving it, Tab goes to the next pane in
    // reading order, wherever Qt's chain of widgets (which follows creation, docks and
    // reparenting) would have gone.
    const int before = paneIndexOf(QApplication::focusWidget());
    if (!QMainWindow::focusNextPrevChild(next))
        return false;
    if (before >= 0 && paneIndexOf(QApplication::focusWidget()) != before)
        focusPane(next ? 1 : -1, before);
    return true;
}

void MainWindow::newScenario() {
    if (!maybeSave())
        return;
    setAnswerHidden(false);
    showScenario(Scenario{}, QString());
}

void MainWindow::showMatrix() {
    if (!m_matrix) {
        m_matrix = new MatrixWindow(this);
        m_matrix->setBase(m_editor->scenario());
        connect(m_matrix, &MatrixWindow::scenarioRequested, this, &MainWindow::openScenario);
    }
    m_matrix->show();
    m_matrix->raise();
    m_matrix->activateWindow();
}

void MainWindow::openScenario(const Scenario &scenario) {
    if (!maybeSave())
        return;
    setAnswerHidden(false);
    showScenario(scenario, QString());
    raise();
    activateWindow();
}

void MainWindow::open() {
    if (!maybeSave())
        return;
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Scenario"), lastFolder(),
                                                      ScenarioFiles::nameFilter());
    if (!path.isEmpty())
        openPath(path);
}

void MainWindow::openPath(const QString &path) {
    const std::vector<Diagnostic> errors = loadFile(path);
    if (errors.empty())
        return;
    QMessageBox box(
        QMessageBox::Critical, tr("Cannot open the file"),
        tr("%1 was not opened; the current scenario is unchanged.").arg(QFileInfo(path).fileName()),
        QMessageBox::Ok, this);
    box.setInformativeText(ScenarioFiles::describe(errors));
    box.setTextInteractionFlags(Qt::TextSelectableByMouse);
    box.exec();
}

std::vector<Diagnostic> MainWindow::loadFile(const QString &path) {
    Result<OpenedFile> read = ScenarioFiles::readFile(path);
    if (!read)
        return read.errors();
    addRecentFile(QFileInfo(path).absoluteFilePath());
    rememberFolder(path);
    if (auto *lesson = std::get_if<Lesson>(&read.value())) {
        showLesson(*lesson);
        return {};
    }
    setAnswerHidden(false);
    showScenario(std::get<LoadedScenario>(read.value()).scenario,
                 QFileInfo(path).absoluteFilePath());
    return {};
}

bool MainWindow::save() {
    if (m_filePath.isEmpty())
        return saveAs();
    if (std::optional<QString> error =
            ScenarioFiles::writeScenarioFile(m_filePath, m_editor->scenario())) {
        QMessageBox::critical(this, tr("Cannot save"),
                              tr("%1 could not be written: %2").arg(m_filePath, *error));
        return false;
    }
    setWindowModified(false);
    addRecentFile(m_filePath);
    statusBar()->showMessage(tr("Saved %1").arg(QFileInfo(m_filePath).fileName()), 3000);
    return true;
}

bool MainWindow::saveAs() {
    QString suggestion = m_filePath;
    if (suggestion.isEmpty())
        suggestion = QDir(lastFolder()).filePath(QStringLiteral("scenario.iisid.json"));
    const QString path = QFileDialog::getSaveFileName(this, tr("Save Scenario"), suggestion,
                                                      ScenarioFiles::nameFilter());
    if (path.isEmpty())
        return false;
    rememberFolder(path);
    setFilePath(ScenarioFiles::withSuffix(path));
    return save();
}

void MainWindow::exportDiagramAs(const QString &suffix) {
    const QString base =
        m_filePath.isEmpty()
            ? QStringLiteral("diagram")
            : QFileInfo(m_filePath).completeBaseName().section(QLatin1Char('.'), 0, 0);
    const QString filter =
        suffix == QLatin1String("svg") ? tr("SVG image (*.svg)") : tr("PNG image (*.png)");
    QString path = QFileDialog::getSaveFileName(
        this, tr("Export Diagram"), QDir(lastFolder()).filePath(base + QLatin1Char('.') + suffix),
        filter);
    if (path.isEmpty())
        return;
    rememberFolder(path);
    if (!path.endsWith(QLatin1Char('.') + suffix, Qt::CaseInsensitive))
        path += QLatin1Char('.') + suffix;
    QString error;
    if (!exportDiagram(m_resolution, path, &error))
        QMessageBox::critical(this, tr("Cannot export"), error);
    else
        statusBar()->showMessage(tr("Exported %1").arg(QFileInfo(path).fileName()), 3000);
}

void MainWindow::exportReport() {
    if (isShowingCheck()) {
        if (const CheckOutcome *outcome = m_checkView->outcome()) {
            const QStringList paths = m_checkView->checkedPaths();
            const bool secrets = m_checkView->showsSecrets();
            ExportReportDialog dialog(
                checkReport(*outcome, paths, secrets),
                QFileInfo(paths.value(0)).completeBaseName() + QStringLiteral("-check"), this);
            dialog.setSecretsShown(secrets);
            dialog.exec();
        } else {
            statusBar()->showMessage(tr("Check a configuration first: there is no check to "
                                        "report yet."),
                                     5000);
        }
        return;
    }
    const Scenario &scenario = m_editor->scenario();
    const QString input = m_filePath.isEmpty() ? tr("an unsaved scenario") : m_filePath;
    const QString base =
        m_filePath.isEmpty()
            ? QStringLiteral("report")
            : QFileInfo(m_filePath).completeBaseName().section(QLatin1Char('.'), 0, 0);
    // While A is pinned and the comparison shown, the report is the comparison A/B.
    if (m_compare->pinned() && m_compare->comparison() && m_compareDock->isVisible()) {
        const Scenario &pinned = *m_compare->pinned();
        const Resolution a = resolve(pinned);
        ExportReportDialog dialog(
            report::comparisonReport({pinned, a, diagram::toSvg(a)},
                                     {scenario, m_resolution, diagram::toSvg(m_resolution)},
                                     *m_compare->comparison(),
                                     reportMeta({tr("scenario A (pinned)"), input})),
            base + QStringLiteral("-comparison"), this);
        dialog.exec();
        return;
    }
    ExportReportDialog dialog(report::explanationReport(scenario, m_resolution,
                                                        diagram::toSvg(m_resolution),
                                                        reportMeta({input})),
                              base, this);
    dialog.exec();
}

void MainWindow::exportHandout() {
    std::vector<int> checked;
    if (const int current = m_lessonBrowser->currentIndex(); current >= 0)
        checked.push_back(current);
    else
        for (int index = 0; index < m_lessons->size(); ++index)
            checked.push_back(index);
    ExportReportDialog dialog(m_lessons->lessons(), checked, this);
    dialog.exec();
}

void MainWindow::chooseLesson(int index) {
    if (index < 0 || index >= m_lessons->size() || !maybeSave())
        return;
    showLesson(m_lessons->at(index));
}

void MainWindow::showLesson(const Lesson &lesson) {
    m_lessonPanel->setLesson(lesson);
    // The list shows which lesson this is (none for a lesson file of one's own).
    m_lessonBrowser->setCurrentIndex(m_lessons->indexOf(lesson.id));
    showDock(m_lessonDock);
    // While the class predicts, the settings would only give the answer away and take the
    // diagram's room; closing the lesson (or Ctrl+E) brings them back.
    if (m_editorAction->isChecked()) {
        m_editorHiddenForLesson = true;
        m_editorAction->setChecked(false);
    }
    // Predict first: the diagram waits at the start and the answer stays covered.
    setAnswerHidden(true);
    showScenario(lesson.scenario, QString());
    // [*]: a lesson the trainer changes shows it, as Quit will ask to save it.
    setWindowTitle(tr("%1[*] — IIS Identity Explainer").arg(toQString(lesson.title)));
    updateStepLabel();
}

bool MainWindow::startLesson(const QString &id) {
    const int index = m_lessons->indexOf(toStdString(id));
    if (index < 0)
        return false;
    chooseLesson(index);
    return true;
}

void MainWindow::revealLesson() {
    if (!m_lessonWaiting)
        return;
    if (!m_lessonPanel->isRevealed())
        m_lessonPanel->reveal();
    setAnswerHidden(false);
    tellFromTheStart();
}

void MainWindow::pinCurrent() {
    m_compare->setPinned(m_editor->scenario());
    m_compare->setCurrent(m_editor->scenario());
    m_clearPinAction->setEnabled(true);
    showDock(m_compareDock);
}

bool MainWindow::isShowingCheck() const {
    return m_pages->currentWidget() == m_checkView;
}

void MainWindow::checkConfiguration() {
    const QStringList paths = QFileDialog::getOpenFileNames(
        this, tr("Check Configuration"), QString(),
        tr("IIS configuration (*.config *.xml *.ini);;All files (*)"));
    if (!paths.isEmpty())
        checkPaths(paths);
}

void MainWindow::checkFolder() {
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Check Folder"));
    if (folder.isEmpty())
        return;
    m_checkView->askFolderMapping(folder);
    checkPaths({folder});
}

void MainWindow::checkPaths(const QStringList &paths) {
    showCheck();
    if (!m_checkView->openPaths(paths))
        statusBar()->showMessage(tr("A check is running; cancel it first."), 5000);
}

void MainWindow::showCheck() {
    if (m_presenter)
        setPresenterMode(false);
    m_pages->setCurrentWidget(m_checkView);
    m_backToCheckAction->setEnabled(false);
    const QString first = m_checkView->checkedPaths().value(0);
    setWindowTitle(
        first.isEmpty()
            ? tr("Check — IIS Identity Explainer")
            : tr("%1 — Check — IIS Identity Explainer").arg(QFileInfo(first).fileName()));
    m_checkView->setFocus();
}

void MainWindow::showExplainer() {
    m_pages->setCurrentWidget(m_mainSplitter);
    m_backToCheckAction->setEnabled(m_checkView->outcome() != nullptr);
}

void MainWindow::explainFromCheck(const Scenario &scenario, const QString &title,
                                  const ScenarioEditor::Origins &origins) {
    if (!maybeSave())
        return;
    setAnswerHidden(false);
    showScenario(scenario, QString());
    m_editor->setOrigins(origins);
    showExplainer();
    setWindowTitle(tr("%1[*] — IIS Identity Explainer").arg(title));
    statusBar()->showMessage(
        tr("%1 from the check: each setting's tooltip says where it came from. Alt+Left goes "
           "back to the check.")
            .arg(title),
        8000);
}

void MainWindow::pinFromCheck(const Scenario &scenario, const QString &title) {
    m_compare->setPinned(scenario);
    m_compare->setCurrent(m_editor->scenario());
    m_clearPinAction->setEnabled(true);
    showDock(m_compareDock);
    statusBar()->showMessage(
        tr("%1 is pinned as A: explain another application to compare it with A.").arg(title),
        8000);
}

void MainWindow::showDock(QDockWidget *dock) {
    if (m_presenter && dock == m_lessonDock) {
        dock->show();
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
        m_compareDock->hide();
        // The room sees the diagram first; a lesson's question sits below it, without the list
        // of lessons.
        m_lessonBrowser->hide();
        const bool lesson = m_lessonWaiting || m_lessonPanel->isRevealed();
        if (lesson) {
            addDockWidget(Qt::BottomDockWidgetArea, m_lessonDock);
            m_lessonDock->show();
        } else {
            m_lessonDock->hide();
        }
        setPresentationScale(presenterScale);
        m_diagram->setLayoutOptions(diagram::LayoutOptions::presenter());
        m_geometryBeforePresenter = saveGeometry();
        showFullScreen();
        // Without a window manager (a kiosk, a bare X server) nobody resizes the window for us.
        if (QScreen *current = screen())
            setGeometry(current->geometry());
        // Sizes are shared out once the full-screen geometry has arrived.
        QTimer::singleShot(0, this, [this, lesson] {
            if (!m_presenter)
                return;
            sharePresenterRoom();
            if (lesson)
                resizeDocks({m_lessonDock}, {height() * 30 / 100}, Qt::Vertical);
        });
        m_diagram->setFocus();
    } else {
        showNormal();
        restoreGeometry(m_geometryBeforePresenter);
        m_lessonBrowser->show();
        restoreState(m_stateBeforePresenter);
        m_editor->setVisible(m_editorAction->isChecked());
        m_sideSplitter->show();
        menuBar()->show();
        m_mainSplitter->restoreState(m_splitterBeforePresenter);
        m_sideSplitter->restoreState(m_sideSplitterBeforePresenter);
        setPresentationScale(1.0);
        m_diagram->setLayoutOptions({});
    }
    setAnswerHidden(m_lessonWaiting);
}

void MainWindow::sharePresenterRoom() {
    if (!m_presenter)
        return;
    // Diagram large (the default): the flow takes the width it can fill at its height (at most
    // 70%), the answer the rest; result large: the answer takes most of it, the diagram still
    // fits its smaller pane.
    const int width = m_mainSplitter->width();
    int diagram = width * 38 / 100;
    if (!m_resultLargeAction->isChecked()) {
        const int fits =
            m_diagram->widthToFit(m_diagram->height()) + (m_center->width() - m_diagram->width());
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
    m_playbackToolBar->setFont(font);
    const int icon = style()->pixelMetric(QStyle::PM_ToolBarIconSize);
    m_playbackToolBar->setIconSize(QSize(icon, icon) * scale);
}

void MainWindow::about() {
    QMessageBox::about(
        this, tr("About IIS Identity Explainer"),
        tr("<h3>IIS Identity Explainer %1</h3>"
           "<p>Which Windows account runs my code on IIS, and why: one request followed through "
           "IIS step by step, with the source of every rule.</p>"
           "<p>Behaviour the sources do not confirm is marked as unconfirmed, never stated as "
           "fact.</p>")
            .arg(QStringLiteral(IISID_VERSION)));
}

bool MainWindow::maybeSave() {
    if (!isWindowModified())
        return true;
    const QMessageBox::StandardButton answer = QMessageBox::warning(
        this, tr("Unsaved changes"), tr("The scenario has been changed. Save the changes?"),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel);
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

void MainWindow::setFilePath(const QString &path) {
    m_filePath = path;
    setWindowModified(false);
    const QString name = path.isEmpty() ? tr("Untitled") : QFileInfo(path).fileName();
    setWindowTitle(tr("%1[*] — IIS Identity Explainer").arg(name));
}

void MainWindow::addRecentFile(const QString &path) {
    QSettings settings;
    QStringList files = settings.value(QLatin1String(recentFilesKey)).toStringList();
    files.removeAll(path);
    files.prepend(path);
    while (files.size() > maxRecentFiles)
        files.removeLast();
    settings.setValue(QLatin1String(recentFilesKey), files);
}

void MainWindow::fillRecentMenu() {
    m_recentMenu->clear();
    const QStringList files = QSettings().value(QLatin1String(recentFilesKey)).toStringList();
    int number = 1;
    for (const QString &path : files) {
        QAction *action = m_recentMenu->addAction(QStringLiteral("&%1 %2").arg(number++).arg(path));
        action->setData(path);
        connect(action, &QAction::triggered, this, [this, action] {
            if (maybeSave())
                openPath(action->data().toString());
        });
    }
    if (files.isEmpty())
        m_recentMenu->addAction(tr("(no recent files)"))->setEnabled(false);
}

void MainWindow::updatePlayAction(bool playing) {
    m_playAction->setText(playing ? tr("&Pause") : tr("&Play"));
    m_playAction->setIcon(
        style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
}

void MainWindow::updateStepLabel() {
    QString text =
        tr("Step %1 of %2").arg(m_diagram->currentStep() + 1).arg(m_diagram->stepCount());
    const bool stopped = m_lessonWaiting && m_diagram->currentStep() >= lastStepBeforeReveal();
    // Before the reveal the steps that decide the answer wait: say so where the steps are.
    if (stopped)
        text += tr(" · predict, then reveal (Enter) for the rest");
    m_stepLabel->setText(text);
    m_stepForwardAction->setEnabled(!stopped);
    m_stepForwardAction->setToolTip(stopped ? tr("The next step decides the answer: reveal first")
                                            : QString());
}

QString MainWindow::lastFolder() const {
    const QString remembered = QSettings().value(QLatin1String(lastFolderKey)).toString();
    if (!remembered.isEmpty() && QFileInfo(remembered).isDir())
        return remembered;
    // With no file open yet, start among the bundled scenarios.
    return m_filePath.isEmpty() ? DataFolder::find().scenarios()
                                : QFileInfo(m_filePath).absolutePath();
}

void MainWindow::rememberFolder(const QString &path) {
    QSettings().setValue(QLatin1String(lastFolderKey), QFileInfo(path).absolutePath());
}

void MainWindow::readSettings() {
    QSettings settings;
    const bool restored =
        restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    // A window remembered from a larger screen would not fit this one: start afresh.
    QScreen *current = screen();
    if (current && (!restored || !current->availableGeometry().contains(frameGeometry()))) {
        const QRect first = firstWindowGeometry(current->availableGeometry());
        resize(first.size());
        move(first.topLeft());
    } else if (!restored) {
        resize(preferredWindowSize);
    }
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    m_mainSplitter->restoreState(
        settings.value(QStringLiteral("window/mainSplitter")).toByteArray());
    m_sideSplitter->restoreState(
        settings.value(QStringLiteral("window/sideSplitter")).toByteArray());
    m_reduceMotionAction->setChecked(
        settings.value(QStringLiteral("playback/reduceMotion"), false).toBool());
    const int speed = m_speed->findData(settings.value(QStringLiteral("playback/speed"), 1.0));
    if (speed >= 0)
        m_speed->setCurrentIndex(speed);
}

void MainWindow::writeSettings() const {
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"),
                      m_presenter ? m_geometryBeforePresenter : saveGeometry());
    settings.setValue(QStringLiteral("window/state"),
                      m_presenter ? m_stateBeforePresenter : saveState());
    settings.setValue(QStringLiteral("window/mainSplitter"), m_mainSplitter->saveState());
    settings.setValue(QStringLiteral("window/sideSplitter"), m_sideSplitter->saveState());
}

void MainWindow::closeEvent(QCloseEvent *event) {
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    if (m_presenter)
        setPresenterMode(false);
    writeSettings();
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event) {
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.size() == 1 && urls.first().isLocalFile() &&
        urls.first().toLocalFile().endsWith(QLatin1String(".json"), Qt::CaseInsensitive))
        event->acceptProposedAction();
    // Anything else local is for the checker: configuration files or folders.
    else if (!urls.isEmpty() && std::all_of(urls.begin(), urls.end(),
                                            [](const QUrl &url) { return url.isLocalFile(); }))
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event) {
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.isEmpty())
        return;
    if (urls.size() > 1 ||
        !urls.first().toLocalFile().endsWith(QLatin1String(".json"), Qt::CaseInsensitive)) {
        event->acceptProposedAction();
        QStringList paths;
        for (const QUrl &url : urls)
            paths << url.toLocalFile();
        for (const QString &path : paths)
            m_checkView->askFolderMapping(path);
        checkPaths(paths);
        return;
    }
    if (!maybeSave())
        return;
    event->acceptProposedAction();
    openPath(urls.first().toLocalFile());
}

bool MainWindow::event(QEvent *event) {
    // The single-key shortcuts (Space, the arrows, R, 1-4, Enter) drive the presentation
    // wherever the focused widget does not use the key itself (a text field, a button's Space,
    // a drop-down's arrows): focusUsesKey() decides.
    if (event->type() == QEvent::ShortcutOverride &&
        focusUsesKey(QApplication::focusWidget(), *static_cast<QKeyEvent *>(event))) {
        event->accept();
        return true;
    }
    return QMainWindow::event(event);
}

} // namespace iisid::ui
