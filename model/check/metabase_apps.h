#pragma once

// The IIS 6 (and 5.1) side of the checker: a described metabase (config/metabase_effective.h)
// as the applications, pools and settings the resolver and the report work from.

#include "app_scenario.h"
#include "check_report.h"
#include "model/config/config_file.h"
#include "model/config/metabase_effective.h"

#include <optional>
#include <string>
#include <vector>

namespace iisid::check {

struct MetabaseApps {
    std::vector<AppScenario> applications; // by site id, then path
    std::vector<CheckPool> pools;          // document order
    std::string machine;                   // from IUSR_<machine> / IWAM_<machine>, else MACHINE
};

/// The <system.web><processModel> of a configuration file given with a metabase (it is allowed
/// only in machine.config), or nullopt when the file has none.
std::optional<config::AspNetProcessModel> machineProcessModel(const config::ConfigFile &file);

/// Every application of the metabase with its scenario (config-semantics.md §3.6, C3.x): the
/// isolation mode, protection, pool identity, AuthFlags, anonymous account, UNC path and
/// account, CreateProcessAsUser, AspRunOnEndAnonymously and the ScriptMaps' handler kinds.
MetabaseApps metabaseApps(const config::MetabaseServer &server);

} // namespace iisid::check
