#pragma once

#include "checkrunner.h"
#include "ui/editor/ScenarioEditor.h"

#include <QWidget>

#include <memory>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QMenu;
class QProgressBar;
class QPushButton;
class QSplitter;
class QStatusBar;
class QTableView;
class QTreeView;

namespace iisid::ui {

struct CheckIndex;
class CheckFilterProxy;
class FindingDetail;
class FindingsModel;
class ServerTreeModel;

/// `iisid check` in the desktop program: the server's sites and applications with their
/// identities, the findings with a detail pane, and the way from an application (or a finding)
/// to the explainer. The check runs off the UI thread with progress and Cancel. It shows what
/// the model decided and decides nothing about IIS.
class CheckView : public QWidget {
    Q_OBJECT
public:
    explicit CheckView(QWidget *parent = nullptr);
    ~CheckView() override;

    /// Checks files and folders (asynchronously; checkFinished() tells the end). A folder with
    /// web.config files uses the Windows folder remembered for it (setFolderMapping). False
    /// while another check runs.
    bool openPaths(const QStringList &paths);
    bool isRunning() const;
    void cancel();

    /// The check shown, nullptr before the first one succeeds.
    const CheckOutcome *outcome() const;
    QStringList checkedPaths() const { return m_paths; }

    /// The Windows folder a local folder of web.config files stands for (--map), remembered
    /// per folder; empty: none.
    static QString folderMapping(const QString &localFolder);
    static void setFolderMapping(const QString &localFolder, const QString &windowsFolder);
    /// Asks for the Windows folder of a local folder that holds web.config files, unless one
    /// was given for it before (an empty answer is remembered too).
    void askFolderMapping(const QString &localFolder);

    bool showsSecrets() const { return m_show; }
    /// Shows or hides secrets in every view and copy, without asking (askShowSecrets asks).
    void setShowSecrets(bool show);

    /// The application chosen: the tree's current row, or the application the current finding
    /// concerns, whichever was chosen last; -1 when none (an index in the report).
    int currentApplication() const { return m_currentApplication; }
    /// Selects an application in the tree (and makes it the current one).
    void selectApplication(int application);

    /// The recently checked paths (File > Recent Checks).
    QMenu *recentMenu() const { return m_recentMenu; }
    QAction *showSecretsAction() const { return m_showSecretsAction; }

    QTreeView *serverTree() const { return m_tree; }
    QTableView *findingsTable() const { return m_findings; }
    FindingDetail *detail() const { return m_detail; }
    CheckFilterProxy *treeProxy() const { return m_treeProxy; }
    CheckFilterProxy *findingsProxy() const { return m_findingsProxy; }
    QLineEdit *filterEdit() const { return m_filter; }
    QComboBox *severityBox() const { return m_severity; }
    QProgressBar *progressBar() const { return m_progress; }
    QPushButton *cancelButton() const { return m_cancel; }
    QPushButton *explainButton() const { return m_explain; }
    QPushButton *compareButton() const { return m_compare; }
    QStatusBar *statusBar() const { return m_status; }
    QLabel *inputsLabel() const { return m_inputs; }

public slots:
    /// Explains the current application (Explain, double-click, Enter).
    void explainCurrent();
    /// Pins the current application as A in the compare view.
    void compareCurrent();
    /// Asks before showing secrets; hiding them needs no question.
    void askShowSecrets(bool show);

signals:
    /// An application's derived scenario for the explainer, with where each setting came from.
    void explainRequested(const iisid::Scenario &scenario, const QString &title,
                          const iisid::ui::ScenarioEditor::Origins &origins);
    /// An application's scenario to pin as A.
    void compareRequested(const iisid::Scenario &scenario, const QString &title);
    /// The "Check Configuration…" button.
    void openRequested();
    void checkStarted();
    /// The check ended; on failure or cancel the view shows what it showed before.
    void checkFinished(bool succeeded);

private:
    void createWidgets();
    void createActions();
    void finish(const std::shared_ptr<const iisid::Result<CheckOutcome>> &result);
    void showPlaceholder();
    void showOutcome();
    void showFinding(const QModelIndex &proxyIndex);
    void updateSummary();
    void updateButtons();
    void addRecent(const QStringList &paths);
    void fillRecentMenu();
    std::optional<iisid::LoadedScenario> scenarioOf(int application, QString &title) const;

    CheckRunner *m_runner = nullptr;
    std::shared_ptr<const iisid::Result<CheckOutcome>> m_outcome;
    const CheckIndex *m_index = nullptr; // the outcome's
    QStringList m_paths;
    QStringList m_runningPaths;
    bool m_show = false;
    int m_currentApplication = -1;

    ServerTreeModel *m_treeModel = nullptr;
    FindingsModel *m_findingsModel = nullptr;
    CheckFilterProxy *m_treeProxy = nullptr;
    CheckFilterProxy *m_findingsProxy = nullptr;

    QLabel *m_placeholder = nullptr;
    QLabel *m_inputs = nullptr;
    QSplitter *m_splitter = nullptr;
    QTreeView *m_tree = nullptr;
    QTableView *m_findings = nullptr;
    FindingDetail *m_detail = nullptr;
    QLineEdit *m_filter = nullptr;
    QComboBox *m_severity = nullptr;
    QPushButton *m_open = nullptr;
    QPushButton *m_explain = nullptr;
    QPushButton *m_compare = nullptr;
    QPushButton *m_secrets = nullptr;
    QWidget *m_progressRow = nullptr;
    QLabel *m_progressLabel = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_cancel = nullptr;
    QStatusBar *m_status = nullptr;
    QMenu *m_recentMenu = nullptr;
    QAction *m_showSecretsAction = nullptr;
    QAction *m_copyAction = nullptr;
};

} // namespace iisid::ui
