#pragma once

#include "model/diagnostic.h"
#include "model/file_kind.h"
#include "model/lesson.h"
#include "model/scenario_io.h"

#include <QString>

#include <optional>
#include <variant>

namespace iisid::ui {

/// What a file handed to the program turned out to be.
using OpenedFile = iisid::ScenarioOrLesson;

/// Reading and writing the program's files. Reading checks everything the model checks
/// (readScenario + checkScenario, or readLesson) and returns every problem with file, line and
/// column; it never shows a dialog, so callers decide how to report.
class ScenarioFiles {
public:
    /// A scenario file (*.iisid.json).
    static iisid::Result<iisid::LoadedScenario> readScenarioFile(const QString &path);
    /// A scenario or a lesson file, told apart by its "format".
    static iisid::Result<OpenedFile> readFile(const QString &path);
    /// Writes the scenario atomically; returns the reason on failure.
    static std::optional<QString> writeScenarioFile(const QString &path,
                                                    const iisid::Scenario &scenario);
    /// The diagnostics as "file:line:column: message" lines.
    static QString describe(const std::vector<iisid::Diagnostic> &errors);
    /// The file-dialog filter and the suffix appended when a name lacks it.
    static QString nameFilter();
    static QString withSuffix(const QString &path);
};

} // namespace iisid::ui
