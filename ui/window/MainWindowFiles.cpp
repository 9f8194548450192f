// The main window's files: open, save, recent files, last folder, drag and drop, and the
// diagram and report exports.

#include "MainWindow.h"

#include "DataFolder.h"
#include "ExplanationPane.h"
#include "FocusKeys.h"
#include "QtText.h"
#include "RecentList.h"
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

namespace iisid::ui {

namespace {

constexpr int maxRecentFiles = 8;
const char *const recentFilesKey = "recentFiles";
const char *const lastFolderKey = "files/lastFolder";

} // namespace

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
    takeLessonsPlace();
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
    if (m_compare->pinned() && m_compare->comparison() && m_compare->isVisible()) {
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
    rememberRecent(QLatin1String(recentFilesKey), path, maxRecentFiles);
}

void MainWindow::fillRecentMenu() {
    m_recentMenu->clear();
    const QStringList files = recentEntries(QLatin1String(recentFilesKey));
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

} // namespace iisid::ui
