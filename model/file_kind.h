#pragma once

#include "diagnostic.h"
#include "json_document.h"
#include "lesson.h"
#include "scenario_io.h"

#include <variant>

namespace iisid {

/// What a JSON file handed to the program is, by its "format" member.
enum class FileKind { Scenario, Lesson, Unknown };

struct DetectedKind {
    FileKind kind = FileKind::Unknown;
    /// When kind is Unknown: why the file is neither, at the "format" member or the document.
    Diagnostic reason;
};

/// Tells a scenario (iisid-scenario/1) from a lesson (iisid-lesson/1) by the parsed document's
/// "format" member; reads nothing else, so the reader chosen reports every other problem.
DetectedKind detectFileKind(const json::Value &root);

/// What the program opens: a scenario or a lesson.
using ScenarioOrLesson = std::variant<LoadedScenario, Lesson>;

/// The document read as a lesson when its format says so, else as a scenario, which is also
/// checked (checkScenario), so that a file that is neither gets the scenario reader's messages,
/// each with its line and column.
Result<ScenarioOrLesson> readScenarioOrLesson(const json::Value &root);

} // namespace iisid
