#pragma once

#include "model/diagnostic.h"
#include "model/resolution.h"
#include "model/scenario.h"

#include <QMainWindow>

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

class QAction;
class QComboBox;
class QDockWidget;
class QLabel;
class QMenu;
class QScrollArea;
class QSplitter;
class QStackedWidget;
class QTabWidget;
class QToolBar;

namespace iisid {
struct Lesson;
}

namespace iisid::ui {

class CheckView;
class ComparePanel;
class DiagramView;
class ExplanationPane;
class LessonBrowser;
class LessonLibrary;
class LessonPanel;
class MatrixWindow;
class ResultCard;
class StepLabel;
class ScenarioEditor;

/// The desktop program's window. Wiring only: the editor's scenario goes to the model's
/// resolver, and the resolution to the diagram, the explanation, the result card and the
/// comparison; files, lessons and presenter mode forward to those parts.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Opens a scenario or lesson file without asking anything. Returns the problems found
    /// (file:line:column), empty when the file was loaded; on problems nothing changes.
    std::vector<iisid::Diagnostic> loadFile(const QString &path);
    /// Starts the bundled lesson with this id; false when there is none.
    bool startLesson(const QString &id);
    /// Shows the check view and checks these files and folders (off the UI thread).
    void checkPaths(const QStringList &paths);

    ScenarioEditor *editor() const { return m_editor; }
    DiagramView *diagram() const { return m_diagram; }
    ExplanationPane *explanation() const { return m_explanation; }
    ResultCard *resultCard() const { return m_result; }
    ComparePanel *comparePanel() const { return m_compare; }
    LessonPanel *lessonPanel() const { return m_lessonPanel; }
    /// The identity matrix window, nullptr until View > Identity Matrix first opens it.
    MatrixWindow *matrixWindow() const { return m_matrix; }
    CheckView *checkView() const { return m_checkView; }
    /// True while the check view, not the explainer, fills the window.
    bool isShowingCheck() const;
    const LessonLibrary &lessons() const { return *m_lessons; }
    const iisid::Resolution &resolution() const { return m_resolution; }
    QString filePath() const { return m_filePath; }
    bool isPresenterMode() const { return m_presenter; }

public slots:
    void newScenario();
    void open();
    /// Opens a file and reports problems in a dialog (the interactive form of loadFile).
    void openPath(const QString &path);
    bool save();
    bool saveAs();
    void exportDiagramAs(const QString &suffix);
    /// File > Export Report…: the explanation of the scenario shown (the comparison A/B while A
    /// is pinned and the comparison shown; the check while the check view is shown), previewed,
    /// then written as HTML, Markdown or PDF.
    void exportReport();
    /// File > Export Lesson Handout…: the lessons to hand out (the current one ticked, or all
    /// when none is current), previewed, then written.
    void exportHandout();
    void chooseLesson(int index);
    void revealLesson();
    void setPresenterMode(bool on);
    void pinCurrent();
    /// Shows the identity matrix window over the current scenario (created on first use).
    void showMatrix();
    /// Shows this scenario in the explainer as a new, unsaved one (e.g. a matrix cell's); asks
    /// first whether to save unsaved changes.
    void openScenario(const iisid::Scenario &scenario);
    /// File > Check Configuration… and Check Folder…: choose what to check.
    void checkConfiguration();
    void checkFolder();
    /// Back from the explainer to the check it came from.
    void showCheck();
    void about();

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    bool event(QEvent *event) override;
    bool focusNextPrevChild(bool next) override;

private:
    void createWidgets();
    void createActions();
    void createMenus();
    void createToolBars();
    void createDocks();
    void connectParts();
    void readSettings();
    void writeSettings() const;

    void explain();
    void showScenario(const iisid::Scenario &scenario, const QString &path);
    /// Shows a lesson waiting for the prediction (from the list, the menu or a file).
    void showLesson(const iisid::Lesson &lesson);
    /// The last step the diagram may show: before the reveal, the step before the one that
    /// decides the lesson's answer; otherwise the last.
    int lastStepBeforeReveal() const;
    /// Brings the diagram back when it went past lastStepBeforeReveal() by itself.
    void keepBeforeTheAnswer(int index);
    /// The panes in reading order, and the index of the one holding widget (-1: none).
    std::vector<QWidget *> panes() const;
    int paneIndexOf(const QWidget *widget) const;
    /// Moves the focus to the next (1) or previous (-1) visible pane after the pane at from.
    void focusPane(int direction, int from);
    QString lastFolder() const;
    static void rememberFolder(const QString &path);
    void setAnswerHidden(bool hidden);
    void tellFromTheStart();
    void showDock(QDockWidget *dock);
    /// Raises the Compare tab beside the result card (true) or the result card again (false).
    void showComparison(bool shown);
    void setPresentationScale(double scale);
    /// Keeps the diagram's pane as wide as its playback bar with every button shown.
    void keepPlaybackBarWhole();
    /// Presenter mode: shares the screen between the diagram and the answer (resultLarge, D),
    /// or between the diagram and the lesson.
    void sharePresenterRoom();
    void takeLessonsPlace();
    /// Whether the explanation and the result card are shown: not while a lesson waits for the
    /// prediction, nor while a lesson is presented with the diagram large.
    bool answerColumnShown() const;
    /// Puts the lesson dock right of the diagram or below it, whichever leaves the picture
    /// larger (a tall picture wants the height, a wide one the width), and sizes it.
    void arrangeLessonDock();
    /// Where the lesson goes: the dock area, the dock's width (right) or height (bottom), and the
    /// diagram's scale that leaves.
    struct LessonPlace {
        Qt::DockWidgetArea area = Qt::BottomDockWidgetArea;
        int extent = 0;
        double scale = 0;
    };
    /// The better place for the lesson in `room` (the area the diagram, its playback bar and the
    /// lesson share; `beside` of its width goes to other panes). The answer's column (`answer`
    /// wide) shares the lesson's column right of the diagram and stands beside the diagram when
    /// the lesson is below it. Leaves the lesson's choices in the columns the place wants (two in
    /// a strip below the diagram in presenter mode).
    LessonPlace bestLessonPlace(QSize room, int beside, int answer = 0);
    /// At the desk, with the lesson docked right of the diagram, the answer's column (the steps
    /// above Result/Compare) goes under the lesson, so the diagram and one column share the
    /// width (issue 10: three columns left the diagram 5 px type at 1280x720); anywhere else it
    /// is right of the diagram. Keeps the column shown or hidden as it was.
    void placeAnswerColumn();
    /// Whether the answer's column is under the lesson (placeAnswerColumn()).
    bool answerUnderLesson() const;
    /// Shares the height of the lesson's column out: the lesson as high as it needs (at most
    /// about half when the answer is under it), the list of lessons a few rows, the answer the
    /// rest.
    void shareLessonColumn(QSize column);
    /// The height of the lesson dock's title bar.
    int dockTitleHeight() const;
    bool maybeSave();
    void setFilePath(const QString &path);
    void addRecentFile(const QString &path);
    void fillRecentMenu();
    void updatePlayAction(bool playing);
    void updateStepLabel();
    void showExplainer();
    void explainFromCheck(const iisid::Scenario &scenario, const QString &title,
                          const std::map<std::string, QString, std::less<>> &origins);
    void pinFromCheck(const iisid::Scenario &scenario, const QString &title);

    std::unique_ptr<LessonLibrary> m_lessons;
    iisid::Resolution m_resolution;
    QString m_filePath;
    bool m_presenter = false;
    bool m_lessonWaiting = false;
    bool m_editorHiddenForLesson = false;
    bool m_arranging = false;       // presenter mode is moving the docks
    bool m_shownBefore = false;     // the window has been shown once
    bool m_presenterLesson = false; // presenter mode shows a lesson
    QByteArray m_stateBeforePresenter;
    QByteArray m_geometryBeforePresenter;
    QByteArray m_splitterBeforePresenter;
    QByteArray m_sideSplitterBeforePresenter;
    QByteArray m_splitterBeforeSharing; // the main splitter before the answer went under the lesson

    ScenarioEditor *m_editor = nullptr;
    DiagramView *m_diagram = nullptr;
    ExplanationPane *m_explanation = nullptr;
    ResultCard *m_result = nullptr;
    ComparePanel *m_compare = nullptr;
    LessonBrowser *m_lessonBrowser = nullptr;
    LessonPanel *m_lessonPanel = nullptr;
    QScrollArea *m_lessonArea = nullptr;
    QSplitter *m_mainSplitter = nullptr;
    QSplitter *m_sideSplitter = nullptr;
    QTabWidget *m_answerTabs = nullptr; // the result card and, beside it, the comparison A/B
    QDockWidget *m_lessonDock = nullptr;
    QWidget *m_center = nullptr;
    QStackedWidget *m_pages = nullptr;
    CheckView *m_checkView = nullptr;
    QToolBar *m_fileToolBar = nullptr;
    QToolBar *m_playbackToolBar = nullptr;
    QComboBox *m_speed = nullptr;
    StepLabel *m_stepLabel = nullptr;
    QMenu *m_recentMenu = nullptr;
    QMenu *m_lessonMenu = nullptr;

    QAction *m_newAction = nullptr;
    QAction *m_openAction = nullptr;
    QAction *m_saveAction = nullptr;
    QAction *m_saveAsAction = nullptr;
    QAction *m_exportPngAction = nullptr;
    QAction *m_exportSvgAction = nullptr;
    QAction *m_exportReportAction = nullptr;
    QAction *m_exportHandoutAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_playAction = nullptr;
    QAction *m_stepBackAction = nullptr;
    QAction *m_stepForwardAction = nullptr;
    QAction *m_restartAction = nullptr;
    QAction *m_reduceMotionAction = nullptr;
    QAction *m_editorAction = nullptr;
    QSplitter *m_lessonSplitter = nullptr;
    QAction *m_presenterAction = nullptr;
    QAction *m_leavePresenterAction = nullptr;
    QAction *m_resultLargeAction = nullptr;
    QAction *m_revealAction = nullptr;
    std::vector<QAction *> m_answerActions;
    QAction *m_nextPaneAction = nullptr;
    QAction *m_previousPaneAction = nullptr;
    QAction *m_pinAction = nullptr;
    QAction *m_matrixAction = nullptr;
    MatrixWindow *m_matrix = nullptr;
    QAction *m_checkAction = nullptr;
    QAction *m_checkFolderAction = nullptr;
    QAction *m_backToCheckAction = nullptr;
    QAction *m_clearPinAction = nullptr;
    QAction *m_compareAction = nullptr; // View > Compare (Ctrl+K)
    QAction *m_aboutAction = nullptr;
    QAction *m_aboutQtAction = nullptr;
};

} // namespace iisid::ui
