#pragma once

// One application of a checked server, as the resolver sees it: the scenario the configuration
// adds up to, each written setting with the place in the files that decided it, and the kinds of
// handler the application serves. Built by the readers' adapters (metabase_apps.h,
// apphost_apps.h); turned into identities by identity_map.h.

#include "model/scenario.h"
#include "model/scenario_io.h"
#include "model/settings.h"
#include "model/source_location.h"

#include <string>
#include <vector>

namespace iisid::check {

/// A kind of handler an application serves, with the mapping that selects it.
struct MappedHandler {
    HandlerKind kind = HandlerKind::Static;
    std::string path;        // "*.aspx", ".asp"
    std::string name;        // the mapping's name, or the script processor
    SourceLocation location; // the <add> or the ScriptMaps entry
};

struct AppScenario {
    std::string site;
    long long siteId = 0;
    std::string path; // "/", "/app"
    std::string physicalPath;
    std::string pool;
    SourceLocation location; // the <application> element or the AppRoot key
    /// The settings the configuration writes, with their origins; request and handler are
    /// filled per question by the identity map.
    LoadedScenario base;
    std::vector<MappedHandler> handlers; // one per kind, in mapping order
    /// Windows authentication offers Negotiate (so a domain client answers with Kerberos), not
    /// NTLM alone.
    bool windowsNegotiate = true;
};

/// Puts applications in the report's order, by site id, then path (stable). Servers list them
/// in that order already, mostly: then nothing moves (an AppScenario is some 4 KB to move).
void sortApplications(std::vector<AppScenario> &applications);

/// The contract's spelling of a handler kind in the check outputs (check-format.md):
/// static, asp, aspnet, aspnetcore, cgi, fastcgi, isapi.
std::string_view checkKindName(HandlerKind kind);

/// "Site/path" as `--explain` and `--scenario` name an application: "Default Web Site/" for
/// the root, "Default Web Site/app".
std::string appName(const AppScenario &app);
std::string appName(std::string_view site, std::string_view path);

/// Writes "unknown" for what configuration files never tell: who may read the content (NTFS
/// ACLs) and, where an account's password is stored, whether it is right.
void writeUnknowns(LoadedScenario &target);

/// Writes one setting into the scenario and records where it came from (no check of the
/// value's type: the adapters write values of the setting's type). An empty origin (no place
/// in the files) leaves the setting without an entry in `locations`.
void writeSetting(LoadedScenario &target, std::string_view settingId, const SettingValue &value,
                  const SourceLocation &origin);

/// Where a setting's value came from, for a person: "applicationHost.config:182:7" where the
/// files write it, "IIS default for the version" where they do not, "not in the configuration
/// files" for what they never tell (an unknown value, the placeholder machine and domain names).
/// `iisid check --explain`, `--scenario` and the desktop program's editor say it the same way.
std::string settingOrigin(const SettingLocations &locations, const std::string &settingId,
                          const SettingValue &value);

} // namespace iisid::check
