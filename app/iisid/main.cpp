// iisid: the command line. Explains which Windows account runs code on IIS for a scenario, and
// checks IIS configuration files.

#include "atomic_file.h"
#include "check_command.h"
#include "model/diagram/diagram_svg.h"
#include "model/explanation.h"
#include "model/matrix.h"
#include "model/report/explanation_report.h"
#include "model/resolver.h"
#include "model/scenario_io.h"
#include "model/settings.h"
#include "report_output.h"

#include <CLI/CLI.hpp>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <sstream>
#include <unistd.h>

namespace {

constexpr int exitExplained = 0;
constexpr int exitBadInput = 2;
constexpr int exitInternalError = 70; // EX_SOFTWARE: a bug of ours, not the user's input

bool readFile(const std::string &path, std::string &text, std::string &error) {
    if (path == "-") {
        text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
        return true;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error = path + ": error: cannot open the file (" + std::strerror(errno) + ")";
        return false;
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    text = buffer.str();
    return true;
}

void printDiagnostics(const std::vector<iisid::Diagnostic> &diagnostics) {
    for (const iisid::Diagnostic &d : diagnostics)
        std::cerr << d.toString() << '\n';
}

/// The scenario of `explain` and `matrix`: the FILE (if any), then each --set in order, then
/// the check that every setting fits the rest. Prints the problems and returns false on any.
bool loadScenario(const std::string &file, const std::vector<std::string> &assignments,
                  iisid::LoadedScenario &loaded) {
    if (!file.empty()) {
        std::string text;
        std::string error;
        if (!readFile(file, text, error)) {
            std::cerr << error << '\n';
            return false;
        }
        iisid::Result<iisid::LoadedScenario> read =
            iisid::readScenario(text, file == "-" ? std::string("<stdin>") : file);
        if (!read) {
            printDiagnostics(read.errors());
            return false;
        }
        loaded = std::move(read).value();
    }
    std::vector<iisid::Diagnostic> problems;
    for (std::size_t i = 0; i < assignments.size(); ++i) {
        if (auto problem =
                iisid::applyAssignment(loaded, assignments[i], "--set " + assignments[i]))
            problems.push_back(*problem);
    }
    if (problems.empty())
        problems = iisid::checkScenario(loaded);
    printDiagnostics(problems);
    return problems.empty();
}

/// The input files a command must never write over: the scenario file, when one was named.
std::vector<std::string> inputsOf(const std::string &file) {
    return file.empty() || file == "-" ? std::vector<std::string>{}
                                       : std::vector<std::string>{file};
}

/// The exit code of a command whose output went to a file.
int written(const iisid::Result<bool> &result) {
    if (result)
        return exitExplained;
    printDiagnostics(result.errors());
    return exitBadInput;
}

int explain(const std::string &file, const std::vector<std::string> &assignments,
            const std::string &format, const std::string &color, const std::string &output) {
    iisid::LoadedScenario loaded;
    if (!loadScenario(file, assignments, loaded))
        return exitBadInput;
    const iisid::Resolution resolution = iisid::resolve(loaded.scenario);
    if (iisid::cli::isReportFormat(format)) {
        std::vector<std::string> inputs;
        if (!file.empty())
            inputs.push_back(file == "-" ? std::string("<stdin>") : file);
        for (const std::string &assignment : assignments)
            inputs.push_back("--set " + assignment);
        const iisid::report::Document document = iisid::report::explanationReport(
            loaded.scenario, resolution, iisid::diagram::toSvg(resolution),
            iisid::cli::reportMeta(std::move(inputs), IISID_VERSION));
        if (!output.empty() && output != "-")
            return written(iisid::cli::writeReportFile(document, format, output, inputsOf(file)));
        std::cout << iisid::cli::writeReport(document, format);
        return exitExplained;
    }
    std::string text;
    if (format == "json") {
        text = iisid::explanationJson(loaded.scenario, resolution);
    } else {
        iisid::TextOptions options;
        options.color =
            output.empty() && (color == "always" || (color == "auto" && isatty(STDOUT_FILENO) &&
                                                     std::getenv("NO_COLOR") == nullptr));
        text = iisid::explanationText(loaded.scenario, resolution, options);
    }
    if (!output.empty() && output != "-")
        return written(iisid::cli::writeFileAtomically(output, text, inputsOf(file)));
    std::cout << text;
    return exitExplained;
}

struct MatrixArguments {
    std::string file;
    std::vector<std::string> assignments;
    std::string rows;
    std::string columns;
    std::string format = "text";
    std::string output;
};

int matrix(const MatrixArguments &arguments) {
    iisid::LoadedScenario loaded;
    if (!loadScenario(arguments.file, arguments.assignments, loaded))
        return exitBadInput;
    iisid::Result<iisid::MatrixAxis> rows = iisid::parseMatrixAxis(arguments.rows, "--rows");
    iisid::Result<iisid::MatrixAxis> columns = iisid::parseMatrixAxis(arguments.columns, "--cols");
    if (!rows || !columns) {
        printDiagnostics(rows ? std::vector<iisid::Diagnostic>{} : rows.errors());
        printDiagnostics(columns ? std::vector<iisid::Diagnostic>{} : columns.errors());
        return exitBadInput;
    }
    const iisid::Result<iisid::Matrix> built =
        iisid::buildMatrix(loaded.scenario, rows.value(), columns.value());
    if (!built) {
        printDiagnostics(built.errors());
        return exitBadInput;
    }
    using Writer = std::string (*)(const iisid::Matrix &);
    const std::map<std::string, Writer> writers{{"text", iisid::matrixText},
                                                {"markdown", iisid::matrixMarkdown},
                                                {"html", iisid::matrixHtml},
                                                {"csv", iisid::matrixCsv},
                                                {"json", iisid::matrixJson}};
    const std::string text = writers.at(arguments.format)(built.value());
    if (arguments.output.empty()) {
        std::cout << text;
        return exitExplained;
    }
    return written(
        iisid::cli::writeFileAtomically(arguments.output, text, inputsOf(arguments.file)));
}

/// --set KEY=VALUE, repeatable, one assignment per occurrence (a value may hold spaces).
void addSetOption(CLI::App *command, std::vector<std::string> &assignments,
                  const std::string &help) {
    command->add_option("--set", assignments, help)
        ->expected(1)
        ->allow_extra_args(false)
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
}

std::string typeText(const iisid::Setting &setting) {
    switch (setting.type) {
    case iisid::SettingType::Bool:
        return setting.acceptsUnknown ? "true | false | unknown" : "true | false";
    case iisid::SettingType::Choice: {
        std::string out;
        for (const std::string &choice : setting.choices)
            out += (out.empty() ? "" : " | ") + choice;
        return out;
    }
    case iisid::SettingType::Text:
        return setting.nullable ? "text or null" : "text";
    case iisid::SettingType::TextList:
        return setting.acceptsUnknown ? "list of names (JSON array, or a,b,c) | unknown"
                                      : "list of names (JSON array, or a,b,c)";
    }
    return {};
}

int listSettings(const std::string &version) {
    iisid::LoadedScenario loaded;
    if (!version.empty()) {
        if (auto problem =
                iisid::applyAssignment(loaded, "server.iisVersion=" + version, "--iis-version")) {
            std::cerr << problem->toString() << '\n';
            return exitBadInput;
        }
    }
    std::string group;
    for (const iisid::Setting &setting : iisid::settings()) {
        if (setting.group != group) {
            group = setting.group;
            std::cout << '\n' << group << '\n';
        }
        std::cout << "  " << setting.id << "  (" << typeText(setting) << ")\n";
        std::cout << "      default: "
                  << iisid::displayValue(setting.defaultValue(loaded.scenario));
        if (!setting.defaultNote.empty())
            std::cout << "   (depends: " << setting.defaultNote << ")";
        if (auto problem = setting.problem(loaded.scenario); problem && !version.empty())
            std::cout << "   [not on IIS " << version << "]";
        std::cout << "\n      " << setting.help << '\n';
    }
    return exitExplained;
}

} // namespace

int main(int argc, char **argv) {
    CLI::App app{"iisid - which Windows account runs my code on IIS, and why?\n"
                 "Explains one request to one IIS configuration, step by step, with sources."};
    app.set_version_flag("--version", std::string("iisid ") + IISID_VERSION);
    app.require_subcommand(1);

    std::string file;
    std::vector<std::string> assignments;
    std::string format = "text";
    std::string color = "auto";
    CLI::App *explainCommand = app.add_subcommand(
        "explain", "Explain a scenario: the trace of tokens and the resulting identities.");
    explainCommand->add_option("FILE", file,
                               "Scenario file (*.iisid.json, format iisid-scenario/1); - reads "
                               "standard input. Without it, the scenario is built from --set.");
    addSetOption(explainCommand, assignments,
                 "KEY=VALUE: set or override one setting (repeatable), e.g. "
                 "--set handler.kind=cgi. 'iisid settings' lists the keys.");
    explainCommand
        ->add_option("--format", format,
                     "Output: text (for people), json, or a report: html (one self-contained "
                     "file) or markdown")
        ->check(CLI::IsMember({"text", "json", "html", "markdown"}));
    explainCommand->add_option("--color", color, "Colour the text output: auto, always, never")
        ->check(CLI::IsMember({"auto", "always", "never"}));
    std::string explainOutput;
    explainCommand->add_option("--output", explainOutput,
                               "Write the output to FILE (atomically) instead of standard output; "
                               "a Markdown report's diagram goes beside it as FILE-figure1.svg");

    MatrixArguments matrixArguments;
    CLI::App *matrixCommand = app.add_subcommand(
        "matrix", "An identity matrix: one setting along the rows, another along the columns, "
                  "and in each cell the HTTP result and the identity the code runs as.");
    matrixCommand->add_option("FILE", matrixArguments.file,
                              "Base scenario file (*.iisid.json); - reads standard input. "
                              "Without it, the base is built from --set.");
    matrixCommand
        ->add_option("--rows", matrixArguments.rows,
                     "KEY or KEY=VALUE,VALUE,...: the setting that varies along the rows (all "
                     "its values for the base's IIS version unless listed)")
        ->required();
    matrixCommand
        ->add_option("--cols", matrixArguments.columns,
                     "KEY or KEY=VALUE,VALUE,...: the setting that varies along the columns")
        ->required();
    addSetOption(matrixCommand, matrixArguments.assignments,
                 "KEY=VALUE: a fixed setting of the base (repeatable), e.g. "
                 "--set handler.kind=aspnet");
    matrixCommand
        ->add_option("--format", matrixArguments.format,
                     "Output: text, markdown, html (a self-contained page), csv or json")
        ->check(CLI::IsMember({"text", "markdown", "html", "csv", "json"}));
    matrixCommand->add_option("--output", matrixArguments.output,
                              "Write the output to FILE (atomically) instead of standard output");

    std::string settingsVersion;
    CLI::App *settingsCommand = app.add_subcommand(
        "settings", "List every scenario setting with its allowed values, default and help.");
    settingsCommand->add_option("--iis-version", settingsVersion,
                                "Show the defaults of this IIS version (e.g. 6.0)");

    iisid::cli::CheckArguments check;
    check.toolVersion = IISID_VERSION;
    CLI::App *checkCommand = app.add_subcommand(
        "check", "Check IIS configuration files copied off a server: every application's "
                 "identities and the identity traps (findings).");
    checkCommand
        ->add_option("PATH", check.paths,
                     "applicationHost.config, web.config, MetaBase.xml or php.ini files, or "
                     "folders to walk")
        ->required();
    checkCommand
        ->add_option("--format", check.format,
                     "Output: text, json, sarif, or a report: html (one self-contained file) or "
                     "markdown")
        ->check(CLI::IsMember({"text", "json", "sarif", "html", "markdown"}));
    checkCommand->add_option("--output", check.output,
                             "Write the output to FILE (atomically) instead of standard output");
    checkCommand->add_option("--iis-version", check.iisVersion,
                             "The IIS version of an applicationHost.config (else inferred, else "
                             "10.0)");
    checkCommand
        ->add_option("--map", check.maps,
                     "WINDOWS_DIR=LOCAL_DIR: where a folder the configuration names lies on "
                     "this machine (repeatable)")
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    checkCommand->add_option("--fail-on", check.failOn,
                             "Exit 1 when a finding is at or above: error, high (default), "
                             "medium, low, info, never");
    checkCommand->add_flag("--show-secrets", check.showSecrets,
                           "Print passwords and encrypted values instead of ********");
    checkCommand->add_option("--explain", check.explain,
                             "Print the whole explanation of one application, SITE/PATH, each "
                             "setting with where it came from");
    checkCommand->add_option("--scenario", check.scenario,
                             "Write the scenario of one application, SITE/PATH (to --output), "
                             "for iisid explain and the desktop program");

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError &error) {
        const int code = app.exit(error);
        return code == 0 ? 0 : exitBadInput;
    }
    // The model reports bad input as diagnostics and throws nothing; should a library still
    // throw, the user gets one line and an exit code instead of std::terminate's abort.
    try {
        if (explainCommand->parsed())
            return explain(file, assignments, format, color, explainOutput);
        if (matrixCommand->parsed())
            return matrix(matrixArguments);
        if (checkCommand->parsed())
            return iisid::cli::runCheckCommand(check);
        return listSettings(settingsVersion);
    } catch (const std::exception &error) {
        std::cerr << "iisid: internal error: " << error.what() << '\n';
        return exitInternalError;
    }
}
