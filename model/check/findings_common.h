#pragma once

// What the pool, content and IIS 6 rules (findings_pool.cpp, findings_content.cpp,
// findings_iis6.cpp) share: the name-based "privileged account" test of §5 #3 and #31, a pool's
// identity type as the model's enum, and whether a metabase's pools are in use.

#include "app_scenario.h"
#include "check_report.h"
#include "model/config/config_value.h"
#include "model/config/metabase_effective.h"
#include "model/scenario.h"
#include "model/settings.h"

#include <array>
#include <optional>
#include <string_view>

namespace iisid::check {

/// The account part of "DOMAIN\user", ".\user" or "user@domain.example".
inline std::string_view accountPart(std::string_view userName) {
    if (const std::size_t slash = userName.rfind('\\'); slash != std::string_view::npos)
        userName.remove_prefix(slash + 1);
    if (const std::size_t at = userName.find('@'); at != std::string_view::npos)
        userName = userName.substr(0, at);
    return userName;
}

/// §5 #3's default privileged-name list, matched on the account part only: names containing
/// "admin" (administrator, admin, …), "sa" and "system". Name-based: group membership is not
/// visible offline (UNCONFIRMED heuristic). The list is not configurable yet.
inline bool isPrivilegedAccountName(std::string_view userName) {
    const std::string account = config::toLowerAscii(accountPart(userName));
    return account.find("admin") != std::string::npos || account == "sa" || account == "system";
}

/// The pool's identity type as the model's enum (CheckPool spells it as toString does); nullopt
/// for a spelling the adapters do not produce.
inline std::optional<PoolIdentity> poolIdentity(const CheckPool &pool) {
    for (PoolIdentity identity :
         {PoolIdentity::LocalSystem, PoolIdentity::LocalService, PoolIdentity::NetworkService,
          PoolIdentity::ApplicationPoolIdentity, PoolIdentity::SpecificUser}) {
        if (pool.identityType == toString(identity))
            return identity;
    }
    return std::nullopt;
}

/// IIS 5 isolation mode: IIS 5.x, or IIS 6 with /LM/W3SVC IIs5IsolationModeEnabled TRUE or
/// absent (schema default TRUE, Q17). Pools, AppPoolId and pool identities are then unused (C3.12).
inline bool iis5IsolationModel(const config::MetabaseServer &server) {
    return server.iisVersion != IisVersion::V6_0 || server.iis5IsolationMode.value_or(true);
}

/// The metabase application an AppScenario was built from (metabase_apps.cpp places it at the
/// AppRoot key's start tag), or nullptr.
inline const config::MetabaseApplication *metabaseApplication(const config::MetabaseServer &server,
                                                              const AppScenario &app) {
    for (const config::MetabaseSite &site : server.sites) {
        for (const config::MetabaseApplication &application : site.applications) {
            if (application.location == app.location)
                return &application;
        }
    }
    return nullptr;
}

} // namespace iisid::check
