#include "report_sections.h"

#include "model/explanation.h"
#include "model/result_fields.h"
#include "model/settings.h"

#include <algorithm>

namespace iisid::report {

Text valueText(const std::optional<std::string> &value, std::string_view none) {
    return value ? code(*value) : plain(std::string(none));
}

Text confidenceText(Confidence confidence) {
    const std::string mark = confidenceMark(confidence);
    return confidence == Confidence::Confirmed ? plain(mark) : strong(mark);
}

Table settingsTable(const Scenario &scenario) {
    Table table{{"Group", "Setting", "Key", "Value", "From"}, {}};
    for (const Setting &setting : settings()) {
        if (setting.inactiveReason && setting.inactiveReason(scenario))
            continue;
        const bool written = !std::holds_alternative<std::monostate>(setting.get(scenario));
        table.rows.push_back({plain(setting.group), plain(setting.label), code(setting.id),
                              code(displayValue(effectiveValue(setting, scenario))),
                              written ? plain("scenario") : emphasis("IIS default")});
    }
    return table;
}

List stepsList(const Resolution &resolution) {
    List list{true, {}};
    for (const Step &step : resolution.steps) {
        std::vector<Text> item;
        // The heading the diagram's caption gives the step: "Child process · in w3wp.exe".
        Text head = strong(std::string(stageLabel(step.stage)) +
                           (step.host.empty() ? std::string() : " · in " + step.host)) +
                    plain(" ") + confidenceText(step.confidence);
        if (step.fails)
            head = head + strong(" — the request fails here");
        item.push_back(std::move(head));
        item.push_back(plain(step.text));
        item.push_back(plain("Process token: ") + valueText(step.process, "(none)") +
                       plain(" · Thread token: ") + valueText(step.thread, "(no impersonation)"));
        if (!step.uncertainty.empty())
            item.push_back(emphasis("Not certain:") + plain(" " + step.uncertainty));
        if (!step.dependsOn.empty())
            item.push_back(emphasis("Depends on:") + plain(" " + step.dependsOn));
        if (!step.facts.empty() || !step.sources.empty()) {
            Text sources;
            if (!step.facts.empty()) {
                std::string facts;
                for (std::string_view fact : step.facts)
                    facts += (facts.empty() ? "" : ", ") + std::string(fact);
                sources = plain("Rules " + facts + (step.sources.empty() ? "" : "; sources: "));
            } else {
                sources = plain("Sources: ");
            }
            for (std::size_t i = 0; i < step.sources.size(); ++i) {
                const std::string url(step.sources[i]);
                sources = sources + (i == 0 ? Text{} : plain(", ")) + link(url, url);
            }
            item.push_back(std::move(sources));
        }
        list.items.push_back(std::move(item));
    }
    return list;
}

Table resultTable(const Resolution &resolution) {
    Table table{{"Result", "Value", "Executable", "Confidence"}, {}};
    table.rows.push_back(
        {plain(std::string(httpField.label)),
         resolution.http ? code(resolution.http->toString()) : plain(std::string(httpField.none)),
         plain(""), plain("")});
    for (IdentityField field : readingOrder) {
        const IdentityFieldInfo &info = fieldInfo(field);
        const std::optional<std::string> &identity = resolution.identities.*info.value;
        const std::string host = identity && info.host ? resolution.*info.host : std::string();
        table.rows.push_back({plain(std::string(info.label)), valueText(identity, info.none),
                              host.empty() ? plain("") : code(host),
                              confidenceText(resolution.confidenceOf[index(field)])});
    }
    return table;
}

Paragraph overallConfidence(const Resolution &resolution) {
    return {plain("Overall confidence: ") + confidenceText(resolution.confidence) +
                plain(" — the weakest of the rules used; each identity above has its own."),
            resolution.confidence == Confidence::Confirmed ? Tone::Normal : Tone::Warning};
}

void appendWarningsAndUnknowns(std::vector<Block> &blocks, const Resolution &resolution) {
    blocks.push_back(Heading{2, "Warnings"});
    if (resolution.findings.empty()) {
        blocks.push_back(Paragraph{plain("None."), Tone::Normal});
    } else {
        List list{false, {}};
        for (const Finding &finding : resolution.findings) {
            std::vector<Text> item{strong(std::string(toString(finding.severity))) + plain(" ") +
                                   code(finding.rule) + plain(": " + finding.message)};
            if (finding.status != Confidence::Confirmed)
                item.front() = item.front() + plain(" ") + confidenceText(finding.status);
            if (!finding.fix.empty())
                item.push_back(emphasis("Fix:") + plain(" " + finding.fix));
            list.items.push_back(std::move(item));
        }
        blocks.push_back(std::move(list));
    }
    blocks.push_back(Heading{2, "What the result depends on"});
    if (resolution.dependsOn.empty()) {
        blocks.push_back(
            Paragraph{plain("Nothing unknown: the scenario gives every input the result rests on."),
                      Tone::Normal});
    } else {
        List list{false, {}};
        for (const Dependency &dependency : resolution.dependsOn)
            list.items.push_back({plain(dependency.text + " ") + code(dependency.setting)});
        blocks.push_back(std::move(list));
    }
}

} // namespace iisid::report
