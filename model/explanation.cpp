#include "explanation.h"

#include "result_fields.h"
#include "settings.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace iisid {

namespace {

nlohmann::ordered_json orNull(const std::optional<std::string> &value) {
    return value ? nlohmann::ordered_json(*value) : nlohmann::ordered_json(nullptr);
}

/// Greedy word wrap; continuation lines start with `indent` spaces.
std::string wrap(const std::string &text, int width, int indent) {
    std::string out;
    int column = indent;
    std::size_t start = 0;
    bool first = true;
    while (start < text.size()) {
        std::size_t end = text.find(' ', start);
        if (end == std::string::npos)
            end = text.size();
        const std::string word = text.substr(start, end - start);
        const int length = static_cast<int>(word.size());
        if (!first && column + 1 + length > width) {
            out += '\n' + std::string(static_cast<std::size_t>(indent), ' ');
            column = indent;
        } else if (!first) {
            out += ' ';
            ++column;
        }
        out += word;
        column += length;
        first = false;
        start = end + 1;
    }
    return out;
}

std::string colored(const std::string &text, Confidence confidence, bool color) {
    if (!color)
        return text;
    const char *code = "";
    switch (confidence) {
    case Confidence::Confirmed:
        code = "\x1b[32m";
        break;
    case Confidence::Partial:
        code = "\x1b[33m";
        break;
    case Confidence::Unconfirmed:
        code = "\x1b[1;35m";
        break;
    case Confidence::Conflict:
        code = "\x1b[1;31m";
        break;
    }
    return code + text + "\x1b[0m";
}

std::string describeScenario(const Scenario &scenario) {
    const EffectiveScenario e = effective(scenario);
    std::string out = "IIS " + std::string(toString(e.version));
    if (isIis6(e.version))
        out += e.iis5ProcessModel ? " (IIS 5.0 isolation)" : " (worker process isolation)";
    out += ", handler " + std::string(toString(e.handler));
    if (!e.iis5ProcessModel)
        out += ", pool " + std::string(toString(e.poolIdentity));
    out += ", request ";
    out += e.requestUser ? *e.requestUser + " (" + std::string(toString(e.scheme)) + ")"
                         : std::string("without credentials");
    if (e.action != Action::None)
        out += ", action " + std::string(toString(e.action));
    return out;
}

} // namespace

std::string confidenceMark(Confidence confidence) {
    switch (confidence) {
    case Confidence::Confirmed:
        return "[confirmed]";
    case Confidence::Partial:
        return "[partial]";
    case Confidence::Unconfirmed:
        return "[UNCONFIRMED]";
    case Confidence::Conflict:
        return "[CONFLICT]";
    }
    return "[UNCONFIRMED]";
}

std::string explanationJson(const Scenario &scenario, const Resolution &resolution) {
    nlohmann::ordered_json root;
    if (!scenario.title.empty())
        root["title"] = scenario.title;
    if (resolution.http)
        root["http"] = {{"status", resolution.http->status},
                        {"subStatus", resolution.http->subStatus}};
    else
        root["http"] = nullptr;
    nlohmann::ordered_json identities = nlohmann::ordered_json::object();
    for (const IdentityFieldInfo &field : identityFields)
        identities[std::string(field.key)] = orNull(resolution.identities.*field.value);
    root["identities"] = std::move(identities);
    root["hosts"] = {{"worker", resolution.workerHost},
                     {"process", resolution.processHost.empty()
                                     ? nlohmann::ordered_json(nullptr)
                                     : nlohmann::ordered_json(resolution.processHost)}};
    nlohmann::ordered_json steps = nlohmann::ordered_json::array();
    for (const Step &step : resolution.steps) {
        nlohmann::ordered_json s;
        s["stage"] = toString(step.stage);
        s["host"] =
            step.host.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(step.host);
        s["process"] = orNull(step.process);
        s["thread"] = orNull(step.thread);
        s["text"] = step.text;
        s["facts"] = nlohmann::ordered_json::array();
        for (std::string_view fact : step.facts)
            s["facts"].push_back(fact);
        s["sources"] = nlohmann::ordered_json::array();
        for (std::string_view url : step.sources)
            s["sources"].push_back(url);
        s["confidence"] = toString(step.confidence);
        if (!step.uncertainty.empty())
            s["uncertainty"] = step.uncertainty;
        if (step.fails)
            s["fails"] = true;
        if (!step.dependsOn.empty())
            s["dependsOn"] = step.dependsOn;
        steps.push_back(std::move(s));
    }
    root["steps"] = std::move(steps);
    // "warnings" keeps the contract's plain messages; "findings" gives each its stable rule.
    nlohmann::ordered_json warnings = nlohmann::ordered_json::array();
    nlohmann::ordered_json findings = nlohmann::ordered_json::array();
    for (const Finding &finding : resolution.findings) {
        warnings.push_back(finding.message);
        nlohmann::ordered_json f;
        f["rule"] = finding.rule;
        f["severity"] = toString(finding.severity);
        f["status"] = toString(finding.status);
        f["message"] = finding.message;
        if (!finding.fix.empty())
            f["fix"] = finding.fix;
        f["facts"] = nlohmann::ordered_json::array();
        for (std::string_view fact : finding.facts)
            f["facts"].push_back(fact);
        findings.push_back(std::move(f));
    }
    root["warnings"] = std::move(warnings);
    root["findings"] = std::move(findings);
    nlohmann::ordered_json dependsOn = nlohmann::ordered_json::array();
    for (const Dependency &dependency : resolution.dependsOn)
        dependsOn.push_back({{"setting", dependency.setting}, {"text", dependency.text}});
    root["dependsOn"] = std::move(dependsOn);
    root["confidence"] = toString(resolution.confidence);
    nlohmann::ordered_json confidenceOf = nlohmann::ordered_json::object();
    for (const IdentityFieldInfo &field : identityFields)
        confidenceOf[std::string(field.key)] =
            toString(resolution.confidenceOf[index(field.field)]);
    root["confidenceOf"] = std::move(confidenceOf);
    return root.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

std::string explanationText(const Scenario &scenario, const Resolution &resolution,
                            const TextOptions &options) {
    std::string out;
    const std::string title = scenario.title.empty() ? std::string("Scenario") : scenario.title;
    out += title + "\n";
    out += wrap(describeScenario(scenario), options.width, 0) + "\n\n";

    std::vector<std::string_view> cited;
    int number = 0;
    for (const Step &step : resolution.steps) {
        ++number;
        const std::string prefix = (number < 10 ? " " : "") + std::to_string(number) + ". ";
        const int indent = static_cast<int>(prefix.size());
        std::string head = std::string(toString(step.stage));
        if (!step.host.empty())
            head += " · " + step.host;
        out += prefix + head + "  " +
               colored(confidenceMark(step.confidence), step.confidence, options.color);
        if (step.fails)
            out += colored("  FAILS HERE", Confidence::Conflict, options.color);
        out += "\n" + std::string(static_cast<std::size_t>(indent), ' ') +
               wrap(step.text, options.width, indent) + "\n";
        std::string tokens = "process: " + step.process.value_or("(none)") +
                             " | thread: " + step.thread.value_or("(no impersonation)");
        out += std::string(static_cast<std::size_t>(indent), ' ') + tokens + "\n";
        if (!step.uncertainty.empty())
            out += std::string(static_cast<std::size_t>(indent), ' ') +
                   wrap("Not certain: " + step.uncertainty, options.width, indent) + "\n";
        if (!step.dependsOn.empty())
            out += std::string(static_cast<std::size_t>(indent), ' ') +
                   wrap("Depends on: " + step.dependsOn, options.width, indent) + "\n";
        if (!step.facts.empty()) {
            std::string facts;
            for (std::string_view fact : step.facts)
                facts += (facts.empty() ? "" : ", ") + std::string(fact);
            out += std::string(static_cast<std::size_t>(indent), ' ') + "rules: " + facts + "\n";
        }
        for (std::string_view url : step.sources) {
            if (std::find(cited.begin(), cited.end(), url) == cited.end())
                cited.push_back(url);
        }
        out += "\n";
    }

    // Each line: the caption padded to a column, the value (or the wording for none) with its
    // executable, and the identity's own confidence where the reference is not sure of it.
    auto line = [&out](std::string_view caption, const std::string &value) {
        std::string padded(caption);
        padded.resize(18, ' ');
        out += "  " + padded + value + "\n";
    };
    out += "Result\n";
    line(httpField.caption,
         resolution.http ? resolution.http->toString() : std::string(httpField.none));
    for (IdentityField field : readingOrder) {
        const IdentityFieldInfo &info = fieldInfo(field);
        const std::optional<std::string> &identity = resolution.identities.*info.value;
        std::string value = identity.value_or(std::string(info.none));
        if (identity && info.host)
            value += "  (" + resolution.*info.host + ")";
        const Confidence confidence = resolution.confidenceOf[index(field)];
        if (confidence != Confidence::Confirmed)
            value += "  " + colored(confidenceMark(confidence), confidence, options.color);
        line(info.caption, value);
    }
    line("Confidence", colored(std::string(toString(resolution.confidence)), resolution.confidence,
                               options.color));
    if (!resolution.dependsOn.empty()) {
        out += "\nDepends on\n";
        for (const Dependency &dependency : resolution.dependsOn)
            out += "  ? " +
                   wrap(dependency.text + " [" + dependency.setting + "]", options.width, 4) + "\n";
    }
    if (!resolution.findings.empty()) {
        out += "\nWarnings\n";
        for (const Finding &finding : resolution.findings)
            out += "  ! " +
                   wrap(finding.message + " [" + finding.rule + ", " +
                            std::string(toString(finding.severity)) + "]",
                        options.width, 4) +
                   "\n";
    }
    if (!cited.empty()) {
        out += "\nSources\n";
        for (std::string_view url : cited)
            out += "  " + std::string(url) + "\n";
    }
    return out;
}

} // namespace iisid
