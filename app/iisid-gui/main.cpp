// iisid-gui: the desktop program. Parses the command line, then either writes a diagram
// headlessly or shows the main window.

#include "model/resolver.h"
#include "model/settings.h"
#include "ui/diagram/diagramview.h"
#include "ui/lessons/LessonLibrary.h"
#include "ui/report/reportfiles.h"
#include "ui/window/MainWindow.h"
#include "ui/window/QtText.h"
#include "ui/window/ScenarioFiles.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QIcon>
#include <QMessageBox>
#include <QTimer>

#include <cstdio>
#include <optional>
#include <string_view>

namespace {

constexpr int exitOk = 0;
constexpr int exitFailed = 1;
constexpr int exitBadInput = 2;

void printError(const QString &text) {
    std::fprintf(stderr, "%s\n", text.toLocal8Bit().constData());
}

/// --export-diagram, --export-report, --help and --version need no display (a server, an ssh
/// session): unless the user chose a platform, run offscreen.
void chooseHeadlessPlatform(int argc, char **argv) {
    if (!qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        return;
    for (int i = 1; i < argc; ++i) {
        const std::string_view argument = argv[i];
        if (argument.starts_with("--export-diagram") || argument.starts_with("--export-report") ||
            argument == "-h" || argument == "--help" || argument == "--help-all" ||
            argument == "-v" || argument == "--version") {
            qputenv("QT_QPA_PLATFORM", "offscreen");
            return;
        }
    }
}

/// Writes the final diagram of the scenario to out (.png or .svg).
int exportDiagram(const QString &out, const iisid::Scenario &scenario) {
    QString error;
    if (!iisid::ui::exportDiagram(iisid::resolve(scenario), out, &error)) {
        printError(QStringLiteral("%1: error: %2").arg(out, error));
        return exitFailed;
    }
    return exitOk;
}

int exportDiagramFile(const QString &out, const QString &input) {
    const iisid::Result<iisid::ui::OpenedFile> read = iisid::ui::ScenarioFiles::readFile(input);
    if (!read) {
        printError(iisid::ui::ScenarioFiles::describe(read.errors()));
        return exitBadInput;
    }
    return exportDiagram(out, std::holds_alternative<iisid::Lesson>(read.value())
                                  ? std::get<iisid::Lesson>(read.value()).scenario
                                  : std::get<iisid::LoadedScenario>(read.value()).scenario);
}

/// The lessons' own problems (a file that does not read, no lessons folder) go to the terminal:
/// the lesson browser only lists the lessons that read.
void printLessonErrors(const iisid::ui::LessonLibrary &lessons) {
    for (const iisid::Diagnostic &error : lessons.errors())
        printError(iisid::ui::toQString(error.toString()));
}

void printUnknownLesson(const QString &id, const iisid::ui::LessonLibrary &lessons) {
    if (lessons.lessons().empty()) {
        printError(QStringLiteral("--lesson %1: error: there are no lessons to start").arg(id));
        return;
    }
    QStringList ids;
    for (const iisid::Lesson &lesson : lessons.lessons())
        ids << iisid::ui::toQString(lesson.id);
    printError(
        QStringLiteral("--lesson %1: error: no lesson in %2 has this id; the lessons are: %3")
            .arg(id, lessons.directory(), ids.join(QStringLiteral(", "))));
}

/// --export-diagram OUT: the diagram of the one file given, or of the --lesson.
int exportCommand(const QString &out, const QStringList &files,
                  const std::optional<QString> &lessonId) {
    const QString suffix = QFileInfo(out).suffix().toLower();
    if (suffix != QLatin1String("png") && suffix != QLatin1String("svg")) {
        printError(QStringLiteral("%1: error: the diagram is written as .png or .svg").arg(out));
        return exitBadInput;
    }
    if (lessonId && files.isEmpty()) {
        const iisid::ui::LessonLibrary lessons;
        printLessonErrors(lessons);
        const iisid::Lesson *lesson = lessons.find(iisid::ui::toStdString(*lessonId));
        if (!lesson) {
            printUnknownLesson(*lessonId, lessons);
            return exitBadInput;
        }
        return exportDiagram(out, lesson->scenario);
    }
    if (files.size() != 1 || lessonId) {
        printError(QStringLiteral(
            "usage: iisid-gui --export-diagram OUT.(png|svg) (SCENARIO | --lesson ID)"));
        return exitBadInput;
    }
    return exportDiagramFile(out, files.first());
}

int exportReportFile(const QString &out, const QStringList &inputs) {
    if (!iisid::ui::isReportFileName(out)) {
        printError(QStringLiteral("%1: error: a report is written as .html, .md or .pdf").arg(out));
        return exitBadInput;
    }
    const iisid::Result<iisid::report::Document> report = iisid::ui::reportFromPaths(inputs);
    if (!report) {
        printError(iisid::ui::ScenarioFiles::describe(report.errors()));
        return exitBadInput;
    }
    QString error;
    if (!iisid::ui::writeReportFile(report.value(), out, &error)) {
        printError(QStringLiteral("%1: error: %2").arg(out, error));
        return exitFailed;
    }
    return exitOk;
}

} // namespace

int main(int argc, char **argv) {
    chooseHeadlessPlatform(argc, argv);
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("IISIdentityExplainer"));
    QApplication::setApplicationName(QStringLiteral("iisid-gui"));
    QApplication::setApplicationDisplayName(QStringLiteral("IIS Identity Explainer"));
    QApplication::setApplicationVersion(QStringLiteral(IISID_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("iisid"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/iisid.svg")));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Which Windows account runs my code on IIS, and why."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption lessonOption(QStringLiteral("lesson"),
                                          QStringLiteral("Start the bundled lesson <id>."),
                                          QStringLiteral("id"));
    const QCommandLineOption exportOption(
        QStringLiteral("export-diagram"),
        QStringLiteral("Write the final diagram of SCENARIO (or of the --lesson) to <file> "
                       "(.png or .svg) and exit, without showing a window."),
        QStringLiteral("file"));
    const QCommandLineOption reportOption(
        QStringLiteral("export-report"),
        QStringLiteral("Write a report to <file> (.html, .md or .pdf) and exit, without showing a "
                       "window: of one scenario, an explanation; of two, a comparison; of "
                       "lessons, a handout; of IIS configuration files, a check."),
        QStringLiteral("file"));
    const QCommandLineOption checkOption(
        QStringLiteral("check"),
        QStringLiteral("Check the configuration files and folders named (applicationHost.config, "
                       "MetaBase.xml, web.config, php.ini) and show the result."));
    parser.addOption(lessonOption);
    parser.addOption(exportOption);
    parser.addOption(reportOption);
    parser.addOption(checkOption);
    parser.addPositionalArgument(
        QStringLiteral("file"),
        QStringLiteral("A scenario (*.iisid.json) or lesson file; with --check, the configuration "
                       "files and folders to check."),
        QStringLiteral("[SCENARIO_OR_LESSON_FILE | --check PATH...]"));
    parser.process(app);
    const QStringList files = parser.positionalArguments();

    if (parser.isSet(exportOption)) {
        return exportCommand(parser.value(exportOption), files,
                             parser.isSet(lessonOption)
                                 ? std::optional<QString>(parser.value(lessonOption))
                                 : std::nullopt);
    }
    if (parser.isSet(reportOption)) {
        if (files.isEmpty()) {
            printError(
                QStringLiteral("usage: iisid-gui --export-report OUT.(html|md|pdf) INPUT..."));
            return exitBadInput;
        }
        return exportReportFile(parser.value(reportOption), files);
    }
    if (parser.isSet(checkOption)) {
        if (files.isEmpty()) {
            printError(QStringLiteral("usage: iisid-gui --check PATH..."));
            return exitBadInput;
        }
        iisid::ui::MainWindow window;
        window.show();
        window.checkPaths(files);
        return app.exec();
    }
    if (files.size() > 1) {
        printError(QStringLiteral("iisid-gui opens one file at a time"));
        return exitBadInput;
    }

    iisid::ui::MainWindow window;
    printLessonErrors(window.lessons());
    if (parser.isSet(lessonOption)) {
        const QString id = parser.value(lessonOption);
        if (!window.startLesson(id)) {
            printUnknownLesson(id, window.lessons());
            QStringList ids;
            for (const iisid::Lesson &lesson : window.lessons().lessons())
                ids << iisid::ui::toQString(lesson.id);
            // Started from a desktop there is no terminal to read: say it in the window, which
            // opens anyway, with the lessons in its Lessons menu.
            QTimer::singleShot(0, &window, [&window, id, ids] {
                QMessageBox box(
                    QMessageBox::Warning, QStringLiteral("No such lesson"),
                    QStringLiteral("No bundled lesson has the id \u201c%1\u201d.").arg(id),
                    QMessageBox::Ok, &window);
                box.setInformativeText(
                    QStringLiteral("Choose one from the Lessons menu. The ids are: %1.")
                        .arg(ids.join(QStringLiteral(", "))));
                box.exec();
            });
        }
    }
    window.show();
    if (!files.isEmpty()) {
        const QString path = files.first();
        // Report on the terminal too, then in the window once it is up.
        const auto errors = window.loadFile(path);
        if (!errors.empty()) {
            printError(iisid::ui::ScenarioFiles::describe(errors));
            QTimer::singleShot(0, &window, [&window, path] { window.openPath(path); });
        }
    }
    return app.exec();
}
