#include "reader_checks.h"

#include "model/config/effective_config.h"
#include "model/config/handler_list.h"
#include "model/explanation.h"
#include "model/json_document.h"
#include "model/lesson.h"
#include "model/resolver.h"
#include "model/scenario_io.h"
#include "model/settings.h"
#include "model/text_encoding.h"

#include <algorithm>
#include <vector>

namespace iisid::fuzz {

namespace {

/// Diagnostics must explain: at least one, each a non-empty UTF-8 message at a line of the input
/// (or no line at all).
std::string checkDiagnostics(const std::vector<Diagnostic> &errors, std::string_view input) {
    if (errors.empty())
        return "a failure without diagnostics";
    const int lines = 1 + static_cast<int>(std::count(input.begin(), input.end(), '\n'));
    for (const Diagnostic &d : errors) {
        if (d.message.empty())
            return "a diagnostic without a message at " + d.location.toString();
        if (!isUtf8(d.message))
            return "a diagnostic message that is not UTF-8: " + d.toString();
        if (d.location.line < 0 || d.location.line > lines || d.location.column < 0)
            return "a diagnostic outside the input (" + std::to_string(lines) +
                   " lines): " + d.toString();
    }
    return {};
}

/// What iisid explain does with a scenario that read: check it, resolve it, print it both ways,
/// and save it.
std::string checkLoaded(const LoadedScenario &loaded, std::string_view input) {
    const std::vector<Diagnostic> problems = checkScenario(loaded);
    if (!problems.empty())
        return checkDiagnostics(problems, input);
    const Scenario &scenario = loaded.scenario;
    if (!isUtf8(scenario.title) || !isUtf8(scenario.notes))
        return "the title or the notes are not UTF-8";
    const EffectiveScenario settled = effective(scenario);
    const Resolution resolution = resolve(settled);
    const std::string json = explanationJson(scenario, resolution);
    if (!json::parse(json, "explanation.json"))
        return "explanationJson wrote something that is not JSON";
    const std::string text = explanationText(scenario, resolution);
    if (!isUtf8(text))
        return "explanationText wrote text that is not UTF-8";

    const std::string written = writeScenario(scenario);
    Result<LoadedScenario> reread = readScenario(written, "written.iisid.json");
    if (!reread)
        return "writeScenario wrote a file readScenario rejects: " +
               reread.errors().front().toString() + "\n" + written;
    if (!checkScenario(reread.value()).empty())
        return "the written scenario does not pass checkScenario:\n" + written;
    if (writeScenario(reread->scenario) != written)
        return "the written scenario does not read back to the same scenario:\n" + written;
    return {};
}

} // namespace

std::string checkScenarioFile(std::string_view input) {
    Result<LoadedScenario> read = readScenario(input, "fuzz.iisid.json");
    if (!read)
        return checkDiagnostics(read.errors(), input);
    return checkLoaded(read.value(), input);
}

std::string checkLessonFile(std::string_view input) {
    Result<Lesson> read = readLesson(input, "fuzz-lesson.json");
    if (!read)
        return checkDiagnostics(read.errors(), input);
    const Lesson &lesson = read.value();
    if (lesson.choices.size() < 2 || lesson.choices.size() > 4)
        return "a lesson with " + std::to_string(lesson.choices.size()) + " choices";
    const Resolution resolution = resolve(lesson.scenario);
    if (const std::optional<int> choice = correctChoice(lesson, resolution);
        choice && (*choice < 0 || *choice >= static_cast<int>(lesson.choices.size())))
        return "correctChoice is outside the choices: " + std::to_string(*choice);
    return {};
}

std::string checkAssignments(std::string_view input) {
    constexpr int maxAssignments = 8;
    LoadedScenario loaded;
    int count = 0;
    while (!input.empty() && count++ < maxAssignments) {
        const std::size_t end = std::min(input.find('\n'), input.size());
        const std::string_view assignment = input.substr(0, end);
        input.remove_prefix(std::min(end + 1, input.size()));
        if (std::optional<Diagnostic> problem =
                applyAssignment(loaded, assignment, "--set #" + std::to_string(count))) {
            if (std::string wrong = checkDiagnostics({*problem}, assignment); !wrong.empty())
                return wrong;
        }
    }
    return checkLoaded(loaded, {});
}

namespace {

/// Every written value of an effective element must point at a line of a file of the set (the
/// input is file 0; the built-in IIS defaults may follow it).
std::string checkOrigins(const config::EffectiveElement &element, int lines, std::size_t files) {
    for (const auto &[name, value] : element.attributes) {
        if (value.written() &&
            (value.origin.file >= files || value.origin.line == 0 ||
             (value.origin.file == 0 && static_cast<int>(value.origin.line) > lines)))
            return "attribute '" + std::string(name) + "' with an origin outside the input";
    }
    for (const config::EffectiveElement &child : element.children) {
        if (std::string wrong = checkOrigins(child, lines, files); !wrong.empty())
            return wrong;
    }
    for (const config::EffectiveElement &entry : element.entries) {
        if (std::string wrong = checkOrigins(entry, lines, files); !wrong.empty())
            return wrong;
    }
    return {};
}

} // namespace

std::string checkConfigFile(std::string_view input) {
    Result<std::unique_ptr<config::ConfigSet>> set =
        config::ConfigSet::read({{"input.config", "site/web.config", std::string(input)}}, {});
    if (!set)
        return checkDiagnostics(set.errors(), input);
    const config::ConfigSet &configSet = *set.value();
    // UTF-16 text has as many lines as its '\n' code units; counting bytes over-counts at worst.
    const int lines = 1 + static_cast<int>(std::count(input.begin(), input.end(), '\n'));
    int queried = 0;
    for (const config::Site &site : configSet.host().sites) {
        for (const config::Application &application : site.applications) {
            if (++queried > 20)
                return {}; // enough: the fuzzer wants speed
            for (const char *section :
                 {"system.webServer/security/authentication/anonymousAuthentication",
                  "system.webServer/security/authentication/windowsAuthentication",
                  "system.webServer/handlers", "system.webServer/fastCgi", "system.web/identity"}) {
                const config::EffectiveSection effective =
                    configSet.effectiveSection(site.name.text, application.path.text, section);
                if (std::string wrong =
                        checkOrigins(effective.element, lines, configSet.fileCount());
                    !wrong.empty())
                    return std::string(section) + ": " + wrong;
            }
            const config::EffectiveSection handlers = configSet.effectiveSection(
                site.name.text, application.path.text, "system.webServer/handlers");
            const config::HandlerResolution resolved = config::resolveHandlers(
                handlers, configSet.host().pool(application.applicationPool.text));
            (void)resolved.reachableKinds();
            (void)resolved.select("index.php");
        }
    }
    return {};
}

} // namespace iisid::fuzz
