// iisid-gui: the desktop program. Parses the command line, then either writes a diagram
// headlessly or shows the main window.

#include "model/resolver.h"
#include "model/settings.h"
#include "ui/diagram/diagramview.h"
#include "ui/lessons/LessonLibrary.h"
#include "ui/window/MainWindow.h"
#include "ui/window/QtText.h"
#include "ui/window/ScenarioFiles.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QIcon>
#include <QTimer>

#include <cstdio>
#include <cstring>

namespace {

constexpr int exitOk = 0;
constexpr int exitFailed = 1;
constexpr int exitBadInput = 2;

void printError(const QString &text) {
    std::fprintf(stderr, "%s\n", text.toLocal8Bit().constData());
}

/// --export-diagram needs no display: unless the user chose a platform, draw offscreen.
void chooseHeadlessPlatform(int argc, char **argv) {
    for (int i = 1; i < argc; ++i) {
        if (std::strncmp(argv[i], "--export-diagram", 16) == 0 &&
            qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
            qputenv("QT_QPA_PLATFORM", "offscreen");
            return;
        }
    }
}

int exportDiagramFile(const QString &out, const QString &input) {
    const QString suffix = QFileInfo(out).suffix().toLower();
    if (suffix != QLatin1String("png") && suffix != QLatin1String("svg")) {
        printError(QStringLiteral("%1: error: the diagram is written as .png or .svg").arg(out));
        return exitBadInput;
    }
    const iisid::Result<iisid::ui::OpenedFile> read = iisid::ui::ScenarioFiles::readFile(input);
    if (!read) {
        printError(iisid::ui::ScenarioFiles::describe(read.errors()));
        return exitBadInput;
    }
    const iisid::Scenario &scenario = std::holds_alternative<iisid::Lesson>(read.value())
                                          ? std::get<iisid::Lesson>(read.value()).scenario
                                          : std::get<iisid::LoadedScenario>(read.value()).scenario;
    QString error;
    if (!iisid::ui::exportDiagram(iisid::effective(scenario), iisid::resolve(scenario), out,
                                  &error)) {
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
        QStringLiteral("Write the final diagram of SCENARIO to <file> (.png or .svg) and exit, "
                       "without showing a window."),
        QStringLiteral("file"));
    const QCommandLineOption checkOption(
        QStringLiteral("check"),
        QStringLiteral("Check the configuration files and folders named (applicationHost.config, "
                       "MetaBase.xml, web.config, php.ini) and show the result."));
    parser.addOption(lessonOption);
    parser.addOption(exportOption);
    parser.addOption(checkOption);
    parser.addPositionalArgument(
        QStringLiteral("file"),
        QStringLiteral("A scenario (*.iisid.json) or lesson file; with --check, the configuration "
                       "files and folders to check."),
        QStringLiteral("[SCENARIO_OR_LESSON_FILE | --check PATH...]"));
    parser.process(app);
    const QStringList files = parser.positionalArguments();

    if (parser.isSet(exportOption)) {
        if (files.size() != 1) {
            printError(QStringLiteral("usage: iisid-gui --export-diagram OUT.(png|svg) SCENARIO"));
            return exitBadInput;
        }
        return exportDiagramFile(parser.value(exportOption), files.first());
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
    if (parser.isSet(lessonOption)) {
        const QString id = parser.value(lessonOption);
        if (!window.startLesson(id)) {
            QStringList ids;
            for (const iisid::Lesson &lesson : window.lessons().lessons())
                ids << iisid::ui::toQString(lesson.id);
            printError(QStringLiteral("--lesson %1: error: no bundled lesson has this id; the "
                                      "lessons are: %2")
                           .arg(id, ids.join(QStringLiteral(", "))));
            return exitBadInput;
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
