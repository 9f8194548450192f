#include "MainWindow.h"

#include "DataFolder.h"
#include "ExplanationPane.h"
#include "FocusKeys.h"
#include "QtText.h"
#include "ResultCard.h"
#include "ScenarioFiles.h"
#include "StepLabel.h"
#include "VerticalScrollArea.h"
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
#include <QSignalBlocker>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QTabBar>
#include <QTabWidget>
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

MainWindow::~MainWindow() {
    // The panes go before the dock does: its closing must not move the answer's column.
    disconnect(m_lessonDock, nullptr, this, nullptr);
    disconnect(m_lessonDock->toggleViewAction(), nullptr, this, nullptr);
}

void MainWindow::createWidgets() {
    m_editor = new ScenarioEditor(this);
    m_diagram = new DiagramView(this);
    m_diagram->setAccessibleName(tr("Request-flow diagram"));
    m_diagram->setLayoutOptions(diagram::LayoutOptions::desk());
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
    // The card is never cut at the right however narrow its column: it scrolls down.
    auto *resultArea = new VerticalScrollArea(this);
    resultArea->setWidget(m_result);
    resultArea->setFocusPolicy(Qt::NoFocus); // Tab goes to the card's own Copy button
    resultArea->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // The comparison A/B is a tab beside the result card, not a dock under the diagram: pinning
    // A leaves the diagram all its room (issue 10 §1).
    m_compare = new ComparePanel(this);
    m_answerTabs = new QTabWidget(this);
    m_answerTabs->setObjectName(QStringLiteral("answerTabs"));
    m_answerTabs->setDocumentMode(true);
    m_answerTabs->addTab(resultArea, tr("Result"));
    m_answerTabs->addTab(m_compare, tr("Compare"));
    m_answerTabs->setTabToolTip(0, tr("The identities of the current scenario (Ctrl+K: Compare)"));
    m_answerTabs->setTabToolTip(1, tr("Scenario A (pinned) beside B (current) (Ctrl+K)"));
    // The keyboard switches with Ctrl+K; Tab and F6 go from the explanation to the page shown.
    m_answerTabs->tabBar()->setFocusPolicy(Qt::NoFocus);
    m_sideSplitter->addWidget(m_answerTabs);
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

    m_lessonBrowser = new LessonBrowser(this);
    m_lessonBrowser->setLessons(m_lessons->lessons());
    m_lessonPanel = new LessonPanel(this);
}

void MainWindow::createDocks() {
    m_lessonDock = new QDockWidget(tr("Lessons"), this);
    m_lessonDock->setObjectName(QStringLiteral("lessonDock"));
    // The list beside the lesson, never folded away: the dock is wide and low.
    m_lessonSplitter = new QSplitter(Qt::Horizontal, m_lessonDock);
    m_lessonSplitter->setObjectName(QStringLiteral("lessonSplitter"));
    m_lessonSplitter->addWidget(m_lessonBrowser);
    // The lesson scrolls rather than squeezing its choices onto each other in a low dock.
    m_lessonArea = new VerticalScrollArea(m_lessonSplitter);
    m_lessonArea->setObjectName(QStringLiteral("lessonArea"));
    m_lessonArea->setWidget(m_lessonPanel);
    m_lessonArea->setFocusPolicy(Qt::NoFocus); // Tab goes to the lesson's choices
    m_lessonSplitter->addWidget(m_lessonArea);
    m_lessonSplitter->setChildrenCollapsible(false);
    m_lessonSplitter->setStretchFactor(0, 1);
    m_lessonSplitter->setStretchFactor(1, 2);
    m_lessonDock->setWidget(m_lessonSplitter);
    addDockWidget(Qt::BottomDockWidgetArea, m_lessonDock);
    // It waits until it is asked for (a lesson), so the diagram has the room.
    m_lessonDock->hide();

    QMenu *view = menuBar()->findChild<QMenu *>(QStringLiteral("viewMenu"));
    // View > Compare (Ctrl+K): the Compare tab beside the result, or back to the result.
    m_compareAction = new QAction(tr("&Compare"), this);
    m_compareAction->setObjectName(QStringLiteral("showCompare"));
    m_compareAction->setCheckable(true);
    m_compareAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    m_compareAction->setToolTip(tr("Show scenario A (pinned) beside B, or the result again"));
    addAction(m_compareAction);
    connect(m_compareAction, &QAction::toggled, this, &MainWindow::showComparison);
    connect(m_answerTabs, &QTabWidget::currentChanged, this, [this] {
        const QSignalBlocker blocker(m_compareAction);
        m_compareAction->setChecked(m_answerTabs->currentWidget() == m_compare);
    });
    m_lessonDock->toggleViewAction()->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    view->addAction(m_compareAction);
    view->addAction(m_lessonDock->toggleViewAction());
    m_lessonMenu->insertAction(m_lessonMenu->actions().value(0), m_lessonDock->toggleViewAction());
    // The editor made way for the lesson; closing the lesson brings it back.
    connect(m_lessonDock->toggleViewAction(), &QAction::toggled, this, [this](bool shown) {
        // In presenter mode the trainer's Ctrl+L (or the dock's close button) decides whether
        // the lesson shares the screen: the room is shared out again.
        if (m_presenter && !m_arranging) {
            m_presenterLesson = shown;
            sharePresenterRoom();
            return;
        }
        if (!shown && !m_presenter && !m_arranging && m_editorHiddenForLesson) {
            m_editorHiddenForLesson = false;
            m_editorAction->setChecked(true);
        }
    });
    // Closed, docked elsewhere or floating, the lesson leaves the answer's column beside the
    // diagram. (The action above toggles before the dock is hidden: its visibility tells.)
    connect(m_lessonDock, &QDockWidget::visibilityChanged, this, &MainWindow::placeAnswerColumn);
    connect(m_lessonDock, &QDockWidget::dockLocationChanged, this, &MainWindow::placeAnswerColumn);
    connect(m_lessonDock, &QDockWidget::topLevelChanged, this, &MainWindow::placeAnswerColumn);
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
    m_sideSplitter->setVisible(answerColumnShown());
    sharePresenterRoom(); // the answer comes back beside the diagram, or the verdict below it
    for (QAction *answer : m_answerActions)
        answer->setEnabled(hidden);
    // The comparison lists the current identities too: it waits for the reveal as well.
    if (hidden)
        showComparison(false);
    m_compareAction->setEnabled(!hidden);
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
    // The list and the lesson, not their dock, which may hold the answer's column too.
    return {m_editor, m_diagram, m_playbackToolBar, m_explanation,
            m_result, m_compare, m_lessonBrowser,   m_lessonArea};
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
    takeLessonsPlace();
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
    takeLessonsPlace();
    raise();
    activateWindow();
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
    arrangeLessonDock(); // now that the lesson's picture is laid out
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
    // The answer's column is back: once it has its width, the lesson may fit better elsewhere.
    QTimer::singleShot(0, this, &MainWindow::arrangeLessonDock);
    tellFromTheStart();
}

void MainWindow::pinCurrent() {
    m_compare->setPinned(m_editor->scenario());
    m_compare->setCurrent(m_editor->scenario());
    m_clearPinAction->setEnabled(true);
    showComparison(true);
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
    takeLessonsPlace();
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
    showComparison(true);
    statusBar()->showMessage(
        tr("%1 is pinned as A: explain another application to compare it with A.").arg(title),
        8000);
}

void MainWindow::showComparison(bool shown) {
    m_answerTabs->setCurrentWidget(shown ? m_compare : m_answerTabs->widget(0));
    if (!shown)
        return;
    // In presenter mode the lesson may have the screen: the comparison comes forward with the
    // answer's column (Result Large), not switched to unseen.
    if (m_presenter && !answerColumnShown() && !m_lessonWaiting)
        m_resultLargeAction->setChecked(true);
    // The side pane may have been dragged shut: open it again at its first share.
    const QList<int> sizes = m_mainSplitter->sizes();
    if (!m_presenter && !answerUnderLesson() && sizes.value(2) == 0)
        m_mainSplitter->setSizes({sizes.value(0), sizes.value(1) * 5 / 8, sizes.value(1) * 3 / 8});
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

void MainWindow::updatePlayAction(bool playing) {
    m_playAction->setText(playing ? tr("&Pause") : tr("&Play"));
    m_playAction->setIcon(
        style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
}

void MainWindow::updateStepLabel() {
    const int count = m_diagram->stepCount();
    QString text = tr("Step %1 of %2").arg(m_diagram->currentStep() + 1).arg(count);
    QString widest = tr("Step %1 of %2").arg(count).arg(count);
    const bool stopped = m_lessonWaiting && m_diagram->currentStep() >= lastStepBeforeReveal();
    // Before the reveal the steps that decide the answer wait: say so where the steps are (in
    // presenter mode the lesson says it, and the bar stays short enough for a 1280-pixel screen).
    if (stopped && !m_presenter) {
        const QString wait = tr(" · predict, then reveal (Enter) for the rest");
        text += wait;
        widest += wait;
    }
    m_stepLabel->setStep(text, widest);
    keepPlaybackBarWhole();
    m_stepForwardAction->setEnabled(!stopped);
    m_stepForwardAction->setToolTip(stopped ? tr("The next step decides the answer: reveal first")
                                            : QString());
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
    // With the answer's column under the lesson, the splitter as it was with the column in it.
    settings.setValue(QStringLiteral("window/mainSplitter"),
                      answerUnderLesson() ? m_splitterBeforeSharing : m_mainSplitter->saveState());
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

bool MainWindow::event(QEvent *event) {
    // A lesson opened before the window first showed (iisid-gui --lesson) was placed in a room
    // not yet laid out: place it again in the real one. Later shows (a window restored from the
    // task bar) keep the dock where the user left it.
    if (event->type() == QEvent::Show && !m_shownBefore) {
        m_shownBefore = true;
        if (!m_lessonDock->isHidden())
            QTimer::singleShot(0, this, &MainWindow::arrangeLessonDock);
    }
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
