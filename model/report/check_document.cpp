#include "check_document.h"

#include "report_sections.h"

#include "model/check/check_summary.h"
#include "model/explanation.h"

#include <algorithm>

namespace iisid::report {

namespace {

/// Capitalised for a heading: "High".
std::string severityName(Severity severity) {
    std::string name(toString(severity));
    if (!name.empty())
        name.front() = static_cast<char>(name.front() - 'a' + 'A');
    return name;
}

Text locationText(const SourceLocation &location) {
    return location.file.empty() ? plain("") : code(location.toString());
}

void appendInputs(std::vector<Block> &blocks, const check::CheckReport &report,
                  const CheckAssumptions &assumptions) {
    blocks.push_back(Heading{2, "Inputs and assumptions"});
    Table inputs{{"File", "Kind", "IIS version", "Version from / note"}, {}};
    for (const check::CheckInput &input : report.inputs)
        inputs.rows.push_back({code(input.file), plain(input.kind), plain(input.iisVersion),
                               plain(input.reason.empty() ? input.versionFrom : input.reason)});
    blocks.push_back(std::move(inputs));
    List assumed{false, {}};
    assumed.items.push_back(
        {strong("IIS version: ") +
         plain(assumptions.iisVersionOption.empty()
                   ? "as each input says above (inferred from the file, else the default 10.0)"
                   : "given as " + assumptions.iisVersionOption + " (--iis-version)")});
    if (assumptions.maps.empty()) {
        assumed.items.push_back(
            {strong("Folder mappings: ") +
             plain("none; physical paths of the configuration were not looked up on this machine, "
                   "so web.config and php.ini files were placed only where they were named.")});
    } else {
        Text maps = strong("Folder mappings: ");
        for (std::size_t i = 0; i < assumptions.maps.size(); ++i)
            maps = maps + plain(i == 0 ? "" : "; ") + code(assumptions.maps[i].first) +
                   plain(" = ") + code(assumptions.maps[i].second);
        assumed.items.push_back({std::move(maps)});
    }
    assumed.items.push_back(
        {strong("Not in any file: ") +
         plain("passwords' validity, NTFS permissions and what the code does; where an answer "
               "rests on them the identity map says so.")});
    blocks.push_back(std::move(assumed));
}

void appendSummary(std::vector<Block> &blocks, const check::CheckReport &report) {
    blocks.push_back(Heading{2, "Summary"});
    blocks.push_back(
        Paragraph{plain("Applications: " + std::to_string(report.applications.size()) +
                        "; application pools: " + std::to_string(report.pools.size()) + "."),
                  Tone::Normal});
    Table table{{"Severity", "Findings"}, {}};
    const auto counts = check::countBySeverity(report);
    for (Severity severity : check::allSeverities) {
        const int count = counts[static_cast<std::size_t>(severity)];
        table.rows.push_back({plain(severityName(severity)), count > 0 && severity <= Severity::High
                                                                 ? strong(std::to_string(count))
                                                                 : plain(std::to_string(count))});
    }
    blocks.push_back(std::move(table));
}

void appendPools(std::vector<Block> &blocks, const check::CheckReport &report) {
    blocks.push_back(Heading{3, "Application pools"});
    Table table{{"Pool", "Identity type", "Identity", "Pipeline", "Runtime", "Defined at"}, {}};
    for (const check::CheckPool &pool : report.pools)
        table.rows.push_back({plain(pool.name), plain(pool.identityType),
                              valueText(pool.identity ? pool.identity : pool.userName, "?"),
                              plain(pool.pipeline),
                              plain(pool.runtime.empty() ? "no managed code" : pool.runtime),
                              locationText(pool.location)});
    blocks.push_back(std::move(table));
}

/// What the application's answers rest on that no file tells, each said once with the handler
/// kinds and requests it concerns (the same folder's permissions stand behind most of them).
void appendDependencies(List &list, const check::CheckApplication &application) {
    std::vector<std::pair<std::string, std::vector<std::string>>> items; // item, where
    for (const check::CheckHandler &handler : application.handlers) {
        const std::pair<const char *, const std::optional<check::RequestIdentities> *> requests[] =
            {{"anonymous", &handler.anonymous}, {"authenticated", &handler.authenticated}};
        for (const auto &[kind, request] : requests) {
            if (!*request)
                continue;
            for (const std::string &item : (*request)->dependsOn) {
                auto found = std::find_if(items.begin(), items.end(), [&item](const auto &entry) {
                    return entry.first == item;
                });
                if (found == items.end())
                    found = items.insert(items.end(), {item, {}});
                found->second.push_back(handler.kind + " (" + kind + ")");
            }
        }
    }
    for (const auto &[item, where] : items) {
        std::string concerns;
        for (const std::string &one : where)
            concerns += (concerns.empty() ? "" : ", ") + one;
        list.items.push_back({code(application.path) + plain(" depends on " + item + " ") +
                              emphasis("— " + concerns)});
    }
}

void appendSites(std::vector<Block> &blocks, const check::CheckReport &report, bool show) {
    const std::vector<const check::CheckApplication *> applications =
        check::orderedApplications(report);
    for (std::size_t first = 0; first < applications.size();) {
        std::size_t last = first;
        while (last < applications.size() &&
               applications[last]->siteId == applications[first]->siteId)
            ++last;
        blocks.push_back(Heading{3, "Site " + std::to_string(applications[first]->siteId) + ": " +
                                        applications[first]->site});
        Table table{{"Application", "Pool → identity", "Authentication", "Handler",
                     "Code runs as (anonymous)", "Code runs as (authenticated)"},
                    {}};
        List dependencies{false, {}};
        for (std::size_t i = first; i < last; ++i) {
            const check::CheckApplication &application = *applications[i];
            const Text poolCell =
                plain(application.pool.empty() ? std::string("(none)") : application.pool) +
                plain(" → ") + valueText(application.worker, "?");
            const Text authCell = plain(check::authenticationSummary(application, show));
            if (application.handlers.empty())
                table.rows.push_back({code(application.path), poolCell, authCell, plain("-"),
                                      plain("-"), plain("-")});
            for (std::size_t h = 0; h < application.handlers.size(); ++h) {
                const check::CheckHandler &handler = application.handlers[h];
                table.rows.push_back({h == 0 ? code(application.path) : plain(""),
                                      h == 0 ? poolCell : plain(""), h == 0 ? authCell : plain(""),
                                      plain(handler.kind),
                                      plain(check::codeSummary(handler.anonymous, show)),
                                      plain(check::codeSummary(handler.authenticated, show))});
            }
            appendDependencies(dependencies, application);
        }
        blocks.push_back(std::move(table));
        if (!dependencies.items.empty())
            blocks.push_back(std::move(dependencies));
        first = last;
    }
}

void appendFindings(std::vector<Block> &blocks, const check::CheckReport &report) {
    blocks.push_back(Heading{2, "Findings"});
    if (report.findings.empty()) {
        blocks.push_back(Paragraph{plain("No findings."), Tone::Normal});
        return;
    }
    const auto counts = check::countBySeverity(report);
    for (Severity severity : check::allSeverities) {
        const int count = counts[static_cast<std::size_t>(severity)];
        if (count == 0)
            continue;
        blocks.push_back(Heading{3, severityName(severity) + " (" + std::to_string(count) + ")"});
        Table table{{"Where", "Rule", "Finding", "Fix", "CIS", "Status"}, {}};
        for (const check::CheckFinding &checkFinding : report.findings) {
            const Finding &finding = checkFinding.finding;
            if (finding.severity != severity)
                continue;
            Text where = locationText(finding.location);
            if (!checkFinding.site.empty() || !checkFinding.path.empty())
                where = where + plain((where.front().text.empty() ? "" : " ") + checkFinding.site +
                                      (checkFinding.path.empty() ? "" : " " + checkFinding.path));
            Text rule = code(finding.rule);
            if (!checkFinding.source.empty())
                rule = rule + plain(" ") + link("source", checkFinding.source);
            table.rows.push_back({std::move(where), std::move(rule), plain(finding.message),
                                  plain(finding.fix), plain(checkFinding.cis),
                                  confidenceText(finding.status)});
        }
        blocks.push_back(std::move(table));
    }
}

} // namespace

Document checkDocument(const check::CheckReport &report, const CheckAssumptions &assumptions,
                       const ReportMeta &meta, bool showSecrets) {
    Document document;
    document.title = "IIS configuration check";
    document.kind = "Configuration check";
    document.meta = meta;
    appendInputs(document.blocks, report, assumptions);
    appendSummary(document.blocks, report);
    document.blocks.push_back(Heading{2, "Identity map"});
    appendPools(document.blocks, report);
    appendSites(document.blocks, report, showSecrets);
    appendFindings(document.blocks, report);
    redactDocument(document, showSecrets);
    return document;
}

} // namespace iisid::report
