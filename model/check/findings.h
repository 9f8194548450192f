#pragma once

// The findings catalogue's rules (config-semantics.md §5), run on a read server. One unit per
// group of rules (findings_*.cpp); each adds what its rules find, with the place in the files
// that causes it, the site and path, and the catalogue's severity, status, fix, CIS item and
// source (catalogueFinding in catalogue.h).

#include "app_scenario.h"
#include "apphost_apps.h"
#include "check_report.h"
#include "model/config/effective_config.h"
#include "model/config/metabase_effective.h"
#include "model/config/php_ini.h"

#include <deque>
#include <vector>

namespace iisid::check {

/// Everything the rules may look at. Exactly one of iis7 and metabase is set.
struct CheckContext {
    const config::ConfigSet *iis7 = nullptr;
    const config::MetabaseServer *metabase = nullptr;
    std::vector<const config::PhpIni *> phpInis; // every php.ini given
    const std::vector<AppScenario> &applications;
    const std::vector<CheckApplication> &rows; // the identities, same order as applications
    const std::vector<CheckPool> &pools;
    IisVersion version = IisVersion::V10_0;
    std::string versionFrom; // "option", "default", "inferred: …"
    /// configurationPaths(*iis7), built once for the rules that walk every path (empty without
    /// iis7): on 60,000 applications each walk rebuilt it (issue 7 §6).
    std::vector<ConfigPath> paths;
};

/// Where the groups gather their findings: a deque, since growing a vector held two copies of
/// them for a moment (on 20,000 sites, 78,801 findings: the check's peak memory).
using FindingList = std::deque<CheckFinding>;

/// Runs every rule; the result is sorted by severity, then file, line and column.
std::vector<CheckFinding> findings(const CheckContext &context);

/// findings() in two steps, so that the files can be let go between them: every rule's
/// findings, unsorted; then them sorted, in the report's vector.
FindingList unsortedFindings(const CheckContext &context);
std::vector<CheckFinding> sortedFindings(FindingList found);

// The groups (findings_*.cpp), each appending to out.
void poolFindings(const CheckContext &context, FindingList &out);
void authenticationFindings(const CheckContext &context, FindingList &out);
void aspNetFindings(const CheckContext &context, FindingList &out);
void handlerFindings(const CheckContext &context, FindingList &out);
void contentFindings(const CheckContext &context, FindingList &out);
void configurationFindings(const CheckContext &context, FindingList &out);
void iis6Findings(const CheckContext &context, FindingList &out);

} // namespace iisid::check
