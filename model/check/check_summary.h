#pragma once

// What every output of `iisid check` says the same way: the counts per severity, the order of
// the applications, and the exit code a pipeline acts on (check-format.md).

#include "model/check/check_report.h"
#include "model/finding.h"

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace iisid::check {

/// Every severity, strongest first (the order of the summary and of the text's groups).
inline constexpr std::array<Severity, 5> allSeverities{
    Severity::Error, Severity::High, Severity::Medium, Severity::Low, Severity::Info};

/// Findings per severity, indexed by the enum's value.
std::array<int, allSeverities.size()> countBySeverity(const CheckReport &report);

/// The applications by site id, then path (stable: equal keys keep the report's order).
std::vector<const CheckApplication *> orderedApplications(const CheckReport &report);

/// The authentication methods that are on, for a person: "anonymous (NT AUTHORITY\\IUSR),
/// windows; ASP.NET impersonation", or "none". Redacted unless `show`.
std::string authenticationSummary(const CheckApplication &application, bool show);

/// The account that runs the code, the HTTP answer where it is not 200, and a mark where the
/// reference is not sure: "IIS APPPOOL\\Pool (HTTP 401.2) [UNCONFIRMED]"; "-" when that request
/// cannot happen. Redacted unless `show`.
std::string codeSummary(const std::optional<RequestIdentities> &request, bool show);

inline constexpr int exitNothingAtFailOn = 0;
inline constexpr int exitFindingsAtFailOn = 1;

/// 1 when a finding is at or above `failOn` (error > high > medium > low > info), else 0;
/// `--fail-on never` is nullopt and always gives 0. (Exit code 2, bad input, is decided before
/// any report exists.)
int exitCodeFor(const CheckReport &report, std::optional<Severity> failOn);

} // namespace iisid::check
