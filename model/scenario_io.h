#pragma once

#include "diagnostic.h"
#include "json_document.h"
#include "scenario.h"
#include "source_location.h"

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace iisid {

inline constexpr std::string_view scenarioFormat = "iisid-scenario/1";

/// Where each written setting came from, so a later complaint (e.g. "does not apply to IIS 6.0")
/// can point at it.
using SettingLocations = std::map<std::string, SourceLocation, std::less<>>;

struct LoadedScenario {
    Scenario scenario;
    SettingLocations locations; // by setting id
};

/// Reads a scenario file (scenario-format.md). Every problem found is reported, each with file,
/// line and column: text that is not UTF-8, malformed JSON, a missing or unknown format, unknown
/// keys (with the keys allowed there), values of the wrong type or outside the allowed ones (with
/// the allowed values). Settings that do not fit the rest of the scenario are checked by
/// checkScenario().
Result<LoadedScenario> readScenario(std::string_view text, const std::string &fileName);

/// The same from an already parsed document (json::parse), e.g. the scenario nested in a lesson.
/// Diagnostics name the file and positions the values carry, so the nested scenario's problems
/// point into the lesson file.
Result<LoadedScenario> readScenario(const json::Value &root);

/// Applies one "KEY=VALUE" assignment from the command line (--set). The assignment must be UTF-8
/// (checkUtf8), else nothing changes and the diagnostic names the bad byte. The value is read by
/// the setting's type: true/false, one of the choices, text ("null" clears a setting that allows
/// none), or for a list a JSON array or comma-separated items. `origin` names the argument in
/// diagnostics, e.g. "--set #2".
std::optional<Diagnostic> applyAssignment(LoadedScenario &target, std::string_view assignment,
                                          const std::string &origin);

/// Checks that every written setting fits the rest of the scenario (chiefly the IIS version).
/// Each diagnostic points at where the setting was written.
std::vector<Diagnostic> checkScenario(const LoadedScenario &loaded);

/// The scenario as a file: only what is written, in catalogue order, 2-space indented.
std::string writeScenario(const Scenario &scenario);

} // namespace iisid
