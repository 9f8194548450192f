#include "check_command.h"

#include "atomic_file.h"
#include "model/check/check_engine.h"
#include "model/check/check_json.h"
#include "model/check/check_sarif.h"
#include "model/check/check_summary.h"
#include "model/check/check_text.h"
#include "model/check/identity_map.h"
#include "model/check/redact.h"
#include "model/explanation.h"
#include "model/report/check_document.h"
#include "model/resolver.h"
#include "model/scenario_io.h"
#include "model/settings.h"
#include "report_output.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

namespace iisid::cli {

namespace {

namespace fs = std::filesystem;

constexpr int exitBadInput = 2;

bool readBytes(const fs::path &path, std::string &bytes, std::string &error) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error = path.string() + ": error: cannot open the file (" + std::strerror(errno) + ")";
        return false;
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    bytes = buffer.str();
    return true;
}

/// The files named, and every regular file below a folder named (in name order, so that the
/// output does not depend on the file system's order).
bool gatherInputs(const std::vector<std::string> &paths, std::vector<check::CheckInputFile> &files,
                  std::vector<std::string> &inputPaths) {
    for (const std::string &path : paths) {
        std::error_code code;
        if (fs::is_directory(path, code)) {
            std::vector<fs::path> found;
            for (fs::recursive_directory_iterator
                     it(path, fs::directory_options::skip_permission_denied, code),
                 end;
                 !code && it != end; it.increment(code)) {
                if (it->is_regular_file(code))
                    found.push_back(it->path());
            }
            std::sort(found.begin(), found.end());
            for (const fs::path &file : found) {
                check::CheckInputFile input;
                input.name = file.generic_string();
                input.localPath = fs::absolute(file, code).string();
                input.named = false;
                std::string error;
                if (!readBytes(file, input.bytes, error)) {
                    std::cerr << error << '\n';
                    return false;
                }
                inputPaths.push_back(file.string());
                files.push_back(std::move(input));
            }
            continue;
        }
        check::CheckInputFile input;
        input.name = path;
        input.localPath = fs::absolute(path, code).string();
        std::string error;
        if (!readBytes(path, input.bytes, error)) {
            std::cerr << error << '\n';
            return false;
        }
        inputPaths.push_back(path);
        files.push_back(std::move(input));
    }
    return true;
}

std::optional<Severity> parseFailOn(const std::string &text) {
    for (Severity severity :
         {Severity::Error, Severity::High, Severity::Medium, Severity::Low, Severity::Info}) {
        if (text == toString(severity))
            return severity;
    }
    return std::nullopt;
}

std::string settingsWithOrigins(const check::AppScenario &app, bool showSecrets) {
    std::string out = "Settings the configuration gives " + check::appName(app) + ":\n";
    for (const Setting &setting : settings()) {
        const SettingValue value = setting.get(app.base.scenario);
        if (std::holds_alternative<std::monostate>(value))
            continue;
        std::string line = "  " + setting.id + " = " + displayValue(value);
        line.resize(std::max<std::size_t>(line.size() + 1, 60), ' ');
        out += check::redact(line + "<- " +
                                 check::settingOrigin(app.base.locations, setting.id, value),
                             showSecrets) +
               "\n";
    }
    return out;
}

int explainApplication(const check::AppScenario &app, bool showSecrets) {
    std::cout << settingsWithOrigins(app, showSecrets) << '\n';
    for (const check::MappedHandler &handler : app.handlers) {
        for (check::Requester requester :
             {check::Requester::Anonymous, check::Requester::Authenticated}) {
            const std::optional<LoadedScenario> q =
                check::questionScenario(app, handler.kind, requester);
            if (!q)
                continue;
            Scenario scenario = q->scenario;
            scenario.title = check::appName(app) + " - " +
                             std::string(check::checkKindName(handler.kind)) + " (" + handler.path +
                             "), " +
                             (requester == check::Requester::Anonymous ? "anonymous request"
                                                                       : "authenticated request");
            std::cout << check::redact(explanationText(scenario, resolve(scenario)), showSecrets)
                      << "\n";
        }
    }
    return 0;
}

int writeScenarioOf(const check::AppScenario &app, const std::string &output,
                    const std::vector<std::string> &inputs) {
    std::optional<LoadedScenario> q = check::explainedScenario(app);
    if (!q) {
        std::cerr << check::appName(app)
                  << ": error: no request can reach this application (no authentication "
                     "method is enabled)\n";
        return exitBadInput;
    }
    q->scenario.title = check::appName(app);
    std::string notes = "Derived by iisid check. Where each setting came from:";
    for (const Setting &setting : settings()) {
        const SettingValue value = setting.get(q->scenario);
        if (std::holds_alternative<std::monostate>(value))
            continue;
        notes += "\n" + setting.id + ": " + check::settingOrigin(q->locations, setting.id, value);
    }
    q->scenario.notes = notes;
    const std::string text = writeScenario(q->scenario);
    if (output.empty() || output == "-") {
        std::cout << text;
        return 0;
    }
    Result<bool> written = writeFileAtomically(output, text, inputs);
    if (!written) {
        for (const Diagnostic &d : written.errors())
            std::cerr << d.toString() << '\n';
        return exitBadInput;
    }
    return 0;
}

} // namespace

int runCheckCommand(const CheckArguments &arguments) {
    check::CheckOptions options;
    options.toolVersion = arguments.toolVersion;
    if (!arguments.iisVersion.empty()) {
        LoadedScenario probe;
        if (auto problem = applyAssignment(probe, "server.iisVersion=" + arguments.iisVersion,
                                           "--iis-version")) {
            std::cerr << problem->toString() << '\n';
            return exitBadInput;
        }
        options.iisVersion = probe.scenario.server.iisVersion;
    }
    for (const std::string &map : arguments.maps) {
        const std::size_t equals = map.find('=');
        if (equals == std::string::npos || equals == 0 || equals + 1 == map.size()) {
            std::cerr << "--map " << map << ": error: expected WINDOWS_DIR=LOCAL_DIR\n";
            return exitBadInput;
        }
        std::error_code code;
        options.maps.push_back(
            {map.substr(0, equals), fs::absolute(map.substr(equals + 1), code).string()});
    }
    std::optional<Severity> failOn;
    if (arguments.failOn != "never") {
        failOn = parseFailOn(arguments.failOn);
        if (!failOn) {
            std::cerr << "--fail-on " << arguments.failOn
                      << ": error: expected error, high, medium, low, info or never\n";
            return exitBadInput;
        }
    }

    std::vector<check::CheckInputFile> files;
    std::vector<std::string> inputPaths;
    if (!gatherInputs(arguments.paths, files, inputPaths))
        return exitBadInput;
    Result<check::CheckRun> run = check::runCheck(std::move(files), options);
    if (!run) {
        for (const Diagnostic &d : run.errors())
            std::cerr << d.toString() << '\n';
        return exitBadInput;
    }

    for (const std::string *asked : {&arguments.explain, &arguments.scenario}) {
        if (asked->empty())
            continue;
        const check::AppScenario *app = check::findApplication(*run, *asked);
        if (!app) {
            std::cerr << "iisid check: error: no application \"" << *asked
                      << "\" (name it SITE/PATH, e.g. \"Default Web Site/\"); the check found:";
            for (const check::AppScenario &known : run->applications)
                std::cerr << "\n  " << check::appName(known);
            std::cerr << '\n';
            return exitBadInput;
        }
        if (asked == &arguments.explain)
            return explainApplication(*app, arguments.showSecrets);
        return writeScenarioOf(*app, arguments.output, inputPaths);
    }

    // Every output below prints the report only: the applications' scenarios, with their
    // settings' origins, are for --explain and --scenario (on 20,000 sites some 120 MB).
    std::vector<check::AppScenario>().swap(run.value().applications);
    const bool toStandardOutput = arguments.output.empty() || arguments.output == "-";
    if (arguments.format == "json") {
        // Streamed: on a server of thousands of applications the document is hundreds of MB.
        const auto json = [&](const TextSink &sink) {
            check::writeCheckJson(run->report, arguments.showSecrets, sink);
        };
        if (toStandardOutput) {
            json([](std::string_view piece) {
                std::cout.write(piece.data(), static_cast<std::streamsize>(piece.size()));
            });
        } else if (Result<bool> written = writeFileAtomically(arguments.output, json, inputPaths);
                   !written) {
            for (const Diagnostic &d : written.errors())
                std::cerr << d.toString() << '\n';
            return exitBadInput;
        }
        return check::exitCodeFor(run->report, failOn);
    }
    std::string text;
    if (isReportFormat(arguments.format)) {
        report::CheckAssumptions assumptions;
        assumptions.iisVersionOption = arguments.iisVersion;
        for (const std::string &map : arguments.maps) // as given, checked above
            assumptions.maps.emplace_back(map.substr(0, map.find('=')),
                                          map.substr(map.find('=') + 1));
        text = writeReport(report::checkDocument(run->report, assumptions,
                                                 reportMeta(arguments.paths, arguments.toolVersion),
                                                 arguments.showSecrets),
                           arguments.format);
    } else if (arguments.format == "sarif") {
        check::SarifContext context;
        std::error_code code;
        context.currentDirectory = fs::current_path(code).string();
        context.informationUri = "urn:iisid:iis-identity-explainer";
        text = check::checkSarif(run->report, arguments.showSecrets, context);
    } else {
        text = check::checkText(run->report, arguments.showSecrets);
    }
    if (toStandardOutput) {
        std::cout << text;
    } else {
        Result<bool> written = writeFileAtomically(arguments.output, text, inputPaths);
        if (!written) {
            for (const Diagnostic &d : written.errors())
                std::cerr << d.toString() << '\n';
            return exitBadInput;
        }
    }
    return check::exitCodeFor(run->report, failOn);
}

} // namespace iisid::cli
