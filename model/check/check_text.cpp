#include "check_text.h"

#include "check_summary.h"
#include "redact.h"

#include "model/explanation.h"

#include <array>

namespace iisid::check {

namespace {

constexpr std::string_view none = "-";

/// Columns are aligned on what a terminal shows: UTF-8 code points, not bytes.
std::size_t displayWidth(std::string_view text) {
    std::size_t width = 0;
    for (const char c : text) {
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80)
            ++width;
    }
    return width;
}

constexpr std::size_t columnCount = 6;
using Row = std::array<std::string, columnCount>;

void appendTable(std::string &out, const std::vector<Row> &rows) {
    std::array<std::size_t, columnCount> widths{};
    for (const Row &row : rows) {
        for (std::size_t i = 0; i < columnCount; ++i)
            widths[i] = std::max(widths[i], displayWidth(row[i]));
    }
    for (const Row &row : rows) {
        std::string line = "  ";
        for (std::size_t i = 0; i < columnCount; ++i) {
            line += row[i];
            if (i + 1 < columnCount)
                line += std::string(widths[i] - displayWidth(row[i]) + 2, ' ');
        }
        while (!line.empty() && line.back() == ' ')
            line.pop_back();
        out += line + '\n';
    }
}

void appendDependencies(std::string &out, const CheckApplication &application, bool show) {
    for (const CheckHandler &handler : application.handlers) {
        const std::pair<const char *, const std::optional<RequestIdentities> *> requests[] = {
            {"anonymous", &handler.anonymous}, {"authenticated", &handler.authenticated}};
        for (const auto &[kind, request] : requests) {
            if (!*request || (*request)->dependsOn.empty())
                continue;
            std::string list;
            for (const std::string &item : (*request)->dependsOn)
                list += (list.empty() ? "" : "; ") + redact(item, show);
            out += "  " + redact(application.path, show) + " " + redact(handler.kind, show) + " (" +
                   kind + ") depends on: " + list + '\n';
        }
    }
}

void appendSites(std::string &out, const CheckReport &report, bool show) {
    const std::vector<const CheckApplication *> applications = orderedApplications(report);
    for (std::size_t first = 0; first < applications.size();) {
        std::size_t last = first;
        while (last < applications.size() &&
               applications[last]->siteId == applications[first]->siteId)
            ++last;
        out += "\nSite " + std::to_string(applications[first]->siteId) + ": " +
               redact(applications[first]->site, show) + '\n';
        std::vector<Row> rows{{"Application", "Pool → identity", "Authentication", "Handler",
                               "Code (anonymous)", "Code (authenticated)"}};
        for (std::size_t i = first; i < last; ++i) {
            const CheckApplication &application = *applications[i];
            Row head{
                redact(application.path, show),
                (application.pool.empty() ? std::string("(none)")
                                          : redact(application.pool, show)) +
                    " → " +
                    (application.worker ? redact(*application.worker, show) : std::string("?")),
                authenticationSummary(application, show),
                std::string(none),
                std::string(none),
                std::string(none)};
            if (application.handlers.empty())
                rows.push_back(head);
            for (std::size_t h = 0; h < application.handlers.size(); ++h) {
                const CheckHandler &handler = application.handlers[h];
                Row row = h == 0 ? head : Row{};
                row[3] = redact(handler.kind, show);
                row[4] = codeSummary(handler.anonymous, show);
                row[5] = codeSummary(handler.authenticated, show);
                rows.push_back(std::move(row));
            }
        }
        appendTable(out, rows);
        for (std::size_t i = first; i < last; ++i)
            appendDependencies(out, *applications[i], show);
        first = last;
    }
}

void appendInputs(std::string &out, const CheckReport &report, bool show) {
    if (report.inputs.empty())
        return;
    out += "Inputs\n";
    for (const CheckInput &input : report.inputs) {
        out += "  " + redact(input.file, show) + ": " + input.kind;
        if (!input.iisVersion.empty())
            out += ", IIS " + input.iisVersion +
                   (input.versionFrom.empty() ? "" : " (" + redact(input.versionFrom, show) + ")");
        if (!input.reason.empty())
            out += " (" + redact(input.reason, show) + ")";
        out += '\n';
    }
}

void appendFindings(std::string &out, const CheckReport &report, bool show) {
    out += "\nFindings\n";
    if (report.findings.empty())
        out += "  none\n";
    const auto counts = countBySeverity(report);
    for (Severity severity : allSeverities) {
        const int count = counts[static_cast<std::size_t>(severity)];
        if (count == 0)
            continue;
        out += std::string(toString(severity)) + " (" + std::to_string(count) + ")\n";
        for (const CheckFinding &checkFinding : report.findings) {
            const Finding &finding = checkFinding.finding;
            if (finding.severity != severity)
                continue;
            out += "  ";
            if (!finding.location.file.empty()) {
                SourceLocation location = finding.location;
                location.file = redact(location.file, show);
                out += location.toString() + ": ";
            }
            out += std::string(toString(severity)) + " " + redact(finding.rule, show) + " " +
                   redact(finding.message, show) + '\n';
            if (!checkFinding.site.empty() || !checkFinding.path.empty())
                out += "      site: " + redact(checkFinding.site, show) +
                       ", path: " + redact(checkFinding.path, show) + '\n';
            if (!finding.fix.empty())
                out += "      fix: " + redact(finding.fix, show) + '\n';
        }
    }
}

std::string counted(std::size_t count, std::string_view singular, std::string_view plural) {
    return std::to_string(count) + " " + std::string(count == 1 ? singular : plural);
}

} // namespace

std::string checkText(const CheckReport &report, bool showSecrets) {
    std::string out;
    appendInputs(out, report, showSecrets);
    appendSites(out, report, showSecrets);
    appendFindings(out, report, showSecrets);
    const auto counts = countBySeverity(report);
    out += '\n' + counted(report.applications.size(), "application", "applications") + ", " +
           counted(report.pools.size(), "pool", "pools") + "; findings: ";
    for (Severity severity : allSeverities) {
        out += std::to_string(counts[static_cast<std::size_t>(severity)]) + " " +
               std::string(toString(severity));
        out += severity == Severity::Info ? "\n" : ", ";
    }
    return out;
}

} // namespace iisid::check
