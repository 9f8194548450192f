#include "report_from_files.h"

#include "model/check/check_engine.h"
#include "model/compare.h"
#include "model/diagram/diagram_svg.h"
#include "model/file_kind.h"
#include "model/lesson.h"
#include "model/report/check_document.h"
#include "model/report/comparison_report.h"
#include "model/report/explanation_report.h"
#include "model/report/lesson_handout.h"
#include "model/resolver.h"
#include "model/scenario_io.h"

#include <variant>

namespace iisid::report {

namespace {

using Read = ScenarioOrLesson;

Diagnostic fileError(const ReportInputFile &file, std::string message) {
    Diagnostic error;
    error.location.file = file.name;
    error.message = std::move(message);
    return error;
}

/// A scenario (checked, as the explainer checks it) or a lesson.
Result<Read> readJson(const ReportInputFile &file) {
    Result<json::Value> root = json::parse(file.bytes, file.name);
    if (!root)
        return root.errors();
    return readScenarioOrLesson(root.value());
}

Result<Document> checkReport(const std::vector<ReportInputFile> &files, const ReportMeta &meta) {
    std::vector<check::CheckInputFile> inputs;
    for (const ReportInputFile &file : files)
        inputs.push_back({file.name, file.localPath, file.bytes, true});
    check::CheckOptions options;
    options.toolVersion = meta.toolVersion;
    Result<check::CheckRun> run = check::runCheck(std::move(inputs), options);
    if (!run)
        return run.errors();
    return checkDocument(run.value().report, {}, meta, false);
}

} // namespace

Result<Document> reportFromFiles(const std::vector<ReportInputFile> &files,
                                 const ReportMeta &meta) {
    if (files.empty()) {
        Diagnostic none;
        none.message = "no input: name a scenario, lessons or IIS configuration files";
        return none;
    }
    std::size_t configurations = 0;
    for (const ReportInputFile &file : files)
        configurations += check::detectInput(file.bytes).kind != check::InputKind::Unknown ? 1 : 0;
    if (configurations == files.size())
        return checkReport(files, meta);

    std::vector<LoadedScenario> scenarios;
    std::vector<HandoutLesson> lessons;
    for (const ReportInputFile &file : files) {
        if (check::detectInput(file.bytes).kind != check::InputKind::Unknown)
            return fileError(file, "an IIS configuration file cannot be reported together with "
                                   "scenarios or lessons");
        Result<Read> read = readJson(file);
        if (!read)
            return read.errors();
        if (auto *lesson = std::get_if<Lesson>(&read.value())) {
            lessons.push_back(handoutLesson(std::move(*lesson)));
        } else {
            scenarios.push_back(std::get<LoadedScenario>(std::move(read).value()));
        }
        if (!lessons.empty() && !scenarios.empty())
            return fileError(file, "lessons and scenarios cannot be reported together: name "
                                   "lessons for a handout, or one or two scenarios");
        if (scenarios.size() > 2)
            return fileError(file, "a report compares at most two scenarios");
    }
    if (!lessons.empty())
        return lessonHandout(lessons, meta);
    if (scenarios.size() == 1) {
        const Scenario &scenario = scenarios.front().scenario;
        const Resolution resolution = resolve(scenario);
        return explanationReport(scenario, resolution, diagram::toSvg(resolution), meta);
    }
    auto side = [](const Scenario &scenario) {
        Resolution resolution = resolve(scenario);
        std::string svg = diagram::toSvg(resolution);
        return ComparedSide{scenario, std::move(resolution), std::move(svg)};
    };
    return comparisonReport(side(scenarios[0].scenario), side(scenarios[1].scenario),
                            compare(scenarios[0].scenario, scenarios[1].scenario), meta);
}

} // namespace iisid::report
