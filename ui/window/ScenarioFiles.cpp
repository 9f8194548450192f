#include "ScenarioFiles.h"

#include "QtText.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QObject>
#include <QSaveFile>

namespace iisid::ui {

namespace {

std::optional<Diagnostic> readText(const QString &path, std::string &text) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        Diagnostic error;
        error.file = toStdString(path);
        error.message = "cannot open the file: " + toStdString(file.errorString());
        return error;
    }
    const QByteArray bytes = file.readAll();
    text.assign(bytes.constData(), static_cast<std::size_t>(bytes.size()));
    return std::nullopt;
}

} // namespace

Result<LoadedScenario> ScenarioFiles::readScenarioFile(const QString &path) {
    std::string text;
    if (std::optional<Diagnostic> error = readText(path, text))
        return *error;
    Result<LoadedScenario> read = readScenario(text, toStdString(path));
    if (!read)
        return read;
    std::vector<Diagnostic> problems = checkScenario(read.value());
    if (!problems.empty())
        return problems;
    return read;
}

Result<OpenedFile> ScenarioFiles::readFile(const QString &path) {
    std::string text;
    if (std::optional<Diagnostic> error = readText(path, text))
        return *error;
    // The format key tells a lesson from a scenario; anything unreadable goes to the scenario
    // reader, whose messages name the line and column.
    const QJsonDocument json = QJsonDocument::fromJson(
        QByteArray::fromRawData(text.data(), static_cast<qsizetype>(text.size())));
    const QString format = json.object().value(QStringLiteral("format")).toString();
    if (format == toQString(lessonFormat)) {
        Result<Lesson> lesson = readLesson(text, toStdString(path));
        if (!lesson)
            return lesson.errors();
        return OpenedFile(std::move(lesson).value());
    }
    Result<LoadedScenario> scenario = readScenarioFile(path);
    if (!scenario)
        return scenario.errors();
    return OpenedFile(std::move(scenario).value());
}

std::optional<QString> ScenarioFiles::writeScenarioFile(const QString &path,
                                                        const Scenario &scenario) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return file.errorString();
    const std::string text = writeScenario(scenario);
    file.write(text.data(), static_cast<qint64>(text.size()));
    if (!file.commit())
        return file.errorString();
    return std::nullopt;
}

QString ScenarioFiles::describe(const std::vector<Diagnostic> &errors) {
    QStringList lines;
    for (const Diagnostic &error : errors)
        lines << toQString(error.toString());
    return lines.join(QLatin1Char('\n'));
}

QString ScenarioFiles::nameFilter() {
    return QObject::tr("IIS Identity scenarios (*.iisid.json);;Lessons (*.json);;All files (*)");
}

QString ScenarioFiles::withSuffix(const QString &path) {
    if (path.endsWith(QLatin1String(".iisid.json"), Qt::CaseInsensitive))
        return path;
    if (path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive))
        return path.chopped(5) + QStringLiteral(".iisid.json");
    return path + QStringLiteral(".iisid.json");
}

} // namespace iisid::ui
