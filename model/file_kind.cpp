#include "file_kind.h"

#include "lesson.h"
#include "scenario_io.h"

namespace iisid {

namespace {

std::string formats() {
    return "\"" + std::string(scenarioFormat) + "\" (a scenario) or \"" +
           std::string(lessonFormat) + "\" (a lesson)";
}

} // namespace

DetectedKind detectFileKind(const json::Value &root) {
    using Kind = json::Value::Kind;
    if (root.kind != Kind::Object)
        return {FileKind::Unknown,
                {root.position,
                 "a scenario or lesson file is a JSON object, not " + json::describe(root.kind)}};
    const json::Value *format = root.find("format");
    if (!format)
        return {FileKind::Unknown, {root.position, "missing \"format\": expected " + formats()}};
    if (format->kind == Kind::String && format->text == scenarioFormat)
        return {FileKind::Scenario, {}};
    if (format->kind == Kind::String && format->text == lessonFormat)
        return {FileKind::Lesson, {}};
    return {FileKind::Unknown,
            {format->position, "unsupported format " +
                                   (format->kind == Kind::String ? "\"" + format->text + "\""
                                                                 : json::describe(format->kind)) +
                                   "; expected " + formats()}};
}

Result<ScenarioOrLesson> readScenarioOrLesson(const json::Value &root) {
    if (detectFileKind(root).kind == FileKind::Lesson) {
        Result<Lesson> lesson = readLesson(root);
        if (!lesson)
            return lesson.errors();
        return ScenarioOrLesson(std::move(lesson).value());
    }
    Result<LoadedScenario> scenario = readScenario(root);
    if (!scenario)
        return scenario.errors();
    if (std::vector<Diagnostic> problems = checkScenario(scenario.value()); !problems.empty())
        return problems;
    return ScenarioOrLesson(std::move(scenario).value());
}

} // namespace iisid
