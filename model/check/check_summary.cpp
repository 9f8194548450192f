#include "check_summary.h"

#include "redact.h"

#include "model/explanation.h"

#include <algorithm>

namespace iisid::check {

std::array<int, allSeverities.size()> countBySeverity(const CheckReport &report) {
    std::array<int, allSeverities.size()> counts{};
    for (const CheckFinding &finding : report.findings)
        ++counts[static_cast<std::size_t>(finding.finding.severity)];
    return counts;
}

std::vector<const CheckApplication *> orderedApplications(const CheckReport &report) {
    std::vector<const CheckApplication *> out;
    out.reserve(report.applications.size());
    for (const CheckApplication &application : report.applications)
        out.push_back(&application);
    std::stable_sort(out.begin(), out.end(),
                     [](const CheckApplication *a, const CheckApplication *b) {
                         if (a->siteId != b->siteId)
                             return a->siteId < b->siteId;
                         return a->path < b->path;
                     });
    return out;
}

std::string authenticationSummary(const CheckApplication &application, bool show) {
    const CheckAuthentication &auth = application.authentication;
    std::string out;
    auto add = [&out](const std::string &method) { out += (out.empty() ? "" : ", ") + method; };
    if (auth.anonymous)
        add("anonymous (" +
            (auth.anonymousIdentity ? redact(*auth.anonymousIdentity, show) : std::string("?")) +
            ")");
    if (auth.basic)
        add("basic");
    if (auth.digest)
        add("digest");
    if (auth.windows)
        add("windows");
    if (auth.clientCertificate)
        add("client certificate");
    if (out.empty())
        out = "none";
    if (application.aspnetImpersonate)
        out += "; ASP.NET impersonation";
    return out;
}

std::string codeSummary(const std::optional<RequestIdentities> &request, bool show) {
    if (!request)
        return std::string("-");
    std::string out = request->code ? redact(*request->code, show) : std::string("-");
    if (!request->http.empty() && request->http != "200")
        out += " (HTTP " + redact(request->http, show) + ")";
    if (request->confidence != Confidence::Confirmed)
        out += " " + confidenceMark(request->confidence);
    return out;
}

int exitCodeFor(const CheckReport &report, std::optional<Severity> failOn) {
    if (!failOn)
        return exitNothingAtFailOn;
    // Severity is ordered strongest first, so "at or above" is "not greater".
    const bool any =
        std::any_of(report.findings.begin(), report.findings.end(),
                    [&](const CheckFinding &f) { return f.finding.severity <= *failOn; });
    return any ? exitFindingsAtFailOn : exitNothingAtFailOn;
}

} // namespace iisid::check
