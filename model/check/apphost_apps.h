#pragma once

// The IIS 7+ side of the checker: a read configuration set (config/effective_config.h) as the
// applications, pools and settings the resolver and the report work from.

#include "app_scenario.h"
#include "check_report.h"
#include "model/config/effective_config.h"

#include <optional>
#include <vector>

namespace iisid::check {

struct AppHostApps {
    std::vector<AppScenario> applications; // by site id, then path
    std::vector<CheckPool> pools;          // document order
};

/// Every application of every site with the scenario its effective configuration adds up to
/// (config-semantics.md §2.17): the pool and its identity, the authentication sections, the
/// virtual directory's Connect-as account, <cgi>, <asp>, <validation>, system.web <identity> and
/// <authentication>, <aspNetCore>, and the handler kinds the resolved handler list reaches.
AppHostApps appHostApps(const config::ConfigSet &set);

/// The model's name of a configuration schema version, and back (nullopt before IIS 7).
IisVersion modelVersion(config::SchemaVersion version);
std::optional<config::SchemaVersion> configVersion(IisVersion version);

/// The setting values the configuration writes for one application, as the scenario spells
/// them (an IIS spelling such as "ApplicationPoolIdentity" or "Integrated" turned into the
/// scenario's).
std::string scenarioPoolIdentity(std::string_view identityType);

} // namespace iisid::check
