#include "ScenarioFiles.h"

#include "QtText.h"

#include "model/file_kind.h"
#include "model/json_document.h"

#include <QFile>
#include <QFileInfo>
#include <QObject>
#include <QSaveFile>

namespace iisid::ui {

namespace {

std::optional<Diagnostic> readText(const QString &path, std::string &text) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        Diagnostic error;
        error.location.file = toStdString(path);
        error.message = "cannot open the file: " + toStdString(file.errorString());
        return error;
    }
    const QByteArray bytes = file.readAll();
    text.assign(bytes.constData(), static_cast<std::size_t>(bytes.size()));
    return std::nullopt;
}

/// A scenario read and checked (checkScenario), from its parsed document.
Result<LoadedScenario> readCheckedScenario(const json::Value &root) {
    Result<LoadedScenario> read = readScenario(root);
    if (!read)
        return read;
    std::vector<Diagnostic> problems = checkScenario(read.value());
    if (!problems.empty())
        return problems;
    return read;
}

/// The file's text parsed (json::parse checks the encoding first).
Result<json::Value> parseFile(const QString &path) {
    std::string text;
    if (std::optional<Diagnostic> error = readText(path, text))
        return *error;
    return json::parse(text, toStdString(path));
}

} // namespace

Result<LoadedScenario> ScenarioFiles::readScenarioFile(const QString &path) {
    Result<json::Value> document = parseFile(path);
    if (!document)
        return document.errors();
    return readCheckedScenario(document.value());
}

Result<OpenedFile> ScenarioFiles::readFile(const QString &path) {
    Result<json::Value> document = parseFile(path);
    if (!document)
        return document.errors();
    return readScenarioOrLesson(document.value());
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
