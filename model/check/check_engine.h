#pragma once

// `iisid check` without its I/O: files in (names, local paths and bytes, read by the caller),
// the report out (check-format.md). Kinds are recognised by content; each application's
// identities come from the resolver (identity_map.h); findings from the catalogue's rules
// (findings.h).

#include "app_scenario.h"
#include "check_report.h"
#include "model/config/apphost_config.h"
#include "model/diagnostic.h"

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace iisid::check {

enum class InputKind { ApplicationHost, WebConfig, Metabase, PhpIni, Unknown };

/// "applicationHost", "webConfig", "metabase", "phpIni", "skipped".
std::string_view toString(InputKind kind);

/// What a file is, by its content (check-format.md "Kinds"); for Unknown, what it looks like
/// instead ("not an IIS configuration file", "a scenario file (iisid-scenario/1)", "binary
/// data", ...).
struct DetectedInput {
    InputKind kind = InputKind::Unknown;
    std::string looksLike;
    int line = 0; // where an XML file of another kind has its root element (1-based), else 0
    int column = 0;
};
DetectedInput detectInput(std::string_view bytes);

struct CheckInputFile {
    std::string name;      // as the user named it (relative to the current folder where it was)
    std::string localPath; // its path on this machine, for --map placement
    std::string bytes;
    bool named = true; // named on the command line (an unknown kind is an error), or found in a
                       // folder walk (an unknown kind is skipped and listed)
};

struct CheckOptions {
    std::optional<IisVersion> iisVersion;  // --iis-version
    std::vector<config::PathMapping> maps; // --map
    std::string toolVersion;
    /// Called as the applications' identities are resolved (done of total); returning false
    /// cancels the check, which then ends with the error "check cancelled". Runs on the
    /// caller's thread (the desktop program runs the check off its UI thread).
    std::function<bool(std::size_t done, std::size_t total)> progress;
};

/// A finished check: the report, and the applications' scenarios for --explain / --scenario.
struct CheckRun {
    CheckReport report;
    std::vector<AppScenario> applications;
    std::size_t resolutionsAsked = 0;
    std::size_t resolutionsComputed = 0;
    double resolvingSeconds = 0; // the time the resolver took to compute them
};

/// Reads every file and checks the server they describe. Bad input (a file that is not
/// well-formed, a named file of no known kind, two applicationHost.config files) is an error
/// naming file, line and column; nothing is reported as if the check were complete.
Result<CheckRun> runCheck(std::vector<CheckInputFile> files, const CheckOptions &options);

/// The application named "SITE/PATH" (case-insensitive; "SITE" alone is the root), or nullptr.
const AppScenario *findApplication(const CheckRun &run, std::string_view name);

} // namespace iisid::check
