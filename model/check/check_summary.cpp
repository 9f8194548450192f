#include "check_summary.h"

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
